"""Time ``argmap.analysis.compare.compare`` on big maps, and on quotes found everywhere.

Usage (from the repository, with argmap installed in the running Python):

    python bench/compare_bench.py             # generated maps of 600 and 3,000 claims

It generates maps with bench/generate.py and times comparing each with itself, by its
quotes and by wording alone, with a map of as many other claims (none alike), and with itself
with a word of every quote of five words or more swapped (none found: each looked for as
``check --fix`` would mend it, as ``check`` looks for the passage it meant); then a map of 300
claims that each quote one word found at 1,000 places, with and without the cap on such
quotes (``align.MAX_PLACES``).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import attrs
import generate

from argmap.analysis import align
from argmap.analysis.compare import compare
from argmap.api import check_bytes, load
from argmap.model import ArgumentMap
from argmap.read.source import SourceText


def timed(first, second, source) -> float:
    started = time.perf_counter()
    compare(first, second, source)
    return time.perf_counter() - started


def slipped(amap: ArgumentMap) -> ArgumentMap:
    """The map with the third word of each quote of five words or more swapped."""

    def slip(text: str) -> str:
        words = text.split(" ")
        return " ".join([*words[:2], "mistyped", *words[3:]]) if len(words) > 4 else text

    return attrs.evolve(amap, claims=tuple(
        attrs.evolve(c, quotes=tuple(attrs.evolve(q, text=slip(q.text)) for q in c.quotes))
        for c in amap.claims))  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for size in (600, 3000):
            path = generate.generate(size, Path(folder) / str(size))
            amap = load(path)
            source = SourceText(next(path.parent.glob("source-*.txt")).read_text())
            other = load(generate.generate(size, Path(folder) / f"{size}-other", seed=7))
            print(
                f"{size} claims: by quotes {timed(amap, amap, source):.2f} s, "
                f"by wording {timed(amap, amap, None):.2f} s, "
                f"with a map of other claims {timed(amap, other, None):.2f} s, "
                f"with its quotes a word off {timed(amap, slipped(amap), source):.2f} s"
            )
    claims = "".join(
        f"  - id: c{n}\n    text: Claim number {n} stands alone.\n    quotes: the\n"
        for n in range(300)
    )
    amap = check_bytes(f"argmap: 1\ntitle: T\npremises:\n{claims}".encode(), "m.yaml").map
    source = SourceText("The cat saw the dog. " * 500)
    print(f"300 claims quoting a word found at 1,000 places: {timed(amap, amap, source):.2f} s")
    align.MAX_PLACES = 10**6
    print(f"... without the cap: {timed(amap, amap, source):.2f} s")


if __name__ == "__main__":
    main()
