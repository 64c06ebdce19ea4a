"""Output formats of a comparison: text, markdown, json and --stat (html is in `html.py`)."""

from __future__ import annotations

import json
import re
from typing import Any

from wetgeving.compare.items import (
    KIND_WORDS,
    KINDS,
    Item,
    counts,
    grouped,
    item_counts,
    item_heading,
    summary,
)
from wetgeving.compare.model import Change, Comparison
from wetgeving.text.labels import body_heading, body_label

__all__ = [
    "JSON_FORMAT",
    "KINDS",
    "KIND_WORDS",
    "Item",
    "change_json",
    "counts",
    "grouped",
    "header",
    "item_counts",
    "item_heading",
    "render_json",
    "render_markdown",
    "render_stat",
    "render_text",
    "summary",
    "to_json",
]

JSON_FORMAT = "wetgeving-diff/1"


def header(comparison: Comparison) -> str:
    """ "verschillen tussen versie v1 (abc1234) en versie v2 (def5678)"."""
    return f"verschillen tussen {_version(comparison.old.name, comparison.old.commit)} en " + (
        _version(comparison.new.name, comparison.new.commit)
    )


def _version(name: str, commit: str | None) -> str:
    if commit is None:
        return "de werkmap" if name == "werk" else name
    return f"versie {name} ({commit[:12]})"


# ---- text -------------------------------------------------------------------------------------

_STYLES = {
    "delete": ("\x1b[9;31m", "\x1b[0m"),
    "insert": ("\x1b[4;32m", "\x1b[0m"),
    "moved": ("\x1b[36m", "\x1b[0m"),
    "head": ("\x1b[1m", "\x1b[0m"),
    "warn": ("\x1b[33m", "\x1b[0m"),
}
_PLAIN = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _paint(text: str, style: str, colour: bool) -> str:
    if colour and style in _STYLES:
        start, end = _STYLES[style]
        return f"{start}{text}{end}"
    if not colour and style in _PLAIN:
        start, end = _PLAIN[style]
        return f"{start}{text}{end}"
    return text


def _ops_text(change: Change, colour: bool, away: bool = False) -> str:
    if away:
        return _paint(change.old_text if change.ops else "", "moved", colour)
    if change.ops is None:
        return ""
    parts = []
    for op, text in change.ops:
        if op == "equal":
            parts.append(_paint(text, "moved", colour) if change.kind == "moved" else text)
        else:
            parts.append(_paint(text, op, colour))
    return "".join(parts)


def _marks_text(marks: tuple[tuple[str, str], ...], colour: bool) -> str:
    return "".join(text if op == "equal" else _paint(text, op, colour) for op, text in marks)


def render_text(comparison: Comparison, colour: bool = False) -> str:
    """Plain text (or ANSI-coloured for a terminal): a summary line and the changes per article."""
    if comparison.empty:
        return f"geen {header(comparison)}\n"
    lines = [_paint(header(comparison), "head", colour), ""]
    for article, items in grouped(comparison):
        count = item_counts(items)
        lines.append(_paint(f"{body_label(article)}: {summary(count)}", "head", colour))
        for item in items:
            lines.append(f"  {item_heading(item)}")
            if item.title_marks:
                lines.append(f"    opschrift: {_marks_text(item.title_marks, colour)}")
            body = _ops_text(item.change, colour, item.away) if not item.away else ""
            if body:
                lines.extend(f"    {line}" for line in body.split("\n"))
        lines.append("")
    for warning in comparison.warnings:
        lines.append(_paint(f"waarschuwing: {warning}", "warn", colour))
    return "\n".join(lines).rstrip("\n") + "\n"


# ---- markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>#|])")
_EDGE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


def md_escape(text: str) -> str:
    """Escape the characters Markdown would read as markup."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_wrap(text: str, mark: str) -> str:
    # "~~ en~~" does not render: keep the spaces outside the markers.
    m = _EDGE.match(text)
    assert m is not None
    lead, core, trail = m.groups()
    if not core:
        return text
    return f"{lead}{mark}{md_escape(core)}{mark}{trail}"


def _md_ops(ops: tuple[tuple[str, str], ...] | None) -> str:
    parts = []
    for op, text in ops or ():
        if op == "equal":
            parts.append(md_escape(text))
        elif op == "delete":
            parts.append(_md_wrap(text, "~~"))
        else:
            parts.append(_md_wrap(text, "**"))
    return "".join(parts).replace("\n", "<br>")


def render_markdown(comparison: Comparison) -> str:
    """Markdown for a note or an e-mail: deletions ~~struck~~, insertions **bold**."""
    title = header(comparison)
    if comparison.empty:
        return f"# Geen {title}\n"
    out = [f"# {title[0].upper()}{title[1:]}", ""]
    for article, items in grouped(comparison):
        out.append(f"## {md_escape(body_heading(article))}")
        out.append("")
        out.append(f"*{summary(item_counts(items))}*")
        out.append("")
        for item in items:
            line = f"- *{md_escape(item_heading(item))}*"
            body = "" if item.away else _md_ops(item.change.ops)
            if item.title_marks:
                title = f"opschrift: {_md_ops(item.title_marks)}"
                body = f"{title}<br>{body}" if body else title

            out.append(f"{line}: {body}" if body else line)
        out.append("")
    if comparison.warnings:
        out.append("## Waarschuwingen")
        out.append("")
        out.extend(f"- {md_escape(w)}" for w in comparison.warnings)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ---- json -------------------------------------------------------------------------------------


def change_json(change: Change) -> dict[str, Any]:
    """One change as a JSON object (see docs/diff.md)."""
    return {
        "kind": change.kind,
        "article": change.article,
        "old_article": change.old_article,
        "old_id": change.old_id,
        "new_id": change.new_id,
        "old_label": change.old_label,
        "new_label": change.new_label,
        "label": change.label,
        "part_of": change.part_of,
        "ops": [list(op) for op in change.ops] if change.ops is not None else None,
        "renumbered": change.renumbered,
        "appended": change.appended,
        "structure": change.structure,
        "old_label_reused": change.old_label_reused,
        "new_label_reused": change.new_label_reused,
        "title_ops": [list(op) for op in change.title_ops] if change.title_ops else None,
    }


def to_json(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as JSON data (see docs/diff.md)."""
    return {
        "format": JSON_FORMAT,
        "old": {"version": comparison.old.name, "commit": comparison.old.commit},
        "new": {"version": comparison.new.name, "commit": comparison.new.commit},
        "article": comparison.article,
        "changes": [change_json(c) for c in comparison.changes],
        "warnings": list(comparison.warnings),
    }


def render_json(comparison: Comparison) -> str:
    """The JSON document, UTF-8 text, keys in a fixed order."""
    out: list[str] = []
    _write_json(to_json(comparison), "\n", out)
    out.append("\n")
    return "".join(out)


_JSON_STRING: Any = json.encoder.encode_basestring
# The pieces a document repeats (the indentation of a level, '{\n    "kind": '), made once: a
# whole code has thousands of changes with the same keys.
_LEVELS: dict[str, str] = {}
_KEYS: dict[tuple[str, bool, str], str] = {}


def _deeper(newline: str) -> str:
    found = _LEVELS.get(newline)
    if found is None:
        found = _LEVELS[newline] = newline + "  "
    return found


def _key(inner: str, first: bool, key: str) -> str:
    found = _KEYS.get((inner, first, key))
    if found is None:
        found = ("{" if first else ",") + inner + _JSON_STRING(key) + ": "
        _KEYS[(inner, first, key)] = found
    return found


def _write_json(value: Any, newline: str, out: list[str]) -> None:
    """Append `value` exactly as json.dumps(value, ensure_ascii=False, indent=2) writes it.

    The standard encoder has no C version for indented output; this writer does the same with
    less overhead for the large documents of a whole code.
    """
    if isinstance(value, str):
        out.append(_JSON_STRING(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = _deeper(newline)
        first = True
        for key, item in value.items():
            out.append(_key(inner, first, key))
            first = False
            _write_json(item, inner, out)
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = _deeper(newline)
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _write_json(item, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    else:
        out.append(json.dumps(value))


# ---- stat -------------------------------------------------------------------------------------


def render_stat(comparison: Comparison) -> str:
    """Counts per article: changed, inserted, deleted, renumbered, moved."""
    if comparison.empty:
        return f"geen {header(comparison)}\n"
    rows: list[tuple[str, dict[str, int]]] = []
    for article, items in grouped(comparison):
        rows.append((body_label(article), item_counts(items)))
    rows.append(("totaal", counts(list(comparison.changes))))
    width = max(len(name) for name, _ in rows)
    heads = [KIND_WORDS[k] for k in KINDS]
    lines = [" ".join([" " * width, *(f"{h:>10}" for h in heads)])]
    for name, count in rows:
        lines.append(" ".join([f"{name:<{width}}", *(f"{count[k]:>10}" for k in KINDS)]))
    return "\n".join(lines) + "\n"
