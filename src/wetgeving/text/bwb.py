"""Import wetten.overheid.nl BWB XML into the text model, and so into the draft format.

Reading the XML safely is `text.bwbxml`; turning its elements into the tree is `text.bwbconvert`.
Here the tree is narrowed to chosen articles, rendered as a draft, and read back: a draft that
would not read back as the published text is refused, naming the article and its XML line.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from wetgeving.errors import ParseError, ProvisionRefError
from wetgeving.text.bwbconvert import bwb_id, convert
from wetgeving.text.bwbxml import read_xml
from wetgeving.text.model import Node, Regeling
from wetgeving.text.parse import parse_lenient
from wetgeving.text.render import render_markdown

_TOPS = ("artikel", "bijlage")


@dataclass(frozen=True, slots=True)
class BwbImport:
    """The result of an import.

    Attributes:
        regeling: The draft's tree, with ids and labels.
        bwb_id: The BWB id of the regulation ("BWBR0001854").
        markdown: The draft text.
        articles: How many articles it holds.
        bijlagen: How many bijlagen it holds.
        notes: What was left out and why (a bijlage with an image), one Dutch line each.
    """

    regeling: Regeling
    bwb_id: str
    markdown: str
    articles: int
    bijlagen: int = 0
    notes: tuple[str, ...] = ()


def _select(nodes: tuple[Node, ...], wanted: set[str]) -> tuple[Node, ...]:
    out: list[Node] = []
    for node in nodes:
        if node.kind == "artikel":
            if node.number in wanted:
                out.append(node)
        elif node.kind != "bijlage" and node.children:
            kept = _select(node.children, wanted)
            if kept:
                out.append(replace(node, children=kept))
    return tuple(out)


def select_articles(regeling: Regeling, numbers: Sequence[str]) -> Regeling:
    """Keep only the named articles (and the divisions around them); bijlagen are left out.

    Raises:
        ProvisionRefError: naming the nearest article numbers when one does not exist.
    """
    present = [a.number for a in regeling.articles()]
    wanted: set[str] = set()
    for raw in numbers:
        number = raw.strip()
        low = number.lower()
        for prefix in ("artikel ", "art. ", "art "):
            if low.startswith(prefix):
                number = number[len(prefix) :].strip()
        if number not in present:
            near = difflib.get_close_matches(number, present, n=3, cutoff=0.6)
            hint = f"; bedoelt u: {', '.join('artikel ' + n for n in near)}?" if near else ""
            raise ProvisionRefError(f"artikel {number} komt niet voor in {regeling.path}{hint}")
        wanted.add(number)
    return replace(regeling, children=_select(regeling.children, wanted))


def _bare(node: Node) -> Node:
    return replace(node, id="", label="", children=tuple(_bare(c) for c in node.children))


def _tops(regeling: Regeling) -> list[Node]:
    return [n for n in regeling.walk() if n.kind in _TOPS]


def _verify(built: Regeling, parsed: Regeling, errors: list[ParseError], name: str) -> None:
    """Refuse to write a draft that would not read back as the imported text.

    The draft's own line numbers mean nothing to the lawyer, who has only the XML: a problem is
    reported at the line of the article (or bijlage) in the XML.
    """
    before, after = _tops(built), _tops(parsed)
    bad: Node | None = None
    if errors:
        first = min(err.line or 0 for err in errors)
        at = [i for i, node in enumerate(after) if node.line <= first]
        bad = before[at[-1]] if at and at[-1] < len(before) else None
    else:
        bad = next((b for b, a in zip(before, after, strict=False) if _bare(b) != _bare(a)), None)
    if bad is not None:
        what = f"artikel {bad.number}" if bad.kind == "artikel" and bad.number else bad.label
        what = what or ("het enig artikel" if bad.kind == "artikel" else "de bijlage")
        raise ParseError(
            name,
            bad.line or None,
            f"{what} kan niet zonder verlies als concepttekst worden geschreven "
            "(nummering die Markdown niet kan weergeven)",
        )
    if errors or len(before) != len(after) or _bare_all(built) != _bare_all(parsed):
        raise ParseError(name, None, "de regeling kan niet zonder verlies worden omgezet")


def _bare_all(regeling: Regeling) -> tuple[Node, ...]:
    return tuple(_bare(c) for c in regeling.children)


def import_bwb(
    path: Path,
    articles: Sequence[str] = (),
    title: str | None = None,
    known_titles: Mapping[str, str] | None = None,
) -> BwbImport:
    """Read a BWB XML file and return the draft (tree with ids and its canonical Markdown).

    Raises:
        ParseError: when the file cannot be read, is not BWB XML or holds what a draft cannot.
        ProvisionRefError: when a selected article does not exist.
    """
    name = str(path)
    root = read_xml(path, name)
    converted = convert(root, name, title or (known_titles or {}).get(bwb_id(root)))
    regeling = converted.regeling
    if articles:
        regeling = select_articles(regeling, articles)
    markdown = render_markdown(regeling)
    parsed, errors = parse_lenient(markdown, name)
    _verify(regeling, parsed, errors, name)
    count = sum(1 for _ in parsed.articles())
    bijlagen = sum(1 for node in parsed.children if node.kind == "bijlage")
    notes = converted.notes if not articles else ()
    return BwbImport(parsed, converted.bwb_id, markdown, count, bijlagen, notes)
