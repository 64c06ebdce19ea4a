"""`wetgeving respond`: build, check and store one response."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wetgeving import files
from wetgeving.consultation import store
from wetgeving.consultation.fileformat import from_dict
from wetgeving.consultation.model import (
    CHANNELS,
    KINDS,
    Point,
    Response,
    check_choice,
    check_recorded,
    check_text,
    new_id,
    redact_emails,
    with_fingerprint,
)
from wetgeving.consultation.privacy import check_field, refuse_personal_data
from wetgeving.consultation.provisions import Link, Linker
from wetgeving.consultation.tabular import parse_date
from wetgeving.errors import ConsultationError, ParseError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier


@dataclass(frozen=True)
class Recorded:
    """A stored response.

    Attributes:
        response: What was stored.
        path: Its file.
        commit: The commit id.
        notices: Dutch notices (e-mail addresses removed from texts, references linked
            outside the consulted version).
        ref: Its short reference ("fa7f48").
    """

    response: Response
    path: Path
    commit: str
    notices: tuple[str, ...]
    ref: str = ""


def split_point(option: str) -> tuple[str, str]:
    """Split `--point "artikel 273f, derde lid=tekst"` into reference and text.

    Raises:
        ConsultationError: when there is no '='.
    """
    ref, sep, text = option.partition("=")
    if not sep:
        raise ConsultationError(
            f"ongeldig --point '{option[:60]}'; gebruik \"artikel 273f, derde lid=tekst\" "
            'of "algemeen=tekst"'
        )
    return ref.strip(), text


def point_for(link: Link, text: str, question: str = "", question_text: str = "") -> Point:
    """A point on a linked reference."""
    return Point(
        ref=link.ref,
        node=link.node,
        text=text,
        question=question,
        question_text=question_text,
        node_version=link.node_version,
        written=link.written,
        linked=link.linked,
    )


def build(
    linker: Linker,
    respondent: str,
    organisation: str,
    place: str,
    kind: str,
    channel: str,
    openbaar: bool,
    received: str,
    points: list[tuple[str, str]],
) -> tuple[Response, tuple[str, ...]]:
    """Validate the parts of a response and link its provisions (the consulted version, the
    law in force, the bill); a person is at the keyboard, so a reference that links nowhere is
    refused with the nearest provisions rather than kept as written.

    Raises:
        ConsultationError: invalid field or no points.
        ProvisionRefError: unknown provision (naming the nearest valid ones).
    """
    if not points:
        raise ConsultationError('geen punten; geef minstens één --point "bepaling=tekst"')
    built = []
    notices = []
    for n, (ref_text, text) in enumerate(points, 1):
        link = linker.link(ref_text, strict=True)
        if link.note:
            notices.append(f"punt {n}: {link.note}")
        clean, count = redact_emails(check_text(text, f"punt {n}"))
        if count:
            notices.append(f"punt {n}: e-mailadres vervangen door '[e-mailadres verwijderd]'")
        built.append(point_for(link, clean))
    response = Response(
        id=new_id(),
        respondent=check_field("respondent", respondent, required=True),
        organisation=check_field("organisatie", organisation),
        place=check_field("plaats", place),
        kind=check_choice("soort", kind, KINDS),
        channel=check_choice("kanaal", channel, CHANNELS),
        received=parse_date(received) if received else dt.date.today().isoformat(),
        openbaar=openbaar,
        version=check_recorded(linker.version),
        points=tuple(built),
    )
    return with_fingerprint(response), tuple(notices)


# Far above any real response (a point holds at most MAX_TEXT characters; few files reach 1 MB).
MAX_RESPONSE_FILE = 32 * 1024 * 1024


def from_file(path: Path, linker_for: Any) -> tuple[Response, tuple[str, ...]]:
    """Read a response written by hand (same format as stored; id, node, fingerprint optional).

    `linker_for(version)` returns the Linker of the consulted version.

    Raises:
        ParseError: unreadable file or invalid field (naming the file).
        ProvisionRefError: unknown provision.
    """
    from wetgeving import frontmatter

    if is_word(path):
        text = word_text(path)
        if not text.startswith("---"):
            raise ParseError(
                str(path),
                None,
                "geen gegevensblok ('---') in het Word-document; geef bij een brief "
                "--respondent (en zo nodig --organisation, --version, ...): de tekst wordt dan "
                "één algemeen punt",
            )
    else:
        text = files.read_text(path, limit=MAX_RESPONSE_FILE, what="reactiebestand")
    front, body, _ = frontmatter.split(text, str(path))
    if not front:
        raise ParseError(str(path), 1, "geen front matter ('---') met de gegevens van de reactie")
    front = dict(front)
    front.setdefault("id", new_id())
    front.pop("fingerprint", None)
    version = front.get("version")
    if not isinstance(version, str):
        raise ParseError(str(path), None, "'version' (de geconsulteerde versie) ontbreekt")
    linker: Linker = linker_for(version)
    raw_points = front.get("points")
    notices: list[str] = []
    if isinstance(raw_points, list):
        fixed = []
        for n, raw in enumerate(raw_points, 1):
            if isinstance(raw, dict) and isinstance(raw.get("ref"), str):
                raw = dict(raw)
                link = linker.link(raw["ref"], strict=True)
                raw["ref"], raw["node"] = link.ref, link.node
                raw.pop("linked", None)  # linked now, whatever the file said
                for key, value in (("node_version", link.node_version), ("written", link.written)):
                    if value:
                        raw[key] = value
                if link.note:
                    notices.append(f"punt {n}: {link.note}")
                if isinstance(raw.get("text"), str):
                    raw["text"], count = redact_emails(raw["text"])
                    if count:
                        notices.append(f"punt {n}: e-mailadres vervangen")
            fixed.append(raw)
        front["points"] = fixed
    try:
        response = from_dict(front, body)
    except ConsultationError as exc:
        raise ParseError(str(path), None, exc.message) from None
    if not response.points:
        raise ParseError(str(path), None, "de reactie heeft geen punten")
    for n, p in enumerate(response.points, 1):
        # A disposition from a file is checked as `respond dispose` checks one.
        if p.disposition is not None:
            if not p.disposition.reason.strip():
                raise ParseError(
                    str(path), None, f"punt {n}: de motivering van de afdoening is leeg"
                )
            try:
                refuse_personal_data(f"punt {n}: de motivering", p.disposition.reason)
            except ConsultationError as exc:
                raise ParseError(str(path), None, exc.message) from None
    return with_fingerprint(replace(response, campaign="")), tuple(notices)


def is_word(path: Path) -> bool:
    """A reaction sent as a Word document (.docx)."""
    return path.suffix.lower() == ".docx"


def word_text(path: Path) -> str:
    """The plain text of a reaction in Word: its paragraphs, one per line.

    Raises:
        ParseError: not a readable .docx, or it holds tracked changes (the sender decides).
    """
    from wetgeving.text.wordread import plain_text

    return plain_text(path, str(path))


def from_letter(
    path: Path,
    linker: Linker,
    respondent: str,
    organisation: str,
    place: str,
    kind: str,
    channel: str,
    openbaar: bool,
    received: str,
) -> tuple[Response, tuple[str, ...]]:
    """A reaction letter in Word: the data from the options, its whole text one general point
    (to be linked to provisions afterwards with `respond link`).

    Raises:
        ParseError: unreadable or empty document.
        ConsultationError: invalid field.
    """
    text = word_text(path).strip()
    if not text:
        raise ParseError(str(path), None, "het Word-document bevat geen tekst")
    return build(
        linker, respondent, organisation, place, kind, channel, openbaar, received,
        [("algemeen", text)],
    )  # fmt: skip


def record(dossier: Dossier, response: Response, notices: tuple[str, ...] = ()) -> Recorded:
    """Store a new response in its own commit (a niet-openbare one in the private repository,
    when the dossier names one).

    Raises:
        ConsultationError: when its id is taken.
        GitError: when the commit fails (nothing stays written).
    """
    # No names in commit messages: a non-public respondent's identity stays in the file only.
    message = f"Consultatiereactie {response.id} vastgelegd"
    sha = store.save(dossier, [response], message, new=True)
    ref = store.short_ref(dossier, response.id)
    return Recorded(response, store.file_of(dossier, response.id), sha, notices, ref)
