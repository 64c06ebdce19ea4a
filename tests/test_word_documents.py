"""Word documents on a reference document, made from the same content as their HTML."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import docx
from docx.shared import Cm
from typer.testing import CliRunner

from test_documents_support import make_dossier
from test_mvt import add_responses
from wetgeving.cli.app import app
from wetgeving.documents import build
from wetgeving.documents.docx.reference import DEFAULT, FONT
from wetgeving.dossier import Dossier

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _dossier(tmp_path: Path) -> Dossier:
    d = make_dossier(tmp_path / "d")
    add_responses(d)
    return d


def _word_text(data: bytes) -> str:
    """Every text of a .docx body (paragraphs and table cells), in order."""
    body = docx.Document(io.BytesIO(data)).element.body
    return " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))


def _html_text(data: bytes) -> str:
    page = re.sub(r"(?s)<head>.*?</head>", "", data.decode("utf-8"))
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _words(text: str) -> list[str]:
    # "Verwerking:" is the HTML verslag's label where its Markdown has a dash.
    return [w for w in re.findall(r"\w[\w<>()/'-]*", text) if w != "Verwerking"]


def test_word_mvt_and_verslag_have_the_text_of_the_html(tmp_path: Path) -> None:
    """The Word MvT and verslag are their Markdown rendered from one token stream: word for
    word the text of the HTML versions, campaign sentence and quoted points included."""
    d = _dossier(tmp_path)
    (d.toelichting / "273f.md").write_text(
        "Het **eerste** lid, zie [de Ar](https://example.org).\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "utf-8",
    )
    from test_documents_support import response

    for n in range(3):
        rid = f"20260117T09000{n}Z-ffffff"
        point = [("algemeen", "", "Wij vinden de definitie te ruim.", "", "")]
        (d.responses / f"{rid}.md").write_text(
            response(rid, f"Burger {n}", point, campaign="Cabcdef01"), encoding="utf-8"
        )
    for make in (
        lambda fmt: build.mvt(d, "v2", "geldend", fmt).data,
        lambda fmt: build.verslag(d, "v2", False, fmt).data,
    ):
        word, page = make("docx"), make("html")
        assert _words(_word_text(word).replace(" (https://example.org)", "")) == _words(
            _html_text(page)
        )
    mvt = _word_text(build.mvt(d, "v2", "geldend", "docx").data)
    assert "Maak het oogmerk duidelijker." in mvt  # a quoted point
    assert "Campagne 1: 3 vrijwel gelijkluidende reacties; kern: “Wij vinden de definitie" in mvt
    table = docx.Document(io.BytesIO(build.mvt(d, "v2", "geldend", "docx").data)).tables
    assert [[c.text for c in row.cells] for row in table[-1].rows] == [["a", "b"], ["1", "2"]]
    assert table[-1].style.name == "Table Grid"


def test_word_files_take_styles_from_the_default_reference_document(tmp_path: Path) -> None:
    """Without a huisstijl every Word file is A4 with 2.5 cm margins, a serif body font, black
    headings, page numbers and a header naming the bill and the version."""
    d = _dossier(tmp_path)
    reference = docx.Document(str(DEFAULT))
    assert reference.styles["Normal"].font.name == FONT
    for data, header in (
        (build.mvt(d, "v2", "geldend", "docx").data, "memorie van toelichting, versie v2"),
        (build.verslag(d, "v2", False, "docx").data, "consultatieverslag, versie v2"),
    ):
        doc = docx.Document(io.BytesIO(data))
        section = doc.sections[0]
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21, 29.7)
        assert round(section.left_margin.cm, 2) == 2.5
        assert doc.styles["Normal"].font.name == FONT
        assert str(doc.styles["Heading 1"].font.color.rgb) == "000000"
        assert section.header.paragraphs[0].text == f"{d.title} – {header}"
        footer = section.footer._element.xml
        assert "PAGE" in footer and 'w:fldCharType="begin"' in footer


def test_huisstijl_in_the_dossier_replaces_the_default(tmp_path: Path) -> None:
    """A templates/huisstijl.docx in the dossier gives every Word file its styles, page and
    header: the ministry's template wins over the default."""
    d = _dossier(tmp_path)
    own = docx.Document(str(DEFAULT))
    own.styles["Normal"].font.name = "Huisstijl Sans"
    own.sections[0].left_margin = Cm(4)
    own.sections[0].header.paragraphs[0].text = "Ministerie van Justitie en Veiligheid"
    d.templates.mkdir(exist_ok=True)
    own.save(str(d.templates / "huisstijl.docx"))
    from wetgeving.documents import sources
    from wetgeving.documents.docx import draft

    for data in (
        build.mvt(d, "v2", "geldend", "docx").data,
        build.renvooi_docx(d, build.comparison(d, "v1", sources.load_text(d, "v2"))),
        draft(d.title, sources.load_text(d, "v2"), build.reference(d)),
    ):
        doc = docx.Document(io.BytesIO(data))
        assert doc.styles["Normal"].font.name == "Huisstijl Sans"
        assert round(doc.sections[0].left_margin.cm, 2) == 4
        assert doc.sections[0].header.paragraphs[0].text == "Ministerie van Justitie en Veiligheid"


def test_broken_huisstijl_is_refused_with_its_name(tmp_path: Path) -> None:
    """A huisstijl.docx that is no Word file: a one-line Dutch error naming it, exit 9."""
    d = _dossier(tmp_path)
    d.templates.mkdir(exist_ok=True)
    (d.templates / "huisstijl.docx").write_text("geen zip", "utf-8")
    target = tmp_path / "mvt.docx"
    result = CliRunner().invoke(app, ["--dossier", str(d.root), "mvt", "v2", "-o", str(target)])
    assert result.exit_code == 9
    assert result.stderr.startswith(f"fout: {d.templates / 'huisstijl.docx'}: geen bruikbaar")
    assert not target.exists()


def test_diff_format_docx_writes_the_word_renvooi(tmp_path: Path) -> None:
    """`wetgeving diff v1 v2 --format docx -o renvooi.docx` writes the renvooi with revisions;
    docx without -o is refused (a Word file never goes to the terminal)."""
    d = _dossier(tmp_path)
    target = tmp_path / "renvooi.docx"
    runner = CliRunner()
    base = ["--dossier", str(d.root), "diff", "v1", "v2"]
    result = runner.invoke(app, [*base, "--format", "docx", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (0, f"geschreven: {target}\n")
    assert b"<w:ins " in __import__("zipfile").ZipFile(target).read("word/document.xml")
    result = runner.invoke(app, [*base, "--format", "docx"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fout: --format docx schrijft een Word-bestand: geef -o BESTAND.docx\n",
    )
    result = runner.invoke(app, [*base, "--format", "docx", "-o", str(target)])
    assert result.exit_code != 0 and "bestaat al" in result.stderr


def test_huisstijl_without_our_styles_still_makes_every_document(tmp_path: Path) -> None:
    """A ministry's template that lacks Title, Heading, Quote, list and table styles: the
    documents are made with its Normal style (headings as bold paragraphs), nothing refused."""
    d = _dossier(tmp_path)
    own = docx.Document(str(DEFAULT))
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Quote", "Table Grid"):
        own.styles[name].delete()
    for name in ("List Bullet", "List Bullet 2"):
        own.styles[name].delete()
    d.templates.mkdir(exist_ok=True)
    own.save(str(d.templates / "huisstijl.docx"))
    from wetgeving.documents import sources

    data = build.mvt(d, "v2", "geldend", "docx").data
    assert "Memorie van toelichting" in _word_text(data)
    assert "Maak het oogmerk duidelijker." in _word_text(data)
    view = build.comparison(d, "v1", sources.load_text(d, "v2"))
    assert "Artikel 273f" in _word_text(build.renvooi_docx(d, view))
    assert "Consultatieverslag" in _word_text(build.verslag(d, "v2", False, "docx").data)
