"""From a dossier to document bytes: the functions the CLI and the bundle call."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from wetgeving.documents import sources, templates
from wetgeving.documents import toelichting as toelichting_mod
from wetgeving.documents.model import ComparisonView, Consultation

if TYPE_CHECKING:
    from wetgeving.amend.build import Amendment
    from wetgeving.documents.mvt import Mvt
    from wetgeving.documents.verslag import Verslag
    from wetgeving.dossier import Dossier
    from wetgeving.versiontext import VersionText

Format = Literal["markdown", "html", "docx"]
GELDEND = "geldend"


@dataclass(frozen=True, slots=True)
class Output:
    """A produced document and the warnings to show the lawyer."""

    data: bytes
    warnings: tuple[str, ...] = ()


def comparison(dossier: Dossier, old: str, new: VersionText) -> ComparisonView:
    """Compare version `old` with the already loaded `new`."""
    return sources.compare(sources.load_text(dossier, old), new)


def mvt_document(
    dossier: Dossier,
    version: VersionText,
    against: str | None,
    consultation: Consultation | None = None,
    view: ComparisonView | None = None,
    amendment: Amendment | None = None,
) -> Mvt:
    """Assemble the MvT of a loaded version against version `against`.

    `view` is the comparison of `against` with `version`, `amendment` the amending bill from
    `against` to `version`, when the caller has made them already. With `against` None (the
    first version: nothing to compare with) every article of the version gets a section, no
    sentence says what changed and there is no amending bill.
    """
    from wetgeving.documents import mvt

    if consultation is None:
        consultation = sources.consultation(dossier, private=False)  # a public document
    problem = ""
    if against is None:
        view = ComparisonView("", None, version.name, version.commit, ())
    elif amendment is None:
        amendment, problem = amending(dossier, against, version)
    doc = mvt.build(
        title=dossier.title,
        comparison=view if view is not None else comparison(dossier, against or "", version),
        articles_in_version=sources.body_keys(version),
        consultation=consultation,
        toelichting=toelichting_mod.load(dossier.root, dossier.toelichting),
        instructions=instructions_per_article(amendment) if amendment is not None else None,
    )
    if problem:
        doc = dataclasses.replace(doc, warnings=(*doc.warnings, problem))
    flags = personal_data_in_quotes(doc)
    if flags:
        shown = "; ".join(flags[:5]) + (f"; en nog {len(flags) - 5}" if len(flags) > 5 else "")
        warning = f"de memorie van toelichting citeert persoonsgegevens; lak ze weg: {shown}"
        doc = dataclasses.replace(doc, warnings=(*doc.warnings, warning))
    return doc


def personal_data_in_quotes(doc: Mvt) -> list[str]:
    """What the MvT quotes from responses (campaign cores, excerpts) that looks personal."""
    quotes = [c.text for c in doc.consultation.campaigns]
    quotes += [e for a in doc.consultation.articles for g in a.groups for e in g.excerpts]
    return [f"“{q[:40]}”: {flag}" for q in quotes for flag in sources.personal_data_flags(q)]


def render_mvt(dossier: Dossier, doc: Mvt, fmt: Format) -> Output:
    """Render an assembled MvT in a format."""
    name = "mvt.html.j2" if fmt == "html" else "mvt.md.j2"
    text = templates.render(name, {"mvt": doc}, dossier.templates)
    if fmt == "docx":
        # The same Markdown as mvt.md, so the Word MvT holds all the HTML one does.
        from wetgeving.documents import docx

        header = f"{doc.title} – memorie van toelichting, versie {doc.version}"
        data = docx.from_markdown(
            f"Memorie van toelichting ({doc.version})", text, reference(dossier), header
        )
        return Output(data, doc.warnings)
    if fmt != "html":
        from wetgeving.markdown import safe_source

        text = safe_source(text)
    return Output(text.encode("utf-8"), doc.warnings)


def reference(dossier: Dossier) -> Path:
    """The reference document of the dossier's Word files: its huisstijl.docx or the default."""
    from wetgeving.documents.docx.reference import path

    return path(dossier.templates)


def revision_stamp(dossier: Dossier, name: str, commit: str | None) -> tuple[str, str]:
    """Author and date (UTC, as Word writes them) of a recorded version, for the revisions of
    a Word renvooi; a revision that is no recorded version gets "wetgeving" and the epoch."""
    import datetime as dt

    from wetgeving.history import list_versions

    for info in list_versions(dossier):
        if info.commit == commit or (commit is None and info.name == name):
            when = dt.datetime.fromisoformat(info.date).astimezone(dt.UTC)
            return info.author, when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return "wetgeving", "2000-01-01T00:00:00Z"


def renvooi_word(dossier: Dossier, old: str, new: str) -> tuple[bytes, bool]:
    """`wetgeving diff OLD NEW --format docx`: the Word renvooi, and whether nothing changed."""
    view = comparison(dossier, old, sources.load_text(dossier, new))
    return renvooi_docx(dossier, view), not view.articles


def renvooi_docx(dossier: Dossier, view: ComparisonView) -> bytes:
    """The Word renvooi of a comparison: tracked changes by the newer version's author."""
    from wetgeving.documents import docx

    author, date = revision_stamp(dossier, view.new_name, view.new_commit)
    return docx.renvooi(dossier.title, view, reference(dossier), author, date)


def mvt(dossier: Dossier, version: str, against: str, fmt: Format) -> Output:
    """The memorie van toelichting of `version` against `against`."""
    loaded = sources.load_text(dossier, version)
    return render_mvt(dossier, mvt_document(dossier, loaded, against), fmt)


def verslag_document(
    dossier: Dossier, version: VersionText, openbaar: bool, consultation: Consultation | None = None
) -> Verslag:
    """Assemble the consultatieverslag (refuses with --openbaar while personal data is flagged);
    the public edition reads no private repository."""
    from wetgeving.documents import verslag

    if consultation is None:
        consultation = sources.consultation(dossier, private=not openbaar)
    return verslag.build(
        title=dossier.title,
        version=version.name,
        consultation=consultation,
        order=sources.article_numbers(version),
        openbaar=openbaar,
        flagger=sources.personal_data_flags if openbaar else None,
    )


def render_verslag(dossier: Dossier, doc: Verslag, fmt: Format) -> Output:
    """Render an assembled verslag as Markdown, HTML or Word (from the Markdown)."""
    name = "verslag.html.j2" if fmt == "html" else "verslag.md.j2"
    text = templates.render(name, {"verslag": doc}, dossier.templates)
    if fmt != "html":
        from wetgeving.markdown import safe_source

        text = safe_source(text)
    warnings = () if doc.summary.total else ("geen consultatiereacties in dit dossier",)
    if fmt == "docx":
        from wetgeving.documents import docx

        header = f"{dossier.title} – consultatieverslag, versie {doc.version}"
        data = docx.from_markdown("Consultatieverslag", text, reference(dossier), header)
        return Output(data, warnings)
    return Output(text.encode("utf-8"), warnings)


def verslag(dossier: Dossier, version: str, openbaar: bool, fmt: Format) -> Output:
    """The consultatieverslag of `version`."""
    loaded = sources.load_text(dossier, version)
    return render_verslag(dossier, verslag_document(dossier, loaded, openbaar), fmt)


def renvooi_html(dossier: Dossier, view: ComparisonView) -> bytes:
    """The renvooi page of a comparison: the dossier's page around the renvooi that
    `wetgeving diff --format html` shows (`compare.html`, the one renderer of both)."""
    from wetgeving.compare import html

    context = {
        "comparison": view,
        "title": dossier.title,
        "renvooi_css": templates.trusted(html.CSS.strip()),
        "legend": templates.trusted(html.legend()),
        "renvooi": templates.trusted(html.body(view.articles, view.warnings)),
    }
    return templates.render("renvooi.html.j2", context, dossier.templates).encode("utf-8")


def text_html(dossier: Dossier, version: VersionText) -> bytes:
    """The draft text of a version as one HTML page."""
    context = {"title": dossier.title, "version": version}
    return templates.render("tekst.html.j2", context, dossier.templates).encode("utf-8")


def amending_bill(dossier: Dossier, amendment: Amendment, fmt: Literal["html", "docx"]) -> bytes:
    """The amending bill as an HTML page or a Word file."""
    from wetgeving.amend.render import paragraphs

    paras = paragraphs(amendment.bill)
    (old, old_commit), (new, new_commit) = amendment.old, amendment.new
    if fmt == "docx":
        from wetgeving.documents import docx

        subtitle = f"Wijzigingsopdrachten van versie {old} naar versie {new}"
        return docx.amending_bill(dossier.title, subtitle, paras, reference(dossier))
    context = {
        "title": dossier.title,
        "old": old,
        "new": new,
        "old_commit": old_commit,
        "new_commit": new_commit,
        "paragraphs": paras,
    }
    return templates.render("wijzigingswet.html.j2", context, dossier.templates).encode("utf-8")


def amending(dossier: Dossier, against: str, version: VersionText) -> tuple[Amendment | None, str]:
    """The checked amending bill from `against` to a loaded version, or why there is none."""
    from wetgeving.amend.build import Amendment, make_bill, verify
    from wetgeving.compare.engine import compare_versions
    from wetgeving.errors import AmendError

    old = sources.load_text(dossier, against)
    try:
        made = make_bill(
            compare_versions(old, version), old, version, regulation=dossier.regulation
        )
        verify(made, old, version, regulation=dossier.regulation)
    except AmendError as err:
        return None, f"geen wijzigingsopdrachten van {against} naar {version.name}: {err.message}"
    return Amendment(made, (old.name, old.commit), (version.name, version.commit)), ""


def instructions_per_article(amendment: Amendment) -> dict[str, tuple[Any, ...]]:
    """The paragraphs of the onderdelen of the bill, per article or bijlage they change (body
    key); an onderdeel about a division is shown with none."""
    from wetgeving.amend.render import Para, onderdeel_paragraphs

    out: dict[str, tuple[Any, ...]] = {}
    for article in amendment.bill.articles:
        for part in article.onderdelen:
            body_key = part.article or _body_changed(part.item)
            if body_key is None:
                continue
            shown = onderdeel_paragraphs(amendment.bill, part.letter, article.number)
            # A single change has no letter (Ar 6.15): the MvT cites it as "Artikel I".
            place = f", onderdeel {part.letter}" if part.letter else ""
            head = Para("onderdeel", 0, f"Artikel {article.number}{place}")
            body = tuple(p for p in shown if p.kind != "onderdeel")
            out[body_key] = (*out.get(body_key, ()), head, *body)
    return out


def _body_changed(item: Any) -> str | None:
    """The article or bijlage (body key) an onderdeel changes, read from the node ids of its
    instructions: "" for the enig artikel, "bijlage I"; None for one about a division."""
    from wetgeving.amend.model import walk
    from wetgeving.text.labels import body_of

    for instruction in (item, *walk(item)):
        node_id = instruction.new_id or instruction.old_id
        if node_id and node_id.split("/", 1)[0].split(".", 1)[0] in ("art", "bijlage"):
            return body_of(node_id)
    return None
