"""Synthetic argument maps of any size, with a source text their quotes are found in.

The maps look like real ones grown large: a few recommendations on top, trees of conclusions
under them, premises at the leaves; about a third of the reasons linked, some premises shared
between branches (convergent support), rebuttals and undercuts, claim texts long enough to wrap,
and quotes copied from a generated source text with its line breaks, curly apostrophes and
dashes (so the checker's normalisation is exercised), some of them elided with ``…``.

Claims without quotes are marked implicit, and every objection is answered by another, so
that the thesis stands. Deterministic: the same size and seed give the same bytes. Every
generated map checks clean.
"""

from __future__ import annotations

import json
import random
import textwrap
from pathlib import Path

_TEXT = (
    "energy europe asia region trade policy market partner supply security growth reform "
    "pipeline investment transit route alliance influence dependence strategy government "
    "agreement sanction corridor infrastructure export import price demand capacity future "
    "engagement cooperation benefit interest risk stability development border diplomacy "
    "leader summit treaty network railway port water climate transition resource mineral "
    "finance bank loan debt project council commission minister citizen worker industry "
    "technology innovation education health freedom reform election parliament court law "
    "the a of to and in that for with on by from as at which its their this these those "
    "must should could would will can may might not only also more most less new old long "
    "short strong weak large small public private regional global local national European "
    "Central Asian Russian Chinese Kazakh economic political strategic practical mutual"
)
WORDS = _TEXT.split()

RECOMMENDATION_SHARE = 0.06
LINKED_SHARE = 0.3
SHARED_PREMISE_SHARE = 0.06
REBUTTAL_SHARE = 0.12
UNDERCUT_SHARE = 0.08
QUOTED_SHARE = 0.7


def _sentence(rng: random.Random, low: int = 8, high: int = 26) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.2:
        words[rng.randrange(1, len(words))] += "'s"
    if rng.random() < 0.15:
        words.insert(rng.randrange(1, len(words)), "—")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _typeset(sentence: str) -> str:
    """How the source prints a sentence: curly apostrophes; the map's quotes keep straight ones."""
    return sentence.replace("'", "\u2019")


class _Builder:
    def __init__(self, size: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.size = size
        self.claims: list[dict] = []
        self.sentences: list[str] = []  # the source text, one sentence at a time
        self.premises: list[str] = []  # ids of premises, for sharing between branches

    def _quote(self) -> list[str]:
        """Add a sentence to the source and return a quote of it (whole, part, or elided)."""
        rng = self.rng
        for _ in range(rng.randint(0, 2)):  # filler the analyst does not quote
            self.sentences.append(_sentence(rng))
        sentence = _sentence(rng, 12, 30)
        self.sentences.append(sentence)
        words = sentence.split()
        roll = rng.random()
        if roll < 0.5:
            return [sentence]
        if roll < 0.8:
            start = rng.randrange(0, len(words) // 2)
            return [" ".join(words[start : start + rng.randint(6, len(words) - start)])]
        cut = len(words) // 2
        return [" ".join(words[: cut - 2]) + " … " + " ".join(words[cut + 1 :])]

    def claim(self, kind: str, *, shareable: bool = True) -> dict:
        number = len(self.claims) + 1
        word = "".join(c for c in self.rng.choice(WORDS).lower() if c.isalpha()) or "claim"
        claim = {"id": f"{kind[0]}{number}-{word}", "kind": kind}
        claim["text"] = _sentence(self.rng, 6, 28)
        if self.rng.random() < QUOTED_SHARE:
            claim["quotes"] = self._quote()
            if self.rng.random() < 0.1:
                claim["quotes"] += self._quote()
        if kind != "premise":
            claim["reasons"] = []
        self.claims.append(claim)
        if kind == "premise" and shareable:  # objections are not shared: no support-and-attack
            self.premises.append(claim["id"])
        return claim

    def objection(self) -> str:
        """A premise that attacks, answered by another that attacks it in turn (as texts
        answer the objections they raise), so that what it attacks still stands."""
        attacker = self.claim("premise", shareable=False)
        attacker["objections"] = [self.claim("premise", shareable=False)["id"]]
        return attacker["id"]

    def build(self) -> list[dict]:
        """Breadth first from the recommendations down, until the claims run out."""
        rng = self.rng
        open_claims = [
            self.claim("recommendation")
            for _ in range(max(1, round(self.size * RECOMMENDATION_SHARE)))
        ]
        while open_claims:
            target = open_claims.pop(0)
            # Each open claim still needs at least one new claim as its reason.
            spare = self.size - len(self.claims) - len(open_claims)
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                members = rng.randint(2, 3) if rng.random() < LINKED_SHARE else 1
                reason: dict = {"claims": []}
                for _ in range(members):
                    if spare <= 0 and reason["claims"]:
                        break
                    first = not target["reasons"] and not reason["claims"]
                    if self.premises and not first and rng.random() < SHARED_PREMISE_SHARE:
                        shared = rng.choice(self.premises)
                        if shared not in reason["claims"]:
                            reason["claims"].append(shared)
                            continue
                    growing = 0.42 if open_claims else 0.8
                    kind = "conclusion" if spare > 4 and rng.random() < growing else "premise"
                    member = self.claim(kind)
                    spare -= 2 if kind == "conclusion" else 1
                    reason["claims"].append(member["id"])
                    if kind == "conclusion":
                        open_claims.append(member)
                if spare > 1 and rng.random() < UNDERCUT_SHARE:
                    reason["objections"] = [self.objection()]
                    spare -= 2
                if reason["claims"] and reason not in target["reasons"]:
                    singles = [r["claims"] for r in target["reasons"] if len(r["claims"]) == 1]
                    if len(reason["claims"]) > 1 or reason["claims"] not in singles:
                        target["reasons"].append(reason)
                if spare <= 0:
                    break
            if spare > 1 and rng.random() < REBUTTAL_SHARE:
                target["objections"] = [self.objection()]
        return self.claims


def _scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _refs(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else "[" + ", ".join(ids) + "]"


def to_yaml(title: str, claims: list[dict], source: str) -> str:
    """The map as an analyst would write it: sections, folded long texts, short reason forms."""
    out = [
        "argmap: 1",
        f"title: {_scalar(title)}",
        "source:",
        f"  path: {source}",
        "  title: A generated source text",
        "",
    ]
    for kind in ("premise", "conclusion", "recommendation"):
        out.append(f"{kind}s:")
        for claim in (c for c in claims if c["kind"] == kind):
            out.append(f"  - id: {claim['id']}")
            if len(claim["text"]) > 90:
                out.append("    text: >-")
                out += ["      " + line for line in textwrap.wrap(claim["text"], 90)]
            else:
                out.append(f"    text: {_scalar(claim['text'])}")
            if "quotes" in claim:
                out.append("    quotes:")
                out += [f"      - {_scalar(quote)}" for quote in claim["quotes"]]
            else:
                out.append("    implicit: true")  # the analyst's reconstruction
            if claim.get("objections"):
                out.append(f"    objections: {_refs(claim['objections'])}")
            if "reasons" in claim:
                out.append("    reasons:")
                for reason in claim["reasons"]:
                    if reason.get("objections"):
                        out.append(f"      - claims: {_refs(reason['claims'])}")
                        out.append(f"        objections: {_refs(reason['objections'])}")
                    else:
                        out.append(f"      - {_refs(reason['claims'])}")
        out.append("")
    return "\n".join(out)


def source_text(sentences: list[str]) -> str:
    """Paragraphs of four to eight sentences, wrapped at 72 columns as plain-text articles are."""
    rng = random.Random(len(sentences))
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        step = rng.randint(4, 8)
        paragraph = " ".join(_typeset(s) for s in sentences[i : i + step])
        paragraphs.append(textwrap.fill(paragraph, 72))
        i += step
    return "\n\n".join(paragraphs) + "\n"


def generate(size: int, folder: Path, seed: int = 6) -> Path:
    """Write ``map-<size>.yaml`` and its source ``source-<size>.txt`` into ``folder``."""
    builder = _Builder(size, seed)
    claims = builder.build()
    folder.mkdir(parents=True, exist_ok=True)
    source = f"source-{size}.txt"
    (folder / source).write_text(source_text(builder.sentences), encoding="utf-8")
    path = folder / f"map-{size}.yaml"
    title = f"A generated map of {len(claims)} claims"
    path.write_text(to_yaml(title, claims, source), encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    for arg in sys.argv[2:]:
        print(generate(int(arg), Path(sys.argv[1])))
