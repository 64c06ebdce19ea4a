"""Pausing Python's cyclic garbage collector around work that builds many long-lived objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; restore it as it was.

    Parsing a code, comparing two versions or detecting campaigns makes hundreds of thousands of
    objects that stay alive and hold no reference cycles. Every full collection would walk them
    all again, which makes the time grow faster than the text; reference counting still frees
    whatever is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
