"""`wetgeving amend` on a real dossier in git: golden files per format, styles, bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from test_amend_support import check_golden, fixture_dossier
from wetgeving.amend.build import make_bill, verify
from wetgeving.cli.app import app
from wetgeving.compare.engine import compare_versions
from wetgeving.errors import AmendError
from wetgeving.versiontext import load_versions

runner = CliRunner()


@pytest.fixture(scope="module")
def dossier_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dossier with versions geldend, v1 and v2 of art. 273f (built once for this module)."""
    return fixture_dossier(tmp_path_factory.mktemp("amend") / "dossier").root


def _amend(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), "amend", *args])
    return result.exit_code, result.stdout, result.stderr


def _normalise(text: str, root: Path) -> str:
    for name in ("geldend", "v1", "v2"):
        sha = subprocess.run(
            ["git", "rev-list", "-n", "1", f"versie/{name}"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        text = text.replace(sha, f"<{name}>").replace(sha[:12], f"<{name}>")
    return text


@pytest.mark.parametrize(
    ("pair", "args", "name"),
    [
        (("v1", "v2"), (), "v1-v2.txt"),
        (("v1", "v2"), ("--stijl", "klassiek"), "v1-v2-klassiek.txt"),
        (("v1", "v2"), ("--format", "markdown"), "v1-v2.md"),
        (("v1", "v2"), ("--format", "json"), "v1-v2.json"),
        (("v1", "v2"), ("--format", "html"), "v1-v2.html"),
        (("geldend", "v2"), (), "geldend-v2.txt"),
        (("geldend", "v1"), (), "geldend-v1.txt"),
    ],
)
def test_golden(dossier_dir: Path, pair: tuple[str, str], args: tuple[str, ...], name: str) -> None:
    """The bill of the dossier's own versions, per format and style, matches its golden file."""
    code, out, err = _amend(dossier_dir, *pair, *args)
    assert (code, err) == (0, "")
    check_golden(name, _normalise(out, dossier_dir))


def test_json_names_targets_ids_and_quotes(dossier_dir: Path) -> None:
    """JSON gives each instruction its target, ids, formula and quoted old and new text."""
    code, out, _ = _amend(dossier_dir, "v1", "v2", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["format"] == "wetgeving-amend/1"
    first = data["instructions"][0]
    assert first["formula"] == "woorden"
    assert first["target"] == "artikel 273f, eerste lid, aanhef"
    assert (first["old_id"], first["new_id"]) == ("art.273f/lid.1", "art.273f/lid.1")
    assert first["edits"] == [
        {"op": "vervangen", "old": "vijfde", "new": "zesde", "telkens": False}
    ]
    assert [i["formula"] for i in data["instructions"]] == [
        "woorden",
        "vervallen",
        "invoegen",
        "woorden",
        "woorden",
        "vervallen",
        "invoegen",
    ]


def test_word_in_the_bills_layout(dossier_dir: Path, tmp_path: Path) -> None:
    """-o bill.docx writes Word: ARTIKEL I centred and bold, items numbered with a hanging
    indent, the new text below them."""
    target = tmp_path / "wijzigingswet.docx"
    code, _, err = _amend(dossier_dir, "v1", "v2", "-o", str(target))
    assert code == 0 and err == f"geschreven: {target}\n"
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs[2:7] == [
        "ARTIKEL I",
        "Het Wetboek van Strafrecht wordt als volgt gewijzigd:",
        "A",
        "Artikel 273f wordt als volgt gewijzigd:",
        "1.\tIn het eerste lid, aanhef, wordt «vijfde» vervangen door «zesde».",
    ]
    assert (
        "4.\tNiet strafbaar is het slachtoffer van mensenhandel dat een strafbaar feit begaat "
        "als rechtstreeks gevolg van het feit dat het aan een van de in het eerste lid "
        "omschreven feiten is onderworpen." in paragraphs
    )


def test_only_one_article(dossier_dir: Path) -> None:
    """--article 273fa gives only the change of that article: one change, so without a letter
    and naming the regulation in the change (single-change form)."""
    code, out, _ = _amend(dossier_dir, "v1", "v2", "--article", "273fa")
    assert code == 0
    assert "\n\nA\n\n" not in out and "wordt als volgt gewijzigd" not in out
    assert out.startswith(
        "ARTIKEL I\n\nIn artikel 273fa van het Wetboek van Strafrecht wordt, onder vernummering "
        "van het tweede lid tot derde lid,"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("v1", "v9"),
            4,
            "fout: onbekende versie of revisie 'v9'; bekende versies: geldend, v1, v2\n",
        ),
        (
            ("v1", "v2", "--article", "999"),
            7,
            "fout: artikel 999 bestaat niet in versie v1 en niet in versie v2\n",
        ),
        (
            ("v1", "v2", "-o", "bill.pdf"),
            2,
            "fout: bill.pdf: onbekende extensie '.pdf'; kies .txt, .md, .json, .docx of .html, "
            "of geef --format\n",
        ),
        (
            ("v1", "v2", "--format", "docx"),
            2,
            "fout: Word-uitvoer gaat naar een bestand: geef -o BESTAND.docx\n",
        ),
    ],
)
def test_bad_input(dossier_dir: Path, args: tuple[str, ...], code: int, message: str) -> None:
    """Unknown version, unknown article, unknown extension, Word without a file: one line each."""
    result = _amend(dossier_dir, *args)
    assert (result[0], result[2]) == (code, message)


def test_output_into_drafts_is_refused(dossier_dir: Path) -> None:
    """The bill is never written into drafts/."""
    code, _, err = _amend(dossier_dir, "v1", "v2", "-o", str(dossier_dir / "drafts" / "bill.txt"))
    assert code == 9
    target = dossier_dir / "drafts" / "bill.txt"
    assert err == (
        f"fout: {target}: uitvoer in drafts/ is niet toegestaan; kies een pad buiten drafts/\n"
    )


def test_check_names_the_provision_that_differs(dossier_dir: Path) -> None:
    """A bill that does not give the new version fails loudly, naming the first provision."""
    from wetgeving import dossier as dossier_mod

    d = dossier_mod.load(dossier_dir)
    v1, v2, geldend = load_versions(d, ["v1", "v2", "geldend"])
    bill = make_bill(compare_versions(v1, v2), v1, v2, regulation=d.regulation)
    with pytest.raises(AmendError) as err:
        verify(bill, v1, geldend, regulation=d.regulation)
    assert err.value.message == (
        "zelfcontrole mislukt: de wijzigingsopdrachten geven voor artikel 273f, eerste lid, niet "
        "de tekst van versie geldend"
    )
