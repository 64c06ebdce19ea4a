"""An export shaped like internetconsultatie.nl's: questions, every row kept, closed answers
tallied, a campaign once (fixture: tests/fixtures/responses/internetconsultatie-export*.csv,
illustrative data of fictional people and organisations)."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import commits
from test_documents_support import make_dossier
from test_mvt import check_golden
from wetgeving.cli.app import app
from wetgeving.consultation import store
from wetgeving.dossier import Dossier

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "responses"
EXPORT = FIXTURES / "internetconsultatie-export.csv"
EXPORT_BOM = FIXTURES / "internetconsultatie-export-bom.csv"
Q1 = "Is de omschrijving van uitbuiting in artikel 273f, eerste lid, duidelijk genoeg?"
Q4 = "Heeft u verder nog opmerkingen over het voorstel?"


def run(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), *args])
    return result.exit_code, result.stdout, result.stderr


def with_questions(root: Path) -> Dossier:
    """A dossier (geldend, v1, v2) whose wetgeving.toml declares the consultation's questions."""
    d = make_dossier(root)
    toml = d.root / "wetgeving.toml"
    questions = (FIXTURES / "internetconsultatie-vragen.toml").read_text(encoding="utf-8")
    toml.write_text(toml.read_text(encoding="utf-8") + "\n" + questions, encoding="utf-8")
    return d


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    d = with_questions(tmp_path / "d")
    code, _, err = run(d, "responses", "import", str(EXPORT))
    assert code == 0, err
    return d


SUMMARY = (
    "35 rijen gelezen: 34 reacties geïmporteerd, 1 al aanwezig; 66 antwoorden op gesloten "
    "vragen geteld; 1 punt niet gekoppeld, zie wetgeving responses list --unlinked (commit "
)
NOTICES = [
    "let op: kolom 'E-mailadres' overgeslagen: e-mailadressen worden niet opgeslagen",
    "let op: kolom 'Bijlage' is geen bekend veld en geen vraag: de inhoud staat in de notities van elke reactie (of geef --map 'Bijlage=vraag')",
    "let op: e-mailadressen in de tekst vervangen door '[e-mailadres verwijderd]' (rij 2)",
    "rij 3: 'ARTIKEL I, onderdeel B' gekoppeld aan artikel 273fa (ARTIKEL I, onderdeel B, van het wetsvoorstel)",
    "rij 4: 'artikel 273f, eerste lid, onder 9°' bestaat niet in versie v1; gekoppeld aan artikel 273f, eerste lid, onder 9° in versie geldend (het geldende recht)",
    "rij 5: artikel 273f, twaalfde lid bestaat niet in versie v1; opgeslagen zoals geschreven (niet gekoppeld)",
]


@pytest.mark.parametrize("export", [EXPORT, EXPORT_BOM], ids=["cp1252", "utf-8-bom"])
def test_every_row_of_the_export_is_kept(tmp_path: Path, export: Path) -> None:
    """Windows-1252 or UTF-8 with BOM: 35 rows read = 34 responses + 1 duplicate, no row
    dropped; each reference that is not simply in v1 is named with its row."""
    d = with_questions(tmp_path / "d")
    code, out, err = run(d, "responses", "import", str(export))
    assert code == 0
    assert out.startswith(SUMMARY)
    assert err.splitlines() == NOTICES
    assert len(store.load_all(d)) == 34
    assert commits(d)[0] == f"Consultatiereacties geïmporteerd uit {export.name} (34)"


def test_questions_answers_and_references_as_stored(dossier: Dossier) -> None:
    """The question text is kept with each answer; a question about a provision gives a point
    on it; closed answers are tallied, not points; a multi-line cell stays multi-line; references
    resolve against the law in force and the bill, or are kept as written."""
    loaded = {r.respondent: r for r in store.load_all(dossier)}
    k = loaded["K. de Vries-Testman"]
    assert [(p.ref, p.node, p.question, p.question_text) for p in k.points] == [
        ("artikel 273f, eerste lid", "art.273f/lid.1", "Vraag 1", Q1)
    ]
    assert k.points[0].text == (
        "Nee. Het begrip ‘kwetsbare positie’ is niet omschreven;\ngeef voorbeelden in de "
        "toelichting. Mail mij gerust: [e-mailadres verwijderd]"
    )
    assert [(a.question, a.choice) for a in k.answers] == [("Vraag 2", "ja"), ("Vraag 3", "arbeid")]
    assert (k.received, k.openbaar) == ("2026-11-21", True)
    m = loaded["M. Jansen-Fictief"]
    bill = m.points[0]
    assert (bill.ref, bill.node, bill.written, bill.node_version) == (
        "artikel 273fa",
        "art.273fa",
        "ARTIKEL I, onderdeel B",
        "",
    )
    assert [(p.question, p.text) for p in m.points[1:]] == [
        ("Vraag 1", "Ja, al mist de ‘gedwongen bedelarij’."),
        ("Vraag 2", "Nee, de huidige maxima volstaan."),
        ("Vraag 4", "Bel gerust voor een toelichting: 06-12345678."),
    ]
    assert [(a.question, a.choice) for a in m.answers] == [
        ("Vraag 2", "nee"),
        ("Vraag 3", "anders"),
    ]
    assert (m.received, m.kind) == ("2026-11-22", "organisatie")
    assert (
        m.notes
        == "Uit de import van internetconsultatie-export.csv (rij 3):\n- Bijlage: zienswijze-proefhulp.pdf\n"
    )
    p = loaded["P. Geheim (fictief)"]
    assert p.openbaar is False
    assert (p.points[0].ref, p.points[0].node_version) == (
        "artikel 273f, eerste lid, onder 9°",
        "geldend",
    )
    a = loaded["Secretariaat"]
    assert (a.points[0].ref, a.points[0].node, a.points[0].linked) == ("273f lid 12", "", False)
    burger = loaded["Burger 07 (fictief)"]
    assert [(x.question, x.question_text) for x in burger.points] == [("Vraag 4", Q4)]
    assert [(x.question, x.choice) for x in burger.answers] == [
        ("Vraag 2", "nee"),
        ("Vraag 3", "arbeid"),
    ]
    assert "voorbeeld.invalid" not in "".join(
        f.read_text("utf-8") for f in dossier.responses.glob("*.md")
    )


def test_ids_follow_the_rows(dossier: Dossier) -> None:
    """The responses of one import sort in the order of their rows (ids are never a counter)."""
    names = [r.respondent for r in store.load_all(dossier)]
    assert names[:5] == [
        "K. de Vries-Testman", "M. Jansen-Fictief", "P. Geheim (fictief)", "Secretariaat",
        "Burger 01 (fictief)",
    ]  # fmt: skip
    assert names[-1] == "Burger 30 (fictief)"


def test_reimport_recognises_every_row(dossier: Dossier) -> None:
    """The same export again: every row is recognised, nothing is written."""
    before = commits(dossier)
    code, out, _ = run(dossier, "responses", "import", str(EXPORT_BOM))
    assert (code, out) == (0, "35 rijen gelezen: 0 reacties geïmporteerd, 35 al aanwezig\n")
    assert commits(dossier) == before


def test_one_campaign_is_thirty_points_disposed_at_once(dossier: Dossier) -> None:
    """The 30 near-identical reactions are one campaign with one open point each (their closed
    answers are tallied), disposed in one command: 30 points, not 90."""
    code, out, _ = run(dossier, "responses", "campaigns", "--format", "json")
    import json

    (campaign,) = json.loads(out)
    assert campaign["aantal"] == 30
    total = sum(len(r.points) for r in store.load_all(dossier) if r.id in campaign["leden"])
    assert total == 30
    code, out, err = run(
        dossier, "respond", "dispose", "--campaign", campaign["id"], "--status", "niet overgenomen",
        "--reason", "Arbeidsconflicten vallen niet onder uitbuiting; de toelichting licht dat toe.",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith(
        f"campagne {campaign['id']}: 30 reacties, 30 punten niet overgenomen (commit "
    )


def test_verslag_groups_per_question_and_respondent(dossier: Dossier) -> None:
    """The internal verslag: tallies per closed question, open answers per question, the
    reactietabel per article, points not linked counted and listed, per respondent with the
    answers per question, the campaign once with its size (golden file)."""
    code, out, err = run(dossier, "verslag", "v1")
    assert (code, err) == (0, "")
    check_golden("verslag-internetconsultatie.md", out)
    assert "Antwoorden: ja 2, nee 31." in out
    assert "Antwoorden: prostitutie 1, arbeid 31, anders 1." in out
    assert out.count("campagne (30 reacties)") == 2  # once per question, once per respondent
    assert "Niet aan een bepaling gekoppeld: 1 punt." in out


def test_public_editions_hide_non_public_respondents_and_personal_data(
    dossier: Dossier, tmp_path: Path
) -> None:
    """The public verslag is refused while the phone number is in a text; after redaction it is
    made, without the names of non-public respondents."""
    code, _, err = run(dossier, "verslag", "v1", "--openbaar")
    assert code == 9
    assert "telefoonnummer '06-12345678'" in err and err.count("\n") == 1
    jansen = next(r for r in store.load_all(dossier) if r.respondent == "M. Jansen-Fictief")
    assert run(dossier, "responses", "redact", jansen.id)[0] == 0
    code, out, err = run(dossier, "verslag", "v1", "--openbaar")
    assert code == 0, err
    assert "P. Geheim" not in out and "Geheimdorp" not in out
    assert "| niet-openbare reactie | Ik ben zelf slachtoffer geweest; noem mijn naam niet." in out
    folder = tmp_path / "bundel"
    code, _, err = run(dossier, "bundle", "v1", "-o", str(folder))
    assert code == 0, err
    vragen = (folder / "reacties" / "vragen.html").read_text(encoding="utf-8")
    assert "<strong>nee</strong> 31" not in vragen  # the public pages count public responses
    assert "<h3>Vraag 2: Steunt u de verhoging van de strafmaxima?</h3>" in vragen
    indieners = (folder / "reacties" / "indieners.html").read_text(encoding="utf-8")
    assert indieners.count("campagne (30 reacties)") == 1
    assert "P. Geheim" not in indieners


def test_without_the_law_in_force_a_bill_reference_is_kept_as_written(tmp_path: Path) -> None:
    """Without a version 'geldend' the bill's onderdelen are unknown: 'ARTIKEL I, onderdeel B'
    is kept as written, and still stored."""
    d = make_dossier(tmp_path / "d", versions=("v1",))
    rows = "Naam;Datum;Artikel;Reactie\r\nA. Proef;2026-11-20;ARTIKEL I, onderdeel B;Tekst.\r\n"
    sheet = tmp_path / "r.csv"
    sheet.write_text(rows, encoding="utf-8")
    code, out, err = run(d, "responses", "import", str(sheet))
    assert code == 0
    assert out.startswith("1 rij gelezen: 1 reactie geïmporteerd; 1 punt niet gekoppeld")
    assert err == (
        "rij 2: 'ARTIKEL I, onderdeel B': zonder versie 'geldend' zijn de onderdelen van het "
        "wetsvoorstel onbekend; opgeslagen zoals geschreven (niet gekoppeld)\n"
    )


def test_question_headers_in_every_form(tmp_path: Path) -> None:
    """'Vraag 2', 'Vraag 2: tekst', '3. tekst' and a bare question text (numbered by its place)
    are question columns; a column matching a declared question takes its number."""
    d = make_dossier(tmp_path / "d")
    header = [
        "Naam",
        "Datum",
        "Vraag 2",
        "Vraag 5: Nog iets?",
        "3. Wat vindt u van lid 3?",
        "Waarom?",
        Q4,
    ]
    row = ["A. Proef", "2026-11-20", "a", "b", "c", "d", "e"]
    sheet = tmp_path / "r.csv"
    sheet.write_text(";".join(header) + "\r\n" + ";".join(row) + "\r\n", encoding="utf-8")
    toml = d.root / "wetgeving.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + f'\n[[consultatie.vraag]]\nnummer = 7\ntekst = "{Q4}"\n',
        encoding="utf-8",
    )
    code, _, err = run(d, "responses", "import", str(sheet), "--version", "v1")
    assert code == 0, err
    (r,) = store.load_all(d)
    assert [(p.question, p.question_text, p.text) for p in r.points] == [
        ("Vraag 2", "", "a"), ("Vraag 5", "Nog iets?", "b"), ("Vraag 3", "Wat vindt u van lid 3?", "c"),
        ("Vraag 4", "Waarom?", "d"), ("Vraag 7", Q4, "e"),
    ]  # fmt: skip
    assert err.splitlines()[0] == (
        "let op: kolom 'Vraag 2' gelezen als Vraag 2, die niet in wetgeving.toml staat (open vraag)"
    )


def test_empty_answers_are_no_points_and_unreadable_choices_stay_points(tmp_path: Path) -> None:
    """An empty answer is nothing; an answer to a closed question that is no choice is kept as
    an open point (nothing is lost); 'Ja.' is a choice."""
    d = with_questions(tmp_path / "d")
    header = ["Naam", "Datum", "Vraag 2", "Vraag 3", "Vraag 4"]
    rows = [
        ["A", "2026-11-20", "Ja.", "arbeid; prostitutie", ""],
        ["B", "2026-11-20", "Misschien", "geen idee", "  "],
    ]
    sheet = tmp_path / "r.csv"
    sheet.write_text(
        "\r\n".join(",".join(f'"{c}"' for c in r) for r in [header, *rows]) + "\r\n",
        encoding="utf-8",
    )
    code, _, err = run(d, "responses", "import", str(sheet))
    assert code == 0, err
    a, b = store.load_all(d)
    assert (a.points, [(x.question, x.choice) for x in a.answers]) == (
        (),
        [("Vraag 2", "ja"), ("Vraag 3", "arbeid"), ("Vraag 3", "prostitutie")],
    )
    assert ([(x.question, x.text) for x in b.points], b.answers) == (
        [("Vraag 2", "Misschien"), ("Vraag 3", "geen idee")],
        (),
    )


def test_a_declared_provision_that_does_not_exist_stops_the_import(tmp_path: Path) -> None:
    """A question's provision that links nowhere is a mistake in wetgeving.toml: the import
    stops before reading a row, naming the key (exit 3)."""
    d = make_dossier(tmp_path / "d")
    toml = d.root / "wetgeving.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + '\n[[consultatie.vraag]]\nnummer = 1\ntekst = "x?"\nbepalingen = ["273f lid 12"]\n',
        encoding="utf-8",
    )
    sheet = tmp_path / "r.csv"
    sheet.write_text("Naam;Datum;Vraag 1\r\nA;2026-11-20;Ja\r\n", encoding="utf-8")
    code, _, err = run(d, "responses", "import", str(sheet), "--version", "v1")
    assert code == 3
    assert err.startswith(
        f"fout: {toml}: consultatie.vraag (nummer 1).bepalingen: artikel 273f, twaalfde lid "
        "bestaat niet in versie v1; bedoelt u: "
    )
    assert store.load_all(d) == []


@pytest.mark.parametrize(
    ("written", "ref", "note"),
    [
        ("ARTIKEL I, onderdeel B", "artikel 273fa", "'ARTIKEL I, onderdeel B' gekoppeld aan artikel 273fa (ARTIKEL I, onderdeel B, van het wetsvoorstel)"),
        ("Artikel I onderdeel A, onder 2", "artikel 273f", "'Artikel I onderdeel A, onder 2' gekoppeld aan artikel 273f (ARTIKEL I, onderdeel A, van het wetsvoorstel)"),
        ("onderdeel B", "artikel 273fa", "'onderdeel B' gekoppeld aan artikel 273fa (ARTIKEL I, onderdeel B, van het wetsvoorstel)"),
        ("Artikel I, onderdeel C", "", "'Artikel I, onderdeel C': ARTIKEL I heeft de onderdelen A tot en met B; opgeslagen zoals geschreven (niet gekoppeld)"),
        ("ARTIKEL II, onderdeel A", "", "'ARTIKEL II, onderdeel A': het wetsvoorstel heeft geen ARTIKEL II; opgeslagen zoals geschreven (niet gekoppeld)"),
        ("onderdeel b", "", "'onderdeel b' is geen verwijzing naar een bepaling (bijvoorbeeld 'artikel 273f, derde lid'); opgeslagen zoals geschreven (niet gekoppeld)"),
    ],
)  # fmt: skip
def test_the_bills_own_structure(tmp_path: Path, written: str, ref: str, note: str) -> None:
    """A reference to ARTIKEL I of the bill is read as the bill from the law in force to the
    consulted version letters its onderdelen; a letter or ARTIKEL it lacks is kept as written."""
    from wetgeving.consultation.provisions import linker

    d = make_dossier(tmp_path / "d")
    found = linker(d, "v1").link(written)
    assert (found.ref if found.linked else "", found.note) == (ref, note)
