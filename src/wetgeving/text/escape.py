"""The backslash escapes of the draft format, both ways (see docs/draft-format.md, "Escapes").

`render` escapes the start of an alinea that Markdown would read as syntax, and a heading's
closing '#' run; `parse` removes exactly those escapes. Both directions live here because
parse(render(tree)) == tree depends on their agreeing.
"""

from __future__ import annotations

import re

# Characters that start Markdown syntax at the start of an alinea.
_SYNTAX = frozenset("\\-+*#>`~_=<[|")
# A number, any backslashes, then "." or ")": one more backslash, which parse removes again
# ("1." would be a lid; "1\." is the text "1.", "1\\." is the text "1\.").
_DIGIT_DELIM = re.compile(r"^(\d{1,9})(\\*[.)])")
_ESCAPED_DIGITS = re.compile(r"^(\d{1,9})\\(\\*[.)])")
_CLOSING_HASHES = re.compile(r"(?<=[ \\])#+$")
_ESCAPED_CLOSING_HASHES = re.compile(r"\\(#+)$")


def escape_start(alinea: str) -> str:
    """Escape the start of an alinea that Markdown would otherwise read as block syntax."""
    if not alinea:
        return alinea
    m = _DIGIT_DELIM.match(alinea)
    if m:
        return f"{m.group(1)}\\{alinea[m.end(1) :]}"
    if alinea[0] == "[" and "]:" not in alinea:
        return alinea  # only "[label]: ..." is Markdown syntax (a link reference definition)
    if alinea[0] in _SYNTAX:
        return "\\" + alinea
    return alinea


def unescape_start(alinea: str) -> str:
    """Undo `escape_start`."""
    if "\\" not in alinea[:11]:
        return alinea  # both escapes below have their backslash within the first 11 characters
    if len(alinea) > 1 and alinea[0] == "\\" and alinea[1] in _SYNTAX:
        return alinea[1:]
    m = _ESCAPED_DIGITS.match(alinea)
    if m:
        return m.group(1) + alinea[m.end(1) + 1 :]
    return alinea


def escape_heading(head: str) -> str:
    """Keep a title's closing '#' run: Markdown drops '#'s after a space at a heading's end."""
    return _CLOSING_HASHES.sub(lambda m: "\\" + m.group(0), head, count=1)


def unescape_heading(content: str) -> str:
    """Undo `escape_heading`."""
    if "\\" not in content:
        return content
    return _ESCAPED_CLOSING_HASHES.sub(r"\1", content, count=1)
