"""Lines that parse, but probably not as the lawyer meant: `check` names them.

A line of text that starts like a lid or onderdeel but is none is made part of the alinea before
it (or an alinea of its own) by Markdown: "5 Artikel 251 is ..." (a forgotten period), "2. Een
lid" straight after a line of text, "2° degene die" without "- ". The parse reads such lines as it
always did (recorded versions must read the same); `check` reports them with their line.
"""

from __future__ import annotations

import re

_LOOKS_NUMBERED = re.compile(
    r"(?P<nr>\d{1,3}[a-z]?)(?:(?P<deg>[°º])\.?|(?P<dot>[.)]))?[ \t]+(?P<next>\S)"
    r"|(?P<letter>[a-z])\.[ \t]+\S"
)


def numbered_lines(content: str, skip: int) -> list[tuple[int, str]]:
    """The suspect lines of a paragraph's source, as (index of the line, Dutch message).

    Args:
        content: The paragraph's source lines.
        skip: How many first lines to pass over (1 when the first line starts with the marker of
            the item the paragraph belongs to).
    """
    out: list[tuple[int, str]] = []
    for i, raw in enumerate(content.split("\n")):
        if i < skip:
            continue
        m = _LOOKS_NUMBERED.match(raw.lstrip(" \t"))
        if m is None:
            continue
        shown = raw.strip()
        shown = shown if len(shown) <= 40 else shown[:40] + "..."
        nr = m.group("nr")
        if m.group("deg"):
            out.append(
                (
                    i,
                    f"'{shown}' is geen onderdeel ('- ' ontbreekt) en wordt gelezen als tekst; "
                    f"schrijf '- {nr}°. ...'",
                )
            )
        elif nr and not m.group("dot"):
            if not m.group("next")[:1].isupper():
                continue  # a lid starts with a capital; "5 jaren" is a wrapped line
            where = "tekst" if i == 0 else "tekst van de regel ervoor"
            message = (
                f"'{shown}' begint met een nummer zonder punt en wordt gelezen als {where}, "
                f"niet als lid {nr}; schrijf '{nr}. ...'"
            )
            out.append((i, message))
        elif i > 0:
            out.append(
                (
                    i,
                    f"'{shown}' sluit zonder witregel aan op de tekst erboven en wordt daardoor "
                    "gelezen als tekst, niet als lid of onderdeel; zet er een witregel voor",
                )
            )
    return out
