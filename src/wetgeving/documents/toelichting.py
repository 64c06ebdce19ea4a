"""The lawyer's own text: `toelichting/algemeen/<hoofdstuk>.md` and `toelichting/<artikel>.md`
(`toelichting/enig-artikel.md`, `toelichting/bijlage-I.md` for the enig artikel and a bijlage).

These files are only ever read here; generating a document never writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wetgeving import confine, files

# (key, number, title, IAK prompts): the Algemeen deel per Ar 4.48 and KCBR practice (36 547).
CHAPTERS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "inleiding",
        "1",
        "Inleiding",
        (
            "Wat is de aanleiding? (IAK-vraag 1)",
            "Wie zijn betrokken? (IAK-vraag 2)",
            "Wat is het probleem? (IAK-vraag 3)",
        ),
    ),
    (
        "hoofdlijnen",
        "2",
        "Hoofdlijnen van het wetsvoorstel",
        (
            "Wat is het doel? (IAK-vraag 4)",
            "Wat rechtvaardigt overheidsinterventie? (IAK-vraag 5)",
            "Wat is het beste instrument? (IAK-vraag 6)",
        ),
    ),
    (
        "hoger-recht",
        "3",
        "Verhouding tot hoger recht",
        (
            "Grondwet, EVRM (artikelen 4 en 7), richtlijn 2011/36/EU zoals gewijzigd bij richtlijn "
            "(EU) 2024/1712, Verdrag van Warschau, Palermo-protocol.",
        ),
    ),
    (
        "uitvoering",
        "4",
        "Uitvoerings- en handhavingsconsequenties en financiële gevolgen",
        (
            "Wat zijn de gevolgen? (IAK-vraag 7)",
            "Uitvoeringstoetsen (OM, politie, KMar, Nederlandse Arbeidsinspectie, Raad voor de "
            "rechtspraak) en financiële gevolgen voor het Rijk.",
        ),
    ),
    (
        "advies-en-consultatie",
        "5",
        "Advies en consultatie",
        ("Wie is geconsulteerd, wat is naar voren gebracht en wat is ermee gedaan?",),
    ),
)
CHAPTER_KEYS = tuple(c[0] for c in CHAPTERS)
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Toelichting:
    """The toelichting files found in a dossier.

    Attributes:
        chapters: Chapter key -> (relative path, text).
        articles: Article or bijlage (body key: "273f", "" for the enig artikel, "bijlage I")
            -> (relative path, text).
        unknown: Relative paths of files that fit no chapter key (reported, not dropped).
    """

    chapters: dict[str, tuple[str, str]]
    articles: dict[str, tuple[str, str]]
    unknown: tuple[tuple[str, str], ...]


def _read(path: Path, rel: str) -> str:
    return files.read_text(path, rel, limit=MAX_BYTES, what="toelichting")


def load(root: Path, folder: Path) -> Toelichting:
    """Read all `.md` files under `folder` (relative paths are reported against `root`).

    Raises:
        DossierError: when a file or folder is a link that leads out of the dossier.
    """
    chapters: dict[str, tuple[str, str]] = {}
    articles: dict[str, tuple[str, str]] = {}
    unknown: list[tuple[str, str]] = []
    if not folder.is_dir():
        return Toelichting(chapters, articles, ())
    for path in confine.files(root, folder, ".md"):
        if path.name.startswith("."):
            continue
        rel = path.relative_to(root).as_posix()
        text = _read(path, rel)
        sub = path.relative_to(folder)
        if len(sub.parts) == 2 and sub.parts[0] == "algemeen" and path.stem in CHAPTER_KEYS:
            chapters[path.stem] = (rel, text)
        elif len(sub.parts) == 1:
            articles[_body(path.stem)] = (rel, text)
        else:
            unknown.append((rel, text))
    return Toelichting(chapters, articles, tuple(unknown))


_ENIG = "enig-artikel"


def file_name(article: str) -> str:
    """The file of the toelichting on an article or bijlage (by body key), under toelichting/:
    "273f.md", "enig-artikel.md", "bijlage-I.md"."""
    return f"{article.replace(' ', '-') if article else _ENIG}.md"


def _body(stem: str) -> str:
    """The body key a file name stands for (the inverse of `file_name`)."""
    if stem == _ENIG:
        return ""
    return stem.replace("-", " ", 1) if stem.startswith("bijlage-") else stem
