"""Word edits on the text of one provision, exactly as a wijzigingsopdracht orders them.

One function decides what "vervalt «A»" or "na «A» ingevoegd «B»" does to the spaces around
it, used by `apply` and by the generator, which checks that each instruction it writes gives
the text it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetgeving.amend.model import WordEdit

_CLOSING = ",.;:)]?!"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(«“\"0-9])")


class EditError(ValueError):
    """The quoted text is absent, not unique, or changed by an earlier instruction.

    Attributes:
        kind: "absent", "ambiguous" or "overlap".
        count: How often it occurs ("ambiguous").
        quote: The quoted text.
        other: Where the earlier instruction stands ("overlap").
    """

    def __init__(self, kind: str, count: int = 0, quote: str = "", other: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.count = count
        self.quote = quote
        self.other = other


@dataclass(frozen=True, slots=True)
class Edited:
    """The text after an edit, and per occurrence changed (old start, old end, new start, new
    end): where the replaced text stood before, and where its replacement stands now."""

    text: str
    changes: tuple[tuple[int, int, int, int], ...]


def occurrences(text: str, quote: str) -> list[int]:
    """Every position where `quote` occurs, overlapping ones included."""
    out: list[int] = []
    if not quote:
        return out
    at = text.find(quote)
    while at >= 0:
        out.append(at)
        at = text.find(quote, at + 1)
    return out


def _join_insert(left: str, new: str, right: str) -> tuple[str, int, int]:
    """Put `new` between two texts with one space where words meet."""
    before = "" if not left or left.endswith((" ", "(", "\n")) or new[:1] in _CLOSING else " "
    after = "" if not right or right.startswith((" ", "\n")) or right[:1] in _CLOSING else " "
    if new.endswith(("(", " ")):
        after = ""
    start = len(left) + len(before)
    return f"{left}{before}{new}{after}{right}", start, start + len(new)


def _join_delete(left: str, right: str) -> tuple[str, int]:
    """Close the gap a deletion leaves: one space where two were, none before punctuation."""
    if left.endswith(" ") and (right.startswith(" ") or right[:1] in _CLOSING or not right):
        left = left[:-1]
    elif (left.endswith("(") or not left) and right.startswith(" "):
        right = right[1:]
    return left + right, len(left)


def apply_edit(text: str, edit: WordEdit) -> Edited:
    """Apply one word edit (to every occurrence with "telkens").

    Raises:
        EditError: when the quoted text does not occur, or occurs more than once without
            "telkens".
    """
    if edit.op == "toevoegen":
        body = text.rstrip()
        end = len(body)
        while end and body[end - 1] in ".;:":
            end -= 1
        joined, start, stop = _join_insert(body[:end], edit.new, body[end:])
        return Edited(joined + text[len(body) :], ((end, end, start, stop),))
    spots = occurrences(text, edit.old)
    if not spots:
        raise EditError("absent")
    if len(spots) > 1 and not edit.telkens:
        raise EditError("ambiguous", len(spots))
    chosen: list[int] = []
    for at in spots:  # "telkens": the occurrences that do not overlap, from the left
        if not chosen or at >= chosen[-1] + len(edit.old):
            chosen.append(at)
    changes: list[tuple[int, int, int, int]] = []
    offset = 0
    for at in chosen:
        text, a, b, start, stop = _at(text, at + offset, edit)
        changes.append((a - offset, b - offset, start, stop))
        offset += stop - b
    return Edited(text, tuple(changes))


def _at(text: str, at: int, edit: WordEdit) -> tuple[str, int, int, int, int]:
    """One occurrence: (new text, old start, old end, new start, new end)."""
    end = at + len(edit.old)
    if edit.op == "vervangen":
        return f"{text[:at]}{edit.new}{text[end:]}", at, end, at, at + len(edit.new)
    if edit.op == "vervallen":
        joined, where = _join_delete(text[:at], text[end:])
        return joined, at, end, where, where
    if edit.op == "invoegen_na":
        joined, start, stop = _join_insert(text[:end], edit.new, text[end:])
        return joined, end, end, start, stop
    joined, start, stop = _join_insert(text[:at], edit.new, text[at:])
    return joined, at, at, start, stop


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences (volzinnen) of a text, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def ends_with(text: str, tail: str) -> bool:
    """Whether a provision's text ends in these characters ("." or "; of")."""
    return text.rstrip().endswith(tail)


def replace_end(text: str, old: str, new: str) -> str:
    """Replace the characters a text ends with ("." by ";")."""
    body = text.rstrip()
    return body[: len(body) - len(old)] + new


Span = tuple[int, int, str]  # text written by an earlier instruction: [start, end) and where


def edit_all(
    text: str, edits: tuple[WordEdit, ...], fresh: list[Span], where: str
) -> tuple[str, list[Span]]:
    """Apply the edits of one instruction in order; `fresh` holds what earlier instructions of
    the bill wrote into this text, which no quotation may touch.

    Raises:
        EditError: a quotation that is absent, not unique, or overlaps `fresh`.
    """
    for edit in edits:
        try:
            result = apply_edit(text, edit)
        except EditError as err:
            raise EditError(err.kind, err.count, edit.old or edit.new) from None
        for a, b, _, _ in result.changes:
            for fa, fb, other in fresh:
                if (fa < b and a < fb) or (a == b and fa < a < fb):
                    raise EditError("overlap", 0, edit.old, other)
        text = result.text
        moved: list[Span] = []
        for fa, fb, other in fresh:
            delta = sum((stop - start) - (b - a) for a, b, start, stop in result.changes if b <= fa)
            moved.append((fa + delta, fb + delta, other))
        moved.extend((start, stop, where) for _, _, start, stop in result.changes)
        fresh = moved
    return text, fresh
