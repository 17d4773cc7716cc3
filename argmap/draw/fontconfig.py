"""The shipped font → the fontconfig bundled with Graphviz, so that Graphviz lays out with it.

pygraphviz's Linux wheels bundle Graphviz with its own pango, cairo, freetype and fontconfig
(renamed by auditwheel: ``pygraphviz.libs/libfontconfig-dcb2ce6c.so.1.12.0``). That fontconfig
is a private copy: configuring it through ctypes changes which fonts *this process's Graphviz*
sees, and nothing else. No environment variable is set (child processes and the system's own
fontconfig, which a GUI toolkit may have loaded, are untouched) and no file is written.

:func:`use` makes current one of two configurations of it:

- *argmap's own*, for a drawing whose text the shipped font draws whole (nearly every one):
  the shipped font and nothing else. The machine's fonts and rules cannot touch such a
  drawing, and fontconfig never reads the machine's configuration or scans its fonts (which
  Graphviz would otherwise do at its first drawing: some milliseconds, and on a machine with
  thousands of fonts and no cache this older fontconfig can read, seconds);
- *the machine's with argmap's*, for text the shipped font lacks (Chinese, Arabic, ...):
  the configuration fontconfig would have loaded (``FONTCONFIG_FILE``, or the system's
  ``fonts.conf``), so that such text falls back to the machine's fonts as before, with
  argmap's rules and the shipped font files added.

argmap's rules, read after the machine's so that they win: the family ``Argmap Sans`` goes
first in any pattern that asks for it, bound strongly (a rule that prepends a favourite font to
every pattern cannot displace it); no other font of that name is taken (an older copy installed
on the machine, say); and the shipped font is rasterized alike on every machine: unhinted,
with grey antialiasing (a machine's hinting rules would otherwise change the glyphs' advances,
and so the layout); and ``monospace`` is the shipped font too, which is what pango draws the
code of a character no font has with (a box of hex digits): a machine's monospace font made
that box's size depend on what the process had drawn before. The shipped font files are
added as application fonts (read, never cached on disk).
"""

from __future__ import annotations

import ctypes
import glob
import html
import os

from argmap.draw.font import FAMILY, FILES, FONT_DIR

RULES = f"""<?xml version="1.0"?>
<fontconfig>
  <selectfont>
    <acceptfont><glob>{html.escape(os.fsdecode(FONT_DIR), quote=False)}/*</glob></acceptfont>
    <rejectfont>
      <pattern><patelt name="family"><string>{FAMILY}</string></patelt></pattern>
    </rejectfont>
  </selectfont>
  <match target="pattern">
    <test name="family"><string>{FAMILY}</string></test>
    <edit name="family" mode="prepend_first" binding="strong"><string>{FAMILY}</string></edit>
  </match>
  <match target="font">
    <test name="family"><string>{FAMILY}</string></test>
    <edit name="hinting" mode="assign"><bool>false</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintnone</const></edit>
    <edit name="autohint" mode="assign"><bool>false</bool></edit>
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcdnone</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
    <edit name="embolden" mode="assign"><bool>false</bool></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>monospace</string></test>
    <edit name="family" mode="prepend_first" binding="strong"><string>{FAMILY}</string></edit>
  </match>
</fontconfig>
"""

#: Where wheels put the fontconfig their Graphviz links to: auditwheel (Linux) and delvewheel
#: (Windows) beside the package, delocate (macOS) inside it.
_LIBRARIES = ("pygraphviz.libs/libfontconfig*.so*", "pygraphviz.libs/fontconfig*.dll",
              "pygraphviz/.dylibs/libfontconfig*.dylib")  # fmt: skip
_MATCH_PATTERN = 0  # FcMatchPattern


class FontSetupError(Exception):
    """Graphviz's fontconfig could not be found or configured (say, another wheel's layout)."""


class _FontSet(ctypes.Structure):
    _fields_ = [
        ("nfont", ctypes.c_int),
        ("sfont", ctypes.c_int),
        ("fonts", ctypes.POINTER(ctypes.c_void_p)),
    ]


_SIGNATURES = {
    "FcInitLoadConfig": (ctypes.c_void_p, []),
    "FcInitLoadConfigAndFonts": (ctypes.c_void_p, []),
    "FcConfigCreate": (ctypes.c_void_p, []),
    "FcConfigReference": (ctypes.c_void_p, [ctypes.c_void_p]),
    "FcConfigParseAndLoadFromMemory": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p,
                                                       ctypes.c_int]),
    "FcConfigBuildFonts": (ctypes.c_int, [ctypes.c_void_p]),
    "FcConfigAppFontAddFile": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p]),
    "FcConfigSetCurrent": (ctypes.c_int, [ctypes.c_void_p]),
    "FcConfigGetCurrent": (ctypes.c_void_p, []),
    "FcConfigDestroy": (None, [ctypes.c_void_p]),
    "FcNameParse": (ctypes.c_void_p, [ctypes.c_char_p]),
    "FcPatternDestroy": (None, [ctypes.c_void_p]),
    "FcConfigSubstitute": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]),
    "FcDefaultSubstitute": (None, [ctypes.c_void_p]),
    "FcFontSort": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int,
                                     ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]),
    "FcFontSetDestroy": (None, [ctypes.c_void_p]),
    "FcCharSetHasChar": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_uint32]),
    "FcPatternGetString": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                          ctypes.POINTER(ctypes.c_char_p)]),
    "FcPatternGetCharSet": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                           ctypes.POINTER(ctypes.c_void_p)]),
}  # fmt: skip

_library: ctypes.CDLL | None = None
#: The configurations made, by whether they hold the machine's (see the module's docstring),
#: and the one made current last.
_configs: dict[bool, int] = {}
_current: int | None = None


def library(package_folder: str) -> ctypes.CDLL:
    """The fontconfig that pygraphviz's Graphviz uses, loaded by its path: the same copy.

    Args:
        package_folder: The folder of the imported ``pygraphviz`` package.

    Raises:
        FontSetupError: There is not exactly one such library (a wheel of another layout, or
            pygraphviz built against the system's Graphviz), or it lacks a function.
    """
    global _library
    if _library is not None:
        return _library
    site = os.path.dirname(os.path.abspath(package_folder))
    found = sorted({p for pattern in _LIBRARIES for p in glob.glob(os.path.join(site, pattern))})
    if len(found) != 1:
        where = "none" if not found else ", ".join(os.path.basename(p) for p in found)
        raise FontSetupError(f"no single fontconfig bundled with pygraphviz (found {where})")
    try:
        lib = ctypes.CDLL(found[0])
        for name, (result, arguments) in _SIGNATURES.items():
            function = getattr(lib, name)
            function.restype = result
            function.argtypes = arguments
    except (OSError, AttributeError) as exc:
        raise FontSetupError(f"pygraphviz's fontconfig cannot be used: {exc}") from exc
    _library = lib
    return lib


def use(package_folder: str, *, machine: bool) -> None:
    """Make current argmap's own configuration, or (``machine``) the machine's with argmap's:
    Graphviz then lays out and draws :data:`FAMILY` with the shipped font.

    Each is made once and kept; after something reinitialized fontconfig (as
    ``FcInitBringUptoDate`` does when the machine's font folders changed), the machine's is
    made again. Works whether or not Graphviz has drawn in this process before. Not
    thread-safe: the caller holds the engine's lock.

    Raises:
        FontSetupError: No bundled fontconfig, or it refused the configuration.
    """
    global _current
    fc = library(package_folder)
    # (Asking for the current configuration before there is one would load the default.)
    if _current is not None and fc.FcConfigGetCurrent() != _current:
        _configs.pop(True, None)  # reinitialized: the machine's fonts may have changed
    wanted = _configs.get(machine) or _made(fc, machine)
    if wanted != _current or fc.FcConfigGetCurrent() != wanted:
        if not fc.FcConfigSetCurrent(wanted):
            raise FontSetupError("fontconfig would not use argmap's configuration")
        _current = wanted


def release() -> None:
    """Give Graphviz back the configuration fontconfig would have loaded by itself, when
    argmap's turned out not to serve (see the engine's probe): drawings then use the
    machine's fonts as if argmap had never configured any."""
    global _current
    fc = _library
    if fc is None or _current is None:
        return
    config = fc.FcInitLoadConfigAndFonts()
    if config and fc.FcConfigSetCurrent(config):
        _current = None


def _made(fc: ctypes.CDLL, machine: bool) -> int:
    """A configuration (see :func:`use`), kept for the rest of the process."""
    config = fc.FcInitLoadConfig() if machine else fc.FcConfigCreate()
    if not config:
        raise FontSetupError("fontconfig could not load this machine's configuration")
    try:
        if not fc.FcConfigParseAndLoadFromMemory(config, RULES.encode(), 1):
            raise FontSetupError("fontconfig rejected argmap's font rules")
        if not fc.FcConfigBuildFonts(config):
            raise FontSetupError("fontconfig could not list this machine's fonts")
        for path in FILES.values():
            if not fc.FcConfigAppFontAddFile(config, os.fsencode(path)):
                raise FontSetupError(f"fontconfig could not read {path}")
    except BaseException:
        fc.FcConfigDestroy(config)
        raise
    # Kept alive whichever is current: fontconfig releases the configuration it replaces as
    # current, and before 2.13.1 took no reference of its own to it; so one more is taken here,
    # never released (two small configurations per process at most).
    fc.FcConfigReference(config)
    _configs[machine] = config
    return config


def fallback_fonts(chars: str) -> dict[str, str | None]:
    """For each character, the family Graphviz draws it with when the shipped font lacks it,
    or None when no font on this machine has it (PNG and PDF would show an empty box).

    Asks fontconfig what pango asks it: the fonts sorted for :data:`FAMILY` under the
    machine's configuration; the first whose characters include it. Call
    ``use(..., machine=True)`` first, under the engine's lock.
    """
    fc, config = _library, _configs.get(True)
    if fc is None or config is None:
        return dict.fromkeys(chars)
    pattern = fc.FcNameParse(FAMILY.encode())
    fc.FcConfigSubstitute(config, pattern, _MATCH_PATTERN)
    fc.FcDefaultSubstitute(pattern)
    result = ctypes.c_int()
    fonts = fc.FcFontSort(config, pattern, 1, None, ctypes.byref(result))  # trimmed: as pango
    found: dict[str, str | None] = dict.fromkeys(chars)
    try:
        if fonts:
            fontset = ctypes.cast(fonts, ctypes.POINTER(_FontSet)).contents
            for index in range(fontset.nfont):
                font = fontset.fonts[index]
                charset = ctypes.c_void_p()
                if fc.FcPatternGetCharSet(font, b"charset", 0, ctypes.byref(charset)) != 0:
                    continue
                for char in [c for c, family in found.items() if family is None]:
                    if fc.FcCharSetHasChar(charset, ord(char)):
                        name = ctypes.c_char_p()
                        fc.FcPatternGetString(font, b"family", 0, ctypes.byref(name))
                        found[char] = (name.value or b"?").decode("utf-8", "replace")
    finally:
        if fonts:
            fc.FcFontSetDestroy(fonts)
        fc.FcPatternDestroy(pattern)
    return found


__all__ = ["FontSetupError", "fallback_fonts", "library", "release", "use"]
