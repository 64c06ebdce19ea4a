"""LibreOffice and poppler for the Word tests: what a lawyer sees when the .docx is opened.

No test in this file. `soffice --headless` converts a .docx to PDF as Word would print it;
`pdftotext` and `pdftoppm` (poppler) read the PDF back as text and as a grey image.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
AVAILABLE = bool(SOFFICE and POPPLER)


def to_pdf(docx: Path) -> Path:
    """Convert a .docx to PDF beside it, with a LibreOffice profile of its own."""
    return convert(docx, "pdf")


def convert(docx: Path, suffix: str) -> Path:
    """Convert a .docx beside it as LibreOffice reads it: "pdf", or "fodt" (flat OpenDocument
    XML, where its formatting and tracked changes can be read back)."""
    return convert_all([docx], suffix)[0]


def convert_all(files: list[Path], suffix: str) -> list[Path]:
    """Convert .docx files (one folder) in one LibreOffice run; fails when one is not made."""
    assert SOFFICE is not None and files
    profile = tempfile.mkdtemp(prefix="wetgeving-lo-")
    try:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                suffix,
                "--outdir",
                str(files[0].parent),
                *(str(f) for f in files),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    made = [f.with_suffix(f".{suffix}") for f in files]
    for out in made:
        assert out.exists(), f"LibreOffice made no {suffix} of {out.stem}"
    return made


def pdf_text(pdf: Path) -> str:
    """The text of a PDF in reading order, lines joined by spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(out.stdout.split())


def page_image(pdf: Path, page: int = 1) -> tuple[int, int, bytes]:
    """One page as a grey image at 50 dpi: (width, height, one byte per pixel)."""
    out = subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    # Binary PGM: "P5\n<width> <height>\n<max>\n" and the pixels.
    parts = out.split(b"\n", 3)
    width, height = (int(x) for x in parts[1].split())
    return width, height, parts[3]


def png_pages(pdf: Path, prefix: Path) -> list[Path]:
    """The PDF's pages as PNG files `prefix-1.png`, ... (to look at)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(prefix)], check=True, capture_output=True
    )
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))
