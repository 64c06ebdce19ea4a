"""The consultation settings of a dossier: `[consultatie]` in `wetgeving.toml`.

    [consultatie]
    versie = "v1"          # the version under consultation (default for respond and import)
    geldend = "geldend"    # the version holding the law in force (default: "geldend")

    [[consultatie.vraag]]
    nummer = 1
    tekst = "Is de omschrijving van uitbuiting duidelijk?"
    bepalingen = ["artikel 273f, eerste lid"]   # optional: answers are points on these
    soort = "open"                               # open (default), ja/nee or meerkeuze
    keuzes = ["...", "..."]                      # only with soort = "meerkeuze"

Every key is validated; a bad one is a one-line Dutch error naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wetgeving.consultation.model import MAX_FIELD, check_version, clean_text
from wetgeving.errors import ConsultationError, DossierError, ParseError, ProvisionRefError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

OPEN = "open"
YES_NO = "ja/nee"
CHOICE = "meerkeuze"
KINDS = (OPEN, YES_NO, CHOICE)
IN_FORCE = "geldend"
MAX_QUESTION = 5000

_TOP = ("versie", "geldend", "vraag")
_QUESTION = ("nummer", "tekst", "bepalingen", "soort", "keuzes")


@dataclass(frozen=True, slots=True)
class Question:
    """A consultation question as the dossier declares it.

    Attributes:
        number: Its number (1, 2, ...).
        text: The question as asked.
        provisions: The provisions it is about, as written ("artikel 273f, eerste lid").
        kind: open, ja/nee or meerkeuze.
        choices: The choices of a closed question (ja/nee: "ja", "nee").
    """

    number: int
    text: str
    provisions: tuple[str, ...] = ()
    kind: str = OPEN
    choices: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the question is named ("Vraag 2")."""
        return f"Vraag {self.number}"

    @property
    def closed(self) -> bool:
        """True for ja/nee and multiple choice questions: their answers are tallied."""
        return self.kind != OPEN


@dataclass(frozen=True, slots=True)
class Settings:
    """`[consultatie]` of a dossier.

    Attributes:
        version: The version under consultation ("" when not set).
        in_force: The version holding the law in force.
        questions: The declared questions, by number.
    """

    version: str = ""
    in_force: str = IN_FORCE
    questions: tuple[Question, ...] = ()

    def question(self, number: int) -> Question | None:
        """The declared question with this number, if any."""
        return next((q for q in self.questions if q.number == number), None)


def _fail(path: str, key: str, problem: str) -> DossierError:
    return DossierError(f"{path}: consultatie{key}: {problem}")


def _unknown(path: str, table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise _fail(
                path, f"{where}.{key}", f"onbekende sleutel; bekend zijn: {', '.join(allowed)}"
            )


def _version(path: str, table: dict[str, Any], key: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise _fail(path, f".{key}", "moet tekst zijn (een versienaam tussen aanhalingstekens)")
    if not value:
        return default
    try:
        return check_version(value)
    except ConsultationError:
        raise _fail(path, f".{key}", f"'{value}' is geen geldige versienaam") from None


def _text(path: str, key: str, value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise _fail(path, key, "moet tekst zijn")
    text = " ".join(clean_text(value).split())
    if not text:
        raise _fail(path, key, "is leeg")
    if len(text) > limit:
        raise _fail(path, key, f"is langer dan {limit} tekens")
    return text


def _question(path: str, raw: Any, n: int, seen: set[int]) -> Question:
    where = f".vraag[{n}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "schrijf elke vraag als [[consultatie.vraag]] met nummer en tekst")
    _unknown(path, raw, _QUESTION, where)
    number = raw.get("nummer")
    if number is None:
        raise _fail(path, f"{where}.nummer", "ontbreekt")
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 999:
        raise _fail(
            path, f"{where}.nummer", f"moet een heel getal van 1 tot 1000 zijn, niet {number!r}"
        )
    if number in seen:
        raise _fail(path, f"{where}.nummer", f"vraag {number} staat er al")
    seen.add(number)
    if "tekst" not in raw:
        raise _fail(path, f"{where}.tekst", "ontbreekt")
    text = _text(path, f"{where}.tekst", raw["tekst"], MAX_QUESTION)
    kind = raw.get("soort", OPEN)
    if kind not in KINDS:
        raise _fail(path, f"{where}.soort", f"'{kind}' is geen soort; kies uit: {', '.join(KINDS)}")
    provisions = raw.get("bepalingen", [])
    if not isinstance(provisions, list) or not all(isinstance(p, str) for p in provisions):
        raise _fail(
            path, f"{where}.bepalingen",
            'moet een lijst van bepalingen zijn, zoals ["artikel 273f, eerste lid"]',
        )  # fmt: skip
    from wetgeving.text.refs import parse_ref

    for provision in provisions:
        try:
            parse_ref(provision)
        except ProvisionRefError as exc:
            raise _fail(path, f"{where}.bepalingen", exc.message) from None
    choices: tuple[str, ...] = ()
    if kind == CHOICE:
        raw_choices = raw.get("keuzes")
        if raw_choices is None:
            raise _fail(path, f"{where}.keuzes", "ontbreekt (nodig bij soort meerkeuze)")
        if not isinstance(raw_choices, list) or len(raw_choices) < 2:
            raise _fail(path, f"{where}.keuzes", "moet een lijst van minstens twee keuzes zijn")
        choices = tuple(_text(path, f"{where}.keuzes", c, MAX_FIELD) for c in raw_choices)
        if len({c.casefold() for c in choices}) != len(choices):
            raise _fail(path, f"{where}.keuzes", "bevat een keuze twee keer")
    elif "keuzes" in raw:
        raise _fail(path, f"{where}.keuzes", "hoort alleen bij soort meerkeuze")
    elif kind == YES_NO:
        choices = ("ja", "nee")
    return Question(number, text, tuple(provisions), kind, choices)


def parse(data: dict[str, Any], path: str) -> Settings:
    """Validate the `[consultatie]` table of a parsed `wetgeving.toml`.

    Raises:
        DossierError: naming the file and the first bad key.
    """
    table = data.get("consultatie", {})
    if not isinstance(table, dict):
        raise DossierError(f"{path}: consultatie: schrijf [consultatie] als tabel")
    _unknown(path, table, _TOP, "")
    raw_questions = table.get("vraag", [])
    if not isinstance(raw_questions, list):
        raise _fail(path, ".vraag", "schrijf elke vraag als [[consultatie.vraag]]")
    seen: set[int] = set()
    questions = [_question(path, raw, n, seen) for n, raw in enumerate(raw_questions, 1)]
    return Settings(
        version=_version(path, table, "versie", ""),
        in_force=_version(path, table, "geldend", IN_FORCE),
        questions=tuple(sorted(questions, key=lambda q: q.number)),
    )


def load(dossier: Dossier) -> Settings:
    """Read `[consultatie]` from the dossier's `wetgeving.toml` (already checked to be TOML).

    Raises:
        DossierError: naming the file and the first bad key.
    """
    from wetgeving import confine, files
    from wetgeving.dossier import CONFIG, MAX_CONFIG

    path = confine.check(dossier.root, dossier.root / CONFIG, str(dossier.root / CONFIG))
    try:
        data = tomllib.loads(files.read_text(path, limit=MAX_CONFIG))
    except ParseError as exc:
        raise DossierError(exc.message) from None
    except tomllib.TOMLDecodeError as exc:
        raise DossierError(f"{path}: kan niet worden gelezen ({exc})") from None
    return parse(data, str(path))
