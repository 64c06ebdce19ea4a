"""Reading a repository without gitpython: a few short git processes.

Importing gitpython costs more than the reads themselves. Arguments are fixed or validated by the
caller; revisions follow --end-of-options, and object names go to `git cat-file` on its input.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import IO

from wetgeving import files
from wetgeving.errors import GitError

_FILE_MODES = (b"100644", b"100755")
_TREE_MODE = b"40000"


def explain(command: str, stderr: str) -> str:
    """A one-line Dutch message for git's error output."""
    text = stderr.strip().removeprefix("stderr:").strip().strip("'").strip()
    if "index.lock" in text:
        return (
            "git is bezet (index.lock bestaat); wacht tot het andere git-proces klaar is, "
            "of verwijder .git/index.lock als er geen git-proces draait"
        )
    if "tell me who you are" in text or "empty ident" in text:
        return (
            "git kent uw naam en e-mailadres niet; stel ze in met "
            "'git config --global user.name \"Naam\"' en 'git config --global user.email adres'"
        )
    if "partial commit during a merge" in text:
        return "er loopt nog een samenvoeging (merge) in git; rond die eerst af met 'git commit'"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if line.startswith(("fatal:", "error:"))), None)
    name = command.replace("_", "-")  # gitpython's method names: ls_tree is `git ls-tree`
    return f"git {name} mislukt: {first or (lines[0] if lines else 'onbekende fout')}"


def parse_tree(out: str, base: str, prefix: str) -> dict[str, str]:
    """Dossier-relative path -> blob id of the drafts/**/*.md files in `ls-tree -r -z` output."""
    blobs: dict[str, str] = {}
    for entry in out.split("\x00"):
        if not entry:
            continue
        meta, _, path = entry.partition("\t")
        mode, kind, sha = meta.split(" ")
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        if path.startswith(base + "/") and path.endswith(".md"):
            blobs[path[len(prefix) :]] = sha
    return dict(sorted(blobs.items()))


class Reader:
    """Read-only access to the repository holding a folder (a dossier).

    Attributes:
        git_dir: The repository's git folder.
        prefix: The folder's path inside the work tree, "" or ending in "/".
    """

    def __init__(self, root: Path) -> None:
        self.git = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")
        if shutil.which(self.git) is None:
            raise GitError(
                "git is niet gevonden; installeer git (https://git-scm.com) en probeer opnieuw"
            )
        self.env = {**os.environ, "GIT_LITERAL_PATHSPECS": "1", "LC_ALL": "C"}
        self.root = Path(root)
        where = ("rev-parse", "--absolute-git-dir", "--is-bare-repository")
        proc = self.proc(*where, "--show-toplevel")
        lines = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
        if proc.returncode != 0 or len(lines) != 3 or lines[1] == "true":
            # Tell "no repository" from "a repository without a working tree".
            if self.proc(*where).returncode != 0:
                raise GitError(
                    f"{root}: het dossier staat niet in een git-repository; "
                    "maak er een met 'git init' of begin met 'wetgeving init PAD'"
                )
            raise GitError(f"{root}: git-repository zonder werkmap")
        self.git_dir = Path(lines[0])
        top_dir = Path(lines[2]).resolve()
        rel = self.root.resolve().relative_to(top_dir).as_posix()
        if "\n" in rel:
            raise GitError(f"{root}: de mapnaam van het dossier bevat een regeleinde")
        self.prefix = "" if rel == "." else rel + "/"

    def proc(self, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run git to the end, whatever its exit code."""
        try:
            return subprocess.run(
                [self.git, *args],
                cwd=self.root,
                env=self.env,
                input=data,
                capture_output=True,
                check=False,
            )
        except OSError as exc:
            raise GitError(f"{self.root}: git kan niet starten ({files.reason(exc)})") from None

    def run(self, name: str, *args: str, data: bytes | None = None) -> bytes:
        """Run one git command; its failure becomes a GitError with git's own first line."""
        proc = self.proc(*args, data=data)
        if proc.returncode != 0:
            raise GitError(explain(name, proc.stderr.decode("utf-8", "replace")))
        return proc.stdout

    def drafts(self, commits: list[str]) -> tuple[list[dict[str, str]], dict[str, bytes]]:
        """The drafts/**/*.md files of each commit (path -> blob id) and the blobs' contents.

        One `git cat-file --batch`, asked object by object: the drafts tree of each commit, its
        subtrees, then every distinct blob once.
        """
        base = self.prefix + "drafts"
        try:
            proc = subprocess.Popen(
                [self.git, "cat-file", "--batch"],
                cwd=self.root,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as exc:
            raise GitError(f"{self.root}: git kan niet starten ({files.reason(exc)})") from None
        try:
            assert proc.stdin is not None and proc.stdout is not None
            batch = _Batch(proc.stdin, proc.stdout)
            trees = [self._files(batch, f"{commit}:{base}", base) for commit in commits]
            shas = list(dict.fromkeys(sha for tree in trees for sha in tree.values()))
            blobs: dict[str, bytes] = {}
            for sha in shas:
                found = batch.get(sha)
                if found is None or found[1] != b"blob":
                    raise GitError(f"git cat-file mislukt: object {sha} niet gevonden")
                blobs[sha] = found[2]
        finally:
            _close(proc)
        return trees, blobs

    def _files(self, batch: _Batch, name: str, base: str) -> dict[str, str]:
        found = batch.get(name)
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
                    out[path[len(self.prefix) :]] = sha
        return dict(sorted(out.items()))


class _Batch:
    """Questions to one `git cat-file --batch` process, answered one at a time."""

    def __init__(self, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self.stdin = stdin
        self.stdout = stdout

    def get(self, name: str) -> tuple[bytes, bytes, bytes] | None:
        """(object id, type, content) of an object name, or None when git has no such object."""
        if "\n" in name:
            return None  # cannot be asked on one line (a path git allows, no dossier has)
        self.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
        self.stdin.flush()
        header = self.stdout.readline()
        parts = header.split()
        if len(parts) != 3 or not parts[2].isdigit():
            if not header:
                raise GitError("git cat-file mislukt: git stopte onverwacht")
            return None  # "<name> missing" or "<name> ambiguous"
        size = int(parts[2])
        data = self.stdout.read(size)
        self.stdout.read(1)  # the newline after the content
        return parts[0], parts[1], data


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


def _close(proc: subprocess.Popen[bytes]) -> None:
    if proc.stdin is not None:
        proc.stdin.close()
    if proc.stdout is not None:
        proc.stdout.close()
    proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()
