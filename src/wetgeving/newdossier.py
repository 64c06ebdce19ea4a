"""Creating a new dossier: wetgeving.toml, the folders, the default templates, a first commit."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from wetgeving import dossier as dossier_mod
from wetgeving import files
from wetgeving.errors import DossierError, UsageError

_BWB = re.compile(r"BWBR\d{7}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
KEEP = ".gitkeep"


@dataclass(frozen=True, slots=True)
class Created:
    """A dossier just made.

    Attributes:
        root: Its folder.
        commit: The first commit of the new repository; None when it joined an existing one.
    """

    root: Path
    commit: str | None


def check_text(option: str, value: str) -> str:
    """One line of text without control characters, stripped.

    Raises:
        UsageError: naming the option.
    """
    text = value.strip()
    if not text or _CONTROL.search(text):
        raise UsageError(f"{option} '{value}': geef één regel tekst zonder stuurtekens")
    return text


def create(path: Path, title: str, regulation: str, bwb: str) -> Created:
    """Make a new dossier in `path`; outside a git repository also the repository and its commit.

    Everything that can be checked is checked before anything is written: an existing dossier,
    a path that is no folder, git missing, and (for a new repository) git not knowing who commits.

    Raises:
        UsageError: bad title, regulation, BWB id or path.
        DossierError: a dossier is already there, or the folder cannot be made.
        GitError: git missing, without a name and e-mail address, or refusing.
    """
    from wetgeving import gitrepo

    title = check_text("--titel", title)
    regulation = check_text("--regeling", regulation)
    if not _BWB.fullmatch(bwb):
        raise UsageError(f"--bwb '{bwb}': een BWB-id is BWBR gevolgd door 7 cijfers (BWBR0001854)")
    root = path.resolve()
    config = root / dossier_mod.CONFIG
    if root.exists() and not root.is_dir():
        raise UsageError(f"{path}: bestaat al en is geen map")
    if config.exists():
        raise DossierError(f"{config}: hier staat al een dossier; kies een andere map")
    existing = root
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{path}: {existing} is een bestand, geen map")
    in_repo = gitrepo.repository_root(root) is not None
    if not in_repo:
        # Refuse before writing when git could not make the first commit for lack of a name.
        gitrepo.check_identity(existing)
    try:
        written = _write_files(root, config, dossier_mod.config_text(title, regulation, bwb))
    except FileExistsError:
        raise DossierError(f"{config}: hier staat al een dossier; kies een andere map") from None
    except OSError as exc:
        message = f"{path}: het dossier kan niet worden gemaakt ({files.reason(exc)})"
        raise DossierError(message) from None
    from wetgeving import mergedriver

    attributes = mergedriver.write_attributes(root)
    if attributes is not None:
        written.append(attributes)
    if in_repo:
        mergedriver.register(root)
        return Created(root, None)
    gitrepo.init_repository(root)
    mergedriver.register(root)
    new = dossier_mod.load(root)
    return Created(root, gitrepo.commit_paths(new.root, written, "Nieuw dossier: " + title))


def _write_files(root: Path, config: Path, text: str) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for folder in (dossier_mod.DRAFTS, dossier_mod.RESPONSES, dossier_mod.TEMPLATES):
        (root / folder).mkdir(exist_ok=True)
    from wetgeving.documents.templates import copy_defaults

    templates = list(copy_defaults(root / dossier_mod.TEMPLATES))
    for folder in (dossier_mod.DRAFTS, dossier_mod.RESPONSES, dossier_mod.TEMPLATES):
        target = root / folder
        if not any(target.iterdir()):
            # git does not keep empty folders; a clone must still have them.
            (target / KEEP).touch()
            written.append(target / KEEP)
    written.extend(templates)
    _write_new(config, text)
    written.append(config)
    return written


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically (FileExistsError if it appeared)."""
    import tempfile

    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".wetgeving-", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if os.name == "nt":
            # Windows' rename never replaces a file (FileExistsError) and needs no hard links,
            # which FAT and exFAT sticks and some network shares lack.
            tmp.rename(path)
        else:
            os.link(tmp, path)  # fails if the file appeared meanwhile: never overwrite
    finally:
        tmp.unlink(missing_ok=True)
