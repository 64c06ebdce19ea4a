"""The opschrift (heading title) of an article, bijlage or division in the amending bill: what
`amend` writes for a title changed, given or taken away, what `apply` reads, and the lawyer's
reproduction (a changed title made `amend` fail its own check)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_amend_apply import _apply
from test_amend_support import HEAD, bill, version
from wetgeving.amend.apply import apply_bill
from wetgeving.amend.reader import read_instructions
from wetgeving.cli.app import app

runner = CliRunner()

TITLE_CASES = [
    pytest.param(
        "## Artikel 1 Oude titel\n\nTekst een.\n\n## Artikel 2\n\nTekst twee.\n",
        "## Artikel 1 Nieuwe titel\n\nTekst een.\n\n## Artikel 2\n\nTekst twee.\n",
        "A\n\nIn het opschrift van artikel 1 wordt «Oude» vervangen door «Nieuwe».\n",
        id="woorden",
    ),
    pytest.param(
        "## Artikel 4 Straf\n\nTekst vier.\n",
        "## Artikel 4 Straf en maatregel\n\nTekst vier.\n",
        "A\n\nAan het opschrift van artikel 4 wordt «en maatregel» toegevoegd.\n",
        id="woorden_aan_het_slot",
    ),
    pytest.param(
        "## Artikel 1 Oude titel\n\nTekst een.\n",
        "## Artikel 1 Reikwijdte en begripsbepalingen\n\nTekst een.\n",
        "A\n\nHet opschrift van artikel 1 komt te luiden:\n\nReikwijdte en begripsbepalingen\n",
        id="komt_te_luiden",
    ),
    pytest.param(
        "## Artikel 2\n\nTekst twee.\n",
        "## Artikel 2 Begripsbepalingen\n\nTekst twee.\n",
        "A\n\nArtikel 2 wordt voorzien van een opschrift, luidende:\n\nBegripsbepalingen\n",
        id="voorzien",
    ),
    pytest.param(
        "## Artikel 3 Begripsbepalingen\n\nTekst drie.\n",
        "## Artikel 3\n\nTekst drie.\n",
        "A\n\nHet opschrift van artikel 3 vervalt.\n",
        id="vervalt",
    ),
    pytest.param(
        "## Artikel 4 Vier\n\n1. Tekst vier.\n2. Nog meer.\n",
        "## Artikel 4 Vier en vijf\n\n1. Tekst vier gewijzigd.\n2. Nog meer.\n",
        "A\n\nArtikel 4 wordt als volgt gewijzigd:\n\n1. Aan het opschrift wordt «en vijf» "
        "toegevoegd.\n\n2. Aan het eerste lid wordt «gewijzigd» toegevoegd.\n",
        id="met_de_tekst",
    ),
    pytest.param(
        "## Artikel 4\n\n1. Tekst vier.\n2. Nog meer.\n",
        "## Artikel 4 Vier\n\n1. Tekst vier gewijzigd.\n2. Nog meer.\n",
        "A\n\nArtikel 4 wordt als volgt gewijzigd:\n\n1. Het artikel wordt voorzien van een "
        "opschrift, luidende:\n\nVier\n\n2. Aan het eerste lid wordt «gewijzigd» toegevoegd.\n",
        id="voorzien_met_de_tekst",
    ),
    pytest.param(
        "## Artikel 4 Vier\n\n1. Tekst vier.\n2. Nog meer.\n",
        "## Artikel 4\n\n1. Tekst vier gewijzigd.\n2. Nog meer.\n",
        "A\n\nArtikel 4 wordt als volgt gewijzigd:\n\n1. Het opschrift vervalt.\n\n2. Aan het "
        "eerste lid wordt «gewijzigd» toegevoegd.\n",
        id="vervalt_met_de_tekst",
    ),
    pytest.param(
        "## Artikel 1 Oude titel\n\nTekst een.\n\n## Artikel 2\n\nTekst twee.\n",
        "## Artikel 2 Nieuwe titel\n\nTekst een.\n\n## Artikel 3\n\nTekst twee.\n",
        "A\n\nArtikel 2 wordt vernummerd tot artikel 3.\n\nB\n\nArtikel 1 wordt vernummerd tot "
        "artikel 2 en wordt als volgt gewijzigd:\n\nIn het opschrift wordt «Oude» vervangen "
        "door «Nieuwe».\n",
        id="vernummerd",
    ),
    pytest.param(
        "## Enig artikel Oude kop\n\nIedereen mag lopen.\n",
        "## Enig artikel Nieuwe kop\n\nIedereen mag lopen.\n",
        "A\n\nIn het opschrift van het enig artikel wordt «Oude» vervangen door «Nieuwe».\n",
        id="enig_artikel",
    ),
    pytest.param(
        "## Artikel 1\n\nTekst.\n\n## Bijlage I. Lijst van diensten\n\nHet model.\n",
        "## Artikel 1\n\nTekst.\n\n## Bijlage I. Lijst van musea\n\nHet model.\n",
        "A\n\nIn het opschrift van bijlage I wordt «diensten» vervangen door «musea».\n",
        id="bijlage",
    ),
    pytest.param(
        "## Artikel 1\n\nTekst.\n\n## Bijlage I\n\nHet model.\n",
        "## Artikel 1\n\nTekst.\n\n## Bijlage I. Lijst van musea\n\nHet model.\n",
        "A\n\nBijlage I wordt voorzien van een opschrift, luidende:\n\nLijst van musea\n",
        id="bijlage_voorzien",
    ),
    pytest.param(
        "## Artikel 1\n\nTekst.\n\n## Bijlage. Lijst\n\nHet model.\n",
        "## Artikel 1\n\nTekst.\n\n## Bijlage\n\nHet model.\n",
        "A\n\nHet opschrift van de bijlage vervalt.\n",
        id="bijlage_zonder_nummer",
    ),
    pytest.param(
        "## Artikel 1\n\nTekst.\n\n## Bijlage I. Lijst van diensten\n\nHet model.\n",
        "## Artikel 1\n\nTekst.\n\n## Bijlage I. Lijst van musea\n\nHet nieuwe model.\n",
        "A\n\nBijlage I komt te luiden:\n\nBijlage I. Lijst van musea\n\nHet nieuwe model.\n",
        id="bijlage_en_tekst",
    ),
    pytest.param(
        "# Titel. Slot\n\n## Artikel 1\n\nTekst.\n",
        "# Titel. Slot der wet\n\n## Artikel 1\n\nTekst.\n",
        "A\n\nAan het opschrift van Titel wordt «der wet» toegevoegd.\n",
        id="indeling_zonder_nummer",
    ),
    pytest.param(
        "# Titel I\n\n## Artikel 1\n\nTekst.\n",
        "# Titel I. Nieuwe naam\n\n## Artikel 1\n\nTekst.\n",
        "A\n\nHet opschrift van Titel I komt te luiden:\n\nTitel I. Nieuwe naam\n",
        id="indeling_krijgt_titel",
    ),
    pytest.param(
        "## Artikel 1\n\nTekst.\n",
        "## Artikel 1\n\nTekst.\n\n## Artikel 2 Straf; maatregel\n\nNieuw.\n",
        "A\n\nNa artikel 1 wordt een artikel ingevoegd, luidende:\n\nArtikel 2 Straf; "
        "maatregel\n\nNieuw.\n",
        id="nieuw_artikel_met_leestekens",
    ),
    pytest.param(
        "## Enig artikel Oude kop\n\nIedereen mag lopen.\n",
        "## Enig artikel Nieuwe kop\n\nNiemand mag fietsen of rennen vandaag.\n",
        "A\n\nHet enig artikel komt te luiden:\n\nEnig artikel Nieuwe kop\n\nNiemand mag fietsen "
        "of rennen vandaag.\n",
        id="enig_artikel_komt_te_luiden",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), TITLE_CASES)
def test_title_formula(old: str, new: str, expected: str) -> None:
    """A changed opschrift gets its Ar formula, word for word, and the bill (read back from its
    text and applied) gives the new version: words "In het opschrift van artikel 1 wordt ...",
    a rewrite "komt te luiden", a new one "wordt voorzien van een opschrift" (Ar 3.55), none any
    more "vervalt"; for articles, bijlagen, the enig artikel and divisions."""
    assert bill(old, new) == HEAD + expected


def test_title_in_the_classic_style() -> None:
    """--stijl klassiek: «A» vervangen door: B, in an opschrift too."""
    old = "## Artikel 1 Oude titel\n\nTekst een.\n"
    new = "## Artikel 1 Nieuwe titel\n\nTekst een.\n"
    assert (
        bill(old, new, "klassiek")
        == HEAD + "A\n\nIn het opschrift van artikel 1 wordt «Oude» vervangen door: Nieuwe.\n"
    )


BEFORE = "Artikel 1 Oude titel\nTekst een.\n\nArtikel 2\nTekst twee."


@pytest.mark.parametrize(
    ("instruction", "titles"),
    [
        ("In het opschrift van artikel 1 wordt «Oude» vervangen door «Nieuwe».", "Nieuwe titel"),
        ('In het opschrift van artikel 1 wordt "Oude" vervangen door "Nieuwe".', "Nieuwe titel"),
        ("In het opschrift van artikel 1 wordt „Oude” vervangen door „Nieuwe”.", "Nieuwe titel"),
        ("In het opschrift van artikel 1 wordt «Oude» vervangen door: Nieuwe.", "Nieuwe titel"),
        ("Aan het opschrift van artikel 1 wordt «en meer» toegevoegd.", "Oude titel en meer"),
        ("In het opschrift van artikel 1 vervalt «Oude».", "titel"),
        ("Het opschrift van artikel 1 komt te luiden: Definities.", "Definities"),
        ("Het opschrift van artikel 1 komt te luiden: «Definities».", "Definities"),
        ("Het opschrift van artikel 1 komt te luiden:\n\nArtikel 1. Definities", "Definities"),
        ("Het opschrift van artikel 1 komt te luiden:\n\nDefinities.", "Definities."),
        ("Het opschrift van artikel 1 vervalt.", ""),
        ("In artikel 1 vervalt het opschrift.", ""),
        (
            "Artikel 1 wordt als volgt gewijzigd:\n\n1. Het opschrift komt te luiden:\n\n"
            "Geheel nieuw\n\n2. In de tekst wordt «een» vervangen door «drie».",
            "Geheel nieuw",
        ),
        (
            "Artikel 1 wordt als volgt gewijzigd:\n\n1. In het opschrift wordt «Oude» vervangen "
            "door «Nieuwe».\n\n2. In de tekst wordt «een» vervangen door «drie».",
            "Nieuwe titel",
        ),
    ],
)
def test_published_title_instructions(instruction: str, titles: str) -> None:
    """`apply` reads the formulas for an opschrift as published: every quoting style, the new
    title on the formula's line (its closing period and quotation marks are no part of it) or
    on its own paragraph (as written), the heading repeated ("Artikel 1. Definities"), inside a
    group ("Het opschrift komt te luiden:") and "In artikel 1 vervalt het opschrift"."""
    result, problems = _apply(instruction, BEFORE)
    assert problems == []
    assert [(a.number, a.title) for a in result.children] == [("1", titles), ("2", "")]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "instruction",
    [
        "Artikel 2 wordt voorzien van een opschrift, luidende:\n\nDefinities",
        "Artikel 2 wordt voorzien van een opschrift, luidende: Definities.",
        "Aan artikel 2 wordt een opschrift toegevoegd, luidende: Definities.",
        "Boven artikel 2 wordt een opschrift geplaatst, luidende: «Definities».",
    ],
)
def test_published_title_given(instruction: str) -> None:
    """An article without an opschrift gets one: "wordt voorzien van een opschrift" (Ar 3.55)
    and the forms "Aan/Boven artikel 2 wordt een opschrift toegevoegd/geplaatst"."""
    result, problems = _apply(instruction, BEFORE)
    assert problems == []
    assert [(a.number, a.title) for a in result.children] == [  # type: ignore[attr-defined]
        ("1", "Oude titel"),
        ("2", "Definities"),
    ]


@pytest.mark.parametrize(
    ("instruction", "problem"),
    [
        (
            "Het opschrift van artikel 2 vervalt.",
            "opdrachten.txt:1: artikel 2 heeft geen opschrift",
        ),
        (
            "In het opschrift van artikel 2 wordt «a» vervangen door «b».",
            "opdrachten.txt:1: artikel 2 heeft geen opschrift",
        ),
        (
            "Artikel 1 wordt voorzien van een opschrift, luidende: Definities.",
            "opdrachten.txt:1: artikel 1 heeft al een opschrift; schrijf 'Het opschrift van "
            "artikel 1 komt te luiden:'",
        ),
        (
            "In het opschrift van artikel 1 wordt «Nieuwe» vervangen door «Oude».",
            "opdrachten.txt:1: «Nieuwe» komt niet voor in het opschrift van artikel 1",
        ),
        (
            "In het opschrift van artikel 3 vervalt «Oude».",
            "opdrachten.txt:1: artikel 3 bestaat niet in versie voor",
        ),
        (
            "Het opschrift komt te luiden: Definities.",
            "opdrachten.txt:1: verwijzing zonder artikel: noem het artikel ('In artikel 5, ...')",
        ),
        (
            "Artikel 1, eerste lid, wordt voorzien van een opschrift, luidende: X.",
            "opdrachten.txt:1: 'Artikel 1, eerste lid' is geen artikel of bijlage",
        ),
    ],
)
def test_title_instruction_that_does_not_fit(instruction: str, problem: str) -> None:
    """An opschrift instruction that does not fit the text is named with its line."""
    _, problems = _apply(instruction, BEFORE)
    assert problems == [problem]


def test_division_title_words_as_published() -> None:
    """ "In het opschrift van Titel XXXI van het Tweede Boek wordt ..." and "hoofdstuk 2"
    (lower case, as Ar 3.29 cites it) change the title of the division."""
    before = version(
        "voor",
        "# Titel I. Oude naam\n\n## Artikel 1\n\nTekst.\n\n# Hoofdstuk 2. Slot van de wet\n\n"
        "## Artikel 2\n\nTwee.\n",
    )
    reading = read_instructions(
        "A\n\nIn het opschrift van Titel I wordt «Oude» vervangen door «Nieuwe».\n\n"
        "B\n\nIn het opschrift van hoofdstuk 2 vervalt «van de wet».\n"
    )
    outcome = apply_bill(reading.bill, before.regelingen, "voor")
    assert (reading.problems, outcome.problems) == ((), ())
    assert [d.title for d in outcome.regelingen[0].children] == ["Nieuwe naam", "Slot"]


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_lawyers_reproduction(tmp_path: Path) -> None:
    """The reported case: a changed article title made `amend` fail its own check (exit 10).
    Now the diff shows the opschrift, `amend` writes the Ar formula and passes its check, its
    JSON names the opschrift as target, and the MvT says what changed, with that change of the
    bill. The bill makes one change: no onderdeel letter (JSON "onderdeel": ""), the regulation
    named in the change, and the MvT cites it as "Artikel I"."""
    root = tmp_path / "x"
    assert _run("init", str(root), "--titel", "Proef")[0] == 0
    draft = root / "drafts" / "a.md"
    draft.write_text(
        "---\ntitel: Wetboek van Strafrecht\n---\n\n## Artikel 1 Oude titel\n\nTekst een.\n\n"
        "## Artikel 2\n\nTekst twee.\n",
        encoding="utf-8",
    )
    dossier = ("--dossier", str(root))
    assert _run(*dossier, "version", "create", "v1", "-m", "v1")[0] == 0
    draft.write_text(draft.read_text(encoding="utf-8").replace("Oude", "Nieuwe"), "utf-8")
    assert _run(*dossier, "version", "create", "v2", "-m", "v2")[0] == 0

    code, out, _ = _run(*dossier, "diff", "v1", "v2")
    assert code == 0
    assert out.split("\n", 2)[2] == (
        "artikel 1: 1 gewijzigd\n  gewijzigd: artikel 1\n    opschrift: [-Oude-]{+Nieuwe+} titel\n"
    )
    assert _run(*dossier, "amend", "v1", "v2") == (
        0,
        "ARTIKEL I\n\nIn het opschrift van artikel 1 van het Wetboek van Strafrecht wordt «Oude» "
        "vervangen door «Nieuwe».\n",
        "",
    )
    code, out, err = _run(*dossier, "amend", "v1", "v2", "--format", "json")
    assert (code, err) == (0, "")
    (only,) = json.loads(out)["instructions"]
    assert {k: only[k] for k in ("onderdeel", "formula", "target", "old_id", "new_id")} == {
        "onderdeel": "",
        "formula": "woorden",
        "target": "het opschrift van artikel 1",
        "old_id": "art.1",
        "new_id": "art.1",
    }
    code, out, _ = _run(*dossier, "mvt", "v2", "--against", "v1")
    assert code == 0
    assert out.split("## II. ARTIKELSGEWIJS DEEL\n\n", 1)[1] == (
        "### Artikel 1\n\n_Wijziging:_ Het opschrift van het artikel is gewijzigd.\n\n"
        "> **Artikel I**\n>\n"
        "> In het opschrift van artikel 1 van het Wetboek van Strafrecht wordt «Oude» vervangen "
        "door «Nieuwe».\n\n"
        "_[Toelichting nog te schrijven in toelichting/1.md]_\n"
    )
