"""Time the hints of ``argmap check`` against the exhaustive searches they replaced (issue 13).

- The closest passage to a quote not found (AM110): argmap's index of words
  (:mod:`argmap.read.passages`) against comparing the quote with every sentence character by
  character (difflib, as argmap did before), on a repetitive source and on prose, and how
  often both show the same line.
- "Did you mean" for unknown ids (AM103): :class:`argmap.read.suggest.Names` against
  ``difflib.get_close_matches`` over every id, and how often both suggest the same id.

The exhaustive searches run in a child process with a time limit (they take minutes where
the issue says); a cell that hits it reads ``> LIMIT``. Run from the repository's root:

    python bench/hints.py              # about two minutes
    python bench/hints.py --limit 120  # let the old searches run longer
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.read.passages import Passages  # noqa: E402
from argmap.read.source import SourceText, normalize  # noqa: E402
from argmap.read.suggest import Names  # noqa: E402

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|$)", re.M)
SEED = ROOT / "seeds" / "europe-central-asia-partnership.txt"
CORPUS = ROOT.parent / "shared" / "corpora" / "arg-microtexts-en"


def exhaustive_closest(text: str, quote: str) -> tuple[int, float] | None:
    """The closest passage as argmap found it before: every sentence, character by character."""
    wanted = normalize(quote)
    best: tuple[int, float] | None = None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for found in _SENTENCE.finditer(text):
        sentence = normalize(found.group())
        if not sentence:
            continue
        matcher.set_seq1(sentence)
        score = sum(b.size for b in matcher.get_matching_blocks()) / max(len(wanted), 1)
        if best is None or score > best[1]:
            best = (text.count("\n", 0, found.start()) + 1, score)
    return best


def _run(queue: multiprocessing.Queue, function, args) -> None:  # type: ignore[type-arg]
    started = time.perf_counter()
    result = function(*args)
    queue.put((time.perf_counter() - started, result))


def limited(limit: float, function, *args):  # type: ignore[no-untyped-def]
    """(seconds, result) of ``function(*args)`` in a child process, or (None, None) past
    ``limit`` seconds."""
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    process = multiprocessing.Process(target=_run, args=(queue, function, args))
    process.start()
    process.join(limit)
    if process.is_alive():
        process.kill()
        process.join()
        return None, None
    return queue.get()


def timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def prose(size: int) -> str:
    """Real prose of about ``size`` characters: the microtexts (or the seed) repeated."""
    texts = sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else [SEED]
    body = "\n".join(path.read_text(encoding="utf-8") for path in texts)
    return (body + "\n") * (size // len(body) + 1)


def misquote(text: str, rng: random.Random) -> str:
    """A sentence of ``text`` with one word changed and one left out: a quote not in it."""
    sentences = [s for s in (m.group().strip() for m in _SENTENCE.finditer(text)) if
                 len(s.split()) >= 8]  # fmt: skip
    words = rng.choice(sentences).split()
    words[rng.randrange(len(words))] = "notably"
    del words[rng.randrange(len(words))]
    return " ".join(words)


def exhaustive_all(text: str, quotes: list[str]) -> list[tuple[int, float] | None]:
    return [exhaustive_closest(text, quote) for quote in quotes]


def passages(limit: float) -> list[str]:
    rows = ["| case | exhaustive (before) | index (argmap) | same line |", "|---|---|---|---|"]
    repetitive = "lorem ipsum dolor sit amet " * 40000  # 1 MB, one line
    quote = ("lorem ipsum dolor sit amet consectetur " * 250).strip()  # 9,750 characters
    old, _ = limited(limit, exhaustive_closest, repetitive, quote)
    new, _ = timed(lambda: Passages(SourceText(repetitive)).closest(quote))
    rows.append(f"| 10 KB quote, 1 MB repetitive source | {_s(old, limit)} | {_s(new)} | |")
    rng = random.Random(13)
    for size in (100_000, 1_000_000):
        text = prose(size)[:size]
        quotes = [misquote(text, rng) for _ in range(20)]
        index = Passages(SourceText(text))
        build, _ = timed(index.closest, "warm")  # the index is built at the first quote
        new, found = timed(lambda: [index.closest(q) for q in quotes])  # noqa: B023
        old, expected = limited(limit, exhaustive_all, text, quotes)
        same = (
            ""
            if expected is None
            else sum(
                f is not None and e is not None and f.line == e[0]
                for f, e in zip(found, expected, strict=True)
            )
        )
        rows.append(
            f"| 20 misquotes, {size // 1000:,} KB of prose | {_s(old, limit)} | "
            f"{_s(new)} (+ {_s(build)} to index) | {same}{'/20' if same != '' else ''} |"
        )
    return rows


def suggestions(limit: float) -> list[str]:
    rows = [
        "| case | get_close_matches (before) | Names (argmap) | as close |",
        "|---|---|---|---|",
    ]
    rng = random.Random(13)
    for claims, unknown in ((2000, 300), (20000, 3000)):
        ids = [f"claim-{n}" if n % 3 else f"{rng.choice(WORDS)}-{n}" for n in range(claims)]
        words = [rng.choice(ids) + rng.choice(["x", "s", "-2"]) for _ in range(unknown)]
        new, found = timed(suggest_all, ids, words)
        old, expected = limited(limit, close_matches_all, ids, words)
        same = (
            ""
            if expected is None
            else sum(  # the same id, or one just as close (a tie)
                f == e or (f and e and _ratio(w, f) == _ratio(w, e))
                for w, f, e in zip(words, found, expected, strict=True)
            )
        )
        rows.append(
            f"| {claims:,} claims, {unknown:,} unknown ids | {_s(old, limit)} | {_s(new)} | "
            f"{same}{f'/{unknown}' if same != '' else ''} |"
        )
    return rows


def suggest_all(ids: list[str], words: list[str]) -> list[str | None]:
    names = Names(ids)  # indexed at the first word, as AM103 does
    return [names.closest(word) for word in words]


def _ratio(word: str, name: str) -> float:
    return difflib.SequenceMatcher(None, word, name).ratio()


def close_matches_all(ids: list[str], words: list[str]) -> list[str | None]:
    return [(difflib.get_close_matches(word, ids, 1, 0.6) or [None])[0] for word in words]


WORDS = ["supplier", "energy", "interest", "import", "constrained", "europe", "needs", "partner"]


def _s(seconds: float | None, limit: float | None = None) -> str:
    if seconds is None:
        return f"> {limit:.0f} s"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=float, default=60, help="seconds for an old search")
    args = parser.parse_args()
    print("\n".join(passages(args.limit)))
    print()
    print("\n".join(suggestions(args.limit)))


if __name__ == "__main__":
    main()
