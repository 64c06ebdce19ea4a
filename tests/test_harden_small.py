"""Hardening, smaller cases: detached HEAD, broken git config, moving versions for a response."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app

runner = CliRunner()
DETACHED = "fout: git staat niet op een tak (detached HEAD); een vastlegging zou verloren kunnen gaan. Ga eerst naar een tak, bijvoorbeeld met 'git switch main'\n"


def _run(dossier: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(dossier), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    """A dossier with version v1 recorded."""
    root = tmp_path / "dossier"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    (root / "drafts" / "a.md").write_text(
        "---\ntitel: T\n---\n\n## Artikel 1\n\nTekst.\n", encoding="utf-8"
    )
    code, _, err = _run(root, "version", "create", "v1", "-m", "Eerste")
    assert code == 0, err
    return root


def test_version_create_on_detached_head_is_refused(dossier: Path) -> None:
    """A version recorded on a detached HEAD would be on no branch: refused, nothing committed."""
    _git(dossier, "checkout", "--quiet", "--detach")
    head = _git(dossier, "rev-parse", "HEAD")
    (dossier / "drafts" / "a.md").write_text(
        "---\ntitel: T\n---\n\n## Artikel 1\n\nAndere tekst.\n", encoding="utf-8"
    )
    assert _run(dossier, "version", "create", "v2", "-m", "Tweede") == (5, "", DETACHED)
    assert _git(dossier, "rev-parse", "HEAD") == head


def test_respond_on_detached_head_is_refused_and_leaves_no_file(dossier: Path) -> None:
    """`respond` on a detached HEAD is refused; the work tree stays clean."""
    _git(dossier, "checkout", "--quiet", "--detach")
    assert _run(dossier, "respond", "--respondent", "A", "--point", "algemeen=x") == (
        5,
        "",
        DETACHED,
    )
    assert _git(dossier, "status", "--porcelain") == ""


def test_broken_git_config_gives_a_dutch_error_on_version_create(dossier: Path) -> None:
    """A broken .git/config ends in one Dutch line, not a GitCommandError traceback."""
    with (dossier / ".git" / "config").open("a", encoding="utf-8") as fh:
        fh.write("[core\n")
    code, out, err = _run(dossier, "version", "create", "v2", "-m", "Tweede")
    assert (code, out) == (5, "")
    assert err.startswith("fout: git cat-file mislukt: fatal: bad config line ")
    assert err.endswith(" in file .git/config\n")


@pytest.mark.parametrize("version", ["werk", "HEAD"])
def test_response_on_a_moving_version_is_refused(dossier: Path, version: str) -> None:
    """`respond --version werk` or `HEAD` is refused: a response names the text that was consulted."""
    assert _run(
        dossier, "respond", "--respondent", "A", "--point", "algemeen=x", "--version", version
    ) == (
        8,
        "",
        f"fout: '{version}' is geen vastgelegde versie; geef de versie die is geconsulteerd (zie wetgeving version list)\n",
    )


RESPONSE_FILE = """---
respondent: "A"
kind: "burger"
channel: "e-mail"
received: "2026-01-02"
openbaar: "ja"
version: "v1"
points:
- ref: "algemeen"
  text: "Een punt."
  disposition:
    status: "overgenomen"
    reason: "{reason}"
---
"""


def test_empty_disposition_reason_from_file_is_refused(dossier: Path, tmp_path: Path) -> None:
    """`respond --file` with a disposition whose reason is empty is refused; nothing is stored."""
    source = tmp_path / "r.md"
    source.write_text(RESPONSE_FILE.format(reason="  "), encoding="utf-8")
    assert _run(dossier, "respond", "--file", str(source)) == (
        6,
        "",
        f"fout: {source}: punt 1: de motivering van de afdoening is leeg\n",
    )
    assert _git(dossier, "status", "--porcelain") == ""


def test_personal_data_in_disposition_reason_from_file_is_refused(
    dossier: Path, tmp_path: Path
) -> None:
    """`respond --file` with a phone number in a disposition reason is refused (the verslag is public)."""
    source = tmp_path / "r.md"
    source.write_text(RESPONSE_FILE.format(reason="bel 06-12345678"), encoding="utf-8")
    assert _run(dossier, "respond", "--file", str(source)) == (
        6,
        "",
        f"fout: {source}: punt 1: de motivering bevat een telefoonnummer ('06-12345678'); persoonsgegevens worden hier niet opgeslagen\n",
    )


def test_respond_file_dev_zero_is_refused_beyond_the_limit(dossier: Path) -> None:
    """`respond --file /dev/zero` reads at most the limit and is refused (it used 7 GB)."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    assert _run(dossier, "respond", "--file", "/dev/zero") == (
        6,
        "",
        "fout: /dev/zero: bestand is te groot (maximaal 32 MB)\n",
    )


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        (
            "shift_jis",
            "lijkt Shift-JIS (Japans), niet UTF-8 of Windows-1252; sla het bestand op als 'CSV UTF-8'",
        ),
        ("utf-16-le", "lijkt UTF-16 zonder BOM; sla het bestand op als 'CSV UTF-8'"),
    ],
)
def test_csv_in_shift_jis_or_utf16_without_bom_is_refused_by_name(
    dossier: Path, tmp_path: Path, encoding: str, message: str
) -> None:
    """A Shift-JIS or BOM-less UTF-16 CSV is refused naming its encoding, not imported as mojibake."""
    source = tmp_path / "r.csv"
    source.write_bytes(
        "Naam,Datum,Reactie\n山田太郎,2026-01-02,この法律に反対します\n".encode(encoding)
    )
    assert _run(dossier, "responses", "import", str(source)) == (
        8,
        "",
        f"fout: {source}: {message}\n",
    )


def test_csv_in_utf16_with_bom_is_read(dossier: Path, tmp_path: Path) -> None:
    """Excel's "Unicode-tekst" (UTF-16 with BOM) is detected and read, not reported as missing 'Naam'."""
    source = tmp_path / "r.csv"
    source.write_bytes("Naam,Datum,Reactie\nRené,2026-01-02,Eén punt\n".encode("utf-16"))
    code, out, err = _run(dossier, "responses", "import", str(source))
    assert code == 0, err
    assert "1 reactie geïmporteerd" in out
