"""The summary index of `consultation_responses/`: answers `responses list` on 100k responses fast.

A cache in `.git/wetgeving-cache/responses.idx`, never committed, one file written atomically:

    WGIDX <format> <folder mtime ns or -> <scan time ns> <filter section length>\\n
    filter section: one line per response file, tab separated:
        name, size, mtime_ns, inode, seen (ns: when that stamp was taken), version,
        fingerprint, points ("node|status" joined by ";"), offset and length of its detail line
    detail section: one JSON line per response (names, snippets, dispositions)

Filtering uses only the short filter lines; JSON is parsed only for the responses shown.

Validity: on every read each file's stamp (size, modification time in ns, inode) is compared with
its line; a changed file is re-read, a new one read, a removed one dropped. So a file an editor
overwrites in place (same name, maybe the same size) is noticed by its modification time, one
saved through a new file also by its inode. A file modified less than `_RACY_NS` before its stamp
was taken could be modified again within the file system's timestamp granularity (2 s on FAT, 1 s
on some network shares) without its stamp changing, so such a file is read again (as git does for
its "racily clean" entries) until a stamp taken later shows its time is old enough. The inode is 0
where the system gives none (Windows' directory listing); the change time is not used: a rename
changes it, and the import stamps a file before renaming it into place.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import confine, files
from wetgeving.consultation.fileformat import read
from wetgeving.consultation.model import ID_RE
from wetgeving.consultation.paths import responses_dir
from wetgeving.consultation.summary import NAME as NAME
from wetgeving.consultation.summary import UNLINKED as UNLINKED
from wetgeving.consultation.summary import Entry as Entry
from wetgeving.consultation.summary import PointSummary as PointSummary
from wetgeving.consultation.summary import Summary as Summary
from wetgeving.consultation.summary import entry_for as entry_for

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

FORMAT = "5"  # 5: the inode in each filter line; the respondent named as everywhere
# How long after its modification a file's stamp is trusted. A file system that keeps whole
# seconds (FAT: 2 s, some network shares: 1 s) gets the coarse margin; one with finer times
# (ext4, NTFS, APFS: the kernel's clock tick, at most 10 ms) the fine one.
_RACY_NS = 2_000_000_000
_RACY_FINE_NS = 100_000_000


def _path(dossier: Dossier) -> Path | None:
    from wetgeving import gitrepo

    cache = gitrepo.cache_dir(Path(dossier.root))
    return None if cache is None else cache / NAME


@dataclass
class _Raw:
    """The index file as read: filter lines are split into Entries only when needed."""

    folder_mtime: int | None
    scanned: int
    lines: list[str]
    data: bytes
    base: int

    def entries(self, needle: str = "") -> list[Entry]:
        return [self.entry(line) for line in self.lines if line and needle in line]

    def entry(self, line: str) -> Entry:
        name, size, mtime, ino, seen, version, fp, pts, off, ln = line.split("\t")
        return Entry(
            name, int(size), int(mtime), version, fp, pts,
            (self.data, self.base + int(off), int(ln)), int(ino), int(seen),
        )  # fmt: skip

    def stamps(self) -> dict[str, tuple[int, int, int, int, str]]:
        """Name -> (size, mtime, inode, seen, filter line), without building Entries.

        Raises:
            ValueError: for a damaged line.
        """
        out = {}
        for line in self.lines:
            if line:
                name, size, mtime, ino, seen, _, _, _, off, ln = line.split("\t")
                int(off), int(ln)  # a damaged line is found here, not when it is shown
                out[name] = (int(size), int(mtime), int(ino), int(seen), line)
        return out


_NO_INDEX = _Raw(None, 0, [], b"", 0)


def _parse(data: bytes) -> _Raw | None:
    head_end = data.find(b"\n")
    head = data[:head_end].decode("ascii", "replace").split(" ")
    if len(head) != 5 or head[0] != "WGIDX" or head[1] != FORMAT:
        return None
    try:
        folder_mtime = None if head[2] == "-" else int(head[2])
        scanned = int(head[3])
        length = int(head[4])
        start = head_end + 1
        lines = data[start : start + length].decode("utf-8").split("\n")
    except (ValueError, UnicodeDecodeError):
        return None
    if any(line.count("\t") != 9 for line in lines if line):
        return None
    return _Raw(folder_mtime, scanned, lines, data, start + length)


def _read(path: Path | None) -> _Raw:
    if path is None:
        return _NO_INDEX
    try:
        data = path.read_bytes()
    except OSError:
        return _NO_INDEX
    return _parse(data) or _NO_INDEX


def _write(path: Path | None, folder_mtime: int | None, scanned: int, entries: list[Entry]) -> None:
    if path is None:
        return
    filters: list[str] = []
    details: list[bytes] = []
    offset = 0
    for e in entries:
        blob = e.detail.encode("utf-8")
        filters.append(
            f"{e.name}\t{e.size}\t{e.mtime}\t{e.ino}\t{e.seen}\t{e.version}\t{e.fingerprint}\t"
            f"{e.pts}\t{offset}\t{len(blob)}\n"
        )
        details.append(blob + b"\n")
        offset += len(blob) + 1
    filter_bytes = "".join(filters).encode("utf-8")
    mark = "-" if folder_mtime is None else str(folder_mtime)
    head = f"WGIDX {FORMAT} {mark} {scanned} {len(filter_bytes)}\n".encode("ascii")
    with contextlib.suppress(OSError):  # the index is only a cache
        path.parent.mkdir(exist_ok=True)
        files.replace(path, b"".join([head, filter_bytes, *details]))


def load(dossier: Dossier, refresh: bool = False, needle: str = "") -> list[Entry]:
    """Return the index entries of all responses, sorted by file name (= id = time).

    Every file's stamp is checked (see the module docstring); `refresh` reads every file again.

    With `needle`, only entries whose filter line contains it are returned (a cheap pre-filter:
    callers still check each entry).

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    return scan(dossier, refresh, needle)[0]


def scan(
    dossier: Dossier, refresh: bool = False, needle: str = ""
) -> tuple[list[Entry], list[str]]:
    """`load`, and the ids of all responses (also those `needle` leaves out, for short refs).

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    folder = responses_dir(dossier)
    path = _path(dossier)
    raw = _read(path)
    try:
        now_mtime = folder.stat().st_mtime_ns
    except OSError:
        return [], []
    try:
        stamps = {} if refresh else raw.stamps()
    except ValueError:
        stamps = {}  # a damaged index is only a cache: built again from the files
    scan_time = time.time_ns()  # before any stat below: the `seen` of every stamp taken here
    kept: dict[str, str] = {}  # name -> filter line, for files whose stamp still holds
    reread: dict[str, Entry] = {}
    confine.check(dossier.root, folder, folder.name)
    with os.scandir(folder) as listing:
        for found in listing:
            name = found.name
            known = stamps.get(name)
            if known is None and not (name.endswith(".md") and ID_RE.fullmatch(name[:-3])):
                continue
            confine.entry_inside(dossier.root, found, f"{folder.name}/{name}")
            if not found.is_file():
                continue
            st = found.stat()
            if known is not None and _unchanged(known, st):
                kept[name] = known[4]
                continue
            # `st` is from before the read: a file changed during it gets a stamp that no
            # longer matches, and is read again next time.
            response = read(Path(found.path))
            reread[name] = entry_for(response, st.st_size, st.st_mtime_ns, st.st_ino, scan_time)
    names = sorted([*kept, *reread])
    # Written again also when a racy file was read unchanged, so that it settles.
    if reread or len(kept) != len(stamps) or raw.folder_mtime != now_mtime:
        fresh = [reread[n] if n in reread else raw.entry(kept[n]) for n in names]
        _write(path, now_mtime, scan_time, fresh)
    ids = [n[:-3] for n in names]
    shown = [
        reread[n] if n in reread else raw.entry(kept[n])
        for n in names
        if not needle
        or (needle in kept[n] if n in kept else needle in n or needle in reread[n].pts)
    ]
    return shown, ids


def _unchanged(known: tuple[int, int, int, int, str], st: os.stat_result) -> bool:
    """Whether a file's stamp (size, mtime, inode, seen) proves it unchanged since it was taken."""
    size, mtime, ino, seen, _ = known
    if size != st.st_size or mtime != st.st_mtime_ns:
        return False
    if ino and st.st_ino and ino != st.st_ino:
        return False  # saved through a new file with the same size and time
    # Racily clean: modified so shortly before the stamp was taken that a later change within
    # the timestamp granularity would leave the same stamp.
    coarse = mtime % 1_000_000_000 == 0
    return mtime < seen - (_RACY_NS if coarse else _RACY_FINE_NS)


def is_current(dossier: Dossier) -> bool:
    """True when the index was written for the folder as it is now (checked before a write)."""
    path = _path(dossier)
    if path is None:
        return False
    if not path.exists():
        # No index yet: it is current only for a folder without responses.
        folder = responses_dir(dossier)
        if not folder.is_dir():
            return True
        with os.scandir(folder) as listing:
            return not any(e.name.endswith(".md") and ID_RE.fullmatch(e.name[:-3]) for e in listing)
    try:
        with path.open("rb") as handle:
            head = handle.readline().decode("ascii", "replace").split(" ")
        folder_mtime = responses_dir(dossier).stat().st_mtime_ns
    except OSError:
        return False
    return (
        len(head) == 5 and head[0] == "WGIDX" and head[1] == FORMAT and head[2] == str(folder_mtime)
    )


def add(dossier: Dossier, entries: list[Entry], was_current: bool) -> None:
    """Put just-written responses into the index without re-reading their files.

    Called under the consultation write lock after writing; `was_current` is `is_current` from
    before the write (the folder time recorded then). The stamps of the new files count as seen
    now: files wetgeving has just written under its lock are not also edited by hand in the
    same moment, and so an import of many files is not read again as racily clean.
    """
    path = _path(dossier)
    if path is None:
        return
    now = time.time_ns()
    cached = {e.name: e for e in _read(path).entries()}
    for e in entries:
        e.seen = now
        cached[e.name] = e
    mark: int | None = None
    if was_current:
        with contextlib.suppress(OSError):
            mark = responses_dir(dossier).stat().st_mtime_ns
    _write(path, mark, now, [cached[name] for name in sorted(cached)])
