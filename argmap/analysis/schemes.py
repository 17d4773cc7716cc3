"""Argumentation schemes and their critical questions: what a reason of a scheme leaves open.

A reason written in full may name its ``scheme`` (``Expert Opinion``, ``Example``, ...). Each
scheme here is one of Walton's (Walton, Reed and Macagno, *Argumentation Schemes*, 2008), with
its critical questions in argmap's words: the doubts a reader may raise against a step of that
form. They cover every scheme AraucariaDB names (the schemes of 729 of its steps). A map
answers a question by an objection: to the step (an undercut) or to a claim of the reason (a
rebuttal). A scheme is found under any spelling of its name: ``ExpertOpinion``, ``expert
opinion`` and ``Argument from Expert Opinion`` are the same.
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class Scheme:
    name: str
    questions: tuple[str, ...]
    aliases: tuple[str, ...] = ()


SCHEMES: tuple[Scheme, ...] = (
    Scheme("Example", (
        "Is the example true: did it happen, or is it so, as the reason says?",
        "Is it an instance of what the claim says in general?",
        "Is it typical of the cases the claim is about?",
        "How general is the claim: does it hold always, usually, or in some cases only?",
        "Do other examples count against the claim?",
        "Was there something special about the example that keeps it from generalising?",
    ), ("Generalisation", "Generalization")),
    Scheme("Expert Opinion", (
        "Expertise: how credible is the person cited as an expert?",
        "Field: is the person cited an expert in the field the claim belongs to?",
        "Opinion: what exactly did the expert say, and does it imply the claim?",
        "Trustworthiness: is the expert to be trusted here (no bias, no stake in the "
        "outcome)?",
        "Consistency: do other experts say the same?",
        "Backup evidence: does the expert's opinion rest on evidence?",
    ), ("Expert", "Expert Testimony", "Authority")),
    Scheme("Position to Know", (
        "Is the person cited in a position to know whether the claim is true?",
        "Is the person honest and reliable?",
        "Did the person in fact assert the claim?",
    )),
    Scheme("Witness Testimony", (
        "Was the witness in a position to know what they report?",
        "Is the testimony consistent in itself?",
        "Is it consistent with the known facts and with other witnesses?",
        "Is the witness biased?",
        "How plausible is what the witness says?",
    ), ("Testimony",)),
    Scheme("Popular Opinion", (
        "What shows that the claim is generally accepted?",
        "Even if it is, is there good reason to doubt it?",
    ), ("Popularity",)),
    Scheme("Popular Practice", (
        "What shows that most people do this?",
        "Even if they do, is there reason to think it is not the right thing to do?",
    )),
    Scheme("Cause to Effect", (
        "How strong is the causal link: does the cause bring the effect always, usually, or "
        "only sometimes?",
        "Is the evidence for the causal link good enough to carry the claim?",
        "Could something else interfere and keep the effect from following?",
    ), ("Causal", "Cause", "Causal Argument")),
    Scheme("Correlation to Cause", (
        "Is there really a correlation between the two?",
        "Is it more than a coincidence?",
        "Could the cause run the other way round: the supposed effect bringing about the "
        "supposed cause?",
        "Could a third factor cause both?",
    ), ("Correlation",)),
    Scheme("Sign", (
        "How strong is the link between the sign and what it is taken to show?",
        "Could something else explain the sign better?",
    )),
    Scheme("Consequences", (
        "How likely are the consequences the reason names?",
        "What shows that they will follow?",
        "Are there consequences the other way that should be weighed against them?",
    ), ("Positive Consequences", "Negative Consequences")),
    Scheme("Practical Reasoning", (
        "Do other goals conflict with this one?",
        "Would other actions reach the goal too?",
        "Of the actions that would reach it, is this the best?",
        "Can the action be carried out?",
        "What side effects would it have, and do they weigh against it?",
    ), ("Practical Inference", "Goal")),
    Scheme("Fear Appeal", (
        "Is the danger as serious, and as likely, as the reason makes it?",
        "Is the action recommended the only way, or the best way, to avoid it?",
        "Is the fear raised to stand in for evidence?",
    ), ("Fear", "Threat")),
    Scheme("Values", (
        "Is the value one that those addressed share?",
        "Do other values weigh against it here?",
    ), ("Value", "Positive Values", "Negative Values")),
    Scheme("Analogy", (
        "Are the two cases alike in the respects the reason relies on?",
        "Do differences between them undermine the comparison?",
        "Is the claim true of the case the reason compares with?",
        "Is there another case, alike too, in which the opposite holds?",
    )),
    Scheme("Verbal Classification", (
        "Does the thing surely have the property, or is there room to doubt it?",
        "Does the classification rest on a definition that holds and is accepted?",
        "Is the term vague, so that the classification is doubtful?",
    ), ("Classification", "Definition to Verbal Classification")),
    Scheme("Established Rule", (
        "Does the rule, as worded, apply to this case?",
        "Is the rule in force, and binding here?",
        "Is this case an exception to the rule?",
        "Do other rules apply that conflict with it?",
    ), ("Rule", "Rules")),
    Scheme("Exceptional Case", (
        "Is the case really an exception to the rule?",
        "What shows that it is?",
        "Does the rule allow for exceptions of this kind?",
    ), ("Exception",)),
    Scheme("Commitment", (
        "What shows that the person is committed to what the reason says?",
        "Is the commitment qualified, so that it does not reach as far as the claim?",
    )),
    Scheme("Inconsistent Commitment", (
        "Is the inconsistency real, or only apparent?",
        "Could the person have changed their commitment for good reason?",
    )),
    Scheme("Ignorance", (
        "How far has the search for evidence gone?",
        "Which side bears the burden of proof?",
        "Would the evidence have been found if the claim were otherwise?",
    ), ("Lack of Evidence", "Lack of Knowledge")),
    Scheme("Best Explanation", (
        "How well does the explanation account for the facts, taken on its own?",
        "How much better is it than the other explanations on offer?",
        "How thoroughly have other explanations been looked for?",
        "Would it be wiser to look further before concluding?",
    ), ("Abduction", "Abductive", "Abductive Reasoning")),
    Scheme("Ad Hominem", (
        "Is what the reason says against the person true, and what shows it?",
        "Does the person's character or circumstance bear on the question at issue?",
        "Does the attack warrant rejecting the person's claim outright, or only trusting it "
        "less?",
    ), ("Personal Attack", "Abusive Ad Hominem", "Generic Ad Hominem")),
    Scheme("Bias", (
        "What shows that the person is biased?",
        "Does the bias matter here: was the person expected to weigh both sides?",
    )),
    Scheme("Slippery Slope", (
        "Which steps are said to lead from the first action to the outcome feared?",
        "Are steps missing that would have to happen in between?",
        "Which step is the weakest: would it really lead to the next?",
        "Is there a point along the way where the slide could be stopped?",
        "Is the outcome as bad as the reason says?",
    )),
    Scheme("Falsification of Hypothesis", (
        "Does the hypothesis really imply the prediction?",
        "Is it well established that the prediction failed?",
        "Could an assumption made along with the hypothesis be what failed, not the "
        "hypothesis?",
    ), ("Falsification",)),
)  # fmt: skip

_PREFIX = re.compile(r"^(?:(?:argument|arg)(?:from|to|by)|from)")
# the words a scheme's name may start with: "Argument from", "Appeal to", "Inference to", then
# an article ("Argument from an Exceptional Case", "Appeal to the Consequences")
_LEAD = re.compile(
    r"^(?:(?:argument|arg|appeal|inference)\s+(?:from|to|by)\s+|from\s+)?(?:(?:an|a|the)\s+)?"
)


def key(name: str) -> str:
    """A scheme's name reduced to what tells it: letters, in lower case, without a leading
    "argument from" or "appeal to", nor the article after it.

    >>> key("Argument from Expert Opinion"), key("ExpertOpinion"), key("expert-opinion")
    ('expertopinion', 'expertopinion', 'expertopinion')
    >>> key("Appeal to Fear"), key("Argument from an Exceptional Case")
    ('fear', 'exceptionalcase')
    """
    words = re.sub(r"[^a-z]+", " ", re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()).strip()
    letters = _LEAD.sub("", words).replace(" ", "") or words.replace(" ", "")
    return _PREFIX.sub("", letters) or letters


_BY_KEY = {key(alias): scheme for scheme in SCHEMES for alias in (scheme.name, *scheme.aliases)}


def scheme_of(name: str) -> Scheme | None:
    """The scheme ``name`` names, under any spelling, or None when argmap does not know it."""
    return _BY_KEY.get(key(name))


_LEADS = ("argumentfrom", "argumentto", "argumentby", "appealto", "inferenceto")


def starting(typed: str) -> tuple[Scheme, ...]:
    """The schemes whose name, under one of its spellings, ``typed`` may be the start of.

    >>> [scheme.name for scheme in starting("Appeal to Au")]
    ['Expert Opinion']
    >>> len(starting("Argument fr")) == len(starting("")) == len(SCHEMES)
    True
    """
    letters = re.sub(r"[^a-z]", "", typed.lower())
    if any(lead.startswith(letters) for lead in _LEADS):
        return SCHEMES  # nothing typed yet, or only the start of "Argument from", ...
    wanted = key(typed)
    found = {scheme for spelling, scheme in _BY_KEY.items() if spelling.startswith(wanted)}
    return tuple(scheme for scheme in SCHEMES if scheme in found)


__all__ = ["SCHEMES", "Scheme", "key", "scheme_of", "starting"]
