"""The merge driver through real git: `init` and `setup` register it, merges use it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import wetgeving
from wetgeving.cli.app import app

runner = CliRunner()
SRC = str(Path(wetgeving.__file__).resolve().parents[1])
DRAFT = (
    "---\ntitel: Proef\n---\n\n## Artikel 1\n\n1. Eerste lid.\n2. Tweede lid:\n"
    "   - a. werft;\n   - b. vervoert.\n3. Derde lid.\n"
)


@pytest.fixture(autouse=True)
def driver_finds_this_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """git runs the driver as `python -m wetgeving`: let it import this source tree."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]))


def git(root: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check and proc.returncode:
        raise AssertionError(proc.stderr)
    return proc.stdout


def wet(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "d"
    assert wet("init", str(root))[0] == 0
    (root / "drafts" / "art.md").write_text(DRAFT, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "basis")
    return root


def branch_edit(root: Path, branch: str, old: str, new: str, author: str) -> None:
    git(root, "checkout", "-q", "-b", branch, "main")
    path = root / "drafts" / "art.md"
    path.write_bytes(path.read_bytes().replace(old.encode(), new.encode()))
    git(root, "commit", "-qam", branch, f"--author={author} <x@example.invalid>")
    git(root, "checkout", "-q", "main")


def test_init_registers_the_driver(tmp_path: Path) -> None:
    """init writes .gitattributes (committed) and the driver command in .git/config."""
    root = dossier(tmp_path)
    assert (root / ".gitattributes").read_text(
        encoding="utf-8"
    ) == "drafts/**/*.md merge=wetgeving\n"
    assert "-m wetgeving merge-driver %O %A %B %L %P" in git(
        root, "config", "merge.wetgeving.driver"
    )
    assert ".gitattributes" in git(root, "ls-files")


def test_setup_in_a_fresh_clone(tmp_path: Path) -> None:
    """A clone has no driver in its config until `wetgeving setup`, which commits nothing new."""
    root = dossier(tmp_path)
    clone = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(root), str(clone))
    assert git(clone, "config", "merge.wetgeving.driver", check=False) == ""
    code, out, err = wet("--dossier", str(clone), "setup")
    assert (code, out, err) == (0, "samenvoegen per artikel ingesteld voor drafts/*.md\n", "")
    assert "merge-driver" in git(clone, "config", "merge.wetgeving.driver")
    assert git(clone, "status", "--porcelain") == ""


def test_setup_adds_the_attribute_line(tmp_path: Path) -> None:
    """In a repository without the line, setup adds it to .gitattributes and commits it."""
    root = dossier(tmp_path)
    (root / ".gitattributes").write_text("*.png binary", encoding="utf-8")
    git(root, "commit", "-qam", "andere attributen")
    code, out, _ = wet("--dossier", str(root), "setup")
    assert code == 0 and ".gitattributes vastgelegd (commit " in out
    assert (root / ".gitattributes").read_text(encoding="utf-8") == (
        "*.png binary\ndrafts/**/*.md merge=wetgeving\n"
    )
    assert git(root, "status", "--porcelain") == ""


def test_different_provisions_of_one_article_merge_cleanly(tmp_path: Path) -> None:
    """Two lawyers changing different onderdelen of one article: git merges without conflict
    (git's own line merge would conflict on these adjacent lines)."""
    root = dossier(tmp_path)
    branch_edit(root, "a", "werft;", "werft of ronselt;", "A. Jurist")
    branch_edit(root, "b", "vervoert.", "vervoert of huisvest.", "B. Jurist")
    git(root, "merge", "-q", "a")
    git(root, "merge", "-q", "--no-edit", "b")
    text = (root / "drafts" / "art.md").read_text(encoding="utf-8")
    assert "   - a. werft of ronselt;\n   - b. vervoert of huisvest.\n" in text


def test_same_provision_two_ways_is_a_labelled_conflict(tmp_path: Path) -> None:
    """The same onderdeel changed two ways: a conflict for it alone, labelled with both
    authors; check reports it and version create refuses."""
    root = dossier(tmp_path)
    branch_edit(root, "a", "werft;", "werft of ronselt;", "A. Jurist")
    branch_edit(root, "b", "werft;", "werft, ronselt;", "B. Jurist")
    branch_edit(root, "c", "Derde lid.", "Derde lid, gewijzigd.", "B. Jurist")
    git(root, "merge", "-q", "a")
    git(root, "merge", "-q", "--no-edit", "c")
    assert git(root, "merge", "b", check=False)
    text = (root / "drafts" / "art.md").read_text(encoding="utf-8")
    assert text == DRAFT.replace(
        "   - a. werft;\n",
        "<<<<<<< tekst van A. Jurist\n   - a. werft of ronselt;\n=======\n"
        "   - a. werft, ronselt;\n>>>>>>> tekst van B. Jurist\n",
    ).replace("Derde lid.", "Derde lid, gewijzigd.")
    code, out, _ = wet("--dossier", str(root), "check")
    assert code == 1
    assert out == (
        f"{root / 'drafts' / 'art.md'}:9: onopgelost samenvoegconflict (tekst van A. Jurist / "
        "tekst van B. Jurist): kies de tekst en verwijder de regels <<<<<<<, ======= en >>>>>>>\n"
        "1 probleem gevonden in 1 bestand\n"
    )
    code, _, err = wet("--dossier", str(root), "version", "create", "v1", "-m", "x")
    assert code == 4 and "onopgelost samenvoegconflict" in err and "versie niet vastgelegd" in err


def test_rebase_conflict_is_labelled_with_both_authors(tmp_path: Path) -> None:
    """During `git rebase` the picked commit's author labels its side (git names neither)."""
    root = dossier(tmp_path)
    branch_edit(root, "a", "werft;", "werft of ronselt;", "A. Jurist")
    branch_edit(root, "b", "werft;", "werft, ronselt;", "B. Jurist")
    git(root, "checkout", "-q", "b")
    assert git(root, "rebase", "a", check=False) is not None
    text = (root / "drafts" / "art.md").read_text(encoding="utf-8")
    assert (
        "<<<<<<< tekst van A. Jurist\n   - a. werft of ronselt;\n=======\n"
        "   - a. werft, ronselt;\n>>>>>>> tekst van B. Jurist\n"
    ) in text
    git(root, "rebase", "--abort")


def test_crlf_draft_merges_and_keeps_its_line_ends(tmp_path: Path) -> None:
    """A draft with CRLF line ends (Windows) merges per provision and stays CRLF."""
    root = dossier(tmp_path)
    path = root / "drafts" / "art.md"
    path.write_bytes(DRAFT.replace("\n", "\r\n").encode("utf-8"))
    git(root, "commit", "-qam", "crlf")
    branch_edit(root, "a", "werft;", "werft of ronselt;", "A. Jurist")
    branch_edit(root, "b", "vervoert.", "vervoert of huisvest.", "B. Jurist")
    git(root, "merge", "-q", "a")
    git(root, "merge", "-q", "--no-edit", "b")
    data = path.read_bytes()
    assert b"   - a. werft of ronselt;\r\n   - b. vervoert of huisvest.\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_init_inside_a_repository_registers_the_driver(tmp_path: Path) -> None:
    """init in an existing repository writes .gitattributes and sets the driver, commits nothing."""
    git(tmp_path, "init", "-q")
    assert wet("init", str(tmp_path / "sub"))[0] == 0
    assert (tmp_path / "sub" / ".gitattributes").is_file()
    assert "merge-driver" in git(tmp_path, "config", "merge.wetgeving.driver")
    assert git(tmp_path, "log", "--oneline", check=False) == ""
