"""Word export: reopened with python-docx; headings, numbering, marks and determinism."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_UNDERLINE

from test_documents_support import make_dossier
from wetgeving.documents import build, sources
from wetgeving.documents import docx as wdocx
from wetgeving.dossier import Dossier


def _dossier(tmp_path: Path) -> Dossier:
    return make_dossier(tmp_path / "d")


def test_draft_docx_has_headings_and_numbering_as_in_the_text(tmp_path: Path) -> None:
    """The draft in Word has the division and article headings and the lid/onderdeel markers."""
    d = _dossier(tmp_path)
    data = wdocx.draft(d.title, sources.load_text(d, "v2"))
    doc = docx.Document(io.BytesIO(data))
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Tweede Boek. Misdrijven") in headings
    assert ("Heading 2", "Artikel 273f") in headings
    assert ("Heading 2", "Artikel 273fa") in headings
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("1.\tAls schuldig aan mensenhandel") for t in texts)
    assert any(t.startswith("a.\twerft, vervoert") for t in texts)
    assert any(t.startswith("9.\tArtikel 251 is van overeenkomstige toepassing.") for t in texts)


def test_renvooi_docx_marks_insertions_and_deletions_with_plain_formatting(tmp_path: Path) -> None:
    """Deletions struck through in red, insertions underlined in green, moved text double
    underlined (at its new place) and double struck through (where it left) in blue: plain run
    formatting, no Word revisions."""
    d = _dossier(tmp_path)
    view = build.comparison(d, "v1", sources.load_text(d, "v2"))
    data = wdocx.renvooi(d.title, view)
    doc = docx.Document(io.BytesIO(data))
    runs = [r for p in doc.paragraphs[4:] for r in p.runs]  # after the title and the legend
    struck = [r.text for r in runs if r.font.strike]
    underlined = [r.text for r in runs if r.font.underline is True]
    assert "vijfde" in struck and "zesde" in underlined
    assert all(str(r.font.color.rgb) == "AA0000" for r in runs if r.font.strike)
    assert all(str(r.font.color.rgb) == "006600" for r in runs if r.font.underline is True)
    double = [r.text for r in runs if r.font.underline == WD_UNDERLINE.DOUBLE]
    assert double == [
        "Onder kwetsbare positie wordt ",
        "mede begrepen een situatie waarin een persoon geen andere werkelijke of aanvaardbare "
        "keuze heeft dan het misbruik te ondergaan.",
    ]
    away = [r.text for r in runs if r.font.double_strike]
    assert away == [
        "Onder kwetsbare positie wordt mede begrepen een situatie waarin een persoon geen "
        "andere werkelijke of aanvaardbare keuze heeft dan het misbruik te ondergaan."
    ]
    assert all(str(r.font.color.rgb) == "003355" for r in runs if r.font.double_strike)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Artikel 273f", "Artikel 273fa", "Waarschuwingen"]
    texts = [p.text for p in doc.paragraphs]
    # The items are named as `wetgeving diff` names them: a series is one line, a move is
    # also listed in the article it left.
    assert (
        "vernummerd: artikel 273f, onder vernummering van het zesde en zevende lid tot "
        "zevende en achtste lid"
    ) in texts
    assert "verplaatst: het oude achtste lid van artikel 273f naar artikel 273fa, tweede lid" in (
        texts
    )
    assert "verplaatst: artikel 273fa, tweede lid (oud: artikel 273f, achtste lid)" in texts
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for markup in ("<w:ins ", "<w:del ", "<w:moveFrom", "<w:moveTo"):
        assert markup not in xml


def test_docx_is_deterministic(tmp_path: Path) -> None:
    """Two exports are byte-identical: fixed core property dates and zip entry times."""
    d = _dossier(tmp_path)
    text = sources.load_text(d, "v2")
    first = wdocx.draft(d.title, text)
    assert first == wdocx.draft(d.title, text)
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert archive.namelist()[0] == "[Content_Types].xml"
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created.year == 2000 and props.modified.year == 2000


def test_mvt_docx_has_chapters_and_prompts(tmp_path: Path) -> None:
    """The MvT in Word has the chapters, the IAK prompts and the Artikelsgewijs deel."""
    d = _dossier(tmp_path)
    (d.toelichting / "273f.md").write_text(
        "# Kop\n\nEerste alinea.\n\n- punt een\n- punt twee\n", encoding="utf-8"
    )
    data = build.mvt(d, "v2", "geldend", "docx").data
    doc = docx.Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    for heading in (
        "I. ALGEMEEN DEEL",
        "1. Inleiding",
        "5. Advies en consultatie",
        "II. ARTIKELSGEWIJS DEEL",
        "Artikel 273f",
    ):
        assert heading in texts
    assert "Wat is de aanleiding? (IAK-vraag 1)" in texts
    assert "Eerste alinea." in texts and "punt twee" in texts


def test_mvt_docx_shows_the_lawyers_markdown_as_word_formatting(tmp_path: Path) -> None:
    """Bold, italic, code, links, bullets and numbered items become Word formatting, not marks."""
    d = _dossier(tmp_path)
    (d.toelichting / "273f.md").write_text(
        "Het **eerste** lid wordt _verruimd_; zie `wetgeving diff` en [de Ar](https://example.org/ar).\n"
        "\n- punt een\n  - punt een a\n\n3. derde\n4. vierde\n\n> Citaat uit het advies.\n",
        encoding="utf-8",
    )
    doc = docx.Document(io.BytesIO(build.mvt(d, "v2", "geldend", "docx").data))
    para = next(p for p in doc.paragraphs if p.text.startswith("Het eerste lid wordt"))
    assert para.text == (
        "Het eerste lid wordt verruimd; zie wetgeving diff en de Ar (https://example.org/ar)."
    )
    runs = {r.text: r for r in para.runs}
    assert runs["eerste"].bold and runs["verruimd"].italic
    assert runs["wetgeving diff"].font.name == "Courier New"
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["punt een"] == "List Bullet" and styles["punt een a"] == "List Bullet 2"
    assert styles["Citaat uit het advies."] == "Quote"
    assert "3.\tderde" in styles and "4.\tvierde" in styles
    assert not [p.text for p in doc.paragraphs if "**" in p.text or "`" in p.text]
