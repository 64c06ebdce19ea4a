"""Describe the changes to one article in Dutch, for the artikelsgewijze toelichting of the MvT."""

from __future__ import annotations

from wetgeving.compare.model import Change, Comparison
from wetgeving.text.labels import cite, lid_label, onderdeel_label, ordinal
from wetgeving.text.references import label_for_id


def _seg(seg: str) -> tuple[str, str]:
    kind, _, number = seg.partition(".")
    return kind, number.split("~")[0]


def relative(node_id: str, article: str) -> str:
    """Name a provision as seen from inside `article`, in citation order: "het vijfde lid,
    onderdeel c", "het eerste lid, onder 4°", "de slotzin van het eerste lid".

    A provision in another article gets its full citation ("artikel 273fa, tweede lid").
    """
    segs = node_id.split("/")
    if segs[0] != f"art.{article}":
        return label_for_id(node_id)
    rest = segs[1:]
    slot = bool(rest) and rest[-1].startswith("slot.")
    if slot:
        rest = rest[:-1]
    parts: list[str] = []
    for seg in rest:
        kind, number = _seg(seg)
        if kind == "lid":
            parts.append(f"het {lid_label(number)}" if number.isdigit() else lid_label(number))
        elif kind == "ond":
            # At the head of a sentence "onder 4°" needs its noun: "onderdeel 4°".
            parts.append(onderdeel_label(number) if parts else f"onderdeel {number}")
    named = ", ".join(parts)
    if slot:
        return f"de slotzin van {named}" if named else "de slotzin"
    return named or "het artikel"


def _comma(label: str) -> str:
    return "," if "," in label else ""


def _parent(node_id: str) -> str:
    return node_id.rsplit("/", 1)[0] if "/" in node_id else node_id


def _sentence(change: Change, article: str, edited: bool) -> str | None:
    old, new = change.old_id, change.new_id
    if change.kind == "inserted" and new is not None:
        kind, number = _seg(new.split("/")[-1])
        if kind == "art":
            return f"artikel {number} wordt ingevoegd"
        if kind in ("lid", "ond"):
            return _inserted([number], kind, _parent(new), article)
        return f"{cite(relative(new, article))} wordt ingevoegd"
    if change.kind == "deleted" and old is not None:
        if "/" not in old:
            return f"{label_for_id(old)} is vervallen"
        return f"{cite(relative(old, article))} is vervallen"
    if old is None or new is None:
        return None
    tail = " en is gewijzigd" if edited else ""
    same_number = old.split("/")[-1] == new.split("/")[-1]
    if change.kind == "renumbered":
        if "/" not in old:
            return f"{label_for_id(old)} wordt {label_for_id(new)}"
        return f"{cite(relative(old, article))} wordt {relative(new, article)}"
    if change.kind == "changed":
        if old == new or "/" not in new or same_number:
            return f"{cite(relative(new, article))} is gewijzigd"
        return f"{cite(relative(old, article))} wordt {_ending(relative(new, article), tail)}"
    # moved
    if change.old_article == article and change.article != article:
        to = label_for_id(new)
        done = f"{_comma(to)} en gewijzigd" if edited else ""
        return f"{cite(relative(old, article))} is verplaatst naar {to}{done}"
    if change.article == article and change.old_article != article:
        source = _ending(label_for_id(old), tail)
        return f"{cite(relative(new, article))} is verplaatst uit {source}"
    moved = f"{cite(relative(old, article))} is verplaatst en wordt"
    return f"{moved} {_ending(relative(new, article), tail)}"


def _ending(label: str, tail: str) -> str:
    """A citation that ends the sentence, or is followed by `tail` after its closing comma."""
    return f"{label}{_comma(label)}{tail}" if tail else label


# --- several siblings inserted or deleted at once --------------------------------------------

_COUNTS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht"}
_COUNTS.update({9: "negen", 10: "tien", 11: "elf", 12: "twaalf"})


def _key(number: str) -> int | None:
    """A number's place in its sequence ("3°" -> 3, "c" -> 3), None when it has none."""
    plain = number.rstrip("°º")
    if plain.isdigit():
        return int(plain)
    if len(plain) == 1 and plain.isalpha() and plain.islower():
        return ord(plain) - ord("a") + 1
    return None


def _series(numbers: list[str], shown: list[str] | None = None) -> str:
    """ "3° tot en met 9°" for three or more that follow each other, else "b, c en e".

    `shown` gives the words to write for the numbers ("derde" for "3").
    """
    words = shown or numbers
    keys = [_key(number) for number in numbers]
    if len(numbers) >= 3 and None not in keys:
        known = [k for k in keys if k is not None]
        if known == list(range(known[0], known[0] + len(known))):
            return f"{words[0]} tot en met {words[-1]}"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _many(kind: str, numbers: list[str]) -> str:
    """Several leden or onderdelen by number: "derde en vierde lid", "onderdelen b en c"."""
    if kind == "lid":
        if all(n.isdigit() for n in numbers):
            return f"{_series(numbers, [ordinal(int(n)) for n in numbers])} lid"
        return f"leden {_series(numbers)}"
    return f"onderdelen {_series(numbers)}"


def _inserted(numbers: list[str], kind: str, parent: str, article: str) -> str:
    where = "" if parent == f"art.{article}" else f" in {cite(relative(parent, article))}"
    if len(numbers) == 1:
        one = lid_label(numbers[0]) if kind == "lid" else onderdeel_label(numbers[0])
        noun = "lid" if kind == "lid" else "onderdeel"
        return f"er wordt{where} een {noun} ingevoegd ({one})"
    count = _COUNTS.get(len(numbers), str(len(numbers)))
    noun = "leden" if kind == "lid" else "onderdelen"
    return f"er worden{where} {count} {noun} ingevoegd ({_many(kind, numbers)})"


def _deleted(numbers: list[str], kind: str, parent: str, article: str) -> str:
    if kind == "lid":
        many = _many(kind, numbers)
        return f"{'de' if many.startswith('leden') else 'het'} {many} zijn vervallen"
    if parent == f"art.{article}":
        return f"de {_many(kind, numbers)} zijn vervallen"
    return f"in {cite(relative(parent, article))} zijn de {_many(kind, numbers)} vervallen"


def _group(change: Change) -> tuple[str, str, str] | None:
    """What a change has in common with siblings inserted or deleted next to it."""
    node = change.new_id if change.kind == "inserted" else change.old_id
    if change.kind not in ("inserted", "deleted") or node is None or "/" not in node:
        return None
    kind, _ = _seg(node.split("/")[-1])
    return (change.kind, _parent(node), kind) if kind in ("lid", "ond") else None


def describe_article(comparison: Comparison, article: str) -> list[str]:
    """Return Dutch sentences describing what happened to `article`, in document order.

    Example: ["het eerste lid is gewijzigd", "er wordt een lid ingevoegd (vierde lid)",
    "het vierde lid wordt het vijfde lid en is gewijzigd", "het vijfde lid, onderdeel c, is
    vervallen", "het achtste lid is verplaatst naar artikel 273fa, tweede lid, en gewijzigd"].
    Siblings inserted or deleted next to each other make one sentence ("in het eerste lid zijn
    de onderdelen 3° tot en met 9° vervallen").
    """
    article = article.removeprefix("artikel ").strip()
    edited_parts: set[str] = {
        c.part_of for c in comparison.changes if c.part_of is not None and c.kind != "renumbered"
    }
    runs: list[list[Change]] = []
    last: tuple[str, str, str] | None = None
    for change in comparison.changes:
        if change.part_of is not None or article not in (change.article, change.old_article):
            continue
        group = _group(change)
        if group is not None and group == last:
            runs[-1].append(change)
        else:
            runs.append([change])
        last = group
    out: list[str] = []
    for run in runs:
        sentence = _run_sentence(run, article, edited_parts)
        if sentence is not None and sentence not in out:
            out.append(sentence)
    return out


def _run_sentence(run: list[Change], article: str, edited_parts: set[str]) -> str | None:
    first = run[0]
    if len(run) == 1:
        edited = first.kind == "changed" or first.text_changed
        return _sentence(first, article, edited or (first.new_id or "") in edited_parts)
    group = _group(first)
    assert group is not None
    kind, parent, node_kind = group
    ids = [(c.new_id if kind == "inserted" else c.old_id) or "" for c in run]
    numbers = [_seg(i.split("/")[-1])[1] for i in ids]
    if kind == "inserted":
        return _inserted(numbers, node_kind, parent, article)
    return _deleted(numbers, node_kind, parent, article)
