"""A font file and some characters → the font cut to them, by HarfBuzz's subsetter.

The subset keeps what shaping those characters needs (kerning, ligatures, marks: every layout
feature of the font), so that a browser lays its text out as pango did in Graphviz, and the
name records that say what the font is and under which licence.

HarfBuzz comes with uharfbuzz, whose extension module holds the whole library and exports its
C API. That API is called here through ctypes: loading the library takes a tenth of a
millisecond, where importing uharfbuzz's Python module takes six (it builds some hundred
classes), as much as the rest of the font's cost together. Where a build of uharfbuzz does not
export the C API, its Python API does the same.
"""

from __future__ import annotations

import ctypes
import glob
import importlib.util
import os
from typing import Any

#: Name records kept: copyright, family, style, unique id, full name, version, PostScript
#: name, licence and licence URL (the SIL Open Font License asks every copy to carry them).
NAME_IDS = (0, 1, 2, 3, 4, 5, 6, 13, 14)
_SETS_NAME_ID = 4  # hb_subset_sets_t: HB_SUBSET_SETS_NAME_ID
_SETS_LAYOUT_FEATURE_TAG = 6  # HB_SUBSET_SETS_LAYOUT_FEATURE_TAG

_P = ctypes.c_void_p
_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "hb_blob_create_from_file_or_fail": (_P, [ctypes.c_char_p]),
    "hb_blob_destroy": (None, [_P]),
    "hb_blob_get_data": (_P, [_P, ctypes.POINTER(ctypes.c_uint)]),
    "hb_face_create": (_P, [_P, ctypes.c_uint]),
    "hb_face_destroy": (None, [_P]),
    "hb_face_reference_blob": (_P, [_P]),
    "hb_set_add": (None, [_P, ctypes.c_uint32]),
    "hb_set_clear": (None, [_P]),
    "hb_set_invert": (None, [_P]),
    "hb_subset_input_create_or_fail": (_P, []),
    "hb_subset_input_destroy": (None, [_P]),
    "hb_subset_input_set": (_P, [_P, ctypes.c_int]),
    "hb_subset_input_unicode_set": (_P, [_P]),
    "hb_subset_or_fail": (_P, [_P, _P]),
}

_library: ctypes.CDLL | bool | None = None  # False: not to be had; then the Python API
_faces: dict[str, int] = {}  # a font file → its hb_face_t, kept for the process


def _harfbuzz() -> ctypes.CDLL | None:
    """HarfBuzz's C API, from uharfbuzz's extension module (without importing the module)."""
    global _library
    if _library is None:
        _library = False
        spec = importlib.util.find_spec("uharfbuzz")
        folders = spec.submodule_search_locations if spec is not None else None
        found = glob.glob(os.path.join(folders[0], "_harfbuzz.*")) if folders else []
        try:
            library = ctypes.CDLL(found[0]) if len(found) == 1 else None
            for name, (result, arguments) in _SIGNATURES.items() if library else ():
                function = getattr(library, name)
                function.restype, function.argtypes = result, arguments
            _library = library or False
        except (OSError, AttributeError):
            _library = False
    return _library or None


def subset(font: str | os.PathLike[str], chars: str) -> bytes:
    """The font in the file ``font`` (TrueType or OpenType) cut to ``chars`` (those it has),
    as TrueType bytes.

    Raises:
        RuntimeError: HarfBuzz could not read or subset the font.
    """
    hb = _harfbuzz()
    if hb is None:
        return _subset_in_python(font, chars)
    path = os.fspath(font)
    if path not in _faces:  # the file mapped into memory, not read
        blob = hb.hb_blob_create_from_file_or_fail(os.fsencode(path))
        if not blob:
            raise RuntimeError(f"HarfBuzz could not read {path}")
        _faces[path] = hb.hb_face_create(blob, 0)
        hb.hb_blob_destroy(blob)
    face = _faces[path]
    request = hb.hb_subset_input_create_or_fail()
    if not request:
        raise RuntimeError("HarfBuzz could not start a subset")
    try:
        unicodes = hb.hb_subset_input_unicode_set(request)
        for char in chars:
            hb.hb_set_add(unicodes, ord(char))
        features = hb.hb_subset_input_set(request, _SETS_LAYOUT_FEATURE_TAG)
        hb.hb_set_clear(features)
        hb.hb_set_invert(features)  # every feature the font has
        names = hb.hb_subset_input_set(request, _SETS_NAME_ID)
        for name in NAME_IDS:
            hb.hb_set_add(names, name)
        cut = hb.hb_subset_or_fail(face, request)
    finally:
        hb.hb_subset_input_destroy(request)
    if not cut:
        raise RuntimeError("HarfBuzz could not subset the font")
    blob = hb.hb_face_reference_blob(cut)
    try:
        length = ctypes.c_uint()
        data = hb.hb_blob_get_data(blob, ctypes.byref(length))
        return ctypes.string_at(data, length.value)
    finally:
        hb.hb_blob_destroy(blob)
        hb.hb_face_destroy(cut)


def _subset_in_python(font: str | os.PathLike[str], chars: str) -> bytes:
    """:func:`subset` through uharfbuzz's Python API."""
    import uharfbuzz

    request = uharfbuzz.SubsetInput()
    request.unicode_set.update(ord(char) for char in chars)
    request.layout_feature_tag_set.clear()
    request.layout_feature_tag_set.invert()
    request.name_id_set.update(NAME_IDS)
    with open(font, "rb") as handle:
        face = uharfbuzz.Face(handle.read())
    cut = uharfbuzz.subset(face, request)
    if cut is None:
        raise RuntimeError("HarfBuzz could not subset the font")
    return cut.blob.data


__all__ = ["NAME_IDS", "subset"]
