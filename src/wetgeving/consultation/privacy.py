"""Personal data in responses: find it so a lawyer can redact it, refuse it in the one-line
fields stored as is (`check_field`), and publishable views.

Respondents on human trafficking may be victims: nothing identifying a non-public respondent may
reach a public output, and texts meant for publication are checked for personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from wetgeving.consultation.model import EMAIL_RE, MAX_FIELD, NOT_PUBLIC, Response, clean_text
from wetgeving.errors import ConsultationError

FlagKind = Literal["e-mailadres", "telefoonnummer", "bsn", "iban"]

KIND_LABELS: dict[str, str] = {
    "e-mailadres": "e-mailadres",
    "telefoonnummer": "telefoonnummer",
    "bsn": "BSN-achtig nummer",
    "iban": "IBAN-rekeningnummer",
}

# Lower-case and spaced IBANs are IBANs too; the mod-97 check keeps ordinary words out.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
# +31 6 12345678, 0031 20 1234567, 06-12345678, (020) 123 45 67, 020-1234567, 0612345678.
_PHONE = re.compile(
    r"(?<![\w+(])(?:(?:\+|00)31[\s.-]?(?:\(0\))?[\s.-]?|\(0|0)"
    r"\d{1,3}\)?[\s.-]?(?:\d[\s.-]?){5,8}\d(?!\w)"
)
_NINE = re.compile(
    r"(?<![\d.-])(\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{9})(?![\d-]|\.\d)"
)
# Most texts hold no personal data: an e-mail address holds an "@", and one scan finds whether
# any number pattern matches faster than three.
_NUMBERS = re.compile("|".join((f"(?i:{_IBAN.pattern})", _NINE.pattern, _PHONE.pattern)))

REDACTED = "[verwijderd: {label}]"


@dataclass(frozen=True, slots=True)
class Flag:
    """Possible personal data in a text.

    Attributes:
        kind: e-mailadres, telefoonnummer, bsn or iban.
        start: Offset of the first character in the text.
        end: Offset just after the last character.
        text: The matched text.
    """

    kind: FlagKind
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def elfproef(digits: str) -> bool:
    """True when nine digits pass the BSN eleven test (and are not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def iban_valid(text: str) -> bool:
    """True when `text` (spaces allowed) passes the IBAN mod-97 check."""
    code = text.replace(" ", "").upper()
    if not 15 <= len(code) <= 34:
        return False
    moved = code[4:] + code[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def find_personal_data(text: str) -> list[Flag]:
    """Return flags for e-mail addresses, Dutch phone numbers, BSN-like numbers and IBANs.

    Flags never overlap; they are sorted by position. A BSN-like number is nine digits (dots or
    spaces allowed) that pass the elfproef; it may also be an ordinary number, so it is a flag
    for a person to look at, not a verdict.
    """
    if "@" not in text and _NUMBERS.search(text) is None:
        return []
    flags: list[Flag] = []
    taken: list[tuple[int, int]] = []

    def add(kind: FlagKind, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        flags.append(Flag(kind, start, end, text[start:end]))

    for m in EMAIL_RE.finditer(text):
        add("e-mailadres", m.start(), m.end())
    for m in _IBAN.finditer(text):
        if iban_valid(m.group()):
            add("iban", m.start(), m.end())
    for m in _NINE.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if elfproef(digits) and not digits.startswith("0"):
            add("bsn", m.start(1), m.end(1))
    for m in _PHONE.finditer(text):
        # "+31 (0)6 ..." writes the trunk zero after the country code; it is no digit of the number.
        digits = re.sub(r"\D", "", m.group().replace("(0)", ""))
        national = (
            digits[2:]
            if digits.startswith("31")
            else digits[4:]
            if digits.startswith("0031")
            else digits[1:]
        )
        if len(national) == 9:
            add("telefoonnummer", m.start(), m.end())
    return sorted(flags, key=lambda f: f.start)


def refuse_personal_data(name: str, value: str) -> None:
    """Refuse a field that is stored as is (identity, motivering) when it holds personal data.

    Raises:
        ConsultationError: naming the field, the kind and the value.
    """
    flags = find_personal_data(value)
    if flags:
        raise ConsultationError(
            f"{name} bevat een {flags[0].label} ('{flags[0].text}'); "
            "persoonsgegevens worden hier niet opgeslagen"
        )


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
    if "@" in value and EMAIL_RE.search(value):
        raise ConsultationError(
            f"{name} bevat een e-mailadres ('{value}'); e-mailadressen worden niet opgeslagen"
        )
    if any(c.isdigit() for c in value):  # phone, BSN and IBAN all hold digits (fast path)
        refuse_personal_data(name, value)
    return value


def redact(text: str, flags: list[Flag] | None = None) -> str:
    """Replace every flagged span by '[verwijderd: <soort>]'."""
    found = find_personal_data(text) if flags is None else flags
    out = []
    pos = 0
    for flag in sorted(found, key=lambda f: f.start):
        out.append(text[pos : flag.start])
        out.append(REDACTED.format(label=flag.label))
        pos = flag.end
    out.append(text[pos:])
    return "".join(out)


def response_flags(response: Response) -> list[tuple[int, Flag]]:
    """Return (point number, flag) for every flag in the texts of a response."""
    return [(n, f) for n, p in enumerate(response.points, 1) for f in find_personal_data(p.text)]


def publishable(response: Response, redact_texts: bool = True) -> Response:
    """Return the view of a response that may be published.

    A non-public respondent's name, organisation and place become "niet-openbare reactie" and
    empty fields; notes (internal) are dropped; with `redact_texts`, flagged personal data in
    the texts is replaced.
    """
    points = tuple(replace(p, text=redact(p.text)) if redact_texts else p for p in response.points)
    if response.openbaar:
        # Identity fields are refused with personal data on input; a file written by hand or by
        # an older version may still hold some, so they are redacted like the texts.
        return replace(
            response,
            respondent=redact(response.respondent),
            organisation=redact(response.organisation),
            place=redact(response.place),
            points=points,
            notes="",
        )
    return replace(
        response, respondent=NOT_PUBLIC, organisation="", place="", points=points, notes=""
    )
