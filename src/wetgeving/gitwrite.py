"""Writing concept versions to git through gitpython: the only module that imports it (lazily).

Writes go through `repo.git.add/commit` (not `repo.index`, which ignores .gitattributes), under the
dossier's repository lock, committing only the paths written. Reading goes through `gitread`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wetgeving import locking
from wetgeving.errors import GitError, UsageError
from wetgeving.gitread import explain, parse_tree

if TYPE_CHECKING:
    from git import Repo

    from wetgeving.dossier import Dossier

LOCK_FILE = "wetgeving.lock"
LOCK_TIMEOUT = 30.0
INDEX_LOCK_WAIT = 2.0


def import_git() -> Any:
    # gitpython refuses to import without a git executable; we want our own message instead.
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    if shutil.which(os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")) is None:
        raise GitError(
            "git is niet gevonden; installeer git (https://git-scm.com) en probeer opnieuw"
        )
    import git

    return git


@contextlib.contextmanager
def open_repo(dossier: Dossier) -> Iterator[tuple[Repo, str]]:
    """Yield the repository holding the dossier and the dossier's prefix in it ("" or "sub/")."""
    git = import_git()
    try:
        repo = git.Repo(dossier.root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(
            f"{dossier.root}: het dossier staat niet in een git-repository; "
            "maak er een met 'git init' of begin met 'wetgeving init PAD'"
        ) from None
    with repo:
        if repo.bare or repo.working_tree_dir is None:
            raise GitError(f"{dossier.root}: git-repository zonder werkmap")
        if _object_format(repo) != "sha1":
            # gitpython, which writes the versions, reads SHA-1 repositories only.
            raise GitError(
                f"{dossier.root}: de git-repository gebruikt SHA-256; wetgeving legt versies "
                "alleen vast in een SHA-1-repository (de standaard van 'git init')"
            )
        top = Path(repo.working_tree_dir).resolve()
        rel = Path(dossier.root).resolve().relative_to(top).as_posix()
        prefix = "" if rel == "." else rel + "/"
        with repo.git.custom_environment(GIT_LITERAL_PATHSPECS="1", LC_ALL="C"):
            yield repo, prefix


def _object_format(repo: Repo) -> str:
    import git

    try:
        return str(repo.git.rev_parse("--show-object-format")).strip()
    except git.GitCommandError as exc:
        stderr = str(exc.stderr or "")
        if "fatal:" in stderr:  # a broken .git/config, for instance: every later command fails
            raise GitError(explain("rev-parse", stderr)) from None
        return "sha1"  # a git older than 2.25 knows no other format


def run(repo: Repo, command: str, *args: str, **kwargs: Any) -> str:
    """Run one git command, turning its failure into a GitError with git's own first line."""
    import git

    try:
        out: str = getattr(repo.git, command)(*args, **kwargs)
    except git.GitCommandError as exc:
        stderr = str(exc.stderr or "").strip()
        if not stderr:
            # A hook that refuses without a word, for instance.
            raise GitError(f"git {command} mislukt (afsluitcode {exc.status})") from None
        raise GitError(explain(command, stderr)) from None
    return out


@contextlib.contextmanager
def unstaged_on_failure(repo: Repo, *specs: str) -> Iterator[None]:
    """Put the index of `specs` back as it was when the block fails (a commit a hook refused).

    Otherwise the next plain `git commit` of the lawyer would record what wetgeving reported as
    not stored; and what the lawyer had staged there before stays staged.
    """
    before = run(repo, "ls-files", "--stage", "--", *specs).splitlines()
    try:
        yield
    except BaseException:
        with contextlib.suppress(GitError):
            _restore_index(repo, specs, before)
        raise


def _restore_index(repo: Repo, specs: tuple[str, ...], before: list[str]) -> None:
    if has_head(repo):
        run(repo, "reset", "-q", "HEAD", "--", *specs)
        now = set(run(repo, "ls-files", "--", *specs).splitlines())
    else:
        run(repo, "rm", "--cached", "-r", "-q", "--ignore-unmatch", "--", *specs)
        now = set()
    kept: set[str] = set()
    for entry in before:  # "<mode> <blob> <stage>\t<path>"
        info, _, path = entry.partition("\t")
        mode, blob, _ = info.split(" ")
        kept.add(path)
        run(repo, "update-index", "--add", "--cacheinfo", f"{mode},{blob},{path}")
    for path in sorted(now - kept):  # staged for removal before
        run(repo, "update-index", "--force-remove", "--", path)


@contextlib.contextmanager
def locked(repo: Repo) -> Iterator[None]:
    """Hold the dossier's repository lock (an OS lock: a crashed process never leaves it held)."""
    path = Path(repo.git_dir) / LOCK_FILE
    busy = (
        f"het dossier is bezet: een ander wetgeving-proces houdt {path} vast; "
        "probeer het zo opnieuw"
    )
    with locking.hold(path, LOCK_TIMEOUT, busy, poll=0.05):
        _wait_index_lock(repo)
        yield


def _wait_index_lock(repo: Repo) -> None:
    index_lock = Path(repo.git_dir) / "index.lock"
    deadline = time.monotonic() + INDEX_LOCK_WAIT
    while index_lock.exists():
        if time.monotonic() > deadline:
            raise GitError(
                f"git is bezet: {index_lock} bestaat; wacht tot het andere git-proces klaar is, "
                "of verwijder dit bestand als er geen git-proces draait"
            )
        time.sleep(0.05)


def refuse_detached(repo: Repo) -> None:
    """Refuse to commit on a detached HEAD: the commit would be on no branch and easily lost.

    Raises:
        GitError: naming the way back to a branch.
    """
    if has_head(repo) and repo.head.is_detached:
        raise GitError(
            "git staat niet op een tak (detached HEAD); een vastlegging zou verloren kunnen "
            "gaan. Ga eerst naar een tak, bijvoorbeeld met 'git switch main'"
        )


def has_head(repo: Repo) -> bool:
    return bool(repo.head.is_valid())


def repository_root(path: Path) -> Path | None:
    """Return the top of the git work tree holding `path` (or its nearest existing parent).

    Raises:
        GitError: when git is missing.
    """
    git = import_git()
    here = path.resolve()
    while not here.exists():
        here = here.parent
    try:
        with git.Repo(here, search_parent_directories=True) as repo:
            top = repo.working_tree_dir
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    return Path(top) if top is not None else None


def init_repository(path: Path) -> None:
    """Create a git repository in `path` (`git init`).

    Raises:
        GitError: when git is missing or refuses.
    """
    git = import_git()
    try:
        git.Repo.init(path).close()
    except git.GitCommandError as exc:
        raise GitError(explain("init", str(exc.stderr))) from None


def same(repo: Repo, commit: str, *pathspecs: str) -> bool:
    """True when the staged files under `pathspecs` equal those of `commit`."""
    import git

    try:
        repo.git.diff("--cached", "--quiet", "--end-of-options", commit, "--", *pathspecs)
    except git.GitCommandError as exc:
        if exc.status == 1:
            return False
        raise GitError(explain("diff", str(exc.stderr))) from None
    return True


def tree_files(repo: Repo, commit: str, prefix: str) -> dict[str, str]:
    """Return dossier-relative path -> blob id of the drafts/**/*.md files in `commit`."""
    base = prefix + "drafts"
    out = run(repo, "ls_tree", "-r", "-z", "--end-of-options", commit, "--", base)
    return parse_tree(out, base, prefix)


def commit_paths(dossier: Dossier, paths: list[Path], message: str) -> str:
    """Commit exactly `paths` (absolute, or relative to the dossier root) under the repository lock.

    Returns:
        The id of the new commit, or of HEAD when these paths hold no change.

    Raises:
        UsageError: a path outside the dossier, or an empty message.
        GitError: git missing, locked or refusing.
    """
    text = message.strip()
    if not text:
        raise UsageError("lege commitomschrijving")
    root = Path(dossier.root).resolve()
    rel: list[str] = []
    for path in paths:
        full = (path if path.is_absolute() else root / path).resolve()
        try:
            rel.append(full.relative_to(root).as_posix())
        except ValueError:
            raise UsageError(f"{path}: ligt buiten het dossier {root}") from None
    if not rel:
        raise UsageError("geen bestanden om vast te leggen")
    with open_repo(dossier) as (repo, prefix), locked(repo):
        refuse_detached(repo)
        specs = [prefix + r for r in rel]
        # With nothing else staged, committing the index after `add` commits exactly these paths
        # and avoids `commit --only`, which hashes every file a second time (slow for an import).
        only = not _nothing_staged(repo)
        with unstaged_on_failure(repo, *specs):
            run(repo, "add", "-A", "--", *specs)
            if has_head(repo) and same(repo, "HEAD", *specs):
                return repo.head.commit.hexsha
            if only:
                run(repo, "commit", "--quiet", "--only", "-m", text, "--", *specs)
            else:
                run(repo, "commit", "--quiet", "-m", text)
        return repo.head.commit.hexsha


def _nothing_staged(repo: Repo) -> bool:
    """True when the index equals HEAD and no merge, cherry-pick or revert is under way."""
    gdir = Path(repo.git_dir)
    if not has_head(repo) or any(
        (gdir / name).exists() for name in ("MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD")
    ):
        return False
    return same(repo, "HEAD")


@contextlib.contextmanager
def blob_packer(dossier: Dossier) -> Iterator[Callable[[bytes], None]]:
    """Yield a function that stores file contents as git blobs in one pack, in the background.

    Only a speed-up for writing many new files: `git add` of 100,000 new files creates as many
    loose objects, which is slow; when their blobs are already in a pack, `commit_paths` only
    hashes the files (and still stages them itself, honouring .gitattributes). `git fast-import`
    runs alongside the caller while it writes the files; the context waits for it on exit. A
    failure of the packer is ignored: at worst `git add` writes the objects itself.

    Raises:
        GitError: when the dossier is not in a git repository.
    """
    import_git()
    with open_repo(dossier) as (repo, _prefix):
        top = repo.working_tree_dir
    exe = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")
    try:
        proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [exe, "fast-import", "--quiet"],
            cwd=top,
            bufsize=1 << 20,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        proc = None

    def store(data: bytes) -> None:
        nonlocal proc
        if proc is None or proc.stdin is None:
            return
        try:
            proc.stdin.write(b"blob\ndata %d\n%b\n" % (len(data), data))
        except OSError:  # fast-import stopped: carry on without it
            _finish(proc)
            proc = None

    try:
        yield store
    finally:
        if proc is not None:
            _finish(proc)


def _finish(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if proc.stdin is not None:
            proc.stdin.close()
    try:
        proc.wait(timeout=600)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
