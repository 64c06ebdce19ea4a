"""The single-change form of an ARTIKEL: no onderdeel letter, the regulation named in the change.

Ar 6.15, second lid, letters "de verschillende wijzigingen van een regeling": an ARTIKEL that
makes one change has no letter and no opening "Het Wetboek van Strafrecht wordt als volgt
gewijzigd:"; the change names the regulation after its full citation, in the Ar's citation style
("artikel 23, vierde lid, van het Wetboek van Strafrecht", as the Ar's own text cites; the
group form as in Kst. 32 211, nr. 36, quoted in the domain primer's wijzigingsopdrachten.md):

    Artikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:   (Kst. 32 211, nr. 36)
    In artikel 273f, eerste lid, van het Wetboek van Strafrecht wordt «vijfde» vervangen door ...
    Artikel 273f, achtste lid, van het Wetboek van Strafrecht vervalt.

Writing is `render.py` (with `of_regulation`); reading is `split_regulation`, which takes the
regulation out of such a sentence so that the formulas read it as any other.
"""

from __future__ import annotations

import re

from wetgeving.amend.model import BillArticle
from wetgeving.text.labels import is_ordinal_word

# The regulation's name ends where the sentence's verb starts (or "alsmede", Ar 6.18).
_VERB = re.compile(r",?\s+\b(?:wordt|worden|vervalt|vervallen|komt|komen|alsmede)\b")
_OF = re.compile(r"(?:^|\s)van\s+(?:het|de)\s+(?=[A-Z])")
_DIVISION_NOUNS = ("boek", "titel", "hoofdstuk", "afdeling", "paragraaf")


def article_word(regulation: str) -> str:
    """ "Het" for het Wetboek, het Besluit; "De" for de Opiumwet, de Wet ..."""
    first = regulation.split()[0].lower() if regulation.split() else ""
    return "Het" if first in ("wetboek", "besluit", "reglement", "statuut", "burgerlijk") else "De"


def of_regulation(regulation: str) -> str:
    """ "van het Wetboek van Strafrecht", "van de Opiumwet": the regulation after a citation."""
    return f"van {article_word(regulation).lower()} {regulation}"


def is_single(article: BillArticle) -> bool:
    """Whether an ARTIKEL is in the single-change form: one onderdeel, without a letter."""
    return len(article.onderdelen) == 1 and not article.onderdelen[0].letter


def split_regulation(sentence: str) -> tuple[str, str]:
    """The sentence without the regulation it names after its citation, and that name.

    "In artikel 5, eerste lid, van de Opiumwet wordt ..." -> ("In artikel 5, eerste lid, wordt
    ...", "Opiumwet"). The name is the text between "van het"/"van de" and the first verb; a
    division ("van het Tweede Boek", "van de Derde Afdeling") is part of the citation, not a
    regulation. Returns (sentence, "") when it names none. Quotations must be masked first.
    """
    verb = _VERB.search(sentence)
    if verb is None:
        return sentence, ""
    head = sentence[: verb.start()]
    for of in _OF.finditer(head):
        name = head[of.end() :].strip()
        words = name.split()
        if len(words) >= 2 and is_ordinal_word(words[0]) and words[1].lower() in _DIVISION_NOUNS:
            continue  # "van het Tweede Boek (van het Wetboek van Strafrecht)"
        rest = sentence[verb.start() :].lstrip(",")
        return (sentence[: of.start()] + rest).strip(), name
    return sentence, ""


def clash(current: str, named: str, article: str) -> str:
    """Why a change that names `named` does not fit an ARTIKEL that amends `current` ("" if it
    fits)."""
    if not current or " ".join(current.lower().split()) == " ".join(named.lower().split()):
        return ""
    return f"de opdracht noemt {named}, maar artikel {article or 'I'} wijzigt {current}"
