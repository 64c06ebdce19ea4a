"""The reacties pages of a consultation bundle: per respondent, per question, per article."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from wetgeving.documents import templates
from wetgeving.documents.model import Consultation

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def safe_name(value: str) -> str:
    """A bundle file name made of letters, digits, '.', '_' and '-' only."""
    return _SAFE.sub("_", value) or "_"


def response_pages(
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
            name, heading = safe_name(group or "enig-artikel"), body_heading(group)
        context = {"heading": heading, "sections": sections, "rows": rows(only)}
        page(name, heading, "reacties.html.j2", context)
    return pages
