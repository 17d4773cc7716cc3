"""Times quote look-ups alone: ``SourceText`` built on a generated source, then every quote of
the generated map looked up, in reading order and shuffled (``contains``), and ``find``.

```sh
python bench/quotes_bench.py                # 20,000 claims (a 4 MB source), median of 9
python bench/quotes_bench.py --size 2000 --runs 15
python bench/quotes_bench.py --pdf          # the source as from a PDF: ligatures, words broken
```

Each figure is the median of the runs, in milliseconds, in this process: run it with another
build's Python (``/path/to/venv/bin/python bench/quotes_bench.py``) to compare two.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import _Builder, source_text

from argmap.read.source import SourceText


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="ligatures for fi, fl, ff; a word broken at each line end",
    )
    args = parser.parse_args()
    builder = _Builder(args.size, 6)
    claims = builder.build()
    text = source_text(builder.sentences)
    quotes = [quote for claim in claims for quote in claim.get("quotes", ())]
    if args.pdf:  # the first letters of a line's first word end the line before, hyphenated
        text = re.sub(r"(\w) ?\n(\w\w)(\w\w)", r"\1 \2-\n\3", text)
        for letters, ligature in (("ffi", "\ufb03"), ("fi", "\ufb01"), ("fl", "\ufb02")):
            text = text.replace(letters, ligature)
    shuffled = random.Random(1).sample(quotes, len(quotes))
    times: dict[str, list[float]] = {"build": [], "in order": [], "shuffled": [], "find": []}
    for _ in range(args.runs):
        start = time.perf_counter()
        source = SourceText(text)
        times["build"].append(time.perf_counter() - start)
        for name, batch in (("in order", quotes), ("shuffled", shuffled)):
            source = SourceText(text)
            start = time.perf_counter()
            assert all(map(source.contains, batch))
            times[name].append(time.perf_counter() - start)
        start = time.perf_counter()
        assert all(source.find(quote) is not None for quote in quotes[:500])
        times["find"].append(time.perf_counter() - start)
    print(f"{len(text):,} characters, {len(quotes):,} quotes, median of {args.runs}:")
    for name, values in times.items():
        what = "first 500 quotes" if name == "find" else ""
        print(f"  {name:9} {1000 * statistics.median(values):8.1f} ms {what}")


if __name__ == "__main__":
    main()
