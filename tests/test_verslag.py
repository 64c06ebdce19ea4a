"""`wetgeving verslag`: reactietabel per article, general points, campaigns, --openbaar."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_documents_support import add_responses, make_dossier, response
from test_mvt import check_golden, normalise
from wetgeving.cli.app import app
from wetgeving.documents.model import CampaignView, Consultation, PointView, ResponseView
from wetgeving.documents.verslag import build
from wetgeving.dossier import Dossier

runner = CliRunner()


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    d = make_dossier(tmp_path / "d")
    add_responses(d)
    return d


def verslag(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), "verslag", *args])
    return result.exit_code, result.stdout, result.stderr


def test_openbaar_verslag_matches_golden(dossier: Dossier) -> None:
    """The public verslag of v2 matches the golden file."""
    code, out, err = verslag(dossier, "v2", "--openbaar")
    assert code == 0, err
    check_golden("verslag-v2-openbaar.md", normalise(out))


def test_openbaar_hides_non_public_identity(dossier: Dossier) -> None:
    """--openbaar replaces name and place of a non-public respondent; the text stays."""
    out = verslag(dossier, "v2", "--openbaar")[1]
    assert "Geheime Indiener" not in out and "Geheimdorp" not in out
    assert (
        "| niet-openbare reactie | artikel 273f, derde lid | Liever geen publicatie van mijn naam."
        in out
    )
    assert "Fictieve Adviesraad, Den Haag" in out


def test_internal_verslag_shows_names_and_warns(dossier: Dossier) -> None:
    """Without --openbaar names are shown, marked, and the header says not to publish."""
    out = verslag(dossier, "v2")[1]
    assert "Geheime Indiener, Geheimdorp (niet openbaar)" in out
    assert "interne uitgave" in out and "niet publiceren" in out


def test_openbaar_refuses_while_personal_data_is_flagged(dossier: Dossier, tmp_path: Path) -> None:
    """--openbaar refuses, listing the flags, while a published text holds personal data."""
    rid = "20260116T090000Z-dddddd"
    (dossier.responses / f"{rid}.md").write_text(
        response(rid, "Iemand", [("algemeen", "", "Bel mij op 06-12345678.", "", "")]),
        encoding="utf-8",
    )
    target = tmp_path / "verslag.md"
    code, _, err = verslag(dossier, "v2", "--openbaar", "-o", str(target))
    assert code == 9
    assert err.startswith(
        "fout: openbaar verslag geweigerd: teksten voor publicatie bevatten persoonsgegevens "
        "(1 vondst;"
    )
    assert f"reactie {rid}, punt 1: " in err and "06-12345678" in err
    assert err.count("\n") == 1
    assert not target.exists()
    # The internal verslag is not meant for publication and is still made.
    assert verslag(dossier, "v2")[0] == 0


def test_html_escapes_response_text(dossier: Dossier) -> None:
    """In HTML a response containing a script tag is shown as text."""
    out = verslag(dossier, "v2", "--format", "html")[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script>" not in out


def test_version_without_responses(tmp_path: Path) -> None:
    """With no responses the verslag says so and warns on stderr."""
    d = make_dossier(tmp_path / "d")
    code, out, err = verslag(d, "v2")
    assert code == 0
    assert err == "waarschuwing: geen consultatiereacties in dit dossier\n"
    assert "_Er zijn geen consultatiereacties vastgelegd._" in out


def test_campaign_counted_once_with_size() -> None:
    """A campaign is one row in the reactietabel, with its size."""
    point = PointView(
        "artikel 273f, eerste lid", "273f", "Zelfde tekst", "kennisgenomen", "Gezien."
    )
    members = tuple(
        ResponseView(
            f"r{i}",
            f"Burger {i}",
            "",
            "Plaats",
            "burger",
            "internetconsultatie",
            "2026-01-01",
            True,
            "v1",
            (point,),
            campaign="C1",
        )
        for i in range(5)
    )
    result = build(
        "Wet",
        "v2",
        Consultation(
            members, (CampaignView("C1", 5, tuple(m.id for m in members), "Zelfde tekst"),)
        ),
        ["273f"],
        openbaar=True,
    )
    rows = result.tables[0].rows
    assert len(rows) == 1
    assert rows[0].respondent == "campagne (5 reacties)"
    assert result.summary.total == 5 and result.summary.unique == 1


def test_unknown_output_extension_is_refused(tmp_path: Path) -> None:
    """Markdown is never written into a file named .pdf: the extension is refused (exit 2)."""
    from typer.testing import CliRunner

    from test_documents_support import make_dossier
    from wetgeving.cli.app import app

    d = make_dossier(tmp_path / "d")
    target = tmp_path / "v.pdf"
    result = CliRunner().invoke(app, ["--dossier", str(d.root), "verslag", "v2", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"fout: {target}: onbekende extensie '.pdf'; kies .md, .html of .docx, of geef --format\n",
    )
    assert not target.exists()
