"""One piece of work in a forked child process, next to the caller's own work.

Comparing two versions of a whole code parses both; with two processors the second version is
parsed in a child while the parent parses the first. Only on Linux, where fork is cheap, and only
when no other thread runs (a forked copy of a threaded process is unsafe). Elsewhere, with one
processor, or with WETGEVING_PARALLEL=0, the work simply runs in the caller when its result is
asked for. A child that fails in any way is not trusted: the work then runs again in the caller,
so an error is raised where and as it would be without a child.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    """Whether work can go to a forked child here and now."""
    if sys.platform != "linux" or os.environ.get("WETGEVING_PARALLEL", "1") == "0":
        return False
    if threading.active_count() != 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2


class Forked(Generic[T]):
    """`work()` running in a child process; `result()` waits for it (use as a context manager)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.pid: int | None = None
        self.fd = -1
        if not available():
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or no process slot left: the work runs here instead
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # pragma: no cover - the child leaves through os._exit, unseen by coverage
            os.close(read)
            _child(work, write)
        os.close(write)
        self.pid, self.fd = pid, read

    def result(self) -> T:
        """The child's result, or the work's own result (or error) when there is no child."""
        if self.pid is None:
            return self.work()
        fd, self.fd = self.fd, -1  # closed by the reading below, whatever happens there
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if os.waitstatus_to_exitcode(status) == 0 and data:
            try:
                value: T = pickle.loads(data)
                return value
            except Exception:  # anything unreadable: do the work here instead
                pass
        return self.work()

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # The result was not asked for (the caller failed): the child's work is not needed.
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


def _child(work: Callable[[], object], fd: int) -> None:  # pragma: no cover - runs in the child
    code = 1
    try:
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        code = 0
    except BaseException:  # the parent does the work again and reports the error
        pass
    finally:
        os._exit(code)
