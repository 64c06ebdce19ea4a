"""`wetgeving responses redact`: flagged personal data is replaced in one commit."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from test_consultation_support import commits, committed_files, make_dossier
from wetgeving.cli.app import app
from wetgeving.consultation import store

runner = CliRunner()


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def _respond(root: Path, text: str) -> str:
    code, out, err = _run(
        root, "respond", "--respondent", "C. Fictief", "--kind", "burger",
        "--channel", "e-mail", "--niet-openbaar", "--version", "v1", "--point", f"algemeen={text}",
    )  # fmt: skip
    assert code == 0, err
    return out.strip().rsplit("; id ", 1)[1].rstrip(")")


def test_redact_replaces_flagged_data_in_its_own_commit(tmp_path: Path) -> None:
    """A phone number in a point is replaced, the file is committed alone, the rest is kept."""
    d = make_dossier(tmp_path / "d")
    rid = _respond(d.root, "Bel mij op 06-12345678 over het derde lid.")
    code, out, err = _run(d.root, "responses", "redact", rid)
    assert code == 0, err
    assert out.splitlines()[0] == "punt 1: telefoonnummer '06-12345678' weggelakt"
    short = rid.rpartition("-")[2][:6]  # the short reference shown to people
    assert out.splitlines()[1].startswith(f"reactie {short}: 1 weggelakt (commit ")
    text = store.load(d, rid).points[0].text
    assert "06-12345678" not in text and text.startswith("Bel mij op [") and "derde lid" in text
    assert commits(d)[0] == f"Reactie {rid}: persoonsgegevens weggelakt (1)"
    assert committed_files(d) == [f"consultation_responses/{rid}.md"]


def test_redact_without_findings_changes_nothing(tmp_path: Path) -> None:
    """A response without personal data is left alone and no commit is made."""
    d = make_dossier(tmp_path / "d")
    rid = _respond(d.root, "Geen persoonsgegevens hier.")
    before = commits(d)
    code, out, _ = _run(d.root, "responses", "redact", rid)
    short = rid.rpartition("-")[2][:6]
    assert (code, out) == (0, f"reactie {short}: geen persoonsgegevens gevonden\n")
    assert commits(d) == before


def test_redact_unknown_response_is_refused(tmp_path: Path) -> None:
    """An unknown id exits 8 with a one-line Dutch message."""
    d = make_dossier(tmp_path / "d")
    code, _, err = _run(d.root, "responses", "redact", "20260101T000000Z-0000000000")
    assert code == 8
    assert err.startswith("fout: ") and err.count("\n") == 1
