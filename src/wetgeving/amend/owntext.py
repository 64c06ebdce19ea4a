"""Instructions on the own text of a provision: words quoted and changed, sentences added,
inserted, deleted or rewritten; and on the heading title (opschrift) of an article, bijlage or
division. What each wrote is remembered as a span ("fresh"), so a later instruction of the bill
cannot quote it (it would overlap)."""

from __future__ import annotations

from wetgeving.amend.locate import Failure, Place, label, quote_problem, sentence_span
from wetgeving.amend.model import Group, Instruction
from wetgeving.amend.textedit import EditError, edit_all
from wetgeving.amend.tree import ByItem, opened, set_text, text_of
from wetgeving.text.headings import read_article
from wetgeving.text.labels import cite, in_sentence
from wetgeving.text.structure import Item

Span = tuple[int, int, str]  # text written by an instruction: [start, end) and where it stands


def where_of(instruction: Instruction | Group) -> str:
    """The instruction's place in the bill, with its line when read from a file."""
    return (
        f"{instruction.where} (regel {instruction.line})" if instruction.line else instruction.where
    )


def edit_words(fresh: ByItem[list[Span]], place: Place, ins: Instruction) -> None:
    """ "In het eerste lid wordt «A» vervangen door «B»" (also in one sentence of it)."""
    owner = place.text_owner()
    text = text_of(owner)
    lo, hi = sentence_span(text, place.ref) if place.ref[-1].kind == "zin" else (0, len(text))
    spans = [(a - lo, b - lo, w) for a, b, w in fresh.get(owner) or []]
    try:
        part, spans = edit_all(text[lo:hi], ins.edits, spans, where_of(ins))
    except EditError as err:
        raise Failure(quote_problem(err, cite(label(place.ref)))) from None
    set_text(owner, text[:lo] + part + text[hi:])
    fresh[owner] = [(a + lo, b + lo, w) for a, b, w in spans]


def drop_sentence(place: Place) -> None:
    """ "Het vijfde lid, tweede zin, vervalt."."""
    owner = place.text_owner()
    text = text_of(owner)
    a, b = sentence_span(text, place.ref)
    set_text(owner, (text[:a] + text[b:]).strip().replace("  ", " "))


def replace_text(fresh: ByItem[list[Span]], place: Place, ins: Instruction) -> None:
    """ "De aanhef komt te luiden: ...", "De tweede zin komt te luiden: ..."."""
    owner = place.text_owner()
    if place.ref[-1].kind == "zin":
        text = text_of(owner)
        a, b = sentence_span(text, place.ref)
        set_text(owner, text[:a] + ins.text + text[b:])
    else:
        set_text(owner, ins.text)
    fresh[owner] = [(0, len(text_of(owner)), where_of(ins))]


def add_sentences(fresh: ByItem[list[Span]], place: Place, ins: Instruction) -> None:
    """ "Aan artikel 9a wordt een zin toegevoegd, luidende: ..."."""
    owner = place.text_owner()
    text = text_of(owner)
    set_text(owner, f"{text} {ins.text}".strip())
    spans = fresh.get(owner) or []
    fresh[owner] = spans
    spans.append((len(text) + 1, len(text) + 1 + len(ins.text), where_of(ins)))


def insert_sentence(fresh: ByItem[list[Span]], anchor: Place, ins: Instruction) -> None:
    """ "Na de eerste zin wordt een zin ingevoegd, luidende: ..."."""
    if anchor.ref[-1].kind != "zin":
        raise Failure(f"een zin kan niet naast {label(anchor.ref)} staan")
    owner = anchor.text_owner()
    text = text_of(owner)
    a, b = sentence_span(text, anchor.ref)
    at = b if ins.position == "na" else a
    before, after = text[:at].rstrip(" "), text[at:].lstrip(" ")
    start = len(before) + (1 if before else 0)
    set_text(owner, " ".join(part for part in (before, ins.text, after) if part))
    shift = len(ins.text) + 1
    fresh[owner] = [
        *((x, y, w) for x, y, w in fresh.get(owner) or [] if x < at),
        *((x + shift, y + shift, w) for x, y, w in fresh.get(owner) or [] if x >= at),
        (start, start + len(ins.text), where_of(ins)),
    ]


# --- the heading title (opschrift) of an article, bijlage or division ----------------------------


def _titled(place: Place) -> Item:
    """The item whose heading title an "opschrift" citation names (an article is unpacked, as
    a packed one would keep its old heading)."""
    return opened(place.node)


def edit_title(fresh: ByItem[list[Span]], place: Place, ins: Instruction) -> None:
    """ "In het opschrift van artikel 1 wordt «A» vervangen door «B»"."""
    owner = _titled(place)
    if not owner.title:
        raise Failure(f"{_owner_name(place)} heeft geen opschrift")
    try:
        title, spans = edit_all(owner.title, ins.edits, fresh.get(owner) or [], where_of(ins))
    except EditError as err:
        raise Failure(quote_problem(err, label(place.ref))) from None
    owner.title = title
    fresh[owner] = spans


def set_title(fresh: ByItem[list[Span]], place: Place, ins: Instruction, new: bool) -> None:
    """ "Het opschrift van artikel 1 komt te luiden: Definities" (`new` False) or "Artikel 1
    wordt voorzien van een opschrift, luidende: Definities" (`new` True: it had none).

    The text may repeat the heading ("Artikel 1. Definities"): only its title is the opschrift.
    """
    owner = _titled(place)
    if new and owner.title:
        raise Failure(
            f"{_owner_name(place)} heeft al een opschrift; schrijf 'Het opschrift van "
            f"{_owner_name(place)} komt te luiden:'"
        )
    title = " ".join(ins.text.split())
    found = read_article(title)
    if found is not None and found.kind == owner.kind and found.number == owner.number:
        title = found.title
    if not title:
        raise Failure(f"het nieuwe opschrift van {_owner_name(place)} ontbreekt")
    owner.title = title
    fresh[owner] = [(0, len(title), where_of(ins))]


def drop_title(place: Place) -> None:
    """ "Het opschrift van artikel 1 vervalt."."""
    owner = _titled(place)
    if not owner.title:
        raise Failure(f"{_owner_name(place)} heeft geen opschrift")
    owner.title = ""


def _owner_name(place: Place) -> str:
    return in_sentence(label(place.ref[:-1] if place.ref[-1].kind == "opschrift" else place.ref))
