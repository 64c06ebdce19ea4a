"""Word export: the only module that imports python-docx (lazily).

Numbering is written as text ("1.", "a.", "4°."), exactly as in the draft, never as Word
auto-numbering. The renvooi's insertions, deletions and moves are Word revisions
(`revisions.py`). Every document is built on a reference document (`reference.py`): the
dossier's `templates/huisstijl.docx` or the default shipped in the package. The MvT and the
verslag are their Markdown rendered from one markdown-it token stream (`markdown.paragraphs`).
Output is deterministic: fixed core properties and fixed zip entry times.

"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wetgeving.text.headings import heading
from wetgeving.text.model import DIVISION_RANK, Node

if TYPE_CHECKING:
    from wetgeving.documents.model import ArticleChanges, ComparisonView
    from wetgeving.versiontext import VersionText

FIXED = dt.datetime(2000, 1, 1, 0, 0, 0)


def _new(title: str, reference: Path | None = None, header: str = "") -> Any:
    from wetgeving.documents.docx.reference import open_reference

    document = open_reference(reference, header or title)
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


def _markdown_paragraphs(document: Any, text: str, shift: int = 2) -> None:
    """Add Markdown: headings (level + `shift`), lists, quotes, tables and bold/italic/code as
    Word formatting."""
    from docx.shared import Cm

    from wetgeving.markdown import paragraphs

    for block in paragraphs(text):
        if block.kind == "table":
            _table(document, block.rows)
            continue
        if block.kind == "heading":
            para = _heading(document, "", max(0, min(block.level + shift, 9)))
        elif block.kind == "bullet":
            para = document.add_paragraph(
                style=_style(document, "List Bullet" if block.level < 2 else "List Bullet 2")
            )
        elif block.kind == "quote":
            para = document.add_paragraph(style=_style(document, "Quote"))
        else:
            para = document.add_paragraph()
        if block.kind == "number":
            # Numbered as written, like the draft text, never Word auto-numbering.
            para.paragraph_format.left_indent = Cm(block.level)
            para.paragraph_format.first_line_indent = Cm(-1)
            para.add_run(f"{block.marker}\t")
        _runs(para, block.runs, code=block.kind == "code")


def _runs(para: Any, runs: Any, code: bool = False, bold: bool = False) -> None:
    for part in runs:
        shown = part.text
        if part.link and part.link != part.text:
            shown += f" ({part.link})"
        run = para.add_run(shown)
        run.bold = part.bold or bold or None
        run.italic = part.italic or None
        if part.code or code:
            run.font.name = "Liberation Mono"


def _heading(document: Any, text: str, level: int) -> Any:
    """A heading in the reference document's Title or Heading N style; a bold paragraph when
    the reference (a ministry's huisstijl) lacks that style."""
    name = "Title" if level == 0 else f"Heading {level}"
    if _style(document, name):
        return document.add_heading(text, level)
    para = document.add_paragraph()
    para.add_run(text).bold = True
    return para


def _style(document: Any, name: str) -> str | None:
    """`name` when the reference document has that style, else None (its default)."""
    return name if any(s.name == name for s in document.styles) else None


def _table(document: Any, rows: Any) -> None:
    """A Markdown table as a bordered Word table ("Table Grid"), the header row bold."""
    if not rows:
        return
    table = document.add_table(rows=0, cols=max(len(row) for row in rows))
    table.style = _style(document, "Table Grid")
    for n, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, runs in zip(cells, row, strict=False):
            _runs(cell.paragraphs[0], runs, bold=n == 0)
    document.add_paragraph()


def _node(document: Any, node: Node, depth: int) -> None:
    from docx.shared import Cm

    if node.kind in DIVISION_RANK:
        _heading(document, heading(node), 1)
        for child in node.children:
            _node(document, child, 0)
        return
    if node.kind in ("artikel", "bijlage"):
        _heading(document, heading(node), 2)

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


def draft(title: str, version: VersionText, reference: Path | None = None) -> bytes:
    """Return the draft text of a version as .docx."""
    document = _new(f"{title} ({version.name})", reference, f"{title} – versie {version.name}")
    _heading(document, title, 0)
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


def renvooi(
    title: str,
    comparison: ComparisonView,
    reference: Path | None = None,
    author: str = "wetgeving",
    date: str = "2000-01-01T00:00:00Z",
) -> bytes:
    """Return the renvooi as .docx: per article what changed in words, then each item as
    `wetgeving diff` lists it (series collapsed, a move also where it left), its text with the
    changes as Word revisions by `author` on `date` (the newer version's)."""
    from docx.shared import Cm, Pt

    from wetgeving.documents.docx.revisions import LEGEND, Revisions, marks, move_names

    names = f"{comparison.old_name} – {comparison.new_name}"
    document = _new(f"Renvooi {names}", reference, f"{title} – renvooi {names}")
    _heading(document, f"Renvooi: {comparison.old_name} → {comparison.new_name}", 0)
    document.add_paragraph(title)
    old = f" ({comparison.old_commit[:12]})" if comparison.old_commit else ""
    new = f" ({comparison.new_commit[:12]})" if comparison.new_commit else ""
    meta = f"Oud: {comparison.old_name}{old}; nieuw: {comparison.new_name}{new}."
    document.add_paragraph(meta).runs[0].italic = True
    document.add_paragraph(LEGEND).runs[0].italic = True
    if not comparison.articles:
        document.add_paragraph("Geen verschillen.")
    revisions = Revisions(author, date)
    moves = iter(move_names(comparison))
    for article in comparison.articles:
        _heading(document, article.heading, 1)
        document.add_paragraph(article.summary).runs[0].italic = True
        if article.sentences:
            _description(document, article, "")
        for item in article.items:
            move = next(moves)
            label = document.add_paragraph()
            label.paragraph_format.space_before = Pt(8)
            label.paragraph_format.keep_with_next = bool(item.marks or item.title_marks)
            label.add_run(item.heading).bold = True
            if item.title_marks:
                opschrift = document.add_paragraph()
                opschrift.paragraph_format.left_indent = Cm(0.5)
                opschrift.add_run("opschrift: ").italic = True
                marks(opschrift, item.title_marks, revisions, f"{move}-opschrift")
            if item.marks:
                text = document.add_paragraph()
                text.paragraph_format.left_indent = Cm(0.5)
                marks(text, item.marks, revisions, move)
    if comparison.warnings:
        _heading(document, "Waarschuwingen", 1)
        for warning in comparison.warnings:
            document.add_paragraph(warning, style=_style(document, "List Bullet"))
    return _bytes(document)


def _description(document: Any, changes: ArticleChanges, lead: str) -> None:
    """What changed in an article: one paragraph, or a list per lid (heading in italics)."""
    if len(changes.sentences) == 1:
        document.add_paragraph(lead + changes.description).runs[0].italic = True
        return
    if lead:
        document.add_paragraph(lead.strip()).runs[0].italic = True
    for group in changes.paragraphs:
        para = document.add_paragraph(style=_style(document, "List Bullet"))
        if group.heading:
            para.add_run(f"{group.heading}. ").italic = True
        para.add_run(" ".join(group.sentences))


def from_markdown(title: str, text: str, reference: Path | None = None, header: str = "") -> bytes:
    """A document (MvT, verslag) from its Markdown, as the HTML shows the same content: the
    first "#" heading is the title, "##" Heading 1 and so on; lists, quotes, tables, bold,
    italics and links (the address after the text) as Word formatting."""
    document = _new(title, reference, header)
    _markdown_paragraphs(document, text, shift=-1)
    return _bytes(document)


def amending_bill(
    title: str, subtitle: str, paragraphs: list[Any], reference: Path | None = None
) -> bytes:
    """Return the amending bill as .docx, laid out as the Staatsblad prints one.

    ARTIKEL I centred and bold, the onderdeel letters on their own line, numbered items with
    a hanging indent, the new text (leden, onderdelen, article headings) indented below them.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = _new(title, reference, f"{title} – {subtitle}")
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
