"""Time the source path "did you mean" (:func:`argmap.project.meant`) in its worst case.

A source path naming no file is compared with the names of its folder (up to
``MOST_NAMES``, 1,000). ``difflib.get_close_matches`` over all of them costs a full
``SequenceMatcher.ratio`` per name when the names are long and alike (each passes the quick
bounds), about 1.5 s for 1,000 names of 240 characters; the language server asks again at each
request. This times ``meant`` on such a folder, on a folder of ordinary names, and reports
whether it still gives what the exhaustive search gives. Run from the repository's root:

    python bench/meant_bench.py
"""

from __future__ import annotations

import difflib
import random
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.project import meant  # noqa: E402


def exhaustive(name: str, folder: Path) -> str | None:
    """What ``meant`` gave before: difflib over every name of the folder."""
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return close[0] if close else None


def timed(call, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def case(title: str, names: list[str], slips: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "pyproject.toml").touch()
        seeds = project / "seeds"
        seeds.mkdir()
        for name in names:
            (seeds / name).write_text("Text.\n")
        near, folders = project / "maps", [str(project.resolve())]
        near.mkdir()
        worst, same = 0.0, 0
        for slip in slips:
            written = f"../seeds/{slip}"
            took, found = timed(lambda w=written, s=slip: meant(w, seeds / s, near, folders))
            old = exhaustive(slip, seeds)
            worst = max(worst, took)
            same += (found.rsplit("/", 1)[-1] if found else None) == old
        print(
            f"{title}: {len(names)} names, {len(slips)} slips; slowest median "
            f"{worst * 1000:.1f} ms; same answer as the exhaustive search {same}/{len(slips)}"
        )


def alike(rng: random.Random, letters: str, length: int, changed: int) -> list[str]:
    """1,000 names of ``length`` characters, each a base name with ``changed`` letters
    changed at random."""
    base = [rng.choice(letters) for _ in range(length - 4)]
    names = set()
    while len(names) < 1000:
        name = list(base)
        for _ in range(changed):
            name[rng.randrange(len(name))] = rng.choice(letters)
        names.add("".join(name) + ".txt")
    return sorted(names)


def slipped(rng: random.Random, names: list[str], count: int) -> list[str]:
    """``count`` of ``names``, each with a letter dropped, one doubled or two swapped."""
    slips = []
    for name in rng.sample(names, count):
        at = rng.randrange(len(name) - 5)
        slips.append(
            rng.choice(
                [
                    name[:at] + name[at + 1 :],
                    name[:at] + name[at] + name[at:],
                    name[:at] + name[at + 1] + name[at] + name[at + 2 :],
                ]
            )
        )
    return slips


def main() -> None:
    rng = random.Random(7)
    letters = string.ascii_letters + string.digits + "-_"
    for changed in (3, 10, 40):
        names = alike(rng, letters, 240, changed)
        case(f"240 characters alike but {changed}", names, [*slipped(rng, names, 5), "x" * 240])
    words = [
        "speech",
        "budget",
        "europe",
        "central",
        "asia",
        "partnership",
        "report",
        "notes",
        "draft",
        "final",
        "energy",
        "policy",
        "minutes",
        "letter",
        "review",
    ]
    ordinary = sorted({"-".join(rng.sample(words, rng.randint(1, 4))) + ".txt" for _ in range(400)})
    case("ordinary names", ordinary, slipped(rng, ordinary, 20))
    case("a few ordinary names", ordinary[:40], slipped(rng, ordinary[:40], 20))


if __name__ == "__main__":
    main()
