"""`wetgeving diff` on a real dossier in git: golden files per format, bad input, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving import dossier as dossier_mod
from wetgeving import history
from wetgeving.cli.app import app

GOLDEN = Path(__file__).parent / "golden" / "diff"
FORMATS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}
runner = CliRunner()


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def build_dossier(root: Path, fixtures: Path, versions: list[str]) -> dossier_mod.Dossier:
    """A dossier in a fresh repository whose history records each fixture draft as a version."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Testwet", "Wetboek van Strafrecht", "BWBR0001854"),
        encoding="utf-8",
    )
    (root / "drafts").mkdir()
    _git(root, "init", "-q")
    _git(root, "add", "wetgeving.toml")
    _git(root, "commit", "-q", "-m", "dossier")
    d = dossier_mod.load(root)
    for name in versions:
        shutil.copy(fixtures / "drafts" / f"{name}.md", root / "drafts" / "273f.md")
        history.create_version(d, name, f"Concept {name}")
    return d


@pytest.fixture
def dossier_dir(tmp_path: Path, fixtures: Path) -> Path:
    """A dossier with versions geldend, v1 and v2 of art. 273f."""
    return build_dossier(tmp_path / "dossier", fixtures, ["geldend", "v1", "v2"]).root


def _diff(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), "diff", *args])
    return result.exit_code, result.stdout, result.stderr


def _normalise(text: str, root: Path) -> str:
    """Replace the commit ids (which differ per run) by placeholders."""
    for name in ("geldend", "v1", "v2"):
        sha = _git(root, "rev-list", "-n", "1", f"versie/{name}")
        text = text.replace(sha, f"<{name}>").replace(sha[:12], f"<{name}>")
    return text


def _check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pair", [("geldend", "v1"), ("v1", "v2")])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden(dossier_dir: Path, pair: tuple[str, str], fmt: str) -> None:
    """Each output format of the dossier's own version pairs matches its golden file."""
    code, out, err = _diff(dossier_dir, *pair, "--format", fmt)
    assert (code, err) == (0, "")
    _check_golden(f"{pair[0]}-{pair[1]}.{FORMATS[fmt]}", _normalise(out, dossier_dir))


@pytest.mark.parametrize("pair", [("geldend", "v1"), ("v1", "v2")])
def test_golden_stat(dossier_dir: Path, pair: tuple[str, str]) -> None:
    """--stat counts per article match the golden file."""
    code, out, _ = _diff(dossier_dir, *pair, "--stat")
    assert code == 0
    _check_golden(f"{pair[0]}-{pair[1]}.stat", out)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_output_file_holds_what_stdout_would(dossier_dir: Path, tmp_path: Path, fmt: str) -> None:
    """`-o FILE` writes every format to the file in UTF-8, byte for byte what goes to stdout
    (text without colour), says where on stderr, and replaces a file only with --force."""
    target = tmp_path / "uit" / f"renvooi.{FORMATS[fmt]}"
    code, out, err = _diff(dossier_dir, "v1", "v2", "--format", fmt, "-o", str(target))
    assert (code, out, err) == (0, "", f"geschreven: {target}\n")
    _check_golden(f"v1-v2.{FORMATS[fmt]}", _normalise(target.read_bytes().decode(), dossier_dir))
    code, _, err = _diff(dossier_dir, "v1", "v2", "--format", fmt, "-o", str(target))
    exists = f"fout: {target}: bestaat al; gebruik --force om het te overschrijven\n"
    assert (code, err) == (9, exists)
    code, _, _ = _diff(dossier_dir, "geldend", "v2", "-f", fmt, "-o", str(target), "--force")
    assert code == 0 and "geldend" in target.read_text(encoding="utf-8")


def test_output_file_refused_in_drafts_before_any_work(dossier_dir: Path) -> None:
    """-o into drafts/ is refused with one line, whatever the format; nothing is written."""
    target = dossier_dir / "drafts" / "renvooi.html"
    code, out, err = _diff(dossier_dir, "v1", "v2", "--format", "html", "-o", str(target))
    assert (code, out) == (9, "")
    assert err == (
        f"fout: {target}: uitvoer in drafts/ is niet toegestaan; kies een pad buiten drafts/\n"
    )
    assert not target.exists()


def test_json_is_lossless_and_names_versions(dossier_dir: Path) -> None:
    """The JSON names both versions with their commits and its ops rebuild both own texts."""
    code, out, _ = _diff(dossier_dir, "v1", "v2", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["old"] == {
        "version": "v1",
        "commit": _git(dossier_dir, "rev-list", "-n", "1", "versie/v1"),
    }
    assert data["new"]["version"] == "v2"
    from wetgeving.text.parse import parse

    texts = {}
    for name in ("v1", "v2"):
        blob = _git(dossier_dir, "show", f"versie/{name}:drafts/273f.md")
        texts[name] = {n.id: n.text for n in parse(blob + "\n").walk()}
    for change in data["changes"]:
        if change["ops"] is None:
            continue
        old = "".join(t for op, t in change["ops"] if op != "insert")
        new = "".join(t for op, t in change["ops"] if op != "delete")
        assert old == (texts["v1"][change["old_id"]] if change["old_id"] else "")
        assert new == (texts["v2"][change["new_id"]] if change["new_id"] else "")


def test_exit_code_option(dossier_dir: Path) -> None:
    """Exit 0 with differences normally; with --exit-code 1 for differences and 0 for none."""
    assert _diff(dossier_dir, "v1", "v2")[0] == 0
    assert _diff(dossier_dir, "v1", "v2", "--exit-code")[0] == 1
    assert _diff(dossier_dir, "v2", "v2", "--exit-code")[0] == 0


def test_same_version_gives_no_differences(dossier_dir: Path) -> None:
    """A version compared with itself says 'geen verschillen'."""
    code, out, _ = _diff(dossier_dir, "v1", "v1")
    sha = _git(dossier_dir, "rev-list", "-n", "1", "versie/v1")[:12]
    assert code == 0
    assert out == f"geen verschillen tussen versie v1 ({sha}) en versie v1 ({sha})\n"


def test_article_filter(dossier_dir: Path) -> None:
    """--article 273fa shows that article only, including the lid moved into it."""
    code, out, _ = _diff(dossier_dir, "v1", "v2", "--article", "273fa", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {c["article"] for c in data["changes"]} == {"273fa"}
    assert [c["kind"] for c in data["changes"]] == ["moved", "renumbered"]


def test_unknown_article(dossier_dir: Path) -> None:
    """An article in neither version is refused with exit code 7."""
    code, _, err = _diff(dossier_dir, "v1", "v2", "--article", "999")
    assert code == 7
    assert err == "fout: artikel 999 bestaat niet in versie v1 en niet in versie v2\n"


def test_unknown_version(dossier_dir: Path) -> None:
    """An unknown version is refused with exit code 4 and a one-line message."""
    code, out, err = _diff(dossier_dir, "v1", "v9")
    assert code == 4
    assert out == ""
    assert err.startswith("fout: ") and "v9" in err and err.count("\n") == 1


def test_broken_draft_names_version_file_and_line(dossier_dir: Path) -> None:
    """A draft that does not parse in the working tree is reported with file and line."""
    (dossier_dir / "drafts" / "273f.md").write_text(
        "---\ntitel: Wetboek van Strafrecht\n---\n\n## Artikel 1\n\n### Kop\n", encoding="utf-8"
    )
    code, _, err = _diff(dossier_dir, "v1", "werk")
    assert code == 6
    assert err.startswith("fout: in de werkmap: drafts/273f.md:7: ")


def test_no_colour_when_piped_or_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour is off when NO_COLOR is set, and off when stdout is not a terminal."""
    from wetgeving.cli import diff as diff_cli

    monkeypatch.setenv("NO_COLOR", "1")
    assert diff_cli._colour() is False
    monkeypatch.delenv("NO_COLOR")
    assert diff_cli._colour() is False  # pytest captures stdout: not a terminal


def test_werk_against_version(dossier_dir: Path) -> None:
    """The working tree compares as 'werk' with a null commit in the JSON."""
    shutil.copy(
        Path(__file__).parent / "fixtures" / "drafts" / "v1.md", dossier_dir / "drafts" / "273f.md"
    )
    code, out, _ = _diff(dossier_dir, "v2", "werk", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["new"] == {"version": "werk", "commit": None}
    assert any(c["kind"] == "moved" and c["new_id"] == "art.273f/lid.8" for c in data["changes"])
