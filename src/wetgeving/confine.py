"""Files read from a dossier stay inside it: a symbolic link that leaves the dossier is refused.

A dossier is shared through git, and git stores symbolic links; a link in `templates/` or
`toelichting/` to a file elsewhere on the machine would otherwise carry that file into a
document or a public bundle.
"""

from __future__ import annotations

import os
from pathlib import Path

from wetgeving.errors import DossierError


def outside(root: Path, path: Path) -> Path | None:
    """Where `path` really leads when that is outside `root`, else None.

    Args:
        root: The dossier's folder (or another folder the file must stay in).
        path: The file or folder as the tool found it; every link on the way is followed.
    """
    target = Path(os.path.realpath(path))
    base = Path(os.path.realpath(root))
    if target == base or base in target.parents:
        return None
    return target


def check(root: Path, path: Path, shown: str | None = None) -> Path:
    """Return `path` when it resolves inside `root`.

    Raises:
        DossierError: naming the path (`shown`, else the path) and where it leads.
    """
    target = outside(root, path)
    if target is not None:
        raise DossierError(
            f"{shown or path}: verwijst naar {target}, buiten het dossier; niet gelezen"
        )
    return path


def entry_inside(root: Path, entry: os.DirEntry[str], shown: str | None = None) -> None:
    """Refuse a directory entry that is a link leading outside `root` (an entry that is no
    link lies inside whenever its folder does, so only links cost a look-up)."""
    if entry.is_symlink():
        check(root, Path(entry.path), shown)


def files(root: Path, folder: Path, suffix: str) -> list[Path]:
    """Every file under `folder` whose name ends in `suffix`, sorted, as found (not resolved).

    A link is followed when it stays inside `root` (each real folder is read once, so a loop of
    links ends) and refused when it leaves it, whether it names a file or a folder.

    Raises:
        DossierError: naming the first link that leaves `root`.
    """
    found: list[Path] = []
    if not folder.is_dir():
        return found
    check(root, folder, relative(root, folder))
    seen: set[str] = set()
    pending = [folder]
    while pending:
        here = pending.pop()
        real = os.path.realpath(here)
        if real in seen:
            continue
        seen.add(real)
        with os.scandir(here) as entries:
            for entry in entries:
                path = Path(entry.path)
                entry_inside(root, entry, relative(root, path))
                if entry.is_dir():
                    pending.append(path)
                elif entry.name.endswith(suffix) and entry.is_file():
                    found.append(path)
    return sorted(found)


def relative(root: Path, path: Path) -> str:
    """A path relative to the dossier, as messages name it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def draft_target(root: Path | None, path: Path, shown: str) -> Path:
    """Check where `import` may write a draft: inside the dossier only a `.md` file under its
    drafts/ (never over wetgeving.toml, a template or a response); outside it any path; never
    inside a `.git` folder, also not through a link.

    Raises:
        UsageError: naming the path.
    """
    from wetgeving.errors import UsageError

    target = Path(os.path.realpath(path))
    if ".git" in target.parts or ".git" in path.parts:
        raise UsageError(f"{shown}: schrijven in .git/ is niet toegestaan; dat doet alleen git")
    if root is None or outside(root, target) is not None:
        return path
    drafts = Path(os.path.realpath(root / "drafts"))
    if drafts not in target.parents or target.suffix != ".md":
        raise UsageError(
            f"{shown}: import schrijft alleen een .md-bestand onder drafts/ van het dossier"
        )
    return path
