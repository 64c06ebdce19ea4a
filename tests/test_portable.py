"""Portable to Windows: no POSIX-only module, binary file writes, UTF-8 output to files and
pipes, CRLF drafts read like LF ones, any file name works."""

from __future__ import annotations

import ast
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app

SRC = Path(__file__).parent.parent / "src" / "wetgeving"
FIXTURES = Path(__file__).parent / "fixtures"
POSIX_ONLY = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "crypt"}
runner = CliRunner()


def wet(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def test_no_posix_only_imports() -> None:
    """No module imports a POSIX-only module or forks: the package imports on Windows."""
    found = []
    for module in sorted(SRC.rglob("*.py")):
        rel = module.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("fork", "forkpty", "getuid", "geteuid", "killpg")
            ):
                names = [f"os.{node.func.attr}"]
            found += [
                f"{rel}:{node.lineno}: {n}"
                for n in names
                if n.split(".")[0] in POSIX_ONLY or n.startswith("os.")
            ]
    assert found == []


def test_os_open_is_binary() -> None:
    """Every `os.open` in the package passes `O_BINARY` (as `getattr(os, "O_BINARY", 0)`).

    On Windows a file opened by `os.open` without it is in the C runtime's text mode: every
    "\n" written becomes "\r\n", so a response file would no longer hold the bytes of the
    blob committed for it. POSIX has no such flag and no text mode, so no test run on Linux
    can see the difference; this one reads the source.
    """
    calls, missing = 0, []
    for module in sorted(SRC.rglob("*.py")):
        rel = module.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "open"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "os"
            ):
                calls += 1
                flags = node.args[1] if len(node.args) > 1 else None
                flags = flags or next((k.value for k in node.keywords if k.arg == "flags"), None)
                if flags is None or "O_BINARY" not in ast.unparse(flags):
                    missing.append(f"{rel}:{node.lineno}")
    assert calls > 0  # the scan finds the calls it checks (consultation/batch.py has one)
    assert missing == []


def make(root: Path, *, line_ends: str, autocrlf: bool = False, name: str = "273f.md") -> Path:
    """A dossier made by `wetgeving init` with versions v1 and v2 recorded by the CLI.

    The draft is written with the given line ends; with `autocrlf`, git stores LF and the
    working copy holds CRLF, as on Windows.
    """
    code, _, err = wet(root, "init", str(root), "--titel", "Testwet")
    assert code == 0, err
    if autocrlf:
        git(root, "config", "core.autocrlf", "true")
    for version in ("v1", "v2"):
        data = (FIXTURES / "drafts" / f"{version}.md").read_bytes()
        (root / "drafts" / name).write_bytes(crlf(data) if line_ends == "crlf" else data)
        code, _, err = wet(root, "version", "create", version, "-m", f"Concept {version}")
        assert code == 0, err
    return root


def same_output(root: Path, *args: str) -> tuple[int, str]:
    """A command's exit code and output, with the commit ids of the versions made neutral."""
    code, out, err = wet(root, *args)
    for version in ("v1", "v2"):
        sha = git(root, "rev-list", "-n", "1", f"versie/{version}")
        for n in (40, 12, 10, 7):
            out = out.replace(sha[:n], f"<{version}>")
    out = re.sub(r"\d{4}-\d\d-\d\dT[\d:+\-Z.]+|\d{4}-\d\d-\d\d", "<datum>", out)
    return code, out + err


@pytest.mark.parametrize("autocrlf", [False, True], ids=["crlf-committed", "autocrlf"])
def test_crlf_drafts_read_like_lf(tmp_path: Path, autocrlf: bool) -> None:
    """Drafts with Windows line ends (committed as such, or by git's core.autocrlf) give the same
    diff in every format, the same show, check and fmt --check as the same drafts with LF."""
    lf = make(tmp_path / "lf", line_ends="lf")
    win = make(tmp_path / "crlf", line_ends="crlf", autocrlf=autocrlf)
    if autocrlf:  # git stored LF; the working copy keeps CRLF
        assert (
            b"\r\n"
            not in subprocess.run(
                ["git", "show", "versie/v2:drafts/273f.md"],
                cwd=win,
                check=True,
                capture_output=True,
            ).stdout
        )
    assert b"\r\n" in (win / "drafts" / "273f.md").read_bytes()
    for args in (
        ("diff", "v1", "v2"),
        ("diff", "v1", "v2", "--format", "markdown"),
        ("diff", "v1", "v2", "--format", "html"),
        ("diff", "v1", "v2", "--format", "json"),
        ("diff", "v1", "werk", "--stat"),
        ("diff", "v2", "werk", "--exit-code"),
        ("show", "werk", "--format", "json"),
        ("show", "v2", "--article", "273f, derde lid"),
        ("check",),
        ("fmt", "--check"),
    ):
        assert same_output(win, *args) == same_output(lf, *args), args


def test_fmt_keeps_crlf_and_rewrites_like_lf(tmp_path: Path) -> None:
    """fmt rewrites a CRLF draft to the same canonical text as its LF twin, keeping CRLF; a
    canonical CRLF draft is left alone."""
    untidy = "---\ntitel: Test\n---\n\n## Artikel 1\n\n1.  Een  lid.\n2. Twee.\n"
    results = {}
    for ends in ("lf", "crlf"):
        root = make(tmp_path / ends, line_ends=ends)
        path = root / "drafts" / "1.md"
        data = untidy.encode("utf-8")
        path.write_bytes(crlf(data) if ends == "crlf" else data)
        assert wet(root, "fmt", "--check")[0] == 1
        code, out, err = wet(root, "fmt")
        assert code == 0, err
        results[ends] = (out.replace(str(root), "<dossier>"), path.read_bytes())
        assert wet(root, "fmt", "--check")[0] == 0
    assert results["crlf"][0] == results["lf"][0]
    assert results["crlf"][1] == crlf(results["lf"][1])
    assert b"\n" not in results["crlf"][1].replace(b"\r\n", b"")


def utf8_dossier(root: Path) -> Path:
    """A dossier with versions v1 and v2, a response from "Łukasz Nowak" with an emoji, and a
    working draft that writes "Łódź" and "€": characters Windows' cp1252 lacks or places
    elsewhere."""
    make(root, line_ends="lf")
    code, _, err = wet(
        root, "respond", "--respondent", "Łukasz Nowak", "--point",
        "artikel 273f, derde lid=Te ruim 😀.",
    )  # fmt: skip
    assert code == 0, err
    draft = root / "drafts" / "273f.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text.replace("zesde categorie", "zesde categorie (€ 90.000, Łódź)", 1), encoding="utf-8"
    )
    return root


# Windows' ANSI code page: what Python encodes stdout and stderr in when they are redirected.
windows_file = CliRunner(charset="cp1252", env={"PYTHONIOENCODING": None})


def test_output_to_a_file_or_pipe_is_utf8(tmp_path: Path) -> None:
    """stdout and stderr that are not a console are written in UTF-8, also where Python would
    encode them in cp1252 (Windows, redirected: `diff --format html > renvooi.html`): every
    character arrives, the bytes are those of a UTF-8 run, and nothing stops with an encoding
    error."""
    root = utf8_dossier(tmp_path / "d")
    for args, expected in (
        (("responses", "list"), "Łukasz Nowak"),
        (("responses", "list", "--format", "json"), "Te ruim 😀."),
        (("diff", "v1", "werk", "--format", "html"), "Łódź"),
        (("diff", "v1", "werk", "--format", "json"), "€ 90.000"),
        (("diff", "v1", "werk"), "Łódź"),
    ):
        result = windows_file.invoke(app, ["--dossier", str(root), *args])
        assert result.exit_code == 0, (args, result.exception)
        assert expected in result.stdout_bytes.decode("utf-8"), args
        assert (
            result.stdout_bytes == runner.invoke(app, ["--dossier", str(root), *args]).stdout_bytes
        )
    result = windows_file.invoke(app, ["--dossier", str(root), "show", "vŁ"])
    assert result.exit_code == 4
    assert result.stderr_bytes.decode("utf-8") == "fout: ongeldige versie of revisie 'vŁ'\n"


def test_pythonioencoding_is_respected(tmp_path: Path) -> None:
    """An encoding the user sets in PYTHONIOENCODING is kept; an error handler alone
    (":replace") is not an encoding, and the output stays UTF-8."""
    root = make(tmp_path / "d", line_ends="lf")
    code, _, err = wet(
        root, "respond", "--respondent", "Zoë Voorbeeld", "--point", "algemeen=Goed."
    )
    assert code == 0, err
    args = ["--dossier", str(root), "responses", "list"]
    chosen = windows_file.invoke(app, args, env={"PYTHONIOENCODING": "cp1252"})
    assert chosen.exit_code == 0 and "Zoë Voorbeeld".encode("cp1252") in chosen.stdout_bytes
    handler = windows_file.invoke(app, args, env={"PYTHONIOENCODING": ":replace"})
    assert handler.exit_code == 0 and "Zoë Voorbeeld".encode() in handler.stdout_bytes


def test_names_with_spaces_and_accents(tmp_path: Path) -> None:
    """A dossier folder, draft file, import sheet and output files whose names hold spaces and
    non-ASCII letters work through the CLI."""
    root = make(tmp_path / "map met spaties" / "dossiér Zoë", line_ends="lf", name="art 273f é.md")
    code, out, _ = wet(root, "check")
    assert (code, out) == (0, "geen problemen gevonden\n")
    code, out, _ = wet(root, "diff", "v1", "v2", "--stat")
    assert code == 0 and "273f" in out
    sheet = tmp_path / "reacties van één consultatie.csv"
    sheet.write_text(
        "Naam;Plaats;Datum;Openbaar;Artikel;Reactie\r\n"
        "Zoë Voorbeeld;Ærø;20-11-2026;ja;artikel 273f, derde lid;Te ruim geformuleerd.\r\n",
        encoding="utf-8",
    )
    code, out, err = wet(root, "responses", "import", str(sheet), "--version", "v2")
    assert code == 0, err
    code, out, _ = wet(root, "responses", "list")
    assert "Zoë Voorbeeld" in out
    out_dir = tmp_path / "uitvoer met spatie"
    out_dir.mkdir()
    outputs = {
        ("mvt", "v2", "--against", "v1"): out_dir / "memorie van toelichting – é.md",
        ("verslag", "v2"): out_dir / "verslag één.html",
        ("responses", "export"): out_dir / "reactietabel Zoë.xlsx",
        ("bundle", "build", "v2"): out_dir / "bundel één.zip",
    }
    for args, target in outputs.items():
        code, _, err = wet(root, *args, "-o", str(target))
        assert code == 0, (args, err)
        assert target.is_file() and target.stat().st_size > 0
    with zipfile.ZipFile(out_dir / "bundel één.zip") as bundle:
        assert any("art 273f" in name or "273f" in name for name in bundle.namelist())
    code, out, err = wet(root, "bundle", "verify", str(out_dir / "bundel één.zip"))
    assert code == 0, err


def test_editor_command_split_the_windows_way() -> None:
    """$EDITOR on Windows: a program path with spaces in double quotes loses its quotes (else
    Windows looks for a program named by the quoted text and the editor never starts), and
    backslashes in a path stay; elsewhere the command is split as a POSIX shell does."""
    from wetgeving.cli.asking import editor_argv

    file = r"C:\Users\jurist\AppData\Local\Temp\wetgeving-punt-1.txt"
    assert editor_argv(
        r'"C:\Program Files\Notepad++\notepad++.exe" -multiInst -nosession', file, windows=True
    ) == [r"C:\Program Files\Notepad++\notepad++.exe", "-multiInst", "-nosession", file]
    assert editor_argv(r"C:\Windows\notepad.exe", file, windows=True) == [
        r"C:\Windows\notepad.exe",
        file,
    ]
    assert editor_argv("code --wait", file, windows=True) == ["code", "--wait", file]
    assert editor_argv("'/opt/my editor/ed' -n", "/tmp/p.txt", windows=False) == [
        "/opt/my editor/ed",
        "-n",
        "/tmp/p.txt",
    ]
