"""The installed drawing machinery → what identifies it, by content: Graphviz's build, the
shipped font's files, and the libraries that cut and pack the font into an SVG.

For the batch cache's key (:func:`argmap.batch.cache.settings_key`): a drawing made with the
same map, options and identity has the same bytes. Nothing here loads those libraries, and
nothing depends on the timestamps of installed files.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path

from argmap.draw.font import FILES

#: The libraries whose output a drawing holds: Graphviz's (bundled in pygraphviz's wheel),
#: HarfBuzz's subsetter and brotli (the SVG's font).
LIBRARIES = ("pygraphviz", "uharfbuzz", "brotli")


def installed(package: str) -> str:
    """An installed package, without importing it: a hash of the list of files its wheel
    installed (``RECORD``, which holds the hash of each file, bundled libraries too), or of
    the package's own file where there is no such list; ``none`` when it is not installed."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return "none"
    origin = Path(spec.origin)
    site = origin.parent.parent if origin.name.startswith("__init__.") else origin.parent
    prefix = package.lower() + "-"  # dist-info folders spell the name as the wheel does
    records = sorted(
        entry / "RECORD"
        for entry in site.iterdir()
        if entry.name.lower().startswith(prefix) and entry.name.endswith(".dist-info")
    )
    source = next((r for r in reversed(records) if r.is_file()), origin)
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


@functools.cache
def drawing_identity() -> dict[str, str]:
    """What draws besides argmap itself: each of :data:`LIBRARIES`, and the SHA-256 of each
    of the shipped font's files (0.3 ms for both)."""
    identity = {name: installed(name) for name in LIBRARIES}
    for path in FILES.values():
        identity[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return identity


__all__ = ["LIBRARIES", "drawing_identity", "installed"]
