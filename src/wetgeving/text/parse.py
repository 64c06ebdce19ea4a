"""Parse the draft format (Markdown, see docs/draft-format.md) into the text model."""

from __future__ import annotations

from wetgeving import files, frontmatter
from wetgeving.errors import ParseError
from wetgeving.markdown import blocks
from wetgeving.text.model import Regeling
from wetgeving.text.pasted import structural_spaces
from wetgeving.text.segments import stream
from wetgeving.text.structure import Parser, finish

MAX_BYTES = 16 * 1024 * 1024


def decode(data: bytes, path: str) -> str:
    """Decode a draft file strictly as UTF-8, naming the line of the first bad byte."""
    if len(data) > MAX_BYTES:
        raise ParseError(
            path, None, f"bestand is te groot ({files.megabytes(len(data))} MB; maximaal 16 MB)"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(path, line, "bestand is geen UTF-8-tekst") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_lenient(text: str, path: str = "<tekst>") -> tuple[Regeling, list[ParseError]]:
    """Parse a draft, collecting every structural problem instead of stopping at the first."""
    return _parse(text, path, lenient=True)


def parse_checked(text: str, path: str = "<tekst>") -> tuple[Regeling, list[ParseError]]:
    """As `parse_lenient`, and also the lines that parse but are probably not meant so (a
    number without its period at the start of a line, "2°" without "- "), for `check`."""
    return _parse(text, path, lenient=True, suspects=True)


def parse(text: str, path: str = "<tekst>") -> Regeling:
    """Parse a draft text.

    Raises:
        ParseError: on the first structural problem, with file and line.
    """
    regeling, _ = _parse(text, path, lenient=False)
    return regeling


def parse_bytes(data: bytes, path: str) -> Regeling:
    """Decode and parse the bytes of a draft file (as read from disk or a git blob)."""
    return parse(decode(data, path), path)


def _parse(
    text: str, path: str, lenient: bool, suspects: bool = False
) -> tuple[Regeling, list[ParseError]]:
    meta, body, offset = frontmatter.split(text, path)
    body = structural_spaces(body)
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
    items = parser.run(blocks(body) if lenient else stream(parser, body))
    title = fields.pop("titel", "")
    regulation = fields.pop("regeling", "")
    regeling = Regeling(
        title=title,
        regulation=regulation,
        children=finish(items, "", ""),
        meta=tuple(fields.items()),
        path=path,
    )
    return regeling, parser.problems + (parser.suspects or [])
