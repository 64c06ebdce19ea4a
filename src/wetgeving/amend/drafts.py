"""`wetgeving apply`: published instructions applied to a version, the result into drafts/.

Nothing is written unless every instruction applies; drafts/ is only overwritten when what it
holds is recorded in some version (or with `force`), and each file is replaced atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import files
from wetgeving.errors import AmendError, UsageError

if TYPE_CHECKING:
    from wetgeving.amend.model import Problem
    from wetgeving.dossier import Dossier


@dataclass(frozen=True, slots=True)
class Applied:
    """The result of `apply_file`.

    Attributes:
        version: The version the instructions were applied to.
        instructions: Number of instructions applied.
        files: Draft path -> new bytes, for every file that changed.
        removed: Draft files that were in drafts/ but not in the version (removed when written).
        written: Whether drafts/ was written (False with `dry_run`).
    """

    version: str
    instructions: int
    files: dict[str, bytes]
    removed: tuple[str, ...]
    written: bool


def read_file(path: Path) -> str:
    """The text of an instruction file (UTF-8, a BOM and Windows line ends allowed).

    Raises:
        ParseError: when the file is missing, unreadable or not UTF-8 (naming the line).
    """
    from wetgeving.text.parse import MAX_BYTES

    return files.read_text(path, limit=MAX_BYTES, what="bestand met wijzigingsopdrachten")


def refused(problems: tuple[Problem, ...], source: str, total: int) -> AmendError:
    """The error for instructions that cannot be applied: one line each, then the summary."""
    lines = tuple(p.render(source) for p in sorted(problems, key=lambda p: p.line))
    failed = len({(p.line, p.where) for p in problems})
    shown = f"{failed} van de {total}" if total >= failed else str(failed)
    word = "wijzigingsopdracht is" if failed == 1 and total <= 1 else "wijzigingsopdrachten zijn"
    return AmendError(f"{shown} {word} niet uit te voeren; er is niets geschreven", lines)


def apply_file(
    dossier: Dossier, version: str, path: Path, *, dry_run: bool = False, force: bool = False
) -> Applied:
    """Apply the instructions in `path` to `version` and write the result into drafts/.

    Raises:
        ParseError: the instruction file cannot be read.
        AmendError: an instruction cannot be read or applied (each one named).
        UsageError: drafts/ holds changes that are in no version (without `force`).
        VersionError, GitError: as for every version read.
    """
    from wetgeving import history
    from wetgeving.amend.apply import apply_bill
    from wetgeving.amend.reader import read_instructions
    from wetgeving.text.render import render_markdown
    from wetgeving.versiontext import version_texts

    source = str(path)
    reading = read_instructions(read_file(path), source)
    snapshot = history.snapshot(dossier, version)
    text = version_texts(dossier, [snapshot])[0]
    outcome = apply_bill(reading.bill, text.regelingen, text.name, dossier.regulation)
    problems = (*reading.problems, *outcome.problems)
    total = len(reading.bill.instructions()) + len({(p.line, p.where) for p in reading.problems})
    if problems:
        raise refused(tuple(problems), source, total)
    if not reading.bill.instructions():
        raise AmendError(f"{source}: geen wijzigingsopdrachten gevonden")
    changed = set(outcome.changed)
    out: dict[str, bytes] = {}
    for regeling in outcome.regelingen:
        data = (
            render_markdown(regeling).encode("utf-8")
            if regeling.path in changed
            else snapshot.files[regeling.path]
        )
        out[regeling.path] = data
    worktree = history.snapshot(dossier, history.WORKTREE)
    removed = tuple(sorted(p for p in worktree.files if p not in out))
    new_files = {p: d for p, d in out.items() if worktree.files.get(p) != d}
    if dry_run:
        return Applied(
            text.name, outcome.applied, {p: out[p] for p in sorted(changed)}, removed, False
        )
    if not force:
        _check_recorded(dossier, worktree.files)
    _write(dossier, new_files, removed)
    return Applied(text.name, outcome.applied, new_files, removed, True)


def _check_recorded(dossier: Dossier, current: dict[str, bytes]) -> None:
    """Refuse when drafts/ differs from every recorded version: that work would be lost."""
    from wetgeving import history

    names = [v.name for v in history.list_versions(dossier)]
    if not current:
        return
    for snap in history.snapshots(dossier, names) if names else []:
        if snap.files == current:
            return
    raise UsageError(
        "drafts/ bevat wijzigingen die in geen versie zijn vastgelegd; leg ze eerst vast met "
        "'wetgeving version create' of overschrijf ze met --force"
    )


def _write(dossier: Dossier, data: dict[str, bytes], removed: tuple[str, ...]) -> None:
    """Every file to a temporary file first, then all renamed: a failure leaves drafts/ as it was
    (short of a rename failing halfway, which the file system does not do for lack of space)."""
    import contextlib
    import os
    import tempfile

    root = Path(dossier.root)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in data.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            tmp = Path(name)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            tmp.chmod(0o644)
        for tmp, target in staged:
            tmp.replace(target)
        staged = []
        for path in removed:
            (root / path).unlink()
    except OSError as exc:
        raise AmendError(f"drafts/ kan niet worden geschreven ({files.reason(exc)})") from None
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
