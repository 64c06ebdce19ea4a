"""Network, remote and merge operations of the git adapter (team work: `sync`, `version rename`,
the merge driver).

Each is one short git command run to its end in the dossier's work tree (`repo.execute`, through
gitpython like every git command), with C-locale output to parse and no terminal prompt (a
remote asking for a password fails instead of hanging). Every user-given name that reaches git
here is validated first (`check_remote`); revisions come from git itself or from validated
version names.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from wetgeving.errors import GitError, UsageError
from wetgeving.gitrepo.repo import execute, explain

_HEX = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_REMOTE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def git_proc(
    cwd: Path, *args: str, data: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run one git command in `cwd` to the end, whatever its exit code (LC_ALL=C output)."""
    code, out, err = execute(cwd, args, data, {"GIT_TERMINAL_PROMPT": "0", **(env or {})})
    return subprocess.CompletedProcess(["git", *args], code, out, err)


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


def rebase_pick(cwd: Path) -> str | None:
    """The commit a rebase is replaying now (the last pick in git's own `rebase-merge/done`)."""
    git_dir = Path(git_out(cwd, "rev-parse", "rev-parse", "--absolute-git-dir").strip())
    done = (git_dir / "rebase-merge" / "done").read_text(encoding="utf-8").splitlines()
    for line in reversed(done):
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("pick", "p", "edit", "e", "reword", "r"):
            return parts[1] if _HEX.fullmatch(parts[1]) else None
    return None
