"""Responses on disk: atomic writes, a write lock, loading, and a summary index for fast lists.

Every write goes to a temporary file in `consultation_responses/` and is renamed into place; the
write and its commit happen under the consultation lock (a `filelock` in `.git`), and the commit
(`history.commit_paths`) holds the repository lock and commits only the paths written.

The summary index is a cache in `.git/wetgeving-cache/`, never committed: it is checked against the
folder (name, size, mtime of each file) and files that changed are re-read, so it cannot go stale.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import files, locking
from wetgeving.consultation import index
from wetgeving.consultation.fileformat import read, render
from wetgeving.consultation.index import Summary
from wetgeving.consultation.model import ID_RE, Response
from wetgeving.consultation.paths import git_dir, path_for, response_files, responses_dir
from wetgeving.errors import ConsultationError, GitError

__all__ = ["git_dir", "path_for", "read", "responses_dir"]  # kept importable from here

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

LOCK_NAME = "wetgeving-consultation.lock"
LOCK_TIMEOUT = 120.0


@contextlib.contextmanager
def write_lock(dossier: Dossier) -> Iterator[None]:
    """Serialise consultation writes (write + commit) between processes.

    Raises:
        GitError: when another process holds the lock longer than LOCK_TIMEOUT seconds.
    """
    gdir = git_dir(Path(dossier.root))
    if gdir is None:
        raise GitError(
            f"{dossier.root}: het dossier staat niet in een git-repository; "
            "maak er een met 'git init' of begin met 'wetgeving init PAD'"
        )
    path = gdir / LOCK_NAME
    busy = f"de reacties zijn bezet: een ander wetgeving-proces houdt {path} vast"
    with locking.hold(path, LOCK_TIMEOUT, busy):
        yield


def commit(dossier: Dossier, paths: list[Path], message: str) -> str:
    """Commit exactly `paths` (through the history layer, under the repository lock)."""
    from wetgeving import history

    return history.commit_paths(dossier, paths, message)


def save(dossier: Dossier, responses: list[Response], message: str, new: bool) -> str:
    """Write responses atomically and commit only their files; return the commit id.

    With `new`, an existing file with the same id is an error (ids never collide in practice, but
    an overwrite would lose a response). On any failure, the files are restored (or removed when
    new) so nothing is half-stored.

    Raises:
        ConsultationError: when a new response's id already exists.
        GitError: when the commit fails.
    """
    with write_lock(dossier):
        return save_locked(dossier, responses, message, new)


def save_locked(dossier: Dossier, responses: list[Response], message: str, new: bool) -> str:
    """`save` for a caller that already holds `write_lock` (read-modify-write)."""
    folder = responses_dir(dossier)
    folder.mkdir(exist_ok=True)
    paths = [path_for(dossier, r.id) for r in responses]
    if new:
        for path in paths:
            if path.exists():
                raise ConsultationError(f"{path.name} bestaat al; probeer het opnieuw")
    done: list[Path] = []
    old: dict[Path, bytes] = {}
    was_current = index.is_current(dossier)
    try:
        for response, path in zip(responses, paths, strict=True):
            if not new:
                old[path] = path.read_bytes()  # as it was, line ends and all
            files.replace(path, render(response).encode("utf-8"), 0o644)
            done.append(path)
        sha = commit(dossier, paths if len(paths) <= 200 else [folder], message)
    except BaseException:
        for path in done:
            with contextlib.suppress(OSError):
                if new:
                    path.unlink()
                else:
                    files.replace(path, old[path], 0o644)
        raise
    entries = []
    for response, path in zip(responses, paths, strict=True):
        st = path.stat()
        entries.append(index.entry_for(response, st.st_size, st.st_mtime_ns))
    index.add(dossier, entries, was_current)
    return sha


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
    `history.blob_packer` stores the blobs in one pack meanwhile, so the commit does not create
    a loose git object per file. `message(n)` is the commit message for n responses.

    Returns:
        The commit id ("" when there was nothing to write) and the ids written, in order.

    Raises:
        ConsultationError: when a new id already exists, or whatever the generator raises;
            the files written so far are removed again.
        GitError: when the commit fails (the new files are removed again).
    """
    from wetgeving import history

    folder = responses_dir(dossier)
    folder.mkdir(exist_ok=True)
    base = os.fspath(folder) + os.sep
    entries: list[index.Entry] = []
    ids: list[str] = []
    total = expected
    with write_lock(dossier):
        was_current = index.is_current(dossier)
        with os.scandir(base) as listing:
            existing = {e.name for e in listing}
        written: list[str] = []
        packer = (
            history.blob_packer(dossier)
            if expected >= PACK_MIN
            else contextlib.nullcontext(_ignore)
        )
        try:
            with packer as keep:
                for response in responses:
                    name = response.id + ".md"
                    if name in existing:
                        raise ConsultationError(f"{name} bestaat al; probeer het opnieuw")
                    blob = render(response).encode("utf-8")
                    st = _write_new(base, name, blob)
                    written.append(base + name)
                    ids.append(response.id)
                    keep(blob)
                    entries.append(index.entry_for(response, st.st_size, st.st_mtime_ns))
                    if progress is not None and len(written) % 500 == 0:
                        progress(len(written), max(total, len(written)))
            if not written:
                return "", []
            if progress is not None:
                total = max(total, len(written))
                progress(total, total)
            sha = commit(dossier, [folder], message(len(written)))
        except BaseException:
            for path in written:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            with contextlib.suppress(OSError):
                for tmp_path in folder.glob(".tmp-*.md"):
                    tmp_path.unlink()
            raise
        index.add(dossier, entries, was_current)
    return sha, ids


PACK_MIN = 1000  # below this, `git add` writing loose objects is fast enough


def _write_new(base: str, name: str, blob: bytes) -> os.stat_result:
    """Write a new file so that it appears whole or not at all (temporary name, then rename).

    `base` is the folder with a trailing separator. Returns the `fstat` of what was written, so
    the index stamp (size, mtime) stays valid.

    Writing unnamed O_TMPFILE files and linking them was measured no faster, so this portable
    way is the only one.
    """
    tmp = base + ".tmp-" + name
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
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


# --- reading --------------------------------------------------------------------------------------


def load(dossier: Dossier, response_id: str) -> Response:
    """Return one response by id, short reference or start of its id (see `shortref`).

    Raises:
        ConsultationError: unknown or ambiguous reference (listing the candidates).
    """
    if ID_RE.fullmatch(response_id):
        path = path_for(dossier, response_id)
        if path.is_file():
            return read(path)
    from wetgeving.consultation import shortref

    found = shortref.resolve(response_id, shortref.ids_in(responses_dir(dossier)))
    return read(path_for(dossier, found))


def short_ref(dossier: Dossier, response_id: str) -> str:
    """The short reference of a stored response (see `shortref`)."""
    from wetgeving.consultation import shortref

    return shortref.short_refs(shortref.ids_in(responses_dir(dossier))).get(
        response_id, response_id
    )


def load_all(dossier: Dossier) -> list[Response]:
    """Return every response, sorted by id (= order of logging).

    Raises:
        ParseError: naming the first file that is invalid.
    """
    return [read(Path(e.path)) for e in sorted(response_files(responses_dir(dossier)), key=_name)]


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


# --- summary index --------------------------------------------------------------------------------


def summaries(dossier: Dossier, refresh: bool = False) -> list[Summary]:
    """Return the summaries of all responses, sorted by id (see `index`).

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    return [e.summary() for e in index.load(dossier, refresh)]


def fingerprints(dossier: Dossier) -> set[str]:
    """The content fingerprints of all stored responses (for idempotent imports)."""
    return {e.fingerprint for e in index.load(dossier) if e.fingerprint}
