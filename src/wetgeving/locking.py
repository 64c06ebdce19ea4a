"""An exclusive lock between wetgeving processes (fcntl: a crash never leaves it held)."""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Iterator
from pathlib import Path

from wetgeving import files
from wetgeving.errors import GitError


@contextlib.contextmanager
def hold(path: Path, timeout: float, busy: str, poll: float = 0.02) -> Iterator[None]:
    """Hold an exclusive lock on `path`, waiting at most `timeout` seconds.

    Raises:
        GitError: with the Dutch message `busy` when another process keeps the lock too long.
    """
    try:
        handle = open(path, "a+b")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise GitError(f"{path}: slot kan niet worden gemaakt ({files.reason(exc)})") from None
    with handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise GitError(busy) from None
                time.sleep(poll)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
