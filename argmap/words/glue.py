"""Clean text → the same text with the plain spaces a line must not break at made no-break
spaces, for :func:`argmap.draw.text.wrap` to wrap (it draws them as typed).

French is mostly typed with ordinary spaces before ``: ; ! ? »`` and after ``«``, German
and French with ordinary spaces between a number and its unit; a line broken at such a space
starts with ``: « la mesure`` or ``km/h``, or ends with ``refusent : «``. In any language:

- a space before a closing mark (``: ; ! ? » › ” ) ] } % ‰``) that does not open a word
  (German's ``»Tempolimit«`` and Swedish ``”ord”`` do: their spaces still break), and after an
  opening one (``« ‹ „ ‚ ( [ { ¿ ¡``) that does not close a word;
- a space between groups of three digits (``1 250 000``), between a number and its unit
  (``130 km/h``, ``5 000 €``, ``90 °C``, ``3 Mio.``), and after a sign or abbreviation that
  a number follows (``§ 3``, ``Nr. 5``, ``S. 12``, ``CHF 25``).

>>> glued("dit : « la mesure » ; 130 km/h, § 3").replace(NO_BREAK, "_")
'dit_: «_la mesure_»_; 130_km/h, §_3'
"""

from __future__ import annotations

import re

#: What the wrapper reads as a space it may not break at.
NO_BREAK = "\xa0"
_CLOSERS = r":;!?»›”)\]}%‰‱"
_OPENERS = r"«‹„‚(\[{¿¡"
_CURRENCY = r"€$£¥₽₹₩₺₴¢"
#: A unit, as written after a number: an SI unit with its prefix, a few others, a currency
#: or a scale word's abbreviation; ``km/h``, ``m²``, ``g/km``.
_UNIT_PART = (
    r"(?:[kMGTPmµcdn]?(?:Wh|Hz|Pa|bar|bit|m|g|t|l|L|W|V|A|J|N|s|B)|h|min|ha|mph|ppm|dB|°[CF]?"
    rf"|K|ct|Ct|[{_CURRENCY}]|CHF|EUR|USD|GBP|Fr\.|Mio\.?|Mrd\.?|Mds?|Tsd\.|Bio\.|bn|mn)[²³]?"
)
_UNIT = rf"{_UNIT_PART}(?:/{_UNIT_PART})*(?!\w)"
#: Signs and abbreviations of the languages argmap speaks that stand before a number.
_BEFORE_NUMBER = (
    r"§§?|¶|№|Nrn?\.?|No\.|no\.|Nos\.|nos\.|Nº|nº|N°|n°|S\.|Ss\.|p\.|pp\.|Art\.|art\.|Abs\."
    r"|Kap\.|Bd\.|Abb\.|Tab\.|Fig\.|fig\.|Vol\.|vol\.|Anm\.|Rn\.|Rz\.|Ziff\.|chap\.|ch\.|Ch\."
    rf"|al\.|éd\.|Sec\.|sec\.|para\.|[{_CURRENCY}]|US\$|CHF|EUR|USD|GBP|Fr\."
)
_GLUED = re.compile(
    rf" (?=[{_CLOSERS}](?![^\W_]))"  # dit : | jamais » | 30 %
    rf"| (?<=[{_OPENERS}] )(?<![^\W_][{_OPENERS}] )"  # « la | ( selon
    rf"| (?<=\d )(?={_UNIT})"  # 130 km/h | 1 250 000 €
)
_NUMBERED = re.compile(rf"(?<![^\s(])(?:{_BEFORE_NUMBER}) (?=\d)")  # § 3 | Nr. 5
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")  # 1 250 000
_DIGIT = re.compile(r"\d")


def glued(text: str) -> str:
    """``text`` (clean: single spaces) with each space a line may not break at made a
    no-break space (:data:`NO_BREAK`): the mapping is one character for one, so a line of
    the result is where the same stretch of ``text`` is."""
    if " " not in text:
        return text
    if _DIGIT.search(text):
        text = _NUMBERED.sub(_spaces, _GROUPED.sub(_spaces, text))
    return _GLUED.sub(_spaces, text)


def _spaces(found: re.Match[str]) -> str:
    return found[0].replace(" ", NO_BREAK)


__all__ = ["NO_BREAK", "glued"]
