"""ArgumentMap → a Mermaid flowchart, which GitHub draws in Markdown (a ```mermaid block).

Bottom to top like argmap's own drawing. Premises are rectangles, conclusions rounded, and
recommendations double-bordered (Mermaid's subroutine shape), each kind in argmap's colours;
implicit claims have a dashed border, the opponent's a thick one in the attack colour. Support
is a solid arrow (labelled with its scheme, if any), a rebuttal a solid line ending in a cross,
an undercut a dotted one; the claims of a linked reason or objection meet at a small circle
first, and an undercut points at the circle of the step it attacks. Contradictions are a dotted
line with a cross at both ends, restatements a thick line. Node ids are ``c_`` and the claim id
with ``_`` for ``-`` (so no id is a Mermaid keyword); text is escaped with Mermaid's entity codes.

Mermaid reads ``%%{init: ...}%%`` anywhere in a diagram as a directive that changes its
configuration, and ``%%`` at the start of a line as a comment: so no ``%`` is written from a
map (``#37;`` in labels, ``\x25`` in the title), and no text leaves its quoted label (quotes
escaped, one line), so none can start a statement such as a ``click`` callback.
"""

from __future__ import annotations

import json

from argmap.diagnostics import joined
from argmap.formats.base import Exported, counted, held
from argmap.model import (
    ArgumentMap,
    Claim,
    Kind,
    Link,
    Ref,
    Relation,
    Role,
    contradictions,
    restated,
    walk,
)

SHAPES = {Kind.PREMISE: ('["', '"]'), Kind.CONCLUSION: ('("', '")'),
          Kind.RECOMMENDATION: ('[["', '"]]')}  # fmt: skip
STYLES = {
    Kind.PREMISE: "fill:#eaf3fa,stroke:#0467af,color:#1f2328",
    Kind.CONCLUSION: "fill:#e3f4ee,stroke:#009e73,color:#1f2328",
    Kind.RECOMMENDATION: "fill:#fdf0d5,stroke:#b87d00,color:#1f2328",
}
LINKS = {  # relation → (arrow to the target, arrow of a member to its junction, colour)
    "support": ("-->", "---", "#272a2a"),
    "attack": ("--x", "---", "#b12300"),
    "undercut": ("-.-x", "-.-", "#863563"),
}
#: Mermaid's default limits (GitHub keeps them): larger diagrams are not drawn.
MAX_TEXT_SIZE = 50_000
MAX_EDGES = 500

# "%" would open directives and comments; ":" lets Mermaid's pass over ``style …:#…;`` in any
# text (it drops the last ";") eat the end of an entity; Mermaid trims U+FEFF as white space.
_ENTITIES = {'"': "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;",
             "%": "#37;", ":": "#58;", "\ufeff": "#65279;"}  # fmt: skip


def escape(text: str) -> str:
    """Text for a quoted Mermaid label, on one line.

    >>> escape('a "b" <c> #1 &\\n d %%{init}%%')
    'a #quot;b#quot; #lt;c#gt; #35;1 #amp; d #37;#37;{init}#37;#37;'
    """
    return "".join(_ENTITIES.get(char, char) for char in " ".join(text.split()))


def node_id(claim_id: str) -> str:
    return "c_" + claim_id.replace("-", "_")


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.links: list[str] = []  # colour of each link, in order (for linkStyle)
        self.junctions = 0

    def link(
        self, tail: str, head: str, relation: str, *, member: bool = False, label: str = ""
    ) -> None:
        arrow = LINKS[relation][1 if member else 0]
        said = f'|"{escape(label)}"|' if label else ""
        self.lines.append(f"  {tail} {arrow}{said} {head}")
        self.links.append(LINKS[relation][2])

    def junction(self) -> str:
        self.junctions += 1
        name = f"j{self.junctions}"
        self.lines.append(f'  {name}((" ")):::junction')
        return name

    def step(
        self, members: tuple[Ref, ...], head: str, relation: str, joined: bool, label: str = ""
    ) -> str:
        """Members to ``head``, directly or through a junction; returns what undercuts hit.
        ``label`` (a reason's scheme) is written on the link to ``head``."""
        if len(members) == 1 and not joined:
            self.link(node_id(members[0].id), head, relation, label=label)
            return head
        junction = self.junction()
        for ref in members:
            self.link(node_id(ref.id), junction, relation, member=True)
        self.link(junction, head, relation, label=label)
        return junction

    def relations(self, claim: Claim) -> None:
        """A claim's reasons and objections, in file order: each hits the claim, or the
        junction of the step or objection it undercuts."""
        hits: dict[Relation, str] = {}
        for relation in walk(claim):
            if relation.link is Link.CONTRADICT or relation.link is Link.RESTATE:
                continue
            head = node_id(claim.id) if relation.on is None else hits[relation.on]
            kind = _KINDS[relation.link]
            if relation.plain:
                self.link(node_id(relation.claims[0].id), head, kind)
            else:
                joined = bool(relation.objections)
                scheme = relation.scheme or ""
                hits[relation] = self.step(relation.claims, head, kind, joined, scheme)


_KINDS = {Link.SUPPORT: "support", Link.REBUT: "attack", Link.UNDERCUT: "undercut"}


def write(amap: ArgumentMap) -> Exported:
    """The map as a Mermaid flowchart; the losses name what Mermaid does not show."""
    writer = _Writer()
    # YAML's double-quoted string (JSON's, plus \x escapes): no % that could open a directive
    title = json.dumps(" ".join(amap.title.split()), ensure_ascii=True).replace("%", "\\x25")
    writer.lines += ["---", f"title: {title}", "---", "flowchart BT"]
    for claim in amap.claims:
        opening, closing = SHAPES[claim.kind]
        label = f"{opening}{escape(claim.text)}{closing}"
        writer.lines.append(f"  {node_id(claim.id)}{label}:::{claim.kind.value}")
    implicit = [node_id(claim.id) for claim in amap.claims if claim.implicit]
    if implicit:
        writer.lines.append(f"  class {','.join(implicit)} implicit")
    opponent = [node_id(claim.id) for claim in amap.claims if claim.role is Role.OPPONENT]
    if opponent:
        writer.lines.append(f"  class {','.join(opponent)} opponent")
    for claim in amap.claims:
        writer.relations(claim)
    for contradiction in contradictions(amap):
        pair = node_id(contradiction.target.id), node_id(contradiction.claims[0].id)
        writer.lines.append(f"  {pair[0]} x-.-x {pair[1]}")
        writer.links.append(LINKS["attack"][2])
    for claim in amap.claims:
        for ref in map(restated, claim.restates):
            writer.lines.append(f"  {node_id(claim.id)} === {node_id(ref.id)}")
            writer.links.append(LINKS["support"][2])
    for kind, style in STYLES.items():
        writer.lines.append(f"  classDef {kind.value} {style}")
    writer.lines.append("  classDef implicit stroke-dasharray:5 4")
    if opponent:
        writer.lines.append(f"  classDef opponent stroke:{LINKS['attack'][2]},stroke-width:3px")
    writer.lines.append("  classDef junction fill:#272a2a,stroke:#272a2a,color:#272a2a")
    for colour in dict.fromkeys(writer.links):
        numbers = ",".join(str(n) for n, c in enumerate(writer.links) if c == colour)
        writer.lines.append(f"  linkStyle {numbers} stroke:{colour},color:{colour}")
    text = "\n".join(writer.lines) + "\n"
    return Exported(text, _losses(amap, text, len(writer.links)))


def _losses(amap: ArgumentMap, text: str, links: int) -> tuple[str, ...]:
    left = counted(held(amap), "quote", "note", "link", "label", "critical question")
    left += ["the thesis mark"] if any(claim.thesis for claim in amap.claims) else []
    broken = sum("\n" in claim.text for claim in amap.claims)
    if broken:
        claims = "1 claim" if broken == 1 else f"{broken} claims"
        left.append(f"the line breaks in the text of {claims} (they become spaces)")
    left += [f"the language ({amap.lang})"] if amap.lang else []
    left += ["the source"] if amap.source else []
    left += ["the map's note"] if amap.note else []
    losses = []
    if left:
        what = joined(left)
        losses.append(f"Mermaid shows claims and the links between them only; left out: {what}")
    if len(text) > MAX_TEXT_SIZE or links > MAX_EDGES:
        losses.append(
            f"the flowchart has {len(text):,} characters and {links} links; Mermaid (and "
            f"GitHub) draw at most {MAX_TEXT_SIZE:,} characters and {MAX_EDGES} links"
        )
    return tuple(losses)
