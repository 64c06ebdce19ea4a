"""The dossier on disk: `wetgeving.toml` and its folders, found by walking up like git."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from wetgeving import confine, files
from wetgeving.errors import DossierError, ParseError

CONFIG = "wetgeving.toml"
MAX_CONFIG = 1024 * 1024  # a configuration of a few lines; more is not one
DRAFTS = "drafts"
RESPONSES = "consultation_responses"
TEMPLATES = "templates"
TOELICHTING = "toelichting"


@dataclass(frozen=True, slots=True)
class Dossier:
    """A dossier: the bill being drafted and the regulation it amends.

    Attributes:
        root: Folder holding `wetgeving.toml`.
        title: Title of the bill.
        regulation: Name of the regulation it amends ("Wetboek van Strafrecht").
        bwb_id: BWB id of that regulation ("BWBR0001854").
        prive: `[team] prive` as written: the private repository for niet-openbare reactions,
            relative to `root` ("" when there is none; see `consultation.private`).
    """

    root: Path
    title: str
    regulation: str
    bwb_id: str
    prive: str = ""

    @property
    def drafts(self) -> Path:
        return self.root / DRAFTS

    @property
    def responses(self) -> Path:
        return self.root / RESPONSES

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES

    @property
    def toelichting(self) -> Path:
        return self.root / TOELICHTING


def config_text(title: str, regulation: str, bwb_id: str) -> str:
    """Return the text of a new `wetgeving.toml`."""

    def q(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return (
        "# Dossier van wetgeving; zie docs/ van het pakket wetgeving\n"
        "[dossier]\n"
        f"titel = {q(title)}\n\n"
        "[regeling]\n"
        f"naam = {q(regulation)}\n"
        f"bwb = {q(bwb_id)}\n"
    )


def load(root: Path) -> Dossier:
    """Read the dossier whose `wetgeving.toml` sits in `root`.

    Raises:
        DossierError: when the file is missing, not TOML or lacks required keys.
    """
    path = root / CONFIG
    confine.check(root, path, str(path))
    try:
        data = tomllib.loads(files.read_text(path, limit=MAX_CONFIG))
    except ParseError as exc:
        message = exc.message
        if not path.exists():
            message = f"{path}: geen wetgeving.toml; maak een dossier met 'wetgeving init'"
        raise DossierError(message) from None
    except tomllib.TOMLDecodeError as exc:
        raise DossierError(f"{path}: geen geldige TOML ({exc}); herstel het bestand") from None
    dossier = data.get("dossier")
    regeling = data.get("regeling")
    if not isinstance(dossier, dict) or not isinstance(dossier.get("titel"), str):
        raise DossierError(f"{path}: [dossier] met 'titel = \"...\"' ontbreekt")
    if not isinstance(regeling, dict):
        regeling = {}
    name = regeling.get("naam", "")
    bwb = regeling.get("bwb", "")
    if not isinstance(name, str) or not isinstance(bwb, str):
        raise DossierError(f"{path}: [regeling] naam en bwb moeten tekst zijn")
    return Dossier(
        root=root.resolve(),
        title=dossier["titel"],
        regulation=name,
        bwb_id=bwb,
        prive=_prive(path, data.get("team")),
    )


def _prive(path: Path, team: object) -> str:
    """`[team] prive`: a non-empty path on one line ("" when not set).

    Raises:
        DossierError: naming the setting and its value.
    """
    if team is None:
        return ""
    if not isinstance(team, dict):
        raise DossierError(f"{path}: team moet een tabel zijn ([team])")
    value = team.get("prive", "")
    if not isinstance(value, str) or (value and not value.strip()) or "\n" in value:
        raise DossierError(
            f"{path}: team.prive: {value!r} is geen pad; geef de map van de privé-repository, "
            'bijvoorbeeld prive = "../273f-prive"'
        )
    return value


def find(start: Path | None = None, explicit: Path | None = None) -> Dossier:
    """Find the dossier: `explicit` if given, else walk up from `start` (default: cwd).

    Raises:
        DossierError: when no `wetgeving.toml` is found.
    """
    if explicit is not None:
        if not (explicit / CONFIG).is_file():
            raise DossierError(f"{explicit}: geen dossier (wetgeving.toml ontbreekt)")
        return load(explicit)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG).is_file():
            return load(folder)
    raise DossierError(
        f"{here}: niet in een dossier (geen wetgeving.toml gevonden); "
        "gebruik 'wetgeving init PAD' of '--dossier PAD'"
    )
