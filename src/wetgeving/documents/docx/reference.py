"""The reference document every Word file is built on: the dossier's huisstijl or our default.

A ministry drops its own template in `templates/huisstijl.docx`; every document then takes its
styles, page size, margins, header and footer from it. Without one, the sober default shipped in
the package (`documents/templates/referentie.docx`, made by `make_default`) is used: A4, 2.5 cm
margins, Liberation Serif 11 pt, black headings, bordered tables ("Table Grid"), page numbers
in the footer and a header that names the bill and its version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HUISSTIJL = "huisstijl.docx"
DEFAULT = Path(__file__).resolve().parent.parent / "templates" / "referentie.docx"
FONT = "Liberation Serif"
HEADER_STYLE = "Header"


def path(templates: Path | None) -> Path:
    """The reference document for a dossier's templates folder: its huisstijl or ours."""
    if templates is not None and (templates / HUISSTIJL).is_file():
        return templates / HUISSTIJL
    return DEFAULT


def open_reference(reference: Path | None, header: str) -> Any:
    """A new document on the reference: its body emptied (section settings kept), the header
    filled with `header` when the reference leaves it empty."""
    import docx

    from wetgeving.errors import DocumentError

    source = reference or DEFAULT
    try:
        document = docx.Document(str(source))
    except Exception as err:  # python-docx raises several kinds for a file that is no .docx
        raise DocumentError(f"{source}: geen bruikbaar Word-sjabloon ({err})") from err
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    head = document.sections[0].header
    if not "".join(p.text for p in head.paragraphs).strip():
        para = head.paragraphs[0] if head.paragraphs else head.add_paragraph()
        para.text = header
    return document


def _page_field(paragraph: Any) -> None:
    """A PAGE field: the page number Word and LibreOffice fill in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = paragraph.add_run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""
    end = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


def make_default(target: Path) -> None:
    """Write the sober default reference document (run once when the default changes)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    # East Asian and complex-script fonts too, or Word falls back to its theme font.
    fonts = normal.element.rPr.rFonts
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for name, size in (
        ("Title", 18),
        ("Heading 1", 14),
        ("Heading 2", 12),
        ("Heading 3", 11),
        ("Heading 4", 11),
        ("Heading 5", 11),
    ):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = name in ("Heading 4", "Heading 5") or None
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), FONT)
        # The theme font and colour would win over the name and colour set above.
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
        color = style.element.rPr.find(qn("w:color"))
        if color is not None:
            for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                if color.get(qn(attr)) is not None:
                    del color.attrib[qn(attr)]
    title = styles["Title"]
    # The default Title has a blue rule under it.
    ppr = title.element.pPr
    if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
        ppr.remove(ppr.find(qn("w:pBdr")))
    quote = styles["Quote"]
    quote.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    quote.paragraph_format.left_indent = Cm(1)
    header = section.header.paragraphs[0]
    header.style = styles[HEADER_STYLE]
    header.text = ""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    props = document.core_properties
    props.title = "wetgeving referentiedocument"
    props.author = "wetgeving"
    document.save(str(target))


if __name__ == "__main__":
    make_default(DEFAULT)
