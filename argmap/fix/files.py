"""A map file → its safe fixes applied (or shown as a diff), checked again: ``argmap check
--fix`` and ``--diff``.

The map is checked, each diagnostic's first fix that is not for an editor only (and is safe,
unless ``unsafe``) is applied (edits of the text's own spans, never overlapping), and the map
is checked again; a few passes, as long as fixes are left. A pass whose fixes make the map
worse (it no longer loads, or it has more errors of some code, or no fewer errors) is undone
and its fixes tried one by one, each kept only when it makes the map better. The file is
written once, whole (atomically), and only when it changed.
"""

from __future__ import annotations

import collections
import os

import attrs

from argmap.analysis.sentences import Source
from argmap.api import Checked, check_map_bytes
from argmap.diagnostics import Severity, clip, joined, span_at, span_offset
from argmap.fix import APPLIED, Applicability, Context, Edit, Fix, apply, fixes
from argmap.fmt.files import unified_diff
from argmap.io import read_file, write_atomic
from argmap.read.outline import outline
from argmap.sources import Root, read_source

#: Passes of fixing and checking again, at most (a fix may show another's diagnostic).
PASSES = 4
_BOM = b"\xef\xbb\xbf"
_PLURALS = {"quote": "quotes", "id": "ids", "key": "keys", "source path": "source paths"}


@attrs.frozen
class Fixed:
    """One map fixed: its check after the fixes, its bytes before and after, the fixes made,
    and how many unsafe fixes ``--unsafe-fixes`` would make (made, not only offered: a fix
    that would make the map worse is not)."""

    checked: Checked
    old: bytes
    new: bytes
    made: tuple[Fix, ...]
    hidden: int
    before: Checked

    def said(self) -> str:
        """What was fixed, e.g. ``2 quotes and 1 id``."""
        counts = collections.Counter(fix.what for fix in self.made)
        parts = [f"{n} {_PLURALS.get(what, what) if n != 1 else what}"
                 for what, n in counts.items()]  # fmt: skip
        return joined(parts) if parts else "nothing"

    def diff(self, path: str) -> str:
        """The fixes as a unified diff."""
        return unified_diff(path, _text(self.old), _text(self.new))

    def listed(self, path: str) -> list[str]:
        """Each fix made, where it was made in the map as it was and the words it changed,
        with a word around them: ``map.yaml:34:9: quote: "… our ability to …" → "… our
        abilities to …"``, so that a fix that took less (or more) than was meant is seen
        without a diff."""
        text, lines = _text(self.old), []
        for fix in self.made:
            first = min(fix.edits, key=lambda edit: edit.start)
            was, now = _changed(_value(text[first.start : first.end]), _value(first.text))
            lines.append(f'{path}:{span_at(text, first.start)}: {fix.what}: "{was}" → "{now}"')
        return lines


def _value(written: str) -> list[str]:
    """The words of a scalar as written, without the quotes around it."""
    if len(written) > 1 and written[0] in "'\"" and written[-1] == written[0]:
        written = written[1:-1]
    return written.split()


def _changed(was: list[str], now: list[str]) -> tuple[str, str]:
    """The words that differ between ``was`` and ``now``, a word of each side kept around
    them and the rest left out (``…``), each clipped to 60 characters."""
    same = 0
    while same < min(len(was), len(now)) and was[same] == now[same]:
        same += 1
    end = 0
    while end < min(len(was), len(now)) - same and was[-1 - end] == now[-1 - end]:
        end += 1
    start = max(0, same - 1)

    def shown(words: list[str]) -> str:
        stop = len(words) - max(0, end - 1)
        part = " ".join(words[start:stop])
        part = ("… " if start else "") + part + (" …" if stop < len(words) else "")
        return clip(part, 60, words=True)

    return shown(was), shown(now)


def _text(data: bytes) -> str:
    return data.removeprefix(_BOM).decode("utf-8")


def _errors(checked: Checked) -> int:
    return sum(d.severity is Severity.ERROR for d in checked.diagnostics)


def _worse(before: Checked, after: Checked) -> bool:
    """Whether fixes made a map worse: it no longer loads, or it has an error of a kind it had
    not (if it loaded), or no fewer errors (unless it loads now)."""
    if before.map is None:
        return after.map is None and _errors(after) >= _errors(before)
    if after.map is None:
        return True
    had = collections.Counter(d.code for d in before.diagnostics if d.severity is Severity.ERROR)
    has = collections.Counter(d.code for d in after.diagnostics if d.severity is Severity.ERROR)
    return any(n > had[code] for code, n in has.items()) or _errors(after) >= _errors(before)


class _Map:
    """One map being fixed: its text, its check, its source (read once), its fixes (worked out
    once for each text)."""

    def __init__(
        self, body: str, bom: bytes, checked: Checked, source_root: Root, ignore: tuple[str, ...]
    ) -> None:
        self.body, self.bom, self.checked = body, bom, checked
        self.path, self.root, self.ignore = checked.path, source_root, ignore
        self._sources: dict[str, Source | None] = {}  # by the map's source path
        self._offered: tuple[str, list[Fix]] | None = None
        self.batches: list[list[Edit]] = []  # the edits made, a batch each, in turn

    def source(self) -> Source | None:
        amap = self.checked.map
        if amap is None or amap.source is None:
            return None
        if amap.source.path not in self._sources:
            found, _ = read_source(amap, self.path, self.root)
            self._sources[amap.source.path] = Source(found.text) if found is not None else None
        return self._sources[amap.source.path]

    def offered(self) -> list[Fix]:
        """The preferred fix of each diagnostic that argmap may apply (safe or unsafe)."""
        if self._offered is not None and self._offered[0] is self.body:
            return self._offered[1]
        root = None if self.root is None else os.fspath(self.root)
        context = Context(self.body, self.path, self.source, outline(self.body), source_root=root)
        starts, length = context.line_starts, len(self.body)
        found = []
        for diagnostic in self.checked.diagnostics:
            if diagnostic.code not in APPLIED:
                continue
            offset = span_offset(starts, diagnostic.span, length)
            first = next((f for f in fixes(context, diagnostic.code, offset)
                          if f.applicability is not Applicability.EDITOR), None)  # fmt: skip
            if first is not None:
                found.append(first)
        self._offered = (self.body, found)
        return found

    def encoded(self, body: str) -> bytes:
        return self.bom + body.encode("utf-8")

    def attempt(self, chosen: list[Fix], allowed: set[Applicability]) -> list[Fix]:
        """Apply ``chosen`` and check again, keeping them if the map is not worse; or, when
        it is, with the ``allowed`` fixes of what they brought to light (a source path found:
        a slip in a quote its text shows), if the map is then better. The fixes kept (none:
        the map is as it was)."""
        batch = [edit for fix in chosen for edit in fix.edits]
        body = apply(self.body, batch)
        checked = self._checked(body)
        if not _worse(self.checked, checked):
            self.body, self.checked = body, checked
            return self._made(chosen, batch)
        after = _Map(body, self.bom, checked, self.root, self.ignore)
        safe = _apart([f for f in after.offered() if f.applicability in allowed])
        if not safe:
            return []
        more = [edit for fix in safe for edit in fix.edits]
        body = apply(body, more)
        checked = self._checked(body)
        if _worse(self.checked, checked):
            return []
        self.body, self.checked = body, checked
        made = self._made(chosen, batch)
        return made + self._made(safe, more)  # (after chosen's batch)

    def _made(self, fixes: list[Fix], batch: list[Edit]) -> list[Fix]:
        """``fixes`` (their edits ``batch``), made after the batches before them, with their
        edits where they fall in the map as it was (as :meth:`Fixed.listed` tells them); their
        batch recorded."""
        earlier = list(self.batches)
        self.batches.append(batch)
        return [attrs.evolve(fix, edits=tuple(_back(edit, earlier) for edit in fix.edits))
                for fix in fixes]  # fmt: skip

    def _checked(self, body: str) -> Checked:
        data = self.encoded(body)
        return check_map_bytes(data, self.path, source_root=self.root, ignore=self.ignore)


def _back(edit: Edit, batches: list[list[Edit]]) -> Edit:
    """``edit``, made in a text that ``batches`` of edits changed in turn, where it falls in
    the text before them (a place inside an earlier edit: at that edit's start)."""

    def before(place: int, batch: list[Edit]) -> int:
        grown = 0  # how much longer the edits before ``place`` made the text
        for done in sorted(batch, key=lambda e: e.start):
            now = done.start + grown  # where the edit's text begins in the edited text
            if place < now + len(done.text):
                return done.start if place > now else place - grown
            grown += len(done.text) - (done.end - done.start)
        return place - grown

    start, end = edit.start, edit.end
    for batch in reversed(batches):
        start, end = before(start, batch), before(end, batch)
    return attrs.evolve(edit, start=start, end=end)


def _apart(offered: list[Fix]) -> list[Fix]:
    """Those of ``offered`` whose edits overlap none of those before them."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for fix in offered:
        spans = [(e.start, e.end) for e in fix.edits]
        if any((s < t_end and t_start < e) or s == t_start for s, e in spans
               for t_start, t_end in taken):  # fmt: skip
            continue
        taken += spans
        chosen.append(fix)
    return chosen


def fix_bytes(
    data: bytes,
    path: str,
    *,
    source_root: Root = None,
    unsafe: bool = False,
    ignore: tuple[str, ...] = (),
    count_unsafe: bool = True,
) -> Fixed:
    """The map ``data`` (of the file ``path``) with its safe fixes made, or with ``unsafe``
    its unsafe ones too; a map that is not UTF-8 is left as it is. Codes in ``ignore`` are
    silenced (:func:`argmap.checking.check_map_bytes`), and not fixed. Without ``unsafe``,
    how many unsafe fixes would be made is counted by making them (on a copy), unless not
    ``count_unsafe`` (an editor's fix-all, which shows no count: ``hidden`` is then 0)."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    checked = check_map_bytes(data, path, source_root=source_root, ignore=ignore)
    try:
        body = _text(data)
    except UnicodeDecodeError:  # not a map argmap reads (AM001)
        return Fixed(checked, data, data, (), 0, checked)
    found = _Map(body, _BOM if data.startswith(_BOM) else b"", checked, source_root, ignore)
    made: list[Fix] = []
    for _ in range(PASSES):
        chosen = _apart([f for f in found.offered() if f.applicability in allowed])
        if not chosen:
            break
        together = found.attempt(chosen, allowed)
        if together:
            made += together
            continue
        # One by one, from the end of the text: a fix made leaves the places before it as
        # they were.
        last_first = sorted(chosen, key=lambda fix: min(e.start for e in fix.edits), reverse=True)
        kept: list[list[Fix]] = []
        for fix in last_first:
            kept.append(found.attempt([fix], allowed))
            if len(kept[-1]) > 1:
                break  # fixes made elsewhere too: the next pass finds the rest anew
        made += [fix for fixes in reversed(kept) for fix in fixes]
        if not any(kept):
            break
    hidden = 0
    offered = (f.applicability is Applicability.UNSAFE for f in found.offered())
    if count_unsafe and not unsafe and any(offered):
        # Those --unsafe-fixes would make, not those offered: one that would make the map
        # worse is offered but not made.
        more = fix_bytes(data, path, source_root=source_root, unsafe=True, ignore=ignore)
        hidden = sum(fix.applicability is Applicability.UNSAFE for fix in more.made)
    return Fixed(found.checked, data, found.encoded(found.body), tuple(made), hidden, checked)


def fix_file(
    path: str,
    *,
    source_root: Root = None,
    unsafe: bool = False,
    write: bool = True,
    ignore: tuple[str, ...] = (),
) -> Fixed:
    """Fix one map file (:func:`fix_bytes`), and with ``write`` write it back when it changed
    (through a symbolic link, to the file it names). Raises UsageError when it cannot be read
    or written."""
    data = read_file(path)
    fixed = fix_bytes(data, path, source_root=source_root, unsafe=unsafe, ignore=ignore)
    if write and fixed.new != fixed.old:
        write_atomic(os.path.realpath(path), fixed.new)
    return fixed


__all__ = ["PASSES", "Fixed", "fix_bytes", "fix_file"]
