"""Other formats in and out: one module per format, pure functions between text and maps.

Importers return an :class:`~argmap.formats.base.Imported` (the map and notes on what changed on
the way in); exporters an :class:`~argmap.formats.base.Exported` (the text and notes on what the
format could not hold). :mod:`argmap.formats.registry` names them; files are read and written by
:mod:`argmap.api` only.
"""
