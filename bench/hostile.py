"""Run every hostile case (tests/hostile/) and report, by category, how many there are and
how many hold, and the time and peak memory of the heaviest; see tests/hostile_cases.py.

    python bench/hostile.py            # about a minute
    python bench/hostile.py --all      # and a line for every case
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_cases import CATEGORIES, cases, clean, load, needs_root, problems, run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="a line for every case")
    args = parser.parse_args()
    held: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for path in cases():
            case = load(path)
            if needs_root(case) and os.geteuid() != 0:
                continue
            case, outcome = run(path, keep=Path(scratch))
            found = problems(case, outcome)
            total[case["category"]] += 1
            held[case["category"]] += not found
            results.append((path.stem, case["category"], outcome.seconds, outcome.peak_kib, found))
            clean(outcome)
    print("| category | cases | hold |\n|---|---|---|")
    for category in CATEGORIES:
        print(f"| {category} | {total[category]} | {held[category]} |")
    print(f"| all | {sum(total.values())} | {sum(held.values())} |\n")
    slowest = max(results, key=lambda r: r[2])
    largest = max(results, key=lambda r: r[3])
    for what, (name, _, seconds, peak, _) in (("slowest", slowest), ("largest", largest)):
        print(f"{what}: {name}: {seconds:.2f} s, peak memory {peak / 1024:.0f} MiB")
    if args.all:
        print("\n| case | s | MiB | holds |\n|---|---|---|---|")
        for name, _, seconds, peak, found in results:
            holds = "; ".join(found) or "yes"
            print(f"| {name} | {seconds:.2f} | {peak / 1024:.0f} | {holds} |")


if __name__ == "__main__":
    main()
