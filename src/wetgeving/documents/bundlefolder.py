"""Replacing a bundle folder (`bundle -o MAP --force`): only an earlier bundle, only its files.

A folder is an earlier bundle when its `manifest.json` parses, carries the bundle format tag
and lists every file in the folder. Replacing it removes the files the manifest lists and the
folders they leave empty, nothing else: a source tree that happens to hold a `manifest.json` is
never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from wetgeving.errors import DocumentError

MANIFEST = "manifest.json"
FORMAT = "wetgeving-bundel/1"


def listed_files(folder: Path, shown: Path) -> list[str]:
    """The files of an earlier bundle in `folder` (relative, '/'), manifest included.

    Raises:
        DocumentError: naming `shown` and why the folder is not verifiably a bundle.
    """

    def refuse(reason: str) -> DocumentError:
        detail = f" ({reason})" if reason else ""
        return DocumentError(
            f"{shown}: bestaat al en is geen bundelmap{detail}; kies een ander pad"
        )

    manifest = folder / MANIFEST
    if not folder.is_dir() or manifest.is_symlink() or not manifest.is_file():
        raise refuse("")
    try:
        data = json.loads(manifest.read_bytes().decode("utf-8"))
        names = {str(e["pad"]) for e in data["bestanden"]}
        tag = data["formaat"]
    except (OSError, ValueError, KeyError, TypeError):
        raise refuse(f"{MANIFEST} is onleesbaar") from None
    if tag != FORMAT:
        raise refuse(f"{MANIFEST} is niet van een bundel ({FORMAT})")
    names.add(MANIFEST)
    for here, dirs, files in os.walk(folder):
        base = Path(here)
        for name in sorted(dirs + files):
            path = base / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                raise refuse(f"{rel} is een symbolische koppeling")
            if name in files and rel not in names:
                raise refuse(f"{rel} staat niet in {MANIFEST}")
    return sorted(names)


def remove_listed(folder: Path, names: list[str]) -> None:
    """Remove the listed files of a bundle moved aside, the folders they leave empty, and the
    folder itself when nothing else is left in it (something written there meanwhile stays)."""
    for name in names:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    parents = {p for name in names for p in (folder / name).parents if folder in p.parents}
    for path in sorted(parents, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            path.rmdir()  # only when empty
    with contextlib.suppress(OSError):
        folder.rmdir()
