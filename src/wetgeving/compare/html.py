"""The renvooi in HTML: the one renderer of `wetgeving diff --format html` and of the bundle's
renvooi pages (`documents` puts `body` and `CSS` in its own page template).

No template engine: every piece of text goes through `html.escape`, so what `body` returns is
safe to insert in a page as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Protocol

from wetgeving.compare.formats import header
from wetgeving.compare.items import sections
from wetgeving.compare.model import Comparison

# What marks a renvooi and its items; the page around it brings its own fonts and layout.
CSS = """
del { color: #a00; text-decoration: line-through; background: #fdd; }
ins { color: #060; text-decoration: underline; background: #dfd; }
span.moved { color: #035; text-decoration: underline double; background: #e6eef7; }
del.moved { color: #035; text-decoration: line-through double; background: #e6eef7; }
.renvooi .summary { font-style: italic; color: #444; margin-top: 0; }
.renvooi .beschrijving { color: #333; }
.renvooi .beschrijving li { margin: 0.2em 0; }
.renvooi .change { margin: 0.9em 0 0.9em 1em; }
.renvooi .label { font-weight: bold; font-family: Helvetica, Arial, sans-serif; font-size: 0.9em; }
.renvooi .text { margin: 0.2em 0 0 0; white-space: pre-wrap; }
.renvooi .opschrift { font-style: italic; color: #444; }
.legend { font-size: 0.9em; color: #444; }
.warnings li { color: #840; }
@media print { nav.toc { display: none; } }
"""
# The page of `wetgeving diff`, set as the bundle's pages are (documents/templates/_base.html.j2).
_PAGE_CSS = """
body { font-family: Georgia, "Times New Roman", serif; max-width: 50em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #111; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; }
header { border-bottom: 1px solid #999; margin-bottom: 1.5em; }
dl.versions dt { font-weight: bold; float: left; clear: left; width: 7em; }
dl.versions dd { margin-left: 7em; font-family: monospace; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class Shown(Protocol):
    """One item of a renvooi (`compare.items.Item`, or a view of one)."""

    @property
    def heading(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def marks(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def title_marks(self) -> tuple[tuple[str, str], ...]: ...


class Described(Protocol):
    """A paragraph of the description in words (a `SentenceGroup`, or a view of one)."""

    @property
    def heading(self) -> str: ...

    @property
    def sentences(self) -> tuple[str, ...]: ...


class Section(Protocol):
    """One article or bijlage of a renvooi (`compare.items.Section`, or a view of one)."""

    @property
    def anchor(self) -> str: ...

    @property
    def heading(self) -> str: ...

    @property
    def summary(self) -> str: ...

    @property
    def paragraphs(self) -> Sequence[Described]: ...

    @property
    def items(self) -> Sequence[Shown]: ...


_TAGS = {
    "insert": ("<ins>", "</ins>"),
    "delete": ("<del>", "</del>"),
    "moved": ('<span class="moved">', "</span>"),
    "moved-away": ('<del class="moved">', "</del>"),
}


def marked(marks: Sequence[tuple[str, str]]) -> str:
    """The marked text: <del>, <ins>, and moved text double underlined or struck through."""
    parts = []
    for mark, text in marks:
        start, end = _TAGS.get(mark, ("", ""))
        parts.append(f"{start}{escape(text)}{end}")
    return "".join(parts)


# What the marks mean, as marked text itself: the HTML and the Word renvooi both show it.
LEGEND: tuple[tuple[str, str], ...] = (
    ("equal", "Doorgehaalde tekst "),
    ("delete", "vervalt"),
    ("equal", ", onderstreepte tekst wordt "),
    ("insert", "ingevoegd"),
    ("equal", "; verplaatste tekst staat dubbel onderstreept op de nieuwe plaats ("),
    ("moved", "verplaatst"),
    ("equal", ") en dubbel doorgehaald waar hij stond ("),
    ("moved-away", "verplaatst"),
    ("equal", ")."),
)


def legend() -> str:
    """What the marks mean, in one sentence."""
    return f'<p class="legend">{marked(LEGEND)}</p>'


def _description(paragraphs: Sequence[Described]) -> str:
    if not paragraphs:
        return ""
    if len(paragraphs) == 1 and not paragraphs[0].heading:
        return f'<p class="beschrijving">{escape(" ".join(paragraphs[0].sentences))}</p>'
    rows = []
    for group in paragraphs:
        head = f"<em>{escape(group.heading)}.</em> " if group.heading else ""
        rows.append(f"<li>{head}{escape(' '.join(group.sentences))}</li>")
    return '<ul class="beschrijving">\n' + "\n".join(rows) + "\n</ul>"


def item(shown: Shown) -> str:
    """One item: the line that names it and its marked text."""
    text = marked(shown.marks)
    body = f'<p class="text">{text}</p>' if text else ""
    if shown.title_marks:
        title = f'<span class="opschrift">opschrift:</span> {marked(shown.title_marks)}'
        body = f'<p class="text">{title}</p>{body}'
    label = f'<div class="label">{escape(shown.heading)}</div>'
    return f'<div class="change {escape(shown.kind)}">{label}{body}</div>'


def section(part: Section) -> str:
    """One article or bijlage: heading, counts, description in words, items."""
    out = [
        f'<section class="renvooi" id="{escape(part.anchor)}">',
        f"<h2>{escape(part.heading)}</h2>",
        f'<p class="summary">{escape(part.summary)}</p>',
    ]
    description = _description(part.paragraphs)
    if description:
        out.append(description)
    out.extend(item(shown) for shown in part.items)
    out.append("</section>")
    return "\n".join(out)


def body(parts: Sequence[Section], warnings: Sequence[str]) -> str:
    """The renvooi itself: a table of contents, a section per article, the warnings."""
    out: list[str] = []
    if not parts:
        out.append('<p class="summary">Geen verschillen.</p>')
    else:
        bijlagen = sum(1 for part in parts if part.heading.startswith("Bijlage"))
        what = {0: "artikelen", len(parts): "bijlagen"}.get(bijlagen, "artikelen en bijlagen")
        out.append(f'<nav class="toc"><h2>Gewijzigde {what}</h2><ol>')

        for part in parts:
            out.append(
                f'<li><a href="#{escape(part.anchor)}">{escape(part.heading)}</a> '
                f'<span class="summary">({escape(part.summary)})</span></li>'
            )
        out.append("</ol></nav>")
        out.extend(section(part) for part in parts)
    if warnings:
        out.append('<section class="warnings"><h2>Waarschuwingen</h2><ul>')
        out.extend(f"<li>{escape(w)}</li>" for w in warnings)
        out.append("</ul></section>")
    return "\n".join(out)


def render_html(comparison: Comparison) -> str:
    """A standalone HTML page: header with both versions, the legend and the renvooi."""
    title = header(comparison)
    title = title[0].upper() + title[1:]
    old, new = comparison.old, comparison.new
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{_PAGE_CSS.strip()}\n{CSS.strip()}\n</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{escape(title)}</h1>",
            '<dl class="versions">',
            f"<dt>oud</dt><dd>{escape(old.name)} {escape(old.commit or 'werkmap')}</dd>",
            f"<dt>nieuw</dt><dd>{escape(new.name)} {escape(new.commit or 'werkmap')}</dd>",
            "</dl>",
            legend(),
            "</header>",
            body(sections(comparison), comparison.warnings),
            "</body>",
            "</html>",
            "",
        ]
    )
