"""A line of text + each character's script → the script of the run each character is in, as
pango splits text into runs of one script before it shapes them (and kerns only within a run).

Pango's script iterator, after ICU's: a character of no script of its own (punctuation,
digits, spaces) joins the run it is in, and at the start of a run takes the script of the
first character that has one; paired punctuation (brackets, quotation marks, guillemets)
takes the script its opening character had, so that ``(Ф)`` after Greek text keeps its closing
bracket with the Greek. Only a line that mixes scripts needs this: in a line of one script
every character is in one run.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Pango's paired characters, opening and closing in turn (pango-script.c's ``paired_chars``).
PAIRED = (
    "()<>[]{}\u00ab\u00bb\u0f3a\u0f3b\u0f3c\u0f3d\u169b\u169c\u2018\u2019\u201c\u201d"
    "\u2039\u203a\u2045\u2046\u207d\u207e\u208d\u208e\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb"
    "\u27ec\u27ed\u27ee\u27ef\u2983\u2984\u2985\u2986\u2987\u2988\u2989\u298a\u298b\u298c"
    "\u298d\u298e\u298f\u2990\u2991\u2992\u2993\u2994\u2995\u2996\u2997\u2998\u29d8\u29d9"
    "\u29da\u29db\u29fc\u29fd\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011"
    "\u3014\u3015\u3016\u3017\u3018\u3019\u301a\u301b\u301d\u301e\ufd3e\ufd3f\ufe59\ufe5a"
    "\ufe5b\ufe5c\ufe5d\ufe5e\uff08\uff09\uff3b\uff3d\uff5b\uff5d\uff5f\uff60\uff62\uff63"
)
_PAIR = {char: index for index, char in enumerate(PAIRED)}
#: Deeper nesting empties the stack, as in pango.
DEPTH = 128
COMMON = 0


def runs(text: str, script: Mapping[str, int]) -> list[int]:
    """The script of the run each character of ``text`` is in (``script``: a character's own
    script, a number; missing or 0 for none). A run that holds no script at all is 0."""
    found = [COMMON] * len(text)
    stack: list[tuple[int, int]] = []  # (pair, script of the run when it opened)
    start, bottom, current = 0, 0, COMMON  # this run's start, its part of the stack, script
    for index, char in enumerate(text):
        own = script.get(char, COMMON)
        pair = _PAIR.get(char, -1) if own == COMMON else -1
        if pair >= 0:
            if pair % 2 == 0:
                if len(stack) >= DEPTH:
                    stack.clear()
                stack.append((pair, current))
            else:
                while stack and stack[-1][0] != pair - 1:
                    stack.pop()
                bottom = min(bottom, len(stack))
                if stack:
                    own = stack[-1][1]
        if current == COMMON or own in (COMMON, current):
            if current == COMMON and own != COMMON:
                current = own
                for at in range(start, index):  # the run's script, now known
                    found[at] = current
                stack[bottom:] = [(p, current) for p, _ in stack[bottom:]]
            if pair >= 0 and pair % 2 == 1 and stack:
                stack.pop()
                bottom = min(bottom, len(stack))
        else:  # another script: a new run starts here
            start, bottom, current = index, len(stack), own
            if pair >= 0 and pair % 2 == 1 and stack:
                stack.pop()
                bottom = min(bottom, len(stack))
        found[index] = current
    return found


__all__ = ["PAIRED", "runs"]
