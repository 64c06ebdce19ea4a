"""`wetgeving apply`: published wijzigingsopdrachten applied to a version, every failure named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_amend_support import case, fixture_dossier, published
from wetgeving.amend.apply import apply_bill
from wetgeving.amend.reader import read_instructions
from wetgeving.cli.app import app
from wetgeving.text.parse import parse

runner = CliRunner()


def _apply(instruction: str, before: str) -> tuple[object, list[str]]:
    reading = read_instructions(instruction, "opdrachten.txt")
    outcome = apply_bill(reading.bill, (published(before),), "voor")
    problems = [p.render("opdrachten.txt") for p in (*reading.problems, *outcome.problems)]
    return outcome.regelingen[0], problems


@pytest.mark.parametrize("case_id", ["T1", "T6", "T8"])
def test_real_instruction_gives_the_consolidated_text(case_id: str) -> None:
    """The official instruction applied to the before-text gives the after-text exactly."""
    real = case(case_id)
    result, problems = _apply(real["instruction"], real["before_text"])
    assert problems == []
    assert result == published(real["after_text"])


def test_excerpt_that_ends_mid_text_is_reported() -> None:
    """T2 is an excerpt (its new text breaks off): the missing article 5b is named."""
    real = case("T2")
    _, problems = _apply(real["instruction"], real["before_text"])
    assert problems == ["opdrachten.txt:3: onderdeel B: artikel 5b bestaat niet in versie voor"]


# --- the command ---------------------------------------------------------------------------------

OPDRACHTEN = Path(__file__).parent / "fixtures" / "amend" / "v1-v2-opdrachten.txt"


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def _tree(path: Path) -> object:
    return parse(path.read_text(encoding="utf-8"), "drafts/273f.md").children


def test_apply_writes_the_new_text_into_drafts(tmp_path: Path) -> None:
    """Instructions written by hand for v1 -> v2 turn v1 into the text of v2 in drafts/."""
    d = fixture_dossier(tmp_path / "d")
    code, out, err = _run(d.root, "apply", "v1", str(OPDRACHTEN))
    assert (code, err) == (0, "")
    assert out == "7 wijzigingsopdrachten toegepast op versie v1; geschreven: drafts/273f.md\n"
    v2 = Path(__file__).parent / "fixtures" / "drafts" / "v2.md"
    assert _tree(d.root / "drafts" / "273f.md") == _tree(v2)


def test_dry_run_prints_and_writes_nothing(tmp_path: Path) -> None:
    """--dry-run prints the new draft and leaves drafts/ as it was."""
    d = fixture_dossier(tmp_path / "d")
    before = (d.root / "drafts" / "273f.md").read_bytes()
    code, out, err = _run(d.root, "apply", "v1", str(OPDRACHTEN), "--dry-run")
    assert code == 0
    assert err == "7 wijzigingsopdrachten toegepast op versie v1; niets geschreven (--dry-run)\n"
    assert "4. Niet strafbaar is het slachtoffer van mensenhandel" in out
    assert (d.root / "drafts" / "273f.md").read_bytes() == before


def test_unrecorded_work_is_not_overwritten_without_force(tmp_path: Path) -> None:
    """drafts/ with changes that are in no version is refused; --force overwrites it."""
    d = fixture_dossier(tmp_path / "d")
    draft_file = d.root / "drafts" / "273f.md"
    draft_file.write_text(
        draft_file.read_text(encoding="utf-8") + "\n## Artikel 999\n\nWerk.\n", encoding="utf-8"
    )
    work = draft_file.read_bytes()
    code, _, err = _run(d.root, "apply", "v1", str(OPDRACHTEN))
    assert code == 2
    assert err == (
        "fout: drafts/ bevat wijzigingen die in geen versie zijn vastgelegd; leg ze eerst vast met "
        "'wetgeving version create' of overschrijf ze met --force\n"
    )
    assert draft_file.read_bytes() == work
    code, _, _ = _run(d.root, "apply", "v1", str(OPDRACHTEN), "--force")
    assert code == 0 and draft_file.read_bytes() != work


FAULTY = """ARTIKEL I

Het Wetboek van Strafrecht wordt als volgt gewijzigd:

A

Artikel 273f wordt als volgt gewijzigd:

1. In het eerste lid wordt «twaalf jaren» vervangen door «vijftien jaren».

2. In het eerste lid wordt «de» vervangen door «het».

3. In het tiende lid wordt «x» vervangen door «y».

4. In het tweede lid wordt «dwang» veranderd in «drang».

5. In het eerste lid wordt «vijftien jaren of» vervangen door «zestien jaren of».

6. In het derde lid wordt «honderd jaren» vervangen door «tien jaren».

B

Artikel 999 vervalt.
"""


def test_every_failing_instruction_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    """Formula not recognised, provision not found, quoted text absent or not unique, overlap:
    each with its line and place in the bill; exit 10 and drafts/ untouched."""
    d = fixture_dossier(tmp_path / "d")
    before = (d.root / "drafts" / "273f.md").read_bytes()
    path = tmp_path / "opdrachten.txt"
    path.write_text(FAULTY, encoding="utf-8")
    code, out, err = _run(d.root, "apply", "v1", str(path))
    assert (code, out) == (10, "")
    p = str(path)
    assert err.splitlines() == [
        f"{p}:11: artikel I, onderdeel A, onder 2: «de» komt 9 keer voor in artikel 273f, "
        "eerste lid; citeer zoveel tekst dat de plaats eenduidig is, of schrijf 'telkens'",
        f"{p}:13: artikel I, onderdeel A, onder 3: artikel 273f, tiende lid, bestaat niet in "
        "versie v1",
        f"{p}:15: artikel I, onderdeel A, onder 4: formule niet herkend: 'wordt «dwang» "
        "veranderd in «drang»'",
        f"{p}:17: artikel I, onderdeel A, onder 5: overlapt met artikel I, onderdeel A, onder "
        "1 (regel 9): «vijftien jaren of» in artikel 273f, eerste lid, is daar al gewijzigd",
        f"{p}:19: artikel I, onderdeel A, onder 6: «honderd jaren» komt niet voor in artikel "
        "273f, derde lid",
        f"{p}:23: artikel I, onderdeel B: artikel 999 bestaat niet in versie v1",
        "fout: 6 van de 7 wijzigingsopdrachten zijn niet uit te voeren; er is niets geschreven",
    ]
    assert (d.root / "drafts" / "273f.md").read_bytes() == before


def test_instruction_file_that_is_not_utf8(tmp_path: Path) -> None:
    """A file in another encoding is named with the line of the first bad byte (exit 6)."""
    d = fixture_dossier(tmp_path / "d", ("v1",))
    path = tmp_path / "opdrachten.txt"
    path.write_bytes("A\n\nIn artikel 273f wordt «é» vervangen door «e».\n".encode("cp1252"))
    code, _, err = _run(d.root, "apply", "v1", str(path))
    assert code == 6
    assert err == f"fout: {path}:3: bestand is geen UTF-8-tekst\n"


# --- reading the published form ----------------------------------------------------------------

ARTICLE_5 = (
    "Artikel 5\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n"
    "2. De poging is strafbaar.\n3. Het derde lid geldt voor de rechter.\n"
)


@pytest.mark.parametrize(
    "instruction",
    [
        "In artikel 5, eerste lid, wordt «vijfde» vervangen door «zesde».",
        'In artikel 5, eerste lid, wordt "vijfde" vervangen door "zesde".',
        "In artikel 5, eerste lid, wordt “vijfde” vervangen door “zesde”.",
        "In artikel 5, eerste lid, wordt «vijfde» vervangen door: zesde.",
        "## ARTIKEL I\n\n**A**\n\nIn artikel 5, eerste lid, wordt «vijfde» vervangen door «zesde».",
        "A. In artikel 5, eerste lid, wordt «vijfde» vervangen door «zesde».",
        "Artikel 5 wordt als volgt gewijzigd:\n\n- 1.\n- In het eerste lid wordt «vijfde» "
        "vervangen door «zesde».",
        "In artikel 5, lid 1, wordt «vijfde» telkens vervangen door «zesde».",
    ],
)
def test_quote_styles_and_markdown_as_copied(instruction: str) -> None:
    """«», "" and “” quotes, both styles, Markdown headings, bold letters, bullets, "1." alone."""
    result, problems = _apply(instruction, ARTICLE_5)
    assert problems == []
    assert result == published(ARTICLE_5.replace("vijfde categorie", "zesde categorie"))


APPLIED = [
    pytest.param(
        "Artikel 5 wordt als volgt gewijzigd:\n\n1. Het eerste tot en met derde lid worden "
        "vernummerd tot tweede tot en met vierde lid.\n\n2. Er wordt een lid ingevoegd, "
        "luidende:\n\n1. Nieuw eerste lid.",
        "Artikel 5\n1. Nieuw eerste lid.\n2. Hij wordt gestraft met een geldboete van de "
        "vijfde categorie.\n3. De poging is strafbaar.\n4. Het derde lid geldt voor de rechter.",
        id="renumber-then-insert-by-number",
    ),
    pytest.param(
        "Artikel 5, tweede lid, vervalt.",
        "Artikel 5\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. "
        "Vervallen.\n3. Het derde lid geldt voor de rechter.",
        id="lapsed-lid-keeps-its-number",
    ),
    pytest.param(
        "Aan artikel 5, tweede lid, wordt een zin toegevoegd, luidende: Dit geldt ook voor "
        "medeplichtigheid.",
        "Artikel 5\n1. Hij wordt gestraft met een geldboete van de vijfde categorie.\n2. De "
        "poging is strafbaar. Dit geldt ook voor medeplichtigheid.\n3. Het derde lid geldt "
        "voor de rechter.",
        id="sentence-added",
    ),
    pytest.param(
        "In artikel 5, eerste lid, wordt na «geldboete» ingevoegd «of taakstraf» en vervalt "
        "«van de vijfde categorie».",
        "Artikel 5\n1. Hij wordt gestraft met een geldboete of taakstraf.\n2. De poging is "
        "strafbaar.\n3. Het derde lid geldt voor de rechter.",
        id="insert-and-delete-words",
    ),
]


@pytest.mark.parametrize(("instruction", "after"), APPLIED)
def test_formulas_applied(instruction: str, after: str) -> None:
    """Renumbering, insertion by number (Ar 6.18), lapse with kept number, an added sentence,
    inserted and deleted words: each gives the text the Ar means."""
    result, problems = _apply(instruction, ARTICLE_5)
    assert problems == []
    assert result == published(after)


def test_mark_placed_and_words_replaced_in_one_sentence() -> None:
    """Concept 33 185 (RvS W03.11.0405/II), artikel 38u: 'Voor de tekst wordt de aanduiding "1"
    geplaatst en wordt “…” vervangen door: …', then leden added after the first."""
    before = "Artikel 38u\nOnze Minister van Justitie kan de maatregel te allen tijde beëindigen."
    instruction = (
        "C\n\nArtikel 38u wordt als volgt gewijzigd:\n\n"
        '1. Voor de tekst wordt de aanduiding "1" geplaatst en wordt “Onze Minister van Justitie” '
        "vervangen door: Onze Minister van Veiligheid en Justitie.\n\n"
        "2. Na het eerste lid worden de volgende leden toegevoegd:\n\n"
        "2. Beëindiging van de maatregel geschiedt bij vertrek uit Nederland.\n\n"
        "3. Het openbaar ministerie wordt ingelicht."
    )
    result, problems = _apply(instruction, before)
    assert problems == []
    assert result == published(
        "Artikel 38u\n1. Onze Minister van Veiligheid en Justitie kan de maatregel te allen tijde "
        "beëindigen.\n2. Beëindiging van de maatregel geschiedt bij vertrek uit Nederland.\n"
        "3. Het openbaar ministerie wordt ingelicht."
    )


def test_concurrent_bill_drafted_against_an_older_text() -> None:
    """Stb. 2013, 444 was drafted before Stb. 2013, 95 added onderdeel 6°: applied to the text
    after Stb. 2013, 95 its third instruction no longer fits, and says so."""
    instruction = (
        "A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n"
        "1. In het eerste lid, onderdeel 3°, vervalt «en 273f».\n\n"
        "2. In het eerste lid, onderdeel 5°, vervalt de zinsnede: «artikel 273f, voor zover "
        "het feit "
        "is gepleegd ten aanzien van een persoon die de leeftijd van achttien jaar heeft "
        "bereikt, en in».\n\n"
        "3. In het eerste lid wordt, onder vervanging van de punt aan het slot van onderdeel "
        "5° door "
        "een puntkomma, een onderdeel toegevoegd, luidende:\n\n6°. aan het misdrijf omschreven "
        "in artikel 273f."
    )
    _, problems = _apply(instruction, case("T1")["after_text"])
    assert problems == [
        "opdrachten.txt:9: onderdeel A, onder 3: onderdeel 5° eindigt niet op een punt"
    ]


def test_forms_of_stb_2024_59_and_kst_33151() -> None:
    """A sentence added, a quote in a sentence ("tweede zin"), "onder c", "komt als volgt te
    luiden" whose new lid "2." is followed by instruction "2.", "de volgende artikelen"."""
    before = (
        "Artikel 10\n1. Eerste.\n2. De duur is vijftien jaren.\n"
        "3. Ten hoogste vijftien jaren. De artikelen 254 en 254a. zijn van toepassing.\n"
        "4. Het vierde lid:\n  a. een;\n  b. de artikelen 240b en 242 tot en met 250."
    )
    instruction = (
        "B\n\nArtikel 10 wordt als volgt gewijzigd:\n\n"
        "1. Het tweede lid komt als volgt te luiden:\n\n"
        "2. De duur van de tijdelijke gevangenisstraf is ten hoogste achttien jaren.\n\n"
        "2. In het derde lid wordt «vijftien jaren» vervangen door: achttien jaren.\n\n"
        "3. In artikel 10, derde lid, tweede zin, wordt «254 en 254a.» vervangen door "
        "«254c en 254d.».\n\n"
        "4. Aan het tweede lid wordt een zin toegevoegd, luidende: Dit geldt ook bij poging.\n\n"
        "5. In het vierde lid, onder b, wordt «240b en 242 tot en met 250» vervangen door "
        "«240 tot en met 243».\n\n"
        "C\n\nNa artikel 10 worden de volgende artikelen ingevoegd:\n\n"
        "Artikel 10a\n\nEerste nieuwe.\n\nArtikel 10b\n\n1. Tweede nieuwe."
    )
    result, problems = _apply(instruction, before)
    assert problems == [
        "opdrachten.txt:13: onderdeel B, onder 4: overlapt met onderdeel B, onder 1 (regel 5): "
        "artikel 10, tweede lid, is daar ingevoegd of vastgesteld; neem de wijziging op in die "
        "nieuwe tekst"
    ]
    result, problems = _apply(
        instruction.replace("4. Aan het tweede lid", "4. Aan het eerste lid"), before
    )
    assert problems == []
    expected = (
        "Artikel 10\n1. Eerste. Dit geldt ook bij poging.\n"
        "2. De duur van de tijdelijke gevangenisstraf is ten hoogste achttien jaren.\n"
        "3. Ten hoogste achttien jaren. De artikelen 254c en 254d. zijn van toepassing.\n"
        "4. Het vierde lid:\n  a. een;\n  b. de artikelen 240 tot en met 243."
    )
    assert (result.children[0], result.children[1].number, result.children[2].number) == (
        published(expected).children[0],
        "10a",
        "10b",
    )
