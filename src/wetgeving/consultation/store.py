"""Responses on disk: atomic writes, a write lock, loading, and a summary index for fast lists.

Every write goes to a temporary file in `consultation_responses/` and is renamed into place; the
write and its commit happen under the consultation lock (a `filelock` in `.git`), and the commit
(`gitrepo.commit_paths`) holds the repository lock and commits only the paths written.

The summary index is a cache in `.git/wetgeving-cache/`, never committed: it is checked against the
folder (name, size, mtime of each file) and files that changed are re-read, so it cannot go stale.

A dossier with a private repository (`[team] prive`, see `private`) has two stores: each of these
functions reads both, writes a new niet-openbare response to the private one and an existing
response where its file is; each repository has its own lock, commits and index.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import files, gitrepo, locking
from wetgeving.consultation import index, private
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
    """Serialise consultation writes (write + commit) between processes: the lock of every
    store, the dossier's first (so two processes never wait for each other).

    Raises:
        GitError: when another process holds a lock longer than LOCK_TIMEOUT seconds.
        DossierError: a private repository that is named but missing or invalid.
    """
    with contextlib.ExitStack() as stack:
        for place in private.stores(dossier):
            stack.enter_context(_lock(place))
        yield


@contextlib.contextmanager
def _lock(dossier: Dossier) -> Iterator[None]:
    """The consultation lock of one store (in its repository's git folder)."""
    path = gitrepo.git_dir(Path(dossier.root)) / LOCK_NAME
    busy = f"de reacties zijn bezet: een ander wetgeving-proces houdt {path} vast"
    with locking.hold(path, LOCK_TIMEOUT, busy):
        _commit_left_over(dossier)
        yield


RECOVERED = "Consultatiereacties vastgelegd die een afgebroken opdracht niet vastlegde"


def uncommitted(dossier: Dossier) -> list[str]:
    """Response files written but not committed (paths relative to the dossier, sorted, those of
    the private repository after them): what a `respond` or `responses import` killed between
    writing and committing left behind.

    Raises:
        GitError: when git fails.
    """
    found = _uncommitted(dossier)
    for place in private.stores(dossier)[1:]:
        found += [_relative(place.root / p, dossier.root) for p in _uncommitted(place)]
    return found


def _relative(path: Path, start: Path) -> str:
    try:
        return os.path.relpath(path, start)
    except ValueError:  # another drive (Windows)
        return str(path)


def _uncommitted(dossier: Dossier) -> list[str]:
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
    pending = _uncommitted(dossier)
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
    """`save` for a caller that already holds `write_lock` (read-modify-write).

    A new response goes to `private.for_new`, a changed one back where its file is: one commit
    in each repository written; the dossier's commit id is returned when it has one.
    """
    places = private.stores(dossier)
    if new:
        for response in responses:
            for place in places:
                if path_for(place, response.id).exists():
                    raise ConsultationError(f"{response.id}.md bestaat al; probeer het opnieuw")
    groups: dict[Path, list[Response]] = {}
    for response in responses:
        place = private.for_new(dossier, response) if new else _holder(dossier, response.id)
        groups.setdefault(Path(place.root), []).append(response)
    shas = [_save_in(p, groups[p.root], message, new) for p in places if p.root in groups]
    return shas[0] if shas else ""


def _holder(dossier: Dossier, response_id: str) -> Dossier:
    return private.holding(dossier, response_id) or dossier


def _save_in(dossier: Dossier, responses: list[Response], message: str, new: bool) -> str:
    """Write and commit responses in one store (see `save`)."""
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


# --- reading (every store) -----------------------------------------------------------------------


def load(dossier: Dossier, response_id: str) -> Response:
    """Return one response by id, short reference or start of its id (see `shortref`), from
    whichever repository holds it.

    Raises:
        ConsultationError: unknown or ambiguous reference (listing the candidates).
    """
    from wetgeving.consultation import shortref

    if ID_RE.fullmatch(response_id):
        place = private.holding(dossier, response_id)
        if place is not None:
            return read(path_for(place, response_id))
    found = shortref.resolve(response_id, all_ids(dossier))
    return read(file_of(dossier, found))


def file_of(dossier: Dossier, response_id: str) -> Path:
    """The file of a stored response, in the repository that holds it."""
    return path_for(_holder(dossier, response_id), response_id)


def all_ids(dossier: Dossier) -> list[str]:
    """The ids of every stored response, in every store."""
    from wetgeving.consultation import shortref

    return [i for p in private.stores(dossier) for i in shortref.ids_in(responses_dir(p))]


def short_ref(dossier: Dossier, response_id: str) -> str:
    """The short reference of a stored response (see `shortref`), unique over both stores."""
    from wetgeving.consultation import shortref

    return shortref.short_refs(all_ids(dossier)).get(response_id, response_id)


def load_all(dossier: Dossier, private_too: bool = True) -> list[Response]:
    """Return every response, sorted by id (= order of logging); without `private_too` those of
    the dossier's own repository only (what public documents are made of).

    Raises:
        ParseError: naming the first file that is invalid.
    """
    found = [
        e for p in private.stores(dossier, private_too) for e in response_files(responses_dir(p))
    ]
    return [read(Path(e.path)) for e in sorted(found, key=_name)]


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


# --- summary index --------------------------------------------------------------------------------


def scan(
    dossier: Dossier, refresh: bool = False, needle: str = ""
) -> tuple[list[index.Entry], list[str]]:
    """`index.scan` of every store: the entries sorted by name, and all ids.

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    places = private.stores(dossier)
    if len(places) == 1:
        return index.scan(dossier, refresh, needle)
    entries: list[index.Entry] = []
    ids: list[str] = []
    for place in places:
        found, names = index.scan(place, refresh, needle)
        entries += found
        ids += names
    entries.sort(key=lambda e: e.name)
    return entries, sorted(ids)


def summaries(dossier: Dossier, refresh: bool = False) -> list[Summary]:
    """Return the summaries of all responses, sorted by id (see `index`).

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    return [e.summary() for e in scan(dossier, refresh)[0]]


def fingerprints(dossier: Dossier) -> set[str]:
    """The content fingerprints of all stored responses (for idempotent imports)."""
    return {e.fingerprint for e in scan(dossier)[0] if e.fingerprint}
