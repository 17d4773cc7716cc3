"""argmap's words around its drawings, by language: the HTML view's (its headings, buttons,
labels, help and live region) and the SVG's ``<desc>`` (what a map, and a fitted figure, show
to readers who cannot see them). Part of :data:`argmap.words.WORDS`, the one table of
argmap's words, kept here for its length; the same rules hold: fields in braces kept, and
spaces typed plain, French ones before ``: ; ! ?`` and inside guillemets too, which
:meth:`argmap.words.Words.typeset` makes no-break as the drawing does."""

from __future__ import annotations

# fmt: off
PHRASES: dict[str, dict[str, str]] = {
    # The HTML view: the line under the title before a claim is chosen, beside the article
    # ("article") or with the map alone ("map"), with a mouse ("hover") or on a touch screen.
    "hint article hover": {
        "en": "Hover or focus a claim to see the passages it quotes; select a passage to see"
              " its claim.",
        "de": "Fahren Sie über eine Aussage oder fokussieren Sie sie, um die Stellen zu sehen,"
              " die sie zitiert; wählen Sie eine Stelle, um ihre Aussage zu sehen.",
        "fr": "Survolez un énoncé ou placez-y le focus pour voir les passages qu’il cite ;"
              " choisissez un passage pour voir son énoncé.",
        "es": "Pase el puntero sobre una afirmación o enfóquela para ver los pasajes que cita;"
              " seleccione un pasaje para ver su afirmación.",
        "pt": "Passe o ponteiro sobre uma afirmação ou foque-a para ver os trechos que cita;"
              " selecione um trecho para ver a sua afirmação.",
        "it": "Passa il puntatore su un’affermazione o mettila a fuoco per vedere i passi che"
              " cita; seleziona un passo per vedere la sua affermazione.",
        "ru": "Наведите указатель на утверждение или переведите на него фокус, чтобы увидеть"
              " цитируемые им отрывки; выберите отрывок, чтобы увидеть его утверждение."},
    "hint article touch": {
        "en": "Tap a claim to see the passages it quotes; tap a passage to see its claim.",
        "de": "Tippen Sie auf eine Aussage, um die Stellen zu sehen, die sie zitiert; tippen Sie"
              " auf eine Stelle, um ihre Aussage zu sehen.",
        "fr": "Touchez un énoncé pour voir les passages qu’il cite ; touchez un passage pour"
              " voir son énoncé.",
        "es": "Toque una afirmación para ver los pasajes que cita; toque un pasaje para ver su"
              " afirmación.",
        "pt": "Toque numa afirmação para ver os trechos que cita; toque num trecho para ver a sua"
              " afirmação.",
        "it": "Tocca un’affermazione per vedere i passi che cita; tocca un passo per vedere la"
              " sua affermazione.",
        "ru": "Коснитесь утверждения, чтобы увидеть цитируемые им отрывки; коснитесь отрывка,"
              " чтобы увидеть его утверждение."},
    "hint map hover": {
        "en": "Hover or focus a claim; its quotes show as a tooltip.",
        "de": "Fahren Sie über eine Aussage oder fokussieren Sie sie; ihre Zitate erscheinen als"
              " Tooltip.",
        "fr": "Survolez un énoncé ou placez-y le focus ; ses citations s’affichent dans une"
              " infobulle.",
        "es": "Pase el puntero sobre una afirmación o enfóquela; sus citas aparecen en una"
              " información emergente.",
        "pt": "Passe o ponteiro sobre uma afirmação ou foque-a; as suas citações aparecem numa"
              " dica.",
        "it": "Passa il puntatore su un’affermazione o mettila a fuoco; le sue citazioni"
              " compaiono in un tooltip.",
        "ru": "Наведите указатель на утверждение или переведите на него фокус; его цитаты"
              " появятся во всплывающей подсказке."},
    "hint map touch": {"en": "Tap a claim to read it here.",
                       "de": "Tippen Sie auf eine Aussage, um sie hier zu lesen.",
                       "fr": "Touchez un énoncé pour le lire ici.",
                       "es": "Toque una afirmación para leerla aquí.",
                       "pt": "Toque numa afirmação para a ler aqui.",
                       "it": "Tocca un’affermazione per leggerla qui.",
                       "ru": "Коснитесь утверждения, чтобы прочитать его здесь."},
    # The HTML view's panes and its zoom buttons (a button's title adds its key).
    "source text": {"en": "Source text", "de": "Text der Quelle", "fr": "Texte source",
                    "es": "Texto de la fuente", "pt": "Texto da fonte", "it": "Testo della fonte",
                    "ru": "Текст источника"},
    "argument map": {"en": "Argument map", "de": "Argumentkarte", "fr": "Carte argumentative",
                     "es": "Mapa argumental", "pt": "Mapa argumentativo",
                     "it": "Mappa argomentativa", "ru": "Карта аргументации"},
    "zoom": {"en": "Zoom", "de": "Zoom", "fr": "Zoom", "es": "Zoom", "pt": "Zoom", "it": "Zoom",
             "ru": "Масштаб"},
    "zoom out": {"en": "Zoom out", "de": "Verkleinern", "fr": "Zoom arrière", "es": "Alejar",
                 "pt": "Reduzir", "it": "Riduci", "ru": "Уменьшить"},
    "zoom in": {"en": "Zoom in", "de": "Vergrößern", "fr": "Zoom avant", "es": "Acercar",
                "pt": "Ampliar", "it": "Ingrandisci", "ru": "Увеличить"},
    "fit map": {"en": "Fit the whole map", "de": "Ganze Karte einpassen",
                "fr": "Ajuster toute la carte", "es": "Ajustar el mapa entero",
                "pt": "Ajustar o mapa inteiro", "it": "Adatta l’intera mappa",
                "ru": "Показать всю карту"},
    "fit": {"en": "Fit", "de": "Einpassen", "fr": "Ajuster", "es": "Ajustar", "pt": "Ajustar",
            "it": "Adatta", "ru": "Вся карта"},
    # A claim's button in the HTML view: its kind (the tag, as a word) and its text.
    "labelled": {"en": "{kind}: {text}", "de": "{kind}: {text}", "fr": "{kind} : {text}",
                 "es": "{kind}: {text}", "pt": "{kind}: {text}", "it": "{kind}: {text}",
                 "ru": "{kind}: {text}"},
    # The live region, after a chosen claim: how many passages of the article it quotes.
    "quoted.one": {"en": "{n} quoted passage", "de": "{n} zitierte Stelle",
                   "fr": "{n} passage cité", "es": "{n} pasaje citado", "pt": "{n} trecho citado",
                   "it": "{n} passo citato", "ru": "{n} цитируемый отрывок"},
    "quoted.few": {"en": "{n} quoted passages", "de": "{n} zitierte Stellen",
                   "fr": "{n} passages cités", "es": "{n} pasajes citados",
                   "pt": "{n} trechos citados", "it": "{n} passi citati",
                   "ru": "{n} цитируемых отрывка"},
    "quoted.many": {"en": "{n} quoted passages", "de": "{n} zitierte Stellen",
                    "fr": "{n} passages cités", "es": "{n} pasajes citados",
                    "pt": "{n} trechos citados", "it": "{n} passi citati",
                    "ru": "{n} цитируемых отрывков"},
    "no quote": {"en": "no quote", "de": "kein Zitat", "fr": "aucune citation",
                 "es": "ninguna cita", "pt": "nenhuma citação", "it": "nessuna citazione",
                 "ru": "нет цитат"},
    # The SVG's <desc>: the map's account, its size, source, main thesis, recommendations.
    "described": {"en": "Argument map: {counts}.", "de": "Argumentkarte: {counts}.",
                  "fr": "Carte argumentative : {counts}.", "es": "Mapa argumental: {counts}.",
                  "pt": "Mapa argumentativo: {counts}.", "it": "Mappa argomentativa: {counts}.",
                  "ru": "Карта аргументации: {counts}."},
    "premises.one": {"en": "{n} premise", "de": "{n} Prämisse", "fr": "{n} prémisse",
                     "es": "{n} premisa", "pt": "{n} premissa", "it": "{n} premessa",
                     "ru": "{n} посылка"},
    "premises.few": {"en": "{n} premises", "de": "{n} Prämissen", "fr": "{n} prémisses",
                     "es": "{n} premisas", "pt": "{n} premissas", "it": "{n} premesse",
                     "ru": "{n} посылки"},
    "premises.many": {"en": "{n} premises", "de": "{n} Prämissen", "fr": "{n} prémisses",
                      "es": "{n} premisas", "pt": "{n} premissas", "it": "{n} premesse",
                      "ru": "{n} посылок"},
    "conclusions.one": {"en": "{n} conclusion", "de": "{n} Schlussfolgerung",
                        "fr": "{n} conclusion", "es": "{n} conclusión", "pt": "{n} conclusão",
                        "it": "{n} conclusione", "ru": "{n} вывод"},
    "conclusions.few": {"en": "{n} conclusions", "de": "{n} Schlussfolgerungen",
                        "fr": "{n} conclusions", "es": "{n} conclusiones", "pt": "{n} conclusões",
                        "it": "{n} conclusioni", "ru": "{n} вывода"},
    "conclusions.many": {"en": "{n} conclusions", "de": "{n} Schlussfolgerungen",
                         "fr": "{n} conclusions", "es": "{n} conclusiones",
                         "pt": "{n} conclusões", "it": "{n} conclusioni", "ru": "{n} выводов"},
    "recommendations.one": {"en": "{n} recommendation", "de": "{n} Empfehlung",
                            "fr": "{n} recommandation", "es": "{n} recomendación",
                            "pt": "{n} recomendação", "it": "{n} raccomandazione",
                            "ru": "{n} рекомендация"},
    "recommendations.few": {"en": "{n} recommendations", "de": "{n} Empfehlungen",
                            "fr": "{n} recommandations", "es": "{n} recomendaciones",
                            "pt": "{n} recomendações", "it": "{n} raccomandazioni",
                            "ru": "{n} рекомендации"},
    "recommendations.many": {"en": "{n} recommendations", "de": "{n} Empfehlungen",
                             "fr": "{n} recommandations", "es": "{n} recomendaciones",
                             "pt": "{n} recomendações", "it": "{n} raccomandazioni",
                             "ru": "{n} рекомендаций"},
    "no claims": {"en": "no claims", "de": "keine Aussagen", "fr": "aucun énoncé",
                  "es": "ninguna afirmación", "pt": "nenhuma afirmação",
                  "it": "nessuna affermazione", "ru": "нет утверждений"},
    "main thesis is": {"en": "Main thesis: {text}", "de": "Hauptthese: {text}",
                       "fr": "Thèse principale : {text}", "es": "Tesis principal: {text}",
                       "pt": "Tese principal: {text}", "it": "Tesi principale: {text}",
                       "ru": "Главный тезис: {text}"},
    "recommendation list": {"en": "Recommendation:", "de": "Empfehlung:",
                            "fr": "Recommandation :", "es": "Recomendación:",
                            "pt": "Recomendação:", "it": "Raccomandazione:",
                            "ru": "Рекомендация:"},
    "recommendations list": {"en": "Recommendations:", "de": "Empfehlungen:",
                             "fr": "Recommandations :", "es": "Recomendaciones:",
                             "pt": "Recomendações:", "it": "Raccomandazioni:",
                             "ru": "Рекомендации:"},
    # With --status: how many claims stand, and which are defeated or undecided.
    "status": {"en": "Status: {parts}", "de": "Status: {parts}", "fr": "Statut : {parts}",
               "es": "Estado: {parts}", "pt": "Estado: {parts}", "it": "Stato: {parts}",
               "ru": "Статус: {parts}"},
    "stand.one": {"en": "{n} claim stands", "de": "{n} Aussage hält stand",
                  "fr": "{n} énoncé tient", "es": "{n} afirmación se sostiene",
                  "pt": "{n} afirmação mantém-se", "it": "{n} affermazione regge",
                  "ru": "{n} утверждение устояло"},
    "stand.few": {"en": "{n} claims stand", "de": "{n} Aussagen halten stand",
                  "fr": "{n} énoncés tiennent", "es": "{n} afirmaciones se sostienen",
                  "pt": "{n} afirmações mantêm-se", "it": "{n} affermazioni reggono",
                  "ru": "{n} утверждения устояли"},
    "stand.many": {"en": "{n} claims stand", "de": "{n} Aussagen halten stand",
                   "fr": "{n} énoncés tiennent", "es": "{n} afirmaciones se sostienen",
                   "pt": "{n} afirmações mantêm-se", "it": "{n} affermazioni reggono",
                   "ru": "{n} утверждений устояло"},
    "defeated list": {"en": "defeated: {claims}", "de": "widerlegt: {claims}",
                      "fr": "réfutés : {claims}", "es": "refutadas: {claims}",
                      "pt": "refutadas: {claims}", "it": "confutate: {claims}",
                      "ru": "опровергнуты: {claims}"},
    "undecided list": {"en": "undecided: {claims}", "de": "unentschieden: {claims}",
                       "fr": "indécis : {claims}", "es": "indecisas: {claims}",
                       "pt": "indecisas: {claims}", "it": "indecise: {claims}",
                       "ru": "не решены: {claims}"},
    "semicolon": {"en": "; ", "de": "; ", "fr": " ; ", "es": "; ", "pt": "; ", "it": "; ",
                  "ru": "; "},
    "quoted": {"en": "“{text}”", "de": "„{text}“", "fr": "« {text} »",
               "es": "«{text}»", "pt": "«{text}»", "it": "«{text}»", "ru": "«{text}»"},
    # A fitted figure's <desc>, before the map's account: what it shows, where it goes on.
    "figure n": {"en": "figure {n}", "de": "Abbildung {n}", "fr": "figure {n}",
                 "es": "figura {n}", "pt": "figura {n}", "it": "figura {n}", "ru": "рис. {n}"},
    "figures n": {"en": "figures {ns}", "de": "Abbildungen {ns}", "fr": "figures {ns}",
                  "es": "figuras {ns}", "pt": "figuras {ns}", "it": "figure {ns}",
                  "ru": "рис. {ns}"},
    "figure thesis": {
        "en": "Figure {n} of {total}: the main thesis and the claims nearest it.",
        "de": "Abbildung {n} von {total}: die Hauptthese und die Aussagen, die ihr am nächsten"
              " sind.",
        "fr": "Figure {n} sur {total} : la thèse principale et les énoncés les plus proches.",
        "es": "Figura {n} de {total}: la tesis principal y las afirmaciones más cercanas a ella.",
        "pt": "Figura {n} de {total}: a tese principal e as afirmações mais próximas dela.",
        "it": "Figura {n} di {total}: la tesi principale e le affermazioni più vicine.",
        "ru": "Рисунок {n} из {total}: главный тезис и ближайшие к нему утверждения."},
    "figure top": {"en": "Figure {n} of {total}: {tops}, and its reasons and objections.",
                   "de": "Abbildung {n} von {total}: {tops} mit ihren Gründen und Einwänden.",
                   "fr": "Figure {n} sur {total} : {tops}, avec ses raisons et objections.",
                   "es": "Figura {n} de {total}: {tops}, con sus razones y objeciones.",
                   "pt": "Figura {n} de {total}: {tops}, com as suas razões e objeções.",
                   "it": "Figura {n} di {total}: {tops}, con le sue ragioni e obiezioni.",
                   "ru": "Рисунок {n} из {total}: {tops} с доводами и возражениями."},
    "figure tops": {"en": "Figure {n} of {total}: {tops}, and their reasons and objections.",
                    "de": "Abbildung {n} von {total}: {tops} mit ihren Gründen und Einwänden.",
                    "fr": "Figure {n} sur {total} : {tops}, avec leurs raisons et"
                          " objections.",
                    "es": "Figura {n} de {total}: {tops}, con sus razones y objeciones.",
                    "pt": "Figura {n} de {total}: {tops}, com as suas razões e objeções.",
                    "it": "Figura {n} di {total}: {tops}, con le loro ragioni e obiezioni.",
                    "ru": "Рисунок {n} из {total}: {tops} с доводами и возражениями."},
    "continued desc": {"en": "{continued}: the reasons and objections of {claim}",
                       "de": "{continued}: die Gründe und Einwände zu {claim}",
                       "fr": "{continued} : les raisons et objections de {claim}",
                       "es": "{continued}: las razones y objeciones de {claim}",
                       "pt": "{continued}: as razões e objeções de {claim}",
                       "it": "{continued}: le ragioni e le obiezioni di {claim}",
                       "ru": "{continued}: доводы и возражения к {claim}"},
    "more desc": {"en": "{continued}: more reasons and objections of {claim}",
                  "de": "{continued}: weitere Gründe und Einwände zu {claim}",
                  "fr": "{continued} : d’autres raisons et objections de {claim}",
                  "es": "{continued}: más razones y objeciones de {claim}",
                  "pt": "{continued}: mais razões e objeções de {claim}",
                  "it": "{continued}: altre ragioni e obiezioni di {claim}",
                  "ru": "{continued}: другие доводы и возражения к {claim}"},
    "elsewhere": {"en": "Also here, drawn in full elsewhere: {claims}.",
                  "de": "Auch hier, vollständig anderswo gezeichnet: {claims}.",
                  "fr": "Aussi ici, dessinés en entier ailleurs : {claims}.",
                  "es": "También aquí, dibujadas completas en otra parte: {claims}.",
                  "pt": "Também aqui, desenhadas por inteiro noutro lugar: {claims}.",
                  "it": "Anche qui, disegnate per intero altrove: {claims}.",
                  "ru": "Также здесь, полностью показаны в другом месте: {claims}."},
    # A part of a map drawn alone: its title, after the map's, says which. A debate's handout
    # for one side (render --side), and the claims around one (render --focus; {claim} is
    # "quoted", {steps} one of "steps", counted).
    "proponent side": {
        "en": "{title} (the proponent's side, and the opponent's claims it clashes with)",
        "de": "{title} (die Seite des Proponenten und die Aussagen des Opponenten, mit denen sie"
              " in Konflikt steht)",
        "fr": "{title} (le camp du proposant et les énoncés de l’opposant avec lesquels il est"
              " en conflit)",
        "es": "{title} (la parte del proponente y las afirmaciones del oponente con las que"
              " choca)",
        "pt": "{title} (a parte do proponente e as afirmações do oponente com que entra em"
              " conflito)",
        "it": "{title} (la parte del proponente e le affermazioni dell’opponente con cui si"
              " scontra)",
        "ru": "{title} (сторона пропонента и утверждения оппонента, с которыми она"
              " сталкивается)"},
    "opponent side": {
        "en": "{title} (the opponent's side, and the proponent's claims it clashes with)",
        "de": "{title} (die Seite des Opponenten und die Aussagen des Proponenten, mit denen sie"
              " in Konflikt steht)",
        "fr": "{title} (le camp de l’opposant et les énoncés du proposant avec lesquels il est"
              " en conflit)",
        "es": "{title} (la parte del oponente y las afirmaciones del proponente con las que"
              " choca)",
        "pt": "{title} (a parte do oponente e as afirmações do proponente com que entra em"
              " conflito)",
        "it": "{title} (la parte dell’opponente e le affermazioni del proponente con cui si"
              " scontra)",
        "ru": "{title} (сторона оппонента и утверждения пропонента, с которыми она"
              " сталкивается)"},
    "around": {"en": "{title} (around {claim}, {steps})",
               "de": "{title} (rund um {claim}, {steps})",
               "fr": "{title} (autour de {claim}, {steps})",
               "es": "{title} (en torno a {claim}, {steps})",
               "pt": "{title} (em torno de {claim}, {steps})",
               "it": "{title} (intorno a {claim}, {steps})",
               "ru": "{title} (вокруг {claim}, {steps})"},
    "steps.one": {"en": "{n} step", "de": "{n} Schritt", "fr": "{n} étape", "es": "{n} paso",
                  "pt": "{n} passo", "it": "{n} passo", "ru": "{n} шаг"},
    "steps.few": {"en": "{n} steps", "de": "{n} Schritte", "fr": "{n} étapes", "es": "{n} pasos",
                  "pt": "{n} passos", "it": "{n} passi", "ru": "{n} шага"},
    "steps.many": {"en": "{n} steps", "de": "{n} Schritte", "fr": "{n} étapes",
                   "es": "{n} pasos", "pt": "{n} passos", "it": "{n} passi", "ru": "{n} шагов"},
}
# fmt: on

__all__ = ["PHRASES"]
