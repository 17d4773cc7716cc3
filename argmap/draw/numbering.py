"""A figure + its numbers → its DOT with the figure numbers as placeholders, made once
however the figures are numbered (:class:`Graphs`), and the numbers filled into the SVG Graphviz
drew from it (:func:`fill_numbers`): a figure's layout survives a round of the fit that
numbers the others anew (:mod:`argmap.draw.fit`); and a finished figure's numbers → those its
document gives the map's figures (:func:`renumber`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

import attrs

from argmap.analysis.figures import Figure
from argmap.analysis.shape import Shape
from argmap.draw.graph import PLACEHOLDER, Fills, Look, figure_graph
from argmap.draw.style import WORD_SIZE
from argmap.model import ArgumentMap
from argmap.words import ENGLISH, NUMBERED, WORDS, Words

#: Figure numbers stand for themselves below this; from it on, for the numbers of a figure in
#: the order :func:`_symbolic` meets them.
_SYMBOL = 1_000_000


def _symbolic(figure: Figure) -> tuple[Figure, list[int]]:
    """The figure with every figure number it shows replaced by a symbol (:data:`_SYMBOL` and
    on, but its own number when it is 1: figure 1 shows the source), and the numbers replaced.
    Figures the same but for their numbers (a figure inserted before them renumbers them) are
    then the same figure, drawn from the same DOT with its placeholders."""
    numbers: list[int] = []

    def symbol(number: int) -> int:
        numbers.append(number)
        return _SYMBOL + len(numbers) - 1

    shown = tuple(
        s if s.where is None else attrs.evolve(s, where=symbol(s.where)) for s in figure.shown
    )
    return attrs.evolve(
        figure,
        shown=shown,
        number=figure.number if figure.number == 1 else symbol(figure.number),
        used_in={top: tuple(map(symbol, users)) for top, users in figure.used_in.items()},
        continued_from={top: symbol(first) for top, first in figure.continued_from.items()},
        more={name: tuple(map(symbol, pages)) for name, pages in figure.more.items()},
        estimate=(0.0, 0.0),
    ), numbers


class Graphs:
    """The DOT (with placeholders) and the placeholders' numbers of each figure, made once
    for figures that come back in a later round of the fit, however they are numbered."""

    def __init__(self, amap: ArgumentMap, shape: Shape, look: Look) -> None:
        self.amap, self.shape, self.look = amap, shape, look
        self.total = 1  # the number of figures of the round last made
        self._made: dict[tuple[str, bool], tuple[str, Fills]] = {}

    def made(self, figure: Figure, total: int) -> tuple[str, Fills]:
        self.total = total
        symbolic, numbers = _symbolic(figure)
        key = (repr(symbolic), total > 1)  # the heading says "FIGURE n OF m" when m > 1
        if key not in self._made:
            # The number of figures too is a symbol (one below the others) when it is shown.
            look = attrs.evolve(self.look, total=_SYMBOL - 1 if total > 1 else 1, placeholder=True)
            graph, fills = figure_graph(self.amap, self.shape, symbolic, look)
            self._made[key] = (graph.source, fills)
        source, fills = self._made[key]
        numbers.append(total)  # what _SYMBOL - 1 stands for: numbers[-1]
        return source, {
            owner: [numbers[n - _SYMBOL] if n >= _SYMBOL - 1 else n for n in found]
            for owner, found in fills.items()
        }


_NODE = re.compile(rb'<g id="[^"]*" class="node[^"]*">\s*<title>([^<]*)</title>')
_TEXT = re.compile(rb"(<text\b[^>]*>)([^<]*)(</text>)")


def fill_numbers(svg: bytes, fills: Fills, words: Words = ENGLISH) -> bytes:
    """The figure numbers put where the layout had placeholders: in the nodes named in
    ``fills`` (and ``""``: the heading, drawn before the first node), only in the texts
    argmap wrote there in ``words`` (never in a claim's text), in order."""
    if not fills:
        return svg
    marker = str(PLACEHOLDER).encode()
    ours, lead = words.numbered(marker)
    starts = [(m.start(), m.group(1).replace(b"&#45;", b"-").decode()) for m in _NODE.finditer(svg)]
    bounds = [(0, ""), *starts, (len(svg), None)]
    pieces = []
    for (begin, owner), (finish, _) in itertools.pairwise(bounds):
        segment = svg[begin:finish]
        numbers = iter(fills.get(owner or "", []))

        def filled(text: re.Match[bytes], numbers=numbers) -> bytes:
            body = text.group(2)
            if body.startswith(lead):  # "figure 4: the start of a claim", its number only
                body = body.replace(marker, str(next(numbers)).encode(), 1)
                return text.group(1) + body + text.group(3)
            if not body.startswith(ours):
                return text.group()
            body = body.replace(marker, b"\0")
            while b"\0" in body:
                body = body.replace(b"\0", str(next(numbers)).encode(), 1)
            return text.group(1) + body + text.group(3)

        pieces.append(_TEXT.sub(filled, segment) if owner in fills else segment)
    return b"".join(pieces)


_FIELD = re.compile(r"\{(\w+)\}")
#: How Graphviz marks a text drawn at the size of argmap's own words (stubs, references, the
#: figure's heading): a claim's text is larger, so it is never taken for them.
WORDS_DRAWN = f' font-size="{WORD_SIZE:.2f}"'.encode()
_TITLE = re.compile(rb"(<title\b[^>]*>)([^<]*)(</title>)")


def _written(text: str) -> str:
    """Words as Graphviz writes them in an SVG's text."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("-", "&#45;")


def _pattern(template: str) -> re.Pattern[str]:
    """A word as a drawing writes it, each field a group: numbers for ``n``, ``total`` and
    ``ns`` (``2, 3``), any text for the others (a claim's start, a title)."""
    fields = {"n": r"\d+", "total": r"\d+", "ns": r"\d+(?:, \d+)*"}
    literals = _FIELD.split(template)  # literal, field, literal, ...
    return re.compile("".join(
        re.escape(_written(part)) if i % 2 == 0 else f"(?P<{part}>{fields.get(part, '.*')})"
        for i, part in enumerate(literals)
    ), re.S)  # fmt: skip


def _format(template: str, fields: dict[str, str]) -> str:
    literals = _FIELD.split(template)
    return "".join(
        _written(part) if i % 2 == 0 else fields[part] for i, part in enumerate(literals)
    )


def renumber(svg: bytes, shown: Sequence[str], words: Words = ENGLISH) -> bytes:
    """A figure of a map drawn as ``len(shown)`` figures, with each figure number it names
    (in its stubs and references: "continued in figure 2") the one its document gives that
    figure, ``shown[n - 1]`` (Sphinx's "3", or "2.3" in a numbered section); its heading the
    document's number alone ("FIGURE 3"), and its ``<title>`` which part of the map it is
    ("part 2 of 5", as its caption says then). Only argmap's own texts, written in ``words``,
    change, and only whole, and the figures its ``<desc>`` names ("Figure 3 (part 2 of 5):
    ...", "Continued in figure 4"); a map drawn as one figure names none, and is as it was."""
    if len(shown) < 2:
        return svg
    lang = words.lang

    def label(number: str) -> str:
        n = int(number)
        return shown[n - 1] if 1 <= n <= len(shown) else number

    keys = [*NUMBERED, "lead"]
    patterns = [(key, _pattern(WORDS[key][lang])) for key in keys]

    def text(found: re.Match[bytes]) -> bytes:
        if WORDS_DRAWN not in found.group(1):  # a claim's text, not argmap's words
            return found.group()
        body = found.group(2).decode("utf-8")
        for key, pattern in patterns:
            match = pattern.fullmatch(body)
            if match is None:
                continue
            fields = match.groupdict()
            if key == "figure of":
                said = _format(WORDS["figure"][lang], {"n": label(fields["n"])})
            else:
                if "n" in fields:
                    fields["n"] = label(fields["n"])
                if "ns" in fields:
                    fields["ns"] = ", ".join(map(label, fields["ns"].split(", ")))
                said = _format(WORDS[key][lang], fields)
            return found.group(1) + said.encode("utf-8") + found.group(3)
        return found.group()

    def title(found: re.Match[bytes]) -> bytes:
        match = _pattern(WORDS["titled"][lang]).fullmatch(found.group(2).decode("utf-8"))
        if match is None:
            return found.group()
        said = _format(WORDS["part of"][lang], match.groupdict())
        return found.group(1) + said.encode("utf-8") + found.group(3)

    def desc(found: re.Match[bytes]) -> bytes:
        said = _described(found.group(2).decode("utf-8"), label, lang)
        return found.group(1) + said.encode("utf-8") + found.group(3)

    renamed = _TITLE.sub(title, _TEXT.sub(text, svg), count=1)
    return _DESC.sub(desc, renamed, count=1)


_DESC = re.compile(rb"(<desc\b[^>]*>)([^<]*)(</desc>)")


def _first(lang: str) -> re.Pattern[str]:
    """How a figure's description starts in ``lang`` (``Figure 3 of 5:``, ``Abbildung 3 von
    5:``): its number, the total, and what ends the phrase (``:``, in French a no-break space
    and ``:``)."""
    said = WORDS["figure thesis"][lang]
    head = said[: said.index("{total}")]
    literal = re.escape(head).replace(r"\{n\}", r"(?P<n>\d+)").replace("\\ ", r"\s+")
    return re.compile(literal + r"(?P<total>\d+)(?P<end>\s*:)?")


def _named(lang: str) -> re.Pattern[str]:
    """The figures a line of a description names in ``lang`` (``figure 2``, ``Abbildungen 2,
    3 und 4``)."""
    nouns = sorted({WORDS[key][lang].split("{")[0].strip() for key in ("figure n", "figures n")},
                   key=len, reverse=True)  # fmt: skip
    words = "|".join(re.escape(noun) for noun in nouns)
    return re.compile(rf"(?i)(?<!\w)(?:{words})\s+\d+(?:(?:,\s*|\s+\w+\s+)\d+)*")


def _described(desc: str, label: Callable[[str], str], lang: str = ENGLISH) -> str:
    """A figure's description (in ``lang``, as :mod:`argmap.draw.describe` writes it) with the
    figures it names as ``label`` numbers them: ``Figure 3 (part 2 of 5): ...``; the claims
    it quotes, and the whole map's summary after them, as they were."""
    lines = desc.split("\n")
    first = _first(lang).match(lines[0])
    if first is None:
        return desc
    n, total = first.group("n"), first.group("total")
    quoted = WORDS["quoted"][lang].split("{text}")
    claims = re.compile(f"({re.escape(quoted[0])}.*?{re.escape(quoted[1])})")
    named_figures = _named(lang)

    def named(found: re.Match[str]) -> str:
        return re.sub(r"\d+", lambda number: label(number.group()), found.group())

    def renamed(line: str) -> str:  # outside the claims it quotes
        parts = claims.split(line)
        return "".join(p if i % 2 else named_figures.sub(named, p) for i, p in enumerate(parts))

    noun = _format(WORDS["figure n"][lang], {"n": label(n)})
    title = noun[:1].upper() + noun[1:]
    part = _format(WORDS["part of"][lang], {"title": title, "n": n, "total": total})
    lines[0] = part + (first.group("end") or "") + renamed(lines[0][first.end() :])
    for i in range(1, len(lines)):  # the figures it goes on in, or draws in full
        if not named_figures.search(claims.sub("", lines[i])):
            break  # the whole map's summary
        lines[i] = renamed(lines[i])
    return "\n".join(lines)


__all__ = ["Graphs", "fill_numbers", "renumber"]
