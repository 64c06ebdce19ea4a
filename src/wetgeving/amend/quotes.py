"""Word edits a lawyer would write for a changed provision text.

Each change is quoted by the smallest phrase of whole words that occurs exactly once in the
provision (extended to the right first, then to the left), with the noun before a number
("onderdelen 2° en 3°", not "2° en 3°"). Changes with at most two words between them are one
change (one reading unit). Every edit is checked by applying it with the same code `apply`
uses: what it gives must be exactly the text meant. When more than half of the words change,
or more than four separate changes are needed, the provision is rewritten instead ("komt te
luiden", Ar 6.9): `plan_words` then returns None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wetgeving.amend.model import WordEdit
from wetgeving.amend.textedit import EditError, apply_edit, occurrences
from wetgeving.compare.words import tokens, word_diff

REWRITE_SHARE = 0.5  # more than this share of the words changed: "komt te luiden"
MAX_CHANGES = 4  # more separate changes than this in one text: "komt te luiden"
MAX_GAP_WORDS = 2  # changes this few words apart are quoted as one
MAX_QUOTE_WORDS = 25
_WORD = re.compile(r"[\w°º]")
_WORDS = re.compile(r"[\w°º]+")
_CLOSING = ",.;:)"
_NOUNS = frozenset(
    {
        "artikel",
        "artikelen",
        "onderdeel",
        "onderdelen",
        "subonderdeel",
        "subonderdelen",
        "lid",
        "leden",
    }
)

Hunk = tuple[int, int, str]  # [start, end) of the current text replaced by the new text


def word_count(text: str) -> int:
    """The number of words in a text."""
    return len(_WORDS.findall(text))


def hunks(current: str, ops: tuple[tuple[str, str], ...]) -> list[Hunk]:
    """The changes of a word diff of `current`, close ones joined."""
    out: list[Hunk] = []
    pos = 0
    for op, text in ops:
        if op == "equal":
            pos += len(text)
            continue
        if out and out[-1][1] == pos:
            start, end, new = out[-1]
        else:
            start, end, new = pos, pos, ""
            out.append((start, end, new))
        if op == "delete":
            pos += len(text)
            end = pos
        else:
            new += text
        out[-1] = (start, end, new)
    merged: list[Hunk] = []
    for start, end, new in out:
        if merged:
            p_start, p_end, p_new = merged[-1]
            gap = current[p_end:start]
            if word_count(gap) <= MAX_GAP_WORDS:
                merged[-1] = (p_start, end, p_new + gap + new)
                continue
        merged.append((start, end, new))
    return merged


def rewrite_better(current: str, target: str, ops: tuple[tuple[str, str], ...]) -> bool:
    """Whether the text changes so much that "komt te luiden" reads better (Ar 6.9)."""
    total = word_count(current) + word_count(target)
    if not total:
        return False
    changed = sum(word_count(text) for op, text in ops if op != "equal")
    return changed / total > REWRITE_SHARE


def plan_words(current: str, target: str, at_end: bool = False) -> tuple[WordEdit, ...] | None:
    """The word edits that turn `current` into `target`, in order; None when a rewrite reads
    better or no quotation works. With `at_end`, words added at the end of the text (before its
    closing period or semicolon) are "toegevoegd" (Ar 6.11) rather than inserted after a quote."""
    if current == target:
        return ()
    ops = word_diff(current, target)
    if rewrite_better(current, target, ops):
        return None
    found = hunks(current, ops)
    if len(found) > MAX_CHANGES:
        return None
    text = current
    offset = 0
    fresh: list[tuple[int, int]] = []
    edits: list[WordEdit] = []
    for start, end, new in found:
        a, b = start + offset, end + offset
        expected = text[:a] + new + text[b:]
        choice = _append(text, a, b, new, expected) if at_end else None
        choice = choice or _choose(text, a, b, new, expected, fresh)
        if choice is None:
            return None
        edit, result_text, span = choice
        edits.append(edit)
        fresh = [
            (x + len(result_text) - len(text), y + len(result_text) - len(text))
            if x >= b
            else (x, y)
            for x, y in fresh
        ]
        fresh.append(span)
        offset += len(new) - (end - start)
        text = result_text
    return tuple(edits) if text == target else None


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """Token spans of a text: (start, end, is_word_or_punctuation)."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for token in tokens(text):
        out.append((pos, pos + len(token), not token.isspace()))
        pos += len(token)
    return out


def _windows(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Quote windows of whole tokens around [a, b), smallest first, rightwards before leftwards.

    For an insertion (a == b) the windows that end at the insertion point come first, then those
    that start there, then those around it.
    """
    spans = [(s, e) for s, e, solid in _spans(text) if solid]
    if not spans:
        return
    core = text[a:b]
    lead = len(core) - len(core.lstrip())
    core_a, core_b = a + lead, a + len(core.rstrip())
    limit = len(spans)

    def grow(lo: int, hi: int, left_ok: bool, right_ok: bool) -> Iterator[tuple[int, int]]:
        for extra in range(min(limit, 2 * MAX_QUOTE_WORDS)):
            for right in range(extra, -1, -1):
                left = extra - right
                if (left and not left_ok) or (right and not right_ok):
                    continue
                i, j = lo - left, hi + right
                if i >= 0 and j < limit:
                    yield (spans[i][0], spans[j][1])

    if core_a < core_b:
        inside = [i for i, (s, e) in enumerate(spans) if s < core_b and e > core_a]
        yield from grow(inside[0], inside[-1], True, True)
        return
    before = [i for i, (_, e) in enumerate(spans) if e <= a]
    after = [i for i, (s, _) in enumerate(spans) if s >= a]
    if before:
        yield from grow(before[-1], before[-1], True, False)
    if after:
        yield from grow(after[0], after[0], False, True)
    if before and after:
        yield from grow(before[-1], after[0], True, True)


def _natural(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the noun before a number: "onderdelen 2° en 3°", "artikel 5"."""
    head = text[start:end]
    if not head[:1].isdigit():
        return start, end
    before = text[:start].rstrip()
    m = re.search(r"(\w+)$", before)
    if m and m.group(1).lower() in _NOUNS:
        return m.start(1), end
    return start, end


def _append(
    text: str, a: int, b: int, new: str, expected: str
) -> tuple[WordEdit, str, tuple[int, int]] | None:
    """ "Aan het eerste lid wordt «, tenzij ...» toegevoegd": words after the last word."""
    core = new.strip()
    if a != b or not _WORD.search(core) or text[a:].strip() not in ("", ".", ";"):
        return None
    if any(ch in core for ch in "«»\n"):
        return None
    edit = WordEdit("toevoegen", "", core)
    try:
        result = apply_edit(text, edit)
    except EditError:
        return None
    if result.text != expected:
        return None
    _, _, start, end = result.changes[0]
    return edit, result.text, (start, end)


def _choose(
    text: str, a: int, b: int, new: str, expected: str, fresh: list[tuple[int, int]]
) -> tuple[WordEdit, str, tuple[int, int]] | None:
    for start, end in _windows(text, a, b):
        for s, e in dict.fromkeys([_natural(text, start, end), (start, end)]):
            quote = text[s:e]
            if not _WORD.search(quote) or word_count(quote) > MAX_QUOTE_WORDS:
                continue
            if quote[0] in _CLOSING and (new.strip() or text[a:b].strip() != quote):
                continue  # only "vervalt «, of»" may start with a punctuation mark
            if any(ch in quote for ch in "«»\n") or any(x < e and s < y for x, y in fresh):
                continue
            if len(occurrences(text, quote)) != 1:
                continue
            for edit in _candidates(text, s, e, a, b, new):
                try:
                    result = apply_edit(text, edit)
                except EditError:
                    continue
                if result.text == expected:
                    _, _, n_start, n_end = result.changes[0]
                    return edit, result.text, (n_start, n_end)
    return None


def _candidates(text: str, s: int, e: int, a: int, b: int, new: str) -> list[WordEdit]:
    quote = text[s:e]
    replacement = text[s:a] + new + text[b:e]
    out: list[WordEdit] = []
    core = new.strip()
    if a == b and _WORD.search(core) and not any(ch in core for ch in "«»"):
        if e <= a or text[s:a].strip() == quote:
            out.append(WordEdit("invoegen_na", quote, core))
        if s >= b or text[b:e].strip() == quote:
            out.append(WordEdit("invoegen_voor", quote, core))
    if not core and text[a:b].strip() == quote:
        out.append(WordEdit("vervallen", quote))
    if replacement.strip() and "«" not in replacement and "»" not in replacement:
        if replacement == replacement.strip() and replacement[0] not in _CLOSING:
            out.append(WordEdit("vervangen", quote, replacement))
    elif not replacement.strip():
        out.append(WordEdit("vervallen", quote))
    return out
