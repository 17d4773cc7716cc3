"""``python -m argmap``: the ``argmap`` command."""

from argmap.console import run

run()
