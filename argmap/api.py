"""The Python API: map files in, maps, diagnostics and drawings out (other formats: convert)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs

from argmap.analysis.coverage import Coverage, coverage
from argmap.analysis.draft import Draft
from argmap.analysis.evaluate import Evaluation, evaluate
from argmap.analysis.parts import drawn_part
from argmap.analysis.summary import counted
from argmap.checking import (
    PYTHON_HINT,
    Checked,
    check_bytes,
    check_file,
    check_map_bytes,
    check_map_file,
)
from argmap.diagnostics import FontWarning, MapError, UsageError, drawing_notes
from argmap.drafts import drafted
from argmap.draw.options import DEFAULT_THEME, DrawOptions, Fit, check_choices, check_fit, format_of
from argmap.formats.sniff import foreign
from argmap.io import make_folder, read_file, refuse_overwrite, write_atomic
from argmap.model import ArgumentMap
from argmap.model.composed import composed
from argmap.project import SOURCE_ROOT_HINT
from argmap.read.source import SourceText
from argmap.sources import Root, read_source, source_of

Place = str | os.PathLike[str]  # a file, by its path


def refuse_own_files(amap: ArgumentMap, path: Place, target: Place, hint: str = "") -> None:
    """A UsageError when ``target`` is the map's own file ``path`` or its source text (then
    ``hint``, what to do instead)."""
    refuse_overwrite(path, Path(target), "the map itself", hint)
    if amap.source is not None:
        why = "the map's source text (its quotes are checked against it)"
        refuse_overwrite(Path(path).parent / amap.source.path, Path(target), why, hint)


@attrs.frozen(repr=False)
class Map(ArgumentMap):
    """A map read from a file and checked (what :func:`load` returns): an
    :class:`~argmap.model.ArgumentMap` that knows its file, and draws itself. Jupyter shows it
    as its SVG, and as text (as IPython does) in one line: its title, file and claims."""

    path: str | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    source_root: str | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    @classmethod
    def of(cls, amap: ArgumentMap) -> Map:
        """``amap`` (a model built in code, or imported: ``import_file(...).map``) as a map that
        draws itself; a Map as it is. It knows no file: an HTML page of it shows no source
        unless ``source`` is given."""
        if isinstance(amap, Map):
            return amap
        return cls(**{field.name: getattr(amap, field.name) for field in attrs.fields(ArgumentMap)})

    def render(self, fmt: str = "svg", **options: Any) -> bytes:
        """This map drawn as ``fmt``: :func:`render_map` (same options). An HTML page shows
        the source text beside the map unless ``source`` is given."""
        return render_map(self, fmt, **self._with_source(fmt, options))

    def figures(self, fmt: str = "svg", **options: Any) -> list[bytes]:
        """This map's figures drawn as ``fmt``: :func:`render_figures` (same options)."""
        return render_figures(self, fmt, **self._with_source(fmt, options))

    def evaluate(self) -> Evaluation:
        """Which claims stand, which are defeated and which are undecided, and why: what
        ``argmap eval`` says (:func:`argmap.analysis.evaluate.evaluate`)."""
        return evaluate(self)

    def coverage(self) -> Coverage:
        """Which sentences of the source this map quotes, and how much each claim quotes
        (``.quoted(id)``): what ``argmap coverage`` says. UsageError when the map has no
        source, or knows no file to read it beside."""
        if self.path is None:
            raise UsageError("the map knows no file, so no source to read: load() it from one")
        text = source_text(self, self.path, source_root=self.source_root)
        if text is None:
            raise UsageError(f"{self.path}: the map has no source to cover")
        return coverage(self, SourceText(text))

    def _with_source(self, fmt: str, options: dict[str, Any]) -> dict[str, Any]:
        """``options`` with, for an HTML page, the source's text read from beside the map
        file (inside its project or ``source_root``) unless ``source`` is given."""
        if fmt == "html" and "source" not in options and self.path is not None:
            options["source"] = source_text(self, self.path, source_root=self.source_root)
        return options

    def save(self, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> None:
        """Draw this map into the file ``path``, whole or not at all, creating missing
        folders on its way: :func:`save_map`. A UsageError refuses to write over the map's
        own file or its source text."""
        if self.path is not None:
            refuse_own_files(self, self.path, path)
        _save(path, self.render(format_of(path, fmt), **options))

    def __repr__(self) -> str:
        where = "" if self.path is None else f" from {self.path!r}"
        return f"<argmap.Map {self.title!r}{where}: {counted(self)}>"

    def _repr_svg_(self) -> str:
        """Jupyter and IPython show a map as its SVG."""
        from argmap.draw.svg import inline  # the drawing stack: see render_map

        return inline(self.render("svg"))


def load(path: str | os.PathLike[str], *, source_root: Root = None) -> Map:
    """The map in a file, checked (its source read only inside the map's project or
    ``source_root``). Raises MapError (with ``.diagnostics``) if it has errors."""
    data = read_file(path)
    found = check_bytes(data, os.fspath(path), source_root=source_root)
    if not found.ok:  # said as Python says it: the argument, the call, not the command line
        problems = list(found.diagnostics)
        if found.map is None and (other := foreign(data, os.fspath(path), python=True)):
            problems = [other]
        raise MapError(problems)
    assert found.map is not None
    root = None if source_root is None else os.fspath(source_root)
    return attrs.evolve(Map.of(found.map), path=os.fspath(path), source_root=root)


def render_map(
    amap: ArgumentMap,
    fmt: str = "svg",
    *,
    theme: str = DEFAULT_THEME,
    width: str | None = None,
    id_prefix: str = "",
    source: str | None = None,
    status: bool = False,
    evaluation: Evaluation | None = None,
    dpi: int | None = None,
    fit: Fit | int | str | None = None,
    page: str | None = None,
    landscape: bool = False,
    legend: bool = True,
    title: bool = True,
    min_text_size: float | None = None,
    draft: Draft | None = None,
) -> bytes:
    """A map drawn as ``fmt`` (svg, png, pdf, dot or html) by the bundled Graphviz.

    With ``status``, each claim shows whether it stands, is defeated or is undecided: as
    ``evaluation`` has it when given (a part of a map shows the whole map's verdicts:
    :meth:`~argmap.analysis.evaluate.Evaluation.within`), else as the map's own
    (:func:`argmap.analysis.evaluate.evaluate`). ``legend`` draws the legend, ``title`` the
    map's title and source (leave them out of figures that a document captions). ``draft`` (a
    map with errors: :func:`drafted`) draws the whole map as a draft, saying so.

    SVG is made for documents (:mod:`argmap.draw.svg`); HTML is the map beside its source
    text (:mod:`argmap.pages.view`). ``theme`` (light, dark, print, auto) colours every
    format (``print``, black on white, suits a PDF for paper; ``auto`` follows the reader's
    system in SVG and HTML and is light in the others); ``id_prefix`` applies to SVG and
    HTML, ``width`` (a CSS length) to SVG, ``dpi`` (the resolution, recorded in the file; 144
    by default) to PNG; ``source`` is the source's text, for HTML (see :func:`source_text`;
    without it the page shows the map alone).

    ``fit`` (CSS px, or on paper: ``"468pt"``) lays the map out for a column that wide (the
    HTML view opens at that column's scale), and ``page`` (``a4`` or ``letter``, ``landscape``
    or not) a PDF of printed pages, few and headed: see :func:`render_figures`, which
    returns every figure when the map needs several. Here such a map raises UsageError.

    The text is drawn in the font argmap ships, whatever fonts the machine has. Text that
    font cannot draw (Chinese, say) is drawn with the machine's fonts, and a
    :class:`~argmap.diagnostics.FontWarning` names it and the font to install.
    """
    drawings = render_figures(
        amap, fmt, theme=theme, width=width, id_prefix=id_prefix, source=source,
        status=status, evaluation=evaluation, dpi=dpi, fit=fit, page=page,
        landscape=landscape, legend=legend, title=title, min_text_size=min_text_size,
        draft=draft,
    )  # fmt: skip
    if len(drawings) > 1:
        raise UsageError(
            f"at a width of {check_fit(fit, fmt)} the map is drawn as {len(drawings)} figures; "
            "argmap.render_figures returns them all (a loaded map's .figures())"
        )
    return drawings[0]


def render_figures(
    amap: ArgumentMap,
    fmt: str = "svg",
    *,
    theme: str = DEFAULT_THEME,
    width: str | None = None,
    id_prefix: str = "",
    source: str | None = None,
    status: bool = False,
    evaluation: Evaluation | None = None,
    dpi: int | None = None,
    fit: Fit | int | str | None = None,
    page: str | None = None,
    landscape: bool = False,
    legend: bool = True,
    title: bool = True,
    min_text_size: float | None = None,
    draft: Draft | None = None,
    first_number: str | None = None,
) -> list[bytes]:
    """A map's figures drawn as ``fmt``, in reading order (the options of :func:`render_map`).

    With ``status``, each claim's status is ``evaluation``'s when given (a part of a map
    shows the whole map's: :meth:`~argmap.analysis.evaluate.Evaluation.within`), else the
    map's own.

    With ``fit`` (svg, png, pdf, dot): each figure readable in a column ``fit`` CSS px wide
    (claim text at least 9 px, all text at least 7 px, all figures at one scale), as many as
    the map needs; one figure when the whole map fits. On paper (``"468pt"``, ``"6.5in"``;
    ``"468x620pt"`` with the most a figure may be tall: :class:`~argmap.draw.options.Fit`),
    each figure at the size it is printed, claim text at least 9 pt, all text 7 pt. With
    ``page`` (pdf): one document, the figures in rows (side by side where they fit), as many a
    page as fit, at one scale (the widest as wide as the page, never enlarged), all text at
    least 7 pt; on a poster's paper (``a3``, ``a2``, ``a1``, ``a0``), the whole map on one
    page, as large as the page holds. ``min_text_size`` (pt, or px in a screen's column;
    6 to 24, None: 9) is the least claim text the figures are made for, the other text in
    proportion: a lower one gives fewer, smaller figures; ``first_number`` (``"7"``), the
    number a document gives the first, by which png, pdf and dot figures name each other.
    Otherwise the whole map as one drawing.
    """
    # The drawing stack (the DOT builder, Graphviz, the SVG for documents, the HTML page) loads
    # with the first drawing, not with this module: checking a map never needs it.
    from argmap.draw.figures import draw_figures, whole_svg
    from argmap.draw.svg import check_theme

    check_choices(fmt, id_prefix=id_prefix, width=width, dpi=dpi, page=page, landscape=landscape,
                  min_text_size=min_text_size, fit=fit)  # fmt: skip
    check_theme(theme)
    fit = check_fit(fit, fmt, page=page, width=width)
    amap = composed(amap)  # a map written in NFD draws as in NFC: its file stays as written
    if draft is not None and (fit is not None or page is not None):
        raise UsageError("a draft is the whole map drawn: give no fit= or page= with draft=")
    if draft is not None and status:
        raise UsageError("a draft has errors: give no status= with draft= (no verdicts on it)")
    if not status:
        evaluation = None
    elif evaluation is None:
        evaluation = evaluate(amap)
    if fmt == "html":
        from argmap.pages.view import page as view  # the HTML view: for this format only

        drawn = whole_svg(amap, legend=legend, evaluation=evaluation, theme=theme, titled=title,
                          draft=draft)  # fmt: skip
        shown = None if fit is None else round(fit.width)
        return [view(amap, drawn, source, theme=theme, id_prefix=id_prefix, fit=shown)]
    return draw_figures(
        amap, fmt, evaluation=evaluation, theme=theme, width=width, id_prefix=id_prefix,
        dpi=dpi, fit_to=fit, page=page, landscape=landscape, legend=legend, title=title,
        least=min_text_size, draft=draft, first=first_number,
    )  # fmt: skip


#: What a map that ran out of memory is told (Python's MemoryError says nothing).
OUT_OF_MEMORY = (
    "ran out of memory while checking or drawing it; draw a part of it with --focus ID, "
    "or draw it where more memory is free"
)


def draw(
    amap: ArgumentMap,
    path: str,
    fmt: str,
    options: DrawOptions,
    *,
    notes: list[str] | None = None,
    source_root: Root = None,
    draft: Draft | None = None,
) -> list[bytes]:
    """A checked map drawn as ``fmt`` with the render command's ``options``, as one drawing
    or (with ``fit``) the figures it needs: the part around ``options.focus``
    (:func:`argmap.analysis.focus.focus`) when it names a claim, the handout of
    ``options.side`` (:func:`argmap.analysis.sides.side`) when it names one; an HTML page
    with the source text, read relative to the map file at ``path`` (inside the map's project
    or ``source_root``); with ``draft``, a map with errors drawn as a draft (:func:`drafted`).

    With ``notes``, what argmap has to say about the drawing (text its font cannot draw, a
    figure too big to keep its text readable: :class:`~argmap.diagnostics.DrawingNote`) is
    added to that list, one line each, instead of being warned.
    """
    if notes is None:
        return _draw(amap, path, fmt, options, source_root, draft)
    with drawing_notes() as said:
        data = _draw(amap, path, fmt, options, source_root, draft)
    notes.extend(str(note) for note in said if not isinstance(note, FontWarning))
    notes.extend(_font_notes([note for note in said if isinstance(note, FontWarning)]))
    return data


def _font_notes(found: list[FontWarning]) -> list[str]:
    """The font warnings of one drawing (one per figure Graphviz drew) as one note each about
    the machine and about the text."""
    if len(found) < 2:
        return [str(w) for w in found]
    from argmap.draw.glyphs import advice  # the drawing stack: loaded by the drawing

    lacking: dict[str, str | None] = {}
    for warning in found:
        lacking.update(warning.lacking)
    machine = list(dict.fromkeys(str(w) for w in found if not w.lacking))
    return machine + ([advice(lacking)] if lacking else [])


def _draw(
    amap: ArgumentMap,
    path: str,
    fmt: str,
    options: DrawOptions,
    source_root: Root,
    draft: Draft | None = None,
) -> list[bytes]:
    try:
        left_out = draft.dropped if draft is not None else None  # claims a draft leaves out
        amap, evaluation = drawn_part(amap, center=options.focus, depth=options.depth,
                                      role=options.side, status=options.status,
                                      left_out=left_out)  # fmt: skip
    except UsageError as exc:  # one of many maps, perhaps (render maps/ --side ...): which
        if options.side is None:
            raise
        raise UsageError(f"{path}: {exc}") from None
    source = None
    if fmt == "html":
        try:
            source = source_text(amap, path, source_root=source_root)
        except UsageError:
            if draft is None:
                raise
            # A draft's source may be missing or outside the project (AM109, AM117): the page
            # shows the map alone, as for a map without a source.
    return render_figures(
        amap,
        fmt,
        theme=options.theme,
        width=options.width,
        id_prefix=options.id_prefix,
        source=source,
        status=options.status,
        evaluation=evaluation,
        dpi=options.dpi,
        fit=options.fit,
        page=options.page,
        landscape=options.landscape,
        legend=options.legend,
        title=options.title,
        min_text_size=options.min_text_size,
        draft=draft,
        first_number=options.first_number,
    )


def save_map(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    **options: Any,
) -> None:
    """Draw a map into the file ``path``, whole or not at all.

    Missing folders on the way to ``path`` are created, as build tools create their output
    folders; a file standing where a folder should be is a UsageError that says so. ``fmt``
    defaults to the format the extension of ``path`` names (one of :data:`FORMATS`, else a
    UsageError); ``options`` are those of :func:`render_map`.
    """
    _save(path, render_map(amap, format_of(path, fmt), **options))


def _save(path: str | os.PathLike[str], drawing: bytes) -> None:
    make_folder(os.path.dirname(os.fspath(path)))
    write_atomic(path, drawing)


def source_text(
    amap: ArgumentMap, path: str | os.PathLike[str], *, source_root: Root = None
) -> str | None:
    """The text of a map's source, read relative to the map file at ``path``, inside the
    map's project or ``source_root``.

    None when the map has no source; UsageError when it cannot be read or lies outside.
    """
    try:
        return source_of(amap, path, source_root)
    except UsageError as exc:  # said as Python says it: the argument, not the option
        raise UsageError(str(exc).replace(SOURCE_ROOT_HINT, PYTHON_HINT)) from None


__all__ = [
    "OUT_OF_MEMORY", "Checked", "Map", "check_bytes", "check_file", "check_map_bytes",
    "check_map_file", "drafted", "draw", "load", "read_source", "refuse_own_files",
    "render_figures", "render_map", "save_map", "source_text",
]  # fmt: skip
