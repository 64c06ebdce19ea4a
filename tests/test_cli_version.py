"""`wetgeving version create/list/show` through the CLI, with real git repositories."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app

runner = CliRunner()


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def wet(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dossier(tmp_path: Path, fixtures: Path) -> Path:
    """A new dossier made by `wetgeving init`, with the v1 fixture as drafts/273f.md."""
    root = tmp_path / "dossier"
    code, _, err = wet("init", str(root), "--titel", "Testwet")
    assert code == 0, err
    shutil.copy(fixtures / "drafts" / "v1.md", root / "drafts" / "273f.md")
    return root


def test_create_list_show(dossier: Path, fixtures: Path) -> None:
    """create prints the commit; list shows name, commit, date, author, message; show the files."""
    code, out, _ = wet("--dossier", str(dossier), "version", "create", "v1", "-m", "Eerste concept")
    assert code == 0
    sha = git(dossier, "rev-parse", "HEAD")
    assert out == f"versie v1 vastgelegd (commit {sha[:10]})\n"
    shutil.copy(fixtures / "drafts" / "v2.md", dossier / "drafts" / "273f.md")
    assert wet("--dossier", str(dossier), "version", "create", "v2", "-m", "Tweede")[0] == 0
    sha2 = git(dossier, "rev-parse", "HEAD")
    day = git(dossier, "log", "-1", "--format=%aI")[:10]
    code, out, _ = wet("--dossier", str(dossier), "version", "list")
    assert code == 0
    assert out == (
        f"v1  {sha[:10]}  {day}  Test Jurist  Eerste concept\n"
        f"v2  {sha2[:10]}  {day}  Test Jurist  Tweede\n"
    )
    code, out, _ = wet("--dossier", str(dossier), "version", "show", "v1")
    assert code == 0
    date = git(dossier, "log", "-1", "--format=%aI", sha)
    assert out == (
        f"versie:       v1\ncommit:       {sha}\ndatum:        {date}\n"
        "auteur:       Test Jurist\nomschrijving: Eerste concept\nbestanden:\n  drafts/273f.md\n"
    )


def test_list_json(dossier: Path) -> None:
    """--format json gives name, commit, date, author and message per version."""
    wet("--dossier", str(dossier), "version", "create", "v1", "-m", "Eerste concept")
    code, out, _ = wet("--dossier", str(dossier), "version", "list", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {
            "name": "v1",
            "commit": git(dossier, "rev-parse", "HEAD"),
            "date": git(dossier, "log", "-1", "--format=%aI"),
            "author": "Test Jurist",
            "message": "Eerste concept",
        }
    ]


def test_list_empty_and_bad_format(dossier: Path) -> None:
    """An empty list says so; an unknown format is refused in Dutch."""
    assert wet("--dossier", str(dossier), "version", "list") == (
        0,
        "nog geen versies vastgelegd (zie 'wetgeving version create')\n",
        "",
    )
    assert wet("--dossier", str(dossier), "version", "list", "--format", "xml") == (
        2,
        "",
        "fout: onbekend formaat 'xml'; kies 'text' of 'json'\n",
    )


def test_duplicate_refused(dossier: Path, fixtures: Path) -> None:
    """An existing name is refused with exit code 4."""
    wet("--dossier", str(dossier), "version", "create", "v1", "-m", "Eerste concept")
    shutil.copy(fixtures / "drafts" / "v2.md", dossier / "drafts" / "273f.md")
    assert wet("--dossier", str(dossier), "version", "create", "v1", "-m", "x") == (
        4,
        "",
        "fout: versie 'v1' bestaat al; kies een andere naam\n",
    )


@pytest.mark.parametrize("name", ["--upload-pack=x", "../x", "v1;rm", "-x"])
def test_bad_names(dossier: Path, name: str) -> None:
    """Names that could be git options or paths are refused before git runs."""
    head = git(dossier, "rev-parse", "HEAD")
    code, out, err = wet("--dossier", str(dossier), "version", "create", "-m", "x", "--", name)
    assert (code, out) == (4, "")
    assert err == (
        f"fout: ongeldige versienaam '{name}': gebruik letters, cijfers, '-', '_' en '.', "
        "begin met een letter of cijfer (niet 'werk', geen '..', niet eindigend op '.lock')\n"
    )
    assert git(dossier, "rev-parse", "HEAD") == head
    assert git(dossier, "tag", "--list") == ""


def test_missing_message(dossier: Path) -> None:
    """Without -m the command asks for a message in Dutch."""
    assert wet("--dossier", str(dossier), "version", "create", "v1") == (
        2,
        "",
        'fout: geef een omschrijving met -m, bijvoorbeeld -m "Consultatieversie"\n',
    )


def test_nothing_to_record(dossier: Path) -> None:
    """A second version of the same text is not recorded."""
    wet("--dossier", str(dossier), "version", "create", "v1", "-m", "Eerste concept")
    assert wet("--dossier", str(dossier), "version", "create", "v2", "-m", "x") == (
        4,
        "",
        "fout: niets vast te leggen: drafts/ is gelijk aan versie 'v1'\n",
    )


def test_show_unknown_lists_known(dossier: Path) -> None:
    """An unknown version name lists the known versions."""
    wet("--dossier", str(dossier), "version", "create", "v1", "-m", "Eerste concept")
    assert wet("--dossier", str(dossier), "version", "show", "v9") == (
        4,
        "",
        "fout: onbekende versie 'v9'; bekende versies: v1\n",
    )


def test_stale_index_lock(dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git lock left by a crashed process is named with what to do (exit 5)."""
    from wetgeving.gitrepo import write

    monkeypatch.setattr(write, "INDEX_LOCK_WAIT", 0.1)
    lock = dossier / ".git" / "index.lock"
    lock.touch()
    assert wet("--dossier", str(dossier), "version", "create", "v1", "-m", "x") == (
        5,
        "",
        f"fout: git is bezet: {lock} bestaat; wacht tot het andere git-proces klaar is, "
        "of verwijder dit bestand als er geen git-proces draait\n",
    )


def test_outside_dossier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a dossier the message says how to make or point to one (exit 3)."""
    monkeypatch.chdir(tmp_path)
    assert wet("version", "list") == (
        3,
        "",
        f"fout: {tmp_path.resolve()}: niet in een dossier (geen wetgeving.toml gevonden); "
        "gebruik 'wetgeving init PAD' of '--dossier PAD'\n",
    )


def test_corrupt_config(dossier: Path) -> None:
    """A broken wetgeving.toml gives exit 3 and names the file."""
    (dossier / "wetgeving.toml").write_text("[dossier\ntitel = ", encoding="utf-8")
    code, out, err = wet("--dossier", str(dossier), "version", "list")
    assert (code, out) == (3, "")
    assert err.startswith(f"fout: {dossier / 'wetgeving.toml'}: geen geldige TOML (")
    assert err.endswith("); herstel het bestand\n")
    assert err.count("\n") == 1


def _create(root: Path, name: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wetgeving",
            "--dossier",
            str(root),
            "version",
            "create",
            name,
            "-m",
            f"versie {name}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_concurrent_creates_both_land(tmp_path: Path, fixtures: Path) -> None:
    """Two creates at once in two dossiers of one repository both land whole (the lock)."""
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q")
    for sub in ("a", "b"):
        assert wet("init", str(top / sub))[0] == 0
        shutil.copy(fixtures / "drafts" / "v1.md", top / sub / "drafts" / "273f.md")
    procs = [_create(top / "a", "a1"), _create(top / "b", "b1")]
    results = [(p.wait(60), p.communicate()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    assert sorted(git(top, "log", "--format=%s", "-2").splitlines()) == ["versie a1", "versie b1"]
    for sub in ("a", "b"):
        assert git(top, "ls-tree", "-r", "--name-only", "HEAD", "--", sub).endswith(
            f"{sub}/drafts/273f.md"
        )
    assert not (top / ".git" / "index.lock").exists()


def test_concurrent_same_name_one_refused(dossier: Path) -> None:
    """Two creates of the same name at once: one lands, the other is refused cleanly."""
    procs = [_create(dossier, "v1"), _create(dossier, "v1")]
    results = sorted((p.wait(60), *p.communicate()) for p in procs)
    sha = git(dossier, "rev-parse", "HEAD")
    assert results[0] == (0, f"versie v1 vastgelegd (commit {sha[:10]})\n", "")
    assert results[1][0] == 4
    assert results[1][2] == "fout: versie 'v1' bestaat al; kies een andere naam\n"
    assert git(dossier, "log", "--format=%s", "-2").splitlines()[0] == "versie v1"
    assert git(dossier, "status", "--porcelain") == ""


def test_unreadable_draft_not_recorded(dossier: Path) -> None:
    """A draft that does not parse is not recorded: exit 6 naming file and line."""
    (dossier / "drafts" / "kapot.md").write_text("## Artikel 1\n\nTekst.\n", encoding="utf-8")
    head = git(dossier, "rev-parse", "HEAD")
    code, out, err = wet("--dossier", str(dossier), "version", "create", "v1", "-m", "x")
    assert (code, out) == (6, "")
    assert err.startswith("fout: in de werkmap: drafts/kapot.md:1: ")
    assert err.count("\n") == 1
    assert git(dossier, "rev-parse", "HEAD") == head


def test_non_ascii_message_and_author(dossier: Path) -> None:
    """Messages and author names with accents survive the round trip through git."""
    git(dossier, "config", "user.name", "Anaïs Jurist")
    wet("--dossier", str(dossier), "version", "create", "v1", "-m", "Consultatieversie één")
    _, out, _ = wet("--dossier", str(dossier), "version", "list", "--format", "json")
    row = json.loads(out)[0]
    assert (row["author"], row["message"]) == ("Anaïs Jurist", "Consultatieversie één")
