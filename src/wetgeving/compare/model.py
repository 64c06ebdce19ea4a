"""The result of comparing two versions: `Change`, `Comparison` (see docs/diff.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from wetgeving.text.model import Regeling
from wetgeving.text.pasted import canonical_chars

ChangeKind = Literal["changed", "inserted", "deleted", "renumbered", "moved"]
# How an article's division into leden changed (Ar 6.18, third and fourth lid): "gets_leden" when
# the text of an article without leden becomes one of its leden ("Voor de tekst wordt de
# aanduiding «1.» geplaatst"), "loses_leden" when a lid becomes the text of the article.
Structure = Literal["gets_leden", "loses_leden"]
Op = tuple[str, str]  # ("equal" | "insert" | "delete", text)


class VersionLike(Protocol):
    """Anything with a name, a commit and parsed regelingen (such as `VersionText`)."""

    @property
    def name(self) -> str: ...

    @property
    def commit(self) -> str | None: ...

    @property
    def regelingen(self) -> tuple[Regeling, ...]: ...


@dataclass(frozen=True, slots=True)
class VersionRef:
    """Which version a side of the comparison is: its name and commit (None for `werk`)."""

    name: str
    commit: str | None


def both_labels(old: str | None, new: str | None) -> str:
    """The new citation with what differs in the old one: "artikel 273f, vijfde lid (oud: vierde
    lid)", "artikel 273fa, tweede lid (oud: artikel 273f, achtste lid)"."""
    if new is None:
        return old or ""
    if old is None or old == new or canonical_chars(old) == canonical_chars(new):
        return new  # "onder 1º" pasted from Word is "onder 1°": the same citation
    old_parts = old.split(", ")
    new_parts = new.split(", ")
    if old_parts[0] != new_parts[0]:
        return f"{new} (oud: {old})"
    i = 0
    while i < min(len(old_parts), len(new_parts)) and old_parts[i] == new_parts[i]:
        i += 1
    return f"{new} (oud: {', '.join(old_parts[i:]) or old})"


@dataclass(frozen=True, slots=True)
class Change:
    """One change to one provision.

    Attributes:
        kind: What happened to the provision.
        old_id: Node id in the old version (None for an insertion).
        new_id: Node id in the new version (None for a deletion).
        old_label: Citation in the old version ("artikel 273f, vierde lid").
        new_label: Citation in the new version.
        ops: Word-level edits of the own text: ("equal"|"insert"|"delete", text); joining the
            non-insert texts gives the old own text, the non-delete texts the new one. None
            when the own text did not change.
        article: The article (or bijlage) for grouping, new else old, as a body key: the
            article number ("273f"), "" for the enig artikel, "bijlage I" for a bijlage.
        old_article: The same in the old version (None for an insertion).
        part_of: For a provision inside an inserted, deleted or moved provision: the id of that
            provision (new id, or old id for a deletion); None for a change that stands alone.
        renumbered: The provision's own designation changed (its number, or its place as the
            text of an article or as a lid, see `structure`); always True for "renumbered".
        appended: For an insertion: it follows every provision its parent kept, at the end of
            the article or list (Ar: "toegevoegd"); False between provisions ("ingevoegd").
        structure: "gets_leden" when the text of an article without leden became its lid
            `new_id`; "loses_leden" when lid `old_id` became the text of its article.
        old_label_reused: The old citation names another provision in the new version (so it
            is written "het oude zesde lid").
        new_label_reused: The new citation named another provision in the old version ("het
            zesde lid (nieuw)").
        title_ops: For an article or bijlage whose heading title changed ("Artikel 1
            Begripsbepalingen", "Bijlage I. Lijst van diensten"): the word edits of the title,
            as `ops` are of the text; None when the title did not change. Such a change is
            "changed" even when its own text (`ops`) did not change.
    """

    kind: ChangeKind
    old_id: str | None
    new_id: str | None
    old_label: str | None
    new_label: str | None
    ops: tuple[Op, ...] | None
    article: str
    old_article: str | None = None
    part_of: str | None = None
    renumbered: bool = False
    appended: bool = False
    structure: Structure | None = None
    old_label_reused: bool = False
    new_label_reused: bool = False
    title_ops: tuple[Op, ...] | None = None

    @property
    def label(self) -> str:
        """New citation with the old one where it differs: "artikel 273f, vijfde lid (oud: ...)"."""
        return both_labels(self.old_label, self.new_label)

    @property
    def old_text(self) -> str:
        """The old own text, rebuilt from the ops."""
        return "".join(t for op, t in self.ops or () if op != "insert")

    @property
    def new_text(self) -> str:
        """The new own text, rebuilt from the ops."""
        return "".join(t for op, t in self.ops or () if op != "delete")

    @property
    def text_changed(self) -> bool:
        """True when the own text has insertions or deletions."""
        return any(op != "equal" for op, _ in self.ops or ())


@dataclass(frozen=True, slots=True)
class Comparison:
    """All changes between two versions, in the new version's document order.

    Attributes:
        old: The old version.
        new: The new version.
        changes: Changes in document order; unchanged provisions are absent.
        warnings: Dutch messages about internal references the new text did not update.
        article: The article (body key) the comparison was limited to, if any.
        bodies: The body keys of every article and bijlage of both versions in document order
            (the new version's order, one that lapsed where it stood).
    """

    old: VersionRef
    new: VersionRef
    changes: tuple[Change, ...]
    warnings: tuple[str, ...] = ()
    article: str | None = None
    bodies: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not self.changes
