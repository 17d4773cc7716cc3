"""The documentation as the tests read it: README.md and the pages of docs/, a section found by
its heading wherever it lives, and the links between the pages as GitHub follows them."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import ROOT

#: A link's target: ``[text](target)`` or ``![alt](target)``, the text possibly over lines.
LINK = re.compile(r"\]\(([^)\s]+)\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6}) (.*?)#*$")


def pages(root: Path = ROOT) -> dict[Path, str]:
    """README.md, then each page of docs/ by name: path (relative to ``root``) → text."""
    found = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    return {path.relative_to(root): path.read_text(encoding="utf-8") for path in found}


def prose(lines: list[str]) -> list[str]:
    """The lines outside fenced code blocks (a fence closes with as many backticks or more)."""
    fence, kept = "", []
    for line in lines:
        opening = re.match(r"(`{3,})", line)
        if fence and opening and len(opening.group(1)) >= len(fence) and not line.strip("`"):
            fence = ""
        elif not fence and opening:
            fence = opening.group(1)
        elif not fence:
            kept.append(line)
    return kept


def _headings(text: str) -> list[tuple[int, int, str]]:
    """Each heading outside code: its line number (0-based), level and title."""
    found, fence = [], ""
    for number, line in enumerate(text.splitlines()):
        opening = re.match(r"(`{3,})", line)
        if fence and opening and len(opening.group(1)) >= len(fence) and not line.strip("`"):
            fence = ""
        elif not fence and opening:
            fence = opening.group(1)
        elif not fence and (heading := HEADING.match(line)):
            found.append((number, len(heading.group(1)), heading.group(2).strip()))
    return found


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    """The anchors of a page's headings, a repeated one numbered as GitHub numbers it
    (``intro``, ``intro-1``, ``intro-2``)."""
    seen: dict[str, int] = {}
    found = set()
    for _, _, title in _headings(text):
        base = slug(title)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def section(heading: str, root: Path = ROOT) -> str:
    """The text under the one heading titled ``heading`` (any level), in the README or any page
    of docs/, down to the next heading of its level or a higher one."""
    found = []
    for path, text in pages(root).items():
        lines = text.splitlines()
        heads = _headings(text)
        for index, (number, level, title) in enumerate(heads):
            if title == heading:
                end = next((n for n, lv, _ in heads[index + 1 :] if lv <= level), len(lines))
                found.append((path, "\n".join(lines[number + 1 : end]) + "\n"))
    assert len(found) == 1, f"'{heading}' is a heading in {[str(p) for p, _ in found]}"
    return found[0][1]


def block(heading: str, language: str) -> str:
    """The first code block in ``language`` under the heading ``heading``."""
    found = re.search(rf"^```{language}\n(.*?)^```$", section(heading), re.S | re.M)
    assert found is not None, f"no {language} block under '{heading}'"
    return found.group(1)


def links(text: str, pattern: re.Pattern[str] = LINK) -> list[str]:
    """The targets of the links and images of a page (of its images only with ``IMAGE``),
    outside code."""
    outside = "\n".join(prose(text.splitlines()))  # and not in inline code, below
    return pattern.findall(re.sub(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", "", outside, flags=re.S))


def broken_links(root: Path = ROOT) -> list[str]:
    """Each link of the README and docs/ that leads nowhere, as ``page: target (why)``: to a
    file that is not there (relative to the page, as GitHub reads it) or outside the
    repository, or to a heading that the page it names does not have."""
    broken = []
    top = root.resolve()
    for page, text in pages(root).items():
        for target in links(text):
            if re.match(r"[a-z]+:", target):  # https:, mailto:: not ours to check
                continue
            name, _, anchor = target.partition("#")
            path = (root / page).parent / name if name else root / page
            whole = path.resolve()
            if not whole.is_relative_to(top):
                broken.append(f"{page}: {target} (outside the repository)")
            elif not whole.exists():
                broken.append(f"{page}: {target} (no such file)")
            elif (
                anchor
                and whole.suffix == ".md"
                and anchor not in anchors(whole.read_text(encoding="utf-8"))
            ):
                broken.append(f"{page}: {target} (no such heading)")
    return broken
