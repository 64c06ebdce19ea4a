"""The exclusive lock between wetgeving processes (`wetgeving.locking`)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from wetgeving import locking
from wetgeving.errors import GitError

HOLDER = """
import sys, time
from pathlib import Path
from wetgeving import locking
with locking.hold(Path(sys.argv[1]), 5.0, "bezet"):
    print("vast", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "vast"
    return proc


def test_lock_held_by_another_process_gives_the_busy_message(tmp_path: Path) -> None:
    """While another process holds the lock, a second one waits and then fails with `busy`."""
    path = tmp_path / "wetgeving.lock"
    proc = _holder(path, 30)
    try:
        start = time.monotonic()
        with pytest.raises(GitError) as info, locking.hold(path, 0.3, "het dossier is bezet"):
            pass
        assert info.value.message == "het dossier is bezet"
        assert time.monotonic() - start >= 0.3
    finally:
        proc.kill()
        proc.wait()


def test_lock_of_a_killed_process_is_free_again(tmp_path: Path) -> None:
    """A process that dies holding the lock never leaves it held (an operating-system lock)."""
    path = tmp_path / "wetgeving.lock"
    proc = _holder(path, 30)
    proc.kill()
    proc.wait()
    with locking.hold(path, 2.0, "bezet"):
        pass


def test_lock_is_released_after_the_block(tmp_path: Path) -> None:
    """The lock can be taken again, in the same process, once the block has ended."""
    path = tmp_path / "wetgeving.lock"
    with locking.hold(path, 1.0, "bezet"):
        pass
    with locking.hold(path, 0.1, "bezet"):
        pass


def test_lock_under_a_file_names_the_lock_file(tmp_path: Path) -> None:
    """A lock file that cannot be made (its folder is a file) gives one Dutch line naming it."""
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    path = tmp_path / "bestand" / "wetgeving.lock"
    with pytest.raises(GitError) as info, locking.hold(path, 0.1, "bezet"):
        pass
    assert info.value.message.startswith(f"{path}: slot kan niet worden gemaakt (")
