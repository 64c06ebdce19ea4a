"""Hardening against leaks of personal data: one detector for every field a public output shows."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import make_dossier, response_files
from wetgeving import dossier as dossier_mod
from wetgeving.cli.app import app
from wetgeving.consultation import privacy
from wetgeving.consultation.model import Point, Response

runner = CliRunner()


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    make_dossier(tmp_path / "d")
    return tmp_path / "d"


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


REAL_WORLD = [
    ("olga@exämple.nl", "e-mailadres", "olga@exämple.nl"),
    (
        "schrijf naar Jan.de.Vries+wet@ministerie-jenv.nl.",
        "e-mailadres",
        "Jan.de.Vries+wet@ministerie-jenv.nl",
    ),
    ("bel +31 (0)6 1234 5678 na vijven", "telefoonnummer", "+31 (0)6 1234 5678"),
    ("Olga 0612345678", "telefoonnummer", "0612345678"),
    ("mobiel 06 1234 5678", "telefoonnummer", "06 1234 5678"),
    ("0031 20 1234567 (kantoor)", "telefoonnummer", "0031 20 1234567"),
    ("+31 20 123 45 67", "telefoonnummer", "+31 20 123 45 67"),
    ("BSN 111222333", "bsn", "111222333"),
    ("bsn 111.222.333", "bsn", "111.222.333"),
    ("NL91ABNA0417164300", "iban", "NL91ABNA0417164300"),
    ("nl91abna0417164300", "iban", "nl91abna0417164300"),
    ("nl91 abna 0417 1643 00", "iban", "nl91 abna 0417 1643 00"),
    ("DE89 3704 0044 0532 0130 00", "iban", "DE89 3704 0044 0532 0130 00"),
]

NOT_PERSONAL = [
    "artikel 273f, eerste lid, onder 4°",
    "Kamerstukken II 2023/24, 36 123, nr. 3",
    "Stb. 2024, 123456789",
    "1 januari 2024",
    "31-12-2025",
    "€ 1.234.567,00",
    "EUR 250000",
    "nummer 111222334 haalt de elfproef niet",
]


@pytest.mark.parametrize(("text", "kind", "found"), REAL_WORLD)
def test_detector_finds_real_world_formats(text: str, kind: str, found: str) -> None:
    """Internationalised e-mail, phone numbers with (0), BSN with the elfproef and IBANs in any case are found."""
    assert [(f.kind, f.text) for f in privacy.find_personal_data(text)] == [(kind, found)]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_detector_leaves_article_numbers_dates_and_amounts(text: str) -> None:
    """References, dates, amounts and numbers failing their check are not personal data."""
    assert privacy.find_personal_data(text) == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--respondent",
            "Olga 0612345678",
            "fout: respondent bevat een telefoonnummer ('0612345678'); persoonsgegevens worden hier niet opgeslagen\n",
        ),
        (
            "--organisation",
            "BSN 111222333",
            "fout: organisatie bevat een BSN-achtig nummer ('111222333'); persoonsgegevens worden hier niet opgeslagen\n",
        ),
        (
            "--place",
            "nl91 abna 0417 1643 00",
            "fout: plaats bevat een IBAN-rekeningnummer ('nl91 abna 0417 1643 00'); persoonsgegevens worden hier niet opgeslagen\n",
        ),
        (
            "--respondent",
            "olga@exämple.nl",
            "fout: respondent bevat een e-mailadres ('olga@exämple.nl'); e-mailadressen worden niet opgeslagen\n",
        ),
    ],
)
def test_personal_data_in_identity_fields_is_refused(
    dossier: Path, option: str, value: str, message: str
) -> None:
    """A phone number, BSN, IBAN or e-mail address in a name, organisation or place is never stored."""
    args = ["respond", "--point", "algemeen=x"]
    if option != "--respondent":
        args += ["--respondent", "A"]
    code, _, err = run(dossier, *args, option, value)
    assert (code, err) == (8, message)
    assert response_files(dossier_mod.load(dossier)) == []


def test_identity_fields_of_a_handwritten_public_file_are_redacted() -> None:
    """A public response whose identity fields hold personal data (file written by hand) is published redacted."""
    r = Response(
        id="x", respondent="Olga 0612345678", organisation="BSN 111222333",
        place="nl91abna0417164300", kind="burger", channel="e-mail", received="2026-01-01", openbaar=True, version="v1",
        points=(Point(ref="algemeen", node="", text="mail olga@exämple.nl"),),
    )  # fmt: skip
    shown = privacy.publishable(r)
    assert shown.respondent == "Olga [verwijderd: telefoonnummer]"
    assert shown.organisation == "BSN [verwijderd: BSN-achtig nummer]"
    assert shown.place == "[verwijderd: IBAN-rekeningnummer]"
    assert shown.points[0].text == "mail [verwijderd: e-mailadres]"


def test_dispose_reason_with_an_email_address_is_refused(dossier: Path) -> None:
    """`respond dispose --reason` stores no e-mail address (the reason reaches the public verslag)."""
    code, out, err = run(dossier, "respond", "--respondent", "A", "--point", "algemeen=x")
    assert code == 0, err
    rid = out.strip().rsplit("id ", 1)[1].rstrip(")")
    code, _, err = run(
        dossier,
        "respond",
        "dispose",
        rid,
        "--status",
        "overgenomen",
        "--reason",
        "zie olga@exämple.nl",
    )
    assert (code, err) == (
        8,
        "fout: de motivering bevat een e-mailadres ('olga@exämple.nl'); persoonsgegevens worden hier niet opgeslagen\n",
    )


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        (
            "Tekst met <script>alert(1)</script> erin.",
            "Tekst met &lt;script>alert(1)&lt;/script> erin.",
        ),
        ("[klik](javascript:alert(1))", "[klik]\\(javascript:alert(1))"),
        ("[klik]( JavaScript:alert(1))", "[klik]\\( JavaScript:alert(1))"),
        ("[x](data:text/html;base64,AAAA)", "[x]\\(data:text/html;base64,AAAA)"),
        (
            "[Kamerstukken](https://zoek.officielebekendmakingen.nl/)",
            "[Kamerstukken](https://zoek.officielebekendmakingen.nl/)",
        ),
    ],
)
def test_markdown_of_public_documents_escapes_script_and_javascript_links(
    text: str, safe: str
) -> None:
    """Markdown files (mvt.md, verslag.md in a bundle) carry no raw HTML and no script links."""
    from wetgeving.markdown import safe_source

    assert safe_source(text) == safe


def test_personal_data_in_imported_identity_fields_is_redacted_and_named(
    dossier: Path, tmp_path: Path
) -> None:
    """`responses import` keeps every row but redacts a phone number in a name, naming the row."""
    source = tmp_path / "r.csv"
    source.write_text("Naam,Datum,Reactie\nMarie 0612345678,2026-01-03,x\n", encoding="utf-8")
    code, out, err = run(dossier, "responses", "import", str(source))
    assert code == 0, err
    assert "rij 2: telefoonnummer in naam weggelakt\n" in err
    code, out, _ = run(dossier, "responses", "list")
    assert "Marie [verwijderd: telefoonnummer]" in out and "0612345678" not in out
