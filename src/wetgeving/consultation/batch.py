"""Many new responses at once (`responses import`): written as they come, committed once.

Each file is renamed into place whole; a large batch streams its blobs into one pack through
`gitrepo.blob_packer`. With a private repository (see `private`) its niet-openbare responses are
a batch of their own there, with their own lock, pack and commit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import gitrepo
from wetgeving.consultation import index, private
from wetgeving.consultation.fileformat import render
from wetgeving.consultation.paths import responses_dir
from wetgeving.consultation.store import commit, write_lock
from wetgeving.errors import ConsultationError

if TYPE_CHECKING:
    from wetgeving.consultation.model import Response
    from wetgeving.dossier import Dossier


def save_many(
    dossier: Dossier,
    responses: Iterable[Response],
    message: Callable[[int], str],
    progress: Callable[[int, int], None] | None = None,
    expected: int = 0,
) -> tuple[str, list[str]]:
    """Write many new responses as they come and commit the folder once (used by import).

    `responses` may be a generator: each response is written when it is made and then let go,
    so an import of 100,000 rows never holds them all. Each file is written so that a reader
    never sees half of it; for a large batch (`expected`, the number of responses at most),
    `gitrepo.blob_packer` stores the blobs in one pack meanwhile, so the commit does not create
    a loose git object per file. `message(n)` is the commit message for n responses. With a
    private repository its niet-openbare responses go there, in a commit of their own.

    Returns:
        The commit id ("" when there was nothing to write; the dossier's when both
        repositories got one) and the ids written, in order.

    Raises:
        ConsultationError: when a new id already exists, or whatever the generator raises;
            the files written so far are removed again.
        GitError: when the commit fails (the new files are removed again).
    """
    ids: list[str] = []
    total = expected
    count = 0
    with write_lock(dossier), contextlib.ExitStack() as packers:
        batches = {p.root: _Batch(p) for p in private.stores(dossier)}
        only = next(iter(batches.values())) if len(batches) == 1 else None
        try:
            for response in responses:
                batch = only or batches[private.for_new(dossier, response).root]
                if batch.keep is None:
                    batch.keep = packers.enter_context(
                        gitrepo.blob_packer(Path(batch.place.root))
                        if expected >= PACK_MIN
                        else contextlib.nullcontext(_ignore)
                    )
                batch.write(response)
                ids.append(response.id)
                count += 1
                if progress is not None and count % 500 == 0:
                    progress(count, max(total, count))
            packers.close()  # every pack finished before anything is committed
            if not count:
                return "", []
            if progress is not None:
                total = max(total, count)
                progress(total, total)
            shas = [b.commit(message) for b in batches.values() if b.written]
        except BaseException:
            for batch in batches.values():
                batch.undo()
            raise
    return shas[0], ids


class _Batch:
    """The new files of `save_many` in one store, its index entries and blob packer."""

    def __init__(self, place: Dossier) -> None:
        self.place = place
        self.folder = responses_dir(place)
        self.folder.mkdir(exist_ok=True)
        self.base = os.fspath(self.folder) + os.sep
        self.tmp = _temporary_folder(place, self.folder)
        # Without a folder of its own, each file is written beside its final name first.
        self.tmp_base = os.fspath(self.tmp) + os.sep if self.tmp else self.base + ".tmp-"
        self.was_current = index.is_current(place)
        with os.scandir(self.base) as listing:
            self.existing = {e.name for e in listing}
        self.written: list[str] = []
        self.entries: list[index.Entry] = []
        self.keep: Callable[[bytes], None] | None = None
        self.committed = False

    def write(self, response: Response) -> None:
        name = response.id + ".md"
        if name in self.existing:
            raise ConsultationError(f"{name} bestaat al; probeer het opnieuw")
        blob = render(response).encode("utf-8")
        st = _write_new(self.tmp_base, self.base, name, blob)
        self.written.append(self.base + name)
        assert self.keep is not None
        self.keep(blob)
        self.entries.append(index.entry_for(response, st.st_size, st.st_mtime_ns, st.st_ino))

    def commit(self, message: Callable[[int], str]) -> str:
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
        sha = commit(self.place, [self.folder], message(len(self.written)))
        self.committed = True
        index.add(self.place, self.entries, self.was_current)
        return sha

    def undo(self) -> None:
        """Remove the files of a batch that was not committed."""
        if self.committed:
            return
        for path in self.written:
            with contextlib.suppress(OSError):
                os.unlink(path)
        with contextlib.suppress(OSError):
            for tmp_path in self.folder.glob(".tmp-*.md"):
                tmp_path.unlink()
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


PACK_MIN = 1000  # below this, `git add` writing loose objects is fast enough
TMP_NAME = "wetgeving-tmp"  # in the git folder: never in the work tree, never committed


def _temporary_folder(place: Dossier, folder: Path) -> Path | None:
    """Where a batch writes its files before renaming them into `folder`.

    A folder of its own in the git folder: creating and renaming a file within a folder of
    100,000 responses costs the file system about twice as much as creating it in a small folder
    and renaming it across (bench/bench_consultation.py). What an interrupted batch left there is
    removed first (it was never renamed into place, so it is no response). None where the git
    folder is on another file system, where a rename across would not be atomic.
    """
    tmp = gitrepo.git_dir(Path(place.root)) / TMP_NAME
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir()
        if tmp.stat().st_dev == folder.stat().st_dev:
            return tmp
    except OSError:
        return None
    shutil.rmtree(tmp, ignore_errors=True)
    return None


def _write_new(tmp_base: str, base: str, name: str, blob: bytes) -> os.stat_result:
    """Write a new file so that it appears whole or not at all (temporary name, then rename).

    `tmp_base` is the start of the temporary path (a folder with a trailing separator, or a
    prefix in `base`), `base` the responses folder with a trailing separator. Returns the
    `fstat` of what was written, so the index stamp (size, mtime, inode) stays valid: a rename
    changes none of them.

    Writing unnamed O_TMPFILE files and linking them was measured no faster, so this portable
    way is the only one.
    """
    tmp = tmp_base + name
    # O_BINARY (Windows only): without it the C runtime writes every "\n" as "\r\n", and the
    # file would no longer be the blob packed for git.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        st = _write_all(fd, blob)
    finally:
        os.close(fd)
    os.replace(tmp, base + name)
    return st


def _write_all(fd: int, blob: bytes) -> os.stat_result:
    data = memoryview(blob)
    while data:
        data = data[os.write(fd, data) :]
    return os.fstat(fd)


def _ignore(data: bytes) -> None:
    """A blob packer that does nothing (small batches)."""
