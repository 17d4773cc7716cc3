"""A Sphinx project in MyST Markdown, with argument maps: `sphinx-build -M html . _build`."""

project = "Maps in MyST"
extensions = ["myst_parser", "argmap.sphinx"]
numfig = True
exclude_patterns = ["_build"]
