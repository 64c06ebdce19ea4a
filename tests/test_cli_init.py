"""`wetgeving init`, `--version`, `python -m wetgeving`, Dutch help and a light `--help`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving import __version__
from wetgeving import dossier as dossier_mod
from wetgeving.cli.app import app

runner = CliRunner()


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def wet(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_creates_dossier_and_repository(tmp_path: Path) -> None:
    """init makes wetgeving.toml and the folders, a git repository and a first commit."""
    root = tmp_path / "nieuw"
    code, out, err = wet(
        "init",
        str(root),
        "--titel",
        'Wet "x"',
        "--regeling",
        "Wetboek van Strafrecht",
        "--bwb",
        "BWBR0001854",
    )
    assert (code, err) == (0, "")
    sha = git(root, "rev-parse", "HEAD")
    assert out == f"dossier gemaakt in {root} (nieuwe git-repository, eerste commit {sha[:10]})\n"
    d = dossier_mod.load(root)
    assert (d.title, d.regulation, d.bwb_id) == ('Wet "x"', "Wetboek van Strafrecht", "BWBR0001854")
    for folder in ("drafts", "consultation_responses", "templates"):
        assert (root / folder).is_dir()
    committed = git(root, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
    assert "wetgeving.toml" in committed
    assert "drafts/.gitkeep" in committed
    assert "consultation_responses/.gitkeep" in committed
    assert any(p.startswith("templates/") for p in committed)
    assert git(root, "status", "--porcelain") == ""


def test_init_inside_repository_does_not_commit(tmp_path: Path) -> None:
    """Inside an existing repository init writes the files but makes no repository or commit."""
    git(tmp_path, "init", "-q")
    root = tmp_path / "sub"
    code, out, _ = wet("init", str(root))
    assert (code, out) == (0, f"dossier gemaakt in {root}\n")
    assert not (root / ".git").exists()
    assert subprocess.run(["git", "rev-parse", "-q", "--verify", "HEAD"], cwd=tmp_path).returncode
    assert dossier_mod.load(root).regulation == "Wetboek van Strafrecht"


def test_init_refuses_existing_dossier(tmp_path: Path) -> None:
    """An existing dossier is never overwritten."""
    config = tmp_path / "wetgeving.toml"
    config.write_text("oud", encoding="utf-8")
    assert wet("init", str(tmp_path)) == (
        3,
        "",
        f"fout: {config}: hier staat al een dossier; kies een andere map\n",
    )
    assert config.read_text(encoding="utf-8") == "oud"
    assert not (tmp_path / "drafts").exists()


def test_init_refuses_bad_bwb_and_title(tmp_path: Path) -> None:
    """A malformed BWB id or a title with control characters is refused; nothing is written."""
    assert wet("init", str(tmp_path / "a"), "--bwb", "BWB123") == (
        2,
        "",
        "fout: --bwb 'BWB123': een BWB-id is BWBR gevolgd door 7 cijfers (BWBR0001854)\n",
    )
    assert wet("init", str(tmp_path / "a"), "--titel", "a\nb")[0] == 2
    assert not (tmp_path / "a").exists()


def test_init_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without git, init says to install it and writes nothing."""
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    assert wet("init", str(tmp_path / "d")) == (
        5,
        "",
        "fout: git is niet gevonden; installeer git (https://git-scm.com) en probeer opnieuw\n",
    )
    assert not (tmp_path / "d").exists()


def test_version_option_and_module() -> None:
    """`wetgeving --version` and `python -m wetgeving --version` print the version."""
    assert wet("--version") == (0, f"wetgeving {__version__}\n", "")
    proc = subprocess.run(
        [sys.executable, "-m", "wetgeving", "--version"], capture_output=True, text=True
    )
    assert (proc.returncode, proc.stdout) == (0, f"wetgeving {__version__}\n")


@pytest.mark.parametrize(
    "args",
    [[], ["init"], ["version"], ["version", "create"], ["version", "list"], ["version", "show"]],
)
def test_help_is_dutch(args: list[str]) -> None:
    """Help of init and version commands, including the built-in --help option, is Dutch."""
    code, out, _ = wet(*args, "--help")
    assert code == 0
    assert "Toon deze hulp en stop." in out
    assert "Show this message" not in out
    assert "[default:" not in out


def test_help_does_not_import_heavy_libraries() -> None:
    """Importing the CLI (what `wetgeving --help` does) loads no git, jinja2, diff or markdown."""
    code = (
        "import sys, wetgeving.cli.app\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('git', 'jinja2', 'diff_match_patch', 'markdown_it')]\n"
        "print(','.join(sorted(heavy)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_lazy_root_help_lists_same_commands() -> None:
    """The real entry point (lazy build) lists the same commands as the full build."""
    proc = subprocess.run(
        [sys.executable, "-m", "wetgeving", "--help"], capture_output=True, text=True, check=True
    )
    _, eager, _ = wet("--help")

    def names(text: str) -> list[str]:
        section = text.split("Opdrachten:\n", 1)[1]
        return [line.split()[0] for line in section.splitlines() if line.startswith("  ")]

    assert names(proc.stdout) == names(eager)
    # The lawyer's workflow, groups among the commands.
    assert names(proc.stdout) == [
        "init", "setup", "sync", "version", "check", "fmt", "show", "import", "diff", "amend",
        "apply", "respond", "responses", "mvt", "verslag", "bundle",
    ]  # fmt: skip
    assert "Toon deze hulp en stop." in proc.stdout
    sub = subprocess.run(
        [sys.executable, "-m", "wetgeving", "version", "create", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Toon deze hulp en stop." in sub.stdout
    assert "-m, --message TEKST" in sub.stdout


def test_init_under_a_file_is_refused(tmp_path: Path) -> None:
    """A path below a file is named in one line (exit 2), not a traceback."""
    (tmp_path / "los").write_text("x", encoding="utf-8")
    code, _, err = wet("init", str(tmp_path / "los" / "dossier"))
    assert (code, err) == (2, f"fout: {tmp_path / 'los' / 'dossier'}: {tmp_path / 'los'} "
                              "is een bestand, geen map\n")  # fmt: skip


def test_init_without_git_identity_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git that cannot commit (no name, no e-mail) is found before anything is written."""
    empty = tmp_path / "leeg.gitconfig"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    for var in ("EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "")  # the author, needed too, is still unknown
    target = tmp_path / "nieuw"
    code, _, err = wet("init", str(target))
    if code == 0:
        pytest.skip("git takes an identity from this machine's host name")
    assert code == 5
    assert err.startswith("fout: git kent uw naam en e-mailadres niet; stel ze in met ")
    assert not target.exists()


def test_this_dossiers_templates_are_the_built_in_ones() -> None:
    """The 273f dossier's templates/ are what `wetgeving init` copies (the package's defaults),
    so its documents change with the package's (one once lacked the Word verslag link)."""
    own = Path(__file__).resolve().parent.parent / "templates"
    built_in = Path(dossier_mod.__file__).parent / "documents" / "templates"
    for path in sorted(own.glob("*.j2")):
        assert path.read_bytes() == (built_in / path.name).read_bytes(), path.name
