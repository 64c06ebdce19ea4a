"""The Word files as a lawyer sees them: opened by LibreOffice, printed to PDF, read back.

Skipped only where LibreOffice or poppler cannot be installed (`.ci/run` installs both).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from office_support import AVAILABLE, convert, page_image, pdf_text, to_pdf
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


def _double_marked(fodt: Path) -> dict[str, list[str]]:
    """The texts LibreOffice shows double underlined and double struck through."""
    tree = ElementTree.parse(fodt)
    style, text = _OFFICE % "style", _OFFICE % "text"
    kinds: dict[str, str] = {}
    for node in tree.iter(f"{style}style"):
        props = node.find(f"{style}text-properties")
        if props is None:
            continue
        if props.get(f"{style}text-underline-type") == "double":
            kinds[node.get(f"{style}name", "")] = "underline"
        elif props.get(f"{style}text-line-through-type") == "double":
            kinds[node.get(f"{style}name", "")] = "strike"
    found: dict[str, list[str]] = {"underline": [], "strike": []}
    for span in tree.iter(f"{text}span"):
        kind = kinds.get(span.get(f"{text}style-name", ""))
        if kind:
            found[kind].append("".join(span.itertext()))
    return found


def test_renvooi_with_a_move_in_libreoffice(tmp_path: Path) -> None:
    """The Word renvooi of a move, opened in LibreOffice: moved text is double underlined where
    it went and double struck through where it left (also in the legend), the move is listed in
    both articles and a series of renumbered leden is one line."""
    d = make_dossier(tmp_path / "d")
    path = tmp_path / "renvooi.docx"
    path.write_bytes(wdocx.renvooi(d.title, build.comparison(d, "v1", sources.load_text(d, "v2"))))
    printed = pdf_text(to_pdf(path))
    for words in (
        "verplaatste tekst staat dubbel onderstreept op de nieuwe plaats (verplaatst) en dubbel "
        "doorgehaald waar hij stond (verplaatst).",
        "verplaatst: het oude achtste lid van artikel 273f naar artikel 273fa, tweede lid",
        "verplaatst: artikel 273fa, tweede lid (oud: artikel 273f, achtste lid)",
        "vernummerd: artikel 273f, onder vernummering van het zesde en zevende lid tot zevende en "
        "achtste lid",
    ):
        assert words in printed, words
    moved = "Onder kwetsbare positie wordt "
    rest = (
        "mede begrepen een situatie waarin een persoon geen andere werkelijke of aanvaardbare "
        "keuze heeft dan het misbruik te ondergaan."
    )
    assert _double_marked(convert(path, "fodt")) == {
        "underline": ["verplaatst", moved, rest],
        "strike": ["verplaatst", moved + rest],
    }
