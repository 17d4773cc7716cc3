"""A Sphinx project with argument maps: `sphinx-build -M html . _build` (or `latexpdf`)."""

project = "Maps in Sphinx"
extensions = ["argmap.sphinx"]
numfig = True  # number the figures, so that :numref: can refer to them
exclude_patterns = ["_build"]
