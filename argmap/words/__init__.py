"""A map's language → argmap's own words in its drawing and around it: the kinds, the statuses,
the figure's number, the stubs and references of fitted figures, the legend, the critical
questions' labels, a fitted figure's caption in a document, and (from
:mod:`argmap.words.phrases`) the HTML view's words, the SVG's ``<desc>`` and a part's title,
and (from :mod:`argmap.words.pages`) the coverage page's and the preview's.

:data:`WORDS` is the one table of them, a word an entry, a language a line, for a translator to
review in one place. A map whose ``lang`` starts with one of :data:`LANGUAGES` is drawn in its
words; any other (and a map without ``lang``) in English. Fields in braces (``{n}``, a figure's
number) are filled in as drawn; a translation keeps them, in the order the English has them.
Tags (:data:`TAGS`) are written in capitals as they are drawn: in German ``SS``, never ``ß``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from argmap.words.analyst import ANALYST
from argmap.words.glue import glued
from argmap.words.pages import PAGES
from argmap.words.phrases import PHRASES

#: The languages argmap draws in, by their primary subtag; English first, the fallback.
LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "ru")

# fmt: off
WORDS: dict[str, dict[str, str]] = {
    # The tag over a claim's text; IMPLICIT and OPPONENT label samples in the legend.
    "premise": {"en": "PREMISE", "de": "PRÄMISSE", "fr": "PRÉMISSE", "es": "PREMISA",
                "pt": "PREMISSA", "it": "PREMESSA", "ru": "ПОСЫЛКА"},
    "conclusion": {"en": "CONCLUSION", "de": "SCHLUSSFOLGERUNG", "fr": "CONCLUSION",
                   "es": "CONCLUSIÓN", "pt": "CONCLUSÃO", "it": "CONCLUSIONE", "ru": "ВЫВОД"},
    "recommendation": {"en": "RECOMMENDATION", "de": "EMPFEHLUNG", "fr": "RECOMMANDATION",
                       "es": "RECOMENDACIÓN", "pt": "RECOMENDAÇÃO", "it": "RACCOMANDAZIONE",
                       "ru": "РЕКОМЕНДАЦИЯ"},
    "implicit premise": {"en": "IMPLICIT PREMISE", "de": "IMPLIZITE PRÄMISSE",
                         "fr": "PRÉMISSE IMPLICITE", "es": "PREMISA IMPLÍCITA",
                         "pt": "PREMISSA IMPLÍCITA", "it": "PREMESSA IMPLICITA",
                         "ru": "НЕЯВНАЯ ПОСЫЛКА"},
    "implicit conclusion": {"en": "IMPLICIT CONCLUSION", "de": "IMPLIZITE SCHLUSSFOLGERUNG",
                            "fr": "CONCLUSION IMPLICITE", "es": "CONCLUSIÓN IMPLÍCITA",
                            "pt": "CONCLUSÃO IMPLÍCITA", "it": "CONCLUSIONE IMPLICITA",
                            "ru": "НЕЯВНЫЙ ВЫВОД"},
    "implicit recommendation": {"en": "IMPLICIT RECOMMENDATION", "de": "IMPLIZITE EMPFEHLUNG",
                                "fr": "RECOMMANDATION IMPLICITE",
                                "es": "RECOMENDACIÓN IMPLÍCITA",
                                "pt": "RECOMENDAÇÃO IMPLÍCITA",
                                "it": "RACCOMANDAZIONE IMPLICITA",
                                "ru": "НЕЯВНАЯ РЕКОМЕНДАЦИЯ"},
    "main thesis": {"en": "MAIN THESIS · {kind}", "de": "HAUPTTHESE · {kind}",
                    "fr": "THÈSE PRINCIPALE · {kind}", "es": "TESIS PRINCIPAL · {kind}",
                    "pt": "TESE PRINCIPAL · {kind}", "it": "TESI PRINCIPALE · {kind}",
                    "ru": "ГЛАВНЫЙ ТЕЗИС · {kind}"},
    "implicit": {"en": "IMPLICIT", "de": "IMPLIZIT", "fr": "IMPLICITE", "es": "IMPLÍCITA",
                 "pt": "IMPLÍCITA", "it": "IMPLICITA", "ru": "НЕЯВНОЕ"},
    "opponent": {"en": "OPPONENT", "de": "OPPONENT", "fr": "OPPOSANT", "es": "OPONENTE",
                 "pt": "OPONENTE", "it": "OPPONENTE", "ru": "ОППОНЕНТ"},
    # With --status, beside the tag of a claim that does not stand; in the legend, what it means.
    "defeated": {"en": "DEFEATED", "de": "WIDERLEGT", "fr": "RÉFUTÉE", "es": "REFUTADA",
                 "pt": "REFUTADA", "it": "CONFUTATA", "ru": "ОПРОВЕРГНУТО"},
    "undecided": {"en": "UNDECIDED", "de": "UNENTSCHIEDEN", "fr": "INDÉCISE", "es": "INDECISA",
                  "pt": "INDECISA", "it": "INDECISA", "ru": "НЕ РЕШЕНО"},
    "defeated means": {"en": "an attack on it holds", "de": "ein Einwand dagegen hält stand",
                       "fr": "une attaque l’emporte", "es": "prevalece un ataque en su contra",
                       "pt": "prevalece um ataque contra ela",
                       "it": "prevale un attacco contro di essa",
                       "ru": "атака на него успешна"},
    "undecided means": {"en": "caught in an attack cycle",
                        "de": "in einem Angriffszyklus gefangen",
                        "fr": "pris dans un cycle d’attaques",
                        "es": "atrapado en un ciclo de ataques",
                        "pt": "preso num ciclo de ataques", "it": "preso in un ciclo di attacchi",
                        "ru": "в цикле атак"},
    # A fitted figure: its number over the legend, and in its SVG's <title>.
    "figure of": {"en": "FIGURE {n} OF {total}", "de": "ABBILDUNG {n} VON {total}",
                  "fr": "FIGURE {n} SUR {total}", "es": "FIGURA {n} DE {total}",
                  "pt": "FIGURA {n} DE {total}", "it": "FIGURA {n} DI {total}",
                  "ru": "РИСУНОК {n} ИЗ {total}"},
    # A figure the document numbers itself (Sphinx's numfig): its number over the legend.
    "figure": {"en": "FIGURE {n}", "de": "ABBILDUNG {n}", "fr": "FIGURE {n}", "es": "FIGURA {n}",
               "pt": "FIGURA {n}", "it": "FIGURA {n}", "ru": "РИСУНОК {n}"},
    # A fitted figure's caption, and its SVG's <title>: which of the map's figures it is; where
    # the document numbers the figures itself, which part of the map it shows.
    "titled": {"en": "{title} (figure {n} of {total})", "de": "{title} (Abbildung {n} von {total})",
               "fr": "{title} (figure {n} sur {total})", "es": "{title} (figura {n} de {total})",
               "pt": "{title} (figura {n} de {total})", "it": "{title} (figura {n} di {total})",
               "ru": "{title} (рисунок {n} из {total})"},
    "part of": {"en": "{title} (part {n} of {total})", "de": "{title} (Teil {n} von {total})",
                "fr": "{title} (partie {n} sur {total})", "es": "{title} (parte {n} de {total})",
                "pt": "{title} (parte {n} de {total})", "it": "{title} (parte {n} di {total})",
                "ru": "{title} (часть {n} из {total})"},
    "source": {"en": "Source: {source}", "de": "Quelle: {source}", "fr": "Source : {source}",
               "es": "Fuente: {source}", "pt": "Fonte: {source}", "it": "Fonte: {source}",
               "ru": "Источник: {source}"},
    # Stubs and compact claims of fitted figures: where a branch goes on, where a claim is.
    "continued in": {"en": "continued in figure {n}", "de": "weiter in Abbildung {n}",
                     "fr": "suite dans la figure {n}", "es": "continúa en la figura {n}",
                     "pt": "continua na figura {n}", "it": "continua nella figura {n}",
                     "ru": "продолжение на рис. {n}"},
    "continued in many": {"en": "continued in figures {ns}", "de": "weiter in Abbildungen {ns}",
                          "fr": "suite dans les figures {ns}", "es": "continúa en las figuras {ns}",
                          "pt": "continua nas figuras {ns}", "it": "continua nelle figure {ns}",
                          "ru": "продолжение на рис. {ns}"},
    "continued in leads": {"en": "continued in", "de": "weiter in", "fr": "suite :",
                           "es": "continúa en:", "pt": "continua em:", "it": "continua in",
                           "ru": "продолжение на"},
    "lead": {"en": "figure {n}: {lead}", "de": "Abbildung {n}: {lead}", "fr": "figure {n} : {lead}",
             "es": "figura {n}: {lead}", "pt": "figura {n}: {lead}", "it": "figura {n}: {lead}",
             "ru": "рис. {n}: {lead}"},
    "in full in": {"en": "in full in figure {n}", "de": "siehe Abbildung {n}",
                   "fr": "voir la figure {n}", "es": "véase la figura {n}", "pt": "ver figura {n}",
                   "it": "vedi figura {n}", "ru": "см. рис. {n}"},
    "used in": {"en": "used in figure {n}", "de": "verwendet in Abbildung {n}",
                "fr": "utilisé dans la figure {n}", "es": "usado en la figura {n}",
                "pt": "usado na figura {n}", "it": "usato nella figura {n}",
                "ru": "используется на рис. {n}"},
    "used in many": {"en": "used in figures {ns}", "de": "verwendet in Abbildungen {ns}",
                     "fr": "utilisé dans les figures {ns}", "es": "usado en las figuras {ns}",
                     "pt": "usado nas figuras {ns}", "it": "usato nelle figure {ns}",
                     "ru": "используется на рис. {ns}"},
    "continued from": {"en": "continued from figure {n}", "de": "Fortsetzung von Abbildung {n}",
                       "fr": "suite de la figure {n}", "es": "viene de la figura {n}",
                       "pt": "vem da figura {n}", "it": "segue dalla figura {n}",
                       "ru": "начало на рис. {n}"},
    # The legend: what each kind of line means, and the labels beside lines.
    "supports": {"en": "supports", "de": "stützt", "fr": "soutient", "es": "apoya", "pt": "apoia",
                 "it": "sostiene", "ru": "поддерживает"},
    "attacks": {"en": "attacks", "de": "greift an", "fr": "attaque", "es": "ataca", "pt": "ataca",
                "it": "attacca", "ru": "атакует"},
    "undercuts a step": {"en": "undercuts a step", "de": "untergräbt einen Schluss",
                         "fr": "sape une inférence", "es": "socava una inferencia",
                         "pt": "mina uma inferência", "it": "mina un’inferenza",
                         "ru": "подрывает связь"},
    "undercuts an attack": {"en": "undercuts an attack", "de": "untergräbt einen Angriff",
                            "fr": "sape une attaque", "es": "socava un ataque",
                            "pt": "mina um ataque", "it": "mina un attacco",
                            "ru": "подрывает атаку"},
    "undercuts either": {"en": "undercuts a step or an attack",
                         "de": "untergräbt einen Schluss oder Angriff",
                         "fr": "sape une inférence ou une attaque",
                         "es": "socava una inferencia o un ataque",
                         "pt": "mina uma inferência ou um ataque",
                         "it": "mina un’inferenza o un attacco",
                         "ru": "подрывает связь или атаку"},
    "contradict": {"en": "contradict", "de": "widersprechen einander", "fr": "se contredisent",
                   "es": "se contradicen", "pt": "contradizem-se", "it": "si contraddicono",
                   "ru": "противоречат друг другу"},
    "restates": {"en": "restates", "de": "besagt dasselbe", "fr": "reformule", "es": "reformula",
                 "pt": "reformula", "it": "riformula", "ru": "переформулирует"},
    "linked": {"en": "claims that support only together",
               "de": "Aussagen, die nur zusammen stützen",
               "fr": "énoncés qui ne soutiennent qu’ensemble",
               "es": "afirmaciones que solo apoyan juntas", "pt": "afirmações que só apoiam juntas",
               "it": "affermazioni che sostengono solo insieme",
               "ru": "утверждения, поддерживающие только вместе"},
    "scheme label": {"en": "a reason's scheme: the label by its line",
                     "de": "Schema eines Grundes: die Beschriftung an seiner Linie",
                     "fr": "schéma d’une raison : l’étiquette près de sa ligne",
                     "es": "esquema de una razón: la etiqueta junto a su línea",
                     "pt": "esquema de uma razão: o rótulo junto à sua linha",
                     "it": "schema di una ragione: l’etichetta accanto alla sua linea",
                     "ru": "схема довода: подпись у его линии"},
    "question label": {"en": "an objection's critical question: the label by its line",
                       "de": "kritische Frage eines Einwands: die Beschriftung an seiner Linie",
                       "fr": "question critique d’une objection : l’étiquette près de sa ligne",
                       "es": "pregunta crítica de una objeción: la etiqueta junto a su línea",
                       "pt": "pergunta crítica de uma objeção: o rótulo junto à sua linha",
                       "it": "domanda critica di un’obiezione: l’etichetta accanto alla sua linea",
                       "ru": "критический вопрос возражения: подпись у его линии"},
    "both labels": {
        "en": "a reason's scheme, an objection's critical question: the label by its line",
        "de": "Schema eines Grundes, kritische Frage eines Einwands: die Beschriftung an der Linie",
        "fr": "schéma d’une raison, question critique d’une objection : l’étiquette près de la"
              " ligne",
        "es": "esquema de una razón, pregunta crítica de una objeción: la etiqueta junto a la"
              " línea",
        "pt": "esquema de uma razão, pergunta crítica de uma objeção: o rótulo junto à linha",
        "it": "schema di una ragione, domanda critica di un’obiezione: l’etichetta accanto alla"
              " linea",
        "ru": "схема довода, критический вопрос возражения: подпись у линии"},
    # Beside an objection's line: the critical questions it raises.
    "question": {"en": "question {n}", "de": "Frage {n}", "fr": "question {n}",
                 "es": "pregunta {n}", "pt": "pergunta {n}", "it": "domanda {n}",
                 "ru": "вопрос {n}"},
    "question many": {"en": "questions {ns}", "de": "Fragen {ns}", "fr": "questions {ns}",
                      "es": "preguntas {ns}", "pt": "perguntas {ns}", "it": "domande {ns}",
                      "ru": "вопросы {ns}"},
    "and": {"en": "{items} and {last}", "de": "{items} und {last}", "fr": "{items} et {last}",
            "es": "{items} y {last}", "pt": "{items} e {last}", "it": "{items} e {last}",
            "ru": "{items} и {last}"},
    # Under a claim drawn in a part of a map (--focus): what the part leaves out. A count has
    # three forms, for 1, 2 and 5 (Russian: 1, 21...; 2-4, 22-24...; the rest); where a
    # language has two, "few" is as "many".
    "reasons.one": {"en": "{n} reason", "de": "{n} Grund", "fr": "{n} raison", "es": "{n} razón",
                    "pt": "{n} razão", "it": "{n} ragione", "ru": "{n} довод"},
    "reasons.few": {"en": "{n} reasons", "de": "{n} Gründe", "fr": "{n} raisons",
                    "es": "{n} razones", "pt": "{n} razões", "it": "{n} ragioni",
                    "ru": "{n} довода"},
    "reasons.many": {"en": "{n} reasons", "de": "{n} Gründe", "fr": "{n} raisons",
                     "es": "{n} razones", "pt": "{n} razões", "it": "{n} ragioni",
                     "ru": "{n} доводов"},
    "objections.one": {"en": "{n} objection", "de": "{n} Einwand", "fr": "{n} objection",
                       "es": "{n} objeción", "pt": "{n} objeção", "it": "{n} obiezione",
                       "ru": "{n} возражение"},
    "objections.few": {"en": "{n} objections", "de": "{n} Einwände", "fr": "{n} objections",
                       "es": "{n} objeciones", "pt": "{n} objeções", "it": "{n} obiezioni",
                       "ru": "{n} возражения"},
    "objections.many": {"en": "{n} objections", "de": "{n} Einwände", "fr": "{n} objections",
                        "es": "{n} objeciones", "pt": "{n} objeções", "it": "{n} obiezioni",
                        "ru": "{n} возражений"},
    "outside": {"en": "{counted} outside this part", "de": "{counted} außerhalb dieses Teils",
                "fr": "{counted} hors de cette partie", "es": "{counted} fuera de esta parte",
                "pt": "{counted} fora desta parte", "it": "{counted} fuori da questa parte",
                "ru": "{counted} вне этой части"},
    "because": {"en": "because of {claims}", "de": "wegen {claims}", "fr": "à cause de {claims}",
                "es": "debido a {claims}", "pt": "devido a {claims}", "it": "a causa di {claims}",
                "ru": "из-за {claims}"},
    "because outside": {"en": "{because}, outside this part",
                        "de": "{because}, außerhalb dieses Teils",
                        "fr": "{because}, hors de cette partie",
                        "es": "{because}, fuera de esta parte",
                        "pt": "{because}, fora desta parte",
                        "it": "{because}, fuori da questa parte",
                        "ru": "{because}, вне этой части"},
    "and more": {"en": "{claims} and {more} more", "de": "{claims} und {more} weiterer",
                 "fr": "{claims} et {more} autres", "es": "{claims} y {more} más",
                 "pt": "{claims} e mais {more}", "it": "{claims} e altri {more}",
                 "ru": "{claims} и ещё {more}"},
    # Tooltips: a link's, a claim's note. (A critical question in full is the English of
    # argmap's catalogue of schemes, `argmap questions`.)
    "supports tip": {"en": "{a} supports {b}", "de": "{a} stützt {b}", "fr": "{a} soutient {b}",
                     "es": "{a} apoya {b}", "pt": "{a} apoia {b}", "it": "{a} sostiene {b}",
                     "ru": "{a} поддерживает {b}"},
    "attacks tip": {"en": "{a} attacks {b}", "de": "{a} greift {b} an", "fr": "{a} attaque {b}",
                    "es": "{a} ataca {b}", "pt": "{a} ataca {b}", "it": "{a} attacca {b}",
                    "ru": "{a} атакует {b}"},
    "undercuts tip": {"en": "{a} undercuts {b}", "de": "{a} untergräbt {b}", "fr": "{a} sape {b}",
                      "es": "{a} socava {b}", "pt": "{a} mina {b}", "it": "{a} mina {b}",
                      "ru": "{a} подрывает {b}"},
    "contradict tip": {"en": "{a} and {b} contradict each other",
                       "de": "{a} und {b} widersprechen einander",
                       "fr": "{a} et {b} se contredisent", "es": "{a} y {b} se contradicen",
                       "pt": "{a} e {b} contradizem-se", "it": "{a} e {b} si contraddicono",
                       "ru": "{a} и {b} противоречат друг другу"},
    "restates tip": {"en": "{a} restates {b}: one statement in other words",
                     "de": "{a} besagt dasselbe wie {b}, in anderen Worten",
                     "fr": "{a} reformule {b} : le même énoncé en d’autres termes",
                     "es": "{a} reformula {b}: el mismo enunciado con otras palabras",
                     "pt": "{a} reformula {b}: o mesmo enunciado por outras palavras",
                     "it": "{a} riformula {b}: lo stesso enunciato con altre parole",
                     "ru": "{a} переформулирует {b}: то же утверждение другими словами"},
    # A draft (render --draft): the heading's first line, the SVG's <title>, the legend's
    # word for a claim that carries errors (its tooltip says which).
    "draft": {"en": "DRAFT", "de": "ENTWURF", "fr": "BROUILLON", "es": "BORRADOR",
              "pt": "RASCUNHO", "it": "BOZZA", "ru": "ЧЕРНОВИК"},
    "errors.one": {"en": "{n} error", "de": "{n} Fehler", "fr": "{n} erreur", "es": "{n} error",
                   "pt": "{n} erro", "it": "{n} errore", "ru": "{n} ошибка"},
    "errors.few": {"en": "{n} errors", "de": "{n} Fehler", "fr": "{n} erreurs",
                   "es": "{n} errores", "pt": "{n} erros", "it": "{n} errori",
                   "ru": "{n} ошибки"},
    "errors.many": {"en": "{n} errors", "de": "{n} Fehler", "fr": "{n} erreurs",
                    "es": "{n} errores", "pt": "{n} erros", "it": "{n} errori",
                    "ru": "{n} ошибок"},
    "left out.one": {"en": "{n} claim left out", "de": "{n} Aussage ausgelassen",
                     "fr": "{n} énoncé omis", "es": "{n} afirmación omitida",
                     "pt": "{n} afirmação omitida", "it": "{n} affermazione omessa",
                     "ru": "{n} утверждение пропущено"},
    "left out.few": {"en": "{n} claims left out", "de": "{n} Aussagen ausgelassen",
                     "fr": "{n} énoncés omis", "es": "{n} afirmaciones omitidas",
                     "pt": "{n} afirmações omitidas", "it": "{n} affermazioni omesse",
                     "ru": "{n} утверждения пропущены"},
    "left out.many": {"en": "{n} claims left out", "de": "{n} Aussagen ausgelassen",
                      "fr": "{n} énoncés omis", "es": "{n} afirmaciones omitidas",
                      "pt": "{n} afirmações omitidas", "it": "{n} affermazioni omesse",
                      "ru": "{n} утверждений пропущено"},
    "draft title": {"en": "Draft with {errors}: {title}", "de": "Entwurf mit {errors}: {title}",
                    "fr": "Brouillon avec {errors} : {title}",
                    "es": "Borrador con {errors}: {title}", "pt": "Rascunho com {errors}: {title}",
                    "it": "Bozza con {errors}: {title}", "ru": "Черновик ({errors}): {title}"},
    "draft means": {"en": "has errors (its tooltip says which)",
                    "de": "hat Fehler (sein Tooltip nennt sie)",
                    "fr": "a des erreurs (son infobulle les dit)",
                    "es": "tiene errores (su información emergente los dice)",
                    "pt": "tem erros (a sua dica diz quais)",
                    "it": "ha errori (il suo tooltip dice quali)",
                    "ru": "содержит ошибки (подсказка называет их)"},
    "errors": {"en": "Errors:", "de": "Fehler:", "fr": "Erreurs :", "es": "Errores:",
               "pt": "Erros:", "it": "Errori:", "ru": "Ошибки:"},
    "note": {"en": "Note: {note}", "de": "Anmerkung: {note}", "fr": "Note : {note}",
             "es": "Nota: {note}", "pt": "Nota: {note}", "it": "Nota: {note}",
             "ru": "Примечание: {note}"},
    # The words around the drawing: the HTML view's and the SVG's <desc>; the other pages'.
    **PHRASES,
    **PAGES,
    **ANALYST,
}
# fmt: on

#: The words drawn in capitals, as written.
TAGS = (
    "premise", "conclusion", "recommendation", "implicit premise", "implicit conclusion",
    "implicit recommendation", "main thesis", "implicit", "opponent", "analyst's objection",
    "analyst's kind", "analyst's", "defeated", "undecided",
    "figure of", "figure", "draft",
)  # fmt: skip

#: The words that name figures by number, which a fitted figure is laid out with placeholders
#: in and gets its numbers filled into (:func:`argmap.draw.numbering.fill_numbers`).
NUMBERED = (
    "continued in", "continued in many", "in full in", "used in", "used in many",
    "continued from", "figure of",
)  # fmt: skip


def _plural(lang: str, n: int) -> str:
    """Which form of a count ``n`` takes in ``lang``: ``one``, ``few`` or ``many``.

    >>> [_plural("ru", n) for n in (1, 3, 5, 11, 21)], _plural("fr", 0), _plural("en", 0)
    (['one', 'few', 'many', 'many', 'one'], 'one', 'many')
    """
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        return "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"
    return "one" if n == 1 or (lang == "fr" and n == 0) else "many"


@attrs.frozen
class Words:
    """argmap's words in one language (:func:`vocabulary`): ``words("premise")``; and the
    language of the map's own text, by which its long words are hyphenated (``hyphens``, a
    BCP 47 tag; None: broken where a line ends)."""

    lang: str = "en"
    hyphens: str | None = None

    def __call__(self, key: str, **fields: object) -> str:
        """The word ``key``, its fields filled in."""
        return WORDS[key][self.lang].format(**fields)

    def typeset(self, key: str, **fields: object) -> str:
        """The word ``key`` for a page or a description, its spaces that a line may not break
        at no-break as the drawing's (``Source\xa0:``), its fields filled in as they are."""
        return glued(WORDS[key][self.lang]).format(**fields)

    def figures(self, key: str, numbers: Sequence[object]) -> str:
        """``key`` naming one figure, or several (``key many``) by their numbers and commas.

        >>> Words().figures("used in", [2]), Words().figures("used in", [2, 3])
        ('used in figure 2', 'used in figures 2, 3')
        """
        if len(numbers) == 1:
            return self(key, n=numbers[0])
        return self(key + " many", ns=", ".join(map(str, numbers)))

    def listed(self, items: Sequence[str]) -> str:
        """Items as a sentence lists them: ``1, 2 and 6``."""
        if len(items) < 2:
            return "".join(items)
        return self("and", items=", ".join(items[:-1]), last=items[-1])

    def counted(self, key: str, n: int) -> str:
        """``n`` things of ``key`` (``reasons``, ``objections``) in the form ``n`` takes."""
        return self(self.plural(key, n), n=n)

    def plural(self, key: str, n: int) -> str:
        """The entry of ``key`` in the form a count of ``n`` takes (``key.one``, ``.few``,
        ``.many``), for a word with more fields than the count."""
        return f"{key}.{_plural(self.lang, n)}"

    def numbered(self, marker: bytes) -> tuple[tuple[bytes, ...], bytes]:
        """How the texts that name figures by number start (up to the number), and how a
        stub's line that names a figure by the start of its claim starts (``figure 4: ``),
        with ``marker`` for its number; in UTF-8, as Graphviz writes them."""
        starts = tuple(WORDS[key][self.lang].split("{")[0].encode() for key in NUMBERED)
        before, after = WORDS["lead"][self.lang].split("{n}")
        return starts, before.encode() + marker + after.split("{")[0].encode()


ENGLISH = Words()


def vocabulary(lang: str | None) -> Words:
    """The words a map in ``lang`` (a BCP 47 tag, or None) is drawn with: those of its primary
    subtag where argmap has them, else English.

    >>> vocabulary("de-AT").lang, vocabulary("nl").lang, vocabulary(None).lang
    ('de', 'en', 'en')
    """
    primary = (lang or "").split("-")[0].lower()
    return Words(primary if primary in LANGUAGES else "en", hyphens=lang) if lang else ENGLISH


__all__ = ["ENGLISH", "LANGUAGES", "NUMBERED", "TAGS", "WORDS", "Words", "vocabulary"]
