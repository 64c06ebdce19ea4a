"""The private repository of a dossier: niet-openbare reactions kept out of the shared one.

`[team] prive = "../273f-prive"` in `wetgeving.toml` names a second git repository (a path
relative to the dossier, typically a sibling clone of a repository on the forge that only a
smaller group may read). With it, a new niet-openbare reaction is written and committed in that
repository's `consultation_responses/`, never in the dossier's; every command that reads
responses reads both folders; public documents read the dossier's alone.

A *store* is a `Dossier` whose root is the repository holding a `consultation_responses/`
folder: the dossier itself, or the private repository (the same dossier, its root moved there,
without `prive`). So the write, lock, commit and index code of `store` and `index` works on
either unchanged, each repository with its own lock and its own index in its own `.git`.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from wetgeving import files
from wetgeving.errors import DossierError

if TYPE_CHECKING:
    from wetgeving.consultation.model import Response
    from wetgeving.dossier import Dossier

FOLDER = "consultation_responses"
README = "LEESMIJ.md"
# Made by `setup --prive` and committed there: wetgeving.toml travels with the dossier and is not
# trusted, so it may only name a repository that was made for this purpose, never any other
# repository on the lawyer's computer to write, commit and push reactions into.
MARKER = ".wetgeving-prive"
MARKER_TEXT = "Privé-repository van een wetgeving-dossier (niet-openbare consultatiereacties).\n"
README_TEXT = (
    "# Niet-openbare consultatiereacties\n\n"
    "Deze repository hoort bij het dossier '{title}'. Ze bevat de consultatiereacties die niet\n"
    "openbaar zijn (`consultation_responses/`) en is alleen leesbaar voor wie die reacties mag\n"
    "lezen. Het dossier noemt haar in wetgeving.toml (`[team] prive`); `wetgeving sync` in het\n"
    "dossier verstuurt ook deze repository.\n"
)


def _setting(dossier: Dossier) -> str:
    return f"{dossier.root / 'wetgeving.toml'}: team.prive = '{dossier.prive}'"


def _place(dossier: Dossier, value: str) -> Path:
    """Where `value` points, checked to lie outside the dossier (and not around it).

    Raises:
        DossierError: the path is the dossier, inside it, or holds it.
    """
    root = Path(dossier.root).resolve()
    where = (root / value).resolve()
    what = f"{root / 'wetgeving.toml'}: team.prive = '{value}'"
    if where == root or root in where.parents:
        raise DossierError(
            f"{what}: ligt in het dossier; de privé-repository is een eigen repository naast "
            "het dossier (bijvoorbeeld '../273f-prive')"
        )
    if where in root.parents:
        raise DossierError(
            f"{what}: het dossier ligt in die map; de privé-repository is een eigen repository "
            "naast het dossier (bijvoorbeeld '../273f-prive')"
        )
    return where


def _is_top(where: Path) -> bool:
    """Whether `where` is the top of a git work tree (not a folder inside another one)."""
    from wetgeving import gitrepo

    top = gitrepo.repository_root(where)
    return top is not None and top.resolve() == where


def root(dossier: Dossier) -> Path | None:
    """The private repository's folder, checked; None when the dossier names none.

    Raises:
        DossierError: naming the setting and its value: inside the dossier, missing (saying how
            to make it), or not a git repository of its own.
    """
    if not dossier.prive:
        return None
    where = _place(dossier, dossier.prive)
    if not where.exists():
        raise DossierError(
            f"{_setting(dossier)}: {where} bestaat niet; clone de privé-repository daar "
            f"('git clone URL {where}') of maak haar met 'wetgeving setup --prive "
            f"{dossier.prive}'"
        )
    if not where.is_dir() or not _is_top(where):
        raise DossierError(
            f"{_setting(dossier)}: {where} is geen git-repository; clone de privé-repository "
            f"daar of maak haar met 'wetgeving setup --prive {dossier.prive}'"
        )
    if not (where / MARKER).is_file():
        raise DossierError(
            f"{_setting(dossier)}: {where} is geen privé-repository van een dossier ({MARKER} "
            f"ontbreekt); maak haar met 'wetgeving setup --prive {dossier.prive}'"
        )
    return where


def absent(dossier: Dossier) -> str:
    """The warning for a private repository the dossier names but this computer does not hold
    (a colleague who may not read it); "" when there is none or it is there.

    Raises:
        DossierError: the setting points into the dossier or around it.
    """
    if not dossier.prive or _place(dossier, dossier.prive).exists():
        return ""
    return (
        f"waarschuwing: de privé-repository {dossier.prive} staat niet op deze computer; alleen "
        "de reacties in het dossier zelf worden getoond, zonder de niet-openbare die daar staan"
    )


def readable(dossier: Dossier) -> Dossier:
    """The dossier as a listing may read it: without its private repository when that is not on
    this computer (see `absent`). Only for commands that show, never for those that write."""
    return dataclasses.replace(dossier, prive="") if absent(dossier) else dossier


def store(dossier: Dossier) -> Dossier | None:
    """The private repository as a store (see the module docstring); None without one.

    Raises:
        DossierError: see `root`.
    """
    where = root(dossier)
    if where is None:
        return None
    return dataclasses.replace(dossier, root=where, prive="")


def stores(dossier: Dossier, private: bool = True) -> list[Dossier]:
    """The stores to read: the dossier, then (with `private`) its private repository.

    Raises:
        DossierError: see `root`.
    """
    found = store(dossier) if private else None
    return [dossier] if found is None else [dossier, found]


def for_new(dossier: Dossier, response: Response) -> Dossier:
    """The store a new response goes to: a niet-openbare one to the private repository.

    Raises:
        DossierError: see `root`.
    """
    if response.openbaar or not dossier.prive:
        return dossier
    found = store(dossier)
    assert found is not None
    return found


def holding(dossier: Dossier, response_id: str) -> Dossier | None:
    """The store whose folder holds the file of `response_id` (a full, valid id).

    Raises:
        DossierError: see `root`.
    """
    for place in stores(dossier):
        if (Path(place.root) / FOLDER / f"{response_id}.md").is_file():
            return place
    return None


@dataclass(frozen=True, slots=True)
class PrivateSetup:
    """What `wetgeving setup --prive PAD` did.

    Attributes:
        root: The private repository.
        created: Whether `git init` made it now.
        written: The files committed there now (LEESMIJ.md when it had no commit yet, the
            marker when it lacked one), relative to `root`.
        first_commit: The commit of `written`, None when nothing was written.
        config_commit: The commit of wetgeving.toml when the setting was added, else None.
    """

    root: Path
    created: bool
    written: tuple[str, ...]
    first_commit: str | None
    config_commit: str | None


def setup(dossier: Dossier, value: str) -> PrivateSetup:
    """Name (and when needed make) the private repository: `git init` when the folder is
    missing or empty, a first commit when it has none, and `[team] prive` in wetgeving.toml
    (committed in the dossier).

    Raises:
        DossierError: a path inside the dossier, a folder that is no repository of its own, or
            a wetgeving.toml that already names another one.
        GitError: git missing or refusing.
    """
    from wetgeving import gitrepo
    from wetgeving.gitrepo import remote as gitremote

    value = PurePath(value.strip()).as_posix() if value.strip() else ""
    if not value or "\n" in value:
        raise DossierError(f"--prive: '{value}' is geen pad; bijvoorbeeld --prive ../273f-prive")
    if dossier.prive and dossier.prive != value:
        raise DossierError(
            f"{_setting(dossier)}: het dossier noemt al een privé-repository; pas de regel in "
            "wetgeving.toml zelf aan als die moet veranderen"
        )
    where = _place(dossier, value)
    gitrepo.check_identity(Path(dossier.root))
    created = False
    if not where.exists() or (where.is_dir() and not any(where.iterdir())):
        where.mkdir(parents=True, exist_ok=True)
        gitrepo.init_repository(where)
        created = True
    if not where.is_dir() or not _is_top(where):
        raise DossierError(
            f"--prive: {where} is geen git-repository en geen lege map; kies een andere map of "
            "clone de privé-repository daar"
        )
    new: dict[str, str] = {}
    if gitremote.head_commit(where) is None:
        new[README] = README_TEXT.format(title=dossier.title)
    if not (where / MARKER).is_file():
        new[MARKER] = MARKER_TEXT
    first = None
    if new:
        for name, text in new.items():
            files.replace(where / name, text.encode("utf-8"), 0o644)
        message = "Privé-repository voor niet-openbare consultatiereacties"
        first = gitrepo.commit_paths(where, [where / n for n in new], message)
    config = None
    if not dossier.prive:
        config = _write_setting(dossier, value)
    return PrivateSetup(where, created, tuple(new), first, config)


def _write_setting(dossier: Dossier, value: str) -> str:
    """Add `[team] prive = VALUE` to wetgeving.toml and commit it; return the commit id.

    Raises:
        DossierError: when wetgeving.toml already has a [team] table (edit it by hand).
    """
    from wetgeving import gitrepo

    path = Path(dossier.root) / "wetgeving.toml"
    text = files.read_text(path)
    if "team" in tomllib.loads(text):
        raise DossierError(
            f'{path}: heeft al [team]; zet daar zelf prive = "{value}" en leg het vast'
        )
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    added = (
        "\n# Niet-openbare reacties staan in een eigen repository (wetgeving setup --prive)\n"
        f'[team]\nprive = "{quoted}"\n'
    )
    text = text + ("" if text.endswith("\n") else "\n") + added
    tomllib.loads(text)  # still TOML, or nothing is written
    old = path.read_bytes()
    files.replace(path, text.encode("utf-8"))
    try:
        return gitrepo.commit_paths(
            Path(dossier.root), [path], "Privé-repository voor niet-openbare reacties ingesteld"
        )
    except BaseException:
        files.replace(path, old)
        raise
