"""Consultation bundle: one folder or zip with text, renvooi, MvT, verslag, responses, manifest.

Two builds of the same input are byte-identical: files are produced in sorted order, the zip has
fixed entry times and attributes, Word files are made deterministic in `docx.py`, and the
manifest holds no timestamp.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wetgeving import __version__
from wetgeving.documents import build, bundlefolder, output, sources, templates
from wetgeving.documents.bundlepages import response_pages, safe_name
from wetgeving.documents.bundleverify import Verification as Verification
from wetgeving.documents.bundleverify import manifest_sha256 as manifest_sha256
from wetgeving.documents.bundleverify import verify as verify
from wetgeving.documents.model import Consultation
from wetgeving.errors import DocumentError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier
    from wetgeving.versiontext import VersionText

MANIFEST = bundlefolder.MANIFEST
FORMAT = bundlefolder.FORMAT
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Bundle:
    """The files of a bundle, in order, and what to tell the lawyer."""

    version: str
    commit: str | None
    files: tuple[tuple[str, bytes], ...]
    warnings: tuple[str, ...]


_UNSAFE_PART = re.compile(r"[^\w.-]")


def _draft_name(path: str, taken: Mapping[str, object]) -> str:
    """tekst/<path under drafts/>, keeping folders and letters (ä.md stays ä.md); never a clash.

    Only characters that are unsafe in a file name become "_"; a name that is still taken (two
    drafts that differ only in such characters) gets "-2", "-3" before ".md".
    """
    parts = Path(path).parts
    if parts and parts[0] == "drafts":
        parts = parts[1:]
    safe = [_UNSAFE_PART.sub("_", p).lstrip(".") or "_" for p in parts]
    name = "tekst/" + "/".join(safe)
    stem, dot, ext = name.rpartition(".")
    n = 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.{ext}" if dot else f"{name}-{n}"
    return name


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _public(consultation: Consultation) -> Consultation:
    keep = tuple(r for r in consultation.responses if r.openbaar)
    ids = {r.id for r in keep}
    campaigns = tuple(c for c in consultation.campaigns if any(m in ids for m in c.members))
    return Consultation(keep, campaigns)


@dataclass
class _Parts:
    """What the steps of `make` have built so far: files by bundle path, warnings."""

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Renvooi:
    """The versions the text is compared with, and the renvooi pages made for them."""

    previous: str | None
    against: list[str]
    views: dict[str, Any]
    pages: list[tuple[str, str]]  # (path without extension, label for the index)


def make(
    dossier: Dossier,
    version: str,
    openbaar: bool = True,
    progress: Progress | None = None,
) -> Bundle:
    """Build all files of the bundle of `version` in memory.

    Raises:
        DocumentError: when a document cannot be produced (template error, personal data in a
            public bundle).
    """
    steps = 8
    done = 0

    def step(what: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(what, done, steps)

    parts = _Parts()
    step("tekst")
    text = _text(parts, dossier, version)
    step("renvooi")
    renvooi = _renvooi(parts, dossier, version, text)
    step("reacties")
    # A public bundle reads no private repository; the MvT is public in either edition.
    everything = sources.consultation(dossier, private=not openbaar)
    shown = _public(everything) if openbaar else everything
    public = everything if openbaar or not dossier.prive else sources.consultation(dossier, False)
    step("memorie van toelichting")
    # The first version has nothing to compare with (never with itself), and no amending bill.
    previous, against = renvooi.previous, renvooi.against
    mvt_against = build.GELDEND if build.GELDEND in against else previous
    amendment, bill_files = _amending_bill(parts, dossier, mvt_against, text)
    mvt_doc = build.mvt_document(
        dossier, text, mvt_against, public, renvooi.views.get(mvt_against or ""), amendment
    )
    quoted = build.personal_data_in_quotes(mvt_doc) if openbaar else []
    for fmt, ext in (("markdown", "md"), ("html", "html"), ("docx", "docx")):
        parts.files[f"mvt.{ext}"] = build.render_mvt(dossier, mvt_doc, fmt).data  # type: ignore[arg-type]
    parts.warnings.extend(mvt_doc.warnings)
    step("consultatieverslag")
    verslag_doc = build.verslag_document(dossier, text, openbaar, everything)
    for fmt, ext in (("markdown", "md"), ("html", "html"), ("docx", "docx")):
        parts.files[f"verslag.{ext}"] = build.render_verslag(dossier, verslag_doc, fmt).data  # type: ignore[arg-type]
    step("reacties per artikel")
    _refuse_personal_data(shown, quoted, openbaar)
    pages = response_pages(dossier, shown, sources.article_numbers(text), openbaar)
    parts.files.update((name, data) for name, _, data in pages)
    step("index")
    settings = {"openbaar": openbaar, "renvooi_tegen": against, "mvt_tegen": mvt_against}
    parts.files["index.html"] = _index(
        dossier, text, openbaar, renvooi, bill_files, mvt_against, parts.files, pages, shown
    )
    step("manifest")
    ordered = tuple(sorted(parts.files.items()))
    manifest = _manifest(text, settings, ordered)
    return Bundle(text.name, text.commit, (*ordered, (MANIFEST, manifest)), tuple(parts.warnings))


def _text(parts: _Parts, dossier: Dossier, version: str) -> VersionText:
    """Step 1: the drafts of the version as written, and as HTML and Word."""
    from wetgeving import history
    from wetgeving.documents import docx
    from wetgeving.versiontext import version_texts

    snap = history.snapshot(dossier, version)
    text = version_texts(dossier, [snap])[0]  # the same read of git for the text and its files
    for path, data in snap.files.items():
        parts.files[_draft_name(path, parts.files)] = data
    parts.files["tekst/tekst.html"] = build.text_html(dossier, text)
    parts.files["tekst/tekst.docx"] = docx.draft(dossier.title, text, build.reference(dossier))
    return text


def _renvooi(parts: _Parts, dossier: Dossier, version: str, text: VersionText) -> _Renvooi:
    """Step 2: the renvooi against the previous version and against geldend, HTML and Word."""

    pages: list[tuple[str, str]] = []
    previous = sources.previous_version(dossier, version)
    against = [previous] if previous else []
    geldend = sources.has_version(dossier, build.GELDEND)
    if geldend and version != build.GELDEND and build.GELDEND not in against:
        against.append(build.GELDEND)
    views = {}
    for old in against:
        view = views[old] = build.comparison(dossier, old, text)
        base = f"renvooi/{safe_name(old)}-{safe_name(text.name)}"
        parts.files[f"{base}.html"] = build.renvooi_html(dossier, view)
        parts.files[f"{base}.docx"] = build.renvooi_docx(dossier, view)
        pages.append((base, f"{old} → {text.name}"))
    if not against:
        parts.warnings.append(
            f"geen eerdere versie dan {version}: de bundel bevat geen renvooi en de memorie van "
            "toelichting noemt geen wijzigingen"
        )
    return _Renvooi(previous, against, views, pages)


def _amending_bill(
    parts: _Parts, dossier: Dossier, against: str | None, text: VersionText
) -> tuple[Any, list[str]]:
    """Step 4a: the amending bill from `against` to the text (none for the first version)."""
    if against is None:
        return None, []
    amendment, problem = build.amending(dossier, against, text)
    if amendment is None:
        parts.warnings.append(problem)
        return None, []
    from wetgeving.amend.render import render_text

    parts.files["wijzigingswet.txt"] = render_text(amendment.bill).encode("utf-8")
    parts.files["wijzigingswet.html"] = build.amending_bill(dossier, amendment, "html")
    parts.files["wijzigingswet.docx"] = build.amending_bill(dossier, amendment, "docx")
    return amendment, ["wijzigingswet.html", "wijzigingswet.docx", "wijzigingswet.txt"]


def _refuse_personal_data(shown: Consultation, quoted: list[str], openbaar: bool) -> None:
    """Step 6a: a public bundle is refused while it would publish personal data.

    Raises:
        DocumentError: listing what the MvT quotes, else every flagged point of a response.
    """
    from wetgeving.documents.verslag import personal_data_refused

    if quoted:
        raise personal_data_refused("openbare bundel (memorie van toelichting)", quoted)
    if openbaar:
        # The verslag checked what it quotes; reacties/ publishes every shown response whole,
        # campaign members included.
        flags = [
            f"reactie {response.id}, punt {n}: {flag}"
            for response in shown.responses
            for n, point in enumerate(response.points, start=1)
            for text in (point.text, point.reason)
            for flag in sources.personal_data_flags(text)
        ]
        if flags:
            raise personal_data_refused("openbare bundel", flags)


def _index(
    dossier: Dossier,
    text: VersionText,
    openbaar: bool,
    renvooi: _Renvooi,
    bill_files: list[str],
    bill_against: str | None,
    made: Mapping[str, bytes],
    pages: list[tuple[str, str, bytes]],
    shown: Consultation,
) -> bytes:
    """Step 7: index.html, linking every part made so far."""
    return templates.render(
        "index.html.j2",
        {
            "title": dossier.title,
            "version": text.name,
            "commit": text.commit,
            "openbaar": openbaar,
            "renvooi": renvooi.pages,
            "wijzigingswet": bill_files,
            "wijzigingswet_tegen": bill_against,
            "drafts": sorted(n for n in made if n.startswith("tekst/") and n.endswith(".md")),
            "pages": [name for name, _, _ in pages],
            "labels": {name: label for name, label, _ in pages},
            "count": len(shown.responses),
        },
        dossier.templates,
    ).encode("utf-8")


def _manifest(
    text: VersionText, settings: dict[str, Any], ordered: tuple[tuple[str, bytes], ...]
) -> bytes:
    """Step 8: manifest.json, the digest and size of every file (checked names, no time)."""
    for name, _ in ordered:
        output.safe_member(name)
    manifest = {
        "formaat": FORMAT,
        "versie": text.name,
        "commit": text.commit,
        "instellingen": {**settings, "wetgeving": __version__},
        "bestanden": [
            {"pad": name, "sha256": _digest(data), "grootte": len(data)} for name, data in ordered
        ],
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _zip_bytes(files: tuple[tuple[str, bytes], ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return buffer.getvalue()


BUNDLE_TRAILER = "Wetgeving-Bundel"


def record(dossier: Dossier, made: Bundle, sha256: str) -> str | None:
    """Record the manifest's SHA-256 of a bundle just written in the dossier's git history: a
    commit that changes no file, with the trailer `Wetgeving-Bundel: VERSIE SHA256`, so the
    published hash can be checked against the dossier later. None when nothing is committed yet.

    Raises:
        GitError: when git refuses.
    """
    from wetgeving import gitrepo

    message = (
        f"Bundel {made.version}: SHA-256 van manifest.json {sha256}\n\n"
        f"{BUNDLE_TRAILER}: {made.version} {sha256}\n"
    )
    return gitrepo.note_commit(Path(dossier.root), message)


def check_target(path: Path, root: Path, force: bool) -> Path:
    """Check an output path before the bundle is made (as `write` does again).

    Raises:
        DocumentError: for a refused path, an existing target without `force`, or an existing
            folder that is not verifiably an earlier bundle.
    """
    target = output.check_target(path, root, force)
    if target.suffix.lower() != ".zip" and target.exists():
        bundlefolder.listed_files(target, path)
    return target


def write(bundle: Bundle, path: Path, root: Path, force: bool) -> Path:
    """Write the bundle as a zip (path ends in .zip) or a folder, all or nothing.

    Raises:
        DocumentError: for a refused path, an existing target without `force`, or an existing
            folder that is not a bundle.
    """
    target = output.check_target(path, root, force)
    if target.suffix.lower() == ".zip":
        if target.is_dir():
            raise DocumentError(f"{path}: is een map, geen zipbestand")
        output.write_atomic(target, _zip_bytes(bundle.files))
        return target
    listed = bundlefolder.listed_files(target, path) if target.exists() else []
    try:
        _write_folder(bundle, target, listed)
    except OSError as exc:
        raise output.cannot_write(path, exc) from None
    return target


def _write_folder(bundle: Bundle, target: Path, listed: list[str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, data in bundle.files:
            dest = staging / output.safe_member(name)
            if staging.resolve() not in dest.resolve().parents:
                raise DocumentError(f"'{name}': pad zou buiten de bundelmap schrijven; geweigerd")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        if target.exists():
            # `listed` holds every file of the earlier bundle: only they are removed.
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.oud.", dir=target.parent))
            target.replace(old / "bundel")
            staging.replace(target)
            bundlefolder.remove_listed(old / "bundel", listed)
            with contextlib.suppress(OSError):
                old.rmdir()
        else:
            staging.replace(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


# Far above any real bundle (a few MB); a hostile zip can claim or inflate to gigabytes.
