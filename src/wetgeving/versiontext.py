"""A version, git revision or `werk` -> its parsed draft texts (the sources layer, beside history).

Drafts are read by `history` and parsed through `parsecache`, once per git blob id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import gitrepo, history, parsecache
from wetgeving.errors import ParseError, VersionError
from wetgeving.text.model import Regeling
from wetgeving.text.parse import decode, parse

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier


@dataclass(frozen=True)
class VersionText:
    """The parsed draft texts of one version.

    Attributes:
        name: Version name, revision as given, or "werk".
        commit: Full commit id; None for the working tree.
        regelingen: One tree per draft file, in path order.
    """

    name: str
    commit: str | None
    regelingen: tuple[Regeling, ...]


def _where(name: str, commit: str | None) -> str:
    if commit is None:
        return "in de werkmap"
    return f"in versie {name}"


def _in_place(where: str, err: ParseError) -> ParseError:
    """The error with the version it was found in ("in versie v2: drafts/273f.md:14: ...")."""
    wrapped = ParseError(err.path, err.line, err.detail)
    wrapped.message = f"{where}: {err.message}"
    wrapped.args = (wrapped.message,)
    return wrapped


def _parse(data: bytes, path: str, blob: str, where: str, folder: Path | None) -> Regeling:
    try:
        return parsecache.parsed(data, path, blob, folder)
    except ParseError as err:
        raise _in_place(where, err) from None


def load_version(dossier: Dossier, rev: str, *, remember: bool = False) -> VersionText:
    """Parse every draft file of a version name, git revision or "werk".

    With `remember`, working-tree files go to the disk cache too: `version create` uses it for
    the text it is about to record, so the version is never parsed again (the cache is keyed by
    git blob id, which the committed blob shares).

    Raises:
        VersionError: unknown or invalid version or revision.
        ParseError: a draft does not parse; the message names version, file and line.
        GitError: git missing or refusing.
    """
    return version_texts(dossier, [history.snapshot(dossier, rev)], remember=remember)[0]


def record_version(dossier: Dossier, name: str, message: str) -> history.VersionInfo:
    """Record `drafts/` as version `name`, only when every draft parses (see `create_version`).

    A version is immutable: a text that cannot be read back is never recorded. The check runs
    under the repository lock on the very files being recorded. The trees go to the parse
    cache, so a later diff of this version does not parse it again.

    Raises:
        VersionError: invalid or existing name, or nothing to record.
        ParseError: a draft does not parse (file and line).
        GitError: git missing, locked or refusing.
    """
    history.check_name(name)

    def check(snap: history.Snapshot) -> None:
        _refuse_conflicts(snap)
        _texts(dossier, snap, remember=True)

    return history.create_version(dossier, name, message, check=check)


def _refuse_conflicts(snap: history.Snapshot) -> None:
    """A draft with an unresolved merge conflict is never recorded."""
    from wetgeving.text.merge import unresolved

    for path, data in snap.files.items():
        found = unresolved(data.decode("utf-8", "replace"))
        if found:
            line, message = found[0]
            raise VersionError(f"{path}:{line}: {message}; versie niet vastgelegd")


def load_versions(dossier: Dossier, revs: list[str]) -> list[VersionText]:
    """`load_version` for several versions, reading the repository once (see `load_version`)."""
    return version_texts(dossier, history.snapshots(dossier, revs))


def version_texts(
    dossier: Dossier, snapshots: list[history.Snapshot], *, remember: bool = False
) -> list[VersionText]:
    """Parse the drafts of snapshots already read (see `load_version`)."""
    return [_texts(dossier, s, remember) for s in snapshots]


def _folder(dossier: Dossier, snap: history.Snapshot, remember: bool) -> Path | None:
    # Only committed blobs go to the disk cache; working-tree files change too often to be worth it.
    if snap.cache is None and remember:
        return gitrepo.cache_dir(Path(dossier.root))
    return snap.cache


def _blob(snap: history.Snapshot, path: str) -> str:
    return snap.blobs.get(path) or gitrepo.blob_id(snap.files[path])


def _texts(dossier: Dossier, snap: history.Snapshot, remember: bool) -> VersionText:
    where = _where(snap.name, snap.commit)
    folder = _folder(dossier, snap, remember)
    trees = []
    for path, data in snap.files.items():
        trees.append(_parse(data, path, _blob(snap, path), where, folder))
    return VersionText(snap.name, snap.commit, tuple(trees))


def _known(dossier: Dossier, snap: history.Snapshot) -> bool:
    """Whether every draft of a snapshot is parsed already (in memory or in the disk cache)."""
    folder = _folder(dossier, snap, False)
    return all(parsecache.known(folder, _blob(snap, path)) for path in snap.files)


def compared_texts(
    dossier: Dossier, old: history.Snapshot, new: history.Snapshot
) -> tuple[VersionText, VersionText, frozenset[str]]:
    """Two versions read for a comparison, and the ids of the articles both left out.

    Parsed versions come whole from the cache. Otherwise a draft both versions hold is parsed
    without the articles it has unchanged in both that name no changed article (see
    `text.pair`): the comparison need not look at them, and they cost most of the parse. Such
    trees are partial, so they are never cached.

    Raises:
        ParseError: a draft does not parse; the message names version, file and line.
    """
    if _known(dossier, old) and _known(dossier, new):
        old_text, new_text = version_texts(dossier, [old, new])
        return old_text, new_text, frozenset()
    from wetgeving.text.pair import shared_articles

    texts: dict[int, dict[str, str]] = {id(old): {}, id(new): {}}
    for snap in (old, new):
        where = _where(snap.name, snap.commit)
        for path, data in snap.files.items():
            if path in old.files and path in new.files:
                try:
                    texts[id(snap)][path] = decode(data, path)
                except ParseError as err:
                    raise _in_place(where, err) from None
    shared: dict[str, str] = {}
    skip: dict[str, frozenset[str]] = {}
    for path, old_source in texts[id(old)].items():
        try:
            found = shared_articles(old_source, texts[id(new)][path], path, path)
        except ParseError:
            found = {}  # the front matter is wrong: reported by the parse itself, in its version
        skip[path] = frozenset(found)
        shared.update(found)
    out = []
    for snap in (old, new):
        where = _where(snap.name, snap.commit)
        folder = _folder(dossier, snap, False)
        trees = []
        for path, data in snap.files.items():
            if path not in skip:
                trees.append(_parse(data, path, _blob(snap, path), where, folder))
                continue
            try:
                trees.append(parse(texts[id(snap)][path], path, skip=skip[path]))
            except ParseError as err:
                raise _in_place(where, err) from None
        out.append(VersionText(snap.name, snap.commit, tuple(trees)))
    return out[0], out[1], frozenset(shared.values())
