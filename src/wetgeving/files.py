"""Reading and writing the files a lawyer gives or gets: one reader of text, one atomic writer.

Every text file wetgeving reads from a person (drafts, responses, instruction files, the
toelichting, wetgeving.toml) goes through `read_text`: size checked before reading, strict UTF-8
naming the line of the first bad byte, a byte-order mark dropped, Windows and old-Mac line ends
read as "\n", and every refusal a one-line Dutch `ParseError` naming the file. Files are written
through `replace`: readers see the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from wetgeving.errors import ParseError

MAX_TEXT = 16 * 1024 * 1024  # the default size limit of a text file

_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EEXIST: "een deel van het pad is een bestand, geen map",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EISDIR: "dit is een map",
    errno.ENAMETOOLONG: "naam te lang",
    errno.EIO: "leesfout of schrijffout van het apparaat",
}
# Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program holds the file open
# (a renvooi open in Word, a sheet open in Excel). Python reports both as EACCES.
_IN_USE = (32, 33)
IN_USE = (
    "het bestand is geopend in een ander programma, zoals Word of Excel; "
    "sluit het en probeer opnieuw"
)


def megabytes(size: int) -> int:
    """A size in whole MB, rounded up: a file just over a limit never reads as at the limit."""
    return -(-size // (1024 * 1024))


def reason(exc: OSError) -> str:
    """Why the file system refused, in Dutch (the system's own words for rare cases)."""
    if getattr(exc, "winerror", None) in _IN_USE:
        return IN_USE
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def too_big(size: int, limit: int) -> str:
    """Why a file over the limit is refused ("bestand is te groot (50 MB; maximaal 16 MB)")."""
    return f"bestand is te groot ({megabytes(size)} MB; maximaal {limit // (1024 * 1024)} MB)"


def read_bytes(path: Path, shown: str | None = None, *, limit: int, what: str = "bestand") -> bytes:
    """The bytes of a file, refused before reading when larger than `limit`.

    Args:
        path: The file.
        shown: The name to use in messages (default: the path as given).
        limit: The largest size accepted, in bytes (a whole number of MB).
        what: What the file should be, for a folder given instead ("conceptbestand").

    Raises:
        ParseError: when the file is missing, a folder, unreadable or too big.
    """
    name = str(path) if shown is None else shown
    try:
        size = path.stat().st_size
        if size > limit:
            raise ParseError(name, None, too_big(size, limit))
        # Read at most one byte past the limit: a device or pipe (`/dev/zero`) has no size.
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise ParseError(
                name, None, f"bestand is te groot (maximaal {limit // (1024 * 1024)} MB)"
            )
        return data
    except FileNotFoundError:
        raise ParseError(name, None, "bestand bestaat niet") from None
    except IsADirectoryError:
        raise ParseError(name, None, f"is een map, geen {what}") from None
    except OSError as exc:
        if path.is_dir():  # Windows refuses to open a folder with "access denied"
            raise ParseError(name, None, f"is een map, geen {what}") from None
        raise ParseError(name, None, f"kan niet worden gelezen ({reason(exc)})") from None


def decode_utf8(data: bytes, shown: str, limit: int = MAX_TEXT) -> str:
    """Decode strictly as UTF-8, dropping a byte-order mark and naming the line of a bad byte.

    Line ends are left as they are (see `read_text`).

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


def lines_lf(text: str) -> str:
    """Windows ("\\r\\n") and old Mac ("\\r") line ends as "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text(
    path: Path, shown: str | None = None, *, limit: int = MAX_TEXT, what: str = "tekstbestand"
) -> str:
    """The text of a UTF-8 file, as `read_bytes` + `decode_utf8` + `lines_lf`.

    Args:
        path: The file.
        shown: The name to use in messages (default: the path as given).
        limit: The largest size accepted, in bytes.
        what: What the file should be, for a folder given instead.

    Raises:
        ParseError: missing, a folder, unreadable, too big or not UTF-8 (naming the line).
    """
    name = str(path) if shown is None else shown
    return lines_lf(decode_utf8(read_bytes(path, name, limit=limit, what=what), name, limit))


def replace(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    Args:
        path: The file to (over)write; its folder must exist.
        data: The whole new content.
        mode: Permission bits for the new file (default: those mkstemp gives, 0o600).

    Raises:
        OSError: when the file cannot be written; nothing is left behind.
    """
    import tempfile  # only here: `files` is imported on the start-up path of every command

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            tmp.chmod(mode)
        tmp.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if getattr(exc, "winerror", None) == 5:  # ERROR_ACCESS_DENIED, Windows only
            in_use = held_open(path)
            if in_use is not None:
                raise in_use from None
        raise


def held_open(path: Path) -> OSError | None:
    """The sharing violation of a file that another program holds open, or None.

    Windows refuses to rename over a file open in another program (Word keeps a document open)
    with "access denied", as it refuses a file one may not write; opening the file for writing,
    without changing it, tells the two apart: the first gives a sharing violation.
    """
    try:
        with path.open("r+b"):
            return None
    except OSError as exc:
        return exc if getattr(exc, "winerror", None) in _IN_USE else None
