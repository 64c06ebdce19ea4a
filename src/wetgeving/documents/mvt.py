"""The memorie van toelichting skeleton, with the lawyer's own text merged in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wetgeving.compare.items import anchor
from wetgeving.documents.consultation_summary import Summary, summarise
from wetgeving.documents.model import ArticleChanges, CampaignView, ComparisonView, Consultation
from wetgeving.documents.templates import getal
from wetgeving.documents.toelichting import CHAPTERS, Toelichting, file_name
from wetgeving.text.labels import body_heading, body_label, body_order


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter of the Algemeen deel."""

    key: str
    number: str
    title: str
    prompts: tuple[str, ...]
    text: str
    source: str
    path: str


@dataclass(frozen=True, slots=True)
class ArticleSection:
    """One article in the Artikelsgewijs deel."""

    article: str
    heading: str
    status: str
    changes: ArticleChanges | None
    text: str
    source: str
    path: str
    instruction: tuple[Any, ...] = ()  # paragraphs (wetgeving.amend.render.Para) of its onderdeel
    anchor: str = ""  # its id in an HTML page ("artikel-273f")


@dataclass(frozen=True, slots=True)
class Orphan:
    """A toelichting whose provision no longer exists: shown and reported, never dropped."""

    path: str
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mvt:
    """The whole memorie van toelichting."""

    title: str
    version: str
    commit: str | None
    against: str
    against_commit: str | None
    chapters: tuple[Chapter, ...]
    consultation: Summary
    articles: tuple[ArticleSection, ...]
    orphans: tuple[Orphan, ...]
    warnings: tuple[str, ...]

    # The sentences below are said alike in Markdown, HTML and Word: each is made here once.

    @property
    def meta(self) -> str:
        """ "Versie v2 (3f2a9c1e0b12), vergeleken met geldend (...). Gegenereerd skelet: ..."."""
        version = f"Versie {self.version}{_commit(self.commit)}"
        if self.against:
            against = f"vergeleken met {self.against}{_commit(self.against_commit)}"
        else:
            against = "de eerste versie (er is geen eerdere versie om mee te vergelijken)"
        return (
            f"{version}, {against}. Gegenereerd skelet: de eigen tekst staat in toelichting/ en "
            "wordt bij elke generatie opnieuw ingevoegd."
        )

    @property
    def received(self) -> str:
        """ "Er zijn 6 reacties ontvangen, waarvan 3 als onderdeel van 1 campagne; ..."."""
        s = self.consultation
        if not s.total:
            none = "Er zijn (nog) geen consultatiereacties vastgelegd in dit dossier"
            return f"{none}{s.left_out_note}."
        count = "is 1 reactie" if s.total == 1 else f"zijn {getal(s.total)} reacties"
        sentence = f"Er {count} ontvangen{s.left_out_note}"
        if s.campaigns:
            members = getal(sum(c.size for c in s.campaigns))
            n = len(s.campaigns)
            sentence += (
                f", waarvan {members} als onderdeel van {n} "
                f"{'campagne' if n == 1 else 'campagnes'}; elke campagne is als één reactie "
                f"behandeld, zodat {getal(s.unique)} reacties afzonderlijk zijn gewogen"
            )
        return sentence + "."

    @property
    def advice(self) -> str:
        """Who gave advice: "Advies is uitgebracht door: ...", or that none is recorded."""
        bodies = self.consultation.advisory_bodies
        if bodies:
            return f"Advies is uitgebracht door: {', '.join(bodies)}."
        return "Er zijn geen adviezen van adviesorganen vastgelegd."

    def campaign(self, number: int, campaign: CampaignView) -> str:
        """A campaign in paragraph 5: "Campagne 1: 3 vrijwel gelijkluidende reacties; kern: …"."""
        size = getal(campaign.size)
        return f"Campagne {number}: {size} vrijwel gelijkluidende reacties; kern: “{campaign.text}”"

    def points(self, count: int) -> str:
        """ "1 punt.", "4 punten."."""
        return f"{getal(count)} {'punt' if count == 1 else 'punten'}."


def _commit(commit: str | None) -> str:
    return f" ({commit[:12]})" if commit else ""


def _status(changes: ArticleChanges, present: bool) -> str:
    for change in changes.changes:
        if "/" not in (change.new_id or change.old_id or "/") and change.article == changes.article:
            if change.kind == "renumbered" and len(changes.changes) > 1:
                return "vernummerd en gewijzigd"
            return {
                "inserted": "nieuw",
                "deleted": "vervallen",
                "moved": "verplaatst",
                "renumbered": "vernummerd",
            }.get(change.kind, "gewijzigd")
    return "gewijzigd" if present else "vervallen"


def build(
    title: str,
    comparison: ComparisonView,
    articles_in_version: list[str],
    consultation: Consultation,
    toelichting: Toelichting,
    instructions: dict[str, tuple[Any, ...]] | None = None,
) -> Mvt:
    """Assemble the MvT from the comparison, the responses and the lawyer's text.

    Args:
        title: Title of the bill.
        comparison: The version against `--against` (old) -> the version (new); an old
            version without a name stands for none (the first version).
        articles_in_version: The articles and bijlagen of the new version (body keys), in
            document order.
        consultation: The dossier's responses.
        toelichting: The lawyer's files.
        instructions: Per article, the paragraphs of the wijzigingsopdracht that changes it.
    """
    chapters = []
    for key, number, heading, prompts in CHAPTERS:
        source, text = toelichting.chapters.get(key, ("", ""))
        chapters.append(
            Chapter(key, number, heading, prompts, text, source, f"toelichting/algemeen/{key}.md")
        )
    present = set(articles_in_version)
    changed = {a.article: a for a in comparison.articles}
    first = not comparison.old_name  # the first version: every article gets its section
    wanted = set(changed) | (present if first else set(toelichting.articles) & present)
    sections = []
    for article in body_order(wanted, comparison.order or articles_in_version, articles_in_version):
        source, text = toelichting.articles.get(article, ("", ""))
        if article in changed:
            status = _status(changed[article], article in present)
        else:
            status = "eerste versie" if first else "ongewijzigd"
        sections.append(
            ArticleSection(
                article=article,
                heading=body_heading(article),
                status=status,
                changes=changed.get(article),
                text=text,
                source=source,
                path=f"toelichting/{file_name(article)}",
                instruction=(instructions or {}).get(article, ()),
                anchor=anchor(article),
            )
        )
    orphans: list[Orphan] = []
    warnings: list[str] = []
    for article, (source, text) in sorted(toelichting.articles.items()):
        if article in present or article in changed:
            continue
        reason = f"{body_label(article)} bestaat niet in versie {comparison.new_name}"
        orphans.append(Orphan(source, text, reason))
        warnings.append(
            f"{source}: {reason}; de toelichting staat achteraan onder 'Niet geplaatst'"
        )
    for source, text in toelichting.unknown:
        reason = "bestand past niet bij een hoofdstuk of artikel"
        orphans.append(Orphan(source, text, reason))
        warnings.append(
            f"{source}: {reason}; de toelichting staat achteraan onder 'Niet geplaatst'"
        )
    if not consultation.responses:
        warnings.append(
            "geen consultatiereacties in dit dossier; paragraaf 5 bevat alleen de opzet"
        )
    return Mvt(
        title=title,
        version=comparison.new_name,
        commit=comparison.new_commit,
        against=comparison.old_name,
        against_commit=comparison.old_commit,
        chapters=tuple(chapters),
        consultation=summarise(consultation, articles_in_version),
        articles=tuple(sections),
        orphans=tuple(orphans),
        warnings=tuple(warnings),
    )
