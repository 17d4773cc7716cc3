"""Every theme's colours that mean different things stay apart for readers with a colour vision
deficiency: each pair of the colours of the kinds' outlines and of the links (support, attack,
undercut, contradiction, restatement) at least 15 apart (CIEDE2000) under normal vision and as
deuteranopia, protanopia and tritanopia are simulated (Machado, Oliveira and Fernandes 2009,
severity 1.0, on linear sRGB). Two roles drawn in one colour on purpose (a contradiction is an
attack both ways; a restatement is drawn in the support colour; the print theme is all black,
its kinds and links told apart by shape and line alone) are one colour, not a pair."""

from __future__ import annotations

import itertools
import math

import pytest

from argmap.draw.style import EDGES, RESTATEMENT, Edge
from argmap.draw.themes import THEMES, Theme, palette
from argmap.model import Link

LEAST = 15.0
VISIONS = ("normal", "deuteranopia", "protanopia", "tritanopia")
#: Machado et al. 2009's matrices at severity 1.0, on linear sRGB.
MACHADO = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}  # fmt: skip


def linear(colour: str) -> tuple[float, ...]:
    """Linear sRGB of ``#rrggbb`` (or ``white``, ``black``)."""
    hexa = {"white": "#ffffff", "black": "#000000"}.get(colour.lower(), colour).lstrip("#")
    channels = [int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def seen(colour: str, vision: str) -> tuple[float, ...]:
    """Linear sRGB of ``colour`` as seen with ``vision`` (clipped to the gamut)."""
    rgb = linear(colour)
    if vision == "normal":
        return rgb
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
                 for row in MACHADO[vision])  # fmt: skip


def lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    """CIELAB (D65) of linear sRGB.

    >>> [round(v, 1) for v in lab(linear("#0072b2"))]
    [46.0, -2.7, -41.4]
    """
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu and Dalal 2005; their
    test data's pairs 1, 7 and 17).

    >>> round(ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)), 4)
    2.0425
    >>> round(ciede2000((50, 0, 0), (50, -1, 2)), 4)
    2.3669
    >>> round(ciede2000((50, 2.5, 0), (73, 25, -18)), 4)
    27.1492
    """
    (l1, a1, b1), (l2, a2, b2) = one, other
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c**7 / (mean_c**7 + 25**7)))
    c1, c2 = math.hypot((1 + g) * a1, b1), math.hypot((1 + g) * a2, b2)
    h1 = math.degrees(math.atan2(b1, (1 + g) * a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, (1 + g) * a2)) % 360 if c2 else 0.0
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    big_dh = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    mean_l, mean_cp = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(mean_h - 30)) + 0.24 * math.cos(math.radians(2 * mean_h))
         + 0.32 * math.cos(math.radians(3 * mean_h + 6))
         - 0.20 * math.cos(math.radians(4 * mean_h - 63)))  # fmt: skip
    turn = 60 * math.exp(-(((mean_h - 275) / 25) ** 2))
    rotation = -math.sin(math.radians(turn)) * 2 * math.sqrt(mean_cp**7 / (mean_cp**7 + 25**7))
    sl = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    sc, sh = 1 + 0.045 * mean_cp, 1 + 0.015 * mean_cp * t
    dl, dc, dhh = (l2 - l1) / sl, (c2 - c1) / sc, big_dh / sh
    return math.sqrt(dl**2 + dc**2 + dhh**2 + rotation * dc * dhh)


def difference(one: str, other: str, vision: str) -> float:
    """CIEDE2000 between two colours as seen with ``vision``.

    >>> round(difference("#b87d00", "#d55e00", "deuteranopia"), 1)  # the release's clash
    0.9
    """
    return ciede2000(lab(seen(one, vision)), lab(seen(other, vision)))


def meaningful(theme: Theme) -> dict[str, str]:
    """What each colour that carries a meaning is, in ``theme``: the kinds' outlines and the
    links, as the drawing colours them (a contradiction with its edge's colour, a restatement
    with its double line's)."""
    themed = palette(theme)
    found = {f"{kind.name.lower()} outline": p.line for kind, p in theme.kinds.items()}
    for link, edge in EDGES.items():
        found[link.value] = theme.edges[edge]  # support, rebut, undercut, contradict
    found["restatement"] = themed[RESTATEMENT.color.split(":")[0].lower()]
    return found


def close_pairs(theme: Theme) -> list[tuple[str, str, str, float]]:
    colours = meaningful(theme)
    return [(one, other, vision, round(difference(colours[one], colours[other], vision), 1))
            for one, other in itertools.combinations(sorted(colours), 2)
            if colours[one].lower() != colours[other].lower()
            for vision in VISIONS
            if difference(colours[one], colours[other], vision) < LEAST]  # fmt: skip


@pytest.mark.parametrize("name", sorted(THEMES))
def test_meaningful_colours_stay_apart_in_every_vision(name: str) -> None:
    assert close_pairs(THEMES[name]) == []


def test_the_colours_checked_are_every_kind_and_link() -> None:
    names = set(meaningful(THEMES["light"]))
    outlines = {"premise outline", "conclusion outline", "recommendation outline"}
    assert outlines | {"support", "rebut", "undercut", "contradict", "restatement"} == names
    assert THEMES["light"].edges[EDGES[Link.CONTRADICT]] == THEMES["light"].edges[Edge.ATTACK]
