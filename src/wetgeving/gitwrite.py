"""Writing concept versions to git through gitpython: the only module that imports it (lazily).

Writes go through `repo.git.add/commit` (not `repo.index`, which ignores .gitattributes), under the
dossier's repository lock, committing only the paths written. Reading goes through `gitread`.
"""

from __future__ import annotations

import contextlib
import os
import re
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
    except git.GitCommandError:
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


# --- Network, remote and merge operations (issue 15: team work) ------------------------------
# Plain `git` processes, no gitpython: each is one short command run in the dossier's work tree.
# Every user-given name that reaches git here is validated first (`check_remote`).

_REMOTE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def _git_exe() -> str:
    exe = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")
    if shutil.which(exe) is None:
        raise GitError(
            "git is niet gevonden; installeer git (https://git-scm.com) en probeer opnieuw"
        )
    return exe


def git_proc(
    cwd: Path, *args: str, data: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run one git command in `cwd` to the end, whatever its exit code (LC_ALL=C output)."""
    full = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", **(env or {})}
    try:
        return subprocess.run(
            [_git_exe(), *args], cwd=cwd, input=data, capture_output=True, check=False, env=full
        )
    except OSError as exc:
        raise GitError(f"{cwd}: git kan niet starten ({exc.strerror or exc})") from None


def git_out(cwd: Path, name: str, *args: str, data: bytes | None = None) -> str:
    """Run one git command; its failure becomes a GitError with git's own first line."""
    proc = git_proc(cwd, *args, data=data)
    if proc.returncode != 0:
        raise GitError(explain(name, proc.stderr.decode("utf-8", "replace")))
    return proc.stdout.decode("utf-8", "replace")


def check_remote(name: str) -> str:
    """A remote name as the user gave it, refused when it could be read as an option or path.

    Raises:
        UsageError: naming the value.
    """
    if not _REMOTE_NAME.fullmatch(name) or ".." in name or name.endswith((".lock", ".")):
        raise UsageError(
            f"remote '{name}': geef de naam van een git-remote (letters, cijfers, '.', '_', '-')"
        )
    return name


def work_tree_top(cwd: Path) -> Path:
    """The top of the work tree holding `cwd`."""
    return Path(git_out(cwd, "rev-parse", "rev-parse", "--show-toplevel").strip())


def set_local_config(cwd: Path, key: str, value: str) -> None:
    """Set one key in the repository's own git config (`.git/config`)."""
    git_out(cwd, "config", "config", "--local", "--replace-all", key, value)


def get_config(cwd: Path, key: str) -> str | None:
    """One git config value, or None when it is not set."""
    proc = git_proc(cwd, "config", "--get", key)
    return proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else None


def merge_file_lines(
    cwd: Path, ours: Path, base: Path, theirs: Path, labels: tuple[str, str, str]
) -> tuple[bytes, bool]:
    """git's own line merge of three files (`git merge-file -p`): the result and whether it
    holds conflicts."""
    proc = git_proc(
        cwd,
        "merge-file",
        "-p",
        "-L",
        labels[0],
        "-L",
        labels[1],
        "-L",
        labels[2],
        "--",
        str(ours),
        str(base),
        str(theirs),
    )
    if proc.returncode < 0 or proc.returncode > 127:
        raise GitError(explain("merge-file", proc.stderr.decode("utf-8", "replace")))
    return proc.stdout, proc.returncode != 0


def merge_heads(cwd: Path) -> tuple[str | None, str | None]:
    """During a merge, rebase or cherry-pick: (our head, the commit being merged in)."""
    ours = _rev(cwd, "HEAD")
    for ref in ("MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"):
        theirs = _rev(cwd, ref)
        if theirs is not None:
            return ours, theirs
    return ours, None


def _rev(cwd: Path, ref: str) -> str | None:
    proc = git_proc(cwd, "rev-parse", "--verify", "-q", "--end-of-options", ref + "^{commit}")
    return proc.stdout.decode().strip() if proc.returncode == 0 else None


def last_author(cwd: Path, head: str, other: str, path: str) -> str | None:
    """The author of the last commit in `head` (not in `other`) that changed `path`."""
    base = git_proc(cwd, "merge-base", head, other)
    since = base.stdout.decode().strip() if base.returncode == 0 else ""
    span = f"{since}..{head}" if since else head
    proc = git_proc(cwd, "log", "-1", "--no-merges", "--format=%an", span, "--", path)
    name = proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else ""
    return name or None


_VERSION_TRAILER = "Wetgeving-Versie"


def current_branch(cwd: Path) -> str:
    """The checked-out branch's short name.

    Raises:
        GitError: on a detached HEAD.
    """
    proc = git_proc(cwd, "symbolic-ref", "--short", "-q", "HEAD")
    name = proc.stdout.decode("utf-8", "replace").strip()
    if proc.returncode != 0 or not name:
        raise GitError(
            "geen branch uitgecheckt (losse HEAD); kies een branch met 'git switch NAAM'"
        )
    return name


def upstream_remote(cwd: Path, branch: str) -> str | None:
    """The remote the branch tracks (`branch.NAME.remote`), if any."""
    return get_config(cwd, f"branch.{branch}.remote")


def remote_exists(cwd: Path, remote: str) -> bool:
    proc = git_proc(cwd, "remote")
    return remote in proc.stdout.decode("utf-8", "replace").split()


def remote_url(cwd: Path, remote: str) -> str | None:
    return get_config(cwd, f"remote.{remote}.url")


def _remote_error(command: str, remote: str, stderr: bytes) -> GitError:
    text = stderr.decode("utf-8", "replace")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    reason = next(
        (ln for ln in lines if ln.startswith(("fatal:", "error:", "remote:", "!"))),
        lines[0] if lines else "onbekende fout",
    )
    reason = reason.removeprefix("fatal:").removeprefix("error:").strip()
    return GitError(f"git {command} naar/van '{remote}' mislukt: {reason}")


def fetch_branch(cwd: Path, remote: str, branch: str) -> str | None:
    """Fetch one branch from a remote; its tip there, or None when the remote lacks it."""
    track = f"refs/wetgeving/sync/{remote}/{branch}"
    proc = git_proc(
        cwd, "fetch", "--quiet", "--no-tags", "--end-of-options", remote,
        f"+refs/heads/{branch}:{track}",
    )  # fmt: skip
    if proc.returncode != 0:
        if b"couldn't find remote ref" in proc.stderr:
            return None
        raise _remote_error("fetch", remote, proc.stderr)
    return _rev(cwd, track)


def commit_versions(cwd: Path, revs: str) -> list[tuple[str, str]]:
    """(version name, commit) of every version trailer in `git log REVS`, newest first."""
    fmt = f"%H%x00%(trailers:key={_VERSION_TRAILER},valueonly,separator=%x1f)%x1e"
    proc = git_proc(cwd, "log", f"--format={fmt}", revs, "--")
    if proc.returncode != 0:
        raise GitError(explain("log", proc.stderr.decode("utf-8", "replace")))
    found: list[tuple[str, str]] = []
    for record in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        commit, _, names = record.strip("\n").partition("\x00")
        for name in names.strip().split("\x1f"):
            if name.strip():
                found.append((name.strip(), commit.strip()))
    return found


def is_ancestor(cwd: Path, older: str, newer: str) -> bool:
    return git_proc(cwd, "merge-base", "--is-ancestor", older, newer).returncode == 0


def head_commit(cwd: Path) -> str | None:
    return _rev(cwd, "HEAD")


def fast_forward(cwd: Path, commit: str) -> None:
    git_out(cwd, "merge", "merge", "--ff-only", "--quiet", commit)


def rebase_onto(cwd: Path, commit: str) -> bool:
    """Rebase the branch's own commits on `commit`; on a conflict put everything back (False)."""
    proc = git_proc(cwd, "rebase", "--quiet", "--autostash", commit)
    if proc.returncode == 0:
        return True
    git_proc(cwd, "rebase", "--abort")
    return False


def merge_commit(cwd: Path, commit: str, message: str) -> list[str]:
    """Merge `commit` into the branch; the paths left in conflict (the merge stays under way)."""
    proc = git_proc(cwd, "merge", "--no-ff", "--autostash", "-m", message, commit)
    if proc.returncode == 0:
        return []
    out = git_proc(cwd, "diff", "--name-only", "--diff-filter=U")
    conflicted = out.stdout.decode("utf-8", "replace").split()
    if not conflicted:
        raise GitError(explain("merge", proc.stderr.decode("utf-8", "replace")))
    return conflicted


def set_tag(cwd: Path, tag: str, commit: str) -> None:
    git_out(cwd, "tag", "tag", "-f", tag, commit)


def tags(cwd: Path, pattern: str) -> dict[str, str]:
    """Tag name -> commit it points at, for tags matching `pattern`."""
    out = git_out(cwd, "for-each-ref", "for-each-ref", "--format=%(refname:short) %(*objectname)"
                  " %(objectname)", f"refs/tags/{pattern}")  # fmt: skip
    found: dict[str, str] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0]] = parts[1]  # the peeled commit of an annotated tag comes first
    return found


def push(cwd: Path, remote: str, refspecs: list[str]) -> bool:
    """Push refspecs; False when the remote moved meanwhile (rejected, not a fast-forward).

    Raises:
        GitError: any other refusal, with git's reason.
    """
    proc = git_proc(cwd, "push", "--quiet", "--porcelain", "--end-of-options", remote, *refspecs)
    if proc.returncode == 0:
        return True
    out = proc.stdout.decode("utf-8", "replace")
    if "[rejected]" in out and ("fetch first" in out or "non-fast-forward" in out):
        return False
    if "[rejected]" in out or "[remote rejected]" in out:
        line = next(ln for ln in out.splitlines() if "rejected]" in ln)
        return_reason = line.split("\t")[-1].strip()
        raise GitError(f"git push naar '{remote}' geweigerd: {return_reason}")
    raise _remote_error("push", remote, proc.stderr)


def remote_refs_containing(cwd: Path, commit: str) -> list[str]:
    """Remote-tracking refs (and those `sync` fetched) whose history holds `commit`."""
    out = git_out(cwd, "for-each-ref", "for-each-ref", "--format=%(refname:short)",
                  f"--contains={commit}", "refs/remotes", "refs/wetgeving/sync")  # fmt: skip
    return out.split()


def commit_list(cwd: Path, revs: str, *options: str) -> list[str]:
    """`git rev-list` of a range, with extra fixed options ("--reverse", "--merges")."""
    return git_out(cwd, "rev-list", "rev-list", *options, revs, "--").split()


def rewrite_message(cwd: Path, commit: str, parent: str | None, message: str) -> str:
    """A copy of `commit` with another parent and message, keeping tree, author and committer."""
    fmt = "%T%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI"
    fields = git_out(cwd, "log", "log", "-1", f"--format={fmt}", commit, "--").strip("\n")
    tree, an, ae, ad, cn, ce, cd = fields.split("\x00")
    env = {
        "GIT_AUTHOR_NAME": an, "GIT_AUTHOR_EMAIL": ae, "GIT_AUTHOR_DATE": ad,
        "GIT_COMMITTER_NAME": cn, "GIT_COMMITTER_EMAIL": ce, "GIT_COMMITTER_DATE": cd,
    }  # fmt: skip
    args = ["commit-tree", tree] + (["-p", parent] if parent else []) + ["-F", "-"]
    proc = git_proc(cwd, *args, data=message.encode("utf-8"), env=env)
    if proc.returncode != 0:
        raise GitError(explain("commit-tree", proc.stderr.decode("utf-8", "replace")))
    return proc.stdout.decode().strip()


def commit_message(cwd: Path, commit: str) -> str:
    return git_out(cwd, "log", "log", "-1", "--format=%B", commit, "--")


def parent_of(cwd: Path, commit: str) -> str | None:
    return _rev(cwd, commit + "^1")


def move_branch(cwd: Path, branch: str, new: str, old: str) -> None:
    """Point the branch at `new`, only when it still points at `old`."""
    git_out(cwd, "update-ref", "update-ref", "-m", "wetgeving version rename",
            f"refs/heads/{branch}", new, old)  # fmt: skip


def delete_tag(cwd: Path, tag: str) -> None:
    git_proc(cwd, "tag", "-d", tag)


def line_author(cwd: Path, head: str, other: str, path: str, text: str) -> str | None:
    """The author of the last commit in `head` (not in `other`) that brought in `text`."""
    base = git_proc(cwd, "merge-base", head, other)
    since = base.stdout.decode().strip() if base.returncode == 0 else ""
    span = f"{since}..{head}" if since else head
    proc = git_proc(cwd, "log", "-1", "--no-merges", "--format=%an", f"-S{text}", span, "--", path)
    name = proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else ""
    return name or None
