"""Reading an input file (draft or BWB XML): size limit first, then strict UTF-8.

Every refusal is a ParseError naming the file, and for bytes that are not UTF-8 the line of the
first bad one; a file as a whole (missing, too big) gets no line.
"""

from __future__ import annotations

from pathlib import Path

from wetgeving import files
from wetgeving.errors import ParseError


def read_bytes(path: Path, shown: str, limit: int, what: str) -> bytes:
    """The bytes of a file, refused before reading when larger than `limit`.

    Args:
        path: The file.
        shown: The name to use in messages.
        limit: The largest size accepted, in bytes (a whole number of MB).
        what: What the file should be, for a folder given instead ("conceptbestand").

    Raises:
        ParseError: when the file is missing, a folder, unreadable or too big.
    """
    try:
        size = path.stat().st_size
        if size > limit:
            raise ParseError(shown, None, too_big(size, limit))
        return path.read_bytes()
    except FileNotFoundError:
        raise ParseError(shown, None, "bestand bestaat niet") from None
    except IsADirectoryError:
        raise ParseError(shown, None, f"is een map, geen {what}") from None
    except OSError as exc:
        raise ParseError(shown, None, f"kan niet worden gelezen ({files.reason(exc)})") from None


def too_big(size: int, limit: int) -> str:
    """Why a file over the limit is refused ("bestand is te groot (50 MB; maximaal 16 MB)")."""
    return f"bestand is te groot ({files.megabytes(size)} MB; maximaal {limit // (1024 * 1024)} MB)"


def decode_utf8(data: bytes, shown: str, limit: int) -> str:
    """Decode strictly as UTF-8 without a byte-order mark, naming the line of the first bad byte.

    Raises:
        ParseError: when the data is larger than `limit` or not UTF-8.
    """
    if len(data) > limit:
        raise ParseError(shown, None, too_big(len(data), limit))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(shown, line, "bestand is geen UTF-8-tekst") from None
    return text[1:] if text.startswith("\ufeff") else text
