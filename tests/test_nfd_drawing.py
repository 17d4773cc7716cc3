"""A map written in NFD (a letter and a combining accent, as some Mac tools write it) draws as
the same map in NFC: the drawing, its figures and their text see composed characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from click.testing import CliRunner

from argmap.api import load, render_figures, render_map
from argmap.cli import main

FRENCH = """argmap: 1
title: "La semaine de quatre jours, une fausse bonne idée ?"
lang: fr
premises:
  - id: promesse
    text: "On promet que la semaine de quatre jours rendra les salariés « plus heureux, plus productifs et moins malades »."
  - id: absenteisme
    text: Dans une PME lyonnaise, l’absentéisme a baissé de 30 % en un an, d’après son directeur général délégué.
  - id: etudes
    text: Les études étrangères évoquées concernent des entreprises déjà très équipées et créées récemment.
  - id: hopitaux
    text: Les hôpitaux, les écoles et les établissements médico-sociaux ne peuvent pas fermer un jour entier.
  - id: intensite
    text: Quatre journées plus longues épuisent davantage les salariés âgés et élèvent le risque d’accidents.
conclusions:
  - id: generalisation
    text: Les résultats très favorables d’une PME ne prouvent rien pour l’économie française entière.
    reasons:
      - [etudes]
    objections:
      - absenteisme
  - id: sante
    text: La santé des salariés n’est pas forcément améliorée par la semaine de quatre jours.
    reasons:
      - [intensite]
recommendations:
  - id: prudence
    text: Le gouvernement devrait expérimenter prudemment avant toute généralisation législative.
    thesis: true
    reasons:
      - [generalisation]
      - [sante]
      - [hopitaux]
    objections:
      - promesse
"""  # noqa: E501


def maps(tmp_path: Path) -> tuple[Path, Path]:
    composed, decomposed = tmp_path / "nfc.yaml", tmp_path / "nfd.yaml"
    composed.write_text(FRENCH, encoding="utf-8")
    decomposed.write_text(unicodedata.normalize("NFD", FRENCH), encoding="utf-8")
    assert composed.read_bytes() != decomposed.read_bytes()
    return composed, decomposed


def test_an_nfd_map_draws_as_the_nfc_map(tmp_path: Path) -> None:
    composed, decomposed = maps(tmp_path)
    assert render_map(load(decomposed), "svg") == render_map(load(composed), "svg")
    assert render_map(load(decomposed), "dot") == render_map(load(composed), "dot")


def test_an_nfd_maps_figures_are_the_nfc_maps(tmp_path: Path) -> None:
    composed, decomposed = maps(tmp_path)
    for fit in (720, 360):
        drawn = render_figures(load(decomposed), "svg", fit=fit)
        assert drawn == render_figures(load(composed), "svg", fit=fit), fit


def test_rendering_an_nfd_map_leaves_its_file_as_written(tmp_path: Path) -> None:
    _, decomposed = maps(tmp_path)
    written = decomposed.read_bytes()
    result = CliRunner().invoke(main, ["render", str(decomposed), "--fit", "720",
                                       "-o", str(tmp_path / "out") + "/"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert decomposed.read_bytes() == written
    drawn = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.svg"))
    assert "généralisation" in drawn and unicodedata.normalize("NFD", "é") not in drawn
