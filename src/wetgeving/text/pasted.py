"""Characters that text typed or pasted from Word brings along, and how each is read and written.

- "º" (the ordinal indicator) after a number is meant as "°": references read "onder 1º" as
  "onder 1°", and `fmt` and `import bwb` write "°".
- Non-breaking, narrow no-break and other Unicode spaces are spaces: inside an alinea they were
  always collapsed to one space; at the start of a line ("1.<nbsp>Tekst", indentation) they now
  count as the spaces Markdown needs, so such a line is a lid or onderdeel as it looks.
- Soft hyphens (U+00AD) are invisible: references read past them, `fmt` and the import drop them.
- Curly quotes and guillemets read as straight quotes in references ("artikel 5, ‘eerste lid’").

Reading never changes the tree of a draft: a draft in canonical form holds none of these spaces at
the start of a line, and its "º" and soft hyphens stay in the tree as written, so every draft that
parsed before parses to the same tree. Only `fmt` (and a new import) writes the canonical
characters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wetgeving.text.model import Node, Regeling

# Unicode spaces Python's str.split() splits on, other than the ASCII ones.
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
SPACES += "\u202f\u205f\u3000"
SOFT_HYPHEN = "\u00ad"
_QUOTES = str.maketrans("‘’‚‛“”„‟«»", '\'\'\'\'""""""')
_READ = str.maketrans({**dict.fromkeys(SPACES, " "), "º": "°"})
_SPACE_SET = re.compile(f"[{SPACES}]")
_READ_SET = re.compile(f"[{SPACES}º{SOFT_HYPHEN}‘’‚‛“”„‟«»]")
# The start of a line that Markdown reads as structure: indentation, list markers, heading marks.
_LEAD = re.compile(
    rf"^[ \t{SPACES}]*(?:(?:[-+*]|#{{1,6}}|\d{{1,9}}[.)])[ \t{SPACES}]+)*", re.MULTILINE
)
_ORDINAL_AFTER_DIGIT = re.compile(r"(?<=\d)º")
_RUNS = re.compile(r" {2,}")


def reading_form(text: str) -> tuple[str, list[int] | None]:
    """The text as references read it, and (only when soft hyphens were dropped) for every
    character of the result its index in `text`; otherwise indexes are the same."""
    if text.isascii() or not _READ_SET.search(text):
        return text, None
    plain = text.translate(_READ).translate(_QUOTES)
    if SOFT_HYPHEN not in plain:
        return plain, None
    where = [i for i, char in enumerate(plain) if char != SOFT_HYPHEN]
    where.append(len(plain))
    return plain.replace(SOFT_HYPHEN, ""), where


# The spaces a word processor puts in: no-break, narrow no-break, figure, thin, en and em space.
# Looked for one by one, which is several times faster than a character class over a whole code.
_PASTED = ("\u00a0", "\u202f", "\u2007", "\u2009", "\u2002", "\u2003")


def structural_spaces(body: str) -> str:
    """Read Unicode spaces at the start of a line as the spaces Markdown structure needs."""
    if body.isascii() or not any(space in body for space in _PASTED):
        return body
    return _LEAD.sub(lambda m: _SPACE_SET.sub(" ", m.group(0)), body)


def _collapse(text: str) -> str:
    """Spaces collapsed in each alinea, and an alinea left empty gone (as `normalise` reads)."""
    lines = (_RUNS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def canonical_chars(text: str) -> str:
    """The canonical characters of a text: "°" after a number, plain spaces, no soft hyphens."""
    if text.isascii():
        return text
    out = text
    if SOFT_HYPHEN in out:
        # A soft hyphen alone between spaces or at an end leaves spaces to collapse.
        out = _collapse(out.replace(SOFT_HYPHEN, ""))
    if "º" in out:
        out = _ORDINAL_AFTER_DIGIT.sub("°", out)
    if _SPACE_SET.search(out):
        out = _collapse(_SPACE_SET.sub(" ", out))
    return out


def _kept(value: str) -> str:
    """The canonical characters of a value, unless they would leave nothing of it: a slotzin
    of only a no-break space or a soft hyphen is kept as written, never dropped by `fmt`."""
    out = canonical_chars(value)
    return out if out.strip() or not value else value


def canonical_node(node: Node) -> Node:
    """The node with canonical characters in its text, title, marker and number."""
    children = tuple(canonical_node(c) for c in node.children)
    text, title = _kept(node.text), _kept(node.title)
    marker, number = _kept(node.marker), _kept(node.number)
    if (text, title, marker, number) == (node.text, node.title, node.marker, node.number) and all(
        a is b for a, b in zip(children, node.children, strict=True)
    ):
        return node
    return replace(node, text=text, title=title, marker=marker, number=number, children=children)


def canonical_regeling(regeling: Regeling) -> Regeling:
    """The regeling with canonical characters everywhere in its tree (see `canonical_node`)."""
    children = tuple(canonical_node(c) for c in regeling.children)
    if all(a is b for a, b in zip(children, regeling.children, strict=True)):
        return regeling
    return replace(regeling, children=children)
