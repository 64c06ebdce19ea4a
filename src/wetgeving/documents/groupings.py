"""Responses grouped the way the verslag and the bundle's reacties pages show them: per question
(the tally of a closed question and the open answers) and per respondent (one heading, then the
answers per question); a campaign is shown once, with its size."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from wetgeving.documents.model import (
    NIET_OPENBAAR,
    Consultation,
    PointView,
    QuestionView,
    ResponseView,
)

_NUMBER = re.compile(r"vraag\s*(\d+)", re.I)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table of points."""

    response: str
    respondent: str
    provision: str
    text: str
    status_label: str
    reason: str
    campaign_size: int
    question: str = ""


@dataclass(frozen=True, slots=True)
class QuestionSection:
    """One consultation question: its tally (closed) and its open answers.

    Attributes:
        label: "Vraag 2".
        text: The question as asked ("" when unknown).
        closed: True when its answers are tallied.
        provisions: The provisions the question is about.
        tally: (choice, number of responses) in the declared order, then other choices.
        rows: The open answers, a campaign once.
    """

    label: str
    text: str
    closed: bool
    provisions: tuple[str, ...]
    tally: tuple[tuple[str, int], ...]
    rows: tuple[Row, ...]

    @property
    def heading(self) -> str:
        return f"{self.label}: {self.text}" if self.text else self.label

    @property
    def answered(self) -> int:
        """Responses that chose something (campaign members each counted)."""
        return sum(n for _, n in self.tally)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a respondent said: a choice, an open answer or a point on a provision."""

    label: str
    text: str
    status_label: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RespondentSection:
    """One respondent (or one campaign) with what they said, per question first."""

    response: str
    heading: str
    date: str
    kind: str
    channel: str
    campaign_size: int
    entries: tuple[Entry, ...]


def respondent_label(response: ResponseView, openbaar: bool) -> str:
    """Name shown for a respondent; non-public respondents are anonymised in public output."""
    if openbaar and not response.openbaar:
        return NIET_OPENBAAR
    name = response.display_name
    if response.place:
        name += f", {response.place}"
    if not response.openbaar:
        name += " (niet openbaar)"
    return name


def counted_once(consultation: Consultation) -> list[ResponseView]:
    """Responses with each campaign represented by its first member only."""
    seen: set[str] = set()
    out: list[ResponseView] = []
    for response in consultation.responses:
        if response.campaign:
            if response.campaign in seen:
                continue
            seen.add(response.campaign)
        out.append(response)
    return out


def shown_as(response: ResponseView, consultation: Consultation, openbaar: bool) -> tuple[str, int]:
    """(name shown, campaign size): a campaign reads "campagne (N reacties)"."""
    size = next((c.size for c in consultation.campaigns if c.id == response.campaign), 0)
    if response.campaign and size:
        return f"campagne ({size} reacties)", size
    return respondent_label(response, openbaar), 0


def question_number(label: str) -> int:
    """The number in "Vraag 12" (large for a question without one, to sort it last)."""
    m = _NUMBER.fullmatch(label.strip())
    return int(m.group(1)) if m else 10**6


def _questions(consultation: Consultation) -> list[QuestionView]:
    """The declared questions, and the questions answered that wetgeving.toml does not declare."""
    declared = {q.label: q for q in consultation.questions}
    texts: dict[str, str] = {}
    closed: set[str] = set()
    for response in consultation.responses:
        asked = [(p.question, p.question_text) for p in response.points]
        asked += [(a.question, a.question_text) for a in response.answers]
        closed.update(a.question for a in response.answers)
        for label, text in asked:
            if label and label not in declared and not texts.get(label):
                texts[label] = text
    found = [
        QuestionView(label, question_number(label), text, closed=label in closed)
        for label, text in texts.items()
    ]
    return sorted([*declared.values(), *found], key=lambda q: (q.number, q.label))


def question_sections(consultation: Consultation, openbaar: bool) -> tuple[QuestionSection, ...]:
    """Per question: the tally over every response (campaign members each count) and the open
    answers, a campaign once."""
    once = counted_once(consultation)
    out = []
    for q in _questions(consultation):
        counts: Counter[str] = Counter(
            a.choice for r in consultation.responses for a in r.answers if a.question == q.label
        )
        order = [c for c in q.choices if counts[c]] + sorted(set(counts) - set(q.choices))
        rows: list[Row] = []
        for response in once:
            who, size = shown_as(response, consultation, openbaar)
            said: dict[str, list[PointView]] = {}
            for p in response.points:
                if p.question == q.label:
                    said.setdefault(p.text, []).append(p)
            for text, points in said.items():
                first = points[0]
                provisions = "; ".join(p.provision for p in points if p.provision)
                rows.append(
                    Row(response.id, who, provisions, text, first.status_label, first.reason,
                        size, q.label)
                )  # fmt: skip
        out.append(
            QuestionSection(
                q.label, q.text, q.closed or bool(counts), q.provisions,
                tuple((c, counts[c]) for c in order), tuple(rows),
            )
        )  # fmt: skip
    return tuple(out)


def respondent_sections(
    consultation: Consultation,
    openbaar: bool,
    only: Callable[[PointView], bool] | None = None,
) -> tuple[RespondentSection, ...]:
    """Per respondent (a campaign once): the answers in question order, then the other points.

    With `only`, just the points it accepts (no tallied answers), and respondents left without
    any are left out: the bundle's page on one article.
    """
    texts = {q.label: q.text for q in consultation.questions}
    out = []
    for response in counted_once(consultation):
        who, size = shown_as(response, consultation, openbaar)
        entries: list[tuple[int, int, Entry]] = []
        if only is None:
            explained = {p.question for p in response.points if p.question}
            for a in response.answers:
                if a.question in explained:
                    continue  # "Nee, want ...": the answer with its explanation says it all
                label = _asked(a.question, a.question_text or texts.get(a.question, ""))
                entries.append((question_number(a.question), 0, Entry(label, a.choice)))
        shown: set[tuple[str, str]] = set()
        for n, p in enumerate(response.points, 1):
            if only is not None and not only(p):
                continue
            if p.question and only is None:
                if (p.question, p.text) in shown:
                    continue  # one answer about several provisions is one answer
                shown.add((p.question, p.text))
                label = _asked(p.question, p.question_text or texts.get(p.question, ""))
                key = (question_number(p.question), n)
            else:
                label = p.provision or "algemeen"
                if not p.linked:
                    label = f"niet gekoppeld: {p.provision}"
                if p.question:
                    label += f" ({p.question})"
                key = (10**7, n)
            entries.append((*key, Entry(label, p.text, p.status_label, p.reason)))
        if only is not None and not entries:
            continue
        entries.sort(key=lambda e: (e[0], e[1]))
        out.append(
            RespondentSection(
                response.id, who, response.date, response.kind, response.channel, size,
                tuple(e for _, _, e in entries),
            )
        )  # fmt: skip
    return tuple(out)


def _asked(label: str, text: str) -> str:
    return f"{label}: {text}" if text else label
