"""Selections and Dutch text views of responses for `responses list`, `show` and `campaigns`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wetgeving.consultation import index, store
from wetgeving.consultation.follow import Fate
from wetgeving.consultation.index import PointSummary, Summary
from wetgeving.consultation.model import STATUS_LABELS, Point, Response

if TYPE_CHECKING:
    from wetgeving.consultation.campaigns import Campaign
    from wetgeving.dossier import Dossier


def _plain(node_id: str) -> str:
    return node_id.replace("°", "")


def point_title(p: PointSummary | Point) -> str:
    """How a point's reference reads in a listing ("artikel 273fa (ARTIKEL I, onderdeel B)")."""
    if not p.linked:
        title = f"niet gekoppeld: '{p.ref}'"
    else:
        title = p.ref
        if p.node_version:
            title += f" (in versie {p.node_version})"
        if p.written and p.written != p.ref:
            title += f" (geschreven: {p.written})"
    return f"{title} ({p.question})" if p.question else title


def status_text(status: str, in_version: str, previous: str) -> str:
    """A disposition as listings show it: "overgenomen in v2; was: niet overgenomen"."""
    if not status:
        return "open"
    text = STATUS_LABELS.get(status, status)
    if in_version:
        text += f" in {in_version}"
    if previous:
        text += f"; was: {STATUS_LABELS.get(previous, previous)}"
    return text


@dataclass(frozen=True)
class Row:
    """A response with the points that passed the filters (numbered as in the response)."""

    summary: Summary
    points: tuple[tuple[int, PointSummary, Fate | None], ...]
    ref: str = ""  # the short reference

    def as_json(self) -> dict[str, Any]:
        s = self.summary
        return {
            "id": s.id,
            "ref": self.ref or s.id,
            "indiener": s.name,
            "openbaar": s.openbaar,
            "soort": s.kind,
            "kanaal": s.channel,
            "ontvangen": s.received,
            "versie": s.version,
            "campagne": s.campaign or None,
            "antwoorden": [{"vraag": q, "keuze": c} for q, c in s.answers],
            "punten": [_point_json(n, p, fate) for n, p, fate in self.points],
        }

    def text_lines(self, against: str | None) -> list[str]:
        s = self.summary
        public = "openbaar" if s.openbaar else "niet openbaar"
        campaign = f", campagne {s.campaign}" if s.campaign else ""
        lines = [f"{self.ref or s.id}  {s.received}  {s.version}  {s.name} [{public}{campaign}]"]
        for n, p, fate in self.points:
            status = status_text(p.status, p.in_version, p.previous)
            lines.append(f"  {n}. {point_title(p)} [{status}] {p.snippet}")
            if fate is not None:
                lines.append(f"     in {against}: {fate.description}")
        return lines


def _point_json(n: int, p: PointSummary, fate: Fate | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "nummer": n,
        "bepaling": p.ref,
        "node": p.node or None,
        "gekoppeld": p.linked,
        "node_versie": p.node_version or None,
        "geschreven": p.written or None,
        "vraag": p.question or None,
        "tekst": p.snippet,
        "status": p.status or "open",
        "motivering": p.reason or None,
        "in_versie": p.in_version or None,
        "was": p.previous or None,
    }
    if fate is not None:
        out["lot"] = {
            "soort": fate.kind,
            "node": fate.new_id or None,
            "bepaling": fate.new_label or None,
            "omschrijving": fate.description,
        }
    return out


def select(
    dossier: Dossier,
    provision: str | None = None,
    version: str | None = None,
    status: str | None = None,
    against: str | None = None,
    refresh: bool = False,
    unlinked: bool = False,
) -> list[Row]:
    """Return the responses and points matching the filters, oldest first.

    Raises:
        ProvisionRefError: when `provision` does not parse.
        VersionError: when `against` or a consulted version is unknown.
    """
    from wetgeving.consultation.shortref import short_refs

    prefix = ""
    if provision is not None:
        from wetgeving.text.refs import parse_ref

        prefix = _plain(parse_ref(provision).node_id)
    rows: list[tuple[Summary, list[tuple[int, PointSummary]]]] = []
    needle = prefix.split("/ond.")[0] if prefix else (index.UNLINKED if unlinked else "")
    entries, ids = store.scan(dossier, refresh, needle)
    for entry in entries:
        if version is not None and entry.version != version:
            continue
        if prefix and prefix not in entry.pts.replace("°", ""):
            continue
        wanted = []
        for n, (node, done) in enumerate(entry.points, 1):
            if unlinked and node != index.UNLINKED:
                continue
            if prefix:
                plain = _plain(node)
                if plain != prefix and not plain.startswith(prefix + "/"):
                    continue
            if (status == "open" and done) or (status == "afgehandeld" and not done):
                continue
            wanted.append(n)
        if wanted:
            s = entry.summary(set(wanted))
            rows.append((s, [(n, s.points[n - 1]) for n in wanted]))
    refs = short_refs(ids, [s.id for s, _ in rows]) if rows else {}
    if against is None:
        return [Row(s, tuple((n, p, None) for n, p in kept), refs[s.id]) for s, kept in rows]
    from wetgeving.consultation.follow import followers

    by_version = followers(dossier, {s.version for s, _ in rows}, against)
    return [
        Row(s, tuple((n, p, by_version[s.version].fate(p.node)) for n, p in kept), refs[s.id])
        for s, kept in rows
    ]


def show_lines(response: Response) -> list[str]:
    """Full Dutch view of one response, with possible personal data flagged."""
    from wetgeving.consultation.privacy import find_personal_data

    r = response
    lines = [
        f"reactie     {r.id}",
        f"indiener    {r.respondent}",
        f"organisatie {r.organisation or '-'}",
        f"plaats      {r.place or '-'}",
        f"soort       {r.kind}",
        f"kanaal      {r.channel}",
        f"ontvangen   {r.received}",
        f"openbaar    {'ja' if r.openbaar else 'nee (niet publiceren)'}",
        f"versie      {r.version}",
    ]
    if r.campaign:
        lines.append(f"campagne    {r.campaign}")
    for a in r.answers:
        asked = f": {a.question_text}" if a.question_text else ""
        lines.extend(["", f"{a.question}{asked}", f"  antwoord: {a.choice}"])
    for n, p in enumerate(r.points, 1):
        lines.extend(["", f"punt {n}: {point_title(p)}"])
        if p.question_text:
            lines.append(f"  vraag: {p.question_text}")
        lines.extend(f"  {line}" for line in p.text.split("\n"))
        for flag in find_personal_data(p.text):
            lines.append(
                f"  let op: mogelijk {flag.label} '{flag.text}' (redigeer voor publicatie)"
            )
        d = p.disposition
        if d is None:
            lines.append("  afdoening: open")
        else:
            where = f" in {d.version}" if d.version else ""
            lines.append(f"  afdoening: {d.label}{where}: {d.reason}")
            if d.previous is not None:
                before = f" in {d.previous.version}" if d.previous.version else ""
                lines.append(f"  was: {d.previous.label}{before}: {d.previous.reason}")
    if r.notes.strip():
        lines.extend(["", "notities:", r.notes.strip()])
    return lines


def campaigns(dossier: Dossier, min_size: int) -> list[dict[str, Any]]:
    """Return the campaigns as plain data (for text and JSON output)."""
    from wetgeving.consultation.campaigns import find_campaigns
    from wetgeving.consultation.shortref import short_refs

    responses = store.load_all(dossier)
    refs = short_refs(r.id for r in responses)
    found: list[Campaign] = find_campaigns(responses, min_size=min_size)
    return [
        {
            "id": c.id,
            "aantal": len(c.members),
            "gelijkenis": c.similarity,
            "gedeelde_tekst": c.shared_text,
            "leden": list(c.members),
            "referenties": [refs[m] for m in c.members],
        }
        for c in found
    ]


def campaign_lines(found: list[dict[str, Any]], all_members: bool) -> list[str]:
    """Dutch text view of campaigns."""
    lines: list[str] = []
    for c in found:
        sim = f"{c['gelijkenis']:.2f}".replace(".", ",")
        lines.append(f"campagne {c['id']}: {c['aantal']} reacties (gelijkenis minstens {sim})")
        lines.append(f'  gedeelde tekst: "{c["gedeelde_tekst"]}"')
        members = c["referenties"] if all_members else c["referenties"][:10]
        rest = len(c["referenties"]) - len(members)
        lines.append("  leden: " + ", ".join(members) + (f" en {rest} meer" if rest else ""))
        lines.append(
            f"  afdoen in één keer: wetgeving respond dispose --campaign {c['id']} "
            "--status ... --reason ..."
        )
    return lines
