"""The article-aware git merge driver for drafts/*.md, and registering it in a repository.

`wetgeving init` and `wetgeving setup` write `.gitattributes` (committed: every clone routes the
drafts to the driver) and the driver command in the repository's own git config (not committed:
git never runs commands from a clone's files). The driver itself is `text.merge`; this module
reads the three files git hands it, names the two sides after the lawyers who wrote them, and
falls back to git's line merge when a text cannot be merged per provision.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wetgeving.dossier import Dossier
from wetgeving.gitrepo import remote as gitremote

DRIVER = "wetgeving"
ATTRIBUTE = f"drafts/**/*.md merge={DRIVER}"
ATTRIBUTES_FILE = ".gitattributes"
_HEX = re.compile(r"[0-9a-f]{7,64}")


@dataclass(frozen=True, slots=True)
class Setup:
    """What `setup` did.

    Attributes:
        driver: The driver command now in the repository's git config.
        attributes: The `.gitattributes` file, when it was written or extended (else None).
        commit: The commit of `.gitattributes`, when one was made.
    """

    driver: str
    attributes: Path | None
    commit: str | None


def driver_command() -> str:
    """The command git runs for a merge of a draft: this Python, on Windows too."""
    exe = Path(sys.executable).as_posix()  # git runs it through sh, also on Windows
    return f'"{exe}" -m wetgeving merge-driver %O %A %B %L %P'


def attributes_text(existing: str) -> str | None:
    """`existing` .gitattributes with the driver's line added; None when it is there already."""
    if any(line.split() == ATTRIBUTE.split() for line in existing.splitlines()):
        return None
    sep = "" if not existing or existing.endswith("\n") else "\n"
    return f"{existing}{sep}{ATTRIBUTE}\n"


def register(root: Path) -> str:
    """Register the driver in the git config of the repository holding `root`.

    Raises:
        GitError: git missing or refusing.
    """
    command = driver_command()
    gitremote.set_local_config(
        root, f"merge.{DRIVER}.name", "wetgeving: samenvoegen per artikel, lid en onderdeel"
    )
    gitremote.set_local_config(root, f"merge.{DRIVER}.driver", command)
    return command


def write_attributes(root: Path) -> Path | None:
    """Add the driver's line to `root/.gitattributes`; the file when it changed, else None."""
    path = root / ATTRIBUTES_FILE
    from wetgeving import files

    existing = files.read_text(path, limit=files.MAX_TEXT) if path.exists() else ""
    text = attributes_text(existing)
    if text is None:
        return None
    files.replace(path, text.encode("utf-8"))
    return path


def setup(dossier: Dossier) -> Setup:
    """Register the merge driver in an existing clone; commit `.gitattributes` when it changed.

    Raises:
        GitError: not in a git repository, git missing or refusing.
    """
    from wetgeving import gitrepo

    root = Path(dossier.root)
    if gitrepo.repository_root(root) is None:
        raise gitrepo.not_in_repository(root)
    command = register(root)
    written = write_attributes(root)
    commit = None
    if written is not None:
        commit = gitrepo.commit_paths(root, [written], "Samenvoegen per artikel (wetgeving setup)")
    return Setup(command, written, commit)


def _theirs_commit(cwd: Path) -> str | None:
    """The commit being merged in: `git merge` names it in the environment, a rebase in a file."""
    for key, value in os.environ.items():
        sha = key.removeprefix("GITHEAD_")
        if key.startswith("GITHEAD_") and value and _HEX.fullmatch(sha):
            return sha
    try:
        return gitremote.rebase_pick(cwd)
    except Exception:  # no name is no reason to fail a merge
        return gitremote.merge_heads(cwd)[1]


class Labels:
    """Names the two sides of a conflict after who wrote each text.

    Per conflict: the author of the last commit on that side that brought in the provision's
    first line (`git log -S`); otherwise the last author of the file on that side; otherwise the
    user (this side) or "de andere kant".
    """

    def __init__(self, cwd: Path, path: str) -> None:
        self.cwd = cwd
        self.path = path
        self.ours = gitremote.merge_heads(cwd)[0]
        self.theirs = _theirs_commit(cwd)
        self._file: dict[str, str | None] = {}

    def _file_author(self, head: str | None, other: str | None) -> str | None:
        if head is None or other is None:
            return None
        if head not in self._file:
            self._file[head] = _safe(
                lambda: gitremote.last_author(self.cwd, head, other, self.path)
            )
        return self._file[head]

    def _author(self, head: str | None, other: str | None, lines: tuple[str, ...]) -> str | None:
        text = next((line.strip() for line in lines if line.strip()), "")
        if head is not None and other is not None and text:
            found = _safe(lambda: gitremote.line_author(self.cwd, head, other, self.path, text))
            if found:
                return found
        return self._file_author(head, other)

    def __call__(self, ours: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, str]:
        mine = self._author(self.ours, self.theirs, ours)
        mine = mine or gitremote.get_config(self.cwd, "user.name") or "deze kant"
        other = self._author(self.theirs, self.ours, theirs) or "de andere kant"
        if mine == other:
            return f"tekst van {mine} (hier)", f"tekst van {other} (samengevoegd)"
        return f"tekst van {mine}", f"tekst van {other}"


def _safe(call: Callable[[], str | None]) -> str | None:
    try:
        return call()
    except Exception:  # a label is never a reason to fail a merge
        return None


def run_driver(base: Path, ours: Path, theirs: Path, path: str) -> bool:
    """Merge `theirs` into `ours` (written in place) with `base` as common ancestor.

    Returns:
        True when the result holds no conflicts.
    """
    from wetgeving.text.merge import merge

    cwd = Path.cwd()
    texts = [p.read_bytes() for p in (base, ours, theirs)]
    crlf = b"\r\n" in texts[1]
    labeller = Labels(cwd, path)
    ours_label, theirs_label = labeller((), ())
    merged = None
    try:
        decoded = [t.decode("utf-8").replace("\r\n", "\n") for t in texts]
    except UnicodeDecodeError:
        decoded = None
    if decoded is not None:
        merged = merge(decoded[0], decoded[1], decoded[2], ours_label, theirs_label, labeller)
    if merged is None:
        data, conflicts = gitremote.merge_file_lines(
            cwd, ours, base, theirs, (ours_label, "gemeenschappelijke tekst", theirs_label)
        )
        ours.write_bytes(data)
        return not conflicts
    out = merged.text.replace("\n", "\r\n") if crlf else merged.text
    ours.write_bytes(out.encode("utf-8"))
    return not merged.conflicts
