"""`wetgeving sync` against a real server: `git daemon --enable=receive-pack` on a free loopback
port (a file:// remote when git daemon is missing); clones interleave respond, respond dispose,
edits of different articles, version create and sync, and end up holding the same records."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_team_merge import driver_finds_this_source as driver_finds_this_source
from test_team_merge import git
from wetgeving.cli.app import app

runner = CliRunner()
ARTICLES = 8
DRAFT = "---\ntitel: Proef\n---\n" + "".join(
    f"\n## Artikel {n}\n\n1. Eerste lid van artikel {n}.\n2. Tweede lid van artikel {n}.\n"
    for n in range(1, ARTICLES + 1)
)


def wet(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def ok(root: Path, *args: str) -> str:
    code, out, err = wet(root, *args)
    assert code == 0, (args, out, err)
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _daemon_available() -> bool:
    exec_path = subprocess.run(
        ["git", "--exec-path"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return bool(exec_path) and Path(exec_path, "git-daemon").exists()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The URL of an empty bare repository served by git daemon (or a file:// URL)."""
    base = tmp_path / "server"
    (base / "dossier.git").mkdir(parents=True)
    git(base / "dossier.git", "init", "-q", "--bare")
    if not _daemon_available():
        yield (base / "dossier.git").as_uri()
        return
    port = _free_port()
    proc = subprocess.Popen(
        [
            "git", "daemon", "--enable=receive-pack", "--export-all", "--reuseaddr",
            "--informative-errors", f"--base-path={base}", "--listen=127.0.0.1",
            f"--port={port}", str(base),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("git daemon did not start") from None
                time.sleep(0.05)
        yield f"git://127.0.0.1:{port}/dossier.git"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def seed(tmp_path: Path, url: str) -> None:
    """The first lawyer makes the dossier with v1 and pushes it."""
    root = tmp_path / "eerste"
    ok(tmp_path, "init", str(root))
    (root / "drafts" / "tekst.md").write_text(DRAFT, encoding="utf-8")
    ok(root, "version", "create", "v1", "-m", "Eerste concept")
    git(root, "remote", "add", "origin", url)
    ok(root, "sync")


def clone(tmp_path: Path, url: str, name: str) -> Path:
    root = tmp_path / name
    git(tmp_path, "clone", "-q", url, str(root))
    git(root, "config", "user.name", name)
    ok(root, "setup")
    return root


def edit(root: Path, article: int, words: str, lid: int = 1) -> None:
    """Add words to one lid of one article and commit it."""
    path = root / "drafts" / "tekst.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = f"{lid}. {('Eerste', 'Tweede')[lid - 1]} lid van artikel {article}"
    n = next(i for i, line in enumerate(lines) if line.startswith((start + ".", start + ",")))
    lines[n] = lines[n][:-1] + f", {words}."
    path.write_text("\n".join(lines), encoding="utf-8")
    git(root, "commit", "-qam", f"artikel {article}, lid {lid}")


def records(root: Path) -> list[str]:
    """Every response, disposition and toelichting file of a clone, by content, sorted."""
    found = []
    for folder in ("consultation_responses", "toelichting"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.name != ".gitkeep":
                found.append(path.relative_to(root).as_posix() + "\n" + path.read_text("utf-8"))
    return sorted(found)


def respond(root: Path, n: int) -> str:
    out = ok(
        root, "respond", "--respondent", f"Indiener {n}", "--version", "v1", "--openbaar",
        "--point", f"artikel 1, eerste lid=Reactie nummer {n}.",
    )  # fmt: skip
    return out.split()[1]  # "reactie ID vastgelegd ..."


def run_team(tmp_path: Path, url: str, lawyers: int) -> list[Path]:
    seed(tmp_path, url)
    clones = [clone(tmp_path, url, f"Jurist{n}") for n in range(lawyers)]
    ids: list[str] = []
    for round_ in range(2):
        for n, root in enumerate(clones):
            ids.append(respond(root, round_ * lawyers + n))
            # Two lawyers share an article, each with their own lid.
            edit(root, n // 2 + 1, f"ronde {round_} door jurist {n}", lid=n % 2 + 1)
            if round_ == 1 and n == 0:
                ok(root, "version", "create", "v2", "-m", "Na de eerste ronde")
            ok(root, "sync")
    for root in clones:  # everyone disposes a response of a colleague, then all sync twice
        ok(root, "sync")
    for n, root in enumerate(clones):
        rid = ids[(n + 1) % len(ids)]
        ok(root, "respond", "dispose", rid, "--status", "overgenomen", "--reason", f"Door {n}.")
        ok(root, "sync")
    for root in clones:
        ok(root, "sync")
    return clones


def _check_same(clones: list[Path], lawyers: int) -> None:
    heads = {git(root, "rev-parse", "HEAD").strip() for root in clones}
    assert len(heads) == 1
    first = records(clones[0])
    responses = [r for r in first if "Reactie nummer" in r]
    assert len(responses) == 2 * lawyers
    assert sorted(int(r.split("Reactie nummer ")[1].split(".")[0]) for r in responses) == list(
        range(2 * lawyers)
    )
    for root in clones[1:]:
        assert records(root) == first
    text = (clones[0] / "drafts" / "tekst.md").read_text(encoding="utf-8")
    for n in range(lawyers):
        for round_ in range(2):
            assert f"ronde {round_} door jurist {n}" in text
    for root in clones:
        assert wet(root, "check")[0] == 0
        versions = ok(root, "version", "list")
        assert [line.split()[0] for line in versions.splitlines()] == ["v1", "v2"]
        listing = ok(root, "responses", "list")
        assert listing.count("Indiener") == 2 * lawyers


def test_two_lawyers_share_everything(tmp_path: Path, server: str) -> None:
    """Two clones interleave responses, dispositions, edits of different articles, a version
    and sync: both end with the same commit and the same records, none lost or duplicated."""
    clones = run_team(tmp_path, server, 2)
    _check_same(clones, 2)


def test_eight_lawyers_share_everything(tmp_path: Path, server: str) -> None:
    """Eight clones, two lawyers per article (each their own lid), converge on the same
    records and the same text."""
    clones = run_team(tmp_path, server, 8)
    _check_same(clones, 8)


def test_same_version_name_in_two_clones_is_refused(tmp_path: Path, server: str) -> None:
    """A version name recorded in two clones is refused at sync before anything is pushed,
    naming both commits; `version rename` is the way out."""
    seed(tmp_path, server)
    a, b = clone(tmp_path, server, "A"), clone(tmp_path, server, "B")
    edit(a, 1, "door A")
    ok(a, "version", "create", "v3", "-m", "A")
    ok(a, "sync")
    edit(b, 2, "door B")
    ok(b, "version", "create", "v3", "-m", "B")
    mine = git(b, "rev-parse", "HEAD").strip()
    theirs = git(a, "rev-parse", "HEAD").strip()
    before = git(a, "ls-remote", server)
    code, out, err = wet(b, "sync")
    assert (code, out) == (4, "")
    assert err == (
        f"fout: versie 'v3' is in twee clones vastgelegd: hier in commit {mine[:10]}, op "
        f"'origin' in commit {theirs[:10]}; er is niets verstuurd. Geef de versie hier een "
        "andere naam met 'wetgeving version rename v3 NIEUWE-NAAM' en voer sync opnieuw uit\n"
    )
    assert git(a, "ls-remote", server) == before
    assert ok(b, "version", "rename", "v3", "v3-b").startswith("versie v3 heet nu v3-b (commit ")
    assert ok(b, "sync") == (
        "gesynchroniseerd met origin/main: 2 commit(s) ontvangen, 3 verstuurd (samengevoegd)\n"
    )
    ok(a, "sync")
    names = [line.split()[0] for line in ok(a, "version", "list").splitlines()]
    assert names == ["v1", "v3", "v3-b"] or names == ["v1", "v3-b", "v3"]
    assert "refs/tags/versie/v3-b" in git(a, "ls-remote", server)


def test_shared_version_is_not_renamed(tmp_path: Path, server: str) -> None:
    """A version that was pushed is never rewritten by rename."""
    seed(tmp_path, server)
    a = clone(tmp_path, server, "A")
    code, _, err = wet(a, "version", "rename", "v1", "v1b")
    assert code == 4 and err.startswith("fout: versie 'v1' is al gedeeld (origin/")


def test_unreachable_remote_is_one_dutch_line(tmp_path: Path) -> None:
    """An error from the remote is one Dutch line with git's reason, and nothing changes."""
    root = tmp_path / "d"
    ok(tmp_path, "init", str(root))
    git(root, "remote", "add", "origin", f"git://127.0.0.1:{_free_port()}/weg.git")
    code, out, err = wet(root, "sync")
    assert (code, out) == (5, "")
    assert err.startswith("fout: git fetch naar/van 'origin' mislukt: ")
    assert err.count("\n") == 1


def test_remote_name_is_validated(tmp_path: Path) -> None:
    """A remote name that could be read as an option is refused before git sees it."""
    root = tmp_path / "d"
    ok(tmp_path, "init", str(root))
    code, _, err = wet(root, "sync", "--", "--upload-pack=x")
    assert code == 2
    assert err == (
        "fout: remote '--upload-pack=x': geef de naam van een git-remote "
        "(letters, cijfers, '.', '_', '-')\n"
    )
    code, _, err = wet(root, "sync", "elders")
    assert (code, err) == (
        2,
        "fout: remote 'elders' bestaat niet in deze clone; voeg hem toe met "
        "'git remote add elders URL'\n",
    )


if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)


def test_conflicting_edits_stop_sync_with_nothing_sent(tmp_path: Path, server: str) -> None:
    """The same lid changed in two clones, one with a version: sync merges, names the draft in
    conflict, sends nothing; after the lawyer resolves and commits, sync sends the merge."""
    seed(tmp_path, server)
    a, b = clone(tmp_path, server, "A. Jurist"), clone(tmp_path, server, "B. Jurist")
    edit(a, 3, "door A")
    ok(a, "sync")
    edit(b, 3, "door B")
    ok(b, "version", "create", "v2", "-m", "B")
    before = git(a, "ls-remote", server)
    code, out, err = wet(b, "sync")
    assert (code, out) == (5, "")
    assert err == (
        "fout: samenvoegen met 'origin' gaf conflicten in drafts/tekst.md; er is niets "
        "verstuurd. Los ze op (zie 'wetgeving check'), leg vast met 'git add' en 'git commit' "
        "en voer sync opnieuw uit\n"
    )
    assert git(a, "ls-remote", server) == before
    text = (b / "drafts" / "tekst.md").read_text(encoding="utf-8")
    assert (
        "<<<<<<< tekst van A. Jurist\n1. Eerste lid van artikel 3, door A.\n=======\n"
        "1. Eerste lid van artikel 3, door B.\n>>>>>>> tekst van B. Jurist\n"
    ) not in text  # in a merge, "ours" is this clone's text
    assert (
        "<<<<<<< tekst van B. Jurist\n1. Eerste lid van artikel 3, door B.\n=======\n"
        "1. Eerste lid van artikel 3, door A.\n>>>>>>> tekst van A. Jurist\n"
    ) in text
    code, _, err = wet(b, "sync")
    assert code == 5 and "er loopt nog een samenvoeging" in err
    path = b / "drafts" / "tekst.md"
    lines = [ln for ln in text.split("\n") if not ln.startswith(("<<<<<<<", "=======", ">>>>>>>"))]
    path.write_text("\n".join(ln for ln in lines if not ln.endswith("door A.")), encoding="utf-8")
    assert wet(b, "check")[0] == 0
    git(b, "commit", "-qam", "Samengevoegd")
    ok(b, "sync")
    ok(a, "sync")
    assert git(a, "rev-parse", "HEAD") == git(b, "rev-parse", "HEAD")


def test_rebase_labels_name_both_authors(tmp_path: Path, server: str) -> None:
    """Unsent commits without a version are rebased; a conflict there is labelled with both
    authors too (then sync falls back to a merge, leaving the markers for the lawyer)."""
    seed(tmp_path, server)
    a, b = clone(tmp_path, server, "A. Jurist"), clone(tmp_path, server, "B. Jurist")
    edit(a, 4, "door A")
    ok(a, "sync")
    edit(b, 4, "door B")
    edit(b, 5, "ook door B")
    code, _, err = wet(b, "sync")
    assert code == 5 and "conflicten in drafts/tekst.md" in err
    text = (b / "drafts" / "tekst.md").read_text(encoding="utf-8")
    assert "<<<<<<< tekst van B. Jurist\n1. Eerste lid van artikel 4, door B.\n" in text
    assert ">>>>>>> tekst van A. Jurist\n" in text
    assert "ook door B" in text


def test_rejected_push_is_one_dutch_line(tmp_path: Path, server: str) -> None:
    """A push the server refuses (a hook) is one Dutch line with git's reason; nothing moves."""
    seed(tmp_path, server)
    a = clone(tmp_path, server, "A")
    hook = tmp_path / "server" / "dossier.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'alleen lezen' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    edit(a, 1, "door A")
    before = git(a, "ls-remote", server)
    code, out, err = wet(a, "sync")
    assert (code, out) == (5, "")
    assert err == (
        "fout: git push naar 'origin' geweigerd: [remote rejected] (pre-receive hook declined)\n"
    )
    assert git(a, "ls-remote", server) == before


def test_sync_registers_a_forgotten_driver(tmp_path: Path, server: str) -> None:
    """A clone without `setup` gets the merge driver from its first sync."""
    seed(tmp_path, server)
    root = tmp_path / "vergeten"
    git(tmp_path, "clone", "-q", server, str(root))
    assert git(root, "config", "merge.wetgeving.driver", check=False) == ""
    ok(root, "sync")
    assert "merge-driver" in git(root, "config", "merge.wetgeving.driver")
