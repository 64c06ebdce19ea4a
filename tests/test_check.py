"""The rules of `wetgeving check` on draft texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.text.check import canonical, check_files, check_text

HEAD = "---\ntitel: Proef\n---\n\n"


def _messages(body: str) -> list[str]:
    return [f"{p.line}: {p.message}" for p in check_text(HEAD + body, "p.md")]


def test_clean_text_has_no_problems() -> None:
    """A well-formed article with aanhef, items and a lapsed item gives no problems."""
    body = (
        "## Artikel 1\n\n1. Aanhef:\n   - a. een;\n   - b. vervallen;\n   - c. twee; en\n"
        "   - d. drie.\n2. Vervallen.\n"
    )
    assert _messages(body) == []


def test_article_order_follows_dutch_numbering() -> None:
    """77z < 77za < 77aa, 38x < 38ij < 38y and bis < ter < quater are in order; 80a after 81 not."""
    body = "".join(
        f"## Artikel {nr}\n\nTekst.\n\n"
        for nr in [
            "38x",
            "38ij",
            "38y",
            "77z",
            "77za",
            "77aa",
            "80bis",
            "80ter",
            "80quater",
            "81",
            "80a",
        ]
    )
    assert _messages(body) == ["45: artikel 80a staat na artikel 81"]


def test_onderdelen_out_of_order_and_duplicate() -> None:
    """Onderdelen b after c, and a repeated a, are reported; dashes are never numbers."""
    body = (
        "## Artikel 1\n\nAanhef:\n\n- a. een;\n- c. twee;\n- b. drie;\n- a. vier;\n"
        "- – vijf;\n- – zes.\n"
    )
    assert _messages(body) == [
        "10: onderdeel c volgt op onderdeel a: onderdeel b ontbreekt",
        "11: onderdeel b staat na onderdeel c in artikel 1",
        "12: onderdeel a komt dubbel voor in artikel 1",
    ]


def test_first_lid_must_be_one() -> None:
    """Leden that start at 2 are reported on the first lid."""
    assert _messages("## Artikel 1\n\n2. Tekst.\n3. Tekst.\n") == [
        "7: artikel 1 begint met lid 2, niet met lid 1"
    ]


def test_empty_provisions() -> None:
    """An empty article and an empty lid are reported."""
    assert _messages("## Artikel 1\n\n## Artikel 2\n\n1.\n2. Tekst.\n") == [
        "5: artikel 1 is leeg",
        "9: artikel 2, eerste lid, is leeg",
    ]


def test_nested_lists_follow_ar_3_59() -> None:
    """The last sub-item of a non-last item ends in ';' or ',', the very last one in '.'; an
    aanhef that ends a sentence is reported, one that runs on into the items is not."""
    body = (
        "## Artikel 1\n\nAanhef:\n\n- a. eerste, met:\n  - 1°. een;\n  - 2°. twee.\n"
        "- b. tweede.\n  - 1°. drie;\n  - 2°. vier.\n- c. derde, indien\n  - 1°. vijf, of\n"
        "  - 2°. zes.\n"
    )
    assert _messages(body) == [
        "11: artikel 1, onderdeel a, onder 2°, eindigt niet op ';' of ',' (Ar 3.59)",
        "12: de aanhef van artikel 1, onderdeel b, eindigt op '.'; een opsomming zet de zin "
        "van de aanhef voort (eindig op ':')",
        "14: artikel 1, onderdeel b, onder 2°, eindigt niet op ';' of ',' (Ar 3.59)",
    ]


def test_items_may_end_in_a_comma_and_the_one_before_last_in_en_or_of() -> None:
    """Ar 3.59: items end in ';' or ','; 'en', 'of', 'dan wel' may close the one before last,
    with or without punctuation before it (as in art. 273 Sr: 'bekend maakt of')."""
    body = (
        "## Artikel 1\n\n1. Gestraft wordt hij die opzettelijk\n   - 1°. een, dan wel\n"
        "   - 2°. twee,\n   - 3°. drie; of\n   - 4°. vier of\n   - 5°. vijf.\n"
    )
    assert _messages(body) == []


def test_list_followed_by_slotzin_may_end_in_comma() -> None:
    """When a slotzin follows the list, the last item need not end in '.'."""
    body = "## Artikel 1\n\n1. Hij die:\n   - a. een;\n   - b. twee,\n\n   wordt gestraft.\n"
    assert _messages(body) == []


def test_references_outside_an_excerpt_are_not_reported() -> None:
    """A draft of art. 273f alone may cite artikel 251; an article in its span must exist."""
    body = (
        "## Artikel 273f\n\n1. Artikel 251 is van toepassing.\n2. Zie het derde lid.\n\n"
        "## Artikel 273h\n\nZie artikel 273g.\n"
    )
    assert _messages(body) == [
        "8: verwijzing 'het derde lid' in artikel 273f, tweede lid, wijst naar "
        "artikel 273f, derde lid, maar die bepaling bestaat niet",
        "10: verwijzing 'artikel 273g' in artikel 273h wijst naar artikel 273g, "
        "maar die bepaling bestaat niet",
    ]


def test_front_matter_errors_are_problems() -> None:
    """Broken front matter is one problem with its line, not an exception."""
    problems = check_text("---\ntitel: [a\n---\n", "p.md")
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (3, "front matter is geen geldige YAML")
    ]


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    """A file that does not exist is reported, and the summary counts it."""
    report = check_files([(tmp_path / "weg.md", "weg.md")])
    assert [str(p) for p in report.problems] == ["weg.md: bestand bestaat niet"]
    assert report.summary == "1 probleem gevonden in 1 bestand"


def test_canonical_form_is_idempotent() -> None:
    """canonical() of its own output is the same text."""
    text = HEAD + "## Artikel 1\n1. Een   lid:\n   - a.   een;\n   - b. twee.\n"
    once = canonical(text, "p.md")
    assert canonical(once, "p.md") == once
    assert once == HEAD + "## Artikel 1\n\n1. Een lid:\n   - a. een;\n   - b. twee.\n"


def test_fmt_keeps_front_matter_with_comments_and_repeated_keys() -> None:
    """Canonical front matter would drop a comment or a repeated key: such front matter stays."""
    text = "---\ntitel: Proef\n# interne notitie\nstatus: concept\n---\n## Artikel 1\nTekst.\n"
    assert canonical(text, "p.md") == (
        "---\ntitel: Proef\n# interne notitie\nstatus: concept\n---\n\n## Artikel 1\n\nTekst.\n"
    )
    twice = "---\ntitel: A\ntitel: B\n---\n\n## Artikel 1\n\nTekst.\n"
    assert canonical(twice, "p.md") == twice
    plain = "---\nstatus: concept\ntitel: Proef\n---\n## Artikel 1\nTekst.\n"
    assert canonical(plain, "p.md").startswith("---\ntitel: Proef\nstatus: concept\n---\n")


def test_deeply_nested_front_matter_is_one_line() -> None:
    """Front matter nested thousands deep gives a parse error, not a recursion traceback."""
    from wetgeving.errors import ParseError
    from wetgeving.text.parse import parse

    text = "---\nb: " + "[" * 3000 + "]" * 3000 + "\n---\n"
    with pytest.raises(ParseError, match=r"front matter is te diep genest"):
        parse(text, "p.md")


def test_a_line_that_starts_with_a_number_is_named_not_merged() -> None:
    """A lid number without its period ('2 Het tweede lid'), a lid straight after text without
    a blank line and '2°' without '- ' are read as text: check names each line."""
    body = (
        "## Artikel 1\n\n1. Het eerste lid.\n2 Het tweede lid zonder punt.\n"
        "3. Het derde lid:\n   - 1°. een;\n   2° twee;\n   - 3°. drie.\n\n"
        "5 Artikel 251 is van overeenkomstige toepassing.\n\n## Artikel 2\n\nAanhef\n2. Tweede\n"
    )
    assert _messages(body) == [
        "7: verwijzing 'Het tweede lid' in artikel 1, eerste lid, wijst naar artikel 1, tweede "
        "lid, maar die bepaling bestaat niet",
        "8: '2 Het tweede lid zonder punt.' begint met een nummer zonder punt en wordt gelezen "
        "als tekst van de regel ervoor, niet als lid 2; schrijf '2. ...'",
        "9: lid 3 volgt op lid 1: lid 2 ontbreekt",
        "11: '2° twee;' is geen onderdeel ('- ' ontbreekt) en wordt gelezen als tekst; schrijf "
        "'- 2°. ...'",
        "12: onderdeel 3° volgt op onderdeel 1°: onderdeel 2° ontbreekt",
        "14: '5 Artikel 251 is van overeenkomstige toe...' begint met een nummer zonder punt en "
        "wordt gelezen als tekst, niet als lid 5; schrijf '5. ...'",
        "14: verwijzing 'Artikel 251' in artikel 1, slotzin, wijst naar artikel 251, maar die "
        "bepaling bestaat niet",
        "19: '2. Tweede' sluit zonder witregel aan op de tekst erboven en wordt daardoor gelezen "
        "als tekst, niet als lid of onderdeel; zet er een witregel voor",
    ]


def test_numbers_inside_a_line_or_in_wrapped_lowercase_text_are_fine() -> None:
    """A wrapped line that goes on with '5 jaren' or a sentence with numbers is no problem."""
    body = (
        "## Artikel 1\n\n1. De straf bedraagt ten hoogste\n   5 jaren of 20 dagen.\n"
        "2. Het tweede lid.\n"
    )
    assert _messages(body) == []


def test_strict_parse_reads_such_lines_as_before() -> None:
    """The strict parse (version create, diff) reads them as text, as it always did."""
    from wetgeving.text.parse import parse

    tree = parse(HEAD + "## Artikel 1\n\n1. Het eerste lid.\n2 Het tweede lid.\n", "p.md")
    lid = tree.find("art.1/lid.1")
    assert lid is not None and lid.text == "Het eerste lid. 2 Het tweede lid."


def test_a_file_level_problem_has_no_line() -> None:
    """A file that cannot be read is named without a line number."""
    from wetgeving.text.check import Problem

    assert str(Problem("p.md", None, "bestand bestaat niet")) == "p.md: bestand bestaat niet"
    assert str(Problem("p.md", 4, "x")) == "p.md:4: x"


def test_enig_artikel_and_bijlagen_are_checked_by_their_own_rules() -> None:
    """An empty enig artikel or bijlage is reported by its label; the list punctuation of Ar 3.59
    (a list in an article) is not asked of a bijlage, which lists names or a model."""
    body = (
        "## Enig artikel\n\n## Bijlage I. Lijst\n\nDe diensten.\n\n- 1\\. Rijksmuseum\n"
        "- 3\\. Mauritshuis\n\n## Bijlage. Leeg\n"
    )
    assert _messages(body) == [
        "5: enig artikel is leeg",
        "12: onderdeel 3 volgt op onderdeel 1: onderdeel 2 ontbreekt",
        "14: bijlage is leeg",
    ]
