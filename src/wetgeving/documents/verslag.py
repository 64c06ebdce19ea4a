"""The consultatieverslag: per question (tally and open answers), the reactietabel per article,
general points, points not linked to a provision, campaigns, and per respondent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wetgeving.documents.consultation_summary import Summary, summarise
from wetgeving.documents.groupings import (
    QuestionSection,
    RespondentSection,
    Row,
    counted_once,
    question_sections,
    respondent_sections,
    shown_as,
)
from wetgeving.documents.groupings import respondent_label as respondent_label
from wetgeving.documents.model import Consultation
from wetgeving.errors import DocumentError
from wetgeving.text.labels import body_heading, body_order

Flagger = Callable[[str], list[str]]
MAX_LISTED = 10


@dataclass(frozen=True, slots=True)
class ArticleTable:
    """The rows on one article ("" for general points)."""

    article: str
    heading: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Verslag:
    """The consultatieverslag of one version.

    Attributes:
        questions: Per consultation question: tally and open answers.
        tables: Per article: the points on it (answers to questions about it included).
        general: General points that answer no question.
        unlinked: Points whose reference linked to no provision (kept as written).
        respondents: Per respondent, a campaign once: everything they said.
    """

    title: str
    version: str
    openbaar: bool
    summary: Summary
    tables: tuple[ArticleTable, ...]
    general: tuple[Row, ...]
    questions: tuple[QuestionSection, ...] = ()
    unlinked: tuple[Row, ...] = ()
    respondents: tuple[RespondentSection, ...] = ()


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
    per_article: dict[str, list[Row]] = {}
    general: list[Row] = []
    unlinked: list[Row] = []
    flags: list[str] = []
    for response in counted_once(consultation):
        who, size = shown_as(response, consultation, openbaar)
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
                question=point.question,
            )
            if not point.linked:
                unlinked.append(row)
            elif point.provision:
                per_article.setdefault(point.article, []).append(row)
            elif not point.question:
                general.append(row)
    if flags:
        raise personal_data_refused("openbaar verslag", flags)
    keys = body_order(per_article, order)
    tables = tuple(ArticleTable(a, body_heading(a), tuple(per_article[a])) for a in keys)
    return Verslag(
        title=title,
        version=version,
        openbaar=openbaar,
        summary=summarise(consultation, order),
        tables=tables,
        general=tuple(general),
        questions=question_sections(consultation, openbaar),
        unlinked=tuple(unlinked),
        respondents=respondent_sections(consultation, openbaar),
    )
