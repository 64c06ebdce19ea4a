"""`wetgeving responses campaigns` and disposing of a whole campaign at once."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from test_consultation_support import committed_files, make_dossier
from wetgeving.cli.app import app
from wetgeving.consultation import store, xlsx

runner = CliRunner()
LETTER = (
    "Wij maken ons grote zorgen over de verruiming van artikel 273f. Het begrip uitbuiting wordt "
    "zo ruim dat gewone arbeidsconflicten onder het strafrecht vallen. Wij vragen de regering "
    "het voorstel aan te passen."
)


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_campaign_found_shown_and_disposed_once(tmp_path: Path) -> None:
    """Near-identical imported responses form one campaign; one dispose handles all of them."""
    d = make_dossier(tmp_path / "d")
    rows: list[list[object]] = [["Naam", "Datum", "Reactie"]]
    rows += [[f"Burger {i}", "2026-11-20", LETTER + f" Groet, burger {i}."] for i in range(12)]
    rows += [["Eigen Mening", "2026-11-20", "Het vijfde lid moet een hogere strafmaat krijgen."]]
    path = tmp_path / "r.xlsx"
    xlsx.write_rows(path, rows)
    assert run(d.root, "responses", "import", str(path), "--version", "v1")[0] == 0
    code, out, _ = run(d.root, "responses", "campaigns", "--format", "json")
    assert code == 0
    (campaign,) = json.loads(out)
    assert campaign["aantal"] == 12
    assert "Het begrip uitbuiting wordt zo ruim" in campaign["gedeelde_tekst"]
    cid = campaign["id"]
    code, out, _ = run(d.root, "responses", "campaigns")
    lines = out.splitlines()
    assert lines[0].startswith(f"campagne {cid}: 12 reacties (gelijkenis minstens ")
    assert lines[1].startswith('  gedeelde tekst: "Wij maken ons grote zorgen')
    assert lines[2].endswith(" en 2 meer")
    code, out, err = run(
        d.root, "respond", "dispose", "--campaign", cid, "--status", "niet-overgenomen",
        "--reason", "Arbeidsconflicten vallen niet onder uitbuiting; zie de toelichting.",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith(f"campagne {cid}: 12 reacties, 12 punten niet overgenomen (commit ")
    assert len(committed_files(d)) == 12
    members = set(campaign["leden"])
    for r in store.load_all(d):
        disposed = r.points[0].disposition is not None
        assert disposed == (r.id in members)
        assert (r.campaign == cid) == (r.id in members)
    code, out, _ = run(d.root, "responses", "list", "--status", "open")
    assert "Eigen Mening" in out and "Burger" not in out


def test_unknown_campaign_is_refused(tmp_path: Path) -> None:
    """An unknown or malformed campaign id is refused without writing anything."""
    d = make_dossier(tmp_path / "d", versions=("v1",))
    args = ["respond", "dispose", "--status", "deels", "--reason", "x", "--campaign"]
    assert run(d.root, *args, "Cdeadbeef")[1:] == (
        "",
        "fout: onbekende campagne 'Cdeadbeef'; zie 'wetgeving responses campaigns'\n",
    )
    assert run(d.root, *args, "../x")[2] == (
        "fout: ongeldig campagne-id '../x' (bijvoorbeeld C1a2b3c4d)\n"
    )
    assert run(d.root, "respond", "dispose", "--status", "deels", "--reason", "x")[2] == (
        "fout: geef een reactie-id of --campaign CID (één van beide)\n"
    )
