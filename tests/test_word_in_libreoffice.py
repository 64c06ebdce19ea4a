"""The Word files as a lawyer sees them: opened by LibreOffice, printed to PDF, read back.

Skipped only where LibreOffice or poppler cannot be installed (`.ci/run` installs both).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from office_support import (
    AVAILABLE,
    convert,
    convert_all,
    page_image,
    pdf_text,
    png_pages,
    to_pdf,
)
from test_documents_support import make_dossier
from wetgeving.documents import build, sources
from wetgeving.documents import docx as wdocx

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="LibreOffice or poppler is not installed")


def _ink(pdf: Path) -> float:
    """Share of dark pixels on the first page: a printed page has some, a blank one none."""
    width, height, pixels = page_image(pdf)
    return sum(1 for value in pixels if value < 128) / (width * height)


def test_word_documents_open_and_print_with_their_text(tmp_path: Path) -> None:
    """The draft, the renvooi and the MvT open in LibreOffice and print with their own text."""
    d = make_dossier(tmp_path / "d")
    (d.toelichting / "273f.md").write_text("Het **eerste** lid wordt _verruimd_.\n", "utf-8")
    text = sources.load_text(d, "v2")
    files = {
        "tekst.docx": wdocx.draft(d.title, text),
        "renvooi.docx": wdocx.renvooi(d.title, build.comparison(d, "v1", text)),
        "mvt.docx": build.mvt(d, "v2", "geldend", "docx").data,
    }
    expected = {
        "tekst.docx": ["Artikel 273f", "1. Als schuldig aan mensenhandel"],
        "renvooi.docx": ["Renvooi: v1 → v2", "geldboete van de vijfdezesde categorie"],
        "mvt.docx": ["Memorie van toelichting", "Het eerste lid wordt verruimd."],
    }
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        pdf = to_pdf(path)
        printed = pdf_text(pdf)
        for words in expected[name]:
            assert words in printed, f"{name}: '{words}' not printed"
        assert "**" not in printed and "`" not in printed
        assert 0.002 < _ink(pdf) < 0.5, f"{name}: first page looks blank or black"


_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:%s:1.0}"
_TEXT = _OFFICE % "text"
_DOCX_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _office_revisions(fodt: Path) -> tuple[set[str], list[tuple[str, str]]]:
    """What LibreOffice read as tracked changes: their authors, and per changed paragraph its
    text with all changes accepted and with all rejected."""
    tree = ElementTree.parse(fodt)
    kinds: dict[str, str] = {}
    authors = set()
    for region in tree.iter(f"{_TEXT}changed-region"):
        for kind in ("insertion", "deletion"):
            found = region.find(f"{_TEXT}{kind}")
            if found is not None:
                kinds[region.get(f"{_TEXT}id", "")] = kind
                authors.update(
                    c.text or "" for c in found.iter("{http://purl.org/dc/elements/1.1/}creator")
                )
    out = []
    for para in tree.iter(f"{_TEXT}p"):
        if para.find(f".//{_TEXT}change-start") is not None:
            pieces = list(_pieces(para, []))
            accept = "".join(
                t for t, shown in pieces if "deletion" not in {kinds.get(i) for i in shown}
            )
            reject = "".join(
                t for t, shown in pieces if "insertion" not in {kinds.get(i) for i in shown}
            )
            out.append((accept, reject))
    return authors, out


def _pieces(
    node: ElementTree.Element, open_ids: list[str]
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The text of an ODF paragraph in order, each piece with the changes it stands in."""
    if node.text:
        yield node.text, tuple(open_ids)
    for child in node:
        if child.tag == f"{_TEXT}change-start":
            open_ids.append(child.get(f"{_TEXT}change-id", ""))
        elif child.tag == f"{_TEXT}change-end":
            open_ids.remove(child.get(f"{_TEXT}change-id", ""))
        elif child.tag == f"{_TEXT}s":
            yield " " * int(child.get(f"{_TEXT}c", "1")), tuple(open_ids)
        elif child.tag == f"{_TEXT}tab":
            yield "\t", tuple(open_ids)
        else:
            yield from _pieces(child, open_ids)
        if child.tail:
            yield child.tail, tuple(open_ids)


def _word_revisions(docx_file: Path) -> list[tuple[str, str]]:
    """The same from the .docx itself: per paragraph with revisions, accepted and rejected."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(docx_file).read("word/document.xml"))
    out = []
    for para in root.iter(f"{_DOCX_W}p"):
        kinds = {a.tag[len(_DOCX_W) :] for a in para.iter() if isinstance(a.tag, str)}
        if not kinds & {"ins", "del", "moveFrom", "moveTo"}:
            continue
        texts = []
        for drops in (("del", "moveFrom"), ("ins", "moveTo")):
            parts = []
            for node in para.iter(f"{_DOCX_W}t", f"{_DOCX_W}delText"):
                if not {a.tag[len(_DOCX_W) :] for a in node.iterancestors()} & set(drops):
                    parts.append(node.text or "")
            texts.append("".join(parts))
        out.append((texts[0], texts[1]))
    return out


def test_libreoffice_sees_the_renvooi_revisions(tmp_path: Path) -> None:
    """The Word renvooi of a change, an insertion, a deletion and a move, opened in LibreOffice:
    it lists them as tracked changes by the newer version's author, and accepting or rejecting
    them all there gives the same texts as in the .docx (the new and the old text)."""
    from wetgeving.history import list_versions

    d = make_dossier(tmp_path / "d")
    path = tmp_path / "renvooi.docx"
    path.write_bytes(build.renvooi_docx(d, build.comparison(d, "v1", sources.load_text(d, "v2"))))
    authors, office = _office_revisions(convert(path, "fodt"))
    assert authors == {next(v.author for v in list_versions(d) if v.name == "v2")}
    assert office == _word_revisions(path)
    assert len(office) >= 4
    moved = (
        "Onder kwetsbare positie wordt mede begrepen een situatie waarin een persoon geen andere "
        "werkelijke of aanvaardbare keuze heeft dan het misbruik te ondergaan."
    )
    assert ("", moved) in office  # where it left: gone when accepted
    printed = pdf_text(to_pdf(path))
    for words in (
        "verplaatst: het oude achtste lid van artikel 273f naar artikel 273fa, tweede lid",
        "verplaatst: artikel 273fa, tweede lid (oud: artikel 273f, achtste lid)",
        "vernummerd: artikel 273f, onder vernummering van het zesde en zevende lid tot zevende en "
        "achtste lid",
    ):
        assert words in printed, words


def test_every_bundle_word_file_prints_and_the_renvooi_page_is_a_picture(tmp_path: Path) -> None:
    """Every .docx of the bundle (text, both renvooi, MvT, verslag, amending bill) and of
    `diff --format docx` converts to PDF in LibreOffice; the renvooi's first page renders to a
    PNG that is not empty."""
    from test_mvt import add_responses
    from wetgeving.documents.bundle import make

    d = make_dossier(tmp_path / "d")
    add_responses(d)
    word = tmp_path / "word"
    word.mkdir()
    for name, data in make(d, "v2", openbaar=False).files:
        if name.endswith(".docx"):
            (word / name.replace("/", "-")).write_bytes(data)
    (word / "diff.docx").write_bytes(build.renvooi_word(d, "v1", "v2")[0])
    files = sorted(word.glob("*.docx"))
    assert len(files) == 7
    pdfs = convert_all(files, "pdf")
    for pdf in pdfs:
        assert 0.002 < _ink(pdf) < 0.5, f"{pdf.name}: first page looks blank or black"
    renvooi = next(p for p in pdfs if "geldend-v2" in p.name)
    (png,) = png_pages(renvooi, tmp_path / "renvooi")[:1]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
