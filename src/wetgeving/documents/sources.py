"""Adapters from the other layers (history, text, compare, consultation) to the document views."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from wetgeving.documents.model import (
    AnswerView,
    ArticleChanges,
    CampaignView,
    ChangeView,
    ComparisonView,
    Consultation,
    ItemView,
    PointView,
    QuestionView,
    ResponseView,
    SentenceGroupView,
)

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier
    from wetgeving.versiontext import VersionText


def load_text(dossier: Dossier, rev: str) -> VersionText:
    """Load a version, a git revision or "werk"."""
    from wetgeving.versiontext import load_version

    return load_version(dossier, rev)


def article_numbers(text: VersionText) -> list[str]:
    """Article numbers of a version in document order ("" for the enig artikel)."""
    from wetgeving.text.labels import is_bijlage

    return [key for key in body_keys(text) if not is_bijlage(key)]


def previous_version(dossier: Dossier, name: str) -> str | None:
    """The version recorded just before `name`, or None when it is the first (or not a name)."""
    from wetgeving.history import list_versions

    names = [v.name for v in list_versions(dossier)]
    if name not in names:
        return None
    index = names.index(name)
    return names[index - 1] if index > 0 else None


def has_version(dossier: Dossier, name: str) -> bool:
    """True when `name` is a recorded version."""
    from wetgeving.history import list_versions

    return any(v.name == name for v in list_versions(dossier))


def _article_of(node_id: str | None) -> str:
    if not node_id:
        return ""
    first = node_id.split("/", 1)[0]
    return first[4:].split("~", 1)[0] if first.startswith("art.") else ""


def body_keys(text: VersionText) -> list[str]:
    """The articles and bijlagen of a version in document order, as body keys ("273f", "" for
    the enig artikel, "bijlage I")."""
    from wetgeving.text.labels import body_key

    out: dict[str, None] = {}
    for regeling in text.regelingen:
        out.update((body_key(node.kind, node.number), None) for node in regeling.bodies())
    return list(out)


def compare(old: VersionText, new: VersionText) -> ComparisonView:
    """Compare two versions with `wetgeving.compare`, per article and bijlage as the renvooi
    shows them (`compare.items.sections`), in document order.

    An article a provision moved out of is described too (its text is shown where it went).
    """
    from wetgeving.compare.engine import compare_versions
    from wetgeving.compare.items import sections

    comparison = compare_versions(old, new)
    articles = []
    for part in sections(comparison):
        groups = tuple(SentenceGroupView(g.heading, g.sentences) for g in part.paragraphs)
        changes = tuple(
            ChangeView(
                kind=c.kind,
                old_id=c.old_id,
                new_id=c.new_id,
                old_label=c.old_label,
                new_label=c.new_label,
                ops=c.ops,
                article=c.article,
            )
            for item in part.items
            if not item.away
            for c in item.changes
        )
        articles.append(
            ArticleChanges(
                article=part.article,
                sentences=tuple(g.text for g in part.paragraphs),
                changes=changes,
                groups=groups,
                heading=part.heading,
                anchor=part.anchor,
                summary=part.summary,
                items=tuple(
                    ItemView(i.heading, i.kind, i.marks, i.title_marks) for i in part.items
                ),
            )
        )
    return ComparisonView(
        old_name=old.name,
        old_commit=old.commit,
        new_name=new.name,
        new_commit=new.commit,
        articles=tuple(articles),
        warnings=comparison.warnings,
        order=comparison.bodies,
    )


def _point(raw: Any) -> PointView:
    from wetgeving.text.refs import parse_ref

    ref = str(raw.ref)
    linked = bool(getattr(raw, "linked", True))
    article = _article_of(raw.node) if linked else ""
    general = linked and ref == "algemeen" and not article
    if linked and not article and not general:
        try:
            article = parse_ref(ref).article
        except Exception:
            article = ""
    disposition = raw.disposition
    if linked and not general:
        # Where the reference was found when not simply in the consulted version.
        if getattr(raw, "node_version", ""):
            ref += f" (in versie {raw.node_version})"
        if getattr(raw, "written", "") and raw.written != ref:
            ref += f" ({raw.written})"
    return PointView(
        provision="" if general else ref,
        article=article,
        text=str(raw.text),
        status=str(disposition.status) if disposition is not None else "",
        reason=str(disposition.reason) if disposition is not None else "",
        question=str(getattr(raw, "question", "")),
        question_text=str(getattr(raw, "question_text", "")),
        linked=linked,
    )


def response_view(raw: Any) -> ResponseView:
    """Adapt a `wetgeving.consultation.model.Response`."""
    return ResponseView(
        id=str(raw.id),
        respondent=str(raw.respondent),
        organisation=str(raw.organisation),
        place=str(raw.place),
        kind=str(raw.kind),
        channel=str(raw.channel),
        date=str(raw.received),
        openbaar=bool(raw.openbaar),
        version=str(raw.version),
        points=tuple(_point(p) for p in raw.points),
        campaign=str(raw.campaign or ""),
        answers=tuple(
            AnswerView(str(a.question), str(a.choice), str(a.question_text))
            for a in getattr(raw, "answers", ())
        ),
    )


def _campaigns(
    raws: list[Any], views: list[ResponseView]
) -> tuple[list[ResponseView], list[CampaignView]]:
    """Campaigns as the consultation layer groups them (recorded ids win, detection the rest)."""
    from wetgeving.consultation.campaigns import group
    from wetgeving.documents.consultation_summary import excerpt

    grouping = group(raws)
    by_member = grouping.by_member()
    out = []
    for view in views:
        cid = by_member.get(view.id, "")
        out.append(view if cid == view.campaign else dataclasses.replace(view, campaign=cid))
    first_text: dict[str, str] = {}
    for view in out:
        if view.campaign and view.campaign not in first_text and view.points:
            first_text[view.campaign] = view.points[0].text
    campaigns = [
        CampaignView(
            id=cid,
            size=len(ids),
            members=ids,
            text=excerpt(grouping.shared.get(cid) or first_text.get(cid, ""), 200),
        )
        for cid, ids in grouping.members.items()
    ]
    return out, campaigns


def questions(dossier: Dossier) -> tuple[QuestionView, ...]:
    """The questions wetgeving.toml declares (`[[consultatie.vraag]]`)."""
    from wetgeving.consultation import settings

    return tuple(
        QuestionView(q.label, q.number, q.text, q.closed, q.choices, q.provisions)
        for q in settings.load(dossier).questions
    )


def consultation(dossier: Dossier, private: bool = True) -> Consultation:
    """All responses of the dossier, with campaigns counted once and the declared questions;
    without `private` only those in the dossier's own repository (for public documents: a
    private repository, `[team] prive`, is not read at all)."""
    from wetgeving.consultation.store import load_all

    raws = load_all(dossier, private)
    views = [response_view(r) for r in raws]
    views, campaigns = _campaigns(raws, views)
    left_out = bool(dossier.prive) and not private
    return Consultation(tuple(views), tuple(campaigns), questions(dossier), left_out)


def personal_data_flags(text: str) -> list[str]:
    """Describe personal data found in a text meant for publication ("telefoonnummer '06-...'")."""
    from wetgeving.consultation.privacy import find_personal_data

    return [f"{flag.kind} '{flag.text}'" for flag in find_personal_data(text)]
