"""The comparison says what happened to each provision as a lawyer would (issue 10, points 1-7).

Small hand-made drafts, one per rule, with the exact change list, listing lines and MvT
sentences. The texts are illustrative (Sr-like wording), not law.
"""

from __future__ import annotations

import json

from test_compare import V, draft, text_version
from wetgeving.compare import Change, Comparison, compare_versions, describe_article
from wetgeving.compare.formats import render_json, render_markdown, render_text
from wetgeving.compare.html import render_html


def compare(old: str, new: str) -> Comparison:
    return compare_versions(text_version("a", old), text_version("b", new))


def changes(comparison: Comparison) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.old_id, c.new_id) for c in comparison.changes if c.part_of is None]


def lines(comparison: Comparison) -> list[str]:
    """The listing lines of the text output, without the header and the word-level bodies."""
    text = render_text(comparison).split("\n")[2:]
    return [line for line in text if line and not line.startswith("    ")]


def only(comparison: Comparison, kind: str) -> Change:
    found = [c for c in comparison.changes if c.kind == kind and c.part_of is None]
    assert len(found) == 1, found
    return found[0]


# --- 1. an article that gets leden, and the reverse ----------------------------------------------

OPRUIING = (
    "Hij die in het openbaar, mondeling of bij geschrift of afbeelding, tot enig strafbaar feit "
    "opruit, wordt gestraft met gevangenisstraf van ten hoogste vijf jaren."
)
TERREUR = (
    "Indien het strafbare feit waartoe wordt opgeruid een terroristisch misdrijf inhoudt, wordt "
    "de gevangenisstraf met een derde verhoogd."
)


def test_article_that_gets_leden_keeps_its_text_as_the_eerste_lid() -> None:
    """The text of an article without leden becomes its eerste lid (Ar 6.18: "Voor de tekst wordt
    de aanduiding «1.» geplaatst") and the new lid is added: no deletion of the whole text."""
    result = compare(
        f"## Artikel 131\n\n{OPRUIING}\n", f"## Artikel 131\n\n1. {OPRUIING}\n2. {TERREUR}\n"
    )
    assert changes(result) == [
        ("renumbered", "art.131", "art.131/lid.1"),
        ("inserted", None, "art.131/lid.2"),
    ]
    text = result.changes[0]
    assert (text.structure, text.renumbered, text.ops) == ("gets_leden", True, None)
    assert (text.old_label_reused, text.new_label_reused) == (False, False)
    assert result.changes[1].appended
    assert lines(result) == [
        "artikel 131: 1 toegevoegd, 1 vernummerd",
        "  in leden verdeeld: artikel 131, eerste lid (oud: artikel 131)",
        "  toegevoegd: artikel 131, tweede lid",
    ]
    assert describe_article(result, "131") == [
        "De tekst van het artikel wordt het eerste lid.",
        "Er wordt een lid toegevoegd (tweede lid).",
    ]
    data = json.loads(render_json(result))["changes"][0]
    assert (data["structure"], data["kind"], data["ops"]) == ("gets_leden", "renumbered", None)


def test_article_with_a_list_gets_leden_and_its_text_changes() -> None:
    """An article whose aanhef and list become the eerste lid, with a word changed: one change
    with the word edits; the unchanged onderdelen are silent (they moved with their lid)."""
    aanhef = (
        "De Nederlandse strafwet is toepasselijk op ieder die zich buiten Nederland schuldig maakt"
    )
    items = "- a. aan een misdrijf tegen de veiligheid van de staat;\n- b. aan zeeroof.\n"
    old = f"## Artikel 4\n\n{aanhef}:\n\n{items}"
    new = (
        f"## Artikel 4\n\n1. {aanhef.replace('ieder', 'een ieder')}:\n\n"
        + "".join(f"   {line}\n" for line in items.splitlines())
        + f"\n2. {TERREUR}\n"
    )
    result = compare(old, new)
    assert changes(result) == [
        ("changed", "art.4", "art.4/lid.1"),
        ("inserted", None, "art.4/lid.2"),
    ]
    assert [op for op in result.changes[0].ops or () if op[0] != "equal"] == [("insert", "een ")]
    assert (
        lines(result)[1]
        == "  in leden verdeeld en gewijzigd: artikel 4, eerste lid (oud: artikel 4)"
    )
    assert describe_article(result, "4") == [
        "De tekst van het artikel wordt het eerste lid en is gewijzigd.",
        "Er wordt een lid toegevoegd (tweede lid).",
    ]


def test_lid_inserted_before_the_text_that_becomes_a_lid() -> None:
    """A new eerste lid before the old text: the text becomes the tweede lid (as art. 235 Sr in
    2009-2013), the new lid is inserted, not added."""
    result = compare(
        f"## Artikel 235\n\n{OPRUIING}\n", f"## Artikel 235\n\n1. {TERREUR}\n2. {OPRUIING}\n"
    )
    assert changes(result) == [
        ("inserted", None, "art.235/lid.1"),
        ("renumbered", "art.235", "art.235/lid.2"),
    ]
    assert not result.changes[0].appended
    assert describe_article(result, "235") == [
        "Er wordt een lid ingevoegd (eerste lid).",
        "De tekst van het artikel wordt het tweede lid.",
    ]


def test_leden_merged_back_into_one_text() -> None:
    """The reverse (Ar 6.18: "Het tweede lid alsmede de aanduiding «1.» voor het eerste lid
    vervallen"): the eerste lid becomes the text of the article, the tweede lid lapses."""
    result = compare(
        f"## Artikel 131\n\n1. {OPRUIING}\n2. {TERREUR}\n",
        f"## Artikel 131\n\n{OPRUIING.replace('vijf', 'zes')}\n",
    )
    assert changes(result) == [
        ("changed", "art.131/lid.1", "art.131"),
        ("deleted", "art.131/lid.2", None),
    ]
    assert result.changes[0].structure == "loses_leden"
    assert lines(result) == [
        "artikel 131: 1 gewijzigd, 1 vervallen",
        "  niet meer in leden verdeeld en gewijzigd: artikel 131 (oud: eerste lid)",
        "  vervallen: artikel 131, tweede lid",
    ]
    assert describe_article(result, "131") == [
        "Het eerste lid wordt de tekst van het artikel en is gewijzigd.",
        "Het tweede lid is vervallen.",
    ]


def test_rewritten_article_that_gets_leden_is_not_forced_onto_a_lid() -> None:
    """When no new lid resembles the old text, the old text is deleted and the leden inserted."""
    result = compare(
        "## Artikel 1\n\nVervallen.\n", f"## Artikel 1\n\n1. {OPRUIING}\n2. {TERREUR}\n"
    )
    assert changes(result) == [
        ("changed", "art.1", "art.1"),
        ("inserted", None, "art.1/lid.1"),
        ("inserted", None, "art.1/lid.2"),
    ]


# --- 2. moves between articles need strong evidence ---------------------------------------------

TWEEGEVECHT = (
    "## Artikel 154\n\n1. Hij die een ander uitdaagt tot een tweegevecht of een uitdaging "
    "aanneemt, wordt gestraft met hechtenis van ten hoogste zes maanden.\n2. Met dezelfde straf "
    "wordt gestraft hij die als getuige of secondant bij een tweegevecht optreedt.\n"
)
DOOD = (
    "3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vier jaren of geldboete "
    "van de vierde categorie, indien het feit de dood van een ander ten gevolge heeft.\n"
)
SCHULD = (
    "## Artikel 307\n\n1. Hij aan wiens schuld de dood van een ander te wijten is, wordt gestraft "
    "met gevangenisstraf van ten hoogste twee jaren of geldboete van de vierde categorie.\n"
)
ROEKELOOS = (
    "2. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vier jaren of geldboete "
    "van de vierde categorie, indien het feit de dood van een ander ten gevolge heeft en de schuld "
    "bestaat in roekeloosheid.\n"
)
LETSEL = (
    "## Artikel 308\n\n1. Hij aan wiens schuld te wijten is dat een ander zwaar lichamelijk "
    "letsel bekomt, wordt gestraft met gevangenisstraf van ten hoogste een jaar.\n"
)
LETSEL_2 = (
    "2. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vier jaren of geldboete "
    "van de vierde categorie, indien het feit zwaar lichamelijk letsel van een ander ten gevolge "
    "heeft.\n"
)


def test_formula_that_stands_in_other_articles_is_no_move() -> None:
    """ "De schuldige wordt gestraft met ..." lapses in art. 154 and a like lid comes in art. 307
    (as 154, derde lid, and 307, tweede lid, in 2010); art. 308 has the same formula, so the two
    are no one provision: a deletion in 154 and an addition in 307, each named in its article."""
    result = compare(
        f"{TWEEGEVECHT}{DOOD}\n{SCHULD}\n{LETSEL}{LETSEL_2}",
        f"{TWEEGEVECHT}\n{SCHULD}{ROEKELOOS}\n{LETSEL}{LETSEL_2}",
    )
    assert changes(result) == [
        ("deleted", "art.154/lid.3", None),
        ("inserted", None, "art.307/lid.2"),
    ]
    assert describe_article(result, "154") == ["Het derde lid is vervallen."]
    assert describe_article(result, "307") == ["Er wordt een lid toegevoegd (tweede lid)."]


def test_distinctive_text_that_moves_to_another_article_is_a_move() -> None:
    """The same pair without the formula elsewhere: long, similar and without a rival in either
    version, it is one provision that moved (with its edits)."""
    result = compare(
        f"{TWEEGEVECHT}{DOOD}\n{SCHULD}\n{LETSEL}", f"{TWEEGEVECHT}\n{SCHULD}{ROEKELOOS}\n{LETSEL}"
    )
    assert changes(result) == [("moved", "art.154/lid.3", "art.307/lid.2")]
    assert describe_article(result, "154") == [
        "Het derde lid is verplaatst naar artikel 307, tweede lid, en gewijzigd."
    ]


def test_rival_in_its_own_article_keeps_a_provision_from_moving() -> None:
    """A lapsed lid whose article still has a lid nearly like it is not moved to another article,
    however like the new text there is."""
    old = f"{SCHULD}{LETSEL_2}{DOOD}\n{LETSEL}"
    new = f"{SCHULD}{LETSEL_2}\n{LETSEL}{ROEKELOOS}"
    result = compare(old, new)
    assert ("moved", "art.307/lid.3", "art.308/lid.2") not in changes(result)
    assert changes(result) == [
        ("deleted", "art.307/lid.3", None),
        ("inserted", None, "art.308/lid.2"),
    ]


def test_short_text_is_no_move_between_articles() -> None:
    """A sentence of few words ("Artikel 251 is van overeenkomstige toepassing.") that leaves one
    article and appears in another is too little evidence for a move, even word for word."""
    result = compare(
        f"{SCHULD}2. Artikel 251 is van overeenkomstige toepassing.\n\n{LETSEL}",
        f"{SCHULD}\n{LETSEL}2. Artikel 251 is van overeenkomstige toepassing.\n",
    )
    assert changes(result) == [
        ("deleted", "art.307/lid.2", None),
        ("inserted", None, "art.308/lid.2"),
    ]


# --- 3. renumbered and amended ------------------------------------------------------------------


def test_2006_renumbering_reads_as_a_lawyer_writes_it() -> None:
    """273a becomes 273f; old 372 becomes the new 273a with a phrase removed; 374 becomes 273c
    with a changed onderdeel (the pre-2006 wording of 372 and 374 is constructed)."""
    result = compare_versions(draft("sr-2006-voor"), draft("sr-2006-na"))
    assert changes(result) == [
        ("changed", "art.372", "art.273a"),
        ("renumbered", "art.374", "art.273c"),
        ("changed", "art.374/ond.b", "art.273c/ond.b"),
        ("renumbered", "art.273a", "art.273f"),
    ]
    assert lines(result) == [
        "artikel 273a: 1 gewijzigd",
        "  vernummerd en gewijzigd: artikel 273a (oud: artikel 372)",
        "artikel 273c: 1 gewijzigd, 1 vernummerd",
        "  vernummerd: artikel 273c (oud: artikel 374)",
        "  gewijzigd: artikel 273c, onderdeel b (oud: artikel 374, onderdeel b)",
        "artikel 273f: 1 vernummerd",
        "  vernummerd: artikel 273f (oud: artikel 273a)",
    ]
    assert describe_article(result, "273f") == ["Het oude artikel 273a wordt artikel 273f."]
    assert describe_article(result, "273a") == [
        "Artikel 372 wordt artikel 273a en wordt gewijzigd.",
        "Het oude artikel 273a wordt artikel 273f.",
    ]
    assert describe_article(result, "273c") == [
        "Artikel 374 wordt artikel 273c en wordt gewijzigd.",
        "Onderdeel b is gewijzigd.",
    ]


LIST = [
    "aan een misdrijf tegen de veiligheid van de staat",
    "aan een misdrijf tegen de koninklijke waardigheid",
    "aan valsheid in zegels en merken",
    "aan een misdrijf tegen de openbare orde in het buitenland",
    "aan zeeroof en daarmee gelijkgestelde feiten op volle zee of in de lucht boven zee",
    "aan het misdrijf van kaping van een luchtvaartuig",
    "aan een terroristisch misdrijf tegen een Nederlandse ambtenaar",
    "aan foltering door een persoon in de openbare dienst",
    "aan omkoping van een buitenlandse rechter",
]
AANHEF = (
    "## Artikel 4\n\n1. De Nederlandse strafwet is toepasselijk op ieder die zich buiten Nederland "
    "schuldig maakt:\n"
)
SLOT = "2. Deze bepaling geldt niet voor overtredingen.\n"


def listed(items: list[str], numbers: list[str] | None = None) -> str:
    numbers = numbers or [f"{n + 1}°" for n in range(len(items))]
    return "".join(f"   - {n}. {t};\n" for n, t in zip(numbers, items, strict=True))


def test_onderdeel_renumbered_and_changed_says_both() -> None:
    """Onder 6° becomes onder 5° with a word added, onder 5° moves to a lid of its own: "het
    eerste lid, onder 6°, wordt onder 5° en is gewijzigd"; the old 5° is "het oude"."""
    items = LIST[:6]
    new_items = [*items[:4], items[5].replace("kaping", "de kaping")]
    result = compare(
        AANHEF + listed(items) + SLOT,
        AANHEF + listed(new_items) + SLOT + f"3. {items[4].capitalize()}.\n",
    )
    assert changes(result) == [
        ("changed", "art.4/lid.1/ond.6°", "art.4/lid.1/ond.5°"),
        ("moved", "art.4/lid.1/ond.5°", "art.4/lid.3"),
    ]
    assert (
        lines(result)[1]
        == "  vernummerd en gewijzigd: artikel 4, eerste lid, onder 5° (oud: onder 6°)"
    )
    assert describe_article(result, "4") == [
        "Het eerste lid, onder 6°, wordt onder 5° en is gewijzigd.",
        "Het oude onderdeel 5° van het eerste lid is verplaatst naar het derde lid en gewijzigd.",
    ]


# --- 4. old and new labels that look alike -------------------------------------------------------


def test_labels_shared_by_an_old_and_a_new_provision_say_which_is_which() -> None:
    """The old derde lid moves to another article and a new derde lid takes its place: "het oude
    derde lid" in every format and the MvT, "(nieuw)" for the inserted one."""
    moved = (
        "Onder kwetsbare positie wordt mede begrepen een situatie waarin een persoon geen andere "
        "werkelijke of aanvaardbare keuze heeft dan het misbruik te ondergaan."
    )
    old = f"{SCHULD}2. {OPRUIING}\n3. {moved}\n\n{LETSEL}"
    new = f"{SCHULD}2. {OPRUIING}\n3. {TERREUR}\n\n{LETSEL}2. {moved}\n"
    result = compare(old, new)
    assert changes(result) == [
        ("inserted", None, "art.307/lid.3"),
        ("moved", "art.307/lid.3", "art.308/lid.2"),
    ]
    inserted, move = (c for c in result.changes)
    assert (inserted.new_label_reused, move.old_label_reused) == (True, True)
    assert lines(result) == [
        "artikel 307: 1 toegevoegd, 1 verplaatst",
        "  toegevoegd: artikel 307, derde lid (nieuw)",
        "  verplaatst: het oude derde lid van artikel 307 naar artikel 308, tweede lid",
        "artikel 308: 1 verplaatst",
        "  verplaatst: artikel 308, tweede lid (oud: artikel 307, derde lid)",
    ]
    markdown = render_markdown(result)
    assert "- *toegevoegd: artikel 307, derde lid (nieuw)*: **" in markdown
    assert "- *verplaatst: het oude derde lid van artikel 307 naar artikel 308, tweede lid*\n" in (
        markdown
    )
    page = render_html(result)
    assert (
        '<div class="label">verplaatst: het oude derde lid van artikel 307 naar artikel 308, '
        in page
    )
    assert describe_article(result, "307") == [
        "Er wordt een lid toegevoegd (derde lid).",
        "Het oude derde lid is verplaatst naar artikel 308, tweede lid.",
    ]


def test_deletion_in_a_renumbered_lid_is_placed_in_the_new_numbering() -> None:
    """v1 -> v2: onderdeel c of the old vijfde lid (now the zesde) is listed where it stood in the
    new numbering, with the old label, not as "vijfde lid, onderdeel c" (now another lid)."""
    text = render_text(compare_versions(draft("v1"), draft("v2")))
    assert (
        "  vervallen: artikel 273f, zesde lid, onderdeel c (oud: vijfde lid, onderdeel c)\n" in text
    )


# --- 5. series ----------------------------------------------------------------------------------


def test_series_of_renumbered_onderdelen_is_one_line_everywhere() -> None:
    """Onder 3° lapses and 4° to 9° become 3° to 8°: one line in text, markdown and html and one
    sentence in the MvT and the renvooi summary (Ar 3.29), but one JSON change per onderdeel."""
    result = compare(AANHEF + listed(LIST) + SLOT, AANHEF + listed(LIST[:2] + LIST[3:]) + SLOT)
    assert lines(result) == [
        "artikel 4: 1 vervallen, 6 vernummerd",
        "  vervallen: het oude onderdeel 3° van artikel 4, eerste lid",
        "  vernummerd: artikel 4, eerste lid, onder vernummering van 4° tot en met 9° tot 3° "
        "tot en met 8°",
    ]
    series = "onder vernummering van 4° tot en met 9° tot 3° tot en met 8°"
    assert f"- *vernummerd: artikel 4, eerste lid, {series}*\n" in render_markdown(result)
    assert f'<div class="label">vernummerd: artikel 4, eerste lid, {series}</div>' in render_html(
        result
    )
    sentence = f"Het oude onderdeel 3° van het eerste lid is vervallen, {series}."
    assert describe_article(result, "4") == [sentence]
    from wetgeving.documents.sources import compare as renvooi

    view = renvooi(
        V("a", None, text_version("a", AANHEF + listed(LIST) + SLOT).regelingen),
        V("b", None, text_version("b", AANHEF + listed(LIST[:2] + LIST[3:]) + SLOT).regelingen),
    )
    assert view.articles[0].description == sentence
    data = json.loads(render_json(result))["changes"]
    assert [(c["kind"], c["old_id"], c["new_id"]) for c in data][1:] == [
        ("renumbered", f"art.4/lid.1/ond.{n}°", f"art.4/lid.1/ond.{n - 1}°") for n in range(4, 10)
    ]


def test_inserted_onderdeel_with_verlettering() -> None:
    """A letter inserted before c: "onder verlettering van de onderdelen c en d tot d en e"
    (Ar 6.18); an onderdeel after the last one is added ("toegevoegd")."""
    terms = ["het eerste begrip hier", "het tweede begrip daar", "het derde begrip", "het vierde"]
    old = "## Artikel 1\n\nIn deze wet wordt verstaan onder:\n\n" + "".join(
        f"- {letter}. {t};\n" for letter, t in zip("abcd", terms, strict=True)
    )
    new_terms = [*terms[:2], "een nieuw begrip ertussen", *terms[2:], "een begrip aan het slot"]
    new = "## Artikel 1\n\nIn deze wet wordt verstaan onder:\n\n" + "".join(
        f"- {letter}. {t};\n" for letter, t in zip("abcdef", new_terms, strict=True)
    )
    result = compare(old, new)
    assert lines(result) == [
        "artikel 1: 1 ingevoegd, 1 toegevoegd, 2 vernummerd",
        "  ingevoegd: artikel 1, onderdeel c (nieuw)",
        "  vernummerd: artikel 1, onder verlettering van de onderdelen c en d tot d en e",
        "  toegevoegd: artikel 1, onderdeel f",
    ]
    assert describe_article(result, "1") == [
        "Er wordt een onderdeel ingevoegd (onderdeel c), onder verlettering van de onderdelen c "
        "en d tot d en e.",
        "Er wordt een onderdeel toegevoegd (onderdeel f).",
    ]


def test_series_of_leden_without_a_cause_in_the_article() -> None:
    """Leden renumbered because one moved out of the article: one sentence of their own."""
    moved = (
        "Onder kwetsbare positie wordt mede begrepen een situatie waarin een persoon geen andere "
        "werkelijke of aanvaardbare keuze heeft dan het misbruik te ondergaan."
    )
    leden = [OPRUIING, TERREUR, "Artikel 251 is van overeenkomstige toepassing."]
    old = f"## Artikel 1\n\n1. {moved}\n" + "".join(f"{n}. {t}\n" for n, t in enumerate(leden, 2))
    new = "## Artikel 1\n\n" + "".join(f"{n}. {t}\n" for n, t in enumerate(leden, 1))
    new += f"\n## Artikel 2\n\n1. {moved}\n2. {TERREUR}\n"
    result = compare(old, new)
    assert describe_article(result, "1") == [
        "Het tweede tot en met vierde lid worden vernummerd tot eerste tot en met derde lid.",
        "Het oude eerste lid is verplaatst naar artikel 2, eerste lid.",
    ]
    assert lines(result)[1] == (
        "  vernummerd: artikel 1, onder vernummering van het tweede tot en met vierde lid tot "
        "eerste tot en met derde lid"
    )


# --- 6. toegevoegd / ingevoegd ------------------------------------------------------------------


def test_toegevoegd_at_the_end_ingevoegd_between() -> None:
    """A lid after the last lid is "toegevoegd", one between leden "ingevoegd"; the same for
    onderdelen at the end of a list; JSON says it in "appended"."""
    old = AANHEF + listed(LIST[:3]) + SLOT
    new = (
        AANHEF
        + listed(LIST[:4])
        + f"2. {OPRUIING}\n"
        + SLOT.replace("2.", "3.", 1)
        + f"4. {TERREUR}\n"
    )
    result = compare(old, new)
    assert changes(result) == [
        ("inserted", None, "art.4/lid.1/ond.4°"),
        ("inserted", None, "art.4/lid.2"),
        ("renumbered", "art.4/lid.2", "art.4/lid.3"),
        ("inserted", None, "art.4/lid.4"),
    ]
    assert [c.appended for c in result.changes] == [True, False, False, True]
    assert lines(result) == [
        "artikel 4: 1 ingevoegd, 2 toegevoegd, 1 vernummerd",
        "  toegevoegd: artikel 4, eerste lid, onder 4°",
        "  ingevoegd: artikel 4, tweede lid (nieuw)",
        "  vernummerd: artikel 4, derde lid (oud: tweede lid)",
        "  toegevoegd: artikel 4, vierde lid",
    ]
    assert describe_article(result, "4") == [
        "In het eerste lid wordt een onderdeel toegevoegd (onderdeel 4°).",
        "Er wordt een lid ingevoegd (tweede lid), onder vernummering van het tweede lid tot derde "
        "lid.",
        "Er wordt een lid toegevoegd (vierde lid).",
    ]
    assert [c["appended"] for c in json.loads(render_json(result))["changes"]] == [
        True,
        False,
        False,
        True,
    ]


# --- 7. sentences grouped per lid ---------------------------------------------------------------


def test_heavily_changed_article_is_described_per_lid() -> None:
    """geldend -> v2 (art. 273f rewritten): one paragraph per lid, the parts of a lid named from
    inside it under a heading, series collapsed, every sentence starting with a capital."""
    from wetgeving.compare.describe import describe_groups

    groups = describe_groups(compare_versions(draft("geldend"), draft("v2")), "273f")
    assert [(g.heading, g.sentences) for g in groups] == [
        (
            "Eerste lid",
            (
                "Het eerste lid is gewijzigd.",
                "Onderdeel 2° wordt onderdeel a en is gewijzigd.",
                "Er worden twee onderdelen toegevoegd (onderdelen b en c).",
                "De onderdelen 3° tot en met 9° zijn vervallen.",
            ),
        ),
        ("", ("Het eerste lid, onder 1°, is verplaatst naar het tweede lid en gewijzigd.",)),
        ("", ("Er worden twee leden ingevoegd (derde en vierde lid).",)),
        ("", ("Het tweede lid wordt het vijfde lid en is gewijzigd.",)),
        (
            "Zesde lid (oud: derde lid)",
            (
                "Het derde lid wordt het zesde lid en is gewijzigd.",
                "Onderdeel 1° wordt onderdeel a.",
                "Onderdeel 2° wordt onderdeel b en is gewijzigd.",
                "Onderdeel 3° is vervallen.",
            ),
        ),
        ("", ("Het vierde en vijfde lid worden vernummerd tot zevende en achtste lid.",)),
        ("", ("Het zevende lid wordt het negende lid.",)),
        ("", ("Het oude zesde lid is verplaatst naar artikel 273fa, tweede lid, en gewijzigd.",)),
    ]
