"""`wetgeving mvt`: chapters, IAK prompts, consultation, artikelsgewijs deel, toelichting."""

from __future__ import annotations

import io
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from test_documents_support import add_responses, make_dossier, response
from wetgeving.cli.app import app
from wetgeving.documents import build
from wetgeving.dossier import Dossier

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden" / "documents"
IAK = (
    "Wat is de aanleiding?",
    "Wie zijn betrokken?",
    "Wat is het probleem?",
    "Wat is het doel?",
    "Wat rechtvaardigt overheidsinterventie?",
    "Wat is het beste instrument?",
    "Wat zijn de gevolgen?",
)


def normalise(text: str) -> str:
    """Replace commit ids, which differ per run, by a marker."""
    return re.sub(r"\b[0-9a-f]{12}\b", "<commit>", text)


def check_golden(name: str, text: str) -> None:
    """Compare with a golden file; WETGEVING_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("WETGEVING_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    d = make_dossier(tmp_path / "d")
    add_responses(d)
    (d.toelichting / "algemeen").mkdir()
    (d.toelichting / "algemeen" / "inleiding.md").write_text(
        "Eigen inleiding van de jurist.\n", encoding="utf-8"
    )
    (d.toelichting / "273f.md").write_text("Uitleg bij **273f**.\n", encoding="utf-8")
    return d


def mvt(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), "mvt", *args])
    return result.exit_code, result.stdout, result.stderr


def test_mvt_markdown_matches_golden(dossier: Dossier) -> None:
    """The Markdown MvT of v2 against geldend matches the golden file."""
    code, out, err = mvt(dossier, "v2")
    assert code == 0, err
    assert err == ""
    check_golden("mvt-v2.md", normalise(out))


def test_mvt_has_five_chapters_and_seven_iak_prompts(dossier: Dossier) -> None:
    """The Algemeen deel has the five chapters and every IAK question as a prompt."""
    out = mvt(dossier, "v2")[1]
    for heading in (
        "### 1. Inleiding",
        "### 2. Hoofdlijnen van het wetsvoorstel",
        "### 3. Verhouding tot hoger recht",
        "### 4. Uitvoerings- en handhavingsconsequenties en financiële gevolgen",
        "### 5. Advies en consultatie",
        "## II. ARTIKELSGEWIJS DEEL",
    ):
        assert heading in out
    for question in IAK:
        assert question in out


def test_consultation_paragraph_counts_and_dispositions(dossier: Dossier) -> None:
    """Paragraph 5 counts per kind and channel, names advisory bodies, gives dispositions."""
    out = mvt(dossier, "v2")[1]
    assert "Er zijn 3 reacties ontvangen." in out
    assert "| burger | 2 |" in out and "| adviesorgaan | 1 |" in out
    assert "| internetconsultatie | 2 |" in out and "| adviesaanvraag | 1 |" in out
    assert "Advies is uitgebracht door: Fictieve Adviesraad." in out
    assert "- **overgenomen** (1): Verduidelijkt in v2." in out
    # The MvT is public: no name of a non-public respondent and no excerpt of their text.
    assert "Geheime Indiener" not in out and "Liever geen publicatie" not in out


def test_toelichting_is_merged_and_never_written(dossier: Dossier) -> None:
    """The lawyer's files are merged in and stay byte-identical with the same mtime."""
    path = dossier.toelichting / "273f.md"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    out = mvt(dossier, "v2")[1]
    mvt(dossier, "v2")
    assert "Eigen inleiding van de jurist." in out
    assert "Uitleg bij **273f**." in out
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_article_without_toelichting_gets_placeholder(dossier: Dossier) -> None:
    """A changed article without a toelichting file gets a place for it, naming the file."""
    out = mvt(dossier, "v2")[1]
    assert "### Artikel 273fa (nieuw)" in out
    assert "_[Toelichting nog te schrijven in toelichting/273fa.md]_" in out


def test_orphan_toelichting_is_reported_not_dropped(dossier: Dossier) -> None:
    """A toelichting for a provision that no longer exists is warned about and still shown."""
    (dossier.toelichting / "273g.md").write_text("Oude tekst over 273g.\n", encoding="utf-8")
    code, out, err = mvt(dossier, "v2")
    assert code == 0
    assert err == (
        "waarschuwing: toelichting/273g.md: artikel 273g bestaat niet in versie v2; "
        "de toelichting staat achteraan onder 'Niet geplaatst'\n"
    )
    assert "## Niet geplaatst" in out and "Oude tekst over 273g." in out


def test_changes_in_words_from_the_diff(dossier: Dossier) -> None:
    """Each changed article says in words what changed, from describe_article: one item per
    lid, a lid whose parts changed headed by the lid, sentences starting with a capital."""
    out = mvt(dossier, "v2", "--against", "v1")[1]
    assert (
        "### Artikel 273f\n\n_Wijziging:_\n\n"
        "- Het eerste lid is gewijzigd.\n"
        "- Er wordt een lid ingevoegd (vierde lid).\n"
        "- Het vierde lid wordt het vijfde lid en is gewijzigd.\n"
        "- *Zesde lid (oud: vijfde lid).* Het vijfde lid wordt het zesde lid en is gewijzigd. "
        "Onderdeel b is gewijzigd. Onderdeel c is vervallen.\n"
        "- Het zesde en zevende lid worden vernummerd tot zevende en achtste lid.\n"
        "- Het oude achtste lid is verplaatst naar artikel 273fa, tweede lid, en gewijzigd.\n"
    ) in out


def test_version_without_responses_warns(tmp_path: Path) -> None:
    """Without responses the MvT is still made and the lawyer is told."""
    d = make_dossier(tmp_path / "d")
    code, out, err = mvt(d, "v2")
    assert code == 0
    assert (
        err == "waarschuwing: geen consultatiereacties in dit dossier; "
        "paragraaf 5 bevat alleen de opzet\n"
    )
    assert "_Er zijn (nog) geen consultatiereacties vastgelegd in dit dossier._" in out


def test_output_file_refused_inside_drafts_and_when_existing(
    dossier: Dossier, tmp_path: Path
) -> None:
    """-o inside drafts/ is refused; an existing file needs --force; nothing is half-written."""
    code, _, err = mvt(dossier, "v2", "-o", str(dossier.drafts / "mvt.md"))
    assert code == 9
    assert (
        err == f"fout: {dossier.drafts / 'mvt.md'}: uitvoer in drafts/ is niet toegestaan; "
        "kies een pad buiten drafts/\n"
    )
    assert not (dossier.drafts / "mvt.md").exists()
    target = tmp_path / "mvt.md"
    target.write_text("oud", encoding="utf-8")
    code, _, err = mvt(dossier, "v2", "-o", str(target))
    assert code == 9
    assert err == f"fout: {target}: bestaat al; gebruik --force om het te overschrijven\n"
    assert target.read_text(encoding="utf-8") == "oud"
    code, _, err = mvt(dossier, "v2", "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# Memorie van toelichting")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_refused_inside_toelichting(dossier: Dossier) -> None:
    """Regenerating can never overwrite the lawyer's toelichting files."""
    target = dossier.toelichting / "273f.md"
    code, _, err = mvt(dossier, "v2", "-o", str(target), "--force")
    assert code == 9
    assert "uitvoer in toelichting/ is niet toegestaan" in err
    assert target.read_text(encoding="utf-8") == "Uitleg bij **273f**.\n"


def test_docx_needs_output_file(dossier: Dossier) -> None:
    """Word output to a terminal is refused with a clear message."""
    code, _, err = mvt(dossier, "v2", "--format", "docx")
    assert code == 2
    assert err == "fout: Word-uitvoer gaat naar een bestand: geef -o BESTAND.docx\n"


def test_html_and_docx_formats(dossier: Dossier, tmp_path: Path) -> None:
    """The MvT is produced as HTML (escaped, lawyer's Markdown rendered) and as Word."""
    code, out, _ = mvt(dossier, "v2", "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "<p>Uitleg bij <strong>273f</strong>.</p>" in out
    assert "<script>alert(1)</script>" not in out
    code, _, err = mvt(dossier, "v2", "--format", "docx", "-o", str(tmp_path / "mvt.docx"))
    assert code == 0, err
    import docx

    doc = docx.Document(str(tmp_path / "mvt.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "5. Advies en consultatie" in headings
    assert "Artikel 273fa (nieuw)" in headings


def test_unknown_version_is_version_error(dossier: Dossier) -> None:
    """An unknown version exits 4 with the message of the history layer."""
    code, _, err = mvt(dossier, "v9")
    assert code == 4
    assert err.startswith("fout: ") and "v9" in err


def test_format_follows_output_suffix(dossier: Dossier, tmp_path: Path) -> None:
    """Without --format, -o mvt.html writes HTML and -o mvt.docx writes Word."""
    assert mvt(dossier, "v2", "-o", str(tmp_path / "mvt.html"))[0] == 0
    assert (tmp_path / "mvt.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert mvt(dossier, "v2", "-o", str(tmp_path / "mvt.docx"))[0] == 0
    assert (tmp_path / "mvt.docx").read_bytes()[:2] == b"PK"


def test_mvt_warns_when_it_quotes_personal_data(tmp_path: Path) -> None:
    """A phone number in a quoted point is named among the MvT's warnings."""
    from test_documents_support import make_dossier, response
    from wetgeving.documents import build, sources

    d = make_dossier(tmp_path / "d")
    rid = "20260118T090000Z-aaaaaa"
    (d.responses / f"{rid}.md").write_text(
        response(rid, "Iemand", [("273f lid 1", "art.273f/lid.1", "Bel 06-12345678.", "", "")]),
        encoding="utf-8",
    )
    doc = build.mvt_document(d, sources.load_text(d, "v2"), "v1")
    assert any(
        w.startswith("de memorie van toelichting citeert persoonsgegevens; lak ze weg: ")
        for w in doc.warnings
    ), doc.warnings


class _Text(HTMLParser):
    """The text of an HTML page as a reader sees it: no styles, blocks apart."""

    BLOCKS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "td", "th", "blockquote", "tr", "br"))

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("style", "title")
        self.parts.append(" " if tag in self.BLOCKS else "")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "title")
        self.parts.append(" " if tag in self.BLOCKS else "")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _words_of_html(page: str) -> list[str]:
    reader = _Text()
    reader.feed(page)
    return "".join(reader.parts).split()


def _words_of_word(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            out.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            out.extend(cell.text for row in Table(element, document).rows for cell in row.cells)
    return " ".join(out).split()


def test_markdown_html_and_word_mvt_say_the_same(dossier: Dossier) -> None:
    """The three formats of the MvT hold the same words in the same order: the meta line and
    warnings, the chapters and prompts, paragraph 5 with the campaign sentence, both tables, the
    advice, each campaign and the quoted excerpts per disposition group, the artikelsgewijze
    toelichting with its description, its onderdeel of the bill and the lawyer's text, and what
    could not be placed."""
    for n in range(3):
        rid = f"20260116T10000{n}Z-dddddd{n}"
        text = response(
            rid,
            f"Burger {n}",
            [
                (
                    "artikel 273f, tweede lid",
                    "art.273f/lid.2",
                    "Het begrip uitbuiting is te ruim voor gewone arbeidsconflicten.",
                    "niet-overgenomen",
                    "Arbeidsconflicten vallen er niet onder.",
                )
            ],
            campaign="Cabcdef01",
        )
        (dossier.responses / f"{rid}.md").write_text(text, encoding="utf-8")
    (dossier.toelichting / "999.md").write_text("Een artikel dat niet bestaat.\n", "utf-8")
    made = {fmt: build.mvt(dossier, "v2", "v1", fmt).data for fmt in ("markdown", "html", "docx")}
    tables = MarkdownIt("commonmark", {"html": False}).enable("table")
    words = {
        "markdown": _words_of_html(tables.render(made["markdown"].decode("utf-8"))),
        "html": _words_of_html(made["html"].decode("utf-8")),
        "docx": _words_of_word(made["docx"]),
    }
    said = " ".join(words["markdown"])
    for expected in (
        "Er zijn 6 reacties ontvangen, waarvan 3 als onderdeel van 1 campagne; elke campagne is "
        "als één reactie behandeld, zodat 4 reacties afzonderlijk zijn gewogen.",
        "soort aantal burger 5 adviesorgaan 1 kanaal aantal internetconsultatie 5",
        "Campagne 1: 3 vrijwel gelijkluidende reacties; kern: “Het begrip uitbuiting",
        "niet overgenomen (1): Arbeidsconflicten vallen er niet onder. Het begrip uitbuiting is "
        "te ruim voor gewone arbeidsconflicten.",
        "1. In het eerste lid, aanhef, wordt «vijfde» vervangen door «zesde». 2. Het achtste "
        "lid vervalt. 3. Onder vernummering",
        "lid ingevoegd, luidende: 4. Niet strafbaar is het slachtoffer",
        "Let op: toelichting/999.md: artikel 999 bestaat niet in versie v2",
    ):
        assert expected in said
    assert words["html"] == words["markdown"]
    assert words["docx"] == words["markdown"]
