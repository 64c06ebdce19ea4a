"""Parsed drafts by git blob id: in memory for the process, on disk in the git folder.

A blob (the same bytes) is parsed once. The disk cache lives in the repository's git folder
(`gitrepo.Repository.cache`), never committed; a file's name holds the blob id, wetgeving's
version and `CACHE_FORMAT`, so a tree parsed by another parser is never used.
"""

from __future__ import annotations

import contextlib
import dataclasses
import pickle
from pathlib import Path

from wetgeving import __version__, files
from wetgeving.text.model import Regeling
from wetgeving.text.parse import parse_bytes

# Part of every cache file's name: raise it whenever the parser or the model may read a draft
# differently. `tests/test_parse_cache.py` fails when their source changes and it is not raised.
CACHE_FORMAT = 4  # 4: fmt keeps the tree, files.read_text; 3: bijlagen, "Enig artikel"

_MEMORY: dict[str, Regeling] = {}
_MEMORY_LIMIT = 512


def disk_path(folder: Path, blob: str) -> Path:
    """The cache file of a blob in a cache folder."""
    return folder / f"{blob}-{__version__}-{CACHE_FORMAT}.pickle"


def known(folder: Path | None, blob: str) -> bool:
    """Whether a blob is parsed already (in memory, or in the disk cache `folder`)."""
    return blob in _MEMORY or (folder is not None and disk_path(folder, blob).exists())


def parsed(data: bytes, path: str, blob: str, folder: Path | None) -> Regeling:
    """The tree of a draft's bytes, parsed at most once per blob id.

    Args:
        data: The draft's bytes.
        path: Its dossier-relative path, which the tree and any error name.
        blob: Its git blob id.
        folder: The disk cache, or None to keep the tree in memory only.

    Raises:
        ParseError: the draft does not parse.
    """
    cached = _MEMORY.get(blob)
    if cached is not None and folder is not None and not disk_path(folder, blob).exists():
        _to_disk(folder, blob, cached)  # parsed earlier in this process, never stored
    if cached is None:
        cached = _from_disk(folder, blob)
    if cached is None:
        cached = parse_bytes(data, path)
        _to_disk(folder, blob, cached)
    if len(_MEMORY) >= _MEMORY_LIMIT:
        _MEMORY.clear()
    _MEMORY[blob] = cached
    if cached.path != path:
        cached = dataclasses.replace(cached, path=path)
    return cached


def _from_disk(folder: Path | None, blob: str) -> Regeling | None:
    if folder is None:
        return None
    try:
        with disk_path(folder, blob).open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return value if isinstance(value, Regeling) else None


def _to_disk(folder: Path | None, blob: str, regeling: Regeling) -> None:
    if folder is None:
        return
    # A cache is an optimisation: any failure to write it is ignored.
    with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
        folder.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(regeling, protocol=pickle.HIGHEST_PROTOCOL)
        files.replace(disk_path(folder, blob), data)
