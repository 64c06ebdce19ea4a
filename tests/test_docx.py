"""Word export: reopened with python-docx; headings, numbering, marks and determinism."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from test_documents_support import make_dossier
from wetgeving.documents import build, sources
from wetgeving.documents import docx as wdocx
from wetgeving.dossier import Dossier
from wetgeving.history import list_versions


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


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ACCEPT_DROPS = ("del", "moveFrom")
_REJECT_DROPS = ("ins", "moveTo")


def _revised_text(paragraph: Any, drops: tuple[str, ...]) -> str:
    """A paragraph's text once every revision in it is accepted (dropping deletions and the
    places text moved from) or rejected (dropping insertions and where it moved to)."""
    out = []
    for node in paragraph.iter(f"{W}t", f"{W}delText"):
        inside = {a.tag[len(W) :] for a in node.iterancestors()}
        if not inside & set(drops):
            out.append(node.text or "")
    return "".join(out)


def _revision_paragraphs(data: bytes) -> list[Any]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    kinds = [f"{W}{k}" for k in (*_ACCEPT_DROPS, *_REJECT_DROPS)]
    return [p for p in root.iter(f"{W}p") if any(True for _ in p.iter(*kinds))]


def _plain(data: bytes) -> str:
    return " ".join(p.text.split("\t", 1)[-1] for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_renvooi_docx_changes_are_word_revisions_accepting_gives_the_new_text(
    tmp_path: Path,
) -> None:
    """The Word renvooi holds real revisions (w:ins, w:del, w:moveFrom/w:moveTo between named
    range markers) by the newer version's author and date; accepting all of an item gives its
    text in the new version, rejecting all its text in the old version."""
    d = _dossier(tmp_path)
    v2 = sources.load_text(d, "v2")
    view = build.comparison(d, "v1", v2)
    data = build.renvooi_docx(d, view)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for markup in ("<w:ins ", "<w:del ", "<w:delText", "<w:moveFrom ", "<w:moveTo "):
        assert markup in xml, markup
    root = etree.fromstring(xml.encode())
    starts = {
        k: [e.get(f"{W}name") for e in root.iter(f"{W}{k}RangeStart")]
        for k in ("moveFrom", "moveTo")
    }
    assert starts["moveFrom"] and starts["moveFrom"] == starts["moveTo"][: len(starts["moveFrom"])]
    for kind in ("moveFrom", "moveTo"):
        assert len(list(root.iter(f"{W}{kind}RangeEnd"))) == len(starts[kind])
    info = {v.name: v for v in list_versions(d)}["v2"]
    stamps = {
        (e.get(f"{W}author"), e.get(f"{W}date"))
        for e in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
    }
    assert stamps == {(info.author, build.revision_stamp(d, "v2", info.commit)[1])}
    assert stamps.pop()[1].endswith("Z")
    old_text = _plain(wdocx.draft(d.title, sources.load_text(d, "v1")))
    new_text = _plain(wdocx.draft(d.title, v2))
    paragraphs = _revision_paragraphs(data)
    assert len(paragraphs) >= 4
    for paragraph in paragraphs:
        accepted = _revised_text(paragraph, _ACCEPT_DROPS)
        rejected = _revised_text(paragraph, _REJECT_DROPS)
        assert accepted != rejected
        assert accepted in new_text, accepted
        assert rejected in old_text, rejected
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
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
    assert runs["wetgeving diff"].font.name == "Liberation Mono"
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["punt een"] == "List Bullet" and styles["punt een a"] == "List Bullet 2"
    assert styles["Citaat uit het advies."] == "Quote"
    assert "3.\tderde" in styles and "4.\tvierde" in styles
    assert not [p.text for p in doc.paragraphs if "**" in p.text or "`" in p.text]
