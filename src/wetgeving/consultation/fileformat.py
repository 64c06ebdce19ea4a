"""The response file format: JSON-style quoted YAML front matter, a fast reader, validation.

The writer emits every scalar as a JSON-style double-quoted string (valid YAML), so `_fast_front`
can read what we wrote without a YAML parser; anything else (a hand-edited file) goes through
`wetgeving.frontmatter`. Both give a mapping of strings that `from_dict` validates.

The format is a contract (docs/consultation-format.md): fields are only ever added, optional, and
written only when they hold something, so every file written before still reads the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from wetgeving import files
from wetgeving.consultation.model import (
    CAMPAIGN_RE,
    CHANNELS,
    GENERAL,
    ID_RE,
    KINDS,
    NODE_RE,
    STATUSES,
    Answer,
    Disposition,
    Point,
    Response,
    check_choice,
    check_date,
    check_openbaar_strict,
    check_text,
    check_version,
    clean_text,
)
from wetgeving.consultation.privacy import check_field
from wetgeving.errors import ConsultationError, ParseError

MAX_QUESTION_TEXT = 5000
# A response file: many points of at most MAX_TEXT each; anything larger is no response.
MAX_FILE = 64 * 1024 * 1024
T = TypeVar("T")


def _q(value: str) -> str:
    """A JSON string is a valid YAML double-quoted scalar once YAML line breaks are escaped."""
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=False).replace("\u0085", "\\u0085")


def _disposition_lines(d: Disposition) -> list[tuple[str, str | None]]:
    lines: list[tuple[str, str | None]] = [
        ("  disposition:", None),
        ("    status: ", d.status),
        ("    reason: ", d.reason),
        ("    version: ", d.version),
    ]
    if d.previous is not None:
        p = d.previous
        lines.append(("    previous_status: ", p.status))
        lines.append(("    previous_reason: ", p.reason))
        lines.append(("    previous_version: ", p.version))
    return lines


def render(response: Response) -> str:
    """Return the file text of a response (front matter + notes)."""
    # (start of the line, value to quote after it, or None for a line without a value)
    lines: list[tuple[str, str | None]] = [
        ("---", None),
        ("id: ", response.id),
        ("respondent: ", response.respondent),
        ("organisation: ", response.organisation),
        ("place: ", response.place),
        ("kind: ", response.kind),
        ("channel: ", response.channel),
        ("received: ", response.received),
        ("openbaar: ", "ja" if response.openbaar else "nee"),
        ("version: ", response.version),
    ]
    if response.campaign:
        lines.append(("campaign: ", response.campaign))
    if response.fingerprint:
        lines.append(("fingerprint: ", response.fingerprint))
    lines.append(("points:" if response.points else "points: []", None))
    for point in response.points:
        lines.append(("- ref: ", point.ref))
        lines.append(("  node: ", point.node))
        if point.node_version:
            lines.append(("  node_version: ", point.node_version))
        if point.written:
            lines.append(("  written: ", point.written))
        if not point.linked:
            lines.append(('  linked: "nee"', None))
        if point.question:
            lines.append(("  question: ", point.question))
        if point.question_text:
            lines.append(("  question_text: ", point.question_text))
        lines.append(("  text: ", point.text))
        if point.disposition is not None:
            lines.extend(_disposition_lines(point.disposition))
    if response.answers:
        lines.append(("answers:", None))
    for answer in response.answers:
        lines.append(("- question: ", answer.question))
        if answer.question_text:
            lines.append(("  question_text: ", answer.question_text))
        lines.append(("  choice: ", answer.choice))
    lines.append(("---", None))
    # The values are checked all at once: almost always each can be quoted as it is (`_q`).
    values = "".join([value for _, value in lines if value is not None])
    if values.isprintable() and '"' not in values and "\\" not in values:
        text = "\n".join([start if v is None else f'{start}"{v}"' for start, v in lines])
    else:
        text = "\n".join([start if v is None else start + _q(v) for start, v in lines])
    notes = response.notes.strip("\n")
    return text + "\n" + (notes + "\n" if notes else "")


_LINE = re.compile(r'( {0,4})(- )?([a-z_]+):(?: ("(?:[^"\\]|\\.)*"|\[\]))?')
_LISTS = ("points", "answers")


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
    items: list[dict[str, Any]] | None = None
    current: dict[str, Any] | None = None
    disposition: dict[str, str] | None = None
    for line in text[4:end].split("\n"):
        m = _LINE.fullmatch(line)
        if not m:
            return None
        indent, dash, key, raw = len(m.group(1)), m.group(2), m.group(3), m.group(4)
        value: Any = None
        if raw == "[]":
            value = []
        elif raw and "\\" not in raw and raw.isprintable():
            value = raw[1:-1]  # nothing escaped: the JSON string is its own content
        elif raw:
            try:
                value = json.loads(raw)
            except ValueError:
                return None  # a raw control character, say: the YAML reader decides
        if indent == 0 and not dash:
            if key in _LISTS and key not in data:
                if value not in (None, []):
                    return None
                items = data[key] = []
            elif isinstance(value, str) and key not in data:
                data[key] = value
                items = None
            else:
                return None
            current = disposition = None
        elif indent == 0 and dash and items is not None and isinstance(value, str):
            current = {key: value}
            items.append(current)
            disposition = None
        elif indent == 2 and not dash and current is not None:
            if value is None and key == "disposition" and key not in current:
                disposition = {}
                current["disposition"] = disposition
            elif isinstance(value, str) and key not in current:
                current[key] = value
            else:
                return None
        elif indent == 4 and not dash and disposition is not None and isinstance(value, str):
            if key in disposition:
                return None
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


def read(path: Path) -> Response:
    """Read one response file; its id must match the file name.

    Raises:
        ParseError: when unreadable or invalid.
    """
    text = files.read_text(path, limit=MAX_FILE, what="reactiebestand")
    response = parse(text, str(path))
    if response.id != path.name[:-3]:
        raise ParseError(str(path), None, f"id '{response.id}' past niet bij de bestandsnaam")
    return response


_TOP_KEYS = {
    "id", "respondent", "organisation", "place", "kind", "channel", "received", "openbaar",
    "version", "points", "campaign", "fingerprint", "answers",
}  # fmt: skip
_POINT_KEYS = {
    "ref", "node", "question", "text", "disposition", "question_text", "node_version", "written",
    "linked",
}  # fmt: skip
_DISP_KEYS = {
    "status", "reason", "version", "previous_status", "previous_reason", "previous_version",
}  # fmt: skip
_ANSWER_KEYS = {"question", "question_text", "choice"}


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


def _question_text(data: dict[str, Any], where: str) -> str:
    text = clean_text(_str(data, "question_text", where, ""))
    if len(text) > MAX_QUESTION_TEXT:
        raise ConsultationError(
            f"{where}'question_text' is langer dan {MAX_QUESTION_TEXT:,} tekens".replace(",", ".")
        )
    return text


def _disposition(raw: Any, where: str) -> Disposition:
    if not isinstance(raw, dict):
        raise ConsultationError(f"{where}'disposition' moet velden hebben")
    _unknown(raw, _DISP_KEYS, where)
    version = _str(raw, "version", where, "")
    previous = None
    if "previous_status" in raw:
        before = _str(raw, "previous_version", where, "")
        previous = Disposition(
            check_choice("status", _str(raw, "previous_status", where), STATUSES),
            _str(raw, "previous_reason", where, ""),
            check_version(before) if before else "",
        )
    elif "previous_reason" in raw or "previous_version" in raw:
        raise ConsultationError(f"{where}'previous_status' ontbreekt")
    return Disposition(
        check_choice("status", _str(raw, "status", where), STATUSES),
        _str(raw, "reason", where, ""),
        check_version(version) if version else "",
        previous,
    )


def _point(raw: Any, where: str) -> Point:
    if not isinstance(raw, dict):
        raise ConsultationError(f"{where}moet uit 'sleutel: waarde'-regels bestaan")
    _unknown(raw, _POINT_KEYS, where)
    ref = _str(raw, "ref", where)
    node = _str(raw, "node", where, "")
    linked_text = _str(raw, "linked", where, "ja")
    if linked_text not in ("ja", "nee"):
        raise ConsultationError(f"{where}'linked' moet ja of nee zijn, niet '{linked_text}'")
    linked = linked_text == "ja"
    node_version = _str(raw, "node_version", where, "")
    if not linked:
        if node or node_version:
            raise ConsultationError(f"{where}een niet-gekoppeld punt heeft geen 'node'")
    elif (ref == GENERAL) != (node == "") or (node and not NODE_RE.fullmatch(node)):
        raise ConsultationError(f"{where}'node' past niet bij 'ref' ('{ref}', '{node}')")
    if node_version and not node:
        raise ConsultationError(f"{where}'node_version' zonder 'node'")
    disposition = _disposition(raw["disposition"], where) if "disposition" in raw else None
    return Point(
        ref=check_field("ref", ref, required=True),
        node=node,
        text=check_text(_str(raw, "text", where), f"{where}tekst"),
        question=check_field("question", _str(raw, "question", where, "")),
        disposition=disposition,
        question_text=_question_text(raw, where),
        node_version=check_version(node_version) if node_version else "",
        written=check_field("written", _str(raw, "written", where, "")),
        linked=linked,
    )


def _answer(raw: Any, where: str) -> Answer:
    if not isinstance(raw, dict):
        raise ConsultationError(f"{where}moet uit 'sleutel: waarde'-regels bestaan")
    _unknown(raw, _ANSWER_KEYS, where)
    return Answer(
        question=check_field("question", _str(raw, "question", where), required=True),
        choice=check_field("choice", _str(raw, "choice", where), required=True),
        question_text=_question_text(raw, where),
    )


def _named(read: Callable[[Any, str], T], raw: Any, where: str) -> T:
    """`read(raw, where)`, every error naming the point or answer it is about."""
    try:
        return read(raw, where)
    except ConsultationError as exc:
        if exc.message.startswith(where):
            raise
        raise ConsultationError(where + exc.message) from None


def _list(front: dict[str, Any], key: str) -> list[Any]:
    raw = front.get(key, [])
    if not isinstance(raw, list):
        raise ConsultationError(f"'{key}' moet een lijst zijn")
    return raw


def from_dict(front: dict[str, Any], notes: str = "") -> Response:
    """Build a validated Response from front matter strings.

    Raises:
        ConsultationError: naming the first field that is missing or invalid.
    """
    _unknown(front, _TOP_KEYS, "")
    rid = _str(front, "id", "")
    if not ID_RE.fullmatch(rid):
        raise ConsultationError(f"ongeldig id '{rid}'")
    points = [_named(_point, raw, f"punt {n}: ") for n, raw in enumerate(_list(front, "points"), 1)]
    answers = [
        _named(_answer, raw, f"antwoord {n}: ") for n, raw in enumerate(_list(front, "answers"), 1)
    ]
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
        kind=check_choice("soort", _str(front, "kind", ""), KINDS),
        channel=check_choice("kanaal", _str(front, "channel", ""), CHANNELS),
        received=check_date(_str(front, "received", "")),
        openbaar=check_openbaar_strict(_str(front, "openbaar", "")),
        version=check_version(_str(front, "version", "")),
        points=tuple(points),
        campaign=campaign,
        fingerprint=fp,
        answers=tuple(answers),
        notes=notes,
    )
