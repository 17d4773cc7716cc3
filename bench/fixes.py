"""Measure ``argmap check --fix`` on revised sources: how often it mends a quote, how often it
would mend one wrongly, and what it costs.

- Quality: the seed map against its source revised at one quote at a time (a word replaced,
  punctuation changed, a word dropped or added inside the quoted words, or the quoted words
  removed, which leaves nothing right to mend them to). A quote mended
  "right" is the source's new words (its sentence's last mark may come with them, as the
  closest passage takes it); "wrong" is any other change; "left" means no safe fix was made.
- Time: ``check`` and ``check --fix`` of a generated map of 300 premises, each quoting a
  sentence of a 3,000-sentence source with one word changed since.

Run from the repository's root:

    python bench/fixes.py              # about a minute
    python bench/fixes.py --trials 100
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.api import check_map_bytes  # noqa: E402
from argmap.fix.files import fix_bytes  # noqa: E402

SEED = ROOT / "seeds" / "europe-central-asia-partnership.txt"
EDITS = ("word", "punctuation", "dropped", "added", "removed")


def revised(quote: str, how: str, rng: random.Random) -> str:
    """``quote`` as the source now has it, after one edit of the kind ``how``."""
    if how == "removed":  # the source no longer says it: any fix is wrong
        return ""
    words = quote.split()
    i = rng.randrange(1, len(words) - 1)
    if how == "word":
        words[i] = rng.choice(["new", "other", "several", "broader", "stronger"])
    elif how == "punctuation":
        words[i] = words[i].rstrip(",;") + rng.choice([",", ";", ""])
    elif how == "dropped":
        del words[i]
    else:
        words.insert(i, "indeed")
    return " ".join(words)


def quality(trials: int, rng: random.Random) -> dict[str, dict[str, int]]:
    text = (ROOT / "maps" / "europe-central-asia.yaml").read_text(encoding="utf-8")
    source = SEED.read_text(encoding="utf-8")
    quotes = [q for q in re.findall(r'^      - "(.*)"$', text, re.M) if q in source]
    counts = {how: {"right": 0, "wrong": 0, "left": 0} for how in EDITS}
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        shutil.copytree(ROOT / "seeds", here / "seeds")
        (here / "pyproject.toml").touch()
        (here / "maps").mkdir()
        path = str(here / "maps" / "map.yaml")
        for _ in range(trials):
            quote, how = rng.choice(quotes), rng.choice(EDITS)
            now = revised(quote, how, rng)
            if now == quote or len(quote.split()) < 3:
                continue
            text_now = source.replace(quote, now, 1)
            if quote in text_now:  # the source has it twice: still found, nothing to mend
                continue
            (here / "seeds" / SEED.name).write_text(text_now, "utf-8")
            fixed = fix_bytes(text.encode(), path)
            out = fixed.new.decode()
            if how == "removed":
                counts[how]["wrong" if fixed.made else "left"] += 1
            elif not fixed.made:
                counts[how]["left"] += 1
                if "--verbose" in sys.argv:
                    print(f"left ({how}): {quote!r} -> {now!r}", file=sys.stderr)
            elif any(f'"{now}{mark}"' in out for mark in ("", ".", ",", ";")):
                counts[how]["right"] += 1
            else:
                counts[how]["wrong"] += 1
    return counts


def timing(rng: random.Random) -> tuple[float, float]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))
                  for _ in range(3000)]  # fmt: skip
    sentences = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 25))) + "."
                 for _ in range(3000)]  # fmt: skip
    lines = ["argmap: 1", "title: big", "source:", "  path: source.txt", "premises:"]
    for i in range(300):
        words = sentences[i * 7].rstrip(".").split()
        words[len(words) // 2] = "zzzq"
        lines += [f"  - id: p{i}", f"    text: P{i}", f"    quotes: {' '.join(words)}."]
    ids = ", ".join(f"p{i}" for i in range(300))
    lines += [
        "conclusions:",
        "  - id: c",
        "    text: C",
        "    implicit: true",
        f"    reasons: [{ids}]",
    ]
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        (here / "source.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
        data, path = ("\n".join(lines) + "\n").encode(), str(here / "map.yaml")
        start = time.perf_counter()
        check_map_bytes(data, path)
        checked = time.perf_counter() - start
        start = time.perf_counter()
        fixed = fix_bytes(data, path)
        assert len(fixed.made) == 300 and fixed.checked.diagnostics == ()
        return checked, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=400)
    parser.add_argument("--verbose", action="store_true", help="name each quote left")
    args = parser.parse_args()
    rng = random.Random(7)
    print("| edit to the source | mended right | wrong | left to a person |")
    print("|---|---|---|---|")
    for how, found in quality(args.trials, rng).items():
        print(f"| {how} | {found['right']} | {found['wrong']} | {found['left']} |")
    checked, fixed = timing(rng)
    print(
        f"\n300 quotes, 3,000 sentences: check {checked * 1000:.0f} ms, --fix {fixed * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
