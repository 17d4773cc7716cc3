"""Sphinx extension: the ``argmap`` directive → a map's numbered figures, inline SVG in HTML
and PDF in LaTeX, from reStructuredText or MyST Markdown.

In ``conf.py``: ``extensions = ["argmap.sphinx"]`` (and ``numfig = True`` for numbers). Then::

    .. argmap:: maps/europe-central-asia.yaml
       :caption: The partnership's argument.
       :name: fig-partnership

    .. argmap::
       :theme: print

       argmap: 1
       title: ...

A map file is relative to the document (or, starting with ``/``, to the source folder), as
Sphinx's ``image`` has it; so is an inline map's ``source: path:``. The options are
:data:`argmap.embed.OPTIONS` (drawing options as ``argmap render`` has them, a caption), with
``name`` and ``class`` as a figure has them; ``argmap_theme`` in ``conf.py`` sets the default
theme. Map files and source texts are read only inside the documentation's project, or under
``argmap_source_root`` (a folder relative to ``conf.py``). A map with errors stops the build
with every diagnostic at its place in the document or the map file. A page is read again
when its maps or their sources change.

Figures fit the output's column (:func:`target_for`): in HTML the text column of the theme
(alabaster's, from its options), in LaTeX the text width and height of the paper (less
a caption's room in height, so that no caption runs over the page's foot);
``argmap_fit`` in ``conf.py`` sets them (``{"html": 720, "latex": "450x600pt"}``).
A map that needs several figures becomes several numbered figures in a row, the first named
by ``:name:``, the others ``NAME-2``, ``NAME-3``..., each captioned "(figure 2 of 3)", in the
map's language. With ``numfig``, in HTML the figures name each other by the numbers Sphinx
gives them (:func:`html_visit`), and each caption says "(part 2 of 3)" after Sphinx's number;
in LaTeX, which numbers figures itself, the drawings keep the map's own count.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from argmap import __version__
from argmap.diagnostics import ArgmapError, Diagnostic, Severity, printable
from argmap.draw.numbering import renumber
from argmap.draw.options import DrawOptions
from argmap.embed import (
    OPTIONS,
    Block,
    BlockError,
    Page,
    Place,
    captions,
    draw_figures,
    names,
    noted,
    parse,
    read_block,
)
from argmap.embed.figures import Target
from argmap.embed.targets import configured, sphinx_html, sphinx_latex
from argmap.io import write_once
from argmap.words import Words, vocabulary

logger = logging.getLogger(__name__)


class argmap_drawing(nodes.General, nodes.Element):  # docutils names nodes so
    """One figure of a map, drawn at reading time: ``figure`` (its data in ``format``), and
    ``alt``."""


class ArgmapDirective(SphinxDirective):
    """``.. argmap:: FILE`` or ``.. argmap::`` with the map as its content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **{name: directives.unchanged for name in OPTIONS if name != "file"},
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        target = self.env.argmap_target  # type: ignore[attr-defined]
        self.env.argmap_drawn[self.env.docname] = str(target)  # type: ignore[attr-defined]
        try:
            block, base = self._block()
            root = self.env.argmap_source_root  # type: ignore[attr-defined]
            found = read_block(block, base, root, SOURCE_ROOT_SETTING)
            for path in found.files:
                self.env.note_dependency(os.path.abspath(path))
            for warning in found.warnings:
                _report(warning)
            where = printable(str(block.place))
            with noted(lambda note: logger.warning("argmap: %s", printable(note), location=where)):
                if target.fmt == "svg":
                    page = self.env.temp_data.setdefault("argmap_page", Page())
                    figures = page.svg(found, target, block.options)
                else:
                    figures = draw_figures(found, target, block.options)
        except BlockError as exc:
            return self._failed(exc)
        except ArgmapError as exc:
            return self._failed(BlockError(block.place, str(exc)))
        shown: list[nodes.Node] = []
        messages: list[nodes.Node] = []
        title = found.map.title or ""
        words = vocabulary(found.map.lang)
        # In HTML with numfig the figures name each other by Sphinx's numbers (html_visit),
        # and a caption says which part of the map its figure is, after Sphinx's number.
        part = bool(self.config.numfig) and target.fmt == "svg"
        texts = captions(block.options.caption, title, figures, words, part=part)
        labels = names(self.options.get("name", ""), figures)
        group = self.env.new_serialno("argmap")
        for figure, caption, label in zip(figures, texts, labels, strict=True):
            node = nodes.figure("", classes=["argmap", *self.options.get("class", [])])
            node += argmap_drawing(figure=figure, format=target.fmt, alt=title, group=group,
                                   lang=words.lang)  # fmt: skip
            if caption:
                text, problems = self.state.inline_text(caption, self.lineno)
                node += nodes.caption(caption, "", *text)
                messages.extend(problems)
            self.set_source_info(node)
            if label:  # each figure can be referred to: :numref:`NAME-2`
                node["names"].append(nodes.fully_normalize_name(label))
                self.state.document.note_explicit_target(node, node)
            shown.append(node)
        return shown + messages

    def _block(self) -> tuple[Block, str]:
        """The block, and the folder its paths are relative to."""
        source, line = self.get_source_info()
        document = _shown(source)
        pairs = [(name, value) for name, value in self.options.items() if name in OPTIONS]
        where = Place(document, line)
        defaults = DrawOptions(theme=self.config.argmap_theme)
        try:
            if self.arguments:
                _, path = self.env.relfn2path(self.arguments[0], self.env.docname)
                pairs.append(("file", _shown(path)))
            options = parse(pairs, defaults)
        except ArgmapError as exc:
            raise BlockError(where, str(exc)) from None
        body = "\n".join(self.content)
        if not self.arguments:
            where = Place(document, line, *_body(self, source, line))
        folder = os.curdir if self.arguments else _shown(os.path.dirname(source))
        return Block(where, options, body), folder

    def _failed(self, error: BlockError) -> list[nodes.Node]:
        """Report a block that cannot be drawn, each diagnostic at its place, and fail the
        build (as ``sphinx.ext.doctest`` does: it finishes, with status 1)."""
        self.env.argmap_failed.add(self.env.docname)  # type: ignore[attr-defined]
        place = error.place
        where = printable(f"{place.document}:{place.line}")
        logger.error("argmap: %s", printable(error.problem), location=where)
        for diagnostic in error.diagnostics:
            _report(diagnostic)
        return []


#: Where a Sphinx project widens the folder maps and their sources may be read from.
SOURCE_ROOT_SETTING = "argmap_source_root in conf.py"


def _source_root(app: Sphinx) -> str | None:
    """``argmap_source_root`` (a folder relative to ``conf.py``), or None: the project."""
    chosen = app.config.argmap_source_root
    return None if chosen is None else os.path.join(app.confdir, chosen)


def _report(diagnostic: Diagnostic) -> None:
    """A map's diagnostic as Sphinx shows problems: ``PATH:LINE:COL: ERROR: message [AM103]``."""
    location = printable(f"{diagnostic.path}:{diagnostic.span.line}:{diagnostic.span.column}")
    say = logger.error if diagnostic.severity is Severity.ERROR else logger.warning
    say("%s [%s]", printable(diagnostic.message), diagnostic.code, location=location)


def _shown(path: str) -> str:
    """A path as messages show it: relative to the current folder when it is below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def _body(directive: SphinxDirective, source: str, line: int) -> tuple[int, int]:
    """The document line (1-based) of the directive's first line of content, and how many
    characters precede it there: found in ``source`` below the directive's ``line``, since
    docutils counts the content's offset from the document's start and MyST from the
    directive's. Without the source (or the line), docutils' offset and column 0."""
    first = directive.content[0] if directive.content else ""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for number in range(line, len(lines)):
        raw = lines[number]
        if first and raw.endswith(first) and not raw[: len(raw) - len(first)].strip():
            return number + 1, len(raw) - len(first)
    return directive.content_offset + 1, 0


# --- writing the figures -------------------------------------------------------------------


def html_visit(self: Any, node: argmap_drawing) -> None:
    """Inline SVG; a fitted figure in a box that scrolls on a phone, but in EPUB: reading
    systems paginate, and not all of them scroll a box sideways (one that clips would cut the
    figure), so there a figure shrinks to the page as before. The figures of a map name each
    other by the numbers Sphinx gives them (with numfig), not by argmap's count."""
    epub = self.builder.name.startswith("epub")
    figure = node["figure"]
    words = vocabulary(node.get("lang"))
    numbers = _fignumbers(self, node)
    if numbers:
        data = renumber(figure.data, numbers, words)
        figure = attrs.evolve(figure, data=data)
    elif self.config.numfig and figure.total > 1:
        _counted(node, words)
    self.body.append(figure.html(scroll=not epub) + "\n")
    raise nodes.SkipNode


def _counted(node: argmap_drawing, words: Words) -> None:
    """The caption of a figure Sphinx gave no number (on a page outside the toctree) says
    which of the map's figures it is, as its drawing counts them, not which part: "(figure 2
    of 3)"; it is written after the drawing."""
    figure = node["figure"]
    caption = node.parent.next_node(nodes.caption) if node.parent is not None else None
    if caption is None or not caption.children or not isinstance(caption[-1], nodes.Text):
        return
    text = str(caption[-1])
    part = words("part of", title="", n=figure.number, total=figure.total).lstrip()
    at = text.rfind(part)
    if at >= 0 and len(text) - at - len(part) <= 1:
        which = words("titled", title="", n=figure.number, total=figure.total).lstrip()
        caption.replace(caption[-1], nodes.Text(text[:at] + which + text[at + len(part) :]))


def _fignumbers(self: Any, node: argmap_drawing) -> list[str]:
    """The numbers Sphinx gives the figures of ``node``'s map (``"3"``, ``"2.3"`` in a
    numbered section), in order, as its HTML writer finds them for captions; none without
    numfig, or when Sphinx numbers not every one of them (a page outside the toctree)."""
    if not self.config.numfig or node.get("group") is None or node.parent is None:
        return []
    key = "figure"
    if self.builder.name == "singlehtml":
        key = f"{self.docnames[-1]}/figure"
    given = getattr(self.builder, "fignumbers", {}).get(key, {})
    mine = [f for f in node.parent.parent.children if _group(f) == node["group"]]
    numbers = [given.get(f["ids"][0]) if f["ids"] else None for f in mine]
    if len(numbers) != node["figure"].total or None in numbers:
        return []
    return [".".join(map(str, n)) for n in numbers if n is not None]


def latex_visit(self: Any, node: argmap_drawing) -> None:
    data = node["figure"].data
    name = "argmap-" + hashlib.sha256(data).hexdigest()[:16]
    write_once(Path(self.builder.outdir, name + ".pdf"), data)
    self.body.append(rf"\noindent\sphinxincludegraphics{{{{{name}}}.pdf}}" + "\n")
    raise nodes.SkipNode


def _group(node: nodes.Node) -> int | None:
    """Which map (its serial number in the document) a figure shows, if it shows one."""
    if isinstance(node, nodes.figure):
        for child in node.children:
            if isinstance(child, argmap_drawing):
                return child.get("group")
    return None


def text_visit(self: Any, node: argmap_drawing) -> None:
    self.add_text(f"[argument map: {node['alt']}]")
    raise nodes.SkipNode


def body_visit(self: Any, node: argmap_drawing) -> None:
    self.body.append(f"[argument map: {node['alt']}]")
    raise nodes.SkipNode


# --- what the environment remembers ---------------------------------------------------------


def target_for(app: Sphinx) -> Target:
    """What this build's figures are drawn as and fitted to: inline SVG in the text column of
    the HTML theme; PDF at the text width (and at most the text height) of LaTeX's paper;
    ``argmap_fit`` (a column per builder format) overrides. Other builders (text, man…)
    show a figure's title and draw nothing to fit."""
    kind = app.builder.format
    chosen = app.config.argmap_fit
    if not isinstance(chosen, dict):
        raise ConfigError("argmap_fit is a dict: a column per builder ({'html': 720})")
    if kind == "latex":
        papersize = app.config.latex_elements.get("papersize", "letterpaper")
        target = sphinx_latex(papersize)
    elif kind == "html":
        theme = getattr(app.builder, "theme", None)
        try:
            options = theme.get_options(app.config.html_theme_options) if theme else {}
        except Exception:
            options = {}
        target = sphinx_html(str(app.config.html_theme), options)
    else:
        return Target("svg", None)
    try:
        return configured(target, chosen.get(kind), f"argmap_fit['{kind}']")
    except ArgmapError as exc:
        raise ConfigError(str(exc)) from None


def _builder_inited(app: Sphinx) -> None:
    app.env.argmap_target = target_for(app)  # type: ignore[attr-defined]
    app.env.argmap_source_root = _source_root(app)  # type: ignore[attr-defined]
    if not hasattr(app.env, "argmap_drawn"):
        app.env.argmap_drawn = {}  # type: ignore[attr-defined]
        app.env.argmap_failed = set()  # type: ignore[attr-defined]


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages read again besides those Sphinx finds changed: those whose maps failed (so the
    build fails until they are mended), and those whose figures were drawn for another
    target: another kind of builder (``sphinx-build -M html`` and ``-M latex`` share their
    doctrees), or another column (the theme's options changed)."""
    wanted = str(env.argmap_target)  # type: ignore[attr-defined]
    drawn: dict[str, str] = env.argmap_drawn  # type: ignore[attr-defined]
    again = {doc for doc, target in drawn.items() if target != wanted}
    again |= env.argmap_failed  # type: ignore[attr-defined]
    return sorted(again - removed)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.argmap_drawn.pop(docname, None)  # type: ignore[attr-defined]
    env.argmap_failed.discard(docname)  # type: ignore[attr-defined]


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    drawn: dict[str, str] = other.argmap_drawn  # type: ignore[attr-defined]
    env.argmap_drawn.update({d: f for d, f in drawn.items() if d in docnames})  # type: ignore[attr-defined]
    env.argmap_failed |= other.argmap_failed & docnames  # type: ignore[attr-defined]


def _finished(app: Sphinx, exception: Exception | None) -> None:
    """A build with a map that could not be drawn ends with status 1."""
    if exception is None and app.env.argmap_failed:  # type: ignore[attr-defined]
        app.statuscode = 1


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx's entry point for ``extensions = ["argmap.sphinx"]``."""
    app.add_config_value("argmap_theme", "light", "env", str)
    app.add_config_value("argmap_fit", {}, "env", dict)
    app.add_config_value("argmap_source_root", None, "env", (str, type(None)))
    app.add_node(
        argmap_drawing,
        html=(html_visit, None),
        latex=(latex_visit, None),
        text=(text_visit, None),
        man=(body_visit, None),
        texinfo=(body_visit, None),
    )
    app.add_directive("argmap", ArgmapDirective)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _finished)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


__all__ = ["ArgmapDirective", "argmap_drawing", "setup"]
