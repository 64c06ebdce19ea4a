"""Render the text model back: canonical Markdown (the draft format) and plain text."""

from __future__ import annotations

from wetgeving import frontmatter
from wetgeving.text.escape import escape_heading as escape_heading
from wetgeving.text.escape import escape_start as escape_start
from wetgeving.text.headings import heading
from wetgeving.text.model import DIVISION_RANK, Node, Regeling

# Nodes under a '##' heading: their leden, onderdelen and slotzinnen follow as lists.
_BODIES = ("artikel", "bijlage")


def render_markdown(regeling: Regeling) -> str:
    """Return the canonical draft text; parse(render_markdown(r)) == r."""
    meta: dict[str, str] = {"titel": regeling.title}
    if regeling.regulation:
        meta["regeling"] = regeling.regulation
    meta.update(dict(regeling.meta))
    out: list[str] = [frontmatter.dump(meta)]
    for node in regeling.children:
        _markdown_block(node, out)
    return "".join(out)


def article_markdown(node: Node) -> str:
    """Return the canonical Markdown of one article (without front matter)."""
    out: list[str] = []
    _markdown_block(node, out)
    return "".join(out).lstrip("\n")


def _markdown_block(node: Node, out: list[str]) -> None:
    if node.kind in DIVISION_RANK or node.kind in _BODIES:
        level = "#" if node.kind in DIVISION_RANK else "##"
        out.append(f"\n{level} {escape_heading(heading(node))}\n")
        for alinea in _alineas(node.text):
            out.append(f"\n{escape_start(alinea)}\n")
        if node.kind in _BODIES:
            _markdown_children(node.children, "", out, top=True)
        else:
            for child in node.children:
                _markdown_block(child, out)
        return
    raise ValueError(f"unexpected top-level node {node.kind}")


def _alineas(text: str) -> list[str]:
    return [a for a in text.split("\n") if a]


def _markdown_children(children: tuple[Node, ...], indent: str, out: list[str], top: bool) -> None:
    prev_kind = ""
    for child in children:
        if child.kind == "slotzin":
            out.append(f"\n{indent}{escape_start(child.text)}\n")
            prev_kind = "slotzin"
            continue
        if (top and prev_kind != child.kind) or prev_kind == "slotzin":
            out.append("\n")
        if child.kind == "lid":
            bullet = f"{child.number}. "
            first = child.text and escape_start(_alineas(child.text)[0])
        else:
            bullet = "- "
            marker = escape_start(child.marker) if child.marker else ""
            rest = _alineas(child.text)
            first_text = rest[0] if rest else ""
            if marker and first_text:
                # parse unescapes the text after the marker too, so escape it the same way.
                first = f"{marker} {escape_start(first_text)}"
            else:
                first = marker or escape_start(first_text)
        sub = indent + " " * len(bullet)
        out.append(f"{indent}{bullet}{first}".rstrip() + "\n")
        for alinea in _alineas(child.text)[1:]:
            out.append(f"\n{sub}{escape_start(alinea)}\n")
        _markdown_children(child.children, sub, out, top=False)
        prev_kind = child.kind


def render_text(nodes: tuple[Node, ...] | list[Node]) -> str:
    """Return plain text as published: "1. ..." for leden, "  1°. ..." for onderdelen."""
    out: list[str] = []
    first = True
    for node in nodes:
        if not first:
            out.append("")
        first = False
        _text_node(node, 0, out)
    return "\n".join(out) + "\n"


def _text_node(node: Node, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    alineas = _alineas(node.text)
    if node.kind in DIVISION_RANK or node.kind in _BODIES:
        out.append(heading(node))
        out.extend(alineas)
        for i, child in enumerate(node.children):
            if node.kind in DIVISION_RANK and i >= 0:
                out.append("")
            _text_node(child, 0, out)
        return
    if node.kind == "slotzin":
        # A slotzin continues its parent's sentence, so it stands at the parent's indent.
        parent_pad = "  " * max(depth - 1, 0)
        out.extend(f"{parent_pad}{a}" for a in alineas)
        return
    marker = node.marker or (f"{node.number}." if node.number else "")
    first = alineas[0] if alineas else ""
    out.append(f"{pad}{marker} {first}".rstrip())
    out.extend(f"{pad}{a}" for a in alineas[1:])
    for child in node.children:
        _text_node(child, depth + 1, out)


def node_dict(node: Node) -> dict[str, object]:
    """Return a node as JSON-ready data (documented in docs/draft-format.md)."""
    return {
        "id": node.id,
        "kind": node.kind,
        "number": node.number,
        "label": node.label,
        "marker": node.marker,
        "title": node.title,
        "text": node.text,
        "line": node.line,
        "children": [node_dict(child) for child in node.children],
    }


def regeling_dict(regeling: Regeling, nodes: tuple[Node, ...] | None = None) -> dict[str, object]:
    """Return a regeling (or the chosen nodes of it) as JSON-ready data."""
    return {
        "path": regeling.path,
        "title": regeling.title,
        "regulation": regeling.regulation,
        "meta": dict(regeling.meta),
        "children": [node_dict(n) for n in (regeling.children if nodes is None else nodes)],
    }
