"""The amending bill as data: instructions (wijzigingsopdrachten) grouped as the Ar groups them.

A `Bill` holds one ARTIKEL (Roman numeral) per amended regulation; an article holds onderdelen
(A, B, ...); an onderdeel holds one instruction or a `Group` ("Artikel 273f wordt als volgt
gewijzigd:") whose items are numbered 1., 2., then a., b. Every instruction names its target
with an absolute `Ref`: the reader resolves the relative citations of the text ("het eerste
lid") against the enclosing groups, and the renderer writes them relative again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wetgeving.text.model import Node

# What a segment of a citation names. Divisions use their own kinds ("titel", "afdeling", ...).
SegKind = Literal[
    "artikel",
    "bijlage",
    "lid",
    "onderdeel",
    "gedachtestreepje",
    "aanhef",
    "slotzin",
    "zin",
    "opschrift",
    "boek",
    "titel",
    "hoofdstuk",
    "afdeling",
    "paragraaf",
]


@dataclass(frozen=True, slots=True)
class Seg:
    """One step of a citation: ("lid", "3"), ("onderdeel", "b"), ("zin", "2"), ("aanhef", "").

    ("opschrift", "") is the last step of a citation of the heading title of an article, bijlage
    or division: "het opschrift van artikel 1".

    `nieuw` marks a provision cited by the number an earlier instruction of the same bill gave
    it ("het zesde lid (nieuw)", Ar 238, seventh lid, old numbering).
    """

    kind: SegKind
    number: str = ""
    nieuw: bool = False


Ref = tuple[Seg, ...]

# What stands in a regeling or division beside divisions: articles (the "Enig artikel" has the
# number "") and bijlagen.
BODIES = ("artikel", "bijlage")

# The formula of an instruction (the `formula` of `wetgeving amend --format json`).
Formula = Literal[
    "woorden",  # «A» vervangen door «B», vervalt «A», na «A» ingevoegd «B»
    "vervallen",  # Het vijfde lid vervalt (, onder vernummering ...)
    "komt_te_luiden",  # Het tweede lid komt te luiden: ...
    "invoegen",  # Na het derde lid wordt een lid ingevoegd, luidende: ...
    "toevoegen",  # Er wordt een lid toegevoegd, luidende: ... / Aan artikel 9a wordt een zin ...
    "vernummeren",  # Artikel 374 wordt vernummerd tot artikel 273c.
    "aanduiding",  # Voor de tekst wordt de aanduiding «1.» geplaatst. / ... «1.» ... vervallen.
    "opschrift",  # Het opschrift van Titel XXXI van het Tweede Boek / artikel 1 komt te luiden: ...
]

# How a word edit changes the text of its provision.
EditOp = Literal["vervangen", "vervallen", "invoegen_na", "invoegen_voor", "toevoegen"]


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One change of words inside a provision's own text.

    Attributes:
        op: vervangen («old» by «new»), vervallen («old»), invoegen_na / invoegen_voor (`new`
            after or before «old»), toevoegen (`new` at the end, before the closing punctuation).
        old: The quoted existing text (the anchor for an insertion); "" for toevoegen.
        new: The new text; "" for vervallen.
        telkens: Every occurrence, not one ("wordt «A» telkens vervangen door «B»").
        quoted_new: False when the new text follows "vervangen door:" unquoted (pre-2018 style).
    """

    op: EditOp
    old: str
    new: str = ""
    telkens: bool = False
    quoted_new: bool = True


@dataclass(frozen=True, slots=True)
class EndChange:
    """ "onder vervanging van de punt aan het slot van onderdeel 5° door een puntkomma".

    Attributes:
        sibling: The number of the onderdeel (or lid) whose last characters change; for a
            gedachtestreepje its place in the list ("2" for the second).
        old: The characters it ends with (".", ";", "; of").
        new: The characters it ends with afterwards.
        kind: "onderdeel", or "gedachtestreepje" for an item of a dash list.
        nieuw: The sibling is cited by the number (or place) an earlier instruction of the
            bill gave it: "(nieuw)".
    """

    sibling: str
    old: str
    new: str
    kind: str = "onderdeel"
    nieuw: bool = False


@dataclass(frozen=True, slots=True)
class Instruction:
    """One wijzigingsopdracht.

    Attributes:
        formula: What kind of change (see `Formula`).
        target: What it changes: for woorden and komt_te_luiden the provision (or its aanhef or
            a sentence); for vervallen the first provision of `targets`; for invoegen the
            sibling it goes after (`position` "na") or before ("voor"), or the parent
            (`position` "nummer": placed by its number); for toevoegen the parent; for
            vernummeren the provision; for aanduiding the article; for opschrift the division,
            article or bijlage whose heading title is rewritten. A citation ending in
            ("opschrift", "") names that title for woorden and vervallen.
        targets: Further provisions that lapse together with `target` ("De artikelen 5 en 6
            vervallen"), siblings of it.
        edits: The word edits of a woorden instruction, in order.
        content: New provisions (invoegen, toevoegen, komt_te_luiden), in their final form.
        text: New text that is not a provision: a sentence (toevoegen "een zin"), the new aanhef
            or sentence (komt_te_luiden), the heading (opschrift: a division's whole heading, an
            article's or bijlage's title), the new number (vernummeren).
        renumber: Sibling renumbering that goes with the change: (old number, new number).
        ends: End-punctuation changes of siblings that go with the change.
        position: For invoegen: "na", "voor" or "nummer".
        kind: The kind of provision added or inserted ("lid", "onderdeel", "artikel", "zin",
            a division kind); "opschrift" for a title given to an article or bijlage that had
            none (toevoegen: "Artikel 1 wordt voorzien van een opschrift, luidende: ...").
        remove_mark: For aanduiding: True for "de aanduiding «1.» voor het eerste lid vervalt".
        renumber_nieuw: The provisions renumbered were renumbered before by the same bill: the
            renumbering cites them with "(nieuw)".
        line: Line in the instruction file where it starts (reader), 0 when generated.
        where: The instruction's own place in the bill ("artikel I, onderdeel A, onder 2").
        old_id: Node id in the old version of the provision it changes (generated only).
        new_id: Node id in the new version (generated only).
    """

    formula: Formula
    target: Ref
    targets: tuple[Ref, ...] = ()
    edits: tuple[WordEdit, ...] = ()
    content: tuple[Node, ...] = ()
    text: str = ""
    renumber: tuple[tuple[str, str], ...] = ()
    ends: tuple[EndChange, ...] = ()
    position: str = ""
    kind: str = ""
    remove_mark: bool = False
    renumber_nieuw: bool = False
    line: int = 0
    where: str = ""
    old_id: str | None = None
    new_id: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """ "<target> wordt als volgt gewijzigd:" and its numbered items.

    `renumber_to` is set for "Artikel 374 wordt vernummerd tot artikel 273c en wordt als volgt
    gewijzigd:": the article's new number, applied after the items.
    """

    target: Ref
    items: tuple[Instruction | Group, ...]
    renumber_to: str = ""
    line: int = 0
    where: str = ""
    old_id: str | None = None
    new_id: str | None = None


Item = Instruction | Group


@dataclass(frozen=True, slots=True)
class Onderdeel:
    """One lettered part of an ARTIKEL: "A", "B", ..., "Z", "AA", "BB"."""

    letter: str
    item: Item
    line: int = 0
    article: str = ""  # the article of the amended regulation it is about (generated only)


@dataclass(frozen=True, slots=True)
class BillArticle:
    """ "ARTIKEL I. Het Wetboek van Strafrecht wordt als volgt gewijzigd:" and its onderdelen.

    A bill of one instruction may have no onderdelen letters: it is then one Onderdeel with
    letter "".
    """

    number: str
    regulation: str
    onderdelen: tuple[Onderdeel, ...]
    line: int = 0


Stijl = Literal["2018", "klassiek"]


@dataclass(frozen=True, slots=True)
class Bill:
    """An amending bill (or the instructions of one, as published)."""

    articles: tuple[BillArticle, ...]
    stijl: Stijl = "2018"
    source: str = ""

    def instructions(self) -> list[Instruction]:
        """Every instruction in order, groups opened."""
        out: list[Instruction] = []
        for article in self.articles:
            for part in article.onderdelen:
                out.extend(walk(part.item))
        return out


def walk(item: Item) -> list[Instruction]:
    """The instructions of an item in order, groups opened."""
    if isinstance(item, Instruction):
        return [item]
    out: list[Instruction] = []
    for child in item.items:
        out.extend(walk(child))
    return out


@dataclass(frozen=True, slots=True)
class Problem:
    """An instruction that cannot be read or applied, at its place in the instruction file."""

    line: int
    where: str
    message: str

    def render(self, source: str) -> str:
        """ "opdrachten.txt:12: artikel I, onderdeel A, onder 2: «x» komt niet voor in ..." """
        place = f"{source}:{self.line}" if self.line else source
        return (
            f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        )


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reader made of an instruction file: the bill and what it could not read."""

    bill: Bill
    problems: tuple[Problem, ...] = field(default=())
