"""An exclusive lock between wetgeving processes: the only module that imports filelock (lazily).

filelock uses the operating system's own lock (flock on POSIX, msvcrt on Windows), so a process
that crashes never leaves the lock held.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from wetgeving import files
from wetgeving.errors import GitError


@contextlib.contextmanager
def hold(path: Path, timeout: float, busy: str, poll: float = 0.02) -> Iterator[None]:
    """Hold an exclusive lock on `path`, waiting at most `timeout` seconds.

    Raises:
        GitError: with the Dutch message `busy` when another process keeps the lock too long, or
            when the lock file cannot be made.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=timeout, poll_interval=poll, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise GitError(busy) from None
    except OSError as exc:
        raise GitError(f"{path}: slot kan niet worden gemaakt ({files.reason(exc)})") from None
    try:
        yield
    finally:
        lock.release()
