"""argmap's words for the analyst's own claims (a fact-checker's objections: ``role: opponent``,
neither quoted nor implicit, :func:`argmap.analysis.sides.own`), which the text does not make:
their tag in the drawing, the legend's sample, their kind in the HTML view's buttons, and the
coverage page's note. Part of
:data:`argmap.words.WORDS`, kept apart as a table of their own."""

from __future__ import annotations

# fmt: off
ANALYST: dict[str, dict[str, str]] = {
    # The tag over an objection, over another claim (of its kind); the legend's sample and
    # what it means.
    "analyst's objection": {"en": "ANALYST'S OBJECTION", "de": "EINWAND DES ANALYSTEN",
                            "fr": "OBJECTION DE L’ANALYSTE", "es": "OBJECIÓN DEL ANALISTA",
                            "pt": "OBJEÇÃO DO ANALISTA", "it": "OBIEZIONE DELL’ANALISTA",
                            "ru": "ВОЗРАЖЕНИЕ АНАЛИТИКА"},
    "analyst's kind": {"en": "ANALYST'S {kind}", "de": "{kind} DES ANALYSTEN",
                       "fr": "{kind} DE L’ANALYSTE", "es": "{kind} DEL ANALISTA",
                       "pt": "{kind} DO ANALISTA", "it": "{kind} DELL’ANALISTA",
                       "ru": "{kind} АНАЛИТИКА"},
    "analyst's": {"en": "ANALYST'S", "de": "ANALYST", "fr": "ANALYSTE", "es": "ANALISTA",
                  "pt": "ANALISTA", "it": "ANALISTA", "ru": "АНАЛИТИК"},
    "analyst's means": {"en": "not in the text", "de": "nicht im Text", "fr": "absent du texte",
                        "es": "no está en el texto", "pt": "não está no texto",
                        "it": "non è nel testo", "ru": "нет в тексте"},
    # The coverage page's note on such a claim, where a quoted one says its line.
    "analyst's note": {"en": "the analyst's own: not in the text",
                       "de": "vom Analysten: nicht im Text",
                       "fr": "de l’analyste : absent du texte",
                       "es": "del analista: no está en el texto",
                       "pt": "do analista: não está no texto",
                       "it": "dell’analista: non è nel testo", "ru": "от аналитика: нет в тексте"},
    # The SVG's description counts them apart from the text's claims of their kind.
    "analyst's claims.one": {"en": "{n} claim of the analyst's own",
                             "de": "{n} Aussage des Analysten", "fr": "{n} énoncé de l’analyste",
                             "es": "{n} afirmación del analista", "pt": "{n} afirmação do analista",
                             "it": "{n} affermazione dell’analista",
                             "ru": "{n} утверждение аналитика"},
    "analyst's claims.few": {"en": "{n} claims of the analyst's own",
                             "de": "{n} Aussagen des Analysten", "fr": "{n} énoncés de l’analyste",
                             "es": "{n} afirmaciones del analista",
                             "pt": "{n} afirmações do analista",
                             "it": "{n} affermazioni dell’analista",
                             "ru": "{n} утверждения аналитика"},
    "analyst's claims.many": {"en": "{n} claims of the analyst's own",
                              "de": "{n} Aussagen des Analysten",
                              "fr": "{n} énoncés de l’analyste",
                              "es": "{n} afirmaciones del analista",
                              "pt": "{n} afirmações do analista",
                              "it": "{n} affermazioni dell’analista",
                              "ru": "{n} утверждений аналитика"},
}
# fmt: on

__all__ = ["ANALYST"]
