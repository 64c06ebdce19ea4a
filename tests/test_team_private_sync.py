"""`wetgeving sync` with a private repository: each repository goes to its own remote, against
the git daemon of test_team_sync (two bare repositories under one base path)."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

from test_team_merge import driver_finds_this_source as driver_finds_this_source
from test_team_merge import git
from test_team_sync import DRAFT, ok, wet
from test_team_sync import server as server

SECRET = "Geheim punt nummer"
OPEN = "Openbaar punt nummer"


def private_url(url: str) -> str:
    """The private repository beside the dossier's on the same server: `prive.git`."""
    return url.rsplit("/", 1)[0] + "/prive.git"


def bare_beside(tmp_path: Path) -> None:
    """Make the bare `prive.git` next to the fixture's `dossier.git`."""
    bare = tmp_path / "server" / "prive.git"
    bare.mkdir()
    git(bare, "init", "-q", "--bare")


def seed(tmp_path: Path, url: str) -> None:
    """The first lawyer: dossier with v1, an (empty) clone of the private repository beside it,
    `setup --prive ../prive`, and a sync that sends both."""
    home = tmp_path / "eerste"
    home.mkdir()
    root = home / "dossier"
    ok(tmp_path, "init", str(root))
    (root / "drafts" / "tekst.md").write_text(DRAFT, encoding="utf-8")
    ok(root, "version", "create", "v1", "-m", "Eerste concept")
    git(root, "remote", "add", "origin", url)
    git(home, "clone", "-q", private_url(url), "prive")
    ok(root, "setup", "--prive", "../prive")
    out = ok(root, "sync")
    assert out.splitlines()[1].startswith(
        "privé-repository ../prive: gesynchroniseerd met origin/main: 0 commit(s) ontvangen, 1 verstuurd"
    )


def clone(tmp_path: Path, url: str, name: str) -> Path:
    """A lawyer's folder: the dossier and the private repository cloned side by side."""
    home = tmp_path / name
    home.mkdir()
    git(home, "clone", "-q", url, "dossier")
    git(home, "clone", "-q", private_url(url), "prive")
    for repo in ("dossier", "prive"):
        git(home / repo, "config", "user.name", name)
    ok(home / "dossier", "setup")
    return home / "dossier"


def respond(root: Path, n: int, openbaar: bool) -> str:
    flag, text = ("--openbaar", OPEN) if openbaar else ("--niet-openbaar", SECRET)
    out = ok(
        root, "respond", "--respondent", f"Indiener {n}", "--version", "v1", flag,
        "--point", f"artikel 1, eerste lid={text} {n}.",
    )  # fmt: skip
    return out.split()[1]


def records(repo: Path) -> list[str]:
    """The response files of one repository, by content, sorted."""
    return sorted(
        p.name + "\n" + p.read_text("utf-8") for p in (repo / "consultation_responses").glob("*.md")
    )


def test_two_clones_sync_both_repositories_to_their_own_remotes(
    tmp_path: Path, server: str
) -> None:
    """Two lawyers, each with a dossier clone and a private clone, interleave openbare and
    niet-openbare reactions, a disposition of a colleague's private reaction and sync: both end
    with the same records in each repository, none lost or duplicated, and the public remote
    never holds a private text."""
    bare_beside(tmp_path)
    seed(tmp_path, server)
    roots = [clone(tmp_path, server, f"Jurist{n}") for n in range(2)]
    secrets: list[str] = []
    for round_ in range(2):
        for n, root in enumerate(roots):
            number = round_ * 2 + n
            respond(root, number, True)
            secrets.append(respond(root, number, False))
            lines = ok(root, "sync").splitlines()
            assert lines[0].startswith("gesynchroniseerd met origin/main")
            assert lines[1].startswith(
                "privé-repository ../prive: gesynchroniseerd met origin/main"
            )
    for root in roots:
        ok(root, "sync")
    ok(roots[0], "respond", "dispose", secrets[1], "--status", "overgenomen", "--reason", "Gedaan.")
    for root in (*roots, roots[0], roots[1]):
        ok(root, "sync")
    homes = [root.parent for root in roots]
    for repo in ("dossier", "prive"):
        first = records(homes[0] / repo)
        assert records(homes[1] / repo) == first
        assert len(first) == 4
        heads = {git(home / repo, "rev-parse", "HEAD") for home in homes}
        assert len(heads) == 1
    hidden = records(homes[0] / "prive")
    assert sorted(int(r.split(SECRET + " ")[1].split(".")[0]) for r in hidden) == [0, 1, 2, 3]
    assert sum("Gedaan." in r for r in hidden) == 1
    assert all(OPEN not in r for r in hidden)
    public_remote = tmp_path / "server" / "dossier.git"
    history = git(public_remote, "log", "--all", "-p")
    assert OPEN in history and SECRET not in history
    assert not any(s in history for s in secrets)
    assert SECRET in git(tmp_path / "server" / "prive.git", "log", "--all", "-p")
    for root in roots:
        listing = ok(root, "responses", "list")
        assert listing.count("[niet openbaar]") == 4 and listing.count("[openbaar]") == 4


def test_private_sync_error_names_the_repository(tmp_path: Path) -> None:
    """An error of the private repository's sync (here: no remote 'origin') is one Dutch line
    that names it; the dossier itself was sent."""
    remote = tmp_path / "dossier.git"
    remote.mkdir()
    git(remote, "init", "-q", "--bare")
    root = tmp_path / "d" / "dossier"
    ok(tmp_path, "init", str(root))
    (root / "drafts" / "tekst.md").write_text(DRAFT, encoding="utf-8")
    ok(root, "version", "create", "v1", "-m", "Eerste concept")
    git(root, "remote", "add", "origin", remote.as_uri())
    ok(root, "setup", "--prive", "../prive")
    code, out, err = wet(root, "sync")
    assert code == 2
    assert out.startswith("gesynchroniseerd met origin/main")
    assert (
        err
        == "fout: privé-repository ../prive: remote 'origin' bestaat niet in deze clone; voeg hem toe met 'git remote add origin URL'\n"
    )
    assert git(remote, "rev-parse", "main") == git(root, "rev-parse", "HEAD")
