"""Word export: the only module that imports python-docx (lazily).

Numbering is written as text ("1.", "a.", "4°."), exactly as in the draft, never as Word
auto-numbering; insertions, deletions and moved text are plain run formatting (underline, strike,
double underline, double strike and colour), never Word revision or move markup. Output is
deterministic: fixed core properties and fixed zip entry times.

"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

from wetgeving.text.headings import heading
from wetgeving.text.model import DIVISION_RANK, Node

if TYPE_CHECKING:
    from wetgeving.documents.model import ArticleChanges, ComparisonView
    from wetgeving.documents.mvt import Mvt
    from wetgeving.versiontext import VersionText

FIXED = dt.datetime(2000, 1, 1, 0, 0, 0)
INSERT_COLOUR = (0x00, 0x66, 0x00)
DELETE_COLOUR = (0xAA, 0x00, 0x00)
MOVED_COLOUR = (0x00, 0x33, 0x55)


def _new(title: str) -> Any:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = "wetgeving"
    props.last_modified_by = "wetgeving"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    return document


def _bytes(document: Any) -> bytes:
    """Save and re-zip with fixed entry times and sorted names, so two builds are identical."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        # [Content_Types].xml must stay first for some readers; the rest sorted.
        ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(
            n for n in names if n != "[Content_Types].xml"
        )
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def _markdown_paragraphs(document: Any, text: str) -> None:
    """Add a lawyer's Markdown: headings, lists, quotes and bold/italic/code as Word formatting."""
    from docx.shared import Cm

    from wetgeving.markdown import paragraphs

    for block in paragraphs(text):
        if block.kind == "heading":
            # The lawyer's own headings sit below the document's (article sections are level 2).
            para = document.add_heading(level=min(2 + block.level, 9))
        elif block.kind == "bullet":
            para = document.add_paragraph(
                style="List Bullet" if block.level < 2 else "List Bullet 2"
            )
        elif block.kind == "quote":
            para = document.add_paragraph(style="Quote")
        else:
            para = document.add_paragraph()
        if block.kind == "number":
            # Numbered as written, like the draft text, never Word auto-numbering.
            para.paragraph_format.left_indent = Cm(block.level)
            para.paragraph_format.first_line_indent = Cm(-1)
            para.add_run(f"{block.marker}\t")
        for part in block.runs:
            shown = part.text
            if part.link and part.link != part.text:
                shown += f" ({part.link})"
            run = para.add_run(shown)
            run.bold = part.bold or None
            run.italic = part.italic or None
            if part.code or block.kind == "code":
                run.font.name = "Courier New"


def _node(document: Any, node: Node, depth: int) -> None:
    from docx.shared import Cm

    if node.kind in DIVISION_RANK:
        document.add_heading(heading(node), level=1)
        for child in node.children:
            _node(document, child, 0)
        return
    if node.kind in ("artikel", "bijlage"):
        document.add_heading(heading(node), 2)

        for alinea in (a for a in node.text.split("\n") if a):
            document.add_paragraph(alinea)
        for child in node.children:
            _node(document, child, 0)
        return
    alineas = [a for a in node.text.split("\n") if a]
    if node.kind == "slotzin":
        for alinea in alineas:
            para = document.add_paragraph(alinea)
            para.paragraph_format.left_indent = Cm(depth)
        return
    marker = node.marker or (f"{node.number}." if node.number else "")
    para = document.add_paragraph()
    para.paragraph_format.left_indent = Cm(1 + depth)
    para.paragraph_format.first_line_indent = Cm(-1)
    para.add_run(f"{marker}\t")
    para.add_run(alineas[0] if alineas else "")
    for alinea in alineas[1:]:
        extra = document.add_paragraph(alinea)
        extra.paragraph_format.left_indent = Cm(1 + depth)
    for child in node.children:
        _node(document, child, depth + 1)


def draft(title: str, version: VersionText) -> bytes:
    """Return the draft text of a version as .docx."""
    document = _new(f"{title} ({version.name})")
    document.add_heading(title, level=0)
    commit = f" ({version.commit[:12]})" if version.commit else ""
    document.add_paragraph(f"Tekst van versie {version.name}{commit}.")
    for regeling in version.regelingen:
        document.add_paragraph(regeling.title).runs[0].bold = True
        # The front matter as the HTML text shows it: "status: ILLUSTRATIEF CONCEPT" must
        # reach whoever opens the Word file.
        for key, value in regeling.meta:
            document.add_paragraph(f"{key}: {value}").runs[0].italic = True
        for node in regeling.children:
            _node(document, node, 0)
    return _bytes(document)


def _marks(paragraph: Any, marks: tuple[tuple[str, str], ...]) -> None:
    """Marked text as plain run formatting, as the HTML renvooi marks it: deletions struck
    through (red), insertions underlined (green), moved text double underlined at its new place
    and double struck through where it left (blue)."""
    from docx.enum.text import WD_UNDERLINE
    from docx.shared import RGBColor

    for mark, text in marks:
        run = paragraph.add_run(text)
        if mark == "insert":
            run.font.underline = True
            run.font.color.rgb = RGBColor(*INSERT_COLOUR)
        elif mark == "delete":
            run.font.strike = True
            run.font.color.rgb = RGBColor(*DELETE_COLOUR)
        elif mark == "moved":
            run.font.underline = WD_UNDERLINE.DOUBLE
            run.font.color.rgb = RGBColor(*MOVED_COLOUR)
        elif mark == "moved-away":
            run.font.double_strike = True
            run.font.color.rgb = RGBColor(*MOVED_COLOUR)


def renvooi(title: str, comparison: ComparisonView) -> bytes:
    """Return the renvooi as .docx: per article what changed in words, then each item as
    `wetgeving diff` lists it (series collapsed, a move also where it left), its text marked."""
    from docx.shared import Cm, Pt

    from wetgeving.compare.html import LEGEND

    document = _new(f"Renvooi {comparison.old_name} – {comparison.new_name}")
    document.add_heading(f"Renvooi: {comparison.old_name} → {comparison.new_name}", level=0)
    document.add_paragraph(title)
    old = f" ({comparison.old_commit[:12]})" if comparison.old_commit else ""
    new = f" ({comparison.new_commit[:12]})" if comparison.new_commit else ""
    meta = f"Oud: {comparison.old_name}{old}; nieuw: {comparison.new_name}{new}."
    document.add_paragraph(meta).runs[0].italic = True
    _marks(document.add_paragraph(), LEGEND)
    if not comparison.articles:
        document.add_paragraph("Geen verschillen.")
    for article in comparison.articles:
        document.add_heading(article.heading, level=1)
        document.add_paragraph(article.summary).runs[0].italic = True
        if article.sentences:
            _description(document, article, "")
        for item in article.items:
            label = document.add_paragraph()
            label.paragraph_format.space_before = Pt(8)
            label.paragraph_format.keep_with_next = bool(item.marks or item.title_marks)
            label.add_run(item.heading).bold = True
            if item.title_marks:
                opschrift = document.add_paragraph()
                opschrift.paragraph_format.left_indent = Cm(0.5)
                opschrift.add_run("opschrift: ").italic = True
                _marks(opschrift, item.title_marks)
            if item.marks:
                text = document.add_paragraph()
                text.paragraph_format.left_indent = Cm(0.5)
                _marks(text, item.marks)
    if comparison.warnings:
        document.add_heading("Waarschuwingen", level=1)
        for warning in comparison.warnings:
            document.add_paragraph(warning, style="List Bullet")
    return _bytes(document)


def _description(document: Any, changes: ArticleChanges, lead: str) -> None:
    """What changed in an article: one paragraph, or a list per lid (heading in italics)."""
    if len(changes.sentences) == 1:
        document.add_paragraph(lead + changes.description).runs[0].italic = True
        return
    if lead:
        document.add_paragraph(lead.strip()).runs[0].italic = True
    for group in changes.paragraphs:
        para = document.add_paragraph(style="List Bullet")
        if group.heading:
            para.add_run(f"{group.heading}. ").italic = True
        para.add_run(" ".join(group.sentences))


def mvt(doc: Mvt) -> bytes:
    """Return the memorie van toelichting as .docx."""
    document = _new(f"Memorie van toelichting ({doc.version})")
    document.add_heading("Memorie van toelichting", level=0)
    document.add_paragraph(doc.title).runs[0].bold = True
    document.add_paragraph(doc.meta).runs[0].italic = True
    for warning in doc.warnings:
        document.add_paragraph(f"Let op: {warning}", style="List Bullet")
    document.add_heading("I. ALGEMEEN DEEL", level=1)
    for chapter in doc.chapters:
        document.add_heading(f"{chapter.number}. {chapter.title}", level=2)
        for prompt in chapter.prompts:
            document.add_paragraph(prompt, style="Quote")
        if chapter.text:
            _markdown_paragraphs(document, chapter.text)
        else:
            document.add_paragraph(f"[Nog te schrijven in {chapter.path}]").runs[0].italic = True
        if chapter.key == "advies-en-consultatie":
            _consultation(document, doc)
    document.add_heading("II. ARTIKELSGEWIJS DEEL", level=1)

    for section in doc.articles:
        suffix = f" ({section.status})" if section.status != "gewijzigd" else ""
        document.add_heading(section.heading + suffix, level=2)
        if section.changes and section.changes.sentences:
            _description(document, section.changes, "Wijziging: ")
        for line in section.instruction:
            _instruction_line(document, line)

        if section.text:
            _markdown_paragraphs(document, section.text)
        else:
            para = document.add_paragraph(f"[Toelichting nog te schrijven in {section.path}]")
            para.runs[0].italic = True
    if doc.orphans:
        document.add_heading("Niet geplaatst", level=1)
        for orphan in doc.orphans:
            document.add_heading(orphan.path, level=2)
            document.add_paragraph(f"Let op: {orphan.reason}.")
            _markdown_paragraphs(document, orphan.text)
    return _bytes(document)


def _instruction_line(document: Any, line: Any) -> None:
    """A paragraph of the bill quoted in the MvT: set off from the toelichting by its indent,
    in upright type as the bill prints it, its items and new text nested as in the HTML."""
    from docx.shared import Cm

    text = f"{line.marker} {line.text}" if line.marker else line.text
    para = document.add_paragraph(style="Quote")
    run = para.add_run(text)
    run.italic = False
    run.bold = line.kind == "onderdeel" or None
    nested = line.depth + line.indent if line.kind == "tekst" or line.depth > 1 else 0
    para.paragraph_format.left_indent = Cm(1 + 0.5 * nested)


def _consultation(document: Any, doc: Mvt) -> None:
    """Paragraph 5 as the Markdown and HTML MvT give it: counts, advice, campaigns, and per
    article the points grouped by disposition, with quoted excerpts."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from wetgeving.documents.templates import getal

    s = doc.consultation
    if not s.total:
        document.add_paragraph(doc.received).runs[0].italic = True
        return
    document.add_paragraph(doc.received)
    for head, rows in (("soort", s.by_kind), ("kanaal", s.by_channel)):
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for n, (name, count) in enumerate(((head, "aantal"), *((k, getal(v)) for k, v in rows))):
            cells = table.add_row().cells
            for cell, text, width in zip(cells, (name, count), (Cm(6), Cm(2.5)), strict=True):
                cell.width = width
                run = cell.paragraphs[0].add_run(text)
                run.bold = n == 0 or None
            cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        document.add_paragraph()
    document.add_paragraph(doc.advice)
    for n, campaign in enumerate(s.campaigns, start=1):
        document.add_paragraph(doc.campaign(n, campaign), style="List Bullet")
    for article in s.articles:
        document.add_heading(article.heading, level=4)
        document.add_paragraph(doc.points(article.count))
        for group in article.groups:
            para = document.add_paragraph(style="List Bullet")
            para.add_run(group.status_label).bold = True
            reason = f": {group.reason}" if group.reason else ""
            para.add_run(f" ({getal(group.count)}){reason}")
            for quote in group.excerpts:
                document.add_paragraph(quote, style="Quote").paragraph_format.left_indent = Cm(1)


def amending_bill(title: str, subtitle: str, paragraphs: list[Any]) -> bytes:
    """Return the amending bill as .docx, laid out as the Staatsblad prints one.

    ARTIKEL I centred and bold, the onderdeel letters on their own line, numbered items with
    a hanging indent, the new text (leden, onderdelen, article headings) indented below them.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = _new(title)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(title).bold = True
    note = document.add_paragraph()
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note.add_run(subtitle).italic = True
    for para in paragraphs:
        level = max(para.depth, 1 if para.marker else 0)
        if para.kind == "artikel":
            out = document.add_paragraph()
            out.alignment = WD_ALIGN_PARAGRAPH.CENTER
            out.paragraph_format.space_before = Pt(12)
            out.add_run(para.text).bold = True
        elif para.kind == "onderdeel":
            out = document.add_paragraph(para.text)
            out.paragraph_format.space_before = Pt(12)
            out.paragraph_format.keep_with_next = True
        elif para.kind == "tekst":
            depth = para.indent // 2 + level
            out = document.add_paragraph()
            out.paragraph_format.left_indent = Cm(1 + depth)
            first, _, rest = para.text.partition(" ")
            if para.text.startswith("Artikel ") and len(para.text) < 40:
                out.add_run(para.text).bold = True
            elif _is_marker(first) and rest:
                out.paragraph_format.left_indent = Cm(2 + depth)
                out.paragraph_format.first_line_indent = Cm(-1)
                out.add_run(f"{first}\t{rest}")
            else:
                out.add_run(para.text)
        else:
            out = document.add_paragraph()
            out.paragraph_format.left_indent = Cm(level)
            # "... luidende:" stays on the page of the new text it announces.
            out.paragraph_format.keep_with_next = para.text.endswith(":")
            if para.marker:
                out.paragraph_format.first_line_indent = Cm(-1)
                out.add_run(f"{para.marker}\t{para.text}")
            else:
                out.add_run(para.text)
    return _bytes(document)


def _is_marker(text: str) -> bool:
    from wetgeving.text.structure import MARKER

    # A gedachtestreepje ("–") hangs like a number does.
    return bool(MARKER.match(text)) and (text.endswith((".", "°", "º")) or text in ("–", "—"))


def concept(version: VersionText) -> bytes:
    """Return a version as a clean Word concept, as a lawyer types one.

    The title in the Title style, the front matter as italic "sleutel: waarde" lines, divisions
    as Heading 1 and articles as Heading 2. Leden and onderdelen are numbered by hand ("1.",
    "a.", "1°.") with a tab and a hanging indent, never with Word's automatic numbering: a lid
    number is cited and renumbering is a decision of the drafter, which Word would take for them
    on every inserted lid. A further alinea and a slotzin stand at the text they belong to.
    `wetgeving import docx` reads the file back to the same tree.
    """
    from docx.shared import Cm

    first = version.regelingen[0].title if version.regelingen else "Concept"
    document = _new(f"{first} ({version.name})")

    def indented(text: str, left: float, hanging: bool = False) -> None:
        para = document.add_paragraph(text)
        para.paragraph_format.left_indent = Cm(left)
        if hanging:
            para.paragraph_format.first_line_indent = Cm(-1)

    def provisions(nodes: tuple[Node, ...], left: float) -> None:
        # `left` is where the text of these nodes' parent stands.
        for node in nodes:
            alineas = [a for a in node.text.split("\n") if a]
            if node.kind == "slotzin":
                for alinea in alineas:
                    indented(alinea, left)
                continue
            own = left + 1
            marker = node.marker or f"{node.number}."
            indented(f"{marker}\t{alineas[0] if alineas else ''}", own, hanging=True)
            for alinea in alineas[1:]:
                indented(alinea, own)
            provisions(node.children, own)

    def block(node: Node) -> None:
        level = 1 if node.kind in DIVISION_RANK else 2
        document.add_heading(heading(node), level=level)
        for alinea in (a for a in node.text.split("\n") if a):
            document.add_paragraph(alinea)
        if node.kind in DIVISION_RANK:
            for child in node.children:
                block(child)
        else:
            provisions(node.children, 0)

    for regeling in version.regelingen:
        document.add_heading(regeling.title, level=0)
        meta = ((("regeling", regeling.regulation),) if regeling.regulation else ()) + tuple(
            regeling.meta
        )
        for key, value in meta:
            document.add_paragraph().add_run(f"{key}: {value}").italic = True
        for node in regeling.children:
            block(node)
    return _bytes(document)
