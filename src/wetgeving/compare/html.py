"""The comparison as one standalone, offline HTML page: a renvooi per article.

No external assets and no template engine: every piece of text goes through `html.escape`.
"""

from __future__ import annotations

from html import escape

from wetgeving.compare.formats import (
    Item,
    grouped,
    header,
    item_counts,
    item_heading,
    summary,
)
from wetgeving.compare.model import Change, Comparison

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 52em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #111; }
header { border-bottom: 1px solid #999; margin-bottom: 1.5em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
dl.versions dt { font-weight: bold; float: left; clear: left; width: 7em; }
dl.versions dd { margin-left: 7em; font-family: monospace; }
nav ol { columns: 2; }
.summary { font-style: italic; color: #444; }
.change { margin: 0.8em 0 0.8em 1em; }
.label { font-weight: bold; font-family: Arial, sans-serif; font-size: 0.9em; }
.kind { text-transform: uppercase; font-size: 0.75em; letter-spacing: 0.05em; color: #555; }
del { color: #a00; text-decoration: line-through; }
ins { color: #060; text-decoration: underline; }
span.moved { text-decoration: underline double; color: #035; }
del.moved { text-decoration: line-through double; color: #035; }
.text { margin: 0.2em 0 0 0; white-space: pre-wrap; }
.warnings li { color: #840; }
@media print { nav { display: none; } }
"""


def _anchor(article: str) -> str:
    return "artikel-" + "".join(ch if ch.isalnum() else "-" for ch in article)


def _ops(change: Change, moved: bool) -> str:
    """Moved text is double underlined; edits inside it are shown as ordinary edits."""
    parts = []
    for op, text in change.ops or ():
        if op == "equal":
            parts.append(f'<span class="moved">{escape(text)}</span>' if moved else escape(text))
        elif op == "delete":
            parts.append(f"<del>{escape(text)}</del>")
        else:
            parts.append(f"<ins>{escape(text)}</ins>")
    return "".join(parts)


def _item(item: Item) -> str:
    change = item.change
    kind = "moved-away" if item.away else change.kind
    moved = change.kind == "moved"
    css = f"change {kind}" + (" moved" if moved else "")
    if item.away:
        body = f'<del class="moved">{escape(change.old_text)}</del>' if change.old_text else ""
    else:
        body = _ops(change, moved)
    label = escape(item_heading(item))
    text = f'<p class="text">{body}</p>' if body else ""
    return f'<div class="{css}"><div class="label">{label}</div>{text}</div>'


def render_html(comparison: Comparison) -> str:
    """A standalone HTML page with a header, a table of contents and a renvooi per article."""
    title = header(comparison)
    title = title[0].upper() + title[1:]
    old, new = comparison.old, comparison.new
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        '<dl class="versions">',
        f"<dt>oud</dt><dd>{escape(old.name)} {escape(old.commit or 'werkmap')}</dd>",
        f"<dt>nieuw</dt><dd>{escape(new.name)} {escape(new.commit or 'werkmap')}</dd>",
        "</dl>",
        "</header>",
    ]
    groups = grouped(comparison)
    if not groups:
        out.append('<p class="summary">Geen verschillen.</p>')
    else:
        out.append('<nav><h2>Gewijzigde artikelen</h2><ol class="toc">')
        for article, items in groups:
            count = summary(item_counts(items))
            out.append(
                f'<li><a href="#{escape(_anchor(article))}">artikel {escape(article)}</a> '
                f'<span class="summary">({escape(count)})</span></li>'
            )
        out.append("</ol></nav>")
        for article, items in groups:
            count = summary(item_counts(items))
            out.append(f'<section id="{escape(_anchor(article))}">')
            out.append(f"<h2>Artikel {escape(article)}</h2>")
            out.append(f'<p class="summary">{escape(count)}</p>')
            out.extend(_item(item) for item in items)
            out.append("</section>")
    if comparison.warnings:
        out.append('<section class="warnings"><h2>Waarschuwingen</h2><ul>')
        out.extend(f"<li>{escape(w)}</li>" for w in comparison.warnings)
        out.append("</ul></section>")
    out.extend(["</body>", "</html>", ""])
    return "\n".join(out)
