"""Maps in documents: what every integration (Python-Markdown and MkDocs, Sphinx, Pandoc and
Quarto) shares, so that each is a thin adapter to its system.

An integration finds its blocks and reads their options (:mod:`argmap.embed.options`), reads
each block's map with its diagnostics placed in the document (:mod:`argmap.embed.blocks`),
and draws the map's figures in the format its output wants (:mod:`argmap.embed.figures`).
Markdown sources are scanned for fences by :mod:`argmap.embed.fences`.
"""

from __future__ import annotations

from argmap.embed.blocks import INLINE_NAME, Block, BlockError, BlockMap, Place, read_block
from argmap.embed.figures import Figure, Page, captions, draw_figures
from argmap.embed.options import (
    DRAW_OPTIONS,
    MAP_OPTIONS,
    OPTIONS,
    BlockOptions,
    OptionError,
    parse,
    words,
)

__all__ = [
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
    "captions",
    "draw_figures",
    "parse",
    "read_block",
    "words",
]
