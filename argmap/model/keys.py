"""The map format's vocabulary: the keys allowed at each place, the limits on text, the id rule.

One table serves every part that reads or writes maps: the loader (which keys are allowed and
required), the JSON Schema, the YAML and JSON writers (in which order keys are written) and the
language server's completion.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest claim text: it is drawn in a node, and Graphviz lays out very long labels badly.
MAX_CLAIM_TEXT = 600
#: Longest label: a short form of a claim's text, drawn on one or two lines where space is tight.
MAX_LABEL = 80
#: Longest title, drawn above the diagram.
MAX_TITLE = 200
#: Longest quote, note or other text (not drawn; tooltips and metadata).
MAX_TEXT = 10_000
#: Longest name of a reason's argumentation scheme, drawn beside it.
MAX_SCHEME = 100
#: Highest number of a critical question an objection may name (the most any scheme asks is
#: far fewer; the check compares with the reason's own scheme).
MAX_QUESTION = 99

#: A claim id: lowercase letters, digits and single hyphens, starting with a letter. Such an id
#: is a valid XML/SVG id, CSS class fragment, URL fragment and Graphviz node name as it is.
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_ID = 64

#: The language of a map's text (``lang: de``): a BCP 47 tag with a two- or three-letter
#: language (ISO 639) and any subtags (``pt-BR``, ``zh-Hant-TW``), as HTML's ``lang`` takes it.
LANG_PATTERN = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

#: The characters text may not hold, as a regular expression's character class: control
#: characters other than tab and newline, the bidirectional embeddings, overrides and isolates
#: (they can make text read differently from what it says), and the XML non-characters U+FFFE
#: and U+FFFF. Lone surrogates (U+D800-U+DFFF) are refused too; editors, which see astral
#: characters as pairs of them, are given this class without them.
REFUSED = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff"
SURROGATES = r"\ud800-\udfff"

_CLAIM = {"id": True, "text": True, "label": False, "quotes": False, "note": False,
          "url": False, "objections": False, "contradicts": False, "implicit": False,
          "thesis": False, "role": False, "restates": False, "aif": False,
          "sadface": False}  # fmt: skip

#: The keys allowed at each place of a map, in the order they are written; True: required.
KEYS: dict[str, dict[str, bool]] = {
    "top": {
        "argmap": True,
        "title": True,
        "lang": False,
        "note": False,
        "source": False,
        "premises": False,
        "conclusions": False,
        "recommendations": False,
        "aif": False,
        "sadface": False,
    },
    "source": {
        "path": True,
        "title": False,
        "publisher": False,
        "date": False,
        "url": False,
        "ignore": False,
    },
    "premise": _CLAIM,
    "conclusion": {**_CLAIM, "reasons": False},
    "recommendation": {**_CLAIM, "reasons": False},
    "reason": {
        "claims": True,
        "objections": False,
        "note": False,
        "scheme": False,
        "aif": False,
        "sadface": False,
    },
    "objection": {
        "claims": True,
        "question": False,
        "objections": False,
        "note": False,
        "aif": False,
        "sadface": False,
    },
    "restatement": {"claim": True, "aif": False, "sadface": False},
}

#: The required keys of each place, in the order they are reported when missing.
REQUIRED = {
    place: tuple(k for k, required in keys.items() if required) for place, keys in KEYS.items()
}


def slugify(text: str) -> str:
    """The id an analyst probably meant.

    >>> slugify("Energy_Interest 2")
    'energy-interest-2'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    slug = slug.lstrip("0123456789-")
    return slug[:MAX_ID].rstrip("-") or "claim"


#: Cyrillic letters in Latin ones, as Russian names are spelt in English (BGN/PCGN, simplified),
#: with the letters of Kazakh, Ukrainian and Belarusian.
_CYRILLIC = str.maketrans(
    dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeeziyklmnoprstufye", strict=True))
    | {"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": ""}
    | {"ю": "yu", "я": "ya", "є": "ye", "ї": "yi", "ґ": "g", "ў": "u"}
    | dict(zip("әғқңөұүһі", "agqnouuhi", strict=True))
)


#: How German writes its umlauts in ASCII (``autoritär`` → ``autoritaer``, not ``autoritar``).
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def ascii_slug(text: str, lang: str | None = None) -> str:
    """An id from any title: letters without their accents (``Rücklauf`` → ``rucklauf``),
    Cyrillic ones in Latin letters (``Экспорт`` → ``eksport``); in a German text (``lang``
    ``de``, ``de-AT``, ...) umlauts as German writes them without (``rueck``).

    >>> ascii_slug("Rücklauf & Straße"), ascii_slug("Қазақстан: экспорт нефти")
    ('rucklauf-strasse', 'qazaqstan-eksport-nefti')
    >>> ascii_slug("autoritär", "de-CH")
    'autoritaer'
    """
    if lang is not None and lang.split("-")[0].lower() == "de" and not text.isascii():
        text = text.translate(_UMLAUTS)
    text = text.lower().translate(_CYRILLIC) if not text.isascii() else text
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "SS"))
    return slugify("".join(c for c in folded if not unicodedata.combining(c)))


__all__ = [
    "ID_PATTERN",
    "KEYS",
    "MAX_CLAIM_TEXT",
    "MAX_ID",
    "MAX_LABEL",
    "MAX_SCHEME",
    "MAX_TEXT",
    "MAX_TITLE",
    "REFUSED",
    "REQUIRED",
    "SURROGATES",
    "ascii_slug",
    "slugify",
]
