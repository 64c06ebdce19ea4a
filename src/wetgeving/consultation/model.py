"""Consultation responses: the data model, validation and the response file format.

A response is one Markdown file `consultation_responses/<id>.md`. Its YAML front matter holds all
data (read as strings and validated here); the body is free internal notes. The writer emits every
scalar as a JSON-style double-quoted string (valid YAML), so a fast line reader can read what we
wrote without a YAML parser; anything else (a hand-edited file) goes through `frontmatter`.
See docs/consultation-format.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field, replace
from typing import Any

from wetgeving.errors import ConsultationError, ParseError

KINDS = ("burger", "bedrijf", "organisatie", "adviesorgaan", "overheid")
CHANNELS = ("internetconsultatie", "adviesaanvraag", "e-mail", "anders")
STATUSES = ("overgenomen", "deels", "niet-overgenomen", "kennisgenomen")
GENERAL = "algemeen"
NOT_PUBLIC = "niet-openbare reactie"
MAX_TEXT = 1_000_000
MAX_FIELD = 300

ID_RE = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{6,16}")
CAMPAIGN_RE = re.compile(r"C[0-9a-f]{8}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VERSION_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_NODE_RE = re.compile(r"[A-Za-z0-9.°~/:-]{1,200}")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Characters that YAML or terminals treat specially; never kept in stored text.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
EMAIL_REDACTED = "[e-mailadres verwijderd]"


@dataclass(frozen=True, slots=True)
class Disposition:
    """What was done with a point (one row of the reactietabel).

    Attributes:
        status: overgenomen, deels, niet-overgenomen or kennisgenomen.
        reason: Why, in a sentence or two.
        version: The concept version in which it was done ("" when not tied to one).
    """

    status: str
    reason: str
    version: str = ""


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a response, tied to a provision or general.

    Attributes:
        ref: Provision in citation form ("artikel 273f, derde lid") or "algemeen".
        node: Node id in the consulted version ("art.273f/lid.3"), "" for general points.
        text: What the respondent says.
        question: Consultation question it answers ("Vraag 2"), "" when none.
        disposition: What was done with it, None while open.
    """

    ref: str
    node: str
    text: str
    question: str = ""
    disposition: Disposition | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """One consultation response.

    Attributes:
        id: Unique, time-sortable id ("20261128T130501Z-3f9c2a1b"); also the file name.
        respondent: Name of the person who responded.
        organisation: Organisation responded for ("" for a private person).
        place: Woon- of vestigingsplaats ("" when unknown).
        kind: burger, bedrijf, organisatie, adviesorgaan or overheid.
        channel: internetconsultatie, adviesaanvraag, e-mail or anders.
        received: Date received, YYYY-MM-DD.
        openbaar: Whether the respondent allows publication.
        version: The concept version consulted.
        points: The points made.
        campaign: Id of the campaign it belongs to ("" when none recorded).
        fingerprint: Content hash used to make imports idempotent.
        notes: Free internal notes (the Markdown body).
    """

    id: str
    respondent: str
    organisation: str
    place: str
    kind: str
    channel: str
    received: str
    openbaar: bool
    version: str
    points: tuple[Point, ...]
    campaign: str = ""
    fingerprint: str = ""
    notes: str = field(default="", compare=False)

    @property
    def file_name(self) -> str:
        return f"{self.id}.md"

    @property
    def display_name(self) -> str:
        """Organisation and name as shown in internal lists."""
        if self.organisation and self.respondent:
            return f"{self.respondent}, {self.organisation}"
        return self.organisation or self.respondent


def new_id(now: dt.datetime | None = None) -> str:
    """Return a new response id: UTC time to the second plus 40 random bits (never a counter)."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(5)}"


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters; keep the text otherwise as given."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def redact_emails(text: str) -> tuple[str, int]:
    """Replace e-mail addresses (never stored) by a marker; return the text and the count."""
    if "@" not in text:
        return text, 0
    return _EMAIL_RE.subn(EMAIL_REDACTED, text)


def fingerprint(response: Response) -> str:
    """Hash of what identifies the content of a response (not its id, dispositions or notes)."""
    r = response
    return content_fingerprint(
        r.respondent, r.organisation, r.place, r.received, r.openbaar, r.version, r.points
    )


def content_fingerprint(
    respondent: str,
    organisation: str,
    place: str,
    received: str,
    openbaar: bool,
    version: str,
    points: tuple[Point, ...],
) -> str:
    """`fingerprint` from the parts, before a Response exists."""
    parts = [
        respondent.casefold(),
        organisation.casefold(),
        place.casefold(),
        received,
        "ja" if openbaar else "nee",
        version,
    ]
    for point in points:
        parts.extend([point.node or point.ref, point.question, " ".join(point.text.split())])
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:20]


# --- validation ---------------------------------------------------------------------------------


def check_field(name: str, value: str, required: bool = False) -> str:
    """Validate a one-line text field (name, organisation, place).

    Raises:
        ConsultationError: naming the field and the problem.
    """
    value = " ".join(clean_text(value).split())
    if required and not value:
        raise ConsultationError(f"{name} ontbreekt")
    if len(value) > MAX_FIELD:
        raise ConsultationError(f"{name} is langer dan {MAX_FIELD} tekens")
    if "@" in value and _EMAIL_RE.search(value):
        raise ConsultationError(
            f"{name} bevat een e-mailadres ('{value}'); e-mailadressen worden niet opgeslagen"
        )
    return value


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    """Return `value` if it is one of `choices`.

    Raises:
        ConsultationError: listing the allowed values.
    """
    if value not in choices:
        raise ConsultationError(f"ongeldige {name} '{value}'; kies uit: {', '.join(choices)}")
    return value


def check_date(value: str) -> str:
    """Return a valid YYYY-MM-DD date.

    Raises:
        ConsultationError: when it is not a real calendar date in that form.
    """
    if not _DATE_RE.fullmatch(value):
        raise ConsultationError(f"ongeldige datum '{value}'; gebruik JJJJ-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ConsultationError(f"ongeldige datum '{value}': die dag bestaat niet") from None
    return value


def check_version(value: str) -> str:
    """Return a syntactically valid version name (existence is checked by the caller).

    Raises:
        ConsultationError: when it cannot be a version name.
    """
    if not _VERSION_RE.fullmatch(value) or ".." in value:
        raise ConsultationError(f"ongeldige versienaam '{value}'")
    return value


def check_text(value: str, what: str = "tekst") -> str:
    """Validate a point text.

    Raises:
        ConsultationError: when empty or larger than MAX_TEXT characters.
    """
    value = clean_text(value)
    if not value:
        raise ConsultationError(f"{what} is leeg")
    if len(value) > MAX_TEXT:
        raise ConsultationError(
            f"{what} is {len(value):,} tekens lang; het maximum is {MAX_TEXT:,}".replace(",", ".")
        )
    return value


def check_openbaar(value: str) -> bool:
    """Read ja/nee (and the usual spreadsheet spellings).

    Raises:
        ConsultationError: for any other value.
    """
    word = value.strip().casefold()
    if word in ("ja", "j", "yes", "y", "true", "waar", "1", "x"):
        return True
    if word in ("nee", "n", "no", "false", "onwaar", "0", ""):
        return False
    raise ConsultationError(f"ongeldige waarde voor openbaar '{value}'; gebruik ja of nee")


# --- file format ----------------------------------------------------------------------------------


def _q(value: str) -> str:
    """A JSON string is a valid YAML double-quoted scalar once YAML line breaks are escaped."""
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=False).replace("\u0085", "\\u0085")


def render(response: Response) -> str:
    """Return the file text of a response (front matter + notes)."""
    lines = ["---"]
    top = [
        ("id", response.id),
        ("respondent", response.respondent),
        ("organisation", response.organisation),
        ("place", response.place),
        ("kind", response.kind),
        ("channel", response.channel),
        ("received", response.received),
        ("openbaar", "ja" if response.openbaar else "nee"),
        ("version", response.version),
    ]
    if response.campaign:
        top.append(("campaign", response.campaign))
    if response.fingerprint:
        top.append(("fingerprint", response.fingerprint))
    lines.extend(f"{key}: {_q(value)}" for key, value in top)
    if not response.points:
        lines.append("points: []")
    else:
        lines.append("points:")
    for point in response.points:
        lines.append(f"- ref: {_q(point.ref)}")
        lines.append(f"  node: {_q(point.node)}")
        if point.question:
            lines.append(f"  question: {_q(point.question)}")
        lines.append(f"  text: {_q(point.text)}")
        if point.disposition is not None:
            d = point.disposition
            lines.append("  disposition:")
            lines.append(f"    status: {_q(d.status)}")
            lines.append(f"    reason: {_q(d.reason)}")
            lines.append(f"    version: {_q(d.version)}")
    lines.append("---")
    notes = response.notes.strip("\n")
    return "\n".join(lines) + "\n" + (notes + "\n" if notes else "")


_LINE = re.compile(r'( {0,4})(- )?([a-z]+):(?: ("(?:[^"\\]|\\.)*"|\[\]))?')


def _fast_front(text: str) -> tuple[dict[str, Any], str] | None:
    """Read front matter exactly as `render` writes it; None when the file looks different."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end == -1:
        if not text.endswith("\n---"):
            return None
        end = len(text) - 4
    data: dict[str, Any] = {}
    points: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    disposition: dict[str, str] | None = None
    for line in text[4:end].split("\n"):
        m = _LINE.fullmatch(line)
        if not m:
            return None
        indent, dash, key, raw = len(m.group(1)), m.group(2), m.group(3), m.group(4)
        value: Any = json.loads(raw) if raw and raw != "[]" else ([] if raw == "[]" else None)
        if indent == 0 and not dash:
            if key == "points":
                if value not in (None, []):
                    return None
                data["points"] = points
            elif isinstance(value, str) and key not in data:
                data[key] = value
            else:
                return None
            current = disposition = None
        elif indent == 0 and dash and "points" in data and isinstance(value, str):
            current = {key: value}
            points.append(current)
            disposition = None
        elif indent == 2 and not dash and current is not None:
            if value is None and key == "disposition":
                disposition = {}
                current["disposition"] = disposition
            elif isinstance(value, str) and key not in current:
                current[key] = value
            else:
                return None
        elif indent == 4 and not dash and disposition is not None and isinstance(value, str):
            disposition[key] = value
        else:
            return None
    return data, text[end + 5 :]


def parse(text: str, path: str) -> Response:
    """Read and validate a response file.

    Raises:
        ParseError: naming the file and what is wrong.
    """
    fast = _fast_front(text)
    if fast is None:
        from wetgeving import frontmatter

        front, body, _ = frontmatter.split(text, path)
        if not front:
            raise ParseError(path, 1, "geen front matter ('---') met de gegevens van de reactie")
    else:
        front, body = fast
    try:
        return from_dict(front, body)
    except ConsultationError as exc:
        raise ParseError(path, None, exc.message) from None


_TOP_KEYS = {
    "id", "respondent", "organisation", "place", "kind", "channel", "received", "openbaar",
    "version", "points", "campaign", "fingerprint",
}  # fmt: skip
_POINT_KEYS = {"ref", "node", "question", "text", "disposition"}
_DISP_KEYS = {"status", "reason", "version"}


def _str(data: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise ConsultationError(f"{where}'{key}' ontbreekt")
    if not isinstance(value, str):
        raise ConsultationError(f"{where}'{key}' moet tekst zijn")
    return value


def _unknown(data: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise ConsultationError(f"{where}onbekend veld '{extra[0]}'")


def from_dict(front: dict[str, Any], notes: str = "") -> Response:
    """Build a validated Response from front matter strings.

    Raises:
        ConsultationError: naming the first field that is missing or invalid.
    """
    _unknown(front, _TOP_KEYS, "")
    rid = _str(front, "id", "")
    if not ID_RE.fullmatch(rid):
        raise ConsultationError(f"ongeldig id '{rid}'")
    raw_points = front.get("points", [])
    if not isinstance(raw_points, list):
        raise ConsultationError("'points' moet een lijst zijn")
    points = []
    for n, raw in enumerate(raw_points, 1):
        where = f"punt {n}: "
        if not isinstance(raw, dict):
            raise ConsultationError(f"{where}moet uit 'sleutel: waarde'-regels bestaan")
        _unknown(raw, _POINT_KEYS, where)
        ref = _str(raw, "ref", where)
        node = _str(raw, "node", where, "")
        if (ref == GENERAL) != (node == "") or (node and not _NODE_RE.fullmatch(node)):
            raise ConsultationError(f"{where}'node' past niet bij 'ref' ('{ref}', '{node}')")
        disposition = None
        if "disposition" in raw:
            d = raw["disposition"]
            if not isinstance(d, dict):
                raise ConsultationError(f"{where}'disposition' moet velden hebben")
            _unknown(d, _DISP_KEYS, where)
            version = _str(d, "version", where, "")
            disposition = Disposition(
                check_choice("status", _str(d, "status", where), STATUSES),
                _str(d, "reason", where, ""),
                check_version(version) if version else "",
            )
        points.append(
            Point(
                ref=check_field("ref", ref, required=True),
                node=node,
                text=check_text(_str(raw, "text", where), f"{where}tekst"),
                question=check_field("question", _str(raw, "question", where, "")),
                disposition=disposition,
            )
        )
    campaign = _str(front, "campaign", "", "")
    if campaign and not CAMPAIGN_RE.fullmatch(campaign):
        raise ConsultationError(f"ongeldige campagne '{campaign}'")
    fp = _str(front, "fingerprint", "", "")
    if fp and not re.fullmatch(r"[0-9a-f]{8,64}", fp):
        raise ConsultationError(f"ongeldige fingerprint '{fp}'")
    return Response(
        id=rid,
        respondent=check_field("respondent", _str(front, "respondent", ""), required=True),
        organisation=check_field("organisation", _str(front, "organisation", "", "")),
        place=check_field("place", _str(front, "place", "", "")),
        kind=check_choice("kind", _str(front, "kind", ""), KINDS),
        channel=check_choice("channel", _str(front, "channel", ""), CHANNELS),
        received=check_date(_str(front, "received", "")),
        openbaar=check_openbaar_strict(_str(front, "openbaar", "")),
        version=check_version(_str(front, "version", "")),
        points=tuple(points),
        campaign=campaign,
        fingerprint=fp,
        notes=notes,
    )


def check_openbaar_strict(value: str) -> bool:
    """In files only 'ja' and 'nee' are accepted.

    Raises:
        ConsultationError: for any other value.
    """
    if value not in ("ja", "nee"):
        raise ConsultationError(f"ongeldige waarde voor openbaar '{value}'; gebruik ja of nee")
    return value == "ja"


def with_fingerprint(response: Response) -> Response:
    """Return the response with its content fingerprint filled in."""
    return replace(response, fingerprint=fingerprint(response))
