"""`wetgeving amend`: the amending bill from two versions, checked by applying it.

The bill is always read back from its own text (the reader `apply` uses) and applied to the old
version; the result must be the new version exactly, provision by provision (front matter is no
part of the law and is not compared). When it is not, the command fails and names the first
provision that differs: a bill that does not do what it says is never handed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wetgeving.amend.model import Bill, BillArticle, Stijl
from wetgeving.errors import AmendError
from wetgeving.text.labels import cite

if TYPE_CHECKING:
    from wetgeving.compare.model import Comparison, VersionLike
    from wetgeving.dossier import Dossier
    from wetgeving.text.model import Node, Regeling

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amending bill and the versions it is made from.

    Attributes:
        bill: The instructions.
        old: Name and commit of the version it amends.
        new: Name and commit of the version it gives.
        articles: The articles given with --article (empty: all).
    """

    bill: Bill
    old: tuple[str, str | None]
    new: tuple[str, str | None]
    articles: tuple[str, ...] = ()


def _name(titles: list[str], regulation: str) -> str:
    """The dossier's name of the regulation (wetgeving.toml) when its drafts hold one regulation."""
    if regulation and len(titles) == 1:
        return regulation
    return titles[0] if titles else regulation


def make_bill(
    comparison: Comparison,
    old: VersionLike,
    new: VersionLike,
    *,
    regulation: str = "",
    stijl: Stijl = "2018",
    only: set[str] | None = None,
) -> Bill:
    """Write the instructions that turn `old` into `new` (one ARTIKEL per regulation).

    Raises:
        AmendError: when a change cannot be put into instructions (a whole draft file added or
            removed).
    """
    from wetgeving.amend.generate import BillPlanner
    from wetgeving.amend.pairing import pair

    pairing = pair(comparison, old.regelingen, new.regelingen)
    titles = list(dict.fromkeys(r.title for r in old.regelingen))
    articles: list[BillArticle] = []
    for n, title in enumerate(titles):
        olds = tuple(r for r in old.regelingen if r.title == title)
        news = tuple(r for r in new.regelingen if r.path in {o.path for o in olds})
        extra = [r for r in new.regelingen if r.title == title and r not in news]
        if extra:
            raise AmendError(
                f"{extra[0].path} is nieuw; een nieuwe regeling past niet in een wijzigingswet"
            )
        planner = BillPlanner(pairing, olds, old.name)
        parts = planner.run(olds, news, only)
        if parts:
            number = _ROMAN[n] if n < len(_ROMAN) else str(n + 1)
            articles.append(
                BillArticle(
                    number, _name(titles, regulation) if len(titles) == 1 else title, tuple(parts)
                )
            )
    return Bill(tuple(articles), stijl)


def verify(
    bill: Bill,
    old: VersionLike,
    new: VersionLike,
    only: set[str] | None = None,
    regulation: str = "",
) -> None:
    """Apply the bill, read back from its own text, to `old`; it must give `new` exactly.

    Raises:
        AmendError: naming the first provision that differs (or the instruction that fails).
    """
    from wetgeving.amend.apply import apply_bill
    from wetgeving.amend.reader import read_instructions
    from wetgeving.amend.render import render_text

    source = "<wijzigingsopdrachten>"
    reading = read_instructions(render_text(bill), source)
    if reading.problems:
        raise AmendError(f"zelfcontrole mislukt: {reading.problems[0].render(source)}")
    outcome = apply_bill(reading.bill, old.regelingen, old.name, regulation)
    if outcome.problems:
        raise AmendError(f"zelfcontrole mislukt: {outcome.problems[0].render(source)}")
    for result, target in zip(outcome.regelingen, _matching(outcome.regelingen, new), strict=True):
        if target is None:
            continue
        where = _first_difference(result, target, only)
        if where is not None:
            raise AmendError(
                f"zelfcontrole mislukt: de wijzigingsopdrachten geven voor {cite(where)} niet de "
                f"tekst van versie {new.name}"
            )


def _matching(results: tuple[Regeling, ...], new: VersionLike) -> list[Regeling | None]:
    by_path = {r.path: r for r in new.regelingen}
    return [by_path.get(r.path) for r in results]


def _first_difference(result: Regeling, target: Regeling, only: set[str] | None) -> str | None:
    """The citation of the first provision where two texts differ (None when they are equal)."""
    if only is None and result.children == target.children:
        return None
    got = {node.id: node for node in result.walk()}
    want = {node.id: node for node in target.walk()}

    def chosen(node: Node) -> bool:
        return only is None or node.id.split("/")[0] in {f"art.{a}" for a in only}

    for node in target.walk():
        mine = got.get(node.id)
        if chosen(node) and (mine is None or _own(mine) != _own(node)):
            return node.label or node.id
    for node in result.walk():
        if chosen(node) and node.id not in want:
            return node.label or node.id
    for node in target.walk():  # the same provisions in another order
        mine = got.get(node.id)
        if chosen(node) and mine is not None and _order(mine) != _order(node):
            return node.label or node.id
    return None


def _own(node: Node) -> tuple[str, str, str, str, str]:
    return (node.kind, node.number, node.text, node.marker, node.title)


def _order(node: Node) -> tuple[str, ...]:
    return tuple(child.id for child in node.children)


def amend(
    dossier: Dossier, old: str, new: str, articles: tuple[str, ...] = (), stijl: Stijl = "2018"
) -> Amendment:
    """The checked amending bill from version `old` to version `new` of a dossier.

    Raises:
        VersionError, ParseError, GitError: as for every version read.
        ProvisionRefError: an --article that exists in neither version.
        AmendError: the bill fails its own check (naming the provision).
    """
    from wetgeving.compare.engine import compare_versions
    from wetgeving.text.refs import parse_ref
    from wetgeving.versiontext import load_versions

    old_text, new_text = load_versions(dossier, [old, new])
    comparison = compare_versions(old_text, new_text)
    only: set[str] | None = None
    if articles:
        only = set()
        for given in articles:
            number = parse_ref(given).article
            known = any(
                a.number == number
                for v in (old_text, new_text)
                for r in v.regelingen
                for a in r.articles()
            )
            if not known:
                from wetgeving.errors import ProvisionRefError

                raise ProvisionRefError(
                    f"artikel {number} bestaat niet in versie {old_text.name} en niet in versie "
                    f"{new_text.name}"
                )
            only.add(number)
    bill = make_bill(
        comparison, old_text, new_text, regulation=dossier.regulation, stijl=stijl, only=only
    )
    verify(bill, old_text, new_text, only, dossier.regulation)
    return Amendment(
        bill,
        (old_text.name, old_text.commit),
        (new_text.name, new_text.commit),
        tuple(sorted(only)) if only else (),
    )
