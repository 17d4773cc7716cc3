"""Known names + a name that is none of them → the closest known name, for "did you mean".

:func:`difflib.get_close_matches` compares a word with every name; for each unknown id of a
map that is a pass over all of its ids, and a map with thousands of both takes minutes. A
:class:`Names` indexes the names once by their runs of three letters (ends marked), and a
word is compared, by ``get_close_matches`` itself, only with the :data:`CANDIDATES` names that
share most runs with it. The names holding each of the word's runs vote, the rarest runs
first (they say most), until :data:`VOTES` votes are cast. So a word costs about the same
whatever the number of names, and the names one pass. With few names (:data:`FEW`, such as
the keys of a place), all are compared, and the answer is ``get_close_matches``'s.
"""

from __future__ import annotations

import collections
import difflib
import itertools
import re
from collections.abc import Callable, Iterable

from argmap.model.claims import DEBATE_SIDES, Role

CUTOFF = 0.6  # the similarity a name needs (difflib's ratio) to be suggested
CANDIDATES = 12  # names compared with a word, at most, among many
FEW = 64  # with this many names or fewer (the keys of a place), all are compared
VOTES = 1024  # votes cast for a word, at most
LONGEST = 200  # a longer word is no misspelling of a name: nothing is suggested
RENAMED = 64  # names that share a word with an unknown one looked at for a rename, at most
_SPLIT = re.compile(r"[-_\s]+")  # between the words of an id


def _words(name: str) -> frozenset[str]:
    return frozenset(word for word in _SPLIT.split(name.lower()) if word)


def _runs(word: str) -> set[str]:
    """The runs of three letters in a word, its ends marked.

    >>> sorted(_runs("abc"))
    ['\\x00ab', 'abc', 'bc\\x00']
    """
    marked = f"\0{word}\0"
    return {marked[i : i + 3] for i in range(max(len(marked) - 2, 1))}


class Names:
    """Names to suggest from (in their order, once each); :meth:`closest` finds one."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(dict.fromkeys(names))
        self._index: dict[str, list[int]] | None = None

    def closest(self, word: str, cutoff: float = CUTOFF) -> str | None:
        """The name most like ``word`` (difflib's ratio, at least ``cutoff``), or None."""
        if len(word) > LONGEST or not self.names:
            return None
        candidates = self._candidates(word)
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        return close[0] if close else None

    def _candidates(self, word: str) -> list[str]:
        """The names :meth:`closest` compares ``word`` with: all of few, else those that
        share most runs with it."""
        if len(self.names) <= FEW:  # a transposition shares no run of three: compare all
            return self.names
        index = self._runs_index()
        holders = sorted((index.get(run, []) for run in _runs(word)), key=len)
        votes: collections.Counter[int] = collections.Counter()
        left = VOTES
        for names in holders:
            if left <= 0:
                break
            votes.update(itertools.islice(names, left))
            left -= len(names)
        return [
            self.names[number] for number in sorted(n for n, _ in votes.most_common(CANDIDATES))
        ]

    def meant(self, word: str, orphans: Orphans | None = None) -> list[str]:
        """The names an unknown ``word`` meant, best first: of the ``orphans`` (names nothing
        refers to), those a rename of ``word`` left (:meth:`Orphans.renamed`), else the name
        :meth:`closest` to it. Two when they are about equally good, for a person to choose
        between: two a rename may have left, or two names as many letters off (:func:`edits`:
        ``energy-1`` and ``energy-2`` for ``energy-3``; not ``claim-00010`` beside
        ``claim-00000`` for ``claim-00000x``). None when nothing is close.

        >>> names = Names(["leakage", "diplomatic-leverage"])
        >>> names.meant("leverage", Orphans(["diplomatic-leverage"])), names.meant("leverage")
        (['diplomatic-leverage'], ['leakage'])
        """
        if len(word) > LONGEST:
            return []
        left = orphans.renamed(word) if orphans is not None else []
        if left:
            return left[:2]
        best = self.closest(word)
        if best is None:
            return []
        others = [n for n in self._candidates(word) if n != best]
        near = difflib.get_close_matches(word, others, n=2, cutoff=CUTOFF)
        fewest = edits(word, best)
        return [best, *[n for n in near if edits(word, n) <= fewest][:1]]

    def _runs_index(self) -> dict[str, list[int]]:
        if self._index is None:
            index: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
            for number, name in enumerate(self.names):
                for run in _runs(name):
                    index[run].append(number)
            self._index = dict(index)
        return self._index


def edits(word: str, name: str) -> int:
    """How many letters of ``word`` differ from ``name``'s (difflib's alignment: a run replaced
    counts its longer side), about the edit distance.

    >>> edits("energy-3", "energy-1"), edits("claim-00000x", "claim-00000"), edits("ab", "ba")
    (1, 1, 2)
    """
    opcodes = difflib.SequenceMatcher(None, word, name, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


class Orphans:
    """Names nothing refers to, indexed by their words (between hyphens) once, so that each
    unknown name costs about the same however many there are (:meth:`renamed`)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.words: dict[str, frozenset[str]] = {name: _words(name) for name in names}
        self._by_word: collections.defaultdict[str, list[str]] = collections.defaultdict(list)
        for name, words in self.words.items():
            for word in words:
                self._by_word[word].append(name)

    def renamed(self, word: str) -> list[str]:
        """Those that a rename of ``word`` may have left: whose words hold all of its words,
        or are all among them; the likest first (difflib's ratio, then their order), of the
        first :data:`RENAMED` that share a word with it.

        >>> Orphans(["stops-leak", "carbon-leakage", "leakage-abroad"]).renamed("leakage")
        ['carbon-leakage', 'leakage-abroad']
        """
        words, seen, found = _words(word), set(), []
        for name in itertools.chain.from_iterable(self._by_word.get(w, ()) for w in sorted(words)):
            if name in seen or name == word:
                continue
            seen.add(name)
            if len(seen) > RENAMED:
                break
            if words <= self.words[name] or self.words[name] <= words:
                found.append(name)
        matcher = difflib.SequenceMatcher(None, "", word)
        ratios = {}
        for name in found:
            matcher.set_seq1(name)
            ratios[name] = matcher.ratio()
        return sorted(found, key=lambda name: -ratios[name])


def did_you_mean(word: str, names: Iterable[str] | Names) -> str:
    """``; did you mean 'NAME'?`` for the closest name, or nothing when none is close."""
    known = names if isinstance(names, Names) else Names(names)
    close = known.closest(word)
    return f"; did you mean '{close}'?" if close is not None else ""


def side_hint(word: str, names: Iterable[str], written: Callable[[str], str] | None = None) -> str:
    """For a side named ``word`` that is none of ``names``: the role it is when it is what a
    debate calls a side (and, with ``written``, how to write that role), else did you mean.

    >>> side_hint("Opposition", ["proponent", "opponent"])
    "; a debate's opposition is the opponent (the side against the map's thesis)"
    >>> side_hint("oppo", ["proponent", "opponent"])
    "; did you mean 'opponent'?"
    """
    called = word.strip().lower()
    role = DEBATE_SIDES.get(called)
    if role is None:
        return did_you_mean(word, names)
    way = "for" if role is Role.PROPONENT else "against"
    hint = f"; a debate's {called} is the {role.value} (the side {way} the map's thesis)"
    return hint if written is None else f"{hint}: {written(role.value)}"


__all__ = ["CANDIDATES", "CUTOFF", "FEW", "LONGEST", "RENAMED", "Names", "Orphans",
           "did_you_mean", "edits", "side_hint"]  # fmt: skip
