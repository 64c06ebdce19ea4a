"""Reading a Word document (.docx) safely with the standard library: its paragraphs as shown.

Only zipfile and xml.etree: python-docx stays the writer's library (documents/docx.py). A part
that declares a DOCTYPE is refused (no entities, so no XXE or entity expansion), parts and the
whole file have a size limit. Each paragraph comes with what Word shows of it: the label of its
automatic numbering resolved (`text.wordnumbering`), whether it is bold, its style and indent.

Tracked changes are refused naming the first one, or read as accepted. Tables, images,
footnotes and other things a concept text cannot hold are refused naming the paragraph.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from wetgeving.errors import ParseError
from wetgeving.files import read_bytes
from wetgeving.text.wordnumbering import Numbering, W, attr
from wetgeving.text.wordpackage import (
    TRUE,
    Style,
    bold_of,
    inherited,
    local,
    part_xml,
    read_styles,
    targets,
)

LIMIT = 32 * 1024 * 1024
_HEADING = re.compile(r"^(?:heading|kop)\s*(\d)$")
_REVISIONS = {
    "ins": "ingevoegde tekst",
    "del": "verwijderde tekst",
    "moveFrom": "verplaatste tekst",
    "moveTo": "verplaatste tekst",
    "rPrChange": "een opmaakwijziging",
    "pPrChange": "een opmaakwijziging",
    "numberingChange": "een wijziging van de nummering",
    "sectPrChange": "een opmaakwijziging",
    "tblPrChange": "een opmaakwijziging",
    "cellIns": "een ingevoegde tabelcel",
    "cellDel": "een verwijderde tabelcel",
}
# What a concept text cannot hold, by element; named with the paragraph it stands in.
_REFUSED = {
    "drawing": "een afbeelding",
    "pict": "een afbeelding",
    "object": "een ingevoegd object",
    "footnoteReference": "een voetnoot",
    "endnoteReference": "een eindnoot",
    "txbxContent": "een tekstvak",
    "oMath": "een formule",
    "oMathPara": "een formule",
}


@dataclass(frozen=True, slots=True)
class WordParagraph:
    """One paragraph (or line of a paragraph broken with Shift+Enter) as Word shows it.

    Attributes:
        index: Its number in the document, counting from 1 (for messages).
        text: The text shown, with the automatic number label in front ("1.\tAls ...").
        label: The automatic number label ("" when the paragraph has none).
        level: The level of its automatic numbering (None when it has none).
        bold: All of its text is bold.
        style: The style name, lower case ("heading 2", "title", "normal").
        heading: The heading level of its style (1 for "heading 1", 0 for the title), or None.
        indent: Its left indent in twips (1/1440 inch), as set or by its style or numbering.
    """

    index: int
    text: str
    label: str = ""
    level: int | None = None
    bold: bool = False
    style: str = "normal"
    heading: int | None = None
    indent: int = 0


class _Reader:
    def __init__(
        self, shown: str, accept: bool, styles: dict[str, Style], numbering: Numbering
    ) -> None:
        self.shown = shown
        self.accept = accept
        self.strict = True  # refuse tables, images, footnotes (a concept); else read past them
        self.styles = styles
        self.numbering = numbering
        self.out: list[WordParagraph] = []
        self.count = 0
        self.pending: list[tuple[str, bool]] = []  # runs of a paragraph whose mark was deleted

    def refuse(self, what: str, index: int, text: str) -> ParseError:
        where = f"alinea {index}" + (f" ('{_short(text)}')" if text.strip() else "")
        return ParseError(
            self.shown, None, f"{what} in {where} kan niet in een concepttekst worden overgenomen"
        )

    def body(self, element: ET.Element) -> None:
        for child in element:
            tag = local(child.tag)
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl" and not self.strict:
                for p in child.iter(f"{W}p"):
                    self.paragraph(p)
            elif tag == "tbl":
                last = self.out[-1] if self.out else None
                where = f"na alinea {last.index} ('{_short(last.text)}')" if last else "vooraan"
                raise ParseError(
                    self.shown,
                    None,
                    f"een tabel {where} kan niet in een concepttekst worden overgenomen",
                )
            elif tag in ("sdt", "customXml", "sdtContent", "ins", "moveTo"):
                self.body(child)
            elif tag in ("del", "moveFrom") and not self.accept:
                self.revision(child, self.count + 1, "")

    def revision(self, element: ET.Element, index: int, text: str) -> None:
        tag = local(element.tag)
        what = _REVISIONS[tag]
        if tag in ("ins", "del") and len(element) == 0:
            # An empty w:ins/w:del in the paragraph's own properties: its mark (Enter).
            what = "een ingevoegd alinea-einde" if tag == "ins" else "een verwijderd alinea-einde"
        changed = "".join(t.text or "" for t in element.iter() if local(t.tag) in ("t", "delText"))
        if changed.strip():
            what += f" '{_short(changed)}'"
        who = attr(element, "author")
        by = f" door {who}" if who else ""
        where = f"alinea {index}" + (f" ('{_short(text)}')" if text.strip() else "")
        raise ParseError(
            self.shown,
            None,
            f"het document bevat bijgehouden wijzigingen (eerste: {what}{by} in {where}); "
            "accepteer of verwerp eerst de wijzigingen in Word"
            + (", of lees het in met --accept" if self.strict else ""),
        )

    def paragraph(self, p: ET.Element) -> None:
        self.count += 1
        index = self.count
        ppr = p.find(f"{W}pPr")
        style_id = attr(ppr.find(f"{W}pStyle")) if ppr is not None else None
        style_id = style_id or "Normal"
        runs: list[tuple[str, bool]] = list(self.pending)
        self.pending = []
        para_bold = inherited(self.styles, style_id, "bold")
        self.content(p, runs, bool(para_bold), index, style_id)
        text = "".join(t for t, _ in runs)
        if not self.accept:
            for element in p.iter():
                if local(element.tag) in _REVISIONS:
                    self.revision(element, index, text)
        mark = ppr.find(f"{W}rPr/{W}del") if ppr is not None else None
        if mark is not None and self.accept:
            # The paragraph mark was deleted: accepted, this paragraph runs on into the next.
            self.pending = runs
            self.count -= 1
            return
        for element in p.iter():
            what = _REFUSED.get(local(element.tag))
            if what and self.strict and not (self.accept and _inside_deleted(p, element)):
                raise self.refuse(what, index, text)
        self.emit(index, runs, ppr, style_id)

    def content(
        self, parent: ET.Element, runs: list[tuple[str, bool]], bold: bool, index: int, style: str
    ) -> None:
        field_depth = [0]  # complex fields: show the result, never the instruction
        showing: list[bool] = []
        for child in parent:
            tag = local(child.tag)
            if tag in ("pPr", "rPr"):
                continue
            if tag in ("del", "moveFrom"):
                continue  # deleted text: gone when accepted (refused earlier otherwise)
            if tag == "r":
                self.run(child, runs, bold, field_depth, showing)
            elif tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple"):
                self.content(child, runs, bold, index, style)
            elif tag == "sdt":
                inner = child.find(f"{W}sdtContent")
                if inner is not None:
                    self.content(inner, runs, bold, index, style)

    def run(
        self,
        r: ET.Element,
        runs: list[tuple[str, bool]],
        para_bold: bool,
        depth: list[int],
        showing: list[bool],
    ) -> None:
        rpr = r.find(f"{W}rPr")
        vanish = rpr.find(f"{W}vanish") if rpr is not None else None
        if vanish is not None and attr(vanish) in TRUE:
            return  # hidden text
        bold = bold_of(rpr)
        if bold is None and rpr is not None:
            bold = inherited(self.styles, attr(rpr.find(f"{W}rStyle")), "bold")  # type: ignore[assignment]
        is_bold = para_bold if bold is None else bold
        for child in r:
            tag = local(child.tag)
            if tag == "fldChar":
                kind = attr(child, "fldCharType")
                if kind == "begin":
                    showing.append(False)
                elif kind == "separate" and showing:
                    showing[-1] = True
                elif kind == "end" and showing:
                    showing.pop()
                continue
            if showing and not showing[-1]:
                continue
            if tag == "t":
                runs.append((child.text or "", is_bold))
            elif tag == "tab":
                runs.append(("\t", is_bold))
            elif tag in ("br", "cr"):
                if attr(child, "type") in (None, "textWrapping"):
                    runs.append(("\n", is_bold))
            elif tag == "noBreakHyphen":
                runs.append(("-", is_bold))
            elif tag == "sym":
                code = int(attr(child, "char") or "20", 16)
                runs.append((chr(code - 0xF000 if code >= 0xF000 else code), is_bold))

    def emit(
        self, index: int, runs: list[tuple[str, bool]], ppr: ET.Element | None, style_id: str
    ) -> None:
        style = self.styles.get(style_id)
        name = style.name if style else style_id.lower()
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        num: tuple[str, int] | None = None
        if num_pr is not None:
            num = (attr(num_pr.find(f"{W}numId")) or "0", int(attr(num_pr.find(f"{W}ilvl")) or 0))
        else:
            num = inherited(self.styles, style_id, "num")  # type: ignore[assignment]
        label, level, indent = "", None, None
        if num is not None:
            shown = self.numbering.label(*num)
            if shown is not None:
                label, lvl = shown
                level, indent = num[1], lvl.indent
                if label:
                    label += {"tab": "\t", "space": " "}.get(lvl.suffix, "")
        ind = ppr.find(f"{W}ind") if ppr is not None else None
        left = attr(ind, "left") or attr(ind, "start")
        if left and left.lstrip("-").isdigit():
            indent = int(left)
        if indent is None:
            indent = inherited(self.styles, style_id, "indent")  # type: ignore[assignment]
        outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
        heading_level: int | None = None
        m = _HEADING.match(name)
        if m:
            heading_level = int(m.group(1))
        elif name in ("title", "titel"):
            heading_level = 0
        else:
            lvl_value = attr(outline) or inherited(self.styles, style_id, "outline")
            if lvl_value is not None and str(lvl_value).isdigit() and int(str(lvl_value)) < 9:
                heading_level = int(str(lvl_value)) + 1
        # A line break (Shift+Enter) starts a new line that reads as its own paragraph.
        lines: list[list[tuple[str, bool]]] = [[]]
        for text, bold in runs:
            parts = text.split("\n")
            for n, part in enumerate(parts):
                if n:
                    lines.append([])
                if part:
                    lines[-1].append((part, bold))
        for n, line in enumerate(lines):
            text = "".join(t for t, _ in line)
            shown_label = label if n == 0 else ""
            if not text.strip() and not shown_label.strip():
                continue
            visible = [b for t, b in line if t.strip()]
            self.out.append(
                WordParagraph(
                    index=index,
                    text=shown_label + text,
                    label=shown_label.strip(),
                    level=level if n == 0 else None,
                    bold=bool(visible) and all(visible),
                    style=name,
                    heading=heading_level,
                    indent=indent or 0,
                )
            )


def _inside_deleted(p: ET.Element, target: ET.Element) -> bool:
    for element in p.iter():
        if local(element.tag) in ("del", "moveFrom") and any(e is target for e in element.iter()):
            return True
    return False


def _short(text: str, size: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1].rstrip() + "…"


def read_paragraphs(
    path: Path, accept: bool = False, shown: str = "", strict: bool = True
) -> list[WordParagraph]:
    """The paragraphs of a .docx file as Word shows them, empty ones left out.

    Args:
        path: The .docx file.
        accept: Read tracked changes as accepted instead of refusing the document.
        strict: Refuse tables, images and footnotes (a concept text); when false, the text of
            table cells is read as paragraphs and the rest is passed over (a letter).
        shown: The name of the file in messages (default: the path).

    Raises:
        ParseError: not a Word document, unsafe or broken XML, tracked changes (without
            `accept`), or a table, image, footnote or other element a concept cannot hold.
    """
    name = shown or str(path)
    data = read_bytes(path, name, limit=LIMIT, what="Word-document (.docx)")
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ParseError(
            name, None, "geen Word-document (.docx): geen geldig zip-bestand"
        ) from None
    with archive:
        main, related = targets(archive, name)
        document = part_xml(archive, main, name)
        if document is None or local(document.tag) != "document":
            raise ParseError(name, None, "geen Word-document (.docx): word/document.xml ontbreekt")
        style_part = part_xml(archive, related["styles"], name) if "styles" in related else None
        styles = read_styles(style_part)
        style_nums = {k: s.num[0] for k, s in styles.items() if s.num is not None}
        root = part_xml(archive, related["numbering"], name) if "numbering" in related else None
        reader = _Reader(name, accept, styles, Numbering.read(root, style_nums))
        reader.strict = strict
        body = document.find(f"{W}body")
        if body is not None:
            reader.body(body)
        if reader.pending:
            reader.emit(reader.count + 1, reader.pending, None, "Normal")
    return reader.out


def plain_text(path: Path, shown: str = "") -> str:
    """The text of a .docx letter: one line per paragraph, numbering labels as shown, the
    text of table cells as paragraphs; tracked changes are refused (the sender decides)."""
    return "".join(p.text + "\n" for p in read_paragraphs(path, False, shown, strict=False))
