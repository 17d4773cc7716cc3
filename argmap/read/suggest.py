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
from collections.abc import Iterable

CUTOFF = 0.6  # the similarity a name needs (difflib's ratio) to be suggested
CANDIDATES = 12  # names compared with a word, at most, among many
FEW = 64  # with this many names or fewer (the keys of a place), all are compared
VOTES = 1024  # votes cast for a word, at most
LONGEST = 200  # a longer word is no misspelling of a name: nothing is suggested


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
        if len(self.names) <= FEW:  # a transposition shares no run of three: compare all
            candidates = self.names
        else:
            index = self._runs_index()
            holders = sorted((index.get(run, []) for run in _runs(word)), key=len)
            votes: collections.Counter[int] = collections.Counter()
            left = VOTES
            for names in holders:
                if left <= 0:
                    break
                votes.update(itertools.islice(names, left))
                left -= len(names)
            chosen = sorted(number for number, _ in votes.most_common(CANDIDATES))
            candidates = [self.names[number] for number in chosen]
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        return close[0] if close else None

    def _runs_index(self) -> dict[str, list[int]]:
        if self._index is None:
            index: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
            for number, name in enumerate(self.names):
                for run in _runs(name):
                    index[run].append(number)
            self._index = dict(index)
        return self._index


def did_you_mean(word: str, names: Iterable[str] | Names) -> str:
    """``; did you mean 'NAME'?`` for the closest name, or nothing when none is close."""
    known = names if isinstance(names, Names) else Names(names)
    close = known.closest(word)
    return f"; did you mean '{close}'?" if close is not None else ""


__all__ = ["CANDIDATES", "CUTOFF", "FEW", "LONGEST", "Names", "did_you_mean"]
