"""argmap fmt keeps every comment where the analyst put it: at the end of a claim or of a list,
and inside a linked reason."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from argmap.api import check_bytes
from argmap.fmt import format_text
from argmap.fmt.layout import SECTIONS
from argmap.read.loader import load
from tests.conftest import ROOT, run
from tests.strategies import Generated, consistent_maps
from tests.test_fmt import PROPERTIES

#: The README's example as an analyst keeps it for months: comments at every place one goes.
COMMENTED = """\
argmap: 1
title: Energy from Central Asia   # working title
source:
  path: ../seeds/europe-central-asia-partnership.txt
  title: "Europe & Central Asia: A partnership with mutual benefits"
  # publisher and date from the print edition
  publisher: DT Next
  date: 2022-09
  # TODO: add the URL

# ------------------------------------------------ premises
premises:
  # the article's second paragraph
  - id: supplier  # the region as supplier
    text: Central Asia could supply Europe with non-Russian energy.
    quotes:
      # the standfirst
      - which could become an invaluable potential supplier of non-Russian energy  # verbatim
      # the body says it again in other words
    # checked against the print edition
  # the constraint
  - id: constrained
    text: For now, imports depend on Russian infrastructure.
    quotes: [these opportunities are constrained by an overreliance on Russian infrastructure]
    # appears twice in the source

  - id: europe-needs-energy
    text: Europe needs energy that does not come from Russia.
    implicit: true                          # the article takes it for granted: no quote
    # see the 2022 energy crisis

conclusions:
  - id: energy-interest
    text: Energy is the most obvious area of mutual interest.
    quotes:
      - The most obvious area of mutual interest is energy.
    reasons:
      - [supplier,            # the article's second paragraph
         europe-needs-energy] # implicit
      # both are needed
    # the thesis of the third paragraph

recommendations:
  - id: import-energy
    text: Europe must import more oil and gas from Central Asia.
    quotes:
      - In the short-term, we must increase our abilities to import oil and gas from the region
    reasons:
      - energy-interest                     # one reason ...
      - claims: supplier                    # ... and another, whose step is attacked:
        objections: [constrained]           #     an undercut
        # the only objection the text answers
# end of the map
"""

FORMATTED = """\
argmap: 1
title: Energy from Central Asia   # working title
source:
  path: ../seeds/europe-central-asia-partnership.txt
  title: "Europe & Central Asia: A partnership with mutual benefits"
  # publisher and date from the print edition
  publisher: DT Next
  date: 2022-09
  # TODO: add the URL

# ------------------------------------------------ premises
premises:
  # the article's second paragraph
  - id: supplier  # the region as supplier
    text: Central Asia could supply Europe with non-Russian energy.
    quotes:
      # the standfirst
      - which could become an invaluable potential supplier of non-Russian energy  # verbatim
      # the body says it again in other words
    # checked against the print edition
  # the constraint
  - id: constrained
    text: For now, imports depend on Russian infrastructure.
    quotes:
      - these opportunities are constrained by an overreliance on Russian infrastructure
    # appears twice in the source

  - id: europe-needs-energy
    text: Europe needs energy that does not come from Russia.
    implicit: true                          # the article takes it for granted: no quote
    # see the 2022 energy crisis

conclusions:
  - id: energy-interest
    text: Energy is the most obvious area of mutual interest.
    quotes:
      - The most obvious area of mutual interest is energy.
    reasons:
      - [supplier,            # the article's second paragraph
         europe-needs-energy]  # implicit
      # both are needed
    # the thesis of the third paragraph

recommendations:
  - id: import-energy
    text: Europe must import more oil and gas from Central Asia.
    quotes:
      - In the short-term, we must increase our abilities to import oil and gas from the region
    reasons:
      - energy-interest                     # one reason ...
      - claims: supplier                    # ... and another, whose step is attacked:
        objections: [constrained]           #     an undercut
        # the only objection the text answers
# end of the map
"""


def comments(text: str) -> list[str]:
    """The comments of a map, in order (the texts of these test maps hold no ``#``)."""
    return ["#" + line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


def diagnostics(text: str) -> list[tuple[str, str]]:
    """What ``argmap check`` says of a map kept in maps/ (its source found), places apart."""
    found = check_bytes(text.encode("utf-8"), str(ROOT / "maps" / "commented.yaml"))
    assert found.map is not None
    return [(d.code, d.message) for d in found.diagnostics]


def formatted(text: str) -> str:
    """``text`` formatted, with what formatting must keep asserted: every comment once and in
    order, the same map, the same diagnostics, and nothing more to do a second time."""
    once = format_text(text)
    assert comments(once) == comments(text)
    assert format_text(once) == once
    before, _ = load(text.encode("utf-8"), "map.yaml")
    after, _ = load(once.encode("utf-8"), "map.yaml")
    assert after == before
    assert diagnostics(once) == diagnostics(text)
    return once


def test_the_commented_example_keeps_every_comment_where_it_was() -> None:
    assert diagnostics(COMMENTED) == []
    assert formatted(COMMENTED) == FORMATTED


def test_a_comment_at_the_end_of_a_claim_stays_in_the_claim() -> None:
    out = formatted(
        textwrap.dedent("""\
        argmap: 1
        title: T
        premises:
          - id: a
            text: A
            note: N  # after the last key
            # end of a
          - id: b
            text: B
            quotes:
              - B
            # end of b, after a list
          # above c
          - id: c
            text: >-
              C
            # end of c, after a folded text
        conclusions:
          - id: d
            text: D
            reasons:
            - a
            # after the reasons, written without indentation
            contradicts: [c]
              # deeper than the claim's keys: still its end
    """)
    )
    assert out == textwrap.dedent("""\
        argmap: 1
        title: T

        premises:
          - id: a
            text: A
            note: N  # after the last key
            # end of a
          - id: b
            text: B
            quotes:
              - B
            # end of b, after a list
          # above c
          - id: c
            text: >-
              C
            # end of c, after a folded text

        conclusions:
          - id: d
            text: D
            reasons:
              - a
            # after the reasons, written without indentation
            contradicts: [c]
            # deeper than the claim's keys: still its end
    """)


def test_comments_at_the_end_of_the_file_stay_at_their_depth() -> None:
    out = formatted(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A\n    quotes:\n      - A\n"
        "      # end of the quotes\n    # end of a\n  # end of the premises\n# end of the map\n"
    )
    assert out.endswith(
        "    quotes:\n      - A\n      # end of the quotes\n    # end of a\n"
        "  # end of the premises\n# end of the map\n"
    )


def test_comments_inside_a_quotes_list_in_brackets_stay_by_their_quotes() -> None:
    out = formatted(
        'argmap: 1\ntitle: T\npremises:\n- id: a\n  text: A\n  quotes: ["A",  # first\n'
        '    "B"  # second\n    # closing the quotes\n  ]\n  # end of a\n- id: b\n  text: B\n'
    )
    assert out.endswith(
        '    quotes:\n      - "A"      # first\n      - "B"  # second\n'
        "      # closing the quotes\n    # end of a\n  - id: b\n    text: B\n"
    )


def test_a_linked_reason_with_comments_inside_stays_a_flow_list_one_id_a_line() -> None:
    head = "argmap: 1\ntitle: T\npremises:\n  - {id: a, text: A}\n  - {id: b, text: B}\n"
    head += "  - {id: e, text: E}\nconclusions:\n  - id: c\n    text: C\n    reasons:\n"
    flow = formatted(head + "      - [a,   # first\n         b, e]  # after the list\n")
    assert flow.endswith(
        "\nconclusions:\n  - id: c\n    text: C\n"
        "    reasons:\n      - [a,   # first\n         b,\n         e]     # after the list\n"
    )
    block = formatted(
        head + "      # linked\n      - - a  # first\n        # between\n        - b\n"
        "        - e  # last\n        # end of the linked reason\n      - b\n"
    )
    assert block.endswith(
        "    reasons:\n      # linked\n      - [a,  # first\n         # between\n         b,\n"
        "         e   # last\n         # end of the linked reason\n         ]\n      - b\n"
    )
    both = formatted(head + "      - [a, b,\n         e  # last\n        ]  # closed\n")
    assert both.endswith("      - [a,\n         b,\n         e  # last\n         ]  # closed\n")
    plain = formatted(head + "      # linked\n      - - a\n        - b\n")
    assert plain.endswith("    reasons:\n      # linked\n      - [a, b]\n")
    odd = format_text(head + "      - - a,b  # no id reads so in brackets\n        - a\n")
    assert odd.endswith(
        "      - claims:\n          - a,b  # no id reads so in brackets\n          - a\n"
    )
    assert format_text(odd) == odd


def test_fmt_diff_shows_only_the_layout_and_check_passes_a_formatted_map(tmp_path: Path) -> None:
    path = tmp_path / "commented.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    diff = run("fmt", "--diff", str(path))
    assert diff.exit_code == 1
    changed = [line for line in diff.stdout.splitlines() if line[:1] in "+-"]
    assert changed == [
        f"--- a/{str(path)[1:]}",
        f"+++ b/{str(path)[1:]}",
        "-    quotes: [these opportunities are constrained by an overreliance on Russian "
        "infrastructure]",
        "+    quotes:",
        "+      - these opportunities are constrained by an overreliance on Russian infrastructure",
        "-         europe-needs-energy] # implicit",
        "+         europe-needs-energy]  # implicit",
    ]
    assert path.read_text(encoding="utf-8") == COMMENTED
    path.write_text(FORMATTED, encoding="utf-8")
    check = run("fmt", "--check", str(path))
    assert (check.exit_code, check.stderr) == (0, "argmap: 1 map already formatted\n")


@PROPERTIES
@given(consistent_maps(), st.data())
def test_a_comment_closing_any_claim_of_a_formatted_map_is_left_where_it_is(
    generated: Generated, data: st.DataObject
) -> None:
    lines = format_text(generated.yaml_text).split("\n")
    claims, section = [], ""
    for number, line in enumerate(lines):
        if line[:1].strip():
            section = line.split(":")[0]
        elif line.startswith("  - ") and section in SECTIONS:
            claims.append(number)
    assume(claims)
    first = data.draw(st.sampled_from(claims))
    end = next((n for n in range(first + 1, len(lines))
                if lines[n].strip() and not lines[n].startswith("    ")), len(lines))  # fmt: skip
    while not lines[end - 1]:
        end -= 1
    text = "\n".join([*lines[:end], "    # the end of this claim", *lines[end:]])
    assert format_text(text) == text
