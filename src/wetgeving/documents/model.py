"""What the documents are built from: plain views of responses and changes.

The consultation and compare layers are adapted to these views in `sources.py`, so the templates
depend on one small, stable shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.consultation.model import CHANNELS as CHANNELS
from wetgeving.consultation.model import KINDS as KINDS
from wetgeving.consultation.model import NOT_PUBLIC, STATUS_LABELS, respondent_name

NIET_OPENBAAR = NOT_PUBLIC
UNLINKED = "niet gekoppeld"  # the group of points whose reference linked nowhere
# The group of general points: not "", which is the enig artikel's body key.
GENERAL = "(algemeen)"


@dataclass(frozen=True, slots=True)
class PointView:
    """One point of a response.

    Attributes:
        provision: Citation of the provision ("artikel 273f, derde lid"), or "" for a general point.
        article: Article number the point is about ("273f"), or "" for a general point.
        text: The point's text.
        status: Disposition status (overgenomen, deels, niet-overgenomen, kennisgenomen) or "".
        reason: Reason given with the disposition, or "".
        question: The question it answers ("Vraag 2"), or "".
        question_text: The text of that question, or "".
        linked: False for a reference that linked nowhere: `provision` is then as written.
    """

    provision: str
    article: str
    text: str
    status: str = ""
    reason: str = ""
    question: str = ""
    question_text: str = ""
    linked: bool = True

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status or "nog niet afgehandeld")

    @property
    def group(self) -> str:
        """The article number ("" for the enig artikel), GENERAL or UNLINKED."""
        if not self.linked:
            return UNLINKED
        return self.article if self.provision else GENERAL


@dataclass(frozen=True, slots=True)
class AnswerView:
    """An answer to a closed question (tallied)."""

    question: str
    choice: str
    question_text: str = ""


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A consultation question as wetgeving.toml declares it.

    Attributes:
        label: "Vraag 2".
        number: 2.
        text: The question as asked.
        closed: True for ja/nee and multiple choice (answers are tallied).
        choices: The choices of a closed question, in order.
        provisions: The provisions the question is about.
    """

    label: str
    number: int
    text: str
    closed: bool = False
    choices: tuple[str, ...] = ()
    provisions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ResponseView:
    """One consultation response as the documents need it."""

    id: str
    respondent: str
    organisation: str
    place: str
    kind: str
    channel: str
    date: str
    openbaar: bool
    version: str
    points: tuple[PointView, ...]
    campaign: str = ""
    answers: tuple[AnswerView, ...] = ()

    @property
    def display_name(self) -> str:
        """Name and organisation, as a `Response` shows them (`respondent_name`)."""
        return respondent_name(self.respondent, self.organisation)


@dataclass(frozen=True, slots=True)
class CampaignView:
    """A group of near-identical responses, counted once."""

    id: str
    size: int
    members: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One change to a provision, as in `wetgeving.compare.Change`."""

    kind: str
    old_id: str | None
    new_id: str | None
    old_label: str | None
    new_label: str | None
    ops: tuple[tuple[str, str], ...] | None
    article: str

    @property
    def label(self) -> str:
        return self.new_label or self.old_label or ""


@dataclass(frozen=True, slots=True)
class ItemView:
    """One item of the renvooi, as `wetgeving diff` lists it.

    Attributes:
        heading: "vernummerd en gewijzigd: artikel 273f, vijfde lid (oud: vierde lid)".
        kind: The change's kind, or "moved-away" for a move seen from the article it left.
        marks: The text in marked pieces: "equal", "insert", "delete", "moved" (moved text at
            its new place), "moved-away" (moved text where it left).
        title_marks: The heading title of an article or bijlage, marked, when it changed.
    """

    heading: str
    kind: str
    marks: tuple[tuple[str, str], ...]
    title_marks: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceGroupView:
    """Sentences about one lid and its parts, headed by the lid ("Zesde lid (oud: vijfde lid)"),
    or a sentence that needs no heading (heading "")."""

    heading: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleChanges:
    """The changes in one article (or bijlage), in words, as ops and as the renvooi lists them.

    Attributes:
        article: The body key: article number, "" for the enig artikel, "bijlage I".
        sentences: One paragraph per group: "Het eerste lid is gewijzigd.", "Zesde lid (oud:
            vijfde lid): Het vijfde lid wordt het zesde lid en is gewijzigd. Onderdeel c is
            vervallen."
        changes: The changes themselves.
        groups: The same sentences per lid, for a list with headings.
        heading: "Artikel 273f", "Enig artikel", "Bijlage I".
        anchor: Its id in an HTML page ("artikel-273f").
        summary: The counts in words ("4 gewijzigd, 1 ingevoegd").
        items: The renvooi's items: series collapsed, a move also where it left.
    """

    article: str
    sentences: tuple[str, ...]
    changes: tuple[ChangeView, ...]
    groups: tuple[SentenceGroupView, ...] = ()
    heading: str = ""
    anchor: str = ""
    summary: str = ""
    items: tuple[ItemView, ...] = ()

    @property
    def description(self) -> str:
        """The sentences as one paragraph: "Het eerste lid is gewijzigd. Er wordt ..."."""
        return " ".join(s.strip() for s in self.sentences)

    @property
    def paragraphs(self) -> tuple[SentenceGroupView, ...]:
        """The groups, or one group per sentence when none were given."""
        return self.groups or tuple(SentenceGroupView("", (s,)) for s in self.sentences)


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """A comparison of two versions, grouped per article in document order."""

    old_name: str
    old_commit: str | None
    new_name: str
    new_commit: str | None
    articles: tuple[ArticleChanges, ...]
    warnings: tuple[str, ...] = ()
    order: tuple[str, ...] = ()  # every article and bijlage of both versions, document order


@dataclass(frozen=True, slots=True)
class Consultation:
    """All responses of a dossier, with campaigns."""

    responses: tuple[ResponseView, ...]
    campaigns: tuple[CampaignView, ...] = field(default=())
    questions: tuple[QuestionView, ...] = field(default=())
    # The dossier keeps niet-openbare reactions in a private repository that was not read (a
    # public document): counts must say they leave those out.
    private_left_out: bool = False
