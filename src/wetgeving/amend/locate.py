"""Find the provision an instruction cites in the text as it now stands."""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.amend.cite import words
from wetgeving.amend.model import BODIES, Ref
from wetgeving.amend.textedit import EditError, sentences
from wetgeving.amend.tree import Tree, children, is_dash, same_number
from wetgeving.text.labels import cite, in_sentence, lid_label, onderdeel_label, ordinal
from wetgeving.text.model import DIVISION_RANK
from wetgeving.text.structure import Item


class Failure(Exception):
    """An instruction that cannot be applied; `message` says why, in Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def label(ref: Ref) -> str:
    """The Ar 3.29 citation of a reference: "artikel 273f, eerste lid, onder 4°"; a heading
    title: "het opschrift van artikel 1"."""
    if ref and ref[-1].kind == "opschrift":
        return f"het opschrift van {in_sentence(label(ref[:-1]))}" if ref[:-1] else "het opschrift"
    if ref and ref[0].kind in DIVISION_RANK:
        return words(ref)
    parts: list[str] = []
    for seg in ref:
        if seg.kind == "artikel":
            parts.append(f"artikel {seg.number}" if seg.number else "enig artikel")
        elif seg.kind == "bijlage":
            parts.append(f"bijlage {seg.number}" if seg.number else "bijlage")
        elif seg.kind == "lid":
            parts.append(lid_label(seg.number))
        elif seg.kind == "onderdeel":
            parts.append(onderdeel_label(seg.number))
        elif seg.kind == "gedachtestreepje":
            parts.append(f"{ordinal(int(seg.number))} gedachtestreepje")
        elif seg.kind == "zin":
            parts.append(f"{ordinal(int(seg.number))} zin")
        else:
            parts.append(seg.kind)
    return ", ".join(parts)


def noun_for(siblings: list[Item], number: str) -> str:
    """ "lid" or "onderdeel", as the siblings are."""
    return "lid" if any(s.kind == "lid" for s in siblings) else "onderdeel"


@dataclass
class Place:
    """A cited provision: the chain of items from its article (or division) down to it."""

    ref: Ref
    chain: list[Item]

    @property
    def node(self) -> Item:
        return self.chain[-1]

    @property
    def parent(self) -> Item:
        if len(self.chain) < 2:
            raise Failure(f"{label(self.ref)} staat niet in een artikel")
        return self.chain[-2]

    def text_owner(self) -> Item:
        """The provision whose own text is meant (the aanhef of a lid is the lid's text)."""
        return self.chain[-1]


@dataclass
class Locator:
    """Resolves references in a `Tree`, within the draft files of the amended regulation."""

    tree: Tree
    version: str = ""
    roots: list[Item] = field(default_factory=list)
    gone: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        if not self.version:
            return ""
        return "de werkmap" if self.version == "werk" else f"versie {self.version}"

    def missing(self, ref: Ref) -> Failure:
        text = label(ref)
        if text in self.gone:
            return Failure(f"{cite(text)} bestaat niet meer: vervallen bij {self.gone[text]}")
        where = f" in {self.where}" if self.where else ""
        return Failure(f"{cite(text)} bestaat niet{where}")

    def find(self, ref: Ref) -> Place:
        """The items from the article (or outermost division) down to the cited provision.

        Raises:
            Failure: when it does not exist (naming what lapsed earlier in the bill), or an
                article number occurs twice.
        """
        if not ref:
            raise Failure("de opdracht noemt geen bepaling")
        if ref[-1].kind == "opschrift":
            # The heading title belongs to the article, bijlage or division it stands above.
            if len(ref) == 1:
                raise Failure("de opdracht noemt een opschrift zonder artikel, bijlage of indeling")
            return Place(ref, self.find(ref[:-1]).chain)
        if ref[0].kind in DIVISION_RANK:
            return self._division(ref)
        if ref[0].kind not in BODIES:
            raise Failure(f"{label(ref)}: noem het artikel")
        roots = {id(r) for r in (self.roots or self.tree.roots)}
        if ref[0].kind == "bijlage":
            containers = [
                *(self.roots or self.tree.roots),
                *_divisions(self.roots or self.tree.roots),
            ]
            found = [
                c
                for container in containers
                for c in container.children
                if c.kind == "bijlage" and c.number == ref[0].number
            ]
        else:
            found = self.tree.articles(ref[0].number)
        found = [a for a in found if id(self.tree.root_of(a)) in roots]
        if not found:
            raise self.missing(ref[:1])
        if len(found) > 1:
            raise Failure(f"{label(ref[:1])} komt meer dan eens voor; de plaats is niet eenduidig")
        chain = [found[0]]
        for depth, seg in enumerate(ref[1:], start=2):
            if seg.kind in ("aanhef", "zin"):
                break
            current = chain[-1]
            kids = children(current)
            if seg.kind == "slotzin":
                match = [c for c in kids if c.kind == "slotzin"]
            elif seg.kind == "gedachtestreepje":
                dashes = [c for c in kids if is_dash(c)]
                place = int(seg.number) if seg.number.isdigit() else 0
                match = dashes[place - 1 : place] if place >= 1 else []
            else:
                match = [
                    c for c in kids if c.kind == seg.kind and same_number(c.number, seg.number)
                ]
            if not match:
                raise self.missing(ref[:depth])
            chain.append(match[0])
        return Place(ref, chain)

    def _division(self, ref: Ref) -> Place:
        containers = self.roots or self.tree.roots
        chain: list[Item] = []
        level = _divisions(containers)
        for depth, seg in enumerate(ref, start=1):
            match = [
                d for d in level if d.kind == seg.kind and d.number.lower() == seg.number.lower()
            ]
            if not match:
                raise self.missing(ref[:depth])
            if len(match) > 1:
                raise Failure(f"{label(ref[:depth])} komt meer dan eens voor; noem ook het boek")
            chain.append(match[0])
            level = [c for c in match[0].children if c.kind in DIVISION_RANK]
        return Place(ref, chain)


def _divisions(containers: list[Item]) -> list[Item]:
    """Every division at any depth (the first division of a citation may be nested)."""
    out: list[Item] = []
    stack = list(reversed(containers))
    while stack:
        item = stack.pop()
        for child in item.children:
            if child.kind in DIVISION_RANK:
                out.append(child)
        stack.extend(c for c in reversed(item.children) if c.kind in DIVISION_RANK)
    return out


def sentence_span(text: str, ref: Ref) -> tuple[int, int]:
    """Where the sentence a citation names ("tweede zin") stands in a text.

    Raises:
        Failure: when the text has fewer sentences.
    """
    spans = sentences(text)
    index = int(ref[-1].number) - 1
    if not 0 <= index < len(spans):
        raise Failure(
            f"{cite(label(ref))} bestaat niet ({label(ref[:-1])} telt {len(spans)} zinnen)"
        )
    return spans[index]


def quote_problem(err: EditError, where: str) -> str:
    if err.kind == "absent":
        return f"«{err.quote}» komt niet voor in {where.rstrip(',')}"
    if err.kind == "overlap":
        return f"overlapt met {err.other}: «{err.quote}» in {where} is daar al gewijzigd"
    return (
        f"«{err.quote}» komt {err.count} keer voor in {where.rstrip(',')}; citeer zoveel tekst dat "
        "de plaats eenduidig is, of schrijf 'telkens'"
    )
