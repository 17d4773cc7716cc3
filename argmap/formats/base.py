"""What every format module returns (the map imported or the text exported, with notes), and
the helpers importers share: text cleaning, ids from first words, the support cycle to break."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from argmap.checks.urls import problem as bad_url  # the check's own rule (AM108)
from argmap.diagnostics import ArgmapError
from argmap.encodings import undecodable, wide
from argmap.model import ArgumentMap, Link, relations
from argmap.model.keys import ID_PATTERN, MAX_ID, REFUSED, SURROGATES, slugify
from argmap.read.jsontree import MAX_JSON_DEPTH, MOST_DIGITS
from argmap.read.yamltree import bad_character


class FormatError(ArgmapError):
    """The input is not in the format at all (not XML, not JSON, no nodes): nothing to import."""


#: How deep attacks on attacks may nest in an imported map (an objection to an objection to ...
#: an objection): deeper ones are left out with a note, as the map file could not nest them.
MAX_NESTED_ATTACKS = 4


@attrs.frozen
class Imported:
    """An imported map and what the import had to change, leave out or guess, in words;
    ``source_text``, when the file imported holds the text analysed (a SADFace resource): the
    text of the map's source, to be written at its path, relative to the map."""

    map: ArgumentMap
    notes: tuple[str, ...] = ()
    source_text: str | None = None


@attrs.frozen
class Exported:
    """An exported map as text, and what of the map the format could not hold, in words."""

    text: str
    losses: tuple[str, ...] = ()


#: The characters :func:`argmap.read.yamltree.bad_character` refuses.
_REFUSED = re.compile(f"[{REFUSED}{SURROGATES}]")


def clean_text(text: str) -> tuple[str, bool]:
    r"""Text without the characters argmap refuses (line-like ones become spaces); whether any
    were taken out.

    >>> clean_text("a\x00b\rc")
    ('ab c', True)
    """
    cleaned, count = _REFUSED.subn(
        lambda found: " " if found.group() in "\r\x0b\x0c\x85" else "", text
    )  # in one pass: taking them out one at a time copied the text again for each
    return cleaned, count > 0


def usable_url(url: str) -> bool:
    """Whether a link an import finds may be a claim's url: an http(s) address (AM108) of
    characters argmap reads (one with a bidirectional control failed the whole import).

    >>> usable_url("https://example.org/a"), usable_url("javascript:x"), usable_url("https://a\u202e")
    (True, False, False)
    """
    return bad_url(url) is None and bad_character(url) is None


def some(items: Sequence[str], most: int = 10) -> str:
    """The first ``most`` of ``items`` and a count of the rest, for a note: ``a, b and 3 more``.

    >>> some(["a", "b", "c"], 2)
    'a, b and 1 more'
    """
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return ", ".join(items[:most]) + more


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in "…".

    >>> shorten("one two three", 10)
    'one two…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


@attrs.define
class Ids:
    """Claim ids for an import, each given once: the id wanted, else numbered (``base-2``,
    ``base-3``, …) from the last number that base was given, as those below it are taken
    (counting them again for each claim cost the square of their number).

    Every id given is an id, and the search ends: a base that is none is made one first, and a
    numbered id is the base cut to leave room for its number, without a hyphen at the cut
    (``…-a--2`` is no id: an AIF import once tried the next number for ever).

    >>> ids = Ids()
    >>> ids.unique("same"), ids.unique("same"), ids.unique("Same!"), ids.unique("same-2")
    ('same', 'same-2', 'same-3', 'same-2-2')
    """

    taken: set[str] = attrs.Factory(set)
    numbers: dict[str, int] = attrs.Factory(dict)  # base → the last number given to it

    def take(self, wanted: str) -> bool:
        """Give ``wanted`` itself when it is an id and free."""
        if wanted in self.taken or not ID_PATTERN.fullmatch(wanted) or len(wanted) > MAX_ID:
            return False
        self.taken.add(wanted)
        return True

    def unique(self, base: str) -> str:
        """``base`` (made an id and cut to ``MAX_ID``), numbered when it is taken."""
        base = base[:MAX_ID].strip("-")
        if not ID_PATTERN.fullmatch(base):
            base = slugify(base)
        number = self.numbers.get(base, 1)
        candidate = base if number == 1 else _numbered(base, number)
        while candidate in self.taken:
            number += 1
            candidate = _numbered(base, number)
        self.numbers[base] = number
        self.taken.add(candidate)
        return candidate


def _numbered(base: str, number: int) -> str:
    cut = min(MAX_ID - 6, MAX_ID - 1 - len(str(number)))
    return f"{base[:cut].rstrip('-')}-{number}"


class _Step(Protocol):
    @property
    def members(self) -> Sequence[str]: ...


StepT = TypeVar("StepT", bound=_Step)


def break_support_cycles(
    reasons: dict[str, list[StepT]], starts: Iterable[str]
) -> list[tuple[str, StepT, list[str]]]:
    """Leaves out of ``reasons`` (each claim's steps, made of member claims) the steps that
    close support cycles, and returns them in the order left out: (their claim, the step, the
    cycle's claims).

    The graph is searched depth first from ``starts`` in order, and each step found closing a
    cycle is left out, as if the search then began again from the first start without it; but
    in one search. Starting again would first retrace the same path (it changed only below the
    step), so the search carries on from the step's claim, forgetting only the claims first
    reached through the step's other members (they are reached again from elsewhere, as the
    new search would reach them). Linear in the graph's size when steps have one member.
    """
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    reached: list[str] = []  # the claims in the order the search reached them
    broken: list[tuple[str, StepT, list[str]]] = []

    def pairs(claim: str) -> Iterator[tuple[StepT, str]]:
        return iter([(step, member) for step in reasons[claim] for member in step.members])

    for start in starts:
        if state.get(start):
            continue
        state[start], path = 1, [start]
        reached.append(start)
        # each claim on the path: its pairs left, its step being followed, and how many
        # claims had been reached when that step began
        frames: list[list[Any]] = [[pairs(start), None, 0]]
        while frames:
            frame = frames[-1]
            pair = next(frame[0], None)
            if pair is None:
                state[path.pop()] = 2
                frames.pop()
                continue
            step, member = pair
            if step is not frame[1]:
                frame[1], frame[2] = step, len(reached)
            if state.get(member) == 1:
                claim = path[-1]
                broken.append((claim, step, [member, *reversed(path[path.index(member) :])]))
                reasons[claim].remove(step)
                for forgotten in reached[frame[2] :]:
                    del state[forgotten]
                del reached[frame[2] :]
                frame[0] = iter([left for left in frame[0] if left[0] is not step])
                frame[1] = None
            elif not state.get(member) and member in reasons:
                state[member] = 1
                reached.append(member)
                path.append(member)
                frames.append([pairs(member), None, 0])
    return broken


def nesting(value: Any) -> int:
    """How deep lists and mappings nest in a JSON value (0 for a scalar), without recursion.

    >>> nesting({"a": [1, {"b": []}]}), nesting("text")
    (4, 0)
    """
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict)
                                                          else item))  # fmt: skip
    return deepest


def json_object(data: bytes, name: str, needs: str = "") -> dict[str, Any]:
    """The top-level object of a JSON file in the format ``name`` (``AIF``), read strictly:
    no NaN or Infinity, no number Python would make infinite or too long to turn into an int,
    no nesting deeper than argmap reads (``needs`` says, in brackets, what the format needs).
    Raises FormatError when it is not JSON or not an object."""

    def constant(word: str) -> None:
        raise ValueError(f"{word} is not JSON")

    def finite(text: str) -> float:  # the export would write Infinity, which is not JSON
        number = float(text)
        if math.isinf(number):
            raise FormatError(f"not {name}: the number {text[:40]} is larger than JSON's "
                              "numbers go (about 1.8e308)")  # fmt: skip
        return number

    def whole(text: str) -> int:  # past the digits Python turns into one
        if len(text.lstrip("-")) > MOST_DIGITS:
            raise FormatError(f"not {name}: a number of {len(text.lstrip('-'))} digits; argmap "
                              f"reads whole numbers of at most {MOST_DIGITS} digits")  # fmt: skip
        return int(text)

    too_deep = f"not {name}: its JSON nests deeper than {MAX_JSON_DEPTH} levels{needs}"
    body = data.removeprefix(b"\xef\xbb\xbf")
    said = wide(body)  # UTF-16 without a BOM is UTF-8 to Python: its zeros
    if said is not None:
        raise FormatError(f"the file is {said}")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"the file is {undecodable(body, exc)[1]}") from None
    try:
        doc = json.loads(text, parse_constant=constant, parse_float=finite, parse_int=whole)
    except RecursionError:  # thousands of levels: deeper than any
        raise FormatError(too_deep) from None
    except ValueError as exc:
        raise FormatError(f"not JSON: {str(exc)[:200]}") from None
    if not isinstance(doc, dict):
        raise FormatError(f"not {name}: the top level is not an object")
    if nesting(doc) > MAX_JSON_DEPTH:
        raise FormatError(too_deep)
    return doc


def leading_words(slug: str, most: int = 5, longest: int = 32) -> str:
    """A slug's first ``most`` words, fewer while they are longer than ``longest`` characters
    (one word at least).

    >>> leading_words("europe-must-build-a-substantive-mutually-beneficial-partnership")
    'europe-must-build-a-substantive'
    >>> leading_words("internationalisation-counterproductiveness-of-it")
    'internationalisation'
    """
    words = slug.split("-")[:most]
    while len(words) > 1 and len("-".join(words)) > longest:
        words.pop()
    return "-".join(words)


def held(amap: ArgumentMap) -> dict[str, int]:
    """How many of each thing a map holds that a format may have no place for, by the word
    for one of them: what an export counts in what it says it left out (:func:`counted`)."""
    claims, links = amap.claims, list(relations(amap))
    claim_notes = sum(claim.note is not None for claim in claims)
    relation_notes = sum(relation.note is not None for relation in links)
    return {
        "quote": sum(len(claim.quotes) for claim in claims),
        "note": claim_notes + relation_notes,
        "claim note": claim_notes,
        "relation note": relation_notes,
        "label": sum(claim.label is not None for claim in claims),
        "link": sum(claim.url is not None for claim in claims),
        "role": sum(claim.role is not None for claim in claims),
        "scheme": sum(relation.scheme is not None for relation in links),
        "critical question": sum(len(relation.question) for relation in links),
        "restatement": sum(relation.link is Link.RESTATE for relation in links),
        "contradiction": sum(len(claim.contradicts) for claim in claims),
        "implicit mark": sum(claim.implicit for claim in claims),
    }


def counted(found: dict[str, int], *names: str) -> list[str]:
    """Of the things :func:`held` found, those of ``names`` there are any of, counted in
    words in that order: ``["3 quotes", "1 label"]``."""
    return [f"{found[name]} {name}{'s' if found[name] != 1 else ''}"
            for name in names if found[name]]  # fmt: skip


__all__ = [
    "MAX_NESTED_ATTACKS", "Exported", "FormatError", "Ids", "Imported", "break_support_cycles",
    "clean_text", "counted", "held", "json_object", "leading_words", "nesting", "shorten",
    "some", "usable_url",
]  # fmt: skip
