"""Consultation questions in a spreadsheet: which column asks which question, and how an answer
to a closed question is read (a choice to tally, and any explanation as a point)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetgeving.consultation.settings import YES_NO, Question, Settings

# "Vraag 3", "Vraag 3: Steunt u ...?", "vraag 3 - ...", "3. Steunt u ...?"
_NUMBERED = re.compile(r"vraag\s*(\d{1,3})\s*(?:[:.)\-–]\s*(.*))?", re.I | re.S)
_LEADING_NUMBER = re.compile(r"(\d{1,3})[.)]\s+(.+)", re.S)
_YES_NO = re.compile(r"(ja|nee)(?:$|[\s.,;:!\-–]+(.*))", re.I | re.S)


def normal(text: str) -> str:
    """Question text compared without case, spacing or a closing question mark."""
    return " ".join(text.casefold().split()).rstrip(" ?")


@dataclass(frozen=True, slots=True)
class QuestionColumn:
    """A spreadsheet column holding the answers to one question.

    Attributes:
        index: Column position.
        number: Question number.
        text: The question as asked ("" when neither the header nor wetgeving.toml gives it).
        declared: The question as wetgeving.toml declares it, if it does.
        label: How the question is named ("Vraag 2").
    """

    index: int
    number: int
    text: str
    declared: Question | None
    label: str


def read_header(
    name: str, settings: Settings, forced: bool = False
) -> tuple[int | None, str] | None:
    """Read a column header as a question: (number or None, question text), or None when the
    header is no question. With `forced` (--map KOLOM=vraag) every header is a question."""
    if m := _NUMBERED.fullmatch(name):
        return int(m.group(1)), " ".join((m.group(2) or "").split())
    wanted = normal(name)
    for question in settings.questions:
        if normal(question.text) == wanted:
            return question.number, name
    if m := _LEADING_NUMBER.fullmatch(name):
        return int(m.group(1)), " ".join(m.group(2).split())
    if name.rstrip().endswith("?") or forced:
        return None, name
    return None


def number_columns(
    found: list[tuple[int, int | None, str]], settings: Settings
) -> list[QuestionColumn]:
    """Give every question column its number: its own, else its position among the question
    columns (else the next free number).

    Args:
        found: (column index, number or None, text) in column order.

    Raises:
        ValueError: naming two columns that ask the same question (Dutch message).
    """
    taken: dict[int, int] = {}
    for index, number, _ in found:
        if number is not None:
            if number in taken:
                raise ValueError(f"twee kolommen zijn allebei vraag {number}")
            taken[number] = index
    out: list[QuestionColumn] = []
    for position, (index, number, text) in enumerate(found, 1):
        if number is None:
            number = position
            while number in taken:
                number += 1
            taken[number] = index
        declared = settings.question(number)
        asked = text or (declared.text if declared else "")
        out.append(QuestionColumn(index, number, asked, declared, f"Vraag {number}"))
    return out


def read_answer(answer: str, question: Question) -> tuple[tuple[str, ...], bool]:
    """Read an answer to a closed question: the choices made, and whether the answer says more
    than the choice (then the whole answer is also kept as a point to dispose).

    An answer that is no recognisable choice gives no choice and is kept as a point.
    """
    text = answer.strip()
    if question.kind == YES_NO:
        m = _YES_NO.fullmatch(text)
        if m is None:
            return (), True
        return (m.group(1).casefold(),), bool((m.group(2) or "").strip())
    by_name = {normal(c): c for c in question.choices}
    parts = [p for p in re.split(r"[;\n]", text) if p.strip()]
    chosen = [by_name.get(normal(p.rstrip(". "))) for p in parts]
    if parts and all(chosen):
        return tuple(dict.fromkeys(c for c in chosen if c)), False
    return (), True
