"""A claim's text → whether it is a blank of an exercise: a slot a student fills in.

An exercise's worksheet (``argmap exercise``) keeps each blanked claim's kind and place and
writes :data:`PLACEHOLDER` for its text. Any text of underscores alone is a blank (three or
more, spaces between them allowed), so a worksheet typed by hand with a row of underscores is
one too. A blank needs no quote (``check`` does not ask for one) and is drawn as an empty box
to write in.
"""

from __future__ import annotations

#: The text of a blanked claim: plain YAML (no quotes needed), and a gap to any reader.
PLACEHOLDER = "___"


def is_blank(text: str) -> bool:
    """Whether a claim's ``text`` is a blank to fill in: underscores (three or more) and spaces.

    >>> is_blank("___"), is_blank(" ______ ___ "), is_blank("__"), is_blank("a_b___")
    (True, True, False, False)
    """
    return text.count("_") >= 3 and not text.replace("_", "").strip()


__all__ = ["PLACEHOLDER", "is_blank"]
