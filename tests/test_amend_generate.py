"""`wetgeving amend`: the instruction a lawyer would write for each kind of change, exactly."""

from __future__ import annotations

import pytest

from test_amend_lists import LIST_CASES
from test_amend_support import HEAD, bill
from wetgeving.compare.bill import onderdeel_letter, onderdeel_letters

LID_5 = (
    "1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n"
    "2. De poging is strafbaar.\n"
    "3. Het derde lid geldt voor iedereen.\n"
    "4. Het vierde lid spreekt van de rechter.\n"
    "5. Het vijfde lid spreekt van het openbaar ministerie.\n"
    "6. Het zesde lid spreekt van de griffier.\n"
    "7. Artikel 251 is van overeenkomstige toepassing.\n"
)


# Each case: old text, new text, the bill after its opening lines (checked by applying it).
CASES = [
    pytest.param(
        "## Artikel 5\n\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. "
        "De poging is strafbaar.\n3. Het derde lid geldt voor iedereen.\n4. Het vierde lid "
        "spreekt van de rechter.\n5. Het vijfde lid spreekt van het openbaar ministerie.\n6. "
        "Het zesde lid spreekt van de griffier.\n7. Artikel 251 is van overeenkomstige "
        "toepassing.\n",
        "## Artikel 5\n\n1. Hij wordt gestraft met een geldboete van de zesde categorie.\n2. "
        "De poging is strafbaar.\n3. Het derde lid geldt voor iedereen.\n4. Het vierde lid "
        "spreekt van de rechter.\n5. Het vijfde lid spreekt van het openbaar ministerie.\n6. "
        "Het zesde lid spreekt van de griffier.\n7. Artikel 251 is van overeenkomstige "
        "toepassing.\n",
        "A\n\nIn artikel 5, eerste lid, wordt «vijfde» vervangen door «zesde».\n",
        id="woord",
    ),
    pytest.param(
        "## Artikel 5\n\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. "
        "De poging is strafbaar.\n3. Het derde lid geldt voor iedereen.\n4. Het vierde lid "
        "spreekt van de rechter.\n5. Het vijfde lid spreekt van het openbaar ministerie.\n6. "
        "Het zesde lid spreekt van de griffier.\n7. Artikel 251 is van overeenkomstige "
        "toepassing.\n",
        "## Artikel 5\n\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. "
        "De poging is strafbaar.\n3. Het derde lid geldt voor iedereen.\n4. Het vierde lid "
        "spreekt van de rechter.\n5. Het zesde lid spreekt van de griffier.\n6. Artikel 251 is "
        "van overeenkomstige toepassing.\n",
        "A\n\nArtikel 5, vijfde lid, vervalt, onder vernummering van het zesde en zevende lid "
        "tot vijfde en zesde lid.\n",
        id="lid_vervalt",
    ),
    pytest.param(
        "## Artikel 5\n\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. "
        "De poging is strafbaar.\n3. Het derde lid geldt voor iedereen.\n4. Het vierde lid "
        "spreekt van de rechter.\n5. Het vijfde lid spreekt van het openbaar ministerie.\n6. "
        "Het zesde lid spreekt van de griffier.\n7. Artikel 251 is van overeenkomstige "
        "toepassing.\n",
        "## Artikel 5\n\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. "
        "De poging is strafbaar.\n3. Het derde lid geldt voor iedereen.\n4. Niet strafbaar is "
        "het slachtoffer.\n5. Het vierde lid spreekt van de rechter.\n6. Het vijfde lid "
        "spreekt van het openbaar ministerie.\n7. Het zesde lid spreekt van de griffier.\n8. "
        "Artikel 251 is van overeenkomstige toepassing.\n",
        "A\n\nIn artikel 5 wordt, onder vernummering van het vierde tot en met zevende lid tot "
        "vijfde tot en met achtste lid, na het derde lid een lid ingevoegd, luidende:\n\n4. "
        "Niet strafbaar is het slachtoffer.\n",
        id="lid_ingevoegd",
    ),
    pytest.param(
        "## Artikel 5\n\n1. Eerste regel van vijf woorden.\n2. Tweede regel.\n",
        "## Artikel 5\n\n1. Eerste regel van zes woorden.\n2. Tweede regel.\n3. Derde regel "
        "erbij.\n",
        "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n1. In het eerste lid wordt «vijf» "
        "vervangen door «zes».\n\n2. Er wordt een lid toegevoegd, luidende:\n\n3. Derde regel "
        "erbij.\n",
        id="lid_toegevoegd_groep",
    ),
    pytest.param(
        "## Artikel 9\n\nDe rechter kan een straf opleggen aan de dader.\n",
        "## Artikel 9\n\n1. De rechter kan een straf opleggen aan de dader.\n2. Dit geldt niet "
        "voor een kind.\n",
        "A\n\nArtikel 9 wordt als volgt gewijzigd:\n\n1. Voor de tekst wordt de aanduiding "
        "«1.» geplaatst.\n\n2. Er wordt een lid toegevoegd, luidende:\n\n2. Dit geldt niet "
        "voor een kind.\n",
        id="aanduiding",
    ),
    pytest.param(
        "## Artikel 9\n\n1. De rechter kan een straf opleggen aan de dader.\n2. Dit geldt niet "
        "voor een kind.\n",
        "## Artikel 9\n\nDe rechter kan een straf opleggen aan de dader.\n",
        "A\n\nArtikel 9, tweede lid, alsmede de aanduiding «1.» voor het eerste lid vervallen.\n",
        id="aanduiding_weg",
    ),
    pytest.param(
        "## Artikel 7\n\n1. De straf is hoger indien:\n   - a. het feit door twee personen is "
        "gepleegd;\n   - b. het slachtoffer jong is;\n   - c. geweld is gebruikt.\n",
        "## Artikel 7\n\n1. De straf is hoger indien:\n   - a. het feit door twee personen is "
        "gepleegd;\n   - b. het slachtoffer jong is.\n",
        "A\n\nArtikel 7, eerste lid, onderdeel c, vervalt, onder vervanging van de puntkomma "
        "aan het slot van onderdeel b door een punt.\n",
        id="ond_einde_weg",
    ),
    pytest.param(
        "## Artikel 7\n\n1. De straf is hoger indien:\n   - a. het feit door twee personen is "
        "gepleegd;\n   - b. het slachtoffer jong is;\n   - c. geweld is gebruikt.\n",
        "## Artikel 7\n\n1. De straf is hoger indien:\n   - a. het feit door twee personen is "
        "gepleegd;\n   - b. het feit in een woning is gepleegd;\n   - c. het slachtoffer jong "
        "is;\n   - d. geweld is gebruikt.\n",
        "A\n\nIn artikel 7, eerste lid, wordt, onder verlettering van de onderdelen b en c tot "
        "c en d, na onderdeel a een onderdeel ingevoegd, luidende:\n\nb. het feit in een "
        "woning is gepleegd;\n",
        id="ond_midden",
    ),
    pytest.param(
        "## Artikel 10\n\n1. De gevangenisstraf is levenslang of tijdelijk.\n2. De duur is ten "
        "minste een dag en ten hoogste vijftien jaren.\n",
        "## Artikel 10\n\n1. De gevangenisstraf is levenslang of tijdelijk.\n2. Tijdelijke "
        "straf duurt nooit langer dan achttien achtereenvolgende jaren, behalve bij "
        "samenloop.\n",
        "A\n\nArtikel 10, tweede lid, komt te luiden:\n\n2. Tijdelijke straf duurt nooit "
        "langer dan achttien achtereenvolgende jaren, behalve bij samenloop.\n",
        id="komt_te_luiden",
    ),
    pytest.param(
        "## Artikel 273f\n\nTekst van het artikel over mensenhandel.\n",
        "## Artikel 273f\n\nTekst van het artikel over mensenhandel.\n\n## Artikel "
        "273fa\n\nHet nieuwe artikel over benadeling.\n\n## Artikel 273fb\n\nHet tweede nieuwe "
        "artikel over voordeel.\n",
        "A\n\nNa artikel 273f worden twee artikelen ingevoegd, luidende:\n\nArtikel "
        "273fa\n\nHet nieuwe artikel over benadeling.\n\nArtikel 273fb\n\nHet tweede nieuwe "
        "artikel over voordeel.\n",
        id="artikel_in",
    ),
    pytest.param(
        "## Artikel 273f\n\nTekst van het artikel over mensenhandel.\n\n## Artikel 273g\n\nHet "
        "artikel over de klant.\n\n## Artikel 273h\n\nNog een artikel over de klant.\n",
        "## Artikel 273f\n\nTekst van het artikel over mensenhandel.\n",
        "A\n\nDe artikelen 273g en 273h vervallen.\n",
        id="artikel_weg",
    ),
    pytest.param(
        "## Artikel 1\n\nEerste artikel over de wet.\n\n## Artikel 3\n\nDit artikel gaat over "
        "de reikwijdte van de wet.\n",
        "## Artikel 1\n\nEerste artikel over de wet.\n\n## Artikel 2\n\nDit artikel gaat over "
        "de reikwijdte van de wet.\n",
        "A\n\nArtikel 3 wordt vernummerd tot artikel 2.\n",
        id="vernummerd",
    ),
    pytest.param(
        "## Artikel 9a\n\nDe rechter kan bepalen dat geen straf wordt opgelegd. Dit geldt niet "
        "bij een terroristisch misdrijf.\n",
        "## Artikel 9a\n\nDe rechter kan bepalen dat geen straf wordt opgelegd.\n",
        "A\n\nArtikel 9a, tweede zin, vervalt.\n",
        id="zin_weg",
    ),
    pytest.param(
        "## Artikel 273f\n\n1. Mensenhandel is strafbaar met gevangenisstraf.\n2. Onder "
        "kwetsbare positie wordt mede begrepen een situatie zonder werkelijke keuze.\n3. "
        "Artikel 251 is van overeenkomstige toepassing.\n\n## Artikel 273fa\n\n1. Benadeling "
        "is strafbaar met gevangenisstraf.\n",
        "## Artikel 273f\n\n1. Mensenhandel is strafbaar met gevangenisstraf.\n2. Artikel 251 "
        "is van overeenkomstige toepassing.\n\n## Artikel 273fa\n\n1. Benadeling is strafbaar "
        "met gevangenisstraf.\n2. Onder kwetsbare positie wordt mede begrepen een situatie "
        "zonder werkelijke keuze.\n",
        "A\n\nArtikel 273f, tweede lid, vervalt, onder vernummering van het derde lid tot "
        "tweede lid.\n\nB\n\nAan artikel 273fa wordt een lid toegevoegd, luidende:\n\n2. Onder "
        "kwetsbare positie wordt mede begrepen een situatie zonder werkelijke keuze.\n",
        id="verplaatst",
    ),
    pytest.param(
        "## Artikel 5\n\n1. Eerste lid over de straf.\n2. Tweede lid over de boete.\n3. Derde "
        "lid over de rechter.\n",
        "## Artikel 5\n\n1. Eerste lid over de straf.\n2. Vervallen.\n3. Derde lid over de "
        "rechter.\n",
        "A\n\nArtikel 5, tweede lid, vervalt.\n",
        id="vervallen_houdt_nummer",
    ),
    pytest.param(
        "# Titel I. Oude naam\n\n## Artikel 1\n\nEerste artikel over de wet.\n",
        "# Titel I. Nieuwe naam\n\n## Artikel 1\n\nEerste artikel over de wet.\n\n# Titel II. "
        "Slotbepaling\n\n## Artikel 2\n\nDeze wet treedt in werking.\n",
        "A\n\nIn het opschrift van Titel I wordt «Oude» vervangen door «Nieuwe».\n\nB\n\nNa "
        "Titel I wordt een titel ingevoegd, luidende:\n\nTitel II. Slotbepaling\n\nArtikel "
        "2\n\nDeze wet treedt in werking.\n",
        id="indeling",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [*CASES, *LIST_CASES])
def test_formula(old: str, new: str, expected: str) -> None:
    """Each kind of change gets the formula of the Ar, word for word (the case ids say which;
    the lists, renumbered once per lid, are in test_amend_lists.py)."""
    assert bill(old, new) == HEAD + expected


def test_classic_style_leaves_the_new_text_unquoted() -> None:
    """--stijl klassiek: «A» vervangen door: B (Ar 233, second lid, before 2018)."""
    old = "## Artikel 5\n\n" + LID_5
    new = old.replace("vijfde categorie", "zesde categorie")
    assert (
        bill(old, new, "klassiek")
        == HEAD + "A\n\nIn artikel 5, eerste lid, wordt «vijfde» vervangen door: zesde.\n"
    )


def test_classic_style_quotes_where_clarity_needs_it() -> None:
    """A new text ending in a punctuation mark stays quoted in the classic style too."""
    old = "## Artikel 7\n\n1. De straf is hoger indien het feit is gepleegd;\n"
    new = "## Artikel 7\n\n1. De straf is hoger indien het feit is gepleegd.\n"
    assert (
        bill(old, new, "klassiek")
        == HEAD + "A\n\nIn artikel 7, eerste lid, wordt «gepleegd;» vervangen door «gepleegd.».\n"
    )


def test_only_the_chosen_articles() -> None:
    """--article limits the bill to those articles (and checks only them)."""
    old = "## Artikel 1\n\nDe eerste regel.\n\n## Artikel 2\n\nDe tweede regel.\n"
    new = "## Artikel 1\n\nDe eerste zin.\n\n## Artikel 2\n\nDe tweede zin.\n"
    assert (
        bill(old, new, only={"2"})
        == HEAD + "A\n\nIn artikel 2 wordt «regel» vervangen door «zin».\n"
    )


def test_letters_after_z() -> None:
    """Onderdelen after Z are AA, BB, ... (Ar 6.15, toelichting), then AAA."""
    assert onderdeel_letters(3) == ["A", "B", "C"]
    assert [onderdeel_letter(i) for i in (25, 26, 27, 51, 52)] == ["Z", "AA", "BB", "ZZ", "AAA"]


def test_letters_in_a_long_bill() -> None:
    """A bill changing 28 articles letters its onderdelen A..Z, AA, BB."""
    old = "".join(f"## Artikel {n}\n\nDe regel van artikel {n}.\n\n" for n in range(1, 29))
    new = old.replace("De regel", "Het voorschrift")
    text = bill(old, new)
    assert "\n\nZ\n\nIn artikel 26 wordt" in text
    assert "\n\nAA\n\nIn artikel 27 wordt" in text
    assert "\n\nBB\n\nIn artikel 28 wordt «De regel» vervangen door «Het voorschrift».\n" in text


# "Enig artikel", bijlagen and a paragraaf headed with "§" (the draft format since main's import).
OTHER_BODIES = [
    pytest.param(
        "## Enig artikel\n\nDe wet van de rechter geldt voor iedereen.\n",
        "## Enig artikel\n\nDe wet van de rechter geldt voor niemand.\n",
        "A\n\nIn het enig artikel wordt «iedereen» vervangen door «niemand».\n",
        id="enig",
    ),
    pytest.param(
        "# § 1. Algemeen\n\n## Artikel 1\n\nDe eerste regel.\n\n# § 2. Slot\n\n## Artikel "
        "2\n\nDe tweede regel.\n",
        "# § 1. Algemeen\n\n## Artikel 1\n\nDe eerste zin.\n\n# § 2. Slotbepalingen\n\n## "
        "Artikel 2\n\nDe tweede regel.\n",
        "A\n\nIn artikel 1 wordt «regel» vervangen door «zin».\n\nB\n\nHet opschrift van "
        "Paragraaf 2 komt te luiden:\n\n§ 2. Slotbepalingen\n",
        id="para",
    ),
    pytest.param(
        "## Artikel 1\n\nDe eerste regel.\n\n## Bijlage I. Model\n\nHet model van de aanvraag.\n",
        "## Artikel 1\n\nDe eerste regel.\n\n## Bijlage I. Model\n\nHet model van het verzoek.\n",
        "A\n\nBijlage I komt te luiden:\n\nBijlage I. Model\n\nHet model van het verzoek.\n",
        id="bijlage",
    ),
    pytest.param(
        "## Artikel 1\n\nDe eerste regel.\n",
        "## Artikel 1\n\nDe eerste regel.\n\n## Bijlage I. Model\n\nHet model van het verzoek.\n",
        "A\n\nNa artikel 1 wordt een bijlage ingevoegd, luidende:\n\nBijlage I. Model\n\nHet "
        "model van het verzoek.\n",
        id="bijlage_in",
    ),
    pytest.param(
        "## Artikel 1\n\nDe eerste regel.\n\n## Bijlage I. Model\n\nHet model van het verzoek.\n",
        "## Artikel 1\n\nDe eerste regel.\n",
        "A\n\nBijlage I vervalt.\n",
        id="bijlage_weg",
    ),
    pytest.param(
        "## Enig artikel\n\nDe wet van de rechter geldt voor iedereen.\n",
        "## Enig artikel\n\n1. De wet van de rechter geldt voor iedereen.\n2. Ook voor de "
        "rechter.\n",
        "A\n\nHet enig artikel wordt als volgt gewijzigd:\n\n1. Voor de tekst wordt de "
        "aanduiding «1.» geplaatst.\n\n2. Er wordt een lid toegevoegd, luidende:\n\n2. Ook "
        "voor de rechter.\n",
        id="enig_leden",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), OTHER_BODIES)
def test_enig_artikel_bijlage_and_paragraph_sign(old: str, new: str, expected: str) -> None:
    """The enig artikel is cited as such, a bijlage is rewritten, inserted or lapses whole, and a
    paragraaf headed "§ 2" gets a new opschrift."""
    assert bill(old, new) == HEAD + expected
