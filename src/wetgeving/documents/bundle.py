"""Consultation bundle: one folder or zip with text, renvooi, MvT, verslag, responses, manifest.

Two builds of the same input are byte-identical: files are produced in sorted order, the zip has
fixed entry times and attributes, Word files are made deterministic in `docx.py`, and the
manifest holds no timestamp.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from wetgeving import __version__, files
from wetgeving.documents import build, output, sources, templates
from wetgeving.documents.model import Consultation
from wetgeving.errors import DocumentError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

MANIFEST = "manifest.json"
FORMAT = "wetgeving-bundel/1"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
Progress = Callable[[str, int, int], None]
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True, slots=True)
class Bundle:
    """The files of a bundle, in order, and what to tell the lawyer."""

    version: str
    commit: str | None
    files: tuple[tuple[str, bytes], ...]
    warnings: tuple[str, ...]


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


def _safe_name(value: str) -> str:
    return _SAFE.sub("_", value) or "_"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _public(consultation: Consultation) -> Consultation:
    keep = tuple(r for r in consultation.responses if r.openbaar)
    ids = {r.id for r in keep}
    campaigns = tuple(c for c in consultation.campaigns if any(m in ids for m in c.members))
    return Consultation(keep, campaigns)


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

    files: dict[str, bytes] = {}
    warnings: list[str] = []
    from wetgeving import history
    from wetgeving.documents import docx
    from wetgeving.text.load import version_texts

    snap = history.snapshot(dossier, version)
    text = version_texts(dossier, [snap])[0]  # the same read of git for the text and its files
    step("tekst")
    for path, data in snap.files.items():
        files[_draft_name(path, files)] = data
    files["tekst/tekst.html"] = build.text_html(dossier, text)
    files["tekst/tekst.docx"] = docx.draft(dossier.title, text)
    step("renvooi")
    renvooi: list[tuple[str, str]] = []
    previous = sources.previous_version(dossier, version)
    against = [previous] if previous else []
    geldend = sources.has_version(dossier, build.GELDEND)
    if geldend and version != build.GELDEND and build.GELDEND not in against:
        against.append(build.GELDEND)
    views = {}
    for old in against:
        view = views[old] = build.comparison(dossier, old, text)
        base = f"renvooi/{_safe_name(old)}-{_safe_name(text.name)}"
        files[f"{base}.html"] = build.renvooi_html(dossier, view)
        files[f"{base}.docx"] = docx.renvooi(dossier.title, view)
        renvooi.append((base, f"{old} → {text.name}"))
    if not against:
        warnings.append(
            f"geen eerdere versie dan {version}: de bundel bevat geen renvooi en de memorie van "
            "toelichting noemt geen wijzigingen"
        )
    step("reacties")
    everything = sources.consultation(dossier)
    shown = _public(everything) if openbaar else everything
    step("memorie van toelichting")
    # The first version has nothing to compare with (never with itself), and no amending bill.
    mvt_against = build.GELDEND if build.GELDEND in against else previous
    bill_files: list[str] = []
    amendment = None
    if mvt_against is not None:
        amendment, problem = build.amending(dossier, mvt_against, text)
        if amendment is None:
            warnings.append(problem)
        else:
            from wetgeving.amend.render import render_text

            files["wijzigingswet.txt"] = render_text(amendment.bill).encode("utf-8")
            files["wijzigingswet.html"] = build.amending_bill(dossier, amendment, "html")
            files["wijzigingswet.docx"] = build.amending_bill(dossier, amendment, "docx")
            bill_files = ["wijzigingswet.html", "wijzigingswet.docx", "wijzigingswet.txt"]
    mvt_doc = build.mvt_document(
        dossier, text, mvt_against, everything, views.get(mvt_against or ""), amendment
    )
    quoted = build.personal_data_in_quotes(mvt_doc) if openbaar else []
    for fmt, ext in (("markdown", "md"), ("html", "html"), ("docx", "docx")):
        files[f"mvt.{ext}"] = build.render_mvt(dossier, mvt_doc, fmt).data  # type: ignore[arg-type]
    warnings.extend(mvt_doc.warnings)
    step("consultatieverslag")
    verslag_doc = build.verslag_document(dossier, text, openbaar, everything)
    for fmt, ext in (("markdown", "md"), ("html", "html")):
        files[f"verslag.{ext}"] = build.render_verslag(dossier, verslag_doc, fmt).data  # type: ignore[arg-type]
    step("reacties per artikel")
    if quoted:
        from wetgeving.documents.verslag import personal_data_refused

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
            from wetgeving.documents.verslag import personal_data_refused

            raise personal_data_refused("openbare bundel", flags)
    pages = _response_pages(dossier, shown, sources.article_numbers(text), openbaar)
    files.update((name, data) for name, _, data in pages)
    step("index")
    settings = {"openbaar": openbaar, "renvooi_tegen": against, "mvt_tegen": mvt_against}
    files["index.html"] = templates.render(
        "index.html.j2",
        {
            "title": dossier.title,
            "version": text.name,
            "commit": text.commit,
            "openbaar": openbaar,
            "renvooi": renvooi,
            "wijzigingswet": bill_files,
            "wijzigingswet_tegen": mvt_against,
            "drafts": sorted(n for n in files if n.startswith("tekst/") and n.endswith(".md")),
            "pages": [name for name, _, _ in pages],
            "labels": {name: label for name, label, _ in pages},
            "count": len(shown.responses),
        },
        dossier.templates,
    ).encode("utf-8")
    step("manifest")
    for name in files:
        output.safe_member(name)
    ordered = tuple(sorted(files.items()))
    manifest = {
        "formaat": FORMAT,
        "versie": text.name,
        "commit": text.commit,
        "instellingen": {**settings, "wetgeving": __version__},
        "bestanden": [
            {"pad": name, "sha256": _digest(data), "grootte": len(data)} for name, data in ordered
        ],
    }
    data = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return Bundle(text.name, text.commit, (*ordered, (MANIFEST, data)), tuple(warnings))


def _response_pages(
    dossier: Dossier, consultation: Consultation, order: list[str], openbaar: bool
) -> list[tuple[str, str, bytes]]:
    """The reacties pages: (path, label for the index, bytes), in the order the index lists them.

    Per respondent (everything each said, per question), per question (tally and open answers),
    per article, general points and points not linked; each grouped by respondent, a campaign
    once with its size.
    """
    from wetgeving.documents.groupings import (
        question_sections,
        respondent_label,
        respondent_sections,
    )
    from wetgeving.documents.model import GENERAL, UNLINKED, PointView
    from wetgeving.text.labels import body_heading, body_order

    def page(name: str, label: str, template: str, context: Mapping[str, object]) -> None:
        data = templates.render(
            template, {"title": dossier.title, "openbaar": openbaar, **context}, dossier.templates
        ).encode("utf-8")
        pages.append((f"reacties/{name}.html", label, data))

    def rows(only: Callable[[PointView], bool]) -> list[dict[str, object]]:
        # The context of reacties.html.j2 before it grouped by respondent: a dossier's own
        # copy of that template keeps working.
        return [
            {"id": r.id, "who": respondent_label(r, openbaar), "date": r.date, "kind": r.kind,
             "channel": r.channel, "point": p, "campaign": r.campaign}
            for r in consultation.responses
            for p in r.points
            if only(p)
        ]  # fmt: skip

    pages: list[tuple[str, str, bytes]] = []
    if not consultation.responses:
        return pages
    everyone = respondent_sections(consultation, openbaar)
    context = {"heading": "per indiener", "sections": everyone, "rows": rows(lambda p: True)}
    page("indieners", "per indiener", "reacties.html.j2", context)
    questions = question_sections(consultation, openbaar)
    if questions:
        page(
            "vragen",
            "per vraag",
            "vragen.html.j2",
            {"heading": "per vraag", "questions": questions},
        )
    groups = {p.group for r in consultation.responses for p in r.points}
    articles = body_order((g for g in groups if g not in (GENERAL, UNLINKED)), order)
    for group in [*articles, *(g for g in (GENERAL, UNLINKED) if g in groups)]:

        def only(p: PointView, group: str = group) -> bool:
            return p.group == group and (group != GENERAL or not p.question)

        sections = respondent_sections(consultation, openbaar, only)
        if not sections:
            continue  # general points that all answer a question: on the page per question
        if group == UNLINKED:
            name, heading = "niet-gekoppeld", "niet gekoppelde punten"
        elif group == GENERAL:
            name, heading = "algemeen", "algemene punten"
        else:
            name, heading = _safe_name(group or "enig-artikel"), body_heading(group)
        context = {"heading": heading, "sections": sections, "rows": rows(only)}
        page(name, heading, "reacties.html.j2", context)
    return pages


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
    if target.exists() and not (target.is_dir() and (target / MANIFEST).is_file()):
        raise DocumentError(f"{path}: bestaat al en is geen bundelmap; kies een ander pad")
    try:
        _write_folder(bundle, target)
    except OSError as exc:
        raise output.cannot_write(path, exc) from None
    return target


def _write_folder(bundle: Bundle, target: Path) -> None:
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
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.oud.", dir=target.parent))
            os.replace(target, old / "bundel")
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


# Far above any real bundle (a few MB); a hostile zip can claim or inflate to gigabytes.
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
    return _digest(raw)


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
    own = _digest(raw)
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
