"""`wetgeving respond --file` with a reaction sent as a Word document (.docx)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import make_dossier
from wetgeving import dossier as dossier_mod
from wetgeving.cli.app import app
from wetgeving.consultation import store

DOCX = Path(__file__).parent / "fixtures" / "docx"
runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    make_dossier(tmp_path / "d")
    return tmp_path / "d"


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def _rid(out: str) -> str:
    found = re.findall(r"; id (\S+)\)$", out.strip().splitlines()[-1])
    assert found, out
    return str(found[0])


def test_word_reaction_with_a_data_block_reads_as_the_markdown_format(root: Path) -> None:
    """A .docx whose paragraphs hold the documented format (front matter typed in Word, curly
    quotes in the text) is read as a response file is."""
    code, out, err = _run(root, "respond", "--file", str(DOCX / "reactie.docx"))
    assert code == 0, err
    r = store.load(dossier_mod.load(root), _rid(out))
    assert (r.respondent, r.organisation, r.version) == (
        "Mr. A. Voorbeeld",
        "Stichting Voorbeeld (fictief)",
        "v1",
    )
    assert [(p.node, p.text) for p in r.points] == [
        ("art.273f/lid.1", "Het begrip “diensten” verdient een toelichting.")
    ]
    assert r.notes.strip() == "Ontvangen als Word-bestand."


def test_word_letter_is_one_general_point_with_the_data_from_the_options(root: Path) -> None:
    """A letter in Word with --respondent: its paragraphs (numbering as shown, table cells
    as paragraphs) are the text of one general point."""
    code, out, err = _run(
        root, "respond", "--file", str(DOCX / "brief.docx"), "--respondent", "B. Proefpersoon",
        "--version", "v1", "--date", "2026-11-20", "--niet-openbaar",
    )  # fmt: skip
    assert code == 0, err
    r = store.load(dossier_mod.load(root), _rid(out))
    assert (r.respondent, r.openbaar, r.received) == ("B. Proefpersoon", False, "2026-11-20")
    assert len(r.points) == 1 and r.points[0].ref == "algemeen"
    assert r.points[0].text.splitlines() == [
        "Geachte heer, mevrouw,",
        "Wij hebben de volgende opmerkingen (ILLUSTRATIEF, fictief):",
        "1.\tHet begrip “diensten” verdient een toelichting.",
        "2.\tDe strafmaxima zijn hoog.",
        "Vraag 1",
        "Ja",
        "Met vriendelijke groet,",
    ]


def test_word_letter_without_data_and_with_tracked_changes_is_refused(root: Path) -> None:
    """A letter without --respondent says what to give; tracked changes are refused (the
    sender decides which text they meant); nothing is stored."""
    brief = DOCX / "brief.docx"
    code, _, err = _run(root, "respond", "--file", str(brief))
    assert (code, err) == (
        6,
        f"fout: {brief}: geen gegevensblok ('---') in het Word-document; geef bij een brief "
        "--respondent (en zo nodig --organisation, --version, ...): de tekst wordt dan één "
        "algemeen punt\n",
    )
    changes = DOCX / "273f-geldend-wijzigingen.docx"
    code, _, err = _run(root, "respond", "--file", str(changes), "--respondent", "X")
    assert code == 6
    assert err.endswith("accepteer of verwerp eerst de wijzigingen in Word\n")
    assert not list((root / "consultation_responses").glob("*.md"))
