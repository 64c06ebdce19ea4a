"""Consultation responses: the data model and the validation of each field.

A response is one Markdown file `consultation_responses/<id>.md`; its format (front matter with
all data, free internal notes as body) is in `fileformat` and docs/consultation-format.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass, field, replace

from wetgeving.consultation.choices import CHANNELS as CHANNELS
from wetgeving.consultation.choices import KINDS as KINDS
from wetgeving.consultation.choices import STATUS_LABELS as STATUS_LABELS
from wetgeving.consultation.choices import STATUSES as STATUSES
from wetgeving.consultation.choices import statuses_listed
from wetgeving.errors import ConsultationError

GENERAL = "algemeen"
NOT_PUBLIC = "niet-openbare reactie"
MAX_TEXT = 1_000_000
MAX_FIELD = 300

ID_RE = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{6,16}")
CAMPAIGN_RE = re.compile(r"C[0-9a-f]{8}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VERSION_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
NODE_RE = re.compile(r"[A-Za-z0-9.°~/:-]{1,200}")
# The one e-mail pattern: refused in names, removed from texts, flagged by `privacy`.
# Unicode letters count: an address with an internationalised domain (olga@exämple.nl) is one too.
EMAIL_RE = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
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
        previous: The disposition this one replaced (`dispose --force`), without its own
            `previous`; None for a first disposition. git keeps every earlier one.
    """

    status: str
    reason: str
    version: str = ""
    previous: Disposition | None = None

    @property
    def label(self) -> str:
        """The status as people read it ("deels overgenomen")."""
        return STATUS_LABELS.get(self.status, self.status)

    def same_as(self, other: Disposition) -> bool:
        """True when status, reason and version are equal (the earlier one not counted)."""
        return (self.status, self.reason, self.version) == (
            other.status,
            other.reason,
            other.version,
        )


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a response, tied to a provision or general, or kept as written.

    Attributes:
        ref: Provision in citation form ("artikel 273f, derde lid"), "algemeen", or for a point
            that is not linked (`linked` False) the reference as the respondent wrote it.
        node: Node id ("art.273f/lid.3") in the consulted version, or in `node_version`;
            "" for general and unlinked points.
        text: What the respondent says.
        question: Consultation question it answers ("Vraag 2"), "" when none.
        disposition: What was done with it, None while open.
        question_text: The text of that question as asked ("Steunt u ...?"), "" when unknown.
        node_version: The version whose text holds `node` when that is not the consulted
            version (the law in force: "geldend"); "" for the consulted version.
        written: The reference as the respondent wrote it, when it was linked some other way
            than by reading it as a provision of the consulted version ("ARTIKEL I, onderdeel
            B"), or linked later by hand; "" otherwise.
        linked: False for a reference that resolved nowhere: kept as written, "niet gekoppeld".
    """

    ref: str
    node: str
    text: str
    question: str = ""
    disposition: Disposition | None = None
    question_text: str = ""
    node_version: str = ""
    written: str = ""
    linked: bool = True


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to a closed question (ja/nee, multiple choice): tallied, not a point to dispose.

    Attributes:
        question: The question ("Vraag 2").
        choice: The choice made ("ja", "nee", or one of the declared choices).
        question_text: The text of the question as asked, "" when unknown.
    """

    question: str
    choice: str
    question_text: str = ""


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
        answers: Answers to closed questions (tallied per question, never disposed).
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
    answers: tuple[Answer, ...] = ()
    notes: str = field(default="", compare=False)

    @property
    def file_name(self) -> str:
        return f"{self.id}.md"

    @property
    def display_name(self) -> str:
        """Name and organisation as every list and document shows them (`respondent_name`)."""
        return respondent_name(self.respondent, self.organisation)


def respondent_name(respondent: str, organisation: str) -> str:
    """The one way a respondent is named: "Jan Voorbeeld – Stichting Voorbeeld".

    Each part once (a person who is the organisation is named once), "anoniem" when neither is
    known. Whether a name may be shown at all is for the caller (`NOT_PUBLIC`).
    """
    if respondent and organisation and respondent != organisation:
        return f"{respondent} – {organisation}"
    return respondent or organisation or "anoniem"


def new_id(now: dt.datetime | None = None) -> str:
    """Return a new response id: UTC time to the second plus 40 random bits (never a counter)."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(5)}"


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters; keep the text otherwise as given."""
    if text.isprintable():  # the common case: nothing to normalise or drop (fast)
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def squeeze(text: str) -> str:
    """`" ".join(text.split())`, without splitting a text that has no other white space than
    single spaces between words (the only printable white space is the space)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def redact_emails(text: str) -> tuple[str, int]:
    """Replace e-mail addresses (never stored) by a marker; return the text and the count."""
    if "@" not in text:
        return text, 0
    return EMAIL_RE.subn(EMAIL_REDACTED, text)


def fingerprint(response: Response) -> str:
    """Hash of what identifies the content of a response (not its id, dispositions or notes)."""
    r = response
    return content_fingerprint(
        r.respondent, r.organisation, r.place, r.received, r.openbaar, r.version, r.points,
        r.answers,
    )  # fmt: skip


def content_fingerprint(
    respondent: str,
    organisation: str,
    place: str,
    received: str,
    openbaar: bool,
    version: str,
    points: tuple[Point, ...],
    answers: tuple[Answer, ...] = (),
) -> str:
    """`fingerprint` from the parts, before a Response exists.

    Only what identifies a reaction counts; fields added later to the format (question texts,
    how a reference was linked) do not, so files recorded before them keep their fingerprint.
    """
    parts = [
        respondent.casefold(),
        organisation.casefold(),
        place.casefold(),
        received,
        "ja" if openbaar else "nee",
        version,
    ]
    for point in points:
        parts.extend([point.node or point.ref, point.question, squeeze(point.text)])
    for answer in answers:
        parts.extend(["\x1e", answer.question, answer.choice])
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:20]


# --- validation ---------------------------------------------------------------------------------


_HET_WORDS = {"kanaal"}


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    """Return `value` if it is one of `choices`.

    Raises:
        ConsultationError: listing the allowed values.
    """
    if value not in choices:
        # "het kanaal", "de soort", "de status": the adjective follows the noun's article.
        adjective = "ongeldig" if name in _HET_WORDS else "ongeldige"
        raise ConsultationError(f"{adjective} {name} '{value}'; kies uit: {', '.join(choices)}")
    return value


# Every way a status is written: the stored word, the label listings show, common variants.
_STATUS_WORDS = {
    **{status: status for status in STATUSES},
    **{" ".join(label.split()): status for status, label in STATUS_LABELS.items()},
    "niet overgenomen": "niet-overgenomen",
    "kennis genomen": "kennisgenomen",
    "voor kennisgeving": "kennisgenomen",
}


def parse_status(value: str) -> str:
    """Return the stored status for a status as written ("niet overgenomen" -> niet-overgenomen).

    Accepts the stored words, the labels that listings show and hyphen or space variants, in
    any case.

    Raises:
        ConsultationError: listing the statuses as people read them.
    """
    word = " ".join(value.replace("-", " ").casefold().split())
    status = _STATUS_WORDS.get(word) or _STATUS_WORDS.get(word.replace(" ", "-"))
    if status is None:
        choices = statuses_listed()
        raise ConsultationError(f"ongeldige status '{value}'; kies uit: {choices}")
    return status


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


def check_recorded(value: str) -> str:
    """Return a version name a response or disposition may refer to: never werk or HEAD.

    Both move: a response on "werk" or "HEAD" would not say which text was consulted.

    Raises:
        ConsultationError: naming the value.
    """
    if value.casefold() in ("werk", "head"):
        raise ConsultationError(
            f"'{value}' is geen vastgelegde versie; geef de versie die is geconsulteerd "
            "(zie wetgeving version list)"
        )
    return check_version(value)


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
