"""`wetgeving import docx` and `show --format docx`: Word concepts read in and written out.

The fixtures in tests/fixtures/docx/ are written by make_fixtures.py from raw WordprocessingML
(hand numbering, Word's automatic numbering with a restart, a tracked change, a table, an image,
a footnote), from the real art. 273f texts in tests/fixtures/drafts/.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_documents_support import make_dossier
from wetgeving.cli.app import app
from wetgeving.documents import docx as wdocx
from wetgeving.errors import ParseError
from wetgeving.text import bwb
from wetgeving.text.check import check_text
from wetgeving.text.concept import read_concept
from wetgeving.text.model import Regeling
from wetgeving.text.parse import parse
from wetgeving.text.wordnumbering import Numbering, formatted
from wetgeving.text.wordread import read_paragraphs
from wetgeving.versiontext import VersionText

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "docx"
runner = CliRunner()


def _draft(name: str) -> Regeling:
    return parse((FIXTURES / "drafts" / f"{name}.md").read_text(encoding="utf-8"))


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("fixture", "draft"),
    [
        ("273f-geldend-handmatig", "geldend"),
        ("273f-geldend-automatisch", "geldend"),
        ("273f-v2-automatisch", "v2"),
    ],
)
def test_concept_reads_as_the_real_text(fixture: str, draft: str) -> None:
    """A concept typed by hand (bold headings, "º", no-break spaces, a Titel on two lines) or
    numbered by Word (leden and onderdelen, the second article restarted) reads as the real
    text of art. 273f: same tree, title, BWB id and front matter, and `check` finds nothing."""
    result = read_concept(DOCX / f"{fixture}.docx")
    expected = _draft(draft)
    assert result.regeling.children == expected.children
    assert result.regeling.title == expected.title
    assert result.regeling.regulation == expected.regulation
    assert result.regeling.meta == expected.meta
    assert check_text(result.markdown, "x.md") == []


def test_word_numbering_is_resolved_as_word_shows_it() -> None:
    """Labels come from numbering.xml: decimal leden, degree onderdelen ("%2°."), restarting
    under each new lid, and the second article's instance restarts the leden at 1."""
    paragraphs = read_paragraphs(DOCX / "273f-v2-automatisch.docx")
    labels = [p.label for p in paragraphs if p.label]
    assert labels[:5] == ["1.", "a.", "b.", "c.", "2."]
    assert labels[-3:] == ["1.", "2.", "3."]  # art. 273fa: restarted by startOverride
    degrees = [p.label for p in read_paragraphs(DOCX / "273f-geldend-automatisch.docx")]
    assert "9°." in degrees and "3°." in degrees


def test_numbering_formats_and_instances_sharing_a_definition() -> None:
    """Letters run on as aa, bb; Roman numerals; two instances of one definition without an
    override continue one list, as Word numbers them."""
    assert [formatted(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert formatted(4, "lowerRoman") == "iv" and formatted(9, "upperRoman") == "IX"
    import xml.etree.ElementTree as ET

    root = ET.fromstring(
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    numbering = Numbering.read(root, {})
    shown = [numbering.label(n, 0) for n in ("1", "1", "2")]
    assert [s[0] for s in shown if s] == ["3.", "4.", "5."]
    assert numbering.label("0", 0) is None


def test_tracked_changes_are_refused_naming_the_first_or_read_as_accepted() -> None:
    """A document with tracked changes is refused, naming the first change, its author and
    paragraph; with accept the text is read with the changes accepted."""
    path = DOCX / "273f-geldend-wijzigingen.docx"
    with pytest.raises(ParseError) as err:
        read_concept(path)
    assert err.value.message == (
        f"{path}: het document bevat bijgehouden wijzigingen (eerste: verwijderde tekst 'vijfde' "
        "door A. Jurist in alinea 8 ('1. Als schuldig aan mensenhandel wordt…')); accepteer of "
        "verwerp eerst de wijzigingen in Word, of lees het in met --accept"
    )
    accepted = read_concept(path, accept=True).regeling
    lid = next(n for n in accepted.walk() if n.id == "art.273f/lid.1")
    assert "geldboete van de zesde categorie" in lid.text
    expected = next(n for n in _draft("geldend").walk() if n.id == "art.273f/lid.1")
    assert lid.text == expected.text.replace("vijfde categorie", "zesde categorie", 1)


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("tabel", "een tabel na alinea 2 ('De bedragen zijn:')"),
        ("afbeelding", "een afbeelding in alinea 2 ('Het model is:')"),
        ("voetnoot", "een voetnoot in alinea 2 ('Deze wet treedt in werking.')"),
    ],
)
def test_what_a_concept_cannot_hold_is_refused_naming_the_paragraph(
    fixture: str, message: str
) -> None:
    """Tables, images and footnotes are refused with the paragraph they stand in (or after)."""
    path = DOCX / f"{fixture}.docx"
    with pytest.raises(ParseError) as err:
        read_concept(path)
    assert err.value.message == (
        f"{path}: {message} kan niet in een concepttekst worden overgenomen"
    )


def test_unsafe_or_broken_files_are_refused(tmp_path: Path) -> None:
    """A part with a DOCTYPE (XXE, entity expansion) and a file that is no zip are refused."""
    bad = tmp_path / "xxe.docx"
    with zipfile.ZipFile(DOCX / "tabel.docx") as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1
                )
            dst.writestr(name, data)
    with pytest.raises(ParseError, match="bevat een DOCTYPE; geweigerd"):
        read_concept(bad)
    text = tmp_path / "tekst.docx"
    text.write_text("geen zip", encoding="utf-8")
    with pytest.raises(ParseError, match="geen Word-document"):
        read_concept(text)


def test_round_trip_of_the_dossier_versions(tmp_path: Path) -> None:
    """`show VERSIE --format docx` writes a clean concept (hand numbering, no automatic
    numbering, no tracked changes) and `import docx` of it gives the same draft, byte for byte."""
    root = tmp_path / "d"
    make_dossier(root)
    for version in ("geldend", "v1", "v2"):
        out = tmp_path / f"{version}.docx"
        assert _run(root, "show", version, "--format", "docx", "-o", str(out))[0] == 0
        with zipfile.ZipFile(out) as archive:
            xml = archive.read("word/document.xml")
        assert b"<w:numPr>" not in xml and b"<w:ins " not in xml
        code, stdout, _ = _run(
            root, "import", "docx", str(out), "-o", str(root / "drafts" / "n.md"), "--force"
        )
        assert code == 0, stdout
        written = (root / "drafts" / "n.md").read_text(encoding="utf-8")
        assert written == (FIXTURES / "drafts" / f"{version}.md").read_text(encoding="utf-8")


def _sample_articles() -> list[str]:
    regeling = bwb.import_bwb(FIXTURES / "bwb" / "BWBR0001854-2013-11-16.xml").regeling
    numbers = [a.number for a in regeling.articles()]
    chosen = random.Random(273).sample(numbers, 40)
    # Articles with sub-onderdelen, slotzinnen and several alinea per lid.
    return sorted({*chosen, "4", "23", "36f", "77c", "248", "273f", "284", "310"})


def test_round_trip_property_over_corpus_articles(tmp_path: Path) -> None:
    """For many articles of the Wetboek van Strafrecht (sampled, plus those with nested
    onderdelen, slotzinnen and alinea), the Word concept reads back to the same tree."""
    source = FIXTURES / "bwb" / "BWBR0001854-2013-11-16.xml"
    for number in _sample_articles():
        regeling = bwb.import_bwb(source, [number]).regeling
        path = tmp_path / f"{number}.docx"
        path.write_bytes(wdocx.concept(VersionText("x", None, (regeling,))))
        back = read_concept(path).regeling
        assert back.children == regeling.children, number
        assert (back.title, back.regulation, back.meta) == (
            regeling.title,
            regeling.regulation,
            regeling.meta,
        )


def test_import_cli_writes_under_drafts_and_never_overwrites(tmp_path: Path) -> None:
    """`import docx` writes drafts/<name>.md; an existing file needs --force; a path outside
    drafts/ is refused; a refused document writes nothing."""
    root = tmp_path / "d"
    make_dossier(root, versions=())
    source = tmp_path / "273f concept v7.docx"
    source.write_bytes((DOCX / "273f-geldend-handmatig.docx").read_bytes())
    code, stdout, _ = _run(root, "import", "docx", str(source))
    target = root / "drafts" / "273f-concept-v7.md"
    assert (code, stdout) == (0, f"1 artikel ingelezen naar {target}\n")
    assert target.read_text(encoding="utf-8") == (FIXTURES / "drafts" / "geldend.md").read_text(
        encoding="utf-8"
    )
    code, _, stderr = _run(root, "import", "docx", str(source))
    assert (code, stderr) == (
        2,
        "fout: drafts/273f-concept-v7.md bestaat al; gebruik --force om het te overschrijven\n",
    )
    outside = tmp_path / "x.md"
    code, _, stderr = _run(root, "import", "docx", str(source), "-o", str(outside))
    assert (code, stderr) == (
        2,
        f"fout: {outside}: een concepttekst hoort in drafts/; kies daar een pad\n",
    )
    changes = DOCX / "273f-geldend-wijzigingen.docx"
    out = root / "drafts" / "w.md"
    code, _, stderr = _run(root, "import", "docx", str(changes), "-o", str(out))
    assert code == 6 and "accepteer of verwerp eerst de wijzigingen" in stderr
    assert not out.exists()
    code, _, _ = _run(root, "import", "docx", str(changes), "-o", str(out), "--accept")
    assert code == 0 and "zesde categorie" in out.read_text(encoding="utf-8")


def test_show_docx_needs_an_output_file(tmp_path: Path) -> None:
    """Word output goes to a file: without -o the command says so; into drafts/ it is refused."""
    root = tmp_path / "d"
    make_dossier(root, versions=("v2",))
    code, _, stderr = _run(root, "show", "v2", "--format", "docx")
    assert (code, stderr) == (2, "fout: Word-uitvoer gaat naar een bestand: geef -o BESTAND.docx\n")
    inside = root / "drafts" / "x.docx"
    code, _, stderr = _run(root, "show", "v2", "--format", "docx", "-o", str(inside))
    assert code == 9 and stderr.startswith(f"fout: {inside}: uitvoer in drafts/ is niet toegestaan")


def test_fixtures_are_up_to_date(tmp_path: Path) -> None:
    """The .docx fixtures are what make_fixtures.py writes now (the generator is the source)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", DOCX / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    before = {p.name: p.read_bytes() for p in DOCX.glob("*.docx")}
    module.HERE = tmp_path
    module.write()
    after = {p.name: p.read_bytes() for p in tmp_path.glob("*.docx")}
    assert after == before


def test_concept_docx_opens_in_python_docx() -> None:
    """The written concept is an ordinary Word file: title, headings, "1.<tab>" leden."""
    import docx

    data = wdocx.concept(VersionText("v2", None, (_draft("v2"),)))
    doc = docx.Document(io.BytesIO(data))
    assert doc.paragraphs[0].style.name == "Title"
    texts = [p.text for p in doc.paragraphs]
    assert "Artikel 273fa" in texts
    assert any(t.startswith("1.\tAls schuldig aan mensenhandel") for t in texts)


def _maker():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", DOCX / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_concept_as_lawyers_type_it(tmp_path: Path) -> None:
    """Heading styles for Hoofdstuk and Afdeling, a title on the bold line under "Artikel 1",
    a note for text before the first heading, curly quotes kept, "1º" read as "1°", a
    sub-list under an onderdeel, a slotzin, a second alinea, Word bullets as dashes."""
    m = _maker()
    p, r = m.para, m.run
    doc = m.docx(
        [
            p(r("Wet modernisering mensenhandel"), "Titel"),
            p(r("Concept van 20 november 2026, niet verspreiden")),
            p(r("HOOFDSTUK 1 – Algemene bepalingen"), "Kop1"),
            p(r("Afdeling 1.1"), "Kop1"),
            p(r("Begripsbepalingen", bold=True)),
            p(r("Artikel 1", bold=True)),
            p(r("Begrippen", bold=True)),
            p(r("In deze wet wordt verstaan onder:")),
            p(r("a.\t‘slachtoffer’: de persoon die:"), left=567, hanging=567),
            p(r("1º.\tschade lijdt;"), left=1134, hanging=567),
            p(r("2º.\tbenadeeld wordt,"), left=1134, hanging=567),
            p(r("met uitzondering van de dader;"), left=567),
            p(r("b.\tuitbuiting: als in artikel 273f van het Wetboek van Strafrecht."), left=567),
            p(r("Artikel 2", bold=True)),
            p(r("1.\tDe minister stelt regels."), left=567, hanging=567),
            p(r("Die regels gelden een jaar."), left=567),
            p(r("2.\tZij betreffen:"), left=567, hanging=567),
            p(r("de opvang;"), num=(3, 0)),
            p(r("de zorg."), num=(3, 0)),
        ]
    )
    path = tmp_path / "concept.docx"
    path.write_bytes(doc)
    result = read_concept(path)
    assert result.notes == (
        "alinea 2 staat vóór het eerste artikel en is weggelaten: "
        "'Concept van 20 november 2026, niet verspreiden'",
    )
    assert result.markdown == (
        "---\ntitel: Wet modernisering mensenhandel\n---\n\n"
        "# Hoofdstuk 1. Algemene bepalingen\n\n"
        "# Afdeling 1.1. Begripsbepalingen\n\n"
        "## Artikel 1 Begrippen\n\nIn deze wet wordt verstaan onder:\n\n"
        "- a. ‘slachtoffer’: de persoon die:\n"
        "  - 1°. schade lijdt;\n"
        "  - 2°. benadeeld wordt,\n\n"
        "  met uitzondering van de dader;\n"
        "- b. uitbuiting: als in artikel 273f van het Wetboek van Strafrecht.\n\n"
        "## Artikel 2\n\n"
        "1. De minister stelt regels.\n\n   Die regels gelden een jaar.\n"
        "2. Zij betreffen:\n   - – de opvang;\n   - – de zorg.\n"
    )
    assert check_text(result.markdown, "x.md") == []


def test_accept_joins_a_deleted_paragraph_mark_and_keeps_moved_text(tmp_path: Path) -> None:
    """With accept: a deleted paragraph mark joins two paragraphs, text moved away is gone and
    text moved here is kept, an inserted paragraph stays."""
    m = _maker()
    p, r = m.para, m.run
    who = 'w:id="{}" w:author="B. Jurist" w:date="2026-11-20T10:00:00Z"'
    doc = m.docx(
        [
            p(r("Artikel 1", bold=True)),
            p(
                r("1.\tDe minister"),
                left=567,
                hanging=567,
                mark=f"<w:rPr><w:del {who.format(1)}/></w:rPr>",
            ),
            p(r(" stelt regels."), left=567, hanging=567),  # its mark gives the joined paragraph
            p(
                r("2.\tZij gelden ")
                + f"<w:moveFrom {who.format(2)}><w:r><w:t>kort.</w:t></w:r></w:moveFrom>"
                + f"<w:moveTo {who.format(3)}><w:r><w:t>lang.</w:t></w:r></w:moveTo>",
                left=567,
                hanging=567,
            ),
            p(
                f"<w:ins {who.format(4)}><w:r><w:t>3.</w:t></w:r><w:r><w:tab/>"
                "<w:t>Nieuw lid.</w:t></w:r></w:ins>",
                left=567,
                hanging=567,
                mark=f"<w:rPr><w:ins {who.format(5)}/></w:rPr>",
            ),
        ]
    )
    path = tmp_path / "c.docx"
    path.write_bytes(doc)
    with pytest.raises(ParseError) as err:
        read_concept(path)
    assert err.value.message.startswith(
        f"{path}: het document bevat bijgehouden wijzigingen (eerste: een verwijderd "
        "alinea-einde door B. Jurist in alinea 2 ('1. De minister'))"
    )
    article = next(read_concept(path, accept=True).regeling.articles())
    assert [(c.number, c.text) for c in article.children] == [
        ("1", "De minister stelt regels."),
        ("2", "Zij gelden lang."),
        ("3", "Nieuw lid."),
    ]


def test_word_numbering_that_runs_on_is_read_as_shown_and_checked(tmp_path: Path) -> None:
    """Articles numbered "Artikel %1" by Word; leden of the second article that continue the
    first's list (no restart) are read as Word shows them, 3. and 4., and `import docx` prints
    what `check` says of the draft."""
    m = _maker()
    p, r = m.para, m.run
    numbering = m.numbering("letter").replace(
        "</w:numbering>",
        '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="Artikel %1"/><w:suff w:val="nothing"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num>'
        "</w:numbering>",
    )
    m.numbering = lambda second: numbering
    doc = m.docx(
        [
            p("", "Kop2", num=(9, 0)),
            p(r("Eerste lid van het eerste artikel."), num=(1, 0)),
            p(r("Tweede lid van het eerste artikel."), num=(1, 0)),
            p("", "Kop2", num=(9, 0)),
            p(r("Derde lid?"), num=(1, 0)),
            p(r("Vierde lid?"), num=(1, 0)),
        ]
    )
    root = tmp_path / "d"
    make_dossier(root, versions=())
    source = tmp_path / "c.docx"
    source.write_bytes(doc)
    code, stdout, stderr = _run(root, "import", "docx", str(source))
    assert code == 0, stderr
    draft = (root / "drafts" / "c.md").read_text(encoding="utf-8")
    assert "## Artikel 2\n\n3. Derde lid?\n4. Vierde lid?\n" in draft
    assert draft.startswith("---\ntitel: Wetboek van Strafrecht\n---\n")  # the dossier's
    assert "let op: drafts/c.md:" in stdout and "lid 3" in stdout


def test_a_document_without_articles_is_refused(tmp_path: Path) -> None:
    """A Word file without any "Artikel" heading is no concept: refused, saying what to type."""
    m = _maker()
    path = tmp_path / "leeg.docx"
    path.write_bytes(m.docx([m.para(m.run("Een brief zonder artikelen."))]))
    with pytest.raises(ParseError) as err:
        read_concept(path)
    assert err.value.message == (
        f"{path}: geen artikel gevonden; begin elk artikel met een alinea 'Artikel 1'"
    )


def test_show_docx_of_chosen_articles(tmp_path: Path) -> None:
    """`show --article 273fa --format docx` writes only that article; a lid is refused, and -o
    without --format docx is a usage error."""
    root = tmp_path / "d"
    make_dossier(root, versions=("v2",))
    out = tmp_path / "273fa.docx"
    assert _run(root, "show", "v2", "-a", "273fa", "--format", "docx", "-o", str(out))[0] == 0
    assert [a.number for a in read_concept(out).regeling.articles()] == ["273fa"]
    code, _, stderr = _run(root, "show", "v2", "-a", "273f lid 1", "--format", "docx", "-o", "x")
    assert (code, stderr) == (
        2,
        "fout: --format docx toont alleen hele artikelen; laat lid en onderdeel weg\n",
    )
    code, _, stderr = _run(root, "show", "v2", "-o", str(out))
    assert (code, stderr) == (2, "fout: -o schrijft een Word-concept; geef ook --format docx\n")
