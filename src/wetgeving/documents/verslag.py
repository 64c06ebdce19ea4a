"""The consultatieverslag: the reactietabel per article, general points and campaigns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wetgeving.documents.consultation_summary import Summary, article_key, summarise
from wetgeving.documents.model import NIET_OPENBAAR, Consultation, ResponseView
from wetgeving.errors import DocumentError

Flagger = Callable[[str], list[str]]
MAX_LISTED = 10


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the reactietabel."""

    response: str
    respondent: str
    provision: str
    text: str
    status_label: str
    reason: str
    campaign_size: int


@dataclass(frozen=True, slots=True)
class ArticleTable:
    """The rows on one article ("" for general points)."""

    article: str
    heading: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Verslag:
    """The consultatieverslag of one version."""

    title: str
    version: str
    openbaar: bool
    summary: Summary
    tables: tuple[ArticleTable, ...]
    general: tuple[Row, ...]


def respondent_label(response: ResponseView, openbaar: bool) -> str:
    """Name shown for a respondent; non-public respondents are anonymised in public output."""
    if openbaar and not response.openbaar:
        return NIET_OPENBAAR
    parts = list(dict.fromkeys(p for p in (response.respondent, response.organisation) if p))
    name = " – ".join(parts) if parts else "anoniem"
    if response.place:
        name += f", {response.place}"
    if not response.openbaar:
        name += " (niet openbaar)"
    return name


def personal_data_refused(document: str, flags: list[str]) -> DocumentError:
    """The error refusing a public document whose texts hold personal data."""
    more = f"; en nog {len(flags) - MAX_LISTED}" if len(flags) > MAX_LISTED else ""
    return DocumentError(
        f"{document} geweigerd: teksten voor publicatie bevatten persoonsgegevens "
        f"({len(flags)} {'vondst' if len(flags) == 1 else 'vondsten'}; lak ze eerst weg): "
        f"{'; '.join(flags[:MAX_LISTED])}{more}"
    )


def build(
    title: str,
    version: str,
    consultation: Consultation,
    order: list[str],
    openbaar: bool,
    flagger: Flagger | None = None,
) -> Verslag:
    """Assemble the verslag; with `openbaar`, refuse while published texts hold personal data.

    Raises:
        DocumentError: listing the flagged texts when `openbaar` and personal data is found.
    """
    sizes = {c.id: c.size for c in consultation.campaigns}
    seen: set[str] = set()
    per_article: dict[str, list[Row]] = {}
    flags: list[str] = []
    for response in consultation.responses:
        if response.campaign:
            if response.campaign in seen:
                continue
            seen.add(response.campaign)
        who = respondent_label(response, openbaar)
        size = sizes.get(response.campaign, 0) if response.campaign else 0
        if size:
            who = f"campagne ({size} reacties)"
        for n, point in enumerate(response.points, start=1):
            if openbaar and flagger is not None:
                for text in (point.text, point.reason):
                    for flag in flagger(text):
                        flags.append(f"reactie {response.id}, punt {n}: {flag}")
            row = Row(
                response=response.id,
                respondent=who,
                provision=point.provision or "algemeen",
                text=point.text,
                status_label=point.status_label,
                reason=point.reason,
                campaign_size=size,
            )
            per_article.setdefault(point.article, []).append(row)
    if flags:
        raise personal_data_refused("openbaar verslag", flags)
    position = {a: i for i, a in enumerate(order)}
    keys = sorted(
        (a for a in per_article if a),
        key=lambda a: (position.get(a, len(position)), article_key(a)),
    )
    tables = tuple(ArticleTable(a, f"Artikel {a}", tuple(per_article[a])) for a in keys)
    return Verslag(
        title=title,
        version=version,
        openbaar=openbaar,
        summary=summarise(consultation, order),
        tables=tables,
        general=tuple(per_article.get("", ())),
    )
