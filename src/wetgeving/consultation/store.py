"""Responses on disk: atomic writes, a write lock, loading, and a summary index for fast lists.

Every write goes to a temporary file in `consultation_responses/` and is renamed into place; the
write and its commit happen under the consultation lock (a `filelock` in `.git`), and the commit
(`gitrepo.commit_paths`) holds the repository lock and commits only the paths written.

The summary index is a cache in `.git/wetgeving-cache/`, never committed: it is checked against the
folder (name, size, mtime of each file) and files that changed are re-read, so it cannot go stale.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import files, gitrepo, locking
from wetgeving.consultation import index
from wetgeving.consultation.fileformat import read, render
from wetgeving.consultation.index import Summary
from wetgeving.consultation.model import ID_RE, Response
from wetgeving.consultation.paths import (
    is_response_name,
    path_for,
    response_files,
    responses_dir,
)
from wetgeving.errors import ConsultationError, WetgevingError

__all__ = ["path_for", "read", "responses_dir"]  # kept importable from here

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
    path = gitrepo.git_dir(Path(dossier.root)) / LOCK_NAME
    busy = f"de reacties zijn bezet: een ander wetgeving-proces houdt {path} vast"
    with locking.hold(path, LOCK_TIMEOUT, busy):
        _commit_left_over(dossier)
        yield


RECOVERED = "Consultatiereacties vastgelegd die een afgebroken opdracht niet vastlegde"


def uncommitted(dossier: Dossier) -> list[str]:
    """Response files written but not committed (relative paths, sorted): what a `respond` or
    `responses import` killed between writing and committing left behind.

    Raises:
        GitError: when git fails.
    """
    from wetgeving import history

    folder = responses_dir(dossier)
    if not folder.is_dir():
        return []
    rel = folder.relative_to(dossier.root).as_posix()
    return [p for p in history.uncommitted(dossier, rel) if is_response_name(Path(p).name)]


def _commit_left_over(dossier: Dossier) -> None:
    """Commit the response files an interrupted command wrote but did not commit (each is
    whole: files are renamed into place), before anything else is written.

    Raises:
        ConsultationError: naming a left-over file that is not a valid response (not committed).
    """
    pending = uncommitted(dossier)
    if not pending:
        return
    root = Path(dossier.root)
    for rel in pending:
        try:
            read(root / rel)
        except WetgevingError as exc:
            raise ConsultationError(
                f"{rel}: niet vastgelegd in git en geen geldige reactie ({exc.message});"
                " herstel of verwijder het bestand"
            ) from None
    commit(dossier, [root / rel for rel in pending], f"{RECOVERED} ({len(pending)})")


def commit(dossier: Dossier, paths: list[Path], message: str) -> str:
    """Commit exactly `paths` (through the git adapter, under the repository lock)."""
    return gitrepo.commit_paths(Path(dossier.root), paths, message)


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
        entries.append(index.entry_for(response, st.st_size, st.st_mtime_ns, st.st_ino))
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
    `gitrepo.blob_packer` stores the blobs in one pack meanwhile, so the commit does not create
    a loose git object per file. `message(n)` is the commit message for n responses.

    Returns:
        The commit id ("" when there was nothing to write) and the ids written, in order.

    Raises:
        ConsultationError: when a new id already exists, or whatever the generator raises;
            the files written so far are removed again.
        GitError: when the commit fails (the new files are removed again).
    """
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
            gitrepo.blob_packer(Path(dossier.root))
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
                    entries.append(index.entry_for(response, st.st_size, st.st_mtime_ns, st.st_ino))
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
