"""Writing a file so that readers see the old one or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

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


def megabytes(size: int) -> int:
    """A size in whole MB, rounded up: a file just over a limit never reads as at the limit."""
    return -(-size // (1024 * 1024))


def reason(exc: OSError) -> str:
    """Why the file system refused, in Dutch (the system's own words for rare cases)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


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
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
