"""Reading a repository: the commits carrying a trailer, revisions, the drafts and their blobs.

Objects are read through one `git cat-file --batch` per opened repository, started through
gitpython and asked object by object. Our own reader, not gitpython's object database: that
one knows SHA-1 ids only, and a dossier may live in a SHA-256 repository. Names come from the
caller already validated; they go to git on its input, never as options.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from wetgeving.errors import GitError
from wetgeving.gitrepo.repo import Repository, explain, run, start

_FILE_MODES = (b"100644", b"100755")
_TREE_MODE = b"40000"
_FIELD = "\x00"
_RECORD = "\x1e"
_VALUES = "\x1f"


@dataclass(frozen=True)
class Logged:
    """A commit as `commits_with_trailer` reads it.

    Attributes:
        commit: Full commit id.
        date: Author date, ISO 8601.
        author: Author name.
        values: The values of the trailer asked for, as written.
        message: The whole commit message.
    """

    commit: str
    date: str
    author: str
    values: tuple[str, ...]
    message: str


class Objects:
    """Questions to one `git cat-file --batch` process, answered one at a time."""

    def __init__(self, repo: Repository) -> None:
        self.proc: Any = start(repo, "cat_file", "--batch")

    def get(self, name: str) -> tuple[bytes, bytes, bytes] | None:
        """(object id, type, content) of an object name, or None when git has no such object."""
        if "\n" in name:
            return None  # cannot be asked on one line (a path git allows, no dossier has)
        stdin, stdout = self.proc.stdin, self.proc.stdout
        try:
            stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
            stdin.flush()
        except OSError:  # git stopped before reading (a broken config): say why
            raise GitError(self._stopped()) from None
        header = stdout.readline()
        parts = header.split()
        if len(parts) != 3 or not parts[2].isdigit():
            if not header:
                raise GitError(self._stopped())
            return None  # "<name> missing" or "<name> ambiguous"
        data = stdout.read(int(parts[2]))
        stdout.read(1)  # the newline after the content
        return parts[0], parts[1], data

    def _stopped(self) -> str:
        """Why git stopped answering: its own first error line (a broken config, for one)."""
        stderr = b""
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stderr = self.proc.proc.stderr.read()
        text = stderr.decode("utf-8", "replace").strip()
        return explain("cat-file", text) if text else "git cat-file mislukt: git stopte onverwacht"

    def close(self) -> None:
        """Let git end (its input closed) and release the pipes."""
        proc = self.proc.proc
        if proc is None:
            return
        with contextlib.suppress(OSError):  # git may have stopped already
            proc.stdin.close()
        proc.wait()
        self.proc._terminate()  # closes the other pipes; the process has ended


def objects(repo: Repository) -> Objects:
    """The repository's object reader, started on first use and stopped when it is closed."""
    reader = repo.objects
    if not isinstance(reader, Objects):  # None: none started yet (only this module starts one)
        reader = repo.objects = Objects(repo)
    return reader


def head(repo: Repository) -> str | None:
    """The commit HEAD points to, or None before the first commit."""
    return resolve(repo, "HEAD")


def resolve(repo: Repository, rev: str) -> str | None:
    """The full id of the commit a revision names, or None when it names none."""
    found = objects(repo).get(rev + "^{commit}")
    return found[0].decode("ascii") if found is not None and found[1] == b"commit" else None


def commits_with_trailer(repo: Repository, key: str) -> list[Logged]:
    """The commits in the history of HEAD whose message has a line `key: ...`, newest first
    (topological order: a commit before its parents, also across merges)."""
    if head(repo) is None:
        return []
    # git expands %x00, %x1e and %x1f itself: arguments cannot hold such bytes.
    fmt = "%x00".join(["%H", "%aI", "%an", f"%(trailers:key={key},valueonly,separator=%x1f)", "%B"])
    args = ("--topo-order", f"--format={fmt}%x1e", "-E", f"--grep=^{key}:", "HEAD", "--")
    out = run(repo, "log", *args, strip_newline_in_stdout=False)
    found: list[Logged] = []
    for record in out.split(_RECORD):
        parts = record.lstrip("\n").split(_FIELD)
        if len(parts) == 5:
            commit, date, author, values, message = parts
            found.append(Logged(commit, date, author, tuple(values.split(_VALUES)), message))
    return found


def tags(repo: Repository, prefix: str) -> list[tuple[str, str]]:
    """(name after `prefix`, commit it points to) of the tags `refs/tags/<prefix>*`."""
    fmt = "--format=%(refname)%00%(objectname)%00%(*objectname)"
    base = "refs/tags/" + prefix
    found: list[tuple[str, str]] = []
    for line in run(repo, "for_each_ref", fmt, base).splitlines():
        ref, obj, peeled = [*line.split("\0"), "", ""][:3]
        found.append((ref[len(base) :], peeled or obj))
    return found


def uncommitted(repo: Repository, folder: str) -> list[str]:
    """Files under `folder` (relative to the opened folder) new or changed since the last commit,
    relative to that folder, sorted; files deleted from it are not listed."""
    # --no-optional-locks: a status must not take the index lock a writer may be waiting for.
    args = ("--porcelain", "-z", "--untracked-files=all", "--", repo.spec(folder))
    out = run(repo, "status", *args, strip_newline_in_stdout=False, env={"GIT_OPTIONAL_LOCKS": "0"})
    found: list[str] = []
    fields = iter(out.split("\0"))
    for field in fields:
        if len(field) < 4:
            continue
        state, path = field[:2], field[3:]
        if state[0] in "RC":
            next(fields, None)  # the old name of a rename
        if "D" not in state and path.startswith(repo.prefix):
            found.append(path[len(repo.prefix) :])
    return sorted(found)


def drafts_tree(repo: Repository, commit: str) -> dict[str, str]:
    """Dossier-relative path -> blob id of the drafts/**/*.md files of a commit, sorted."""
    batch = objects(repo)
    base = repo.spec("drafts")
    found = batch.get(f"{commit}:{base}")
    if found is None or found[1] != b"tree":
        return {}  # no drafts folder in that commit
    # Object ids are 20 bytes (SHA-1) or 32 (SHA-256), as the id in git's answer shows.
    size = len(found[0]) // 2
    out: dict[str, str] = {}
    stack = [(base, found[2])]
    while stack:
        folder, data = stack.pop()
        for mode, entry, sha in _entries(data, size):
            path = f"{folder}/{entry}"
            if mode == _TREE_MODE:
                sub = batch.get(sha)
                if sub is not None and sub[1] == b"tree":
                    stack.append((path, sub[2]))
            elif mode in _FILE_MODES and path.endswith(".md"):
                out[path[len(repo.prefix) :]] = sha
    return dict(sorted(out.items()))


def drafts(repo: Repository, commits: list[str]) -> tuple[list[dict[str, str]], dict[str, bytes]]:
    """The drafts of each commit (path -> blob id) and the blobs' contents, each read once."""
    trees = [drafts_tree(repo, commit) for commit in commits]
    batch = objects(repo)
    blobs: dict[str, bytes] = {}
    for sha in dict.fromkeys(sha for tree in trees for sha in tree.values()):
        found = batch.get(sha)
        if found is None or found[1] != b"blob":
            raise GitError(f"git cat-file mislukt: object {sha} niet gevonden")
        blobs[sha] = found[2]
    return trees, blobs


def blob_id(data: bytes) -> str:
    """Return the git blob id of `data` (as `git hash-object` would), without running git."""
    import hashlib  # only here: loading OpenSSL costs more than reading a version from git

    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def _entries(data: bytes, size: int) -> list[tuple[bytes, str, str]]:
    """(mode, name, object id) of each entry of a raw tree object with ids of `size` bytes."""
    out: list[tuple[bytes, str, str]] = []
    pos = 0
    while pos < len(data):
        space = data.index(b" ", pos)
        nul = data.index(b"\0", space)
        name = data[space + 1 : nul].decode("utf-8", "surrogateescape")
        out.append((data[pos:space], name, data[nul + 1 : nul + 1 + size].hex()))
        pos = nul + 1 + size
    return out
