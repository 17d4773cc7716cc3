"""What every format module returns (the map imported or the text exported, with notes), and
the helpers importers share: text cleaning, ids from first words, the support cycle to break."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

import attrs

from argmap.diagnostics import ArgmapError
from argmap.model import ArgumentMap
from argmap.read.yamltree import bad_character


class FormatError(ArgmapError):
    """The input is not in the format at all (not XML, not JSON, no nodes): nothing to import."""


#: How deep attacks on attacks may nest in an imported map (an objection to an objection to ...
#: an objection): deeper ones are left out with a note, as the map file could not nest them.
MAX_NESTED_ATTACKS = 4


@attrs.frozen
class Imported:
    """An imported map and what the import had to change, leave out or guess, in words."""

    map: ArgumentMap
    notes: tuple[str, ...] = ()


@attrs.frozen
class Exported:
    """An exported map as text, and what of the map the format could not hold, in words."""

    text: str
    losses: tuple[str, ...] = ()


def clean_text(text: str) -> tuple[str, bool]:
    r"""Text without the characters argmap refuses (line-like ones become spaces); whether any
    were taken out.

    >>> clean_text("a\x00b\rc")
    ('ab c', True)
    """
    changed = False
    while (bad := bad_character(text)) is not None:
        index, _ = bad
        text = text[:index] + (" " if text[index] in "\r\x0b\x0c\x85" else "") + text[index + 1 :]
        changed = True
    return text, changed


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


class _Step(Protocol):
    @property
    def members(self) -> Sequence[str]: ...


StepT = TypeVar("StepT", bound=_Step)


def support_cycle(
    reasons: Mapping[str, Sequence[StepT]], starts: Iterable[str]
) -> tuple[str, StepT, list[str]] | None:
    """A reason that closes a support cycle among ``reasons`` (each claim's steps, made of
    member claims), searched depth first from ``starts`` in order: (its claim, the step, the
    cycle's claims), or None when there is no cycle."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def pairs(claim: str) -> Iterable[tuple[StepT, str]]:
        return iter([(step, member) for step in reasons[claim] for member in step.members])

    for start in starts:
        if state.get(start):
            continue
        state[start], path, stack = 1, [start], [pairs(start)]
        while stack:
            pair = next(stack[-1], None)
            if pair is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            step, member = pair
            if state.get(member) == 1:
                return path[-1], step, [member, *reversed(path[path.index(member) :])]
            if not state.get(member) and member in reasons:
                state[member] = 1
                path.append(member)
                stack.append(pairs(member))
    return None


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


__all__ = [
    "MAX_NESTED_ATTACKS", "Exported", "FormatError", "Imported", "clean_text", "leading_words",
    "shorten", "support_cycle",
]  # fmt: skip
