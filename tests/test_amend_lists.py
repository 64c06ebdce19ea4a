"""`wetgeving amend` on lists and structure: renumbering written once per lid, lapses and
insertions in the order that allows it, words and sentences added at the end, gedachtestreepjes,
an article that gets or loses its leden, the same change in neighbouring provisions. Every
expected bill is the exact text; `bill()` also checks it by applying it. The tables below run in
`test_amend_generate.test_formula` (one test for every formula); `apply` reading the same forms
is tested here."""

from __future__ import annotations

import pytest

from test_amend_apply import _apply
from test_amend_support import HEAD, bill, published, version

_ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste"]
OLD = [f"Het {w} lid gaat over regel {i}." for i, w in enumerate(_ORDINALS, 1)]
NEW_LID = "Niet strafbaar is het slachtoffer."


def leden(texts: list[str]) -> str:
    return "## Artikel 5\n\n" + "".join(f"{i}. {t}\n" for i, t in enumerate(texts, 1))


def dashes(items: list[str]) -> str:
    body = "".join(f"   - – {t}{';' if i < len(items) - 1 else '.'}\n" for i, t in enumerate(items))
    return "## Artikel 7\n\n1. De straf is hoger indien het feit wordt gepleegd:\n" + body


# Every lid gets its new number in one step: a lapse further on is written first when its number
# is needed, one clause takes a later step's renumbering along, lapses with only renumbering
# between them are one sentence (Ar 3.29), a lid that lapses where another comes is replaced.
RENUMBERING = [
    pytest.param(
        leden(OLD[:6]),
        leden([*OLD[:2], NEW_LID, *OLD[2:4], OLD[5]]),
        "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n1. Het vijfde lid vervalt.\n\n2. Onder "
        "vernummering van het derde en vierde lid tot vierde en vijfde lid wordt na het tweede "
        "lid een lid ingevoegd, luidende:\n\n3. Niet strafbaar is het slachtoffer.\n",
        id="lapse_first",
    ),
    pytest.param(
        leden(OLD),
        leden([*OLD[:3], NEW_LID, *OLD[3:5], "Ook de poging is strafbaar.", *OLD[5:]]),
        "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n1. Onder vernummering van het vierde en "
        "vijfde lid tot vijfde en zesde lid en van het zesde tot en met achtste lid tot achtste "
        "tot en met tiende lid wordt na het derde lid een lid ingevoegd, luidende:\n\n4. Niet "
        "strafbaar is het slachtoffer.\n\n2. Na het zesde lid (nieuw) wordt een lid ingevoegd, "
        "luidende:\n\n7. Ook de poging is strafbaar.\n",
        id="one_clause_for_two_insertions",
    ),
    pytest.param(
        leden(OLD),
        leden([OLD[0], OLD[2], *OLD[4:]]),
        "A\n\nIn artikel 5 vervallen het tweede en vierde lid, onder vernummering van het derde "
        "lid tot tweede lid en van het vijfde tot en met achtste lid tot derde tot en met zesde "
        "lid.\n",
        id="two_lapses_one_instruction",
    ),
    pytest.param(
        leden(OLD[:6]),
        leden([OLD[0], *OLD[2:4], "Een geheel nieuwe bepaling over de stichting.", OLD[5]]),
        "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n1. Het tweede lid vervalt, onder "
        "vernummering van het derde tot en met zesde lid tot tweede tot en met vijfde lid.\n\n"
        "2. Het vierde lid (nieuw) komt te luiden:\n\n4. Een geheel nieuwe bepaling over de "
        "stichting.\n",
        id="lapse_and_new_lid_in_its_place",
    ),
]


def test_the_dossiers_v1_v2_renumbering() -> None:
    """Art. 273f v1 -> v2 in short: a lid inserted after the third and the eighth lapsing give
    "Het achtste lid vervalt." and one renumbering of the fourth to seventh lid, not the ninth
    lid renumbered twice."""
    old = leden([*OLD, "Artikel 251 is van overeenkomstige toepassing."])
    new = leden([*OLD[:3], NEW_LID, *OLD[3:7], "Artikel 251 is van overeenkomstige toepassing."])
    assert bill(old, new) == HEAD + (
        "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n1. Het achtste lid vervalt.\n\n2. Onder "
        "vernummering van het vierde tot en met zevende lid tot vijfde tot en met achtste lid "
        "wordt na het derde lid een lid ingevoegd, luidende:\n\n4. Niet strafbaar is het "
        "slachtoffer.\n"
    )


# Words after the last word are "toegevoegd" ("aan het slot" among other changes, Ar 6.11); a
# whole sentence is inserted after the one it follows or added, also next to word changes (those
# then cite their sentence); one change in neighbouring leden is one instruction.
WORDS = [
    pytest.param(
        "## Artikel 9\n\n1. De rechter kan de straf verminderen.\n2. De officier vordert de straf "
        "en de boete.\n",
        "## Artikel 9\n\n1. De rechter kan de straf verminderen, tenzij de wet anders bepaalt.\n"
        "2. De officier vordert de maatregel en de boete, tenzij de wet anders bepaalt.\n",
        "A\n\nArtikel 9 wordt als volgt gewijzigd:\n\n1. Aan het eerste lid wordt «, tenzij de "
        "wet anders bepaalt» toegevoegd.\n\n2. In het tweede lid wordt «straf» vervangen door "
        "«maatregel» en wordt aan het slot «, tenzij de wet anders bepaalt» toegevoegd.\n",
        id="woorden_aan_het_slot",
    ),
    pytest.param(
        "## Artikel 9\n\nDe rechter kan een straf opleggen. Hij doet dat bij vonnis.\n",
        "## Artikel 9\n\nDe rechter kan een straf opleggen. Dit geldt ook in hoger beroep. Hij "
        "doet dat bij vonnis.\n",
        "A\n\nIn artikel 9 wordt na de eerste zin een zin ingevoegd, luidende: Dit geldt ook in "
        "hoger beroep.\n",
        id="zin_ingevoegd",
    ),
    pytest.param(
        "## Artikel 9\n\nDe rechter kan een straf opleggen.\n",
        "## Artikel 9\n\nDe rechter kan een straf opleggen. Dit geldt ook in hoger beroep. Hij "
        "doet dat bij vonnis.\n",
        "A\n\nAan artikel 9 worden twee zinnen toegevoegd, luidende: Dit geldt ook in hoger "
        "beroep. Hij doet dat bij vonnis.\n",
        id="zinnen_toegevoegd",
    ),
    pytest.param(
        "## Artikel 9\n\n1. Het eerste lid.\n2. De officier vordert de straf.\n",
        "## Artikel 9\n\n1. Het eerste lid.\n2. De officier vordert de maatregel. Hij doet dat "
        "schriftelijk.\n",
        "A\n\nArtikel 9, tweede lid, wordt als volgt gewijzigd:\n\n1. In de eerste zin wordt "
        "«straf» vervangen door «maatregel».\n\n2. Er wordt een zin toegevoegd, luidende: Hij "
        "doet dat schriftelijk.\n",
        id="woorden_en_een_zin",
    ),
    pytest.param(
        "## Artikel 139d\n\n1. Zie artikel 138a voor de straf.\n2. Het feit van artikel 138a is "
        "strafbaar.\n3. De poging tot artikel 138a is strafbaar.\n",
        "## Artikel 139d\n\n1. Zie artikel 138a voor de straf.\n2. Het feit van artikel 138ab is "
        "strafbaar.\n3. De poging tot artikel 138ab is strafbaar.\n",
        "A\n\nIn artikel 139d, tweede en derde lid, wordt «artikel 138a» vervangen door «artikel "
        "138ab».\n",
        id="dezelfde_wijziging_in_twee_leden",
    ),
]


_MIDDLE_LAPSES = (
    dashes(["door twee personen", "tegen een kind", "met geweld"]),
    dashes(["door twee personen", "met geweld"]),
    "A\n\nArtikel 7, eerste lid, tweede gedachtestreepje, vervalt.\n",
)
# Gedachtestreepjes are changed item by item, cited by place ("(nieuw)" when an earlier
# instruction moved one), with the punctuation formulas of Ar 6.18.
DASHES = [
    pytest.param(
        dashes(["door twee personen", "tegen een kind", "met geweld"]),
        dashes(
            ["door twee personen", "in een woning", "tegen een kind", "met geweld", "met een wapen"]
        ),
        "A\n\nArtikel 7, eerste lid, wordt als volgt gewijzigd:\n\n1. Na het eerste "
        "gedachtestreepje wordt een gedachtestreepje ingevoegd, luidende:\n\n– in een woning;"
        "\n\n2. Onder vervanging van de punt aan het slot van het vierde gedachtestreepje "
        "(nieuw) door een puntkomma wordt een gedachtestreepje toegevoegd, luidende:\n\n– met "
        "een wapen.\n",
        id="ingevoegd_en_toegevoegd",
    ),
    pytest.param(
        dashes(["door twee personen", "tegen een kind", "met geweld"]),
        dashes(["door twee personen", "tegen een jong kind"]),
        "A\n\nArtikel 7, eerste lid, wordt als volgt gewijzigd:\n\n1. In het tweede "
        "gedachtestreepje wordt na «een» ingevoegd «jong».\n\n2. Het derde gedachtestreepje "
        "vervalt, onder vervanging van de puntkomma aan het slot van het tweede "
        "gedachtestreepje door een punt.\n",
        id="laatste_vervalt",
    ),
    pytest.param(*_MIDDLE_LAPSES, id="middelste_vervalt"),
]


# The comparison says which lid the text of an article became (or which lid became the text):
# the mark is placed or removed for that lid (Ar 6.18, third and fourth lid). A lid whose list
# appears or goes whole is rewritten.
LEDEN = [
    pytest.param(
        "## Artikel 9\n\nDe rechter kan een straf opleggen aan de dader:\n- a. bij een "
        "misdrijf;\n- b. bij een overtreding.\n",
        "## Artikel 9\n\n1. Dit artikel gaat over kinderen en niet over volwassenen.\n2. De "
        "rechter kan een straf opleggen aan de dader:\n   - a. bij een misdrijf;\n   - b. bij "
        "een overtreding.\n",
        "A\n\nArtikel 9 wordt als volgt gewijzigd:\n\n1. Voor de tekst wordt de aanduiding «2.» "
        "geplaatst.\n\n2. Voor het tweede lid wordt een lid ingevoegd, luidende:\n\n1. Dit "
        "artikel gaat over kinderen en niet over volwassenen.\n",
        id="tekst_wordt_tweede_lid",
    ),
    pytest.param(
        "## Artikel 9\n\n1. Dit artikel gaat over kinderen en niet over volwassenen.\n2. De "
        "rechter kan een straf opleggen aan de dader:\n   - a. bij een misdrijf;\n   - b. bij "
        "een overtreding.\n",
        "## Artikel 9\n\nDe rechter kan een straf opleggen aan de dader:\n- a. bij een "
        "misdrijf;\n- b. bij een zware overtreding.\n",
        "A\n\nArtikel 9 wordt als volgt gewijzigd:\n\n1. In het tweede lid, onderdeel b, wordt "
        "na «een» ingevoegd «zware».\n\n2. Het eerste lid alsmede de aanduiding «2.» voor het "
        "tweede lid vervallen.\n",
        id="tweede_lid_wordt_tekst",
    ),
    pytest.param(
        "## Artikel 9\n\n1. De rechter kan een straf opleggen.\n",
        "## Artikel 9\n\nDe rechter kan een straf opleggen.\n",
        "A\n\nIn artikel 9 vervalt de aanduiding «1.» voor het eerste lid.\n",
        id="enig_lid_wordt_tekst",
    ),
    pytest.param(
        "## Artikel 15\n\n1. Het eerste lid.\n2. Dit geldt niet indien de rechter anders "
        "bepaalt.\n",
        "## Artikel 15\n\n1. Het eerste lid.\n2. Dit geldt niet indien:\n   - a. de rechter "
        "anders bepaalt;\n   - b. de veroordeelde een vreemdeling is.\n",
        "A\n\nArtikel 15, tweede lid, komt te luiden:\n\n2. Dit geldt niet indien:\n\n  a. de "
        "rechter anders bepaalt;\n\n  b. de veroordeelde een vreemdeling is.\n",
        id="lid_krijgt_opsomming",
    ),
]


LIST_CASES = [*RENUMBERING, *WORDS, *DASHES, *LEDEN]


def article(texts: list[str]) -> str:
    """Article 5 with these leden, as published."""
    return "Artikel 5\n" + "".join(f"{i}. {t}\n" for i, t in enumerate(texts, 1))


ARTICLE = article(OLD[:5])
DASH_LIST = (
    "Artikel 7\n1. De straf is hoger indien:\n– door twee;\n– tegen een kind;\n– met geweld."
)

PUBLISHED = [
    pytest.param(
        "Artikel 5 wordt als volgt gewijzigd:\n\n1. Het vijfde lid vervalt.\n\n2. Onder "
        "vernummering van het derde en vierde lid tot vierde en vijfde lid wordt na het tweede "
        "lid een lid ingevoegd, luidende:\n\n3. Nieuw.",
        ARTICLE,
        article([*OLD[:2], "Nieuw.", *OLD[2:4]]),
        id="lapsed-number-taken-again",
    ),
    pytest.param(
        "Artikel 5 wordt als volgt gewijzigd:\n\n1. Onder vernummering van het tweede lid tot "
        "derde lid en van het derde tot en met vijfde lid tot vijfde tot en met zevende lid wordt "
        "na het eerste lid een lid ingevoegd, luidende:\n\n2. Nieuw A.\n\n2. Na het derde lid "
        "(nieuw) wordt een lid ingevoegd, luidende:\n\n4. Nieuw B.",
        ARTICLE,
        article([OLD[0], "Nieuw A.", OLD[1], "Nieuw B.", *OLD[2:5]]),
        id="two-runs-in-one-clause",
    ),
    pytest.param(
        "In artikel 5, tweede en derde lid, wordt «gaat over» vervangen door «betreft».",
        ARTICLE,
        article([OLD[0], *(t.replace("gaat over", "betreft") for t in OLD[1:3]), *OLD[3:5]]),
        id="same-words-in-two-leden",
    ),
    pytest.param(
        "A\n\nIn artikel 5, tweede lid, wordt na de eerste zin een zin ingevoegd, luidende: Zo "
        "is het.\n\nB\n\nAan artikel 5, derde lid, wordt «, tenzij anders bepaald» toegevoegd.",
        ARTICLE,
        article(
            [OLD[0], OLD[1] + " Zo is het.", OLD[2][:-1] + ", tenzij anders bepaald.", *OLD[3:5]]
        ),
        id="sentence-after-the-first-and-words-at-the-end",
    ),
    pytest.param(
        "Artikel 7, eerste lid, wordt als volgt gewijzigd:\n\n1. Na het eerste gedachtestreepje "
        "wordt een gedachtestreepje ingevoegd, luidende:\n\n– in een woning;\n\n2. Het vierde "
        "gedachtestreepje (nieuw) vervalt, onder vervanging van de puntkomma aan het slot van "
        "het derde gedachtestreepje (nieuw) door een punt.",
        DASH_LIST,
        "Artikel 7\n1. De straf is hoger indien:\n– door twee;\n– in een woning;\n– tegen een "
        "kind.",
        id="gedachtestreepjes",
    ),
]


@pytest.mark.parametrize(("instruction", "before", "after"), PUBLISHED)
def test_forms_apply_reads(instruction: str, before: str, after: str) -> None:
    """`apply` reads the forms `amend` writes: a number freed by a lapse taken again by a later
    renumbering, two runs in one renumbering clause, one change in several leden, a sentence
    inserted after another, words "toegevoegd" at the end, gedachtestreepjes by place."""
    assert _apply(instruction, before) == (published(after), [])


def test_word_hangs_a_gedachtestreepje_like_a_number() -> None:
    """In the Word bill a new gedachtestreepje hangs its dash as a new lid hangs its number
    ("–\\tin een woning;"), indented below the instruction, which stays on its page."""
    import io

    import docx

    from wetgeving.amend.build import make_bill
    from wetgeving.amend.render import paragraphs
    from wetgeving.compare.engine import compare_versions
    from wetgeving.documents.docx import amending_bill

    old = version("oud", dashes(["door twee personen", "met geweld"]))
    new = version("nieuw", dashes(["door twee personen", "in een woning", "met geweld"]))
    made = make_bill(compare_versions(old, new), old, new, regulation="Wetboek van Strafrecht")
    document = docx.Document(io.BytesIO(amending_bill("Testwet", "Opdrachten", paragraphs(made))))
    shown = [(p.text, p.paragraph_format.first_line_indent) for p in document.paragraphs]
    dash = next((text, hang) for text, hang in shown if text.startswith("–"))
    assert dash[0] == "–\tin een woning;"
    assert dash[1] is not None and dash[1] < 0
    announcing = next(p for p in document.paragraphs if p.text.endswith("luidende:"))
    assert announcing.paragraph_format.keep_with_next is True


def test_article_renumbered_and_changed() -> None:
    """An article the comparison renumbers and changes: "Artikel 3 wordt vernummerd tot artikel
    2 en wordt als volgt gewijzigd:", its change below it, unnumbered when it is the only one
    (Ar 6.15); the change cites the lid as the article had it."""
    old = (
        "## Artikel 1\n\nEerste artikel over de wet.\n\n## Artikel 3\n\n1. Dit artikel gaat "
        "over de reikwijdte van de wet.\n2. Het tweede lid.\n"
    )
    new = old.replace("Artikel 3", "Artikel 2").replace(
        "Het tweede lid.", "Het tweede lid met meer."
    )
    assert bill(old, new) == HEAD + (
        "A\n\nArtikel 3 wordt vernummerd tot artikel 2 en wordt als volgt gewijzigd:\n\nAan het "
        "tweede lid wordt «met meer» toegevoegd.\n"
    )
