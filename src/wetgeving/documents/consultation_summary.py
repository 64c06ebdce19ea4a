"""Counting and grouping responses for the MvT and the consultatieverslag."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wetgeving.documents.groupings import counted_once
from wetgeving.documents.model import (
    CHANNELS,
    GENERAL,
    KINDS,
    NIET_OPENBAAR,
    UNLINKED,
    CampaignView,
    Consultation,
    PointView,
    ResponseView,
)
from wetgeving.text.labels import body_heading, body_order

EXCERPT = 300


@dataclass(frozen=True, slots=True)
class DispositionGroup:
    """Points on one article that got the same disposition and reason."""

    status: str
    status_label: str
    reason: str
    count: int
    excerpts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticlePoints:
    """The main points on one article (or general points when `article` is "")."""

    article: str
    heading: str
    count: int
    groups: tuple[DispositionGroup, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """Who responded and what was done with it."""

    total: int
    unique: int
    by_kind: tuple[tuple[str, int], ...]
    by_channel: tuple[tuple[str, int], ...]
    campaigns: tuple[CampaignView, ...]
    advisory_bodies: tuple[str, ...]
    articles: tuple[ArticlePoints, ...]
    consulted: tuple[str, ...] = ()
    unlinked: int = 0
    private_left_out: bool = False  # see `Consultation.private_left_out`

    @property
    def left_out_note(self) -> str:
        """What a count leaves out, said after it ("" when it leaves out nothing)."""
        if not self.private_left_out:
            return ""
        return " (niet meegeteld: de niet-openbare reacties, die afzonderlijk worden bewaard)"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """Shorten a text to about `limit` characters at a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def summarise(consultation: Consultation, order: list[str] | None = None) -> Summary:
    """Count responses per kind and channel and group the points per article.

    Args:
        consultation: All responses with campaigns.
        order: Article numbers in document order (others follow, sorted).
    """
    responses = consultation.responses
    kinds = Counter(r.kind for r in responses)
    channels = Counter(r.channel for r in responses)
    by_kind = tuple((k, kinds[k]) for k in (*KINDS, *sorted(set(kinds) - set(KINDS))) if kinds[k])
    by_channel = tuple(
        (c, channels[c]) for c in (*CHANNELS, *sorted(set(channels) - set(CHANNELS))) if channels[c]
    )
    bodies = sorted(
        {
            (r.organisation or r.respondent) if r.openbaar else NIET_OPENBAAR
            for r in responses
            if r.kind == "adviesorgaan"
        }
    )
    unique = counted_once(consultation)
    grouped: dict[str, list[tuple[ResponseView, PointView]]] = {}
    for response in unique:
        for point in response.points:
            grouped.setdefault(point.group, []).append((response, point))
    keys = body_order((a for a in grouped if a not in (GENERAL, UNLINKED)), order or [])
    keys += [a for a in (GENERAL, UNLINKED) if a in grouped]
    articles = tuple(_article_points(a, grouped[a]) for a in keys)
    return Summary(
        total=len(responses),
        unique=len(unique),
        by_kind=by_kind,
        by_channel=by_channel,
        campaigns=consultation.campaigns,
        advisory_bodies=tuple(bodies),
        articles=articles,
        consulted=tuple(sorted({r.version for r in responses if r.version})),
        unlinked=sum(1 for r in unique for p in r.points if not p.linked),
        private_left_out=consultation.private_left_out,
    )


def _article_points(article: str, items: list[tuple[ResponseView, PointView]]) -> ArticlePoints:
    groups: dict[tuple[str, str], list[tuple[ResponseView, PointView]]] = {}
    for response, point in items:
        groups.setdefault((point.status, point.reason), []).append((response, point))
    out: list[DispositionGroup] = []
    for (status, reason), members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        # Excerpts only from responses whose authors allowed publication: the MvT is public.
        public = [excerpt(p.text) for r, p in members if r.openbaar and p.text.strip()]
        out.append(
            DispositionGroup(
                status=status,
                status_label=members[0][1].status_label,
                reason=reason,
                count=len(members),
                excerpts=tuple(dict.fromkeys(public))[:3],
            )
        )
    heading = (
        "Niet gekoppelde punten"
        if article == UNLINKED
        else "Algemene punten"
        if article == GENERAL
        else body_heading(article)
    )
    return ArticlePoints(article, heading, len(items), tuple(out))
