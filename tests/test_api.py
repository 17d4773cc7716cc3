"""The Python API as a researcher in a notebook uses it: its errors name Python's arguments
(``page=``, ``source_root=``), not the command line's options, and say what to pass."""

from __future__ import annotations

import pytest

from argmap import UsageError, render_figures
from argmap.model import ArgumentMap, Claim, Kind

TINY = ArgumentMap(title="Tiny", claims=(Claim(id="a", kind=Kind.PREMISE, text="A."),))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "svg", "page": "a4"}, "page= applies to pdf only"),
        ({"fmt": "pdf", "landscape": True}, "landscape= goes with page="),
        ({"fmt": "pdf", "fit": 720, "page": "a4"}, "give fit= or page="),
        ({"fmt": "svg", "fit": 720, "width": "10cm"}, "give fit= or width="),
        ({"fmt": "html", "fit": "468pt"}, "give fit= in px"),
    ],
)
def test_options_that_do_not_go_together_are_named_as_python_arguments(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        render_figures(TINY, **options)  # type: ignore[arg-type]
    assert message in str(raised.value)
    assert "--" not in str(raised.value)  # no command-line option a notebook cannot pass
