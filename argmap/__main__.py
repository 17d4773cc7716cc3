"""``python -m argmap``: the ``argmap`` command."""

from argmap.cli import main

main(prog_name="argmap")
