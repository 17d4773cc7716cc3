"""Pandoc filter (``argmap-pandoc``): ``argmap`` code blocks and ``{.argmap}`` images → the
map's figures: inline SVG for HTML, PDF for LaTeX, PNG for Word and the rest.

In a Markdown document::

    ```{.argmap file=maps/europe-central-asia.yaml caption="The partnership." #fig-map}
    ```

    ```{.argmap theme=print}
    argmap: 1
    title: ...
    ```

    ![The partnership's argument.](maps/europe-central-asia.yaml){.argmap #fig-seed}

Then ``pandoc doc.md --filter argmap-pandoc -o doc.html`` (or ``.docx``, ``.pdf``, ``.tex``),
or in Quarto the extension ``argmap-pandoc --quarto-extension`` writes (:mod:`argmap.quarto`),
named as ``filters: [argmap]``. A block's attributes are the options of
:data:`argmap.embed.OPTIONS`; metadata ``argmap-theme`` sets the default theme and
``argmap-figures`` the folder that PDF and PNG figures are written to (default
``argmap-figures``, in the working folder, where paths are relative to as Pandoc has them),
and ``argmap-source-root`` a folder, besides the document's project, that maps and their
source texts may be read from.

Figures fit the output (:func:`argmap.embed.outputs.choose`): HTML's column (640 CSS px; 496
with Pandoc 3, whose template sets no font size), LaTeX's text block as the document's
``papersize``, ``fontsize`` and ``geometry`` set it (345 by 550 TeX points without them, the
article class), less a caption's room in height, DOCX's page (420 pt, PNG at 300 dpi), a Beamer
frame (at the deck's ``aspectratio``) and a PowerPoint slide's picture box, one figure to a
slide, without the map's title and legend unless a block asks; metadata ``argmap-fit`` sets
them (``{html: 720, latex: 450x600pt, beamer: 300x200pt, pptx: 640x300pt, docx: none}``), and
an unknown key or page setting is said once on stderr. In LaTeX the float fractions are raised
(:data:`argmap.embed.shown.FLOATS`) so that tall figures share pages with the text. A map that
needs several figures becomes consecutive figures, captioned "(figure 2 of 3)" in the map's
language, the first with the block's id and the others ``ID-2``, ``ID-3``...; they name each
other by that count, and in LaTeX and Beamer by the numbers LaTeX gives them, counted as the
filter meets the document's figures (:mod:`argmap.embed.numbers`), their captions saying
"(part 2 of 3)".
A map with errors stops Pandoc: every diagnostic is on stderr at its place in the document
(found in the input files Pandoc was given) or in the map file.

Built on panflute rather than pandocfilters: its typed elements and its ``Figure`` and
``Caption`` let one filter write figures for Pandoc 2 (implicit figures, as Debian's pandoc
reads them) and Pandoc 3 (figure blocks, as Quarto's does) without building JSON by hand.
"""

from __future__ import annotations

import hashlib
import html
import os
import sys
from pathlib import Path

import attrs
import panflute as pf

from argmap import quarto
from argmap.diagnostics import ArgmapError, printable
from argmap.draw.options import DrawOptions
from argmap.embed import (
    Block,
    BlockError,
    Page,
    Place,
    Target,
    captions,
    draw_figures,
    names,
    noted,
    parse,
    read_block,
)
from argmap.embed.numbers import CHAPTERED, Numbers
from argmap.embed.outputs import SLIDES, choose, kind
from argmap.embed.outputs import name as _name
from argmap.embed.shown import FLOATS, shrunk
from argmap.embed.sources import Sources
from argmap.io import make_folder, write_once
from argmap.words import ENGLISH, Words, vocabulary


def figure_format(output: str) -> str:
    """What figures are drawn as for Pandoc's output format ``output`` (``html5``, ``docx``…).

    >>> [figure_format(f) for f in ("html5", "latex", "docx")]
    ['svg', 'pdf', 'png']
    """
    return target(output).fmt


def target(output: str, fits: object = None, pandoc3: bool = False) -> Target:
    """What a block's figures are drawn as and fitted to in Pandoc's output format ``output``,
    with the metadata ``argmap-fit`` (``fits``: a column per kind of output, or one for all),
    by Pandoc 2 or, with ``pandoc3``, Pandoc 3 (whose HTML template has a narrower column).
    The document's other metadata counts too: :func:`argmap.embed.outputs.choose`.

    >>> [str(target(f)) for f in ("html5", "latex", "docx")]
    ['svg fitted to 640 px', 'pdf fitted to 343.71x511.09pt', 'png fitted to 420x600pt']
    >>> [str(target(f)) for f in ("beamer", "pptx")]
    ['pdf fitted to 306.14x189.29pt', 'png fitted to 648x227pt']
    >>> str(target("html5", pandoc3=True))
    'svg fitted to 496 px'
    >>> str(target("html5", {"html": "none"})), str(target("docx", "300pt"))
    ('svg, whole', 'png fitted to 300pt')
    """
    return choose(output, {} if fits is None else {"argmap-fit": fits}, pandoc3).target


class Filter:
    """One document's run: its options, where its blocks are, and the ids on its page."""

    def __init__(self, doc: pf.Doc, inputs: list[str], quarto: bool = False) -> None:
        self.new_figures = doc.api_version >= (1, 23)  # Pandoc 3
        chosen = choose(doc.format, doc.get_metadata() or {}, self.new_figures, quarto)
        for warning in chosen.warnings:  # once a document
            _say(f"argmap-pandoc: {warning}")
        self.target = chosen.target
        self.fmt = self.target.fmt
        self.kind = kind(doc.format)
        self.drawn = 0  # figures drawn, of every block
        # Fitted figures scroll on a phone (Figure.html), but in EPUB: reading systems
        # paginate, and one that clips a box would cut the figure.
        self.scroll = not _name(doc.format).startswith("epub")
        self.figures = Path(str(doc.get_metadata("argmap-figures", "argmap-figures")))
        # A slide's room is its claims': the frame's title and the caption name the map, the
        # speaker its notation (a block's title=true legend=true draws them).
        slide = {"title": False, "legend": False} if self.kind in SLIDES else {}
        self.defaults = DrawOptions(theme=str(doc.get_metadata("argmap-theme", "light")), **slide)
        root = doc.get_metadata("argmap-source-root", None)
        self.source_root = None if root is None else str(root)
        self.sources = Sources(inputs)
        self.page = Page()
        # LaTeX numbers the figures: they are counted (in each chapter of a book), so that a
        # map's drawings name each other by LaTeX's numbers (numbers.py).
        self.numbers = _numbers(doc) if _name(doc.format) in ("latex", "beamer") else None

    def __call__(self, elem: pf.Element, doc: pf.Doc) -> pf.Element | list[pf.Element] | None:
        if self.numbers is not None:
            _count(self.numbers, elem)
        if isinstance(elem, pf.CodeBlock) and "argmap" in elem.classes:
            place = self.sources.block(elem.text)
            return self.draw(place, elem.attributes, elem.text, None, elem.identifier)
        image = _argmap_image(elem)
        if image is not None:
            place = self.sources.image(image.url)
            pairs = {**image.attributes, "file": image.url}
            caption, identifier = list(image.content), image.identifier
            if isinstance(elem, pf.Figure):  # Pandoc 3 moves these to the figure it makes
                caption = _caption(elem) or caption
                identifier = elem.identifier or identifier
            return self.draw(place, pairs, "", caption, identifier)
        return None

    def draw(
        self,
        place: Place,
        attributes: dict[str, str],
        body: str,
        caption: list[pf.Inline] | None,
        identifier: str,
    ) -> list[pf.Element]:
        """The figures of one block, as blocks of the document."""
        try:
            options = parse(attributes.items(), self.defaults)
            if self.numbers is not None:  # LaTeX's number of the first figure
                numbered = attrs.evolve(options.draw, first_number=self.numbers.next())
                options = attrs.evolve(options, draw=numbered)
            block = Block(place, options, body)
            found = read_block(block, os.curdir, self.source_root, "metadata argmap-source-root")
            for warning in found.warnings:
                _say(f"argmap-pandoc: {warning}")
            with noted(lambda note: _say(f"argmap-pandoc: {place}: note: {note}")):
                if self.fmt == "svg":
                    figures = self.page.svg(found, self.target, block.options)
                else:
                    figures = draw_figures(found, self.target, block.options)
        except ArgmapError as exc:
            if isinstance(exc, BlockError):
                raise
            raise BlockError(place, str(exc)) from None
        stem = Path(block.options.file or "map").stem
        title = found.map.title or stem
        words = vocabulary(found.map.lang)
        numbered = self.numbers is not None and len(figures) > 1  # by LaTeX: "(part 2 of 3)"
        texts = captions(block.options.caption, title, figures, words, part=numbered)
        shown: list[pf.Element] = []
        for note in shrunk(figures, self.target, block.options):
            _say(f"argmap-pandoc: {place}: note: {note}")
        self.drawn += len(figures)
        for figure, text, name in zip(figures, texts, names(identifier, figures), strict=True):
            if caption and figure.total > 1:  # an image's caption, and which figure this is
                said = _numbered(caption, figure.number, figure.total, words, numbered)
            elif caption is not None and figure.total == 1:
                said = caption
            else:
                said = _inlines(text)
            if figure.fmt == "svg":
                shown.extend(self._html(figure.html(scroll=self.scroll), said, name))
            else:
                path = self._write(stem, figure.data, figure.fmt)
                shown.append(self._figure(path, said, name, title))
                if self.numbers is not None and said:  # a figure LaTeX numbers
                    self.numbers.count += 1
            if self.kind in SLIDES:  # a rule ends the slide: a figure to a slide
                shown.append(pf.HorizontalRule())
        return shown

    def _write(self, stem: str, data: bytes, fmt: str) -> str:
        """A figure's file, named by its content, in the figures folder."""
        make_folder(self.figures)
        path = self.figures / f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}.{fmt}"
        write_once(path, data)  # a link planted under its name is replaced, never followed
        return path.as_posix()

    def _figure(self, path: str, caption: list[pf.Inline], name: str, alt: str) -> pf.Element:
        if not caption:  # an image: a figure would print "Figure 1:" and nothing after it
            return pf.Para(pf.Image(pf.Str(alt), url=path, identifier=name))
        if self.new_figures:  # Pandoc 3: a figure block
            image = pf.Image(pf.Str(alt), url=path)
            return pf.Figure(
                pf.Plain(image),
                caption=pf.Caption(pf.Plain(*caption)) if caption else None,
                identifier=name,
                classes=["argmap"],
            )
        # Pandoc 2: an image alone in a paragraph, titled "fig:", is a figure.
        return pf.Para(pf.Image(*caption, url=path, title="fig:", identifier=name))

    def _html(self, svg: str, caption: list[pf.Inline], name: str) -> list[pf.Element]:
        if self.new_figures:
            block = pf.RawBlock(svg, format="html")
            captioned = pf.Caption(pf.Plain(*caption)) if caption else None
            return [pf.Figure(block, caption=captioned, identifier=name, classes=["argmap"])]
        start = f' id="{html.escape(name)}"' if name else ""
        shown: list[pf.Element] = [
            pf.RawBlock(f'<figure class="argmap"{start}>\n{svg}', format="html")
        ]
        if caption:
            shown += [pf.RawBlock("<figcaption>", format="html"), pf.Plain(*caption)]
            shown.append(pf.RawBlock("</figcaption>", format="html"))
        return [*shown, pf.RawBlock("</figure>", format="html")]


def _argmap_image(elem: pf.Element) -> pf.Image | None:
    """The ``{.argmap}`` image a figure or a paragraph holds alone, or None. A paragraph
    inside a figure (Pandoc 3's implicit figure) is left to the figure, which is replaced
    whole: its figures would else be drawn inside it, nested, and lose their ids."""
    if not isinstance(elem, (pf.Para, pf.Plain, pf.Figure)):
        return None
    if isinstance(elem.parent, pf.Figure):
        return None
    content = elem.content
    if isinstance(elem, pf.Figure):
        if len(content) != 1 or not isinstance(content[0], (pf.Plain, pf.Para)):
            return None
        content = content[0].content
    if len(content) == 1 and isinstance(content[0], pf.Image) and "argmap" in content[0].classes:
        return content[0]
    return None


def _numbers(doc: pf.Doc) -> Numbers:
    """A LaTeX document's count of figures: by chapter in a book, report or memoir (Pandoc's
    chapters there, or with ``--top-level-division=chapter``) whose chapters are numbered
    (``numbersections``, ``-N``); else on through the document."""
    given = str(doc.get_metadata("documentclass", "") or "")
    words = _command_line()
    chaptered = given in CHAPTERED or "--top-level-division=chapter" in words
    numbered = bool(doc.get_metadata("numbersections", False)) or bool(
        {"-N", "--number-sections"} & set(words)
    )
    return Numbers(chaptered=chaptered and numbered and _name(doc.format) == "latex")


def _count(numbers: Numbers, elem: pf.Element) -> None:
    """What LaTeX numbers, met in the document (an ``argmap`` block is counted as drawn)."""
    if isinstance(elem, pf.Header) and elem.level == 1 and "unnumbered" not in elem.classes:
        numbers.chapter_starts()
    elif isinstance(elem, pf.RawBlock) and elem.format in ("latex", "tex"):
        numbers.raw(elem.text)
    elif _argmap_image(elem) is not None or isinstance(elem.parent, pf.Figure):
        return
    elif isinstance(elem, pf.Figure) and elem.caption is not None and _caption(elem):
        numbers.count += 1
    elif isinstance(elem, pf.Para) and len(elem.content) == 1:
        image = elem.content[0]
        if isinstance(image, pf.Image) and image.title.startswith("fig:"):  # Pandoc 2's
            numbers.count += 1


def _caption(figure: pf.Figure) -> list[pf.Inline]:
    """The words of a Pandoc 3 figure's caption (its first paragraph), or none."""
    blocks = list(figure.caption.content) if figure.caption is not None else []
    first = blocks[0] if blocks else None
    return list(first.content) if isinstance(first, (pf.Plain, pf.Para)) else []


def _numbered(
    caption: list[pf.Inline],
    number: int,
    total: int,
    vocabulary: Words = ENGLISH,
    part: bool = False,
) -> list[pf.Inline]:
    """A caption with which figure it is, before its closing full stop, as
    :func:`argmap.embed.captions` writes it, in the map's ``vocabulary``: ``The map (figure 2 of
    3).``; with ``part``, where the document numbers the figures, ``The map (part 2 of 3).``"""
    words = list(caption)
    stop = ""
    last = words[-1] if words else None
    if isinstance(last, pf.Str) and last.text[-1:] in (".", "!", "?"):
        stop = last.text[-1]
        words[-1] = pf.Str(last.text[:-1])
        if not words[-1].text:
            words.pop()
    which = vocabulary("part of" if part else "titled", title="", n=number, total=total).lstrip()
    return [*words, pf.Space(), pf.Str(which + stop)]


def _inlines(text: str | None) -> list[pf.Inline]:
    """A caption written as Markdown, as Pandoc's inlines."""
    if not text:
        return []
    blocks = pf.convert_text(text, input_format="markdown")
    return list(blocks[0].content) if blocks and isinstance(blocks[0], pf.Para) else []


def _say(text: str) -> None:
    """Say something on stderr, which Pandoc shows on the terminal: each line escaped
    (:func:`~argmap.diagnostics.printable`), so nothing in a map or a file name reaches it raw."""
    print("\n".join(map(printable, text.split("\n"))), file=sys.stderr)


def _floats(doc: pf.Doc) -> None:
    """LaTeX's float fractions raised (:data:`argmap.embed.shown.FLOATS`) in the document's
    ``header-includes``, before its own, which win."""
    ours = pf.MetaBlocks(pf.RawBlock(FLOATS, format="latex"))
    found = doc.metadata.content.get("header-includes")
    if isinstance(found, pf.MetaList):
        found.content.insert(0, ours)
    else:
        doc.metadata["header-includes"] = pf.MetaList(ours, *([found] if found is not None else []))


def _command_line() -> list[str]:
    """Pandoc's command line (Pandoc runs the filter, and tells a JSON filter neither its
    files nor its options); none where it cannot be read."""
    try:
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as file:
            return file.read().decode("utf-8", "replace").split("\0")[1:]
    except OSError:
        return []


def _inputs() -> list[str]:
    """The files Pandoc was given, read from its command line: the only way to place
    diagnostics in the document."""
    return [word for word in _command_line() if word and os.path.isfile(word)]


def main() -> int:
    """The ``argmap-pandoc`` command: Pandoc's JSON on stdin, the output format as the first
    argument (then ``quarto`` from the Quarto extension's filter, :mod:`argmap.quarto`); the
    document with figures on stdout. Exit status 1 when a map has errors.
    ``argmap-pandoc --quarto-extension [FOLDER]`` writes that extension."""
    if sys.argv[1:2] == ["--quarto-extension"]:
        return quarto.command(sys.argv[2:])
    doc = pf.load(sys.stdin)
    doc.format = sys.argv[1] if len(sys.argv) > 1 else "html"
    try:
        run = Filter(doc, _inputs(), quarto=sys.argv[2:3] == [quarto.QUARTO])
        doc = doc.walk(run)
        last = doc.content[-1] if doc.content else None
        if run.drawn and run.kind in ("beamer", "pptx") and isinstance(last, pf.HorizontalRule):
            doc.content.pop()  # the rule after the last figure: no empty slide at the end
        if run.drawn and _name(doc.format) == "latex":
            _floats(doc)
    except BlockError as exc:
        _say(f"argmap-pandoc: {exc}" if not exc.diagnostics else str(exc))
        return 1
    except ArgmapError as exc:  # a figure that could not be written
        _say(f"argmap-pandoc: {exc}")
        return 1
    pf.dump(doc, sys.stdout)
    return 0


__all__ = ["Filter", "figure_format", "main", "target"]

if __name__ == "__main__":  # the Quarto extension's filter runs ``python -m argmap.pandoc``
    sys.exit(main())
