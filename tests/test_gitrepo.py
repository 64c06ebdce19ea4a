"""The git adapter on its own: finding the repository, the one version log, git's messages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from wetgeving import gitrepo
from wetgeving.errors import GitError
from wetgeving.gitrepo.repo import explain


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def test_outside_a_repository_the_one_message(tmp_path: Path) -> None:
    """Outside git: one Dutch message for the git folder; no cache folder."""
    with pytest.raises(GitError) as err:
        gitrepo.git_dir(tmp_path)
    assert err.value.message == (
        f"{tmp_path}: het dossier staat niet in een git-repository; "
        "maak er een met 'git init' of begin met 'wetgeving init PAD'"
    )
    assert gitrepo.cache_dir(tmp_path) is None


def test_git_folder_of_a_linked_work_tree(tmp_path: Path) -> None:
    """A dossier in a linked work tree (`.git` is a file) gets that work tree's own git folder."""
    main = tmp_path / "main"
    main.mkdir()
    git(main, "init", "-q")
    git(main, "commit", "-q", "--allow-empty", "-m", "begin")
    git(main, "worktree", "add", "-q", str(tmp_path / "wt"))
    (tmp_path / "wt" / "dossier").mkdir()
    found = gitrepo.git_dir(tmp_path / "wt" / "dossier")
    assert found == Path(git(tmp_path / "wt", "rev-parse", "--absolute-git-dir"))
    assert gitrepo.cache_dir(tmp_path / "wt" / "dossier") == found / "wetgeving-cache"


def test_commits_with_trailer_newest_first(tmp_path: Path) -> None:
    """The version log: commits with the trailer only, newest first, values as written."""
    git(tmp_path, "init", "-q")
    assert gitrepo.git_dir(tmp_path) == tmp_path.resolve() / ".git"
    with gitrepo.opened(tmp_path) as repo:
        assert gitrepo.head(repo) is None
        assert gitrepo.commits_with_trailer(repo, "Sleutel") == []
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "een\n\nSleutel: a")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "zonder")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "twee\n\nSleutel: b")
    with gitrepo.opened(tmp_path) as repo:
        logged = gitrepo.commits_with_trailer(repo, "Sleutel")
        assert [entry.values for entry in logged] == [("b",), ("a",)]
        assert logged[0].commit == gitrepo.head(repo) == git(tmp_path, "rev-parse", "HEAD")
        assert logged[1].message.startswith("een\n")
        assert gitrepo.resolve(repo, "HEAD~2") == logged[1].commit
        assert gitrepo.resolve(repo, "bestaat-niet") is None
        assert gitrepo.drafts_tree(repo, "HEAD") == {}


@pytest.mark.parametrize(
    ("stderr", "message"),
    [
        ("\n  stderr: 'fatal: bad revision 'x''", "git diff mislukt: fatal: bad revision 'x'"),
        ("fatal: bad revision 'x'\n", "git diff mislukt: fatal: bad revision 'x'"),
        ("", "git diff mislukt: onbekende fout"),
    ],
)
def test_explain_reads_git_and_gitpython_error_output(stderr: str, message: str) -> None:
    """git's own error output and gitpython's quoted form give the same one-line message."""
    assert explain("diff", stderr) == message
