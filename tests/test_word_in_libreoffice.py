"""The Word files as a lawyer sees them: opened by LibreOffice, printed to PDF, read back.

Skipped only where LibreOffice or poppler cannot be installed (`.ci/run` installs both).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from office_support import AVAILABLE, page_image, pdf_text, to_pdf
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
