"""The Word renvooi as real Word revisions (tracked changes), written through python-docx's oxml.

Deleted text is `w:del` (its runs `w:delText`), inserted text `w:ins`, moved text `w:moveFrom`
where it left and `w:moveTo` where it went, each move between its range markers
(`w:moveFromRangeStart`/`End`, `w:moveToRangeStart`/`End`) named alike for both ends. Every
revision carries the author and date of the newer version, so Word's and LibreOffice's review
pane lists them as that version's changes: "accept all" leaves the new text of every item,
"reject all" the old.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from wetgeving.documents.model import ComparisonView

LEGEND = (
    "De wijzigingen staan als bijgehouden wijzigingen (revisies) in dit document: aanvaard ze "
    "alle en de nieuwe tekst blijft over, verwerp ze alle en de oude. Verplaatste tekst is als "
    "verplaatsing gemarkeerd."
)
_KIND = {"insert": "w:ins", "delete": "w:del", "moved": "w:moveTo", "moved-away": "w:moveFrom"}


class Revisions:
    """Numbering of revision ids and move names within one document."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self._next = 0

    def next_id(self) -> str:
        self._next += 1
        return str(self._next)

    def stamp(self, element: Any) -> Any:
        from docx.oxml.ns import qn

        element.set(qn("w:id"), self.next_id())
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element


def _run(text: str, deleted: bool) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    node = OxmlElement("w:delText" if deleted else "w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text
    run.append(node)
    return run


def marks(
    paragraph: Any, parts: Sequence[tuple[str, str]], revisions: Revisions, move: str
) -> None:
    """Append marked text to a paragraph as revisions; `move` names the item's move range."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = paragraph._p
    open_range: str | None = None
    range_id = ""
    for mark, text in parts:
        kind = _KIND.get(mark)
        moving = kind in ("w:moveFrom", "w:moveTo")
        if open_range is not None and open_range != kind:
            end = OxmlElement(f"{open_range}RangeEnd")
            end.set(qn("w:id"), range_id)
            p.append(end)
            open_range = None
        if moving and open_range is None:
            assert kind is not None
            start = revisions.stamp(OxmlElement(f"{kind}RangeStart"))
            start.set(qn("w:name"), move)
            range_id = start.get(qn("w:id"))
            p.append(start)
            open_range = kind
        run = _run(text, deleted=kind in ("w:del", "w:moveFrom"))
        if kind is None:
            p.append(run)
            continue
        wrapper = revisions.stamp(OxmlElement(kind))
        wrapper.append(run)
        p.append(wrapper)
    if open_range is not None:
        end = OxmlElement(f"{open_range}RangeEnd")
        end.set(qn("w:id"), range_id)
        p.append(end)


def _moved(parts: Sequence[tuple[str, str]], mark: str) -> str:
    return "".join(text for m, text in parts if m == mark)


def move_names(comparison: ComparisonView) -> list[str]:
    """One move name per item, in document order: the place a text left and the place it went
    get the same name (matched on the moved text, else in order), so Word pairs them."""
    items = [item for article in comparison.articles for item in article.items]
    names = [""] * len(items)
    away = [n for n, item in enumerate(items) if _moved(item.marks, "moved-away")]
    to = [n for n, item in enumerate(items) if _moved(item.marks, "moved")]
    counter = 0
    for n in away:
        counter += 1
        name = f"verplaatsing{counter}"
        names[n] = name
        text = _moved(items[n].marks, "moved-away")
        match = next((m for m in to if _moved(items[m].marks, "moved") == text), None)
        if match is None and to:
            match = to[0]
        if match is not None:
            to.remove(match)
            names[match] = name
    for m in to:
        counter += 1
        names[m] = f"verplaatsing{counter}"
    return names
