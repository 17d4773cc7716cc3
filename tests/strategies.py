"""Hypothesis strategies: consistent argument maps as YAML text, their expectations, and faults.

A map is generated as a *spec* (claims with unique slug ids, a DAG of supports, attacks that never
clash with a support), built into a small YAML *tree* (``Str``/``Seq``/``Map``, each scalar with a
drawn style), and emitted line by line by :func:`emit`, which records where every node starts.
So a test knows the exact ``line:col`` of anything it injects, without asking argmap.

``consistent_maps()`` draws a :class:`Generated` map (YAML text, source text, the expected
``ArgumentMap``); ``faulty_maps()`` draws one with exactly one fault injected and the diagnostic
(code and position) that fault must produce.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TypeVar

import attrs
import yaml
from hypothesis import assume
from hypothesis import strategies as st

from argmap.model import (
    ArgumentMap,
    Carried,
    Claim,
    Kind,
    Objection,
    Quote,
    Reason,
    Ref,
    Restatement,
    Role,
    Source,
    equivalents,
)

T = TypeVar("T")

# ------------------------------------------------------------------------------------ texts

#: Characters the loader refuses in text (see argmap.read.yamltree.bad_character).
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: Any character the loader accepts in text: no control characters but tab and newline, no
#: bidirectional controls, no surrogates, no U+FFFE/U+FFFF.
allowed_chars = st.characters(
    exclude_categories=("Cc", "Cs"), exclude_characters=BIDI + "\ufffe\uffff"
) | st.sampled_from("\t\n")

#: Pieces that are special to YAML, DOT, HTML-like labels, XML, Graphviz escapes or Unicode.
SPECIAL_PIECES = (
    # YAML 1.1 words and numbers that a careless loader turns into bools, nulls, numbers, dates
    "no", "No", "NO", "yes", "off", "On", "y", "n", "null", "Null", "~", "true", "False",
    "3.10", "1e3", "0x1F", "0o17", "010", "1_000", "2022-09-01", "2022-09-01 12:00:00", "12:30",
    ".inf", "-.inf", ".nan", "=", "<<",
    # YAML punctuation
    '"', "'", "\\", ":", ": ", " #", "#", "- ", "? ", "|", ">-", "!", "!!str", "*a", "&a", "%",
    "@", "`", ",", "[", "]", "{", "}", "---", "...", "[...]", "\u2026", "\\x41", "\\u0041",
    # HTML/XML and Graphviz
    "<", ">", "&", "&amp;", "&lt;", "&#65;", "&#x41;", "&copy;", "&nbsp", "<b>bold</b>",
    "<script>x</script>", "<BR/>", "]]>", "<!--", "-->", "<![CDATA[", "\\N", "\\G", "\\E", "\\T",
    "\\H", "\\L", "\\l", "\\r", "\\n", "\\\\", "\\\"", "%s", "$x", "{x}", "\"\"", "''",
    # white space and invisible characters
    "\n", "\t", "  ", " \n ", "\u00a0", "\u2028", "\u2029", "\u3000", "\u200b", "\u00ad",
    "\u200d", "\u200e", "\u200f", "\ufeff", "\u2060", "\u180e",
    # scripts, combining marks, emoji, astral planes, private use
    "e\u0301", "\u0301", "a\u20dd", "\U0001f44d\U0001f3fd", "\U0001f1ea\U0001f1fa",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f", "中文", "日本語のテキスト",
    "한국어", "עברית", "العربية", "हिन्दी", "ไทย", "\U0001d518\U0001d52b\U0001d526",
    "\U0010fffd", "\ue000", "\ufdd0", "\U0001fffe", "Zürich", "Ελληνικά", "ß", "ﬁ", "Å",
    # typography the quote matcher folds
    "\u201cquoted\u201d", "it\u2019s", "\u2014", "\u2013", "-", "\u00ab\u00bb",
)  # fmt: skip


def _has_content(text: str) -> bool:
    return bool(text.strip())


def _continues(char: str) -> bool:
    """Whether Windows-1252 (or Latin-1) writes ``char`` as a byte that goes on with a UTF-8
    character (0x80 to 0xBF)."""
    for encoding in ("cp1252", "latin-1"):
        try:
            return 0x80 <= char.encode(encoding)[0] <= 0xBF
        except UnicodeEncodeError:
            continue
    return False


def not_garbled(text: str) -> bool:
    """Whether ``text`` holds no letter that opens a UTF-8 character, read as Windows-1252,
    followed by one that goes on with it (``Ã©``): text that may be a map garbled by an
    editor (AM210), a fault of its own, is left to the tests of that fault."""
    return not any("\u00c2" <= a <= "\u00f4" and _continues(b) for a, b in itertools.pairwise(text))


@functools.cache  # strategies are values; building them anew is slow
def texts(max_size: int = 80, *, newlines: bool = True) -> st.SearchStrategy[str]:
    """Text the loader accepts (not blank, no refused characters), mixing arbitrary Unicode
    with pieces that are special somewhere between YAML and SVG."""
    chars = allowed_chars if newlines else allowed_chars.filter(lambda c: c != "\n")
    pieces = (
        st.sampled_from(SPECIAL_PIECES)
        if newlines
        else st.sampled_from([p for p in SPECIAL_PIECES if "\n" not in p])
    )
    piece = st.one_of(st.text(chars, min_size=1, max_size=12), pieces, pieces)
    return (
        st.lists(piece, min_size=1, max_size=8)
        .map(lambda parts: "".join(parts)[:max_size])
        .filter(_has_content)
        .filter(not_garbled)
    )


#: A slug: lowercase letters, digits and single hyphens, starting with a letter.
SLUG_WORDS = ("no", "yes", "null", "true", "off", "on", "y", "n", "nan", "inf", "e", "x", "a-1")
SLUG_WORDS += ("a" * 64, "x-" * 31 + "yz")  # as long as an id may be
slugs = st.one_of(
    st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,3}", fullmatch=True),
    st.sampled_from(SLUG_WORDS),
)


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """http(s) URLs that check.py accepts, with Unicode, quotes, ``&``, ``<`` and backslashes
    in the path (for the SVG's href)."""
    host = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,6}){0,2}", fullmatch=True)
    path_chars = st.one_of(
        st.sampled_from([*"/?#=&%;:@!$'()*+,-._~\"<>\\{}|^`", "\\N", "&amp;"]),
        st.characters(  # no white space: a URL with any is refused (AM108)
            exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp"),
            exclude_characters=BIDI + "\ufffe\uffff",
        ).filter(lambda c: not c.isspace()),
    )
    path = st.lists(path_chars, max_size=20).map("".join)
    return st.builds(
        lambda scheme, host, path: f"{scheme}://{host}/{path}",
        st.sampled_from(["http", "https", "HTTPS", "Http"]),
        host,
        path,
    )


# ------------------------------------------------------------------------------- YAML tree


class Str:
    """A scalar, with the style it should preferably be written in ('plain', 'single',
    'double'); ``escape`` picks how control characters are written in double quotes;
    ``raw`` is inserted unescaped at character index ``raw[0]`` (to break the file itself);
    ``prefix`` is written before it (an anchor or a tag); style 'empty' writes nothing at all
    (only as a mapping's value)."""

    def __init__(self, value: str, style: str = "double", *, escape: int = 0) -> None:
        self.value = value
        self.style = style
        self.escape = escape
        self.prefix = ""
        self.raw: tuple[int, str] | None = None
        self.span: tuple[int, int] | None = None
        self.raw_span: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"Str({self.value!r}, {self.style!r})"


class Seq:
    """A list, in flow style (``[a, b]``) or block style (one ``- item`` a line)."""

    def __init__(self, items: list[Node], *, flow: bool = False, indentless: bool = False):
        self.items = items
        self.flow = flow
        self.indentless = indentless
        self.span: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"Seq({self.items!r})"


class Map:
    """A mapping; ``pairs`` keep their order (and may repeat a key, to inject AM007)."""

    def __init__(self, pairs: list[tuple[Str, Node]], *, flow: bool = False) -> None:
        self.pairs = pairs
        self.flow = flow
        self.comments: dict[int, str] = {}  # a comment line before the pair at this index
        self.span: tuple[int, int] | None = None

    def get(self, key: str) -> Node | None:
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None

    def index(self, key: str) -> int:
        return next(i for i, (k, _) in enumerate(self.pairs) if k.value == key)

    def set(self, key: str, value: Node, at: int | None = None) -> None:
        for i, (k, _) in enumerate(self.pairs):
            if k.value == key:
                self.pairs[i] = (k, value)
                return
        pair = (Str(key, "plain"), value)
        self.pairs.insert(len(self.pairs) if at is None else at, pair)

    def remove(self, key: str) -> None:
        del self.pairs[self.index(key)]

    def __repr__(self) -> str:
        return f"Map({self.pairs!r})"


Node = Str | Seq | Map


def walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, Seq):
        for item in node.items:
            yield from walk(item)
    elif isinstance(node, Map):
        for key, value in node.pairs:
            yield key
            yield from walk(value)


def _inline(node: Node) -> bool:
    """Whether the emitter writes a node on its parent's line (in flow style, or a scalar)."""
    return (
        isinstance(node, Str)
        or node.flow
        or (isinstance(node, Seq) and not node.items)
        or (isinstance(node, Map) and not node.pairs)
    )


def block_maps(node: Map) -> Iterator[Map]:
    """The mappings the emitter writes in block style, from ``node`` (itself one) down: only
    in those can a key end its line with nothing after the colon."""
    yield node
    for _, value in node.pairs:
        if isinstance(value, Map) and not _inline(value):
            yield from block_maps(value)
        elif isinstance(value, Seq) and not _inline(value):
            for item in value.items:
                if isinstance(item, Map) and not _inline(item):
                    yield from block_maps(item)


# ------------------------------------------------------------------------------ emitter


# What libyaml accepts literally in a stream; everything else must be escaped.
def _printable(c: str) -> bool:
    o = ord(c)
    return (
        c in "\t\n"
        or 0x20 <= o <= 0x7E
        or 0xA0 <= o <= 0xD7FF
        or 0xE000 <= o <= 0xFFFD
        or 0x10000 <= o <= 0x10FFFF
    ) and c not in "\u2028\u2029\ufeff"  # line breaks to YAML; a BOM only belongs at the start


_NAMED = {"\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
          "\x1b": "e", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P"}  # fmt: skip


def _escaped(c: str, how: int) -> str:
    """A double-quoted YAML escape for ``c``; ``how`` chooses among the equivalent forms."""
    o = ord(c)
    forms = []
    if c in _NAMED:
        forms.append("\\" + _NAMED[c])
    if o <= 0xFF:
        forms.append(f"\\x{o:02x}")
    if o <= 0xFFFF:
        forms.append(f"\\u{o:04X}")
    forms.append(f"\\U{o:08x}")
    return forms[how % len(forms)]


def double_quoted(value: str, how: int = 0) -> str:
    out = []
    for c in value:
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t" or c in BIDI or not _printable(c):
            out.append(_escaped(c, how))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


# A document around a scalar, for each place a scalar can be written; {} is the scalar.
_CONTEXTS = {
    "value": "k: {}\n",
    "item": "- {}\n",
    "key": "{}: x\n",
    "flow": "[{}, x]\n",
    "flowkey": "{{{}: x, y: z}}\n",
    "flowvalue": "{{k: {}, y: z}}\n",
}


@functools.cache
def _shape(context: str) -> tuple[type, ...]:
    return tuple(
        type(e) for e in yaml.parse(_CONTEXTS[context].format("x"), Loader=yaml.CSafeLoader)
    )


@functools.lru_cache(maxsize=100_000)
def _reads_back(rendered: str, value: str, context: str) -> bool:
    """Whether ``rendered`` at ``context`` is read by YAML as exactly the text ``value``."""
    document = _CONTEXTS[context].format(rendered)
    try:
        events = list(yaml.parse(document, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return False
    if tuple(type(e) for e in events) != _shape(context):
        return False
    scalars = [e for e in events if isinstance(e, yaml.ScalarEvent)]
    event = scalars[1 if context in ("value", "flowvalue") else 0]
    return event.value == value and event.anchor is None and event.tag is None


_FLOW_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def render_scalar(node: Str, context: str) -> str:
    """The scalar as written: its preferred style if YAML reads that back exactly, else
    double-quoted (always exact). A single line in every case."""
    if node.raw is not None:
        at, char = node.raw
        return (
            double_quoted(node.value[:at], node.escape)[:-1]
            + char
            + double_quoted(node.value[at:], node.escape)[1:]
        )
    value = node.value
    if node.style == "empty":
        assert value == "" and context == "value"
        return ""
    if node.style == "verbatim":  # an alias, a merge key: written as is
        return value
    simple = _FLOW_PLAIN.fullmatch(value) if context.startswith("flow") else value.strip() == value
    plain = node.style == "plain" and value and "\n" not in value and simple
    if plain and _reads_back(value, value, context):
        return value
    if node.style in ("plain", "single") and all(_printable(c) and c not in "\n" for c in value):
        rendered = "'" + value.replace("'", "''") + "'"
        if _reads_back(rendered, value, context):
            return rendered
    return double_quoted(value, node.escape)


class _Emitter:
    def __init__(self) -> None:
        self.lines: list[str] = []

    @property
    def line(self) -> int:
        """The number of the line being written next."""
        return len(self.lines) + 1

    def scalar(self, node: Str, context: str, line: int, col: int) -> str:
        text = node.prefix + render_scalar(node, context)
        node.span = (line, col)
        if node.raw is not None:
            before = node.prefix + double_quoted(node.value[: node.raw[0]], node.escape)
            node.raw_span = (line, col + len(before) - 1)
        return text

    def flow(self, node: Node, line: int, col: int, context: str = "flow") -> str:
        """A node in flow style starting at (line, col); records spans; returns its text."""
        if isinstance(node, Str):
            return self.scalar(node, context, line, col)
        node.span = (line, col)
        if isinstance(node, Seq):
            out, c = "[", col + 1
            for i, item in enumerate(node.items):
                if i:
                    out, c = out + ", ", c + 2
                text = self.flow(item, line, c)
                out, c = out + text, c + len(text)
            return out + "]"
        out, c = "{", col + 1
        for i, (key, value) in enumerate(node.pairs):
            if i:
                out, c = out + ", ", c + 2
            text = self.scalar(key, "flowkey", line, c) + ": "
            out, c = out + text, c + len(text)
            text = self.flow(value, line, c, "flowvalue")
            out, c = out + text, c + len(text)
        return out + "}"

    def block_map(self, node: Map, indent: int, first_prefix: str | None = None) -> None:
        assert node.pairs and not node.flow
        for i, (key, value) in enumerate(node.pairs):
            if i in node.comments and (i or first_prefix is None):
                self.lines.append(" " * indent + "# " + node.comments[i])
            prefix = first_prefix if i == 0 and first_prefix is not None else " " * indent
            line = self.line
            head = prefix + self.scalar(key, "key", line, len(prefix) + 1) + ":"
            if i == 0:
                node.span = key.span
            if isinstance(value, Str) and value.style == "empty":  # "key:" and nothing more
                self.lines.append(head + self.scalar(value, "value", line, len(head) + 1))
            elif _inline(value):
                context = "value" if isinstance(value, Str) else "flow"
                self.lines.append(head + " " + self.flow(value, line, len(head) + 2, context))
            elif isinstance(value, Seq):
                self.lines.append(head)
                self.block_seq(value, indent if value.indentless else indent + 2)
            else:
                self.lines.append(head)
                self.block_map(value, indent + 2)

    def block_seq(self, node: Seq, indent: int) -> None:
        assert node.items and not node.flow
        node.span = (self.line, indent + 1)
        prefix = " " * indent + "- "
        for item in node.items:
            if isinstance(item, Map) and not _inline(item):
                self.block_map(item, indent + 2, first_prefix=prefix)
            else:
                context = "item" if isinstance(item, Str) else "flow"
                self.lines.append(prefix + self.flow(item, self.line, len(prefix) + 1, context))


def emit(root: Map, *, prelude: str = "", postlude: str = "") -> str:
    """The YAML text of a tree (a block mapping at the top); sets every node's ``span``.

    ``prelude`` (comments, blank lines, ``---``) goes before the first line and shifts all spans.
    """
    emitter = _Emitter()
    emitter.lines.extend(prelude.splitlines())
    emitter.block_map(root, 0)
    return "\n".join(emitter.lines) + "\n" + postlude


# --------------------------------------------------------------------------------- spec


@attrs.define
class ObjectionSpec:
    """An objection: one claim (written as its bare id unless ``full``), or several attacking
    jointly; ``objections`` attack this attack (undercutting it)."""

    claims: list[str]
    objections: list[ObjectionSpec] = attrs.Factory(list)
    note: str | None = None
    full: bool = False

    def model(self) -> Ref | Objection:
        # The loader reads {claims: a} (nothing else) as the plain reference a.
        if len(self.claims) == 1 and not self.objections and self.note is None:
            return Ref(self.claims[0])
        objections = tuple(o.model() for o in self.objections)
        return Objection(tuple(Ref(c) for c in self.claims), objections, self.note)

    def refs(self) -> Iterator[str]:
        """Every id in it, at any depth."""
        yield from self.claims
        for objection in self.objections:
            yield from objection.refs()


@attrs.define
class ReasonSpec:
    claims: list[str]
    objections: list[ObjectionSpec] = attrs.Factory(list)
    note: str | None = None
    form: str = "single"  # single | list | full


@attrs.define
class ClaimSpec:
    id: str
    kind: Kind
    text: str
    quotes: list[str] = attrs.Factory(list)
    note: str | None = None
    url: str | None = None
    objections: list[ObjectionSpec] = attrs.Factory(list)
    reasons: list[ReasonSpec] = attrs.Factory(list)
    contradicts: list[str] = attrs.Factory(list)
    implicit: bool | None = None  # None: no 'implicit' key
    label: str | None = None
    thesis: bool | None = None  # None: no 'thesis' key

    def refs(self) -> Iterator[str]:
        """Every id this claim refers to."""
        for objection in self.objections:
            yield from objection.refs()
        for reason in self.reasons:
            yield from reason.claims
            for objection in reason.objections:
                yield from objection.refs()
        yield from self.contradicts


@attrs.define
class SourceSpec:
    path: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


@attrs.define
class MapSpec:
    title: str
    claims: list[ClaimSpec]  # in file order within each section
    source: SourceSpec | None
    note: str | None
    source_text: str

    def in_model_order(self) -> list[ClaimSpec]:
        """Claims in the order the loader keeps: premises, conclusions, recommendations."""
        return [c for kind in Kind for c in self.claims if c.kind is kind]

    def by_id(self) -> dict[str, ClaimSpec]:
        return {c.id: c for c in self.claims}

    def expected(self) -> ArgumentMap:
        """The ArgumentMap the loader must produce (spans are not compared)."""
        source = None
        if self.source is not None:
            s = self.source
            source = Source(s.path, s.title, s.publisher, s.date, s.url)
        claims = tuple(
            Claim(
                id=c.id,
                kind=c.kind,
                text=c.text,
                quotes=tuple(Quote(q) for q in c.quotes),
                note=c.note,
                url=c.url,
                reasons=tuple(
                    Reason(
                        tuple(Ref(m) for m in r.claims),
                        tuple(o.model() for o in r.objections),
                        r.note,
                    )
                    for r in c.reasons
                ),
                objections=tuple(o.model() for o in c.objections),
                contradicts=tuple(Ref(i) for i in c.contradicts),
                implicit=bool(c.implicit),
                label=c.label,
                thesis=bool(c.thesis),
            )
            for c in self.in_model_order()
        )
        return ArgumentMap(title=self.title, claims=claims, source=source, note=self.note)


def supporters(spec: MapSpec) -> dict[str, set[str]]:
    """Direct reasons (members) of each claim."""
    return {c.id: {m for r in c.reasons for m in r.claims} for c in spec.claims}


def attackers(spec: MapSpec) -> dict[str, set[str]]:
    """The claims attacking each claim or one of its steps (not those attacking an attack):
    what AM107 compares with the claim's reasons."""
    found: dict[str, set[str]] = {}
    for c in spec.claims:
        objections = [*c.objections, *(o for r in c.reasons for o in r.objections)]
        found[c.id] = {m for o in objections for m in o.claims}
    return found


def linked_ids(spec: MapSpec) -> set[str]:
    """Ids that take part in some reference (what AM201 looks at)."""
    linked: set[str] = set()
    for c in spec.claims:
        refs = list(c.refs())
        if refs:
            linked.add(c.id)
            linked.update(refs)
    return linked


def reachable(spec: MapSpec, start: str) -> set[str]:
    """Claims that support ``start``, directly or through other reasons (``start`` included)."""
    members = supporters(spec)
    seen, todo = {start}, [start]
    while todo:
        for m in members[todo.pop()]:
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen


SOURCE_PATHS = ("source.txt", "texts/the source.txt", "Quelle – ü.txt", "../seed #1.txt")
MARKERS = "\u2603\u26c4\u2744\u0416\u2135\U0001f40d"  # for quotes that are not in the source


_WORDS = st.from_regex(r"[A-Za-z]{2,8}", fullmatch=True)


@st.composite
def source_texts(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(texts(60), min_size=1, max_size=6))
    words = draw(st.lists(_WORDS, min_size=1, max_size=6))
    pieces = [*sentences, " ".join(words) + "."]
    order = draw(st.permutations(pieces))
    seps = draw(st.lists(st.sampled_from([" ", "\n", ". ", "\n\n", " \u2014 ", ""]),
                         min_size=len(order), max_size=len(order)))  # fmt: skip
    # A leading U+FEFF would be read as the file's byte order mark, not as text.
    return "".join(p + s for p, s in zip(order, seps, strict=True)).lstrip("\ufeff")


def draw_quote(draw: st.DrawFn, source: str) -> str:
    """An exact substring of ``source`` with at least one letter or digit in it, of whole
    words: it begins and ends where white space (or the text) does, as a quote is of whole
    words (:mod:`argmap.read.bounds`)."""
    anchors = [i for i, c in enumerate(source) if c.isalnum()]
    k = draw(st.sampled_from(anchors))
    start = draw(st.integers(max(0, k - 30), k))
    end = draw(st.integers(k + 1, min(len(source), k + 40)))
    while start > 0 and not source[start - 1].isspace():
        start -= 1
    while end < len(source) and not source[end].isspace():
        end += 1
    return source[start:end]


@attrs.define
class _Attack:
    """An attack being planned: on claim ``target`` (``reason`` None) or on one of its steps."""

    makers: list[int]
    target: int
    reason: int | None = None  # index into the target's reasons, resolved once they are known
    shields: list[int] = attrs.Factory(list)  # claims that undercut this attack


def _one_group(specs: list[ClaimSpec], thesis: str) -> bool:
    """Whether every claim linked to another is linked, through a chain, to ``thesis``."""
    links: dict[str, set[str]] = {claim.id: set() for claim in specs}
    for claim in specs:
        for ref in claim.refs():
            if ref in links:
                links[claim.id].add(ref)
                links[ref].add(claim.id)
    seen, todo = {thesis}, [thesis]
    while todo:
        for other in links[todo.pop()] - seen:
            seen.add(other)
            todo.append(other)
    return all(name in seen for name, linked in links.items() if linked)


@st.composite
def map_specs(
    draw: st.DrawFn,
    *,
    min_claims: int = 1,
    max_claims: int = 8,
    source: bool | None = None,
    chain: int = 0,
) -> MapSpec:
    """A consistent map that checks clean: no error and no warning.

    Unique slug ids; supports from later to earlier claims (a DAG, every reason made of claims
    that stand); every claim linked to an earlier one; conclusions and recommendations with at
    least one reason; every claim quoted or marked implicit (when there is a source).

    So that every reason and every thesis stands (no AM202/AM203), attacks follow the grounded
    semantics of ``argmap.evaluate`` in a way that is easy to see. Some premises are *strong*:
    nothing attacks or contradicts them, so they stand outright. Some premises are *victims*,
    each defeated by a plain attack of a strong claim. Every other attack fails: a victim makes
    it, or a strong claim undercuts it (an objection with objections), or it undercuts a step
    other than the first of a claim with several reasons. A victim supports nothing, and only
    victims are contradicted (so no AM114). No attack maker is a reason of its target (AM107),
    none refers to the claim it is written under (AM104), no list repeats an id (AM112).

    ``chain``: claims 1…chain each support the claim before them, and claims 0…chain-1 are
    conclusions (so faults that need supports, or a chain of them, have somewhere to go).
    """
    min_claims = max(min_claims, chain + 1)
    ids = draw(st.lists(slugs, min_size=min_claims, max_size=max_claims, unique=True))
    n = len(ids)
    # Roles. Claims before `first` are solid; `first` is strong; after it, a claim is a victim,
    # strong, or solid. Strong claims are premises no attack, step or contradiction touches:
    # they stand outright, and every victim falls to one of them, so nothing is circular.
    first = max(chain, 1)
    roles = {j: draw(st.sampled_from(["victim", "strong", "solid", "solid"])) for j in range(n)}
    roles.update({j: "solid" for j in range(min(first, n))})
    if first < n:
        roles[first] = "strong"
    victims = {j for j in range(n) if roles[j] == "victim"}
    strong = {j for j in range(n) if roles[j] == "strong"}
    solid = [j for j in range(n) if j not in victims]
    members: dict[int, list[int]] = {i: [] for i in range(n)}
    plans: list[_Attack] = []

    def against(target: int) -> set[int]:
        return {m for a in plans if a.target == target for m in a.makers}

    def support(member: int, target: int) -> None:
        if (
            member > target
            and member not in victims
            and roles[target] == "solid"
            and member not in members[target]
            and member not in against(target)
        ):
            members[target].append(member)

    def attack(plan: _Attack) -> None:
        if plan.target in strong:
            return  # strong claims stand outright
        if plan.target in plan.makers or plan.target in plan.shields:
            return  # AM104
        if set(plan.makers) & set(members[plan.target]):
            return  # AM107
        plans.append(plan)

    # A spanning tree: a victim falls to an earlier strong claim; any other claim supports an
    # earlier solid claim or defeats an earlier victim.
    for j in range(1, n):
        earlier_solid = [i for i in range(j) if roles[i] == "solid"]
        earlier_victims = sorted(i for i in victims if i < j)
        if j in victims:
            killer = draw(st.sampled_from(sorted(i for i in strong if i < j)))
            plans.append(_Attack([killer], j))
        elif j <= first:
            support(j, j - 1)
        elif earlier_victims and draw(st.booleans()):
            attack(_Attack([j], draw(st.sampled_from(earlier_victims))))
        else:
            support(j, draw(st.sampled_from(earlier_solid)))
    for a, b in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n)):
        support(max(a, b), min(a, b))

    # Extra attacks, each of a kind that cannot change what stands (see the docstring).
    def claim_index() -> st.SearchStrategy[int]:
        return st.integers(0, n - 1)

    for how in draw(st.lists(st.sampled_from(["kill", "victim", "shielded", "step"]), max_size=n)):
        target = draw(claim_index())
        if how == "kill" and victims:
            target = draw(st.sampled_from(sorted(victims)))
            makers = draw(st.lists(st.sampled_from(solid), min_size=1, max_size=2, unique=True))
            attack(_Attack(makers, target))
        elif how == "victim" and victims:
            maker = draw(st.sampled_from(sorted(victims)))
            others = draw(st.lists(claim_index(), max_size=1))
            step = draw(st.none() | st.integers(0, 9))
            attack(_Attack(list(dict.fromkeys([maker, *others])), target, step))
        elif how == "shielded" and strong:
            maker = draw(claim_index())
            shield = draw(st.sampled_from(sorted(strong)))
            if shield != maker:
                attack(_Attack([maker], target, draw(st.none() | st.integers(0, 9)), [shield]))
        elif how == "step" and target not in victims:
            maker = draw(claim_index())
            attack(_Attack([maker], target, draw(st.integers(1, 9))))  # never the first step

    with_source = draw(st.booleans()) if source is None else source
    source_text = draw(source_texts())
    specs: list[ClaimSpec] = []
    for i in range(n):
        if i < chain:
            kind = Kind.CONCLUSION
        elif members[i]:
            kind = draw(st.sampled_from([Kind.CONCLUSION, Kind.RECOMMENDATION]))
        else:
            kind = Kind.PREMISE
        claim = ClaimSpec(ids[i], kind, draw(texts(120)))
        # Partition the members into reasons: groups of one are convergent, larger ones linked.
        order = draw(st.permutations(members[i]))
        cuts = sorted(draw(st.sets(st.integers(1, max(1, len(order) - 1)), max_size=len(order))))
        bounds = zip([0, *cuts], [*cuts, len(order)], strict=True)
        groups = [list(order[a:b]) for a, b in bounds if order[a:b]]
        for group in groups:
            forms = ["single", "list", "full"] if len(group) == 1 else ["list", "full"]
            form = draw(st.sampled_from(forms))
            claim.reasons.append(ReasonSpec([ids[m] for m in group], form=form))
        specs.append(claim)

    # Place the attacks: on the claim, or on one of its steps (which is then written in full).
    for plan in plans:
        target = specs[plan.target]
        objection = ObjectionSpec([ids[m] for m in plan.makers])
        objection.objections = [ObjectionSpec([ids[s]]) for s in plan.shields]
        if plan.reason is not None and plan.reason >= len(target.reasons):
            if plan.reason > 0 and plan.makers[0] not in victims and not plan.shields:
                continue  # an unshielded undercut by a solid claim needs a step to spare
            plan.reason = None
        if plan.reason is None:
            place = target.objections
        else:
            target.reasons[plan.reason].form = "full"
            place = target.reasons[plan.reason].objections
        singles = [o.claims[0] for o in place if len(o.claims) == 1]
        if len(objection.claims) == 1 and objection.claims[0] in singles:
            continue  # the same one-claim attack twice, plain or in full, is AM112
        place.append(objection)

    # Contradictions: of a victim (which falls anyway), by a claim that is not strong (a
    # contradiction is a rebuttal both ways, and strong claims are attacked by nothing).
    for i in draw(st.lists(claim_index(), max_size=2)) if victims else []:
        v = draw(st.sampled_from(sorted(victims)))
        if i != v and i not in strong and ids[v] not in specs[i].contradicts:
            specs[i].contradicts.append(ids[v])

    for claim in specs:
        for item in [*claim.objections, *(o for r in claim.reasons for o in r.objections)]:
            if draw(st.integers(0, 3)) == 0:
                item.note = draw(texts(40))
            item.full = item.full or draw(st.booleans())
            for shield in item.objections:
                shield.full = draw(st.booleans())
        for reason in claim.reasons:
            if reason.form == "full" and draw(st.booleans()):
                reason.note = draw(texts(60))
        if with_source and draw(st.booleans()):
            claim.quotes = [draw_quote(draw, source_text) for _ in range(draw(st.integers(1, 3)))]
            claim.implicit = draw(st.sampled_from([None, None, False]))
        else:  # a claim the text does not state
            claim.implicit = True if with_source else draw(st.sampled_from([None, True, False]))
        claim.note = draw(st.none() | texts(100))
        claim.url = draw(st.none() | urls())
        claim.label = draw(st.none() | st.none() | texts(40))
        claim.thesis = draw(st.sampled_from([None, None, None, False]))
    # At most one thesis, on a claim nothing builds on (else AM205, AM206), in a map whose
    # linked claims are all linked to it (else AM208).
    used = {ref for claim in specs for ref in claim.refs()}
    tops = [claim for claim in specs if claim.id not in used and _one_group(specs, claim.id)]
    if tops and draw(st.booleans()):
        draw(st.sampled_from(tops)).thesis = True
    order = draw(st.permutations(specs))
    source_spec = None
    if with_source:
        source_spec = SourceSpec(
            path=draw(st.sampled_from(SOURCE_PATHS)),
            title=draw(st.none() | texts(60)),
            publisher=draw(st.none() | texts(30, newlines=False)),
            date=draw(st.none() | st.sampled_from(["2022-09", "2022-09-01", "Sept. 2022", "no"])),
            url=draw(st.none() | urls()),
        )
    return MapSpec(
        title=draw(texts(100)),
        claims=list(order),
        source=source_spec,
        note=draw(st.none() | texts(100)),
        source_text=source_text,
    )


# ------------------------------------------------------------------------- spec → tree


@attrs.define
class Built:
    """A tree with handles on the nodes faults are injected into."""

    root: Map
    claims: dict[str, Map]  # by id (the first claim with that id)
    sections: dict[Kind, Seq]
    refs: list[Str]  # every node that refers to a claim by id
    trailer: str = ""  # written after the document (a second document, for AM004)
    text: str = ""  # the YAML text, once emitted


# Tree building draws its choices of style and order; with ``draw=None`` it takes the plainest
# (block style, double quotes, the given order), for maps built by hand in tests.
Draw = st.DrawFn | None


def _pick(draw: Draw, options: list[str]) -> str:
    return options[0] if draw is None else draw(st.sampled_from(options))


def _flag(draw: Draw) -> bool:
    return False if draw is None else draw(st.booleans())


def _int(draw: Draw, low: int, high: int) -> int:
    return low if draw is None else draw(st.integers(low, high))


def _order(draw: Draw, items: list[T]) -> list[T]:
    return list(items) if draw is None else list(draw(st.permutations(items)))


def scalar(draw: Draw, value: str) -> Str:
    return Str(value, _pick(draw, ["double", "plain", "single"]), escape=_int(draw, 0, 3))


def _id_list(draw: Draw, ids: list[str], built: Built, *, may_be_bare: bool = True) -> Node:
    """A list of claim ids: flow, block, or (for one id) the bare id."""
    nodes = [scalar(draw, i) for i in ids]
    built.refs.extend(nodes)
    if len(nodes) == 1 and may_be_bare and _flag(draw):
        return nodes[0]
    return Seq(nodes, flow=_flag(draw), indentless=_flag(draw))


def _shuffled_map(draw: Draw, pairs: list[tuple[str, Node]], *, flow: bool = False) -> Map:
    """A mapping of ``pairs`` in a drawn order, with drawn key styles and comments."""
    order = _order(draw, pairs)
    node = Map([(scalar(draw, k), v) for k, v in order], flow=flow)
    if not flow and draw is not None:
        for i in draw(st.sets(st.integers(0, len(order) - 1), max_size=2)):
            node.comments[i] = draw(st.sampled_from(["note", "reasons: [x]", "", "é # ü"]))
    return node


def _reason_node(draw: Draw, reason: ReasonSpec, built: Built) -> Node:
    if reason.form == "single":
        node = scalar(draw, reason.claims[0])
        built.refs.append(node)
        return node
    if reason.form == "list":
        nodes = [scalar(draw, m) for m in reason.claims]
        built.refs.extend(nodes)
        return Seq(nodes, flow=True)
    return _in_full(draw, reason, built)


def _objection_node(draw: Draw, objection: ObjectionSpec, built: Built) -> Node:
    """A plain objection as its id; one written in full as a mapping like a reason's."""
    plain = len(objection.claims) == 1 and not objection.objections and objection.note is None
    if plain and not objection.full:
        node = scalar(draw, objection.claims[0])
        built.refs.append(node)
        return node
    return _in_full(draw, objection, built)


def _in_full(draw: Draw, spec: ReasonSpec | ObjectionSpec, built: Built) -> Node:
    """A reason or an objection written in full: a mapping of its claims, objections, note."""
    pairs: list[tuple[str, Node]] = [("claims", _id_list(draw, spec.claims, built))]
    if spec.objections:
        pairs.append(("objections", _objection_list(draw, spec.objections, built)))
    if spec.note is not None:
        pairs.append(("note", scalar(draw, spec.note)))
    return _shuffled_map(draw, pairs, flow=_int(draw, 0, 3) == 3)


def _objection_list(draw: Draw, objections: list[ObjectionSpec], built: Built) -> Node:
    """A list of objections: flow, block, or (for one) the objection alone."""
    nodes = [_objection_node(draw, o, built) for o in objections]
    if len(nodes) == 1 and _flag(draw):
        return nodes[0]
    return Seq(nodes, flow=_flag(draw), indentless=_flag(draw))


def _claim_node(draw: Draw, claim: ClaimSpec, built: Built) -> Map:
    pairs: list[tuple[str, Node]] = [
        ("id", scalar(draw, claim.id)),
        ("text", scalar(draw, claim.text)),
    ]
    if claim.quotes:
        quotes = [scalar(draw, q) for q in claim.quotes]
        bare = len(quotes) == 1 and _flag(draw)
        pairs.append(("quotes", quotes[0] if bare else Seq(quotes, flow=_flag(draw))))
    if claim.note is not None:
        pairs.append(("note", scalar(draw, claim.note)))
    if claim.url is not None:
        pairs.append(("url", scalar(draw, claim.url)))
    if claim.objections:
        pairs.append(("objections", _objection_list(draw, claim.objections, built)))
    if claim.contradicts:
        pairs.append(("contradicts", _id_list(draw, claim.contradicts, built)))
    if claim.implicit is not None:
        pairs.append(("implicit", scalar(draw, "true" if claim.implicit else "false")))
    if claim.label is not None:
        pairs.append(("label", scalar(draw, claim.label)))
    if claim.thesis is not None:
        pairs.append(("thesis", scalar(draw, "true" if claim.thesis else "false")))
    if claim.reasons:
        reasons = [_reason_node(draw, r, built) for r in claim.reasons]
        bare = len(reasons) == 1 and not isinstance(reasons[0], Seq) and _flag(draw)
        node = reasons[0] if bare else Seq(reasons, flow=_int(draw, 0, 3) == 3)
        pairs.append(("reasons", node))
    return _shuffled_map(draw, pairs, flow=_int(draw, 0, 5) == 5)


def build_tree(draw: Draw, spec: MapSpec) -> Built:
    built = Built(Map([]), {}, {}, [])
    pairs: list[tuple[str, Node]] = [
        ("argmap", Str("1", _pick(draw, ["plain", "single", "double"]))),
        ("title", scalar(draw, spec.title)),
    ]
    if spec.note is not None:
        pairs.append(("note", scalar(draw, spec.note)))
    if spec.source is not None:
        s = spec.source
        fields = [("path", s.path), ("title", s.title), ("publisher", s.publisher),
                  ("date", s.date), ("url", s.url)]  # fmt: skip
        pairs.append(
            (
                "source",
                _shuffled_map(draw, [(k, scalar(draw, v)) for k, v in fields if v is not None]),
            )
        )
    for kind in Kind:
        claims = [c for c in spec.claims if c.kind is kind]
        if not claims:
            continue
        nodes = []
        for claim in claims:
            node = _claim_node(draw, claim, built)
            built.claims.setdefault(claim.id, node)
            nodes.append(node)
        built.sections[kind] = Seq(nodes, indentless=_flag(draw))
        pairs.append((kind.section, built.sections[kind]))
    built.root = _shuffled_map(draw, pairs)
    return built


PRELUDES = ("", "---\n", "# an argument map\n\n", "%YAML 1.1\n---\n", "\n\n# x: y\n")
POSTLUDES = ("", "...\n", "# end\n", "\n\n")


@attrs.define
class Generated:
    """A map file's text and its source text, what loading it must give, and its tree."""

    spec: MapSpec
    built: Built
    yaml_text: str
    bom: bool
    crlf: bool = False  # the map file and its source have lines ending in CR LF

    @property
    def data(self) -> bytes:
        text = self.yaml_text.replace("\n", "\r\n") if self.crlf else self.yaml_text
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")

    @property
    def source_text(self) -> str:
        text = self.spec.source_text
        return text.replace("\n", "\r\n") if self.crlf else text

    @property
    def expected(self) -> ArgumentMap:
        return self.spec.expected()


def _emit(draw: st.DrawFn, built: Built) -> str:
    return emit(
        built.root,
        prelude=draw(st.sampled_from(PRELUDES)),
        postlude=draw(st.sampled_from(POSTLUDES)),
    )


@st.composite
def consistent_maps(draw: st.DrawFn, **spec_options: object) -> Generated:
    """A consistent map as YAML (see :func:`map_specs` for what consistent means)."""
    spec = draw(map_specs(**spec_options))  # type: ignore[arg-type]
    built = build_tree(draw, spec)
    return Generated(spec, built, _emit(draw, built), draw(st.booleans()), draw(st.booleans()))


# ------------------------------------------------------------------------------- faults


@attrs.define
class Faulty:
    """A map with one fault injected: the one diagnostic it must give, and where."""

    kind: str
    yaml_text: str
    source_text: str
    source_path: str
    code: str
    span: tuple[int, int]
    bad_bytes: bytes = b""  # put in place of the character at ``span`` (for AM001)
    bom: bool = False  # the file starts with a UTF-8 byte order mark
    crlf: bool = False  # lines end in CR LF (positions must not change)

    @property
    def data(self) -> bytes:
        def encode(text: str) -> bytes:
            return (text.replace("\n", "\r\n") if self.crlf else text).encode("utf-8")

        bom = b"\xef\xbb\xbf" if self.bom else b""
        if not self.bad_bytes:
            return bom + encode(self.yaml_text)
        line, column = self.span
        at = sum(len(text) + 1 for text in self.yaml_text.split("\n")[: line - 1]) + column - 1
        before, after = self.yaml_text[:at], self.yaml_text[at + 1 :]
        return bom + encode(before) + self.bad_bytes + encode(after)


#: Fault kind → (code, injector). An injector mutates the tree and returns a function that,
#: after emitting, gives the expected position; it calls ``assume(False)`` if the map has
#: nothing to inject the fault into.
Injector = Callable[[st.DrawFn, MapSpec, Built], Callable[[], tuple[int, int]]]
FAULTS: dict[str, tuple[str, Injector]] = {}


def fault(name: str, code: str) -> Callable[[Injector], Injector]:
    def register(injector: Injector) -> Injector:
        FAULTS[name] = (code, injector)
        return injector

    return register


def _span(node: Node) -> Callable[[], tuple[int, int]]:
    def where() -> tuple[int, int]:
        assert node.span is not None
        return node.span

    return where


def _append(draw: st.DrawFn, owner: Map, key: str, node: Node) -> None:
    """Add ``node`` to the list under ``key`` (made a list if it was a bare item)."""
    value = owner.get(key)
    if value is None:
        owner.set(
            key, Seq([node], flow=draw(st.booleans())), at=draw(st.integers(0, len(owner.pairs)))
        )
    elif isinstance(value, Seq):
        value.items.insert(draw(st.integers(0, len(value.items))), node)
    else:
        owner.set(key, Seq([value, node], flow=draw(st.booleans())))


def _reason_maps(built: Built, claim_id: str) -> list[Map]:
    """The full-form reasons (mappings) of a claim."""
    reasons = built.claims[claim_id].get("reasons")
    items = reasons.items if isinstance(reasons, Seq) else [reasons]
    return [r for r in items if isinstance(r, Map)]


def _objection_maps(built: Built, claim_id: str) -> list[Map]:
    """The objections written in full (mappings) under a claim, at any depth."""
    found: list[Map] = []
    todo: list[Node] = [built.claims[claim_id], *_reason_maps(built, claim_id)]
    while todo:
        owner = todo.pop()
        assert isinstance(owner, Map)
        value = owner.get("objections")
        items = value.items if isinstance(value, Seq) else [value]
        maps = [item for item in items if isinstance(item, Map)]
        found += maps
        todo += maps
    return found


def _with_reasons(spec: MapSpec) -> list[ClaimSpec]:
    return [c for c in spec.claims if c.reasons]


def _new_id(draw: st.DrawFn, spec: MapSpec) -> str:
    taken = spec.by_id()
    return draw(slugs.filter(lambda s: s not in taken))


def _place_ref(
    draw: st.DrawFn, built: Built, claim: ClaimSpec, ref: Str
) -> Callable[[], tuple[int, int]]:
    """``ref`` added to ``claim`` as an objection, a reason or an undercut of one of its reasons."""
    places = ["objections"] + (["reason", "undercut"] if claim.reasons else [])
    place = draw(st.sampled_from(places))
    node = built.claims[claim.id]
    if place == "objections":
        _append(draw, node, "objections", ref)
    elif place == "reason":
        _append(draw, node, "reasons", ref)
    else:
        reasons = _reason_maps(built, claim.id)
        assume(reasons)
        _append(draw, draw(st.sampled_from(reasons)), "objections", ref)
    return _span(ref)


@fault("unknown reference", "AM103")
def _unknown_ref(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = draw(st.sampled_from(spec.claims))
    ref = scalar(draw, _new_id(draw, spec))
    return _place_ref(draw, built, claim, ref)


@fault("duplicate id", "AM102")
def _duplicate_id(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    assume(len(spec.claims) >= 2)
    original = draw(st.sampled_from(spec.claims))
    id_node = scalar(draw, original.id)
    twin = Map(
        [
            (Str("id", "plain"), id_node),
            (Str("text", "plain"), scalar(draw, draw(texts(40)))),
            (Str("implicit", "plain"), scalar(draw, "true")),  # no AM204
        ]
    )
    if Kind.PREMISE not in built.sections:
        built.sections[Kind.PREMISE] = Seq([])
        built.root.set("premises", built.sections[Kind.PREMISE])
    premises = built.sections[Kind.PREMISE]
    at = draw(st.integers(0, len(premises.items)))
    premises.items.insert(at, twin)
    # The diagnostic is at whichever of the two comes later in the loader's order.
    before = original.kind is Kind.PREMISE and premises.items.index(built.claims[original.id]) < at
    later = twin if original.kind is Kind.PREMISE and before else built.claims[original.id]
    return _span(later.get("id"))  # type: ignore[arg-type]


@fault("self reference", "AM104")
def _self_reference(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = draw(st.sampled_from(spec.claims))
    ref = scalar(draw, claim.id)
    return _place_ref(draw, built, claim, ref)


@fault("support cycle", "AM105")
def _cycle(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    # Close a cycle m → … → t → m by making m a reason of t, where t already supports m.
    # check.py walks the claims in the loader's order and reports a cycle at the reference that
    # closes it first: the new one, when m is walked before any claim that reaches t. So m is
    # moved to the front of its section, and only premises (which reach nothing) or, for a
    # recommendation, conclusions that do not reach t come before it.
    candidates = []
    for m in spec.claims:
        earlier = [c for c in spec.claims if list(Kind).index(c.kind) < list(Kind).index(m.kind)]
        for t in sorted(reachable(spec, m.id) - {m.id}):
            if not spec.by_id()[t].reasons or m.id in attackers(spec)[t]:
                continue
            if any(t in reachable(spec, s.id) for s in earlier):
                continue
            candidates.append((m, t))
    assume(candidates)
    m, t = draw(st.sampled_from(candidates))
    if built.claims[m.id].get("thesis") is not None:
        built.claims[m.id].remove("thesis")  # now a reason: no thesis (AM206)
    section = built.sections[m.kind]
    section.items.remove(built.claims[m.id])
    section.items.insert(0, built.claims[m.id])
    ref = scalar(draw, m.id)
    reasons = built.claims[t].get("reasons")
    if isinstance(reasons, Seq):
        reasons.items.append(ref)
    else:
        built.claims[t].set("reasons", Seq([reasons, ref]))  # type: ignore[list-item]
    return _span(ref)


@fault("conclusion without reasons", "AM106")
def _no_reasons(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    candidates = _with_reasons(spec)
    assume(candidates)
    claim = draw(st.sampled_from(candidates))
    node = built.claims[claim.id]
    empty = draw(st.booleans())
    if empty:
        reasons = Seq([])
        node.set("reasons", reasons)
    else:
        node.remove("reasons")
    # Keep every claim connected: whatever only this claim's reasons linked now attacks it.
    saved = claim.reasons
    claim.reasons = []
    linked = linked_ids(spec)
    orphans = [c.id for c in spec.claims if c.id not in linked and c.id != claim.id]
    if claim.id not in linked and not orphans:
        orphans = [next(c.id for c in spec.claims if c.id != claim.id)]
    for orphan in orphans:  # not linked, so not among the claim's objections already
        if built.claims[orphan].get("thesis") is not None:
            built.claims[orphan].remove("thesis")  # now an objection: no thesis (AM206)
        _append(draw, node, "objections", scalar(draw, orphan))
    claim.reasons = saved
    return _span(reasons) if empty else _span(node)


@fault("support and attack", "AM107")
def _support_and_attack(
    draw: st.DrawFn, spec: MapSpec, built: Built
) -> Callable[[], tuple[int, int]]:
    candidates = _with_reasons(spec)
    assume(candidates)
    claim = draw(st.sampled_from(candidates))
    member = draw(st.sampled_from(sorted(supporters(spec)[claim.id])))
    ref = scalar(draw, member)
    reasons = _reason_maps(built, claim.id)
    if reasons and draw(st.booleans()):
        _append(draw, draw(st.sampled_from(reasons)), "objections", ref)
    else:
        _append(draw, built.claims[claim.id], "objections", ref)
    return _span(ref)


BAD_URLS = ("ftp://example.org/x", "javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.org",
            "data:text/html,<b>x</b>", "www.example.org", "//example.org/a", "http:/x",
            "https://", "https://exa mple.org", "http://[::1", "vbscript:x", "HTTP//x",
            "\\\\server\\share")  # fmt: skip


@fault("bad url", "AM108")
def _bad_url(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    owners = [built.claims[c.id] for c in spec.claims]
    source = built.root.get("source")
    if isinstance(source, Map):
        owners.append(source)
    owner = draw(st.sampled_from(owners))
    node = scalar(draw, draw(st.sampled_from(BAD_URLS)))
    if owner.get("url") is None:
        owner.set("url", node, at=draw(st.integers(0, len(owner.pairs))))
    else:
        owner.set("url", node)
    return _span(node)


@fault("quote not in source", "AM110")
def _missing_quote(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    assume(spec.source is not None)
    marker = next((m for m in MARKERS if m not in spec.source_text), None)
    assume(marker is not None)
    head = draw(texts(20, newlines=False))
    tail = draw(st.text(allowed_chars, max_size=10).filter(not_garbled))
    node = scalar(draw, head + str(marker) + tail)
    claim = built.claims[draw(st.sampled_from(spec.claims)).id]
    if claim.get("implicit") is not None:
        claim.remove("implicit")  # a claim with quotes is not implicit (AM115)
    _append(draw, claim, "quotes", node)
    return _span(node)


INVALID_IDS = ("Energy", "energy_interest", "1st", "-a", "a-", "a--b", "a b", "é", "a.b", "ü-ber",
               "claim #1", "x" * 65, "A", "ab:cd", "[a]", "no\u00a0way", "\u0430")  # fmt: skip


@fault("invalid id", "AM101")
def _invalid_id(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = draw(st.sampled_from(spec.claims))
    new = draw(st.sampled_from(INVALID_IDS).filter(lambda i: i not in spec.by_id()))
    for ref in built.refs:
        if ref.value == claim.id:
            ref.value = new
    id_node = built.claims[claim.id].get("id")
    assert isinstance(id_node, Str)
    id_node.value = new
    return _span(id_node)


UNKNOWN_KEYS = ("titel", "tilte", "reason", "objection", "quote", "notes", "Title", "ID",
                "premise", "claim", "sources", "link", "x-extra", "text ", " id", "Id", "argmap2",
                "conclusion", "reasons:", "\u00fcber", "\u4e2d", "no", "null", "1", "-",
                "claims ")  # fmt: skip


def _mappings(spec: MapSpec, built: Built) -> list[tuple[str, Map]]:
    """Every mapping of the map with its place: top, source, premise…, reason."""
    found: list[tuple[str, Map]] = [("top", built.root)]
    source = built.root.get("source")
    if isinstance(source, Map):
        found.append(("source", source))
    for claim in spec.claims:
        found.append((claim.kind.value, built.claims[claim.id]))
        found.extend(("reason", r) for r in _reason_maps(built, claim.id))
        found.extend(("objection", o) for o in _objection_maps(built, claim.id))
    return found


_CLAIM_KEYS = {"id", "text", "quotes", "note", "url", "objections", "contradicts", "implicit"}
_ALLOWED = {
    "top": {"argmap", "title", "note", "source", "premises", "conclusions", "recommendations"},
    "source": {"path", "title", "publisher", "date", "url", "ignore"},
    "premise": _CLAIM_KEYS,
    "conclusion": _CLAIM_KEYS | {"reasons"},
    "recommendation": _CLAIM_KEYS | {"reasons"},
    "reason": {"claims", "objections", "note"},
    "objection": {"claims", "objections", "note"},
}


@fault("unknown key", "AM009")
def _unknown_key(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    place, node = draw(st.sampled_from(_mappings(spec, built)))
    keys = [*UNKNOWN_KEYS, "reasons"] if place == "premise" else list(UNKNOWN_KEYS)
    key = draw(st.sampled_from(keys) | texts(20, newlines=False))
    assume(
        key not in _ALLOWED[place]
        and key != "<<"
        and not any(k.value == key for k, _ in node.pairs)
    )
    key_node = scalar(draw, key)
    node.pairs.insert(
        draw(st.integers(0, len(node.pairs))), (key_node, scalar(draw, draw(texts(20))))
    )
    return _span(key_node)


@fault("duplicate key", "AM007")
def _duplicate_key(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    _, node = draw(st.sampled_from(_mappings(spec, built)))
    first = draw(st.integers(0, len(node.pairs) - 1))
    key = node.pairs[first][0].value
    key_node = scalar(draw, key)
    value = draw(st.sampled_from([node.pairs[first][1], scalar(draw, draw(texts(20)))]))
    if value is node.pairs[first][1] and not isinstance(value, Str):
        value = Str("x")  # a node may only be emitted once
    node.pairs.insert(draw(st.integers(first + 1, len(node.pairs))), (key_node, value))
    return _span(key_node)


def _wrong_value(draw: st.DrawFn, *, scalar_ok: bool) -> Node:
    """A list or mapping (or, where a collection is wanted, text) of some style."""
    options = ["flowseq", "flowmap", "blockseq", "blockmap"] + (["text"] if scalar_ok else [])
    shape = draw(st.sampled_from(options))
    if shape == "text":
        return scalar(draw, draw(texts(20)))
    item = scalar(draw, draw(texts(10)))
    if shape.endswith("seq"):
        return Seq([item], flow=shape == "flowseq")
    return Map([(scalar(draw, draw(st.sampled_from(["a", "text", "id", "x y"]))), item)],
               flow=shape == "flowmap")  # fmt: skip


@fault("wrong type", "AM010")
def _wrong_type(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = draw(st.sampled_from(spec.claims))
    claim_node = built.claims[claim.id]
    places = ["title", "claim text", "claim id", "claim item", "section"]
    places += ["top note"] if built.root.get("note") else []
    places += ["claim note"] if claim.note else []
    places += ["claim url"] if claim.url else []
    places += ["quote"] if claim.quotes else []
    places += ["objection"] if claim.objections else []
    places += ["source", "source path"] if built.root.get("source") else []
    places += ["reason member"] if claim.reasons else []
    places += ["implicit"]
    place = draw(st.sampled_from(places))
    value = _wrong_value(draw, scalar_ok=False)
    if place == "implicit":  # a flag: true or false, nothing else (not YAML's yes, on, True)
        words = ["yes", "no", "True", "FALSE", "on", "off", "1", "y", "~", "null", "tru"]
        value = draw(st.sampled_from([value, scalar(draw, draw(st.sampled_from(words)))]))
        claim_node.set("implicit", value)
    if place == "implicit":
        pass
    elif place == "title":
        built.root.set("title", value)
    elif place == "top note":
        built.root.set("note", value)
    elif place == "claim text":
        claim_node.set("text", value)
    elif place == "claim id":
        claim_node.set("id", value)
    elif place == "claim note":
        claim_node.set("note", value)
    elif place == "claim url":
        claim_node.set("url", value)
    elif place == "claim item":  # anything but a mapping
        value = _wrong_value(draw, scalar_ok=True)
        assume(not isinstance(value, Map))
        if isinstance(value, Seq):
            value.flow = True  # a block list as an item would be "- - x": written in flow
        section = built.sections[claim.kind]
        section.items.insert(draw(st.integers(0, len(section.items))), value)
    elif place == "section":
        value = _wrong_value(draw, scalar_ok=True)
        assume(not isinstance(value, Seq))
        built.root.set(claim.kind.section, value)
    elif place == "source":
        value = _wrong_value(draw, scalar_ok=True)
        assume(not isinstance(value, Map))
        built.root.set("source", value)
    elif place == "source path":
        built.root.get("source").set("path", value)  # type: ignore[union-attr]
    elif place in ("quote", "objection"):
        key = "quotes" if place == "quote" else "objections"
        # A mapping among objections is an objection written in full (other codes if wrong).
        assume(place == "quote" or not isinstance(value, Map))
        if isinstance(value, Seq):
            value.flow = True
        _append(draw, claim_node, key, value)
    else:  # a member of a linked reason, or the claims of a full-form reason
        reasons = _reason_maps(built, claim.id)
        assume(reasons)
        if isinstance(value, Seq):
            value.flow = True
        _append(draw, draw(st.sampled_from(reasons)), "claims", value)
    return _span(value)


@fault("missing required key", "AM011")
def _missing_key(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    options: list[tuple[Map, str]] = [(built.root, "argmap"), (built.root, "title")]
    source = built.root.get("source")
    if isinstance(source, Map):
        options.append((source, "path"))
    for claim in spec.claims:
        options += [(built.claims[claim.id], "id"), (built.claims[claim.id], "text")]
        options += [(r, "claims") for r in _reason_maps(built, claim.id)]
        options += [(o, "claims") for o in _objection_maps(built, claim.id)]
    node, key = draw(st.sampled_from(options))
    node.remove(key)
    if not node.pairs:
        node.flow = True  # written {}
    return _span(node)


#: Characters the loader refuses, as YAML escapes can write them.
REFUSED = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F,
           *range(0x80, 0xA0)]] + list(BIDI) + ["\ufffe", "\uffff"]  # fmt: skip


def _text_nodes(spec: MapSpec, built: Built) -> list[Str]:
    """Scalars the loader reads as text (so that it checks their characters)."""
    found = [built.root.get("title")]
    found.append(built.root.get("note"))
    source = built.root.get("source")
    if isinstance(source, Map):
        found += [v for _, v in source.pairs]
    for claim in spec.claims:
        node = built.claims[claim.id]
        found += [node.get("text"), node.get("note"), node.get("url")]
        quotes = node.get("quotes")
        found += quotes.items if isinstance(quotes, Seq) else [quotes]
        found += [r.get("note") for r in _reason_maps(built, claim.id)]
        found += [o.get("note") for o in _objection_maps(built, claim.id)]
    return [n for n in found if isinstance(n, Str)]


@fault("refused character", "AM012")
def _refused_char(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = draw(st.sampled_from(_text_nodes(spec, built)))
    char = draw(st.sampled_from(REFUSED))
    at = draw(st.integers(0, len(node.value)))
    node.value = node.value[:at] + char + node.value[at:]
    node.style = "double"
    return _span(node)


#: Characters libyaml refuses anywhere in a file (not line breaks, not tab).
RAW_REFUSED = [c for c in REFUSED if c not in "\r\x85" + BIDI]


@fault("raw control character", "AM012")
def _raw_char(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = draw(st.sampled_from(_text_nodes(spec, built)))
    node.raw = (draw(st.integers(0, len(node.value))), draw(st.sampled_from(RAW_REFUSED)))
    node.style = "double"

    def where() -> tuple[int, int]:
        assert node.raw_span is not None
        return node.raw_span

    return where


# --- faults beyond the first list: more codes, and the places YAML itself can go wrong


def _text_node(draw: st.DrawFn, spec: MapSpec, built: Built) -> Str:
    return draw(st.sampled_from(_text_nodes(spec, built)))


@fault("text too long", "AM014")
def _too_long(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = built.claims[draw(st.sampled_from(spec.claims)).id]
    node, limit = draw(st.sampled_from([(built.root.get("title"), 200), (claim.get("text"), 600)]))
    if draw(st.booleans()):  # a note, quote or other text: 10,000 characters
        node, limit = Str("", "double"), 10_000
        claim.set("note", node)
    assert isinstance(node, Str)
    node.value = (node.value * (limit // max(len(node.value), 1) + 1))[:limit] or "x" * limit
    node.value += draw(st.text(allowed_chars, min_size=1, max_size=3))
    return _span(node)


@fault("empty value", "AM016")
def _empty(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = draw(st.sampled_from(spec.claims))
    node = built.claims[claim.id]
    place = draw(st.sampled_from(["text", "list", "linked reason"]))
    if place == "text":  # "", "  ", or nothing after the colon
        target = _text_node(draw, spec, built)
        target.value = draw(st.sampled_from(["", " ", "\t", "  \n "]))
        target.style = draw(st.sampled_from(["double", "single", "plain"]))
        owners = list(block_maps(built.root))  # "key:" alone: in block style only
        if target.value == "" and any(v is target for m in owners for _, v in m.pairs):
            target.style = draw(st.sampled_from(["double", "empty"]))
        return _span(target)
    if place == "list":
        key = draw(st.sampled_from(["quotes", "objections", "contradicts"]))
        empty = Seq([])
        node.set(key, empty, at=draw(st.integers(0, len(node.pairs))))
        if key == "quotes" and node.get("implicit") is None:
            node.set("implicit", Str("true"))  # the claim no longer quotes: no AM204
        return _span(empty)
    assume(claim.reasons)
    empty = Seq([], flow=True)
    _append(draw, node, "reasons", empty)
    return _span(empty)


@fault("unsupported version", "AM015")
def _version(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    words = ["2", "0", "1.0", "v1", "01", "one", "1.1", "11", "true", "1-", "\u0661"]
    value: Node = scalar(draw, draw(st.sampled_from(words)))
    if draw(st.integers(0, 3)) == 0:
        value = Seq([scalar(draw, "1")], flow=True)
    built.root.set("argmap", value)
    return _span(value)


@fault("id listed twice", "AM112")
def _repeat(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    claim = draw(st.sampled_from(spec.claims))
    node = built.claims[claim.id]
    options: list[tuple[Seq, int]] = []  # a list and the item to repeat
    for key in ("objections", "contradicts", "reasons"):
        value = node.get(key)
        if isinstance(value, Str):  # a bare single item: made a list of one
            value = Seq([value], flow=draw(st.booleans()))
            node.set(key, value)
        if isinstance(value, Seq):
            options += [(value, i) for i, item in enumerate(value.items) if isinstance(item, Str)]
            if key == "reasons":  # the members of linked reasons
                options += [(r, i) for r in value.items if isinstance(r, Seq)
                            for i in range(len(r.items))]  # fmt: skip
    assume(options)
    seq, i = draw(st.sampled_from(options))
    original = seq.items[i]
    assert isinstance(original, Str)
    again = scalar(draw, original.value)
    seq.items.insert(draw(st.integers(i + 1, len(seq.items))), again)
    return _span(again)


@fault("implicit with quotes", "AM115")
def _implicit_quotes(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    quoting = [c for c in spec.claims if c.quotes]
    assume(quoting)
    node = scalar(draw, "true")
    built.claims[draw(st.sampled_from(quoting)).id].set("implicit", node)
    return _span(node)


@fault("claim without quotes", "AM204")
def _unquoted(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = built.claims[draw(st.sampled_from(spec.claims)).id]
    if node.get("quotes") is not None:
        node.remove("quotes")
    if node.get("implicit") is not None:
        if draw(st.booleans()):
            node.remove("implicit")
        else:
            node.set("implicit", scalar(draw, "false"))
    return _span(node.get("id"))  # type: ignore[arg-type]


@fault("disconnected claim", "AM201")
def _disconnected(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    id_node = scalar(draw, _new_id(draw, spec))
    lone = Map([(Str("id"), id_node), (Str("text"), scalar(draw, draw(texts(40)))),
                (Str("implicit"), Str("true"))])  # fmt: skip
    if Kind.PREMISE not in built.sections:
        built.sections[Kind.PREMISE] = Seq([])
        built.root.set("premises", built.sections[Kind.PREMISE])
    premises = built.sections[Kind.PREMISE]
    premises.items.insert(draw(st.integers(0, len(premises.items))), lone)
    return _span(id_node)


@fault("source missing", "AM109")
def _source_missing(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    source = built.root.get("source")
    assert isinstance(source, Map)
    paths = ["missing.txt", "no/such/file.txt", ".", "..", "Ü.txt"]  # absent, or a folder
    node = scalar(draw, draw(st.sampled_from(paths)))
    source.set("path", node)
    return _span(node)


@fault("quotes without source", "AM111")
def _no_source(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    quoting = [c for c in spec.claims if c.quotes]
    assume(quoting)
    keep = draw(st.sampled_from(quoting))
    for claim in quoting:
        if claim is not keep:
            built.claims[claim.id].remove("quotes")
    built.root.remove("source")
    return _span(built.claims[keep.id].get("quotes"))  # type: ignore[arg-type]


def _any_scalar(draw: st.DrawFn, built: Built) -> Str:
    """A scalar that is a value (not a key) somewhere in the map."""
    values = [v for m in walk(built.root) if isinstance(m, Map) for _, v in m.pairs]
    values += [i for s in walk(built.root) if isinstance(s, Seq) for i in s.items]
    return draw(st.sampled_from([v for v in values if isinstance(v, Str)]))


@fault("anchor", "AM005")
def _anchor(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = _any_scalar(draw, built)
    node.prefix, node.style = draw(st.sampled_from(["&a ", "&anchor1 ", "&x-y_2 "])), "double"
    return _span(node)


@fault("alias", "AM005")
def _alias(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = _any_scalar(draw, built)
    node.value, node.style = draw(st.sampled_from(["*a", "*anchor1", "*x1"])), "verbatim"
    return _span(node)


@fault("merge key", "AM005")
def _merge(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    _, node = draw(st.sampled_from(_mappings(spec, built)))
    key = Str("<<", "verbatim")
    node.pairs.insert(draw(st.integers(0, len(node.pairs))), (key, scalar(draw, draw(texts(10)))))
    return _span(key)


@fault("tag", "AM006")
def _tag(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = _any_scalar(draw, built)
    tags = ["!!str ", "!t ", "!<tag:yaml.org,2002:str> ", "!!binary ", "! "]
    node.prefix, node.style = draw(st.sampled_from(tags)), "double"
    return _span(node)


@fault("second document", "AM004")
def _second_document(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    built.trailer = draw(st.sampled_from(["---\nx: 1\n", "--- text\n", "---\n", "--- # c\n"]))

    def where() -> tuple[int, int]:
        return (built.text.count("\n") - built.trailer.count("\n") + 1, 1)

    return where


#: Byte sequences that are not UTF-8: stray bytes, a truncated, an overlong, a surrogate.
BAD_UTF8 = (b"\xff", b"\xfe", b"\x80", b"\xc3(", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80",
            b"\xf8\x88\x80\x80\x80", b"\xf4\x90\x80\x80")  # fmt: skip


@fault("invalid utf-8", "AM001")
def _not_utf8(draw: st.DrawFn, spec: MapSpec, built: Built) -> Callable[[], tuple[int, int]]:
    node = _text_node(draw, spec, built)
    node.raw = (draw(st.integers(0, len(node.value))), "\x00")  # replaced by bad bytes
    node.style = "double"

    def where() -> tuple[int, int]:
        assert node.raw_span is not None
        return node.raw_span

    return where


@st.composite
def faulty_maps(draw: st.DrawFn, kind: str | None = None) -> Faulty:
    """A consistent map (at least two claims, so all stay connected) with one fault injected."""
    name = kind or draw(st.sampled_from(sorted(FAULTS)))
    code, inject = FAULTS[name]
    chain = {"AM105": 2, "AM106": 1, "AM107": 1, "AM112": 1}.get(code, 0)
    needs_source = code in ("AM109", "AM110", "AM111", "AM115", "AM204")
    spec = draw(map_specs(min_claims=2, chain=chain, source=True if needs_source else None))
    built = build_tree(draw, spec)
    where = inject(draw, spec, built)
    built.text = _emit(draw, built) + built.trailer
    path = spec.source.path if spec.source else "source.txt"
    bad = draw(st.sampled_from(BAD_UTF8)) if code == "AM001" else b""
    bom, crlf = draw(st.booleans()), draw(st.booleans())
    return Faulty(name, built.text, spec.source_text, path, code, where(), bad, bom, crlf)


def visible(text: str) -> str:
    """Text with its white space normalised (the way a drawing shows it)."""
    return " ".join(text.split())


def is_refused(char: str) -> bool:
    return char in BIDI or char in "\ufffe\uffff" or unicodedata.category(char) in ("Cc", "Cs")


# ------------------------------------------------------------------------ maps as models


@st.composite
def argument_maps(
    draw: st.DrawFn, *, full_objections: bool = True, extras: bool = False, **spec_options: object
) -> ArgumentMap:
    """A consistent map as a model, no YAML: :func:`map_specs`' map, where (``full_objections``)
    some objections are written in full, with several claims attacking jointly and objections
    of their own (attacks on the attack, nested). With ``extras``, some claims are also implicit
    or contradict others, and the source has lines to ignore, where the model has those fields:
    well-formed, but a contradiction may clash with the reasons (for round trips through
    formats, not for checks). Spans are not set."""
    amap = draw(map_specs(**spec_options)).expected()  # type: ignore[arg-type]
    ids = [claim.id for claim in amap.claims]
    supporters = {c.id: {m.id for r in c.reasons for m in r.claims} for c in amap.claims}

    def upgrade(item: Ref | Objection, owner: str, depth: int) -> Ref | Objection:
        if not isinstance(item, Ref) or depth > 2 or not draw(st.booleans()):
            return item
        # Joint attackers: not the owner (AM104), not already here (AM112), and on the first
        # level not a reason of the owner (AM107); attacks on attacks only avoid the owner.
        banned = {owner, item.id} | (supporters[owner] if depth == 0 else set())
        others = [i for i in ids if i not in banned]
        joint = draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        against = [i for i in ids if i != owner]
        nested = draw(st.lists(st.sampled_from(against), unique=True, max_size=2))
        objections = tuple(upgrade(Ref(i), owner, depth + 1) for i in nested)
        note = draw(st.none() | texts(40))
        # the critical questions it raises: well-formed, not checked against schemes
        question = tuple(draw(st.lists(st.integers(1, 99), max_size=2))) if extras else ()
        if not joint and not objections and note is None and not question:
            return item
        return Objection((item, *(Ref(i) for i in joint)), objections, note, question=question)

    fields = attrs.fields_dict(Claim)
    claims = []
    for claim in amap.claims:
        changes: dict[str, object] = {}
        if full_objections:
            changes["objections"] = tuple(upgrade(o, claim.id, 0) for o in claim.objections)
            changes["reasons"] = tuple(
                attrs.evolve(r, objections=tuple(upgrade(o, claim.id, 0) for o in r.objections))
                for r in claim.reasons
            )
        if extras and "implicit" in fields:
            changes["implicit"] = draw(st.booleans())
        if extras and "contradicts" in fields:
            others = [i for i in ids if i != claim.id]
            some = st.lists(st.sampled_from(others), unique=True, max_size=2)
            chosen = draw(some) if others else []
            changes["contradicts"] = tuple(Ref(i) for i in chosen)
        claims.append(attrs.evolve(claim, **changes))
    if extras:
        claims = _new_fields(draw, claims)
    source = amap.source
    if extras and source is not None and "ignore" in attrs.fields_dict(Source):
        ignore = tuple(draw(st.lists(texts(30, newlines=False), max_size=2)))
        source = attrs.evolve(source, ignore=ignore)
    top = draw(st.none() | _carried_top()) if extras else None
    return attrs.evolve(amap, claims=tuple(claims), source=source, aif=top)


#: JSON values as AIF data holds them (small numbers: JavaScript writes them as Python does).
_JSON_SCALARS = (
    st.none() | st.booleans() | st.integers(-1000, 10**6)
    | st.floats(-1e6, 1e6, width=32) | texts(20)
)  # fmt: skip
#: Keys of carried data: AIF's own words and anything else.
_DATA_KEYS = st.sampled_from(["timestamp", "schemeID", "personID", "start", "x", "y"]) | texts(
    12, newlines=False
)


def _json_values() -> st.SearchStrategy[object]:
    return st.recursive(
        _JSON_SCALARS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_DATA_KEYS, inner, max_size=3),
        max_leaves=6,
    )


@st.composite
def _node_data(draw: st.DrawFn, node_id: str, reserved: tuple[str, ...]) -> Carried:
    """Carried AIF data of one node: its id, a timestamp, and other fields of any kind, but
    the keys the export writes itself (``reserved``)."""
    extra = draw(st.dictionaries(_DATA_KEYS, _json_values(), max_size=3))
    data = {"nodeID": node_id, "timestamp": draw(texts(20, newlines=False))}
    data.update((k, v) for k, v in extra.items() if k not in (*reserved, "nodeID"))
    return Carried.of(data)


@st.composite
def _carried_top(draw: st.DrawFn) -> Carried:
    """What a map carries at its top: dialogue nodes (ids that are not numbers, so they never
    clash with the map's), edges between them, locutions and participants."""
    count = draw(st.integers(0, 3))
    nodes = [
        {"nodeID": f"L{n}", "text": draw(texts(30)), "type": "TA" if n % 2 else "L"}
        for n in range(count)
    ]  # a locution, a transition from it, the next locution
    edges = [{"edgeID": f"e{n}", "fromID": f"L{n}", "toID": f"L{n + 1}", "formEdgeID": None}
             for n in range(count - 1)]  # fmt: skip
    locution = st.dictionaries(_DATA_KEYS, _json_values(), min_size=1, max_size=2)
    data: dict[str, object] = {"nodes": nodes, "edges": edges}
    data["locutions"] = draw(st.lists(locution, max_size=2))
    data["participants"] = draw(st.lists(_json_values(), max_size=2))
    return Carried.of({k: v for k, v in data.items() if v} or {"locutions": [{"nodeID": "L0"}]})


def _new_fields(draw: st.DrawFn, claims: list[Claim]) -> list[Claim]:
    """Roles, schemes, restatements and carried AIF data (unique node ids) on some claims:
    no restatement makes a claim one statement with one that rebuts it, so that the map
    comes back from AIF as it is."""
    numbers = iter(range(1, 10_000))

    def data(reserved: tuple[str, ...]) -> Carried | None:
        return draw(st.none() | _node_data(str(next(numbers)), reserved))

    rebuttals = {(ref.id, claim.id) for claim in claims for item in claim.objections
                 for ref in ((item,) if isinstance(item, Ref) else item.claims)}  # fmt: skip
    pairs: list[tuple[str, str]] = []  # (claim, the claim it restates)
    for claim in claims:
        others = [c.id for c in claims if c.id != claim.id]
        chosen = draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        for other in chosen:
            same = equivalents(_restating([*pairs, (claim.id, other)], claims))
            if not any(same[a] == same[b] for a, b in rebuttals):
                pairs.append((claim.id, other))

    def objection(item: Ref | Objection) -> Ref | Objection:
        carried = data(())
        if isinstance(item, Objection):
            return attrs.evolve(item, objections=tuple(map(objection, item.objections)),
                                aif=carried)  # fmt: skip
        return item if carried is None else Objection((item,), aif=carried)

    def restatement(other: str) -> Ref | Restatement:
        carried = data(("scheme", "schemeID"))
        return Ref(other) if carried is None else Restatement(Ref(other), carried)

    schemes = st.none() | texts(30, newlines=False)

    def reason(item: Reason) -> Reason:
        """A reason with a scheme, and its RA-node's data, which has the same scheme."""
        scheme, carried = draw(schemes), data(("scheme", "schemeID"))
        if carried is not None and scheme is not None:
            carried = Carried.of({**carried.value, "scheme": scheme})
        objections = tuple(map(objection, item.objections))
        return attrs.evolve(item, scheme=scheme, aif=carried, objections=objections)

    out = []
    for claim in claims:
        reasons = tuple(map(reason, claim.reasons))
        restates = tuple(restatement(other) for one, other in pairs if one == claim.id)
        out.append(attrs.evolve(
            claim, role=draw(st.none() | st.sampled_from(Role)), reasons=reasons,
            objections=tuple(map(objection, claim.objections)), restates=restates,
            aif=data(("text", "locution", "speaker")),
        ))  # fmt: skip
    return out


def _restating(pairs: list[tuple[str, str]], claims: list[Claim]) -> list[Claim]:
    return [attrs.evolve(c, restates=tuple(Ref(o) for one, o in pairs if one == c.id))
            for c in claims]  # fmt: skip


def bare(item: T) -> T:
    """A map, claim, reason, objection or restatement without the AIF data it carries, for
    comparing structure alone."""
    if isinstance(item, ArgumentMap):
        return attrs.evolve(item, aif=None, claims=tuple(map(bare, item.claims)))  # type: ignore[return-value]
    if isinstance(item, Claim):
        return attrs.evolve(item, aif=None, reasons=tuple(map(bare, item.reasons)),  # type: ignore[return-value]
                            objections=tuple(map(bare, item.objections)),
                            restates=tuple(map(bare, item.restates)))  # fmt: skip
    if isinstance(item, (Reason, Objection)):
        plain = attrs.evolve(item, aif=None, objections=tuple(map(bare, item.objections)))
        if isinstance(plain, Objection) and len(plain.claims) == 1 and not plain.objections \
                and plain.note is None:  # fmt: skip
            return plain.claims[0]  # type: ignore[return-value]
        return plain  # type: ignore[return-value]
    if isinstance(item, Restatement):
        return item.claim  # type: ignore[return-value]
    return item
