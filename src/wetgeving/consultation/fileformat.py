"""The response file format: JSON-style quoted YAML front matter, a fast reader, validation.

The writer emits every scalar as a JSON-style double-quoted string (valid YAML), so `_fast_front`
can read what we wrote without a YAML parser; anything else (a hand-edited file) goes through
`wetgeving.frontmatter`. Both give a mapping of strings that `from_dict` validates.
"""

from __future__ import annotations

import json
import re
from typing import Any

from wetgeving.consultation.model import (
    CAMPAIGN_RE,
    CHANNELS,
    GENERAL,
    ID_RE,
    KINDS,
    STATUSES,
    Disposition,
    Point,
    Response,
    check_choice,
    check_date,
    check_field,
    check_openbaar_strict,
    check_text,
    check_version,
)
from wetgeving.errors import ConsultationError, ParseError

_NODE_RE = re.compile(r"[A-Za-z0-9.°~/:-]{1,200}")


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
        kind=check_choice("soort", _str(front, "kind", ""), KINDS),
        channel=check_choice("kanaal", _str(front, "channel", ""), CHANNELS),
        received=check_date(_str(front, "received", "")),
        openbaar=check_openbaar_strict(_str(front, "openbaar", "")),
        version=check_version(_str(front, "version", "")),
        points=tuple(points),
        campaign=campaign,
        fingerprint=fp,
        notes=notes,
    )
