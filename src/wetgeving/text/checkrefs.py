"""`check`: internal references that do not resolve, read as a lawyer reads them.

See docs/draft-format.md ("What wetgeving check reports"); the grammar of references is in
`text.refscan`, their resolution in `text.references`.
"""

from __future__ import annotations

from wetgeving.text.labels import article_key, cite, id_variants
from wetgeving.text.model import Regeling
from wetgeving.text.references import label_for_id, not_yet_in_force, references_in


def broken(regeling: Regeling) -> list[tuple[int | None, str]]:
    """Internal references that do not resolve.

    A draft may hold only some articles of a regulation (art. 273f of the Sr), so a reference to
    an article that is not in the file counts as broken only when the file starts at artikel 1 or
    the number falls between its first and last article. An article marked "[Treedt in werking
    per ...]" is not yet in force: it names the provisions of the law as it will read then.
    """
    articles = list(regeling.articles())
    numbers = [a.number for a in articles]
    complete = bool(numbers) and numbers[0] == "1"
    low = min((article_key(a) for a in numbers), default=None)
    high = max((article_key(a) for a in numbers), default=None)
    present = set(numbers)
    future = {a.id for a in articles if not_yet_in_force(a)}
    out: list[tuple[int | None, str]] = []
    reported: set[tuple[str, str]] = set()
    for ref in references_in(regeling):
        if ref.target is not None or (ref.source, ref.wanted) in reported:
            continue
        if ref.source.split("/")[0] in future:
            continue
        article = ref.wanted.split("/")[0].removeprefix("art.")
        if article not in present and not complete:
            key = article_key(article)
            if low is None or high is None or not low <= key <= high:
                continue
        reported.add((ref.source, ref.wanted))
        source = regeling.find(ref.source)
        where = source.label if source is not None else ref.source
        line = source.line if source is not None and source.line else None
        message = (
            f"verwijzing '{ref.phrase}' in {cite(where)} wijst naar {ref.wanted_label}, "
            "maar die bepaling bestaat niet"
        )
        out.append((line, message + _lid_hint(regeling, ref.wanted)))
    return out


def _lid_hint(regeling: Regeling, wanted: str) -> str:
    """ "artikel 362, onder 2°" where only the eerste lid has a 2°: name that one."""
    article, _, rest = wanted.partition("/")
    if not rest.startswith("ond.") or (node := regeling.find(article)) is None:
        return ""
    found = [
        f"{lid.id}/{rest}"
        for lid in node.children
        if lid.kind == "lid"
        and any(regeling.find(v) is not None for v in id_variants(f"{lid.id}/{rest}"))
    ]
    if len(found) != 1:
        return ""
    return f"; de verwijzing noemt geen lid: bedoeld is vermoedelijk {label_for_id(found[0])}"
