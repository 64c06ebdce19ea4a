"""Dutch phrases shared by the listings (text, markdown, html) and the MvT sentences.

- Series: siblings renumbered one after the other by the same step are written once, as the Ar
  does: "onder vernummering van 4° tot en met 9° tot 3° tot en met 8°" (Ar 3.29), "onder
  vernummering van het tweede tot en met vierde lid tot eerste tot en met derde lid" (Ar 6.18),
  "onder verlettering van de onderdelen c tot en met f tot d tot en met g" (Ar 6.18).
- A citation that names one provision in the old version and another in the new one is said
  to be the old one: "het oude zesde lid van artikel 273f".
"""

from __future__ import annotations

from wetgeving.compare.model import Change
from wetgeving.text.labels import in_sentence, ordinal


def seg(segment: str) -> tuple[str, str]:
    """ "lid.3" -> ("lid", "3"); "ond.4°~2" -> ("ond", "4°")."""
    kind, _, number = segment.partition(".")
    return kind, number.split("~")[0]


def last(node_id: str) -> tuple[str, str]:
    """The kind and number of the provision itself."""
    return seg(node_id.rsplit("/", 1)[-1])


def parent(node_id: str) -> str:
    """The id of the provision a provision is part of (an article is its own parent)."""
    return node_id.rsplit("/", 1)[0] if "/" in node_id else node_id


def sequence_key(number: str) -> int | None:
    """A number's place in its sequence ("3°" -> 3, "c" -> 3), None when it has none."""
    plain = number.rstrip("°º")
    if plain.isdigit():
        return int(plain)
    if len(plain) == 1 and plain.isalpha() and plain.islower():
        return ord(plain) - ord("a") + 1
    return None


def series_words(numbers: list[str], shown: list[str] | None = None) -> str:
    """ "3° tot en met 9°" for three or more that follow each other, else "b, c en e".

    `shown` gives the words to write for the numbers ("derde" for "3").
    """
    words = shown or numbers
    keys = [sequence_key(number) for number in numbers]
    if len(numbers) >= 3 and None not in keys:
        known = [k for k in keys if k is not None]
        if known == list(range(known[0], known[0] + len(known))):
            return f"{words[0]} tot en met {words[-1]}"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def many(kind: str, numbers: list[str]) -> str:
    """Several leden or onderdelen by number: "derde en vierde lid", "onderdelen b en c"."""
    if kind == "lid":
        if all(n.isdigit() for n in numbers):
            return f"{series_words(numbers, [ordinal(int(n)) for n in numbers])} lid"
        return f"leden {series_words(numbers)}"
    return f"onderdelen {series_words(numbers)}"


# --- series of renumbered siblings --------------------------------------------------------------


def _renumbering(change: Change) -> bool:
    return (
        change.kind == "renumbered"
        and change.structure is None
        and change.part_of is None
        and change.old_id is not None
        and change.new_id is not None
        and "/" in change.old_id
        and "/" in change.new_id
    )


def _follows(prev: Change, change: Change) -> bool:
    """Whether `change` renumbers the sibling after the one `prev` renumbered, by the same step."""
    assert prev.old_id and prev.new_id and change.old_id and change.new_id
    if parent(prev.old_id) != parent(change.old_id) or parent(prev.new_id) != parent(change.new_id):
        return False
    (kind_a, old_a), (_, new_a) = last(prev.old_id), last(prev.new_id)
    (kind_b, old_b), (_, new_b) = last(change.old_id), last(change.new_id)
    keys = [sequence_key(n) for n in (old_a, new_a, old_b, new_b)]
    if kind_a != kind_b or None in keys:
        return False
    oa, na, ob, nb = keys
    assert oa is not None and na is not None and ob is not None and nb is not None
    return ob == oa + 1 and nb == na + 1


def runs(changes: list[Change]) -> list[list[Change]]:
    """Split changes (in order) into runs: a series of two or more renumbered siblings that
    follow each other by the same step is one run; every other change is a run of its own.

    Changes to the parts of a renumbered sibling do not break its series: they follow the
    series, in their order.
    """
    out: list[list[Change]] = []
    series: list[Change] | None = None
    parts: list[list[Change]] = []
    for change in changes:
        if series is not None:
            if _renumbering(change) and _follows(series[-1], change):
                series.append(change)
                continue
            if _within(change, series):
                parts.append([change])
                continue
            out.extend(parts)
            parts = []
            series = None
        out.append([change])
        if _renumbering(change):
            series = out[-1]
    out.extend(parts)
    return out


def _within(change: Change, series: list[Change]) -> bool:
    """Whether a change is to a part of a provision of the series."""
    node = change.new_id or change.old_id or ""
    for member in series:
        if node.startswith(((member.new_id or "") + "/", (member.old_id or "") + "/")):
            return True
    return False


def is_series(run: list[Change]) -> bool:
    """Whether a run is a collapsed series (two or more renumbered siblings)."""
    return len(run) > 1 and all(_renumbering(c) for c in run)


def shift(run: list[Change]) -> int:
    """By how many places a series moved (-1 after one deletion, +1 after one insertion)."""
    first = run[0]
    assert first.old_id and first.new_id
    old, new = sequence_key(last(first.old_id)[1]), sequence_key(last(first.new_id)[1])
    assert old is not None and new is not None
    return new - old


def _numbers(run: list[Change], new: bool) -> list[str]:
    return [last((c.new_id if new else c.old_id) or "")[1] for c in run]


def _span(kind: str, numbers: list[str]) -> str:
    """ "het zesde en zevende lid", "4° tot en met 9°", "c tot en met f" (series wording)."""
    if kind == "lid":
        return series_words(numbers, [ordinal(int(n)) for n in numbers]) + " lid"
    return series_words(numbers)


def _letters(run: list[Change]) -> bool:
    return last(run[0].old_id or "")[1].isalpha()


def series_phrase(run: list[Change]) -> str:
    """ "onder vernummering van 4° tot en met 9° tot 3° tot en met 8°" (Ar 3.29, 6.18)."""
    kind = last(run[0].old_id or "")[0]
    old, new = _numbers(run, False), _numbers(run, True)
    if kind == "lid":
        return f"onder vernummering van het {_span(kind, old)} tot {_span(kind, new)}"
    if _letters(run):
        return f"onder verlettering van de onderdelen {_span(kind, old)} tot {_span(kind, new)}"
    return f"onder vernummering van {_span(kind, old)} tot {_span(kind, new)}"


def series_clause(run: list[Change], where: str = "") -> str:
    """A series as a sentence of its own: "het zesde en zevende lid worden vernummerd tot
    zevende en achtste lid"; with `where` ("in het eerste lid"): "in het eerste lid worden de
    onderdelen 4° en 5° vernummerd tot 3° en 4°"."""
    kind = last(run[0].old_id or "")[0]
    old, new = _numbers(run, False), _numbers(run, True)
    verb = "verletterd" if kind != "lid" and _letters(run) else "vernummerd"
    subject = f"het {_span(kind, old)}" if kind == "lid" else f"de onderdelen {_span(kind, old)}"
    if where:
        return f"{where} worden {subject} {verb} tot {_span(kind, new)}"
    return f"{subject} worden {verb} tot {_span(kind, new)}"


# --- citations that name another provision in the other version ----------------------------------


def _the_old(part: str) -> str:
    """ "zesde lid" -> "het oude zesde lid"; "onder 4°" -> "het oude onderdeel 4°"."""
    if part.startswith("onder "):
        return f"het oude onderdeel {part[6:]}"
    if part == "slotzin":
        return "de oude slotzin"
    if part.startswith("bijlage"):
        return f"de oude {part}"
    return f"het oude {part}"


def old_citation(label: str) -> str:
    """ "artikel 273f, zesde lid" -> "het oude zesde lid van artikel 273f"; "enig artikel,
    onder 2°" -> "het oude onderdeel 2° van het enig artikel"."""
    parts = label.split(", ")
    if len(parts) == 1:
        return _the_old(parts[0])
    return f"{_the_old(parts[-1])} van {in_sentence(', '.join(parts[:-1]))}"


def old_relative(name: str) -> str:
    """A name inside an article, said to be the old one: "het zesde lid" -> "het oude zesde
    lid", "het eerste lid, onder 3°" -> "het oude onderdeel 3° van het eerste lid", "de slotzin
    van het eerste lid" -> "de oude slotzin van het eerste lid"."""
    if name.startswith("de slotzin"):
        return "de oude" + name[2:]
    parts = name.split(", ")
    if len(parts) > 1:
        return f"{_the_old(parts[-1])} van {', '.join(parts[:-1])}"
    for article in ("het ", "de "):
        if name.startswith(article):
            return f"{article}oude {name[len(article) :]}"
    return _the_old(name)


def capital(text: str) -> str:
    """The sentence with its first letter a capital ("het eerste lid ..." -> "Het eerste lid")."""
    return text[:1].upper() + text[1:]
