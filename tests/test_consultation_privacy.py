"""Personal data flags and the publishable view of a response."""

from __future__ import annotations

import pytest

from wetgeving.consultation import privacy
from wetgeving.consultation.model import NOT_PUBLIC, Point, Response


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Mail mij op j.voorbeeld@example.org graag", "e-mailadres", "j.voorbeeld@example.org"),
        ("Bel 06-12345678 na vijf uur", "telefoonnummer", "06-12345678"),
        ("Bel 0612345678.", "telefoonnummer", "0612345678"),
        ("bereikbaar op +31 6 12345678", "telefoonnummer", "+31 6 12345678"),
        ("bereikbaar op +31612345678", "telefoonnummer", "+31612345678"),
        ("kantoor (020) 123 45 67", "telefoonnummer", "(020) 123 45 67"),
        ("kantoor 020-1234567", "telefoonnummer", "020-1234567"),
        ("mijn BSN is 111222333", "bsn", "111222333"),
        ("BSN 1112.22.333 staat erin", "bsn", "1112.22.333"),
        ("rekening NL91 ABNA 0417 1643 00 graag", "iban", "NL91 ABNA 0417 1643 00"),
    ],
)
def test_flags_personal_data(text: str, kind: str, found: str) -> None:
    """E-mail addresses, Dutch phone numbers, elfproef numbers and IBANs are flagged."""
    flags = privacy.find_personal_data(text)
    assert [(f.kind, f.text) for f in flags] == [(kind, found)]
    assert text[flags[0].start : flags[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "artikel 273f, derde lid, onder 4°",
        "gevangenisstraf van ten hoogste twaalf jaren",
        "Kamerstukken II 2016/17, 29 515, nr. 397",
        "nummer 123456789 haalt de elfproef niet",
        "in 2026 waren er 1.250.000 meldingen",
    ],
)
def test_no_false_flags_on_ordinary_text(text: str) -> None:
    """Article numbers, years, amounts and invalid numbers are not flagged."""
    assert privacy.find_personal_data(text) == []


def test_invalid_iban_is_not_flagged_as_iban() -> None:
    """An IBAN that fails the mod-97 check is not reported as an IBAN."""
    kinds = [f.kind for f in privacy.find_personal_data("IBAN NL91 ABNA 0417 1643 01")]
    assert "iban" not in kinds


def test_elfproef() -> None:
    """The BSN eleven test accepts valid numbers and refuses others."""
    assert privacy.elfproef("111222333")
    assert not privacy.elfproef("111222334")
    assert not privacy.elfproef("000000000")


def test_redact_replaces_every_flag() -> None:
    """Redaction replaces flagged spans and keeps the rest of the text."""
    text = "Bel 06-12345678 of mail a@b.nl."
    assert privacy.redact(text) == (
        "Bel [verwijderd: telefoonnummer] of mail [verwijderd: e-mailadres]."
    )


def _response(openbaar: bool) -> Response:
    return Response(
        id="20261128T130501Z-3f9c2a1b0d", respondent="Jan Voorbeeld",
        organisation="Stichting Voorbeeld", place="Utrecht", kind="organisatie",
        channel="internetconsultatie", received="2026-11-20", openbaar=openbaar, version="v1",
        points=(Point("algemeen", "", "Bel mij op 06-12345678."),), notes="intern",
    )  # fmt: skip


def test_publishable_hides_non_public_identity() -> None:
    """A non-public response loses name, organisation and place; texts are redacted."""
    view = privacy.publishable(_response(openbaar=False))
    assert (view.respondent, view.organisation, view.place) == (NOT_PUBLIC, "", "")
    assert view.points[0].text == "Bel mij op [verwijderd: telefoonnummer]."
    assert view.notes == ""


def test_publishable_keeps_public_identity() -> None:
    """A public response keeps its identity but still has personal data redacted."""
    view = privacy.publishable(_response(openbaar=True), redact_texts=False)
    assert (view.respondent, view.organisation, view.place) == (
        "Jan Voorbeeld", "Stichting Voorbeeld", "Utrecht",
    )  # fmt: skip
    assert view.points[0].text == "Bel mij op 06-12345678."
    assert privacy.response_flags(view)[0][0] == 1
