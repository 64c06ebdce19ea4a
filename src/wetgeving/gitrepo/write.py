"""Writing to a repository: the repository lock, staging, commits, tags, a blob packer.

Writes go through `repo.git.add/commit` (not `repo.index`, which ignores .gitattributes), under
the repository lock, committing only the paths written. Only SHA-1 repositories are written:
gitpython, which reads the new commit back, knows no other.
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from wetgeving import locking
from wetgeving.errors import GitError, UsageError
from wetgeving.gitrepo.read import head
from wetgeving.gitrepo.repo import Repository, explain, object_format, opened, run, start, status

LOCK_FILE = "wetgeving.lock"
LOCK_TIMEOUT = 30.0
INDEX_LOCK_WAIT = 2.0
_PACK_BUFFER = 1 << 20


@contextlib.contextmanager
def writing(root: Path) -> Iterator[Repository]:
    """Open the repository holding `root` for writing and hold its lock.

    Raises:
        GitError: git missing, no repository, a SHA-256 repository, or the lock held too long.
    """
    with opened(root) as repo:
        if object_format(repo) != "sha1":
            raise GitError(
                f"{root}: de git-repository gebruikt SHA-256; wetgeving legt versies "
                "alleen vast in een SHA-1-repository (de standaard van 'git init')"
            )
        with locked(repo):
            _refuse_detached(repo)
            yield repo


def _refuse_detached(repo: Repository) -> None:
    """Refuse to commit on a detached HEAD: the commit would be on no branch and easily lost."""
    if repo.repo.head.is_detached and head(repo) is not None:
        raise GitError(
            "git staat niet op een tak (detached HEAD); een vastlegging zou verloren kunnen "
            "gaan. Ga eerst naar een tak, bijvoorbeeld met 'git switch main'"
        )


@contextlib.contextmanager
def locked(repo: Repository) -> Iterator[None]:
    """Hold the repository lock (an OS lock: a crashed process never leaves it held)."""
    path = repo.git_dir / LOCK_FILE
    busy = (
        f"het dossier is bezet: een ander wetgeving-proces houdt {path} vast; "
        "probeer het zo opnieuw"
    )
    with locking.hold(path, LOCK_TIMEOUT, busy, poll=0.05):
        _wait_index_lock(repo)
        yield


def _wait_index_lock(repo: Repository) -> None:
    index_lock = repo.git_dir / "index.lock"
    deadline = time.monotonic() + INDEX_LOCK_WAIT
    while index_lock.exists():
        if time.monotonic() > deadline:
            raise GitError(
                f"git is bezet: {index_lock} bestaat; wacht tot het andere git-proces klaar is, "
                "of verwijder dit bestand als er geen git-proces draait"
            )
        time.sleep(0.05)


@contextlib.contextmanager
def staged(repo: Repository, *paths: str) -> Iterator[None]:
    """Stage dossier-relative `paths` (`git add -A`); put the index back if the block fails.

    Otherwise the next plain `git commit` of the lawyer would record what wetgeving reported as
    not stored (a commit a hook refused); what the lawyer had staged there before stays staged.
    """
    specs = [repo.spec(p) for p in paths]
    before = run(repo, "ls_files", "--stage", "--", *specs).splitlines()
    try:
        run(repo, "add", "-A", "--", *specs)
        yield
    except BaseException:
        with contextlib.suppress(GitError):
            _restore_index(repo, specs, before)
        raise


def _restore_index(repo: Repository, specs: list[str], before: list[str]) -> None:
    if head(repo) is not None:
        run(repo, "reset", "-q", "HEAD", "--", *specs)
        now = set(run(repo, "ls_files", "--", *specs).splitlines())
    else:
        run(repo, "rm", "--cached", "-r", "-q", "--ignore-unmatch", "--", *specs)
        now = set()
    kept: set[str] = set()
    for entry in before:  # "<mode> <blob> <stage>\t<path>"
        info, _, path = entry.partition("\t")
        mode, blob, _ = info.split(" ")
        kept.add(path)
        run(repo, "update_index", "--add", "--cacheinfo", f"{mode},{blob},{path}")
    for path in sorted(now - kept):  # staged for removal before
        run(repo, "update_index", "--force-remove", "--", path)


def same(repo: Repository, commit: str, *paths: str) -> bool:
    """True when the staged files under dossier-relative `paths` (no paths: all) equal `commit`."""
    specs = [repo.spec(p) for p in paths]
    code, err = status(
        repo, "diff", "--cached", "--quiet", "--end-of-options", commit, "--", *specs
    )
    if code not in (0, 1):
        raise GitError(explain("diff", err))
    return code == 0


def commit(
    repo: Repository, message: str, *paths: str, only: bool = True, allow_empty: bool = False
) -> str:
    """Commit what is staged (with `only`: just dossier-relative `paths`); return the new id."""
    args = ["--quiet"]
    if allow_empty:
        args.append("--allow-empty")
    if only:
        args.append("--only")
    args += ["-m", message]
    if only:
        args += ["--", *(repo.spec(p) for p in paths)]
    run(repo, "commit", *args)
    if repo.objects is not None:  # a reader started before the commit may not see it
        repo.objects.close()
        repo.objects = None
    return str(repo.repo.head.commit.hexsha)


def tag_exists(repo: Repository, tag: str) -> bool:
    """Whether a tag of this (validated) name exists."""
    return bool(run(repo, "tag", "--list", tag).strip())


def add_tag(repo: Repository, tag: str, commit_id: str) -> None:
    """Tag a commit (the name validated by the caller)."""
    run(repo, "tag", tag, commit_id)


def commit_paths(root: Path, paths: list[Path], message: str) -> str:
    """Commit exactly `paths` (absolute, or relative to `root`) under the repository lock.

    Returns:
        The id of the new commit, or of HEAD when these paths hold no change.

    Raises:
        UsageError: a path outside `root`, or an empty message.
        GitError: git missing, locked or refusing.
    """
    text = message.strip()
    if not text:
        raise UsageError("lege commitomschrijving")
    top = Path(root).resolve()
    rel: list[str] = []
    for path in paths:
        full = (path if path.is_absolute() else top / path).resolve()
        try:
            rel.append(full.relative_to(top).as_posix())
        except ValueError:
            raise UsageError(f"{path}: ligt buiten het dossier {top}") from None
    if not rel:
        raise UsageError("geen bestanden om vast te leggen")
    with writing(root) as repo:
        # With nothing else staged, committing the index after `add` commits exactly these paths
        # and avoids `commit --only`, which hashes every file a second time (slow for an import).
        only = not _nothing_staged(repo)
        current = head(repo)
        with staged(repo, *rel):
            if current is not None and same(repo, "HEAD", *rel):
                return current
            return commit(repo, text, *rel, only=only)


def _nothing_staged(repo: Repository) -> bool:
    """True when the index equals HEAD and no merge, cherry-pick or revert is under way."""
    if head(repo) is None or any(
        (repo.git_dir / name).exists() for name in ("MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD")
    ):
        return False
    return same(repo, "HEAD")


@contextlib.contextmanager
def blob_packer(root: Path) -> Iterator[Callable[[bytes], None]]:
    """Yield a function that stores file contents as git blobs in one pack, in the background.

    Only a speed-up for writing many new files: `git add` of 100,000 new files creates as many
    loose objects, which is slow; when their blobs are already in a pack, `commit_paths` only
    hashes the files (and still stages them itself, honouring .gitattributes). `git fast-import`
    runs alongside the caller while it writes the files; the context waits for it on exit. A
    failure of the packer is ignored: at worst `git add` writes the objects itself.

    Raises:
        GitError: when `root` is not in a git repository.
    """
    with opened(root) as repo:
        try:
            # The pack only holds the blobs until git repacks them: no search for deltas, and
            # the compression level of the loose objects `git add` would have written (1)
            # instead of 6. A third less work for fast-import (bench_consultation).
            proc: Any = start(
                repo, "fast_import", "--depth=0", "--quiet", config={"pack.compression": "1"}
            )
        except GitError:
            proc = None
        pending: list[bytes] = []
        size = 0

        def flush() -> None:
            nonlocal proc, size
            if proc is not None and pending:
                try:
                    proc.stdin.write(b"".join(pending))
                except OSError:  # fast-import stopped: carry on without it
                    _finish(proc)
                    proc = None
            pending.clear()
            size = 0

        def store(data: bytes) -> None:
            nonlocal size
            if proc is None:
                return
            pending.append(b"blob\ndata %d\n%b\n" % (len(data), data))
            size += len(data)
            if size >= _PACK_BUFFER:
                flush()

        try:
            yield store
        finally:
            flush()
            if proc is not None:
                _finish(proc)


def _finish(proc: Any) -> None:
    """Close fast-import's input and wait for it to write its pack."""
    raw = proc.proc
    if raw is None:
        return
    with contextlib.suppress(OSError):
        raw.stdin.close()
    try:
        raw.wait(timeout=600)
    except subprocess.TimeoutExpired:
        raw.kill()
        raw.wait()
    proc._terminate()  # releases the pipes; the process has ended


def note_commit(root: Path, message: str) -> str | None:
    """Record `message` in the history as a commit that changes no file (None before the first
    commit). Built with `commit-tree` on HEAD's own tree, so the index and the work tree, and
    whatever the lawyer has staged, are left as they are.

    Raises:
        GitError: when git refuses (a detached HEAD, a lock held too long).
    """
    with writing(root) as repo:
        parent = head(repo)
        if parent is None:
            return None
        new = run(repo, "commit_tree", parent + "^{tree}", "-p", parent, "-m", message).strip()
        run(repo, "update_ref", "-m", "wetgeving: bundel", "HEAD", new, parent)
        return new
