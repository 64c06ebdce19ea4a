"""`bundle verify`: a bundle folder or zip checked against its manifest, streamed with limits.

Every member is hashed chunk by chunk against a budget for the whole unpacked bundle, so a zip
bomb or a device stops early; duplicate names, encrypted or unknown members and a damaged
manifest are refused in one Dutch line.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from wetgeving import files
from wetgeving.documents.bundlefolder import MANIFEST
from wetgeving.errors import DocumentError


@dataclass(frozen=True, slots=True)
class Verification:
    """Result of `bundle verify`."""

    version: str
    checked: int
    altered: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (self.altered or self.missing or self.extra)


MAX_MANIFEST = 16 * 1024 * 1024
MAX_BUNDLE = 1024 * 1024 * 1024
_CHUNK = 1024 * 1024


def _stream_digest(fh: IO[bytes], where: str, budget: list[int]) -> str:
    """SHA-256 of a member read chunk by chunk, charging its size against `budget`."""
    h = hashlib.sha256()
    while chunk := fh.read(_CHUNK):
        budget[0] -= len(chunk)
        if budget[0] < 0:
            raise DocumentError(
                f"{where}: de bundel is uitgepakt groter dan {MAX_BUNDLE // 1024**2} MB; "
                "dat is geen bundel van wetgeving"
            )
        h.update(chunk)
    return h.hexdigest()


def _read_all(path: Path) -> tuple[dict[str, str], bytes | None]:
    """Digests of the files of a bundle folder or zip, and the manifest's own bytes."""
    if not path.exists():
        raise DocumentError(f"{path}: bestaat niet")
    budget = [MAX_BUNDLE]
    out: dict[str, str] = {}
    manifest: bytes | None = None
    try:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file():
                    name = file.relative_to(path).as_posix()
                    with file.open("rb") as fh:
                        if name == MANIFEST:
                            manifest = fh.read(MAX_MANIFEST + 1)
                        else:
                            out[name] = _stream_digest(fh, name, budget)
            return out, manifest
        with zipfile.ZipFile(path) as archive:
            seen: set[str] = set()
            for info in archive.infolist():
                if info.filename in seen:
                    # A tampered copy can hide in front of the original: never pick one.
                    raise DocumentError(
                        f"{path}: '{info.filename}' staat twee keer in de zip; "
                        "dit is geen bundel van wetgeving"
                    )
                seen.add(info.filename)
                if info.is_dir():
                    continue
                where = f"{path}/{info.filename}"
                with archive.open(info) as fh:
                    if info.filename == MANIFEST:
                        manifest = fh.read(MAX_MANIFEST + 1)
                    else:
                        out[info.filename] = _stream_digest(fh, where, budget)
        return out, manifest
    except zipfile.BadZipFile as exc:
        raise DocumentError(f"{path}: geen bundelmap en geen geldig zip-bestand ({exc})") from None
    except RuntimeError:  # zipfile: an encrypted member
        raise DocumentError(f"{path}: de zip bevat een versleuteld bestand") from None
    except NotImplementedError as exc:  # zipfile: unknown compression method
        raise DocumentError(f"{path}: onbekende compressie in de zip ({exc})") from None
    except (EOFError, zlib.error, ValueError) as exc:
        raise DocumentError(f"{path}: beschadigde gegevens in de zip ({exc})") from None
    except OSError as exc:
        raise DocumentError(f"{path}: kan niet worden gelezen ({files.reason(exc)})") from None


def manifest_sha256(path: Path) -> str:
    """SHA-256 of the manifest of a bundle (folder or zip), the hash to publish beside it."""
    _, raw = _read_all(path)
    if raw is None:
        raise DocumentError(f"{path}: geen {MANIFEST}; dit is geen bundel van wetgeving")
    return hashlib.sha256(raw).hexdigest()


def verify(path: Path, sha256: str = "") -> Verification:
    """Check a bundle against its manifest, and the manifest against `sha256` when given.

    Raises:
        DocumentError: when the path is not a bundle, its manifest is unreadable or does not
            have the published hash.
    """
    digests, raw = _read_all(path)
    if raw is None:
        raise DocumentError(f"{path}: geen {MANIFEST}; dit is geen bundel van wetgeving")
    if len(raw) > MAX_MANIFEST:
        raise DocumentError(f"{path}/{MANIFEST}: groter dan {MAX_MANIFEST // 1024**2} MB")
    own = hashlib.sha256(raw).hexdigest()
    if sha256 and sha256.strip().lower() != own:
        raise DocumentError(
            f"{path}/{MANIFEST}: SHA-256 is {own}, niet {sha256.strip()}; het manifest is gewijzigd"
        )
    try:
        manifest = json.loads(raw.decode("utf-8"))
        entries = {str(e["pad"]): str(e["sha256"]) for e in manifest["bestanden"]}
        version = str(manifest["versie"])
    except RecursionError:
        raise DocumentError(f"{path}/{MANIFEST}: onleesbaar manifest (te diep genest)") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"{path}/{MANIFEST}: onleesbaar manifest ({exc})") from None
    altered = tuple(n for n, sha in sorted(entries.items()) if n in digests and digests[n] != sha)
    missing = tuple(n for n in sorted(entries) if n not in digests)
    extra = tuple(n for n in sorted(digests) if n not in entries)
    return Verification(version, len(entries), altered, missing, extra)
