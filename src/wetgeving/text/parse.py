"""Parse the draft format (Markdown, see docs/draft-format.md) into the text model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wetgeving import files, frontmatter
from wetgeving.errors import ParseError
from wetgeving.frontmatter import FrontValue
from wetgeving.markdown import blocks
from wetgeving.text.model import Node, Regeling
from wetgeving.text.pasted import structural_spaces
from wetgeving.text.segments import stream
from wetgeving.text.structure import Parser, finish

MAX_BYTES = 16 * 1024 * 1024


def decode(data: bytes, path: str) -> str:
    """Decode a draft file strictly as UTF-8, naming the line of the first bad byte."""
    return files.lines_lf(files.decode_utf8(data, path, MAX_BYTES))


def read_draft(path: Path, shown: str) -> str:
    """Read a draft file as text (see `decode`).

    Raises:
        ParseError: when the file is missing, too big or not UTF-8.
    """
    return files.read_text(path, shown, limit=MAX_BYTES, what="conceptbestand")


def parse_lenient(text: str, path: str = "<tekst>") -> tuple[Regeling, list[ParseError]]:
    """Parse a draft, collecting every structural problem instead of stopping at the first."""
    return _parse(text, path, lenient=True)


def parse_checked(text: str, path: str = "<tekst>") -> tuple[Regeling, list[ParseError]]:
    """As `parse_lenient`, and also the lines that parse but are probably not meant so (a
    number without its period at the start of a line, "2°" without "- "), for `check`."""
    return _parse(text, path, lenient=True, suspects=True)


def parse(text: str, path: str = "<tekst>", skip: frozenset[str] = frozenset()) -> Regeling:
    """Parse a draft text, leaving out the article segments in `skip` (see `text.pair`).

    Raises:
        ParseError: on the first structural problem, with file and line.
    """
    regeling, _ = _parse(text, path, lenient=False, skip=skip)
    return regeling


def split_body(text: str, path: str) -> tuple[dict[str, FrontValue], str, int]:
    """Front matter, body (as the parser reads it) and the lines before the body."""
    meta, body, offset = frontmatter.split(text, path)
    return meta, structural_spaces(body), offset


def parse_bytes(data: bytes, path: str) -> Regeling:
    """Decode and parse the bytes of a draft file (as read from disk or a git blob)."""
    return parse(decode(data, path), path)


def _parse(
    text: str,
    path: str,
    lenient: bool,
    suspects: bool = False,
    skip: frozenset[str] = frozenset(),
) -> tuple[Regeling, list[ParseError]]:
    meta, body, offset = split_body(text, path)
    parser = Parser(path, offset, lenient, suspects)
    fields: dict[str, str] = {}
    for key, value in meta.items():
        if not isinstance(value, str):
            parser.problem(2, f"front matter '{key}' moet een tekst zijn, geen lijst of tabel")
            continue
        fields[str(key)] = value
    if "titel" not in fields:
        parser.problem(1, "front matter met 'titel:' ontbreekt (zie docs/draft-format.md)")
    # Strict parses share article segments (two versions of a code share most articles); the
    # lenient parse of `check` reads the whole body, as it must report every problem in place.
    items = parser.run(blocks(body) if lenient else stream(parser, body, skip))
    title = fields.pop("titel", "")
    regulation = fields.pop("regeling", "")
    children = finish(items, "", "")
    style = fields.get(LID_STYLE, LID_STYLES[0])
    if style not in LID_STYLES:
        where = next((i + 1 for i, t in enumerate(text.split("\n")) if t.startswith(LID_STYLE)), 1)
        choices = " of ".join(f"'{s}'" for s in LID_STYLES)
        parser.problem(where, f"front matter '{LID_STYLE}' moet {choices} zijn, niet '{style}'")
    elif style != LID_STYLES[0]:
        children = tuple(_lid_markers(node) for node in children)
    regeling = Regeling(
        title=title,
        regulation=regulation,
        children=children,
        meta=tuple(fields.items()),
        path=path,
    )
    return regeling, parser.problems + (parser.suspects or [])


# Leden are written "1." in a draft; a regulation published with leden "(1)", "(2)" says so in its
# front matter, and its leden then carry that marker (`show` prints it as published).
LID_STYLE = "lidnummering"
LID_STYLES = ("1.", "(1)")


def _lid_markers(node: Node) -> Node:
    """The node with its leden (below an article or bijlage) marked "(1)", "(2)"."""
    if node.kind == "lid":
        return replace(node, marker=f"({node.number})")
    if node.kind in ("lid", "onderdeel", "slotzin") or not node.children:
        return node
    return replace(node, children=tuple(_lid_markers(c) for c in node.children))
