"""Every file in tests/hostile/ is an attack on argmap: files built to read what they should
not, hang it, fill its memory, write over what is not a file, take over the terminal, or cost
it minutes; with the command to run and what must come of it (see tests/hostile_cases.py).

Each runs as a user would run it, in its own process: besides its own expectations, it must
end, print no traceback and no raw control character, leave no temporary file, and never show
or write the secret planted beside it. ``python bench/hostile.py`` runs them all and reports
their time and memory.
"""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest

from .hostile_cases import CATEGORIES, cases, clean, load, needs_root, problems, run

CASES = cases()


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_hostile_case(path: Path, tmp_path: Path) -> None:
    case = load(path)
    if needs_root(case) and os.geteuid() != 0:
        pytest.skip("makes a device node: needs root")
    case, outcome = run(path, keep=tmp_path)
    found = problems(case, outcome)
    assert found == [], f"{path.name}\n--- stdout\n{outcome.stdout}\n--- stderr\n{outcome.stderr}"
    clean(outcome)


def test_every_category_has_cases() -> None:
    counts = collections.Counter(load(path)["category"] for path in CASES)
    assert set(counts) == set(CATEGORIES), counts
    assert all(load(path).get("about") for path in CASES)
