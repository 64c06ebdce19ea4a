"""Points on the enig artikel of a regulation are points on that article, not general points:
the verslag, the MvT's consultation section and the bundle keep them apart (the enig artikel's
body key is "", which once made them fall in with the general points)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from wetgeving.cli.app import app

runner = CliRunner()

DRAFT = (
    "---\ntitel: Wet proef\n---\n\n## Enig artikel\n\n"
    "1. Eerste lid tekst hier.\n2. Tweede lid tekst daar.\n"
)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _dossier(tmp_path: Path) -> tuple[str, str]:
    root = tmp_path / "enig"
    _run("init", str(root), "--titel", "Proef")
    (root / "drafts").mkdir(exist_ok=True)
    (root / "drafts" / "wet.md").write_text(DRAFT, encoding="utf-8")
    dossier = ("--dossier", str(root))
    _run(*dossier, "version", "create", "v1", "-m", "v1")
    _run(
        *dossier, "respond", "--respondent", "Jan Proef",
        "--point", "enig artikel, eerste lid=Te ruim geformuleerd.",
        "--point", "algemeen=In het algemeen goed.",
    )  # fmt: skip
    _run(*dossier, "respond", "--respondent", "Piet", "--point", "algemeen=Punt twee.")
    return dossier


def test_verslag_has_a_table_for_the_enig_artikel(tmp_path: Path) -> None:
    """The point on the enig artikel is in its own table; only true general points are general."""
    out = _run(*_dossier(tmp_path), "verslag", "v1")
    tables = out.split("## Reactietabel per artikel\n\n", 1)[1].split("## Campagnes", 1)[0]
    enig, general = tables.split("## Algemene punten\n\n")
    assert enig == (
        "### Enig artikel\n\n"
        "| respondent | bepaling | punt | verwerking | toelichting |\n"
        "|---|---|---|---|---|\n"
        "| Jan Proef (niet openbaar) | enig artikel, eerste lid | Te ruim geformuleerd. "
        "| nog niet afgehandeld |  |\n\n"
    )
    # The rows of the two responses come in the order of their (random) ids.
    assert sorted(general.strip().splitlines()) == sorted(
        [
            "| respondent | punt | verwerking | toelichting |",
            "|---|---|---|---|",
            "| Piet (niet openbaar) | Punt twee. | nog niet afgehandeld |  |",
            "| Jan Proef (niet openbaar) | In het algemeen goed. | nog niet afgehandeld |  |",
        ]
    )


def test_mvt_counts_the_enig_artikel_apart(tmp_path: Path) -> None:
    """MvT section 5 counts one point on the enig artikel and two general points."""
    out = _run(*_dossier(tmp_path), "mvt", "v1", "--against", "v1")
    section = out.split("#### ", 1)[1].split("## II.", 1)[0]
    assert section == (
        "Enig artikel\n\n1 punt.\n\n- **nog niet afgehandeld** (1)\n\n"
        "#### Algemene punten\n\n2 punten.\n\n- **nog niet afgehandeld** (2)\n\n"
    )


def test_bundle_has_a_page_for_the_enig_artikel(tmp_path: Path) -> None:
    """The bundle has a page of reactions on the enig artikel besides the general page."""
    dossier = _dossier(tmp_path)
    target = tmp_path / "bundel.zip"
    _run(*dossier, "bundle", "build", "v1", "-o", str(target), "--intern")
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        enig = [n for n in names if "enig-artikel" in n]
        general = [n for n in names if n.endswith("algemeen.html")]
        assert enig and general, names
        page = archive.read(enig[0]).decode("utf-8")
        assert "Te ruim geformuleerd." in page and "Punt twee." not in page
        assert "Te ruim geformuleerd." not in archive.read(general[0]).decode("utf-8")
