"""Helpers for the amending-bill tests: the real cases, texts as published, dossiers in git."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from wetgeving import dossier as dossier_mod
from wetgeving import gitrepo, history
from wetgeving.amend.build import make_bill, verify
from wetgeving.amend.content import read_content
from wetgeving.amend.model import Bill
from wetgeving.amend.reader import paragraphs
from wetgeving.amend.render import render_text
from wetgeving.compare.engine import compare_versions
from wetgeving.text.model import Regeling
from wetgeving.text.parse import parse
from wetgeving.text.render import render_markdown
from wetgeving.versiontext import VersionText

FIXTURES = Path(__file__).parent / "fixtures"
CASES_FILE = FIXTURES / "amend" / "voorbeelden-wijzigingsopdrachten.json"


def cases() -> list[dict[str, Any]]:
    """The real (before, instruction, after) cases, copied from the domain folder."""
    data: dict[str, Any] = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    return list(data["cases"])


def case(case_id: str) -> dict[str, Any]:
    """One real case by id ("T1")."""
    return next(c for c in cases() if c["id"] == case_id)


def published(text: str, title: str = "Wetboek van Strafrecht") -> Regeling:
    """An article as published ("Artikel 5 / 1. ... /   1°. ...") as a regeling."""
    nodes = read_content(paragraphs(text), "artikel")
    return Regeling(title, "BWBR0001854", nodes, path="drafts/sr.md")


def draft(text: str) -> str:
    """An article as published, written as a draft file."""
    return render_markdown(published(text))


def make_dossier(root: Path, versions: dict[str, str]) -> dossier_mod.Dossier:
    """A dossier in a fresh repository with each (name, draft text) recorded as a version."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Testwet", "Wetboek van Strafrecht", "BWBR0001854"),
        encoding="utf-8",
    )
    (root / "drafts").mkdir(exist_ok=True)
    gitrepo.init_repository(root)
    d = dossier_mod.load(root)
    for name, text in versions.items():
        (root / "drafts" / "273f.md").write_text(text, encoding="utf-8")
        history.create_version(d, name, f"Versie {name}")
    return d


def fixture_dossier(
    root: Path, names: tuple[str, ...] = ("geldend", "v1", "v2")
) -> dossier_mod.Dossier:
    """A dossier with the fixture drafts of art. 273f recorded as versions."""
    texts = {}
    for name in names:
        texts[name] = (FIXTURES / "drafts" / f"{name}.md").read_text(encoding="utf-8")
    return make_dossier(root, texts)


def copy_fixture(name: str, target: Path) -> None:
    """Put a fixture draft into a dossier's drafts/."""
    shutil.copyfile(FIXTURES / "drafts" / f"{name}.md", target)


HEAD = "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:\n\n"


def version(name: str, body: str) -> VersionText:
    return VersionText(
        name, None, (parse(f"---\ntitel: Wetboek van Strafrecht\n---\n\n{body}", "drafts/sr.md"),)
    )


def bill(
    old: str, new: str, stijl: str = "2018", only: set[str] | None = None, lettered: bool = True
) -> str:
    """The checked bill from one text to another, as plain text.

    With `lettered` (the formula tests) a bill of one change is shown in the old lettered form
    ("Het Wetboek van Strafrecht wordt als volgt gewijzigd:", "A", the change as an onderdeel
    writes it), and that form is checked by applying it too; the bill itself, in the
    single-change form that `amend` writes (no letter, the regulation named in the change), is
    always checked. `lettered=False` gives the bill as written (tests/test_amend_single.py).
    """
    a, b = version("oud", old), version("nieuw", new)
    made = make_bill(
        compare_versions(a, b), a, b, regulation="Wetboek van Strafrecht", stijl=stijl, only=only
    )  # type: ignore[arg-type]
    verify(made, a, b, only, "Wetboek van Strafrecht")
    if lettered and made != as_onderdeel(made):
        made = as_onderdeel(made)
        verify(made, a, b, only, "Wetboek van Strafrecht")
    return render_text(made)


def as_onderdeel(made: Bill) -> Bill:
    """A bill of one change lettered "A", as one onderdeel of a bigger bill (or as bills were
    written before the single-change form); other bills as they are."""
    if len(made.articles) != 1 or len(made.articles[0].onderdelen) != 1:
        return made
    article = made.articles[0]
    part = replace(article.onderdelen[0], letter="A")
    return replace(made, articles=(replace(article, onderdelen=(part,)),))


GOLDEN = Path(__file__).parent / "golden" / "amend"


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/amend/NAME (UPDATE_GOLDEN=1 writes it instead)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
