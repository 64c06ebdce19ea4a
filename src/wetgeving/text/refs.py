"""Provision references typed by a lawyer: "artikel 273f, derde lid, onder 2°", "273f lid 3".

One parser for every command that takes a provision (`--article`, `--provision`, `--point`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from wetgeving.errors import ProvisionRefError
from wetgeving.text.labels import (
    ENIG_ARTIKEL,
    ORDINAL_VALUES,
    id_segment,
    id_variants,
    lid_label,
    onderdeel_label,
)
from wetgeving.text.model import Node, Regeling
from wetgeving.text.pasted import reading_form

_ARTICLE = re.compile(
    r"^(?:(?:artikel|art\.?)\s*)?(?P<nr>[0-9]+[0-9a-z.:]*[a-z0-9]|[0-9]+)(?=[\s,]|$)", re.I
)
_ENIG = re.compile(r"^(?:het\s+)?enig\s+artikel(?=[\s,]|$)", re.I)
_LID_CITE = re.compile(r"^(?:het\s+)?(?P<ord>[a-zëï]+|\d+e)\s+lid\b", re.I)
_LID_SHORT = re.compile(r"^(?:lid|ld\.?)\s*(?P<nr>\d+[a-z]?)\b", re.I)
_AANHEF = re.compile(r"^aanhef(?:\s+en)?\b", re.I)
_ONDER = re.compile(
    r"^(?:onder|onderdeel|sub|subonderdeel)\s+(?P<nr>\d+[a-z]?\s*[°º]?|[a-z]{1,2}|[ivxlc]+)(?:\.(?=\s|,|$))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ProvisionRef:
    """A parsed reference: article number, optional lid, onderdelen from outer to inner."""

    article: str
    lid: str | None = None
    onderdelen: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The reference in Ar 3.29 citation form."""
        parts = [f"artikel {self.article}" if self.article else ENIG_ARTIKEL]
        if self.lid is not None:
            parts.append(lid_label(self.lid))
        parts.extend(onderdeel_label(o) for o in self.onderdelen)
        return ", ".join(parts)

    @property
    def node_id(self) -> str:
        """The node id this reference points at (see the text model)."""
        node_id = id_segment("art", self.article)
        if self.lid is not None:
            node_id += f"/lid.{self.lid}"
        for ond in self.onderdelen:
            node_id += f"/ond.{ond}"
        return node_id


# No article, lid or onderdeel has a longer number; Python refuses int() of 4,300+ digits.
MAX_DIGITS = 9
_DIGIT_RUN = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


def _shortened(value: str, keep: int = 40) -> str:
    return value if len(value) <= keep else value[:keep] + "…"


def check_numbers(text: str) -> None:
    """Refuse a reference holding a number longer than any provision number.

    Raises:
        ProvisionRefError: naming the number (shortened) and its length.
    """
    if m := _DIGIT_RUN.search(text):
        raise ProvisionRefError(
            f"'{_shortened(m.group(), 20)}' ({len(m.group())} cijfers) in "
            f"'{_shortened(text)}' is geen nummer van een bepaling "
            f"(ten hoogste {MAX_DIGITS} cijfers)"
        )


def parse_ref(text: str) -> ProvisionRef:
    """Parse a citation-form or short-form provision reference.

    Raises:
        ProvisionRefError: when the text is not a provision reference.
    """
    # Pasted from Word: curly quotes around it, "º" for "°", no-break spaces, soft hyphens.
    check_numbers(text)
    plain, _ = reading_form(text)
    rest = " ".join(plain.split()).strip().strip("'\"").strip()
    m = _ENIG.match(rest) or _ARTICLE.match(rest)
    if not m:
        raise ProvisionRefError(
            f"'{text}' is geen verwijzing naar een bepaling "
            "(bijvoorbeeld 'artikel 273f, derde lid')"
        )
    article = m.groupdict().get("nr") or ""
    rest = rest[m.end() :]
    lid: str | None = None
    onderdelen: list[str] = []
    while True:
        rest = rest.lstrip(" ,")
        if not rest:
            break
        if (lm := _LID_CITE.match(rest)) and lid is None:
            word = lm.group("ord").lower()
            if word.endswith("e") and word[:-1].isdigit():
                lid = word[:-1]
            elif word in ORDINAL_VALUES:
                lid = str(ORDINAL_VALUES[word])
            else:
                raise ProvisionRefError(f"'{lm.group('ord')}' in '{text}' is geen rangtelwoord")
            rest = rest[lm.end() :]
        elif (lm := _LID_SHORT.match(rest)) and lid is None:
            lid = lm.group("nr")
            rest = rest[lm.end() :]
        elif am := _AANHEF.match(rest):
            rest = rest[am.end() :]
        elif om := _ONDER.match(rest):
            onderdelen.append(om.group("nr").replace(" ", "").replace("º", "°"))
            rest = rest[om.end() :]
        else:
            raise ProvisionRefError(
                f"'{rest}' in '{text}' is niet te plaatsen als lid of onderdeel"
            )
    return ProvisionRef(article, lid, tuple(onderdelen))


def resolve(ref: ProvisionRef, texts: Iterable[Regeling], version: str = "") -> Node:
    """Find the node a reference points at.

    Raises:
        ProvisionRefError: naming the nearest valid provisions when it does not exist.
    """
    index: dict[str, Node] = {}
    for regeling in texts:
        for node in regeling.walk():
            index.setdefault(node.id, node)
    for candidate in id_variants(ref.node_id):
        if candidate in index:
            return index[candidate]
    labels = [n.label for n in index.values() if n.kind in ("artikel", "lid", "onderdeel")]
    near = difflib.get_close_matches(ref.label, labels, n=3, cutoff=0.5)
    where = " in de werkmap" if version == "werk" else f" in versie {version}" if version else ""
    hint = f"; bedoelt u: {'; '.join(near)}?" if near else ""
    raise ProvisionRefError(f"{ref.label} bestaat niet{where}{hint}")


def select(
    regelingen: Iterable[Regeling], refs: Iterable[str], version: str = ""
) -> list[tuple[Regeling, tuple[Node, ...]]]:
    """Return, per regeling in order, the provisions named by `refs` ("273f", "273f lid 3").

    Raises:
        ProvisionRefError: when a reference does not parse or names no provision.
    """
    texts = tuple(regelingen)
    wanted = [parse_ref(r) for r in refs]
    chosen: dict[int, list[Node]] = {}
    for ref in wanted:
        node = resolve(ref, texts, version)
        for i, regeling in enumerate(texts):
            if regeling.find(node.id) is node:
                if all(n is not node for n in chosen.get(i, [])):
                    chosen.setdefault(i, []).append(node)
                break
    return [(texts[i], tuple(chosen[i])) for i in sorted(chosen)]
