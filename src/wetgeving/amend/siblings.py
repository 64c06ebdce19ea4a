"""Changes to a list of leden or onderdelen as a whole: renumbering, end punctuation and
where a new provision goes."""

from __future__ import annotations

from wetgeving.amend.content import division_heading
from wetgeving.amend.locate import Failure, label, noun_for
from wetgeving.amend.model import EndChange, Ref
from wetgeving.amend.textedit import ends_with, replace_end
from wetgeving.amend.tree import (
    ByItem,
    children,
    is_dash,
    number_key,
    opened,
    renumber,
    same_number,
    set_text,
    text_of,
)
from wetgeving.text.labels import ordinal
from wetgeving.text.structure import Item

_SHOWN = {".": "een punt", ";": "een puntkomma", ",": "een komma", ":": "een dubbele punt"}


def fill_vacancies(parent: Item, vacant: ByItem[str] | None) -> None:
    """A number that lapsed earlier in the bill ("Het achtste lid vervalt.", the text kept as
    "Vervallen." while later leden keep their numbers) is free again: a lid renumbered or
    inserted into it takes its place."""
    if vacant is None:
        return
    kids = children(parent)
    taken = {
        (c.kind, c.number.replace("º", "°"))
        for c in kids
        if c.kind != "slotzin" and c not in vacant
    }
    kids[:] = [
        c for c in kids if not (c in vacant and (c.kind, c.number.replace("º", "°")) in taken)
    ]


def renumber_children(
    parent: Item, pairs: tuple[tuple[str, str], ...], vacant: ByItem[str] | None = None
) -> None:
    """Renumber siblings all at once ("onder vernummering van het vierde tot en met achtste lid
    tot vijfde tot en met negende lid").

    Raises:
        Failure: when a sibling to renumber does not exist, or two would share a number.
    """
    if not pairs:
        return
    siblings = [c for c in children(parent) if c.kind != "slotzin"]
    found: list[tuple[Item, str]] = []
    for old, new in pairs:
        match = [
            c
            for c in siblings
            if same_number(c.number, old) and (vacant is None or c not in vacant)
        ]
        if not match:
            raise Failure(f"te vernummeren {noun_for(siblings, old)} {old} bestaat niet")
        found.append((match[0], new))
    for item, new in found:
        renumber(item, new.replace("°", "º") if "º" in item.number else new)
    fill_vacancies(parent, vacant)
    numbers = [c.number for c in children(parent) if c.kind != "slotzin" and not is_dash(c)]
    if len(set(numbers)) != len(numbers):
        double = next(n for n in numbers if numbers.count(n) > 1)
        raise Failure(f"na de vernummering komt nummer {double} twee keer voor")


def apply_ends(parent: Item, ends: tuple[EndChange, ...]) -> None:
    """ "onder vervanging van de punt aan het slot van onderdeel 5° door een puntkomma".

    Raises:
        Failure: when the onderdeel does not exist or does not end that way.
    """
    for end in ends:
        kids = children(parent)
        if end.kind == "gedachtestreepje":
            dashes = [c for c in kids if is_dash(c)]
            place = int(end.sibling) if end.sibling.isdigit() else 0
            match = dashes[place - 1 : place] if place >= 1 else []
            name = f"het {ordinal(place)} gedachtestreepje" if place >= 1 else "gedachtestreepje"
        else:
            match = [c for c in kids if c.kind != "slotzin" and same_number(c.number, end.sibling)]
            name = f"onderdeel {end.sibling}"
        if not match:
            raise Failure(f"{name} bestaat niet")
        text = text_of(match[0])
        if not ends_with(text, end.old):
            shown = _SHOWN.get(end.old, f"«{end.old}»")
            raise Failure(f"{name} eindigt niet op {shown}")
        set_text(match[0], replace_end(text, end.old, end.new))


def index_by_number(siblings: list[Item], new: Item) -> int:
    """Where a provision inserted by its number goes: before the first of its kind with a
    higher number, at the end when none has one."""
    key = number_key(new.number)
    return next(
        (i for i, c in enumerate(siblings) if c.kind == new.kind and number_key(c.number) > key),
        len(siblings),
    )


def index_at_end(siblings: list[Item], kind: str) -> int:
    """Where a provision added to a list goes: after the last of its kind; with none, before
    the slotzin, or at the end."""
    same = [i for i, c in enumerate(siblings) if c.kind == kind]
    if same:
        return same[-1] + 1
    return next((i for i, c in enumerate(siblings) if c.kind == "slotzin"), len(siblings))


def check_unique(parent: Item, ref: Ref) -> None:
    """Refuse a list in which two leden or onderdelen have the same number.

    Raises:
        Failure: naming the number and the provision holding the list.
    """
    numbers = [
        (c.kind, c.number) for c in children(parent) if c.kind != "slotzin" and not is_dash(c)
    ]
    if len(set(numbers)) != len(numbers):
        kind, number = next(n for n in numbers if numbers.count(n) > 1)
        where = label(ref) or "de tekst"
        raise Failure(
            f"na deze opdracht komt {kind} {number} twee keer voor in {where}; "
            "vernummer de volgende bepalingen"
        )


def place_mark(article: Item, mark: str, name: str) -> None:
    """ "Voor de tekst wordt de aanduiding «1.» geplaatst": the text becomes the first lid.

    Raises:
        Failure: when the article has leden already.
    """
    opened(article)
    if any(c.kind == "lid" for c in article.children):
        raise Failure(f"{name} heeft al leden")
    number = mark.rstrip(".").strip() or "1"
    lid = Item("lid", number, article.line, marker=f"{number}.", alineas=list(article.alineas))
    lid.children = article.children
    article.alineas = []
    article.children = [lid]


def remove_mark(article: Item, mark: str, name: str) -> None:
    """ "... alsmede de aanduiding «1.» voor het eerste lid vervallen": the one lid left becomes
    the text of the article.

    Raises:
        Failure: when more than that one lid is left, or it has another number.
    """
    number = mark.rstrip(".").strip() or "1"
    leden = [c for c in opened(article).children if c.kind == "lid"]
    if len(leden) != 1 or leden[0].number != number:
        raise Failure(
            f"{name} houdt meer dan één lid; de aanduiding «{number}.» kan niet vervallen"
        )
    article.alineas = list(leden[0].alineas)
    article.children = leden[0].children


def set_heading(division: Item, text: str) -> None:
    """ "Het opschrift van Titel XXXI komt te luiden: Titel XXXI. Financieren van terrorisme"."""
    parsed = division_heading(text)
    if parsed is not None and parsed.kind == division.kind:
        division.title = parsed.title
    else:
        division.title = text.rstrip(".")
