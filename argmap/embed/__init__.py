"""Maps in documents: what every integration (Python-Markdown and MkDocs, Sphinx, Pandoc and
Quarto) shares, so that each is a thin adapter to its system.

An integration finds its blocks and reads their options (:mod:`argmap.embed.options`), reads
each block's map with its diagnostics placed in the document (:mod:`argmap.embed.blocks`),
and draws the map's figures in the format its output wants, fitted to the output's column
(:class:`Target`, :mod:`argmap.embed.figures`).
Markdown sources are scanned for fences by :mod:`argmap.embed.fences`.
"""

from __future__ import annotations

from argmap.embed.blocks import INLINE_NAME, Block, BlockError, BlockMap, Place, read_block
from argmap.embed.figures import (
    Figure,
    Page,
    Target,
    captions,
    draw_figures,
    drawing_options,
    names,
    noted,
)
from argmap.embed.options import (
    AUTO,
    DRAW_OPTIONS,
    MAP_OPTIONS,
    OPTIONS,
    BlockOptions,
    OptionError,
    parse,
    words,
)

__all__ = [
    "AUTO",
    "DRAW_OPTIONS",
    "INLINE_NAME",
    "MAP_OPTIONS",
    "OPTIONS",
    "Block",
    "BlockError",
    "BlockMap",
    "BlockOptions",
    "Figure",
    "OptionError",
    "Page",
    "Place",
    "Target",
    "captions",
    "draw_figures",
    "drawing_options",
    "names",
    "noted",
    "parse",
    "read_block",
    "words",
]
