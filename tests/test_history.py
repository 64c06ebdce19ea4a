"""Concept versions in git: recording, listing, resolving revisions, loading and their safety."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wetgeving import dossier as dossier_mod
from wetgeving import gitrepo, history, parsecache, versiontext
from wetgeving.dossier import Dossier
from wetgeving.errors import GitError, ParseError, UsageError, VersionError
from wetgeving.gitrepo import repo as gitrepo_repo
from wetgeving.gitrepo import write as gitrepo_write


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def make_dossier(root: Path, fixtures: Path, draft: str = "v1.md", repo: bool = True) -> Dossier:
    """A dossier with one draft (drafts/273f.md), in a fresh repository with one commit."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Testwet", "Wetboek van Strafrecht", "BWBR0001854"),
        encoding="utf-8",
    )
    (root / "drafts").mkdir()
    shutil.copy(fixtures / "drafts" / draft, root / "drafts" / "273f.md")
    if repo:
        git(root, "init", "-q")
        git(root, "add", "wetgeving.toml")
        git(root, "commit", "-q", "-m", "dossier")
    return dossier_mod.load(root)


def put(d: Dossier, fixtures: Path, draft: str) -> None:
    shutil.copy(fixtures / "drafts" / draft, d.root / "drafts" / "273f.md")


def test_create_records_one_commit_with_trailer_and_tag(tmp_path: Path, fixtures: Path) -> None:
    """A version is one commit of drafts/ with the trailer, the message and a versie/ tag."""
    d = make_dossier(tmp_path / "d", fixtures)
    info = history.create_version(d, "v1", "Eerste concept")
    assert info.name == "v1"
    assert info.message == "Eerste concept"
    assert info.author == "Test Jurist"
    assert git(d.root, "rev-parse", "HEAD") == info.commit
    assert git(d.root, "log", "-1", "--format=%B") == "Eerste concept\n\nWetgeving-Versie: v1"
    assert git(d.root, "show", "--name-only", "--format=", "HEAD") == "drafts/273f.md"
    assert git(d.root, "rev-parse", "versie/v1^{commit}") == info.commit


def test_only_drafts_are_committed(tmp_path: Path, fixtures: Path) -> None:
    """Other staged files stay staged and stay out of the version commit."""
    d = make_dossier(tmp_path / "d", fixtures)
    (d.root / "notitie.txt").write_text("los", encoding="utf-8")
    git(d.root, "add", "notitie.txt")
    history.create_version(d, "v1", "Eerste concept")
    assert git(d.root, "show", "--name-only", "--format=", "HEAD") == "drafts/273f.md"
    assert git(d.root, "status", "--porcelain") == "A  notitie.txt"


def test_list_versions_oldest_first(tmp_path: Path, fixtures: Path) -> None:
    """list_versions returns every recorded version in order with its metadata."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    put(d, fixtures, "v2.md")
    history.create_version(d, "v2", "Tweede concept\n\nmet toelichting")
    versions = history.list_versions(d)
    assert [v.name for v in versions] == ["v1", "v2"]
    assert versions[1].message == "Tweede concept\n\nmet toelichting"
    assert versions[0].date[:4].isdigit() and "T" in versions[0].date


def test_duplicate_name_refused(tmp_path: Path, fixtures: Path) -> None:
    """A name that is already a version is refused, and nothing is committed."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    put(d, fixtures, "v2.md")
    head = git(d.root, "rev-parse", "HEAD")
    with pytest.raises(VersionError, match=r"^versie 'v1' bestaat al; kies een andere naam$"):
        history.create_version(d, "v1", "nogmaals")
    assert git(d.root, "rev-parse", "HEAD") == head


@pytest.mark.parametrize(
    "name", ["--upload-pack=x", "../x", "v1;rm", "-x", "werk", "a..b", "v1.lock", "", "x y", "é"]
)
def test_bad_names_refused_before_git(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Invalid version names are refused by the pattern before git is even started."""
    d = make_dossier(tmp_path / "d", fixtures)

    def no_git() -> None:
        raise AssertionError("git was started")

    monkeypatch.setattr(gitrepo_repo, "import_git", no_git)
    with pytest.raises(VersionError, match=r"^ongeldige versienaam "):
        history.create_version(d, name, "bericht")


def test_nothing_to_record(tmp_path: Path, fixtures: Path) -> None:
    """Drafts identical to the latest version: nothing is recorded."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    head = git(d.root, "rev-parse", "HEAD")
    with pytest.raises(VersionError) as err:
        history.create_version(d, "v2", "zelfde tekst")
    assert err.value.message == "niets vast te leggen: drafts/ is gelijk aan versie 'v1'"
    assert git(d.root, "rev-parse", "HEAD") == head
    assert git(d.root, "tag", "--list") == "versie/v1"


def test_unchanged_since_head_records_empty_commit(tmp_path: Path, fixtures: Path) -> None:
    """Drafts committed by plain git but not yet a version: an empty commit names that text."""
    d = make_dossier(tmp_path / "d", fixtures)
    git(d.root, "add", "drafts")
    git(d.root, "commit", "-q", "-m", "tekst")
    tree = git(d.root, "rev-parse", "HEAD^{tree}")
    info = history.create_version(d, "v1", "Eerste concept")
    assert git(d.root, "rev-parse", f"{info.commit}^{{tree}}") == tree
    assert (
        history.snapshot(d, "v1").files["drafts/273f.md"]
        == (fixtures / "drafts" / "v1.md").read_bytes()
    )


def test_empty_drafts_nothing_to_record(tmp_path: Path, fixtures: Path) -> None:
    """No draft files at all: nothing is recorded."""
    d = make_dossier(tmp_path / "d", fixtures)
    (d.root / "drafts" / "273f.md").unlink()
    with pytest.raises(VersionError, match=r"^niets vast te leggen: drafts/ bevat geen"):
        history.create_version(d, "v1", "leeg")


def test_empty_message_refused(tmp_path: Path, fixtures: Path) -> None:
    """A blank message or one that forges the trailer is refused."""
    d = make_dossier(tmp_path / "d", fixtures)
    with pytest.raises(UsageError):
        history.create_version(d, "v1", "  ")
    with pytest.raises(UsageError):
        history.create_version(d, "v1", "x\n\nWetgeving-Versie: v9")


def test_snapshot_resolves_versions_revisions_and_werk(tmp_path: Path, fixtures: Path) -> None:
    """snapshot takes a version name, HEAD~1, a commit id, v2~1 and werk."""
    d = make_dossier(tmp_path / "d", fixtures)
    v1 = history.create_version(d, "v1", "Eerste concept")
    put(d, fixtures, "v2.md")
    v2 = history.create_version(d, "v2", "Tweede concept")
    text1 = (fixtures / "drafts" / "v1.md").read_bytes()
    snap = history.snapshot(d, "v1")
    assert (snap.name, snap.commit) == ("v1", v1.commit)
    assert snap.files == {"drafts/273f.md": text1}
    assert snap.blobs == {"drafts/273f.md": gitrepo.blob_id(text1)}
    assert history.snapshot(d, "HEAD~1").commit == v1.commit
    assert history.snapshot(d, "HEAD~1").name == "HEAD~1"
    assert history.snapshot(d, "v2~1").commit == v1.commit
    assert history.snapshot(d, v2.commit[:12]).commit == v2.commit
    put(d, fixtures, "geldend.md")
    werk = history.snapshot(d, "werk")
    assert (werk.name, werk.commit, werk.blobs) == ("werk", None, {})
    assert werk.files == {"drafts/273f.md": (fixtures / "drafts" / "geldend.md").read_bytes()}


def test_snapshots_read_several_versions_at_once(tmp_path: Path, fixtures: Path) -> None:
    """snapshots gives for each revision what snapshot gives, werk and repeats included."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    put(d, fixtures, "v2.md")
    history.create_version(d, "v2", "Tweede concept")
    put(d, fixtures, "geldend.md")
    revs = ["v1", "werk", "v2", "v1", "HEAD~1"]
    assert history.snapshots(d, revs) == [history.snapshot(d, rev) for rev in revs]
    with pytest.raises(VersionError, match="onbekende versie of revisie 'v9'"):
        history.snapshots(d, ["v1", "v9"])
    texts = versiontext.load_versions(d, ["v1", "v2"])
    assert [t.name for t in texts] == ["v1", "v2"]
    assert texts[1].regelingen == versiontext.load_version(d, "v2").regelingen


def test_snapshot_lists_only_draft_markdown_sorted(tmp_path: Path, fixtures: Path) -> None:
    """Files are drafts/**/*.md, paths relative to the dossier root, sorted; others ignored."""
    d = make_dossier(tmp_path / "d", fixtures)
    (d.root / "drafts" / "sub").mkdir()
    shutil.copy(fixtures / "drafts" / "v2.md", d.root / "drafts" / "sub" / "a.md")
    shutil.copy(fixtures / "drafts" / "v2.md", d.root / "drafts" / "0.md")
    (d.root / "drafts" / "noot.txt").write_text("x", encoding="utf-8")
    history.create_version(d, "v1", "Eerste concept")
    expected = ["drafts/0.md", "drafts/273f.md", "drafts/sub/a.md"]
    assert list(history.snapshot(d, "v1").files) == expected
    assert list(history.snapshot(d, "werk").files) == expected


def test_snapshot_in_a_sha256_repository(tmp_path: Path, fixtures: Path) -> None:
    """A repository with SHA-256 object ids reads the same drafts (tree ids are 32 bytes)."""
    d = make_dossier(tmp_path / "d", fixtures, repo=False)
    git(d.root, "init", "-q", "--object-format=sha256")
    git(d.root, "add", "wetgeving.toml")
    git(d.root, "commit", "-q", "-m", "dossier")
    (d.root / "drafts" / "map met spatie é").mkdir()
    shutil.copy(fixtures / "drafts" / "v2.md", d.root / "drafts" / "map met spatie é" / "b.md")
    # Recorded with plain git: gitpython, which `version create` writes with, knows only SHA-1.
    git(d.root, "add", "drafts")
    git(d.root, "commit", "-q", "-m", "Eerste concept\n\nWetgeving-Versie: v1")
    snap = history.snapshot(d, "v1")
    with pytest.raises(GitError, match="de git-repository gebruikt SHA-256; wetgeving legt"):
        history.create_version(d, "v2", "Tweede concept")
    assert list(snap.files) == ["drafts/273f.md", "drafts/map met spatie é/b.md"]
    assert snap.files["drafts/273f.md"] == (fixtures / "drafts" / "v1.md").read_bytes()
    assert all(len(sha) == 64 for sha in snap.blobs.values())


def test_unknown_version_lists_known(tmp_path: Path, fixtures: Path) -> None:
    """An unknown name says so in one line with the known versions."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    with pytest.raises(VersionError) as err:
        history.snapshot(d, "v7")
    assert err.value.message == "onbekende versie of revisie 'v7'; bekende versies: v1"


@pytest.mark.parametrize("rev", ["--output=/tmp/x", "-x", "../x", "HEAD@{1}", "a..b", "x;y"])
def test_bad_revisions_refused(tmp_path: Path, fixtures: Path, rev: str) -> None:
    """Revisions that could be git options or ranges are refused."""
    d = make_dossier(tmp_path / "d", fixtures)
    with pytest.raises(VersionError) as err:
        history.snapshot(d, rev)
    assert err.value.message == f"ongeldige versie of revisie '{rev}'"


def test_clone_without_tags_keeps_versions(tmp_path: Path, fixtures: Path) -> None:
    """A `git clone --no-tags --single-branch` still knows every version (from the trailers)."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    put(d, fixtures, "v2.md")
    history.create_version(d, "v2", "Tweede concept")
    clone = tmp_path / "kloon"
    subprocess.run(
        ["git", "clone", "-q", "--no-tags", "--single-branch", (d.root).as_uri(), str(clone)],
        check=True,
    )
    assert git(clone, "tag", "--list") == ""
    cloned = dossier_mod.load(clone)
    assert [v.name for v in history.list_versions(cloned)] == ["v1", "v2"]
    assert history.snapshot(cloned, "v1").files == history.snapshot(d, "v1").files


def test_dossier_in_subfolder_of_repository(tmp_path: Path, fixtures: Path) -> None:
    """A dossier in a subfolder of a repository uses paths relative to the dossier."""
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q")
    d = make_dossier(top / "sub", fixtures, repo=False)
    history.create_version(d, "v1", "Eerste concept")
    assert list(history.snapshot(d, "v1").files) == ["drafts/273f.md"]
    assert git(top, "show", "--name-only", "--format=", "HEAD") == "sub/drafts/273f.md"
    assert history.show_version(d, "v1").files == ("drafts/273f.md",)


def test_not_in_git_repository(tmp_path: Path, fixtures: Path) -> None:
    """A dossier outside any repository gets a message saying what to do."""
    d = make_dossier(tmp_path / "d", fixtures, repo=False)
    with pytest.raises(GitError) as err:
        history.list_versions(d)
    assert err.value.message == (
        f"{d.root}: het dossier staat niet in een git-repository; "
        "maak er een met 'git init' of begin met 'wetgeving init PAD'"
    )


def test_git_missing(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a git executable the message says to install git."""
    d = make_dossier(tmp_path / "d", fixtures)
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    with pytest.raises(GitError) as err:
        history.create_version(d, "v1", "Eerste concept")
    assert err.value.message == (
        "git is niet gevonden; installeer git (https://git-scm.com) en probeer opnieuw"
    )


def test_stale_index_lock(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A left-over .git/index.lock is named, with what to do, and nothing is recorded."""
    d = make_dossier(tmp_path / "d", fixtures)
    monkeypatch.setattr(gitrepo_write, "INDEX_LOCK_WAIT", 0.1)
    lock = d.root / ".git" / "index.lock"
    lock.write_text("", encoding="utf-8")
    head = git(d.root, "rev-parse", "HEAD")
    with pytest.raises(GitError) as err:
        history.create_version(d, "v1", "Eerste concept")
    assert err.value.message == (
        f"git is bezet: {lock} bestaat; wacht tot het andere git-proces klaar is, "
        "of verwijder dit bestand als er geen git-proces draait"
    )
    assert git(d.root, "rev-parse", "HEAD") == head
    lock.unlink()
    assert history.create_version(d, "v1", "Eerste concept").name == "v1"


def test_commit_paths_commits_only_those(tmp_path: Path, fixtures: Path) -> None:
    """commit_paths commits exactly the given files and returns the new commit."""
    d = make_dossier(tmp_path / "d", fixtures)
    (d.root / "consultation_responses").mkdir()
    (d.root / "consultation_responses" / "r1.md").write_text("reactie", encoding="utf-8")
    (d.root / "los.txt").write_text("los", encoding="utf-8")
    sha = gitrepo.commit_paths(d.root, [Path("consultation_responses/r1.md")], "Reactie 1")
    assert git(d.root, "rev-parse", "HEAD") == sha
    assert git(d.root, "show", "--name-only", "--format=", "HEAD") == (
        "consultation_responses/r1.md"
    )
    assert gitrepo.commit_paths(d.root, [d.root / "consultation_responses" / "r1.md"], "x") == sha
    with pytest.raises(UsageError):
        gitrepo.commit_paths(d.root, [tmp_path / "elders.txt"], "buiten")


def test_commit_refused_by_a_hook_leaves_nothing_staged(tmp_path: Path, fixtures: Path) -> None:
    """A commit git refuses (a pre-commit hook) takes the paths out of the index again."""
    d = make_dossier(tmp_path / "d", fixtures)
    hook = d.root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    (d.root / "consultation_responses").mkdir()
    (d.root / "consultation_responses" / "r1.md").write_text("reactie", encoding="utf-8")
    with pytest.raises(GitError, match=r"^git commit mislukt \(afsluitcode 1\)$"):
        gitrepo.commit_paths(d.root, [Path("consultation_responses/r1.md")], "Reactie 1")
    assert git(d.root, "diff", "--cached", "--name-only") == ""
    with pytest.raises(GitError):
        history.create_version(d, "v1", "Eerste concept")
    assert git(d.root, "diff", "--cached", "--name-only") == ""


def test_refused_version_keeps_what_the_lawyer_had_staged(tmp_path: Path, fixtures: Path) -> None:
    """A recording git refuses leaves drafts/ staged exactly as the lawyer had staged it."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    draft = d.root / "drafts" / "273f.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(d.root, "add", "drafts/273f.md")
    staged = git(d.root, "ls-files", "--stage", "--", "drafts")
    draft.write_text(draft.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # and more
    (d.root / "drafts" / "nieuw.md").write_text("## Artikel 1\n\nTekst.\n", encoding="utf-8")
    hook = d.root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(GitError):
        history.create_version(d, "v2", "Tweede concept")
    assert git(d.root, "ls-files", "--stage", "--", "drafts") == staged
    assert git(d.root, "diff", "--cached", "--name-only") == "drafts/273f.md"


def test_load_version_parses_and_caches(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_version parses each draft once per blob and keeps a disk cache in .git."""
    monkeypatch.setattr(parsecache, "_MEMORY", {})
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    first = versiontext.load_version(d, "v1")
    assert first.name == "v1"
    assert [r.path for r in first.regelingen] == ["drafts/273f.md"]
    assert first.regelingen[0].find("art.273f") is not None
    again = versiontext.load_version(d, "werk")
    assert again.commit is None
    assert again.regelingen[0] is first.regelingen[0]
    assert list((d.root / ".git" / "wetgeving-cache").glob("*.pickle"))
    parsecache._MEMORY.clear()
    calls: list[str] = []
    monkeypatch.setattr(parsecache, "parse_bytes", lambda data, path: calls.append(path))
    assert versiontext.load_version(d, "v1").regelingen == first.regelingen
    assert calls == []  # read back from the disk cache, not parsed again


def test_load_version_parse_error_names_version_file_line(tmp_path: Path, fixtures: Path) -> None:
    """A draft that does not parse is reported with version, file and line."""
    d = make_dossier(tmp_path / "d", fixtures)
    (d.root / "drafts" / "kapot.md").write_text("## Artikel 1\n\nTekst.\n", encoding="utf-8")
    history.create_version(d, "v1", "Eerste concept")
    with pytest.raises(ParseError) as err:
        versiontext.load_version(d, "v1")
    assert err.value.message.startswith("in versie v1: drafts/kapot.md:1: ")
    with pytest.raises(ParseError) as err:
        versiontext.load_version(d, "werk")
    assert err.value.message.startswith("in de werkmap: drafts/kapot.md:1: ")


def test_werk_needs_no_repository(tmp_path: Path, fixtures: Path) -> None:
    """The working tree can be read and parsed without git or a repository."""
    d = make_dossier(tmp_path / "d", fixtures, repo=False)
    assert list(history.snapshot(d, "werk").files) == ["drafts/273f.md"]
    assert versiontext.load_version(d, "werk").regelingen[0].find("art.273f") is not None


def test_push_of_branch_alone_keeps_versions(tmp_path: Path, fixtures: Path) -> None:
    """Pushing only the branch (no tags) to another repository keeps every version."""
    d = make_dossier(tmp_path / "d", fixtures)
    history.create_version(d, "v1", "Eerste concept")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(d.root, "push", "-q", str(remote), "HEAD:refs/heads/main")
    assert git(remote, "tag", "--list") == ""
    clone = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(remote), str(clone))
    assert [v.name for v in history.list_versions(dossier_mod.load(clone))] == ["v1"]


def test_record_version_refuses_a_draft_that_does_not_parse(tmp_path: Path, fixtures: Path) -> None:
    """The library's record_version (not only the CLI) never records a draft that does not parse.

    The error names file and line; no commit, no tag, nothing staged, the work tree untouched.
    """
    d = make_dossier(tmp_path / "d", fixtures)
    versiontext.record_version(d, "v1", "Eerste concept")
    head = git(d.root, "rev-parse", "HEAD")
    broken = "## Artikel 1\n\nTekst.\n"
    (d.root / "drafts" / "kapot.md").write_text(broken, encoding="utf-8")
    with pytest.raises(ParseError) as err:
        versiontext.record_version(d, "v2", "Tweede concept")
    assert err.value.message.startswith("in de werkmap: drafts/kapot.md:1: ")
    assert git(d.root, "rev-parse", "HEAD") == head
    assert git(d.root, "tag", "--list", "versie/v2") == ""
    assert git(d.root, "diff", "--cached", "--name-only") == ""
    assert [v.name for v in history.list_versions(d)] == ["v1"]
    assert (d.root / "drafts" / "kapot.md").read_text(encoding="utf-8") == broken


def test_record_version_records_and_caches_a_draft_that_parses(
    tmp_path: Path, fixtures: Path
) -> None:
    """record_version records parsing drafts as a version and leaves their trees in the cache."""
    d = make_dossier(tmp_path / "d", fixtures)
    info = versiontext.record_version(d, "v1", "Eerste concept")
    assert info.name == "v1"
    assert [v.name for v in history.list_versions(d)] == ["v1"]
    blob = history.snapshot(d, "v1").blobs["drafts/273f.md"]
    cache = gitrepo.cache_dir(d.root)
    assert cache is not None
    assert parsecache.disk_path(cache, blob).exists()
