"""An ARTIKEL that makes one change: no onderdeel letter, the regulation named in the change.

Ar 6.15, second lid, letters "de verschillende wijzigingen"; one change is written as "Artikel
273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:" (Kst. 32 211, nr. 36) or "In
artikel 273f, eerste lid, aanhef, van het Wetboek van Strafrecht wordt ...". `amend` writes it in
every format, `apply` reads it (and the old lettered form), the MvT and the consultation cite it
as "ARTIKEL I".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_amend_support import FIXTURES, bill, check_golden, make_dossier
from wetgeving.amend.reader import read_instructions
from wetgeving.amend.single import split_regulation
from wetgeving.cli.app import app
from wetgeving.text.parse import parse

runner = CliRunner()

_OLD = (FIXTURES / "drafts" / "geldend.md").read_text(encoding="utf-8")
# One word in the aanhef of the first lid (one instruction) ...
_WORD = _OLD.replace(
    "twaalf jaren of geldboete van de vijfde categorie gestraft:",
    "twaalf jaren of geldboete van de zesde categorie gestraft:",
)
# ... and the aanhef of the third lid too (one article, a group of two instructions).
_GROUP = _WORD.replace(
    "vijftien jaren of geldboete van de vijfde categorie, indien:",
    "achttien jaren of geldboete van de zesde categorie, indien:",
)
_LETTERED = (
    "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:\n\nA\n\n"
    "In artikel 273f, eerste lid, aanhef, wordt «vijfde» vervangen door «zesde».\n"
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dossier with versions oud (art. 273f in force), woord and groep."""
    base = tmp_path_factory.mktemp("single") / "dossier"
    return make_dossier(base, {"oud": _OLD, "woord": _WORD, "groep": _GROUP}).root


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("new", "args", "name"),
    [
        ("woord", (), "single-woord.txt"),
        ("woord", ("--format", "markdown"), "single-woord.md"),
        ("groep", (), "single-groep.txt"),
        ("groep", ("--format", "markdown"), "single-groep.md"),
    ],
)
def test_golden(root: Path, new: str, args: tuple[str, ...], name: str) -> None:
    """A bill of one instruction, and one of one article with two, is written without an
    onderdeel letter or opening "Het Wetboek ... wordt als volgt gewijzigd:"; the change names the
    regulation after its full citation (text and Markdown match their golden files)."""
    code, out, err = _run(root, "amend", "oud", new, *args)
    assert (code, err) == (0, "")
    check_golden(name, out)


def test_exact_single_instruction(root: Path) -> None:
    """One instruction: "In artikel 273f, eerste lid, aanhef, van het Wetboek van Strafrecht
    wordt «vijfde» vervangen door «zesde»." right below ARTIKEL I."""
    assert _run(root, "amend", "oud", "woord")[1] == (
        "ARTIKEL I\n\nIn artikel 273f, eerste lid, aanhef, van het Wetboek van Strafrecht wordt "
        "«vijfde» vervangen door «zesde».\n"
    )


def test_exact_single_article_group(root: Path) -> None:
    """One article with two changes: "Artikel 273f van het Wetboek van Strafrecht wordt als
    volgt gewijzigd:" and the numbered instructions, cited within the article."""
    assert _run(root, "amend", "oud", "groep")[1] == (
        "ARTIKEL I\n\nArtikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:\n\n"
        "1. In het eerste lid, aanhef, wordt «vijfde» vervangen door «zesde».\n\n"
        "2. In het derde lid, aanhef, wordt «vijftien» vervangen door «achttien» en wordt "
        "«vijfde» vervangen door «zesde».\n"
    )


def _applied(root: Path, bill_text: str, tmp_path: Path, fmt: str = "txt") -> object:
    """The draft that `wetgeving apply oud` writes for `bill_text` (its tree)."""
    source = tmp_path / f"opdrachten.{fmt}"
    source.write_text(bill_text, encoding="utf-8")
    code, _, err = _run(root, "apply", "oud", str(source), "--force")
    assert (code, err) == (0, "")
    return parse((root / "drafts" / "273f.md").read_text(encoding="utf-8"), "drafts/273f.md")


@pytest.mark.parametrize(("new", "text"), [("woord", _WORD), ("groep", _GROUP)])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_round_trip(root: Path, tmp_path: Path, new: str, text: str, fmt: str) -> None:
    """The single-change bill, as text or Markdown, applied by `wetgeving apply` to the old
    version gives the new version exactly."""
    _, out, _ = _run(root, "amend", "oud", new, "--format", fmt)
    result = _applied(root, out, tmp_path, "md" if fmt == "markdown" else "txt")
    assert result == parse(text, "drafts/273f.md")


def test_old_lettered_form_still_applies(root: Path, tmp_path: Path) -> None:
    """A bill in the old form, one onderdeel lettered "A" under "Het Wetboek van Strafrecht
    wordt als volgt gewijzigd:", is read and applied as before."""
    assert _applied(root, _LETTERED, tmp_path) == parse(_WORD, "drafts/273f.md")


def test_json_has_no_letter(root: Path) -> None:
    """JSON: the instruction's "onderdeel" is "" and its text is the sentence as the bill writes
    it, naming the regulation; "regulations" counts one onderdeel."""
    data = json.loads(_run(root, "amend", "oud", "woord", "--format", "json")[1])
    (only,) = data["instructions"]
    assert (only["artikel"], only["onderdeel"], only["item"]) == ("I", "", [])
    assert only["text"] == (
        "In artikel 273f, eerste lid, aanhef, van het Wetboek van Strafrecht wordt «vijfde» "
        "vervangen door «zesde»."
    )
    assert data["regulations"][0]["onderdelen"] == 1


def test_html_and_word_have_no_letter(root: Path, tmp_path: Path) -> None:
    """HTML and Word show the single change below ARTIKEL I, without letter or opening line."""
    import docx

    _, html, _ = _run(root, "amend", "oud", "woord", "--format", "html")
    assert "wordt als volgt gewijzigd" not in html and '"bill-onderdeel"' not in html
    assert "In artikel 273f, eerste lid, aanhef, van het Wetboek van Strafrecht wordt" in html
    target = tmp_path / "bill.docx"
    assert _run(root, "amend", "oud", "groep", "-o", str(target))[0] == 0
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs if p.text]
    start = paragraphs.index("ARTIKEL I")
    assert paragraphs[start + 1 : start + 3] == [
        "Artikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:",
        "1.\tIn het eerste lid, aanhef, wordt «vijfde» vervangen door «zesde».",
    ]


def test_multi_article_bill_keeps_its_letters() -> None:
    """Two articles changed: onderdelen A and B under the opening line, as before."""
    old = "## Artikel 1\n\nDe eerste regel.\n\n## Artikel 2\n\nDe tweede regel.\n"
    new = old.replace("regel", "zin")
    assert bill(old, new, lettered=False) == (
        "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:\n\nA\n\n"
        "In artikel 1 wordt «regel» vervangen door «zin».\n\nB\n\n"
        "In artikel 2 wordt «regel» vervangen door «zin».\n"
    )


def test_lettering_rule_shared_with_the_consultation() -> None:
    """compare.bill letters one onderdeel "" and several A, B, ...; its fallback for the
    consultation (no bill could be written) maps the one changed article to ""."""
    from test_amend_support import version
    from wetgeving.compare.bill import onderdeel_letters, onderdelen
    from wetgeving.compare.engine import compare_versions

    assert (onderdeel_letters(1), onderdeel_letters(2)) == ([""], ["A", "B"])
    old = "## Artikel 1\n\nDe eerste regel.\n\n## Artikel 2\n\nDe tweede regel.\n"
    new = old.replace("De tweede regel", "De tweede zin")
    assert onderdelen(compare_versions(version("a", old), version("b", new))) == {"": "2"}


_DIVISIONS = "# Tweede Boek. Misdrijven\n\n# Titel XVIII. Oude titel\n\n## Artikel 5\n\n"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            _DIVISIONS + "1. De eerste regel.\n2. De tweede regel.\n",
            _DIVISIONS + "1. De eerste regel.\n",
            "Artikel 5, tweede lid, van het Wetboek van Strafrecht vervalt.\n",
            id="lid_vervalt",
        ),
        pytest.param(
            _DIVISIONS + "De regel.\n",
            _DIVISIONS + "De regel.\n\n## Artikel 5a\n\nNieuw.\n",
            "Na artikel 5 van het Wetboek van Strafrecht wordt een artikel ingevoegd, luidende:"
            "\n\nArtikel 5a\n\nNieuw.\n",
            id="artikel_in",
        ),
        pytest.param(
            _DIVISIONS + "De regel.\n",
            _DIVISIONS.replace("Oude", "Nieuwe") + "De regel.\n",
            "In het opschrift van Titel XVIII van het Tweede Boek van het Wetboek van Strafrecht "
            "wordt «Oude» vervangen door «Nieuwe».\n",
            id="titel",
        ),
        pytest.param(
            _DIVISIONS + "De regel.\n",
            _DIVISIONS + "De regel. Een tweede zin.\n",
            "Aan artikel 5 van het Wetboek van Strafrecht wordt een zin toegevoegd, luidende: "
            "Een tweede zin.\n",
            id="zin",
        ),
    ],
)
def test_single_formulas(old: str, new: str, expected: str) -> None:
    """Each formula of a single change names the regulation after the full citation, and
    divisions stay in the citation ("van het Tweede Boek van het Wetboek van Strafrecht"); the
    bill is checked by reading it back and applying it."""
    assert bill(old, new, lettered=False) == "ARTIKEL I\n\n" + expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In artikel 5, eerste lid, van de Opiumwet wordt «a» vervangen door «b»",
            ("In artikel 5, eerste lid, wordt «a» vervangen door «b»", "Opiumwet"),
        ),
        (
            "Het opschrift van Titel XVIII van het Tweede Boek komt te luiden:",
            ("Het opschrift van Titel XVIII van het Tweede Boek komt te luiden:", ""),
        ),
        (
            "Onder vernummering van het vierde lid tot derde lid wordt ...",
            ("Onder vernummering van het vierde lid tot derde lid wordt ...", ""),
        ),
        (
            "Artikel 9, tweede lid, van het Wetboek van Strafrecht, alsmede de aanduiding",
            ("Artikel 9, tweede lid, alsmede de aanduiding", "Wetboek van Strafrecht"),
        ),
    ],
)
def test_split_regulation(sentence: str, expected: tuple[str, str]) -> None:
    """The regulation is what follows "van het"/"van de" up to the verb; a division ("van het
    Tweede Boek") or an ordinary phrase ("van het vierde lid") is no regulation."""
    assert split_regulation(sentence) == expected


def test_another_regulation_is_named_with_its_line(root: Path, tmp_path: Path) -> None:
    """A single change of another regulation is refused by `apply`, naming the line."""
    source = tmp_path / "opdrachten.txt"
    source.write_text(
        "ARTIKEL I\n\nIn artikel 273f van de Opiumwet wordt «vijfde» vervangen door «zesde».\n",
        encoding="utf-8",
    )
    code, _, err = _run(root, "apply", "oud", str(source), "--force")
    assert code == 10
    assert err == (
        f"{source}:1: artikel I: de opdrachten wijzigen Opiumwet, maar versie oud bevat alleen "
        "Wetboek van Strafrecht\nfout: 1 van de 1 wijzigingsopdracht is niet uit te voeren; er is "
        "niets geschreven\n"
    )


def test_a_change_naming_another_regulation_inside_a_lettered_artikel() -> None:
    """Inside "Het Wetboek van Strafrecht wordt als volgt gewijzigd:" an onderdeel that names
    the Opiumwet is a problem of its line."""
    reading = read_instructions(
        "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:\n\n"
        "A. In artikel 5 van de Opiumwet wordt «a» vervangen door «b».\n"
    )
    assert [(p.line, p.where, p.message) for p in reading.problems] == [
        (
            5,
            "artikel I, onderdeel A",
            "de opdracht noemt Opiumwet, maar artikel I wijzigt Wetboek van Strafrecht",
        )
    ]


# --- the consultation: "ARTIKEL I" of a single-change bill ------------------------------------

_TIED = "gekoppeld aan artikel 273f (ARTIKEL I van het wetsvoorstel)"
_KEPT = "opgeslagen zoals geschreven (niet gekoppeld)"


@pytest.mark.parametrize(
    ("written", "ref", "note"),
    [
        ("ARTIKEL I", "artikel 273f", f"'ARTIKEL I' {_TIED}"),
        ("artikel I.", "artikel 273f", f"'artikel I.' {_TIED}"),
        ("ARTIKEL I, onderdeel A", "artikel 273f", f"'ARTIKEL I, onderdeel A' {_TIED}"),
        (
            "ARTIKEL I, onderdeel B",
            "",
            f"'ARTIKEL I, onderdeel B': ARTIKEL I bevat één wijziging, zonder onderdelen; {_KEPT}",
        ),
        ("ARTIKEL II", "", f"'ARTIKEL II': het wetsvoorstel heeft geen ARTIKEL II; {_KEPT}"),
    ],
)
def test_consultation_links_artikel_i_alone(
    tmp_path: Path, written: str, ref: str, note: str
) -> None:
    """When the bill from the law in force makes one change, "ARTIKEL I" (or "artikel I") is
    tied to the article it changes; "onderdeel A" of an older lettered draft too."""
    from wetgeving.consultation.provisions import linker

    d = make_dossier(tmp_path / "d", {"geldend": _OLD, "v1": _WORD})
    found = linker(d, "v1").link(written)
    assert (found.ref if found.linked else "", found.note) == (ref, note)


def test_consultation_artikel_i_alone_of_a_lettered_bill(tmp_path: Path) -> None:
    """With several onderdelen, "ARTIKEL I" alone names no article: kept as written, saying
    which onderdelen there are."""
    from wetgeving.consultation.provisions import linker

    two = _WORD.replace("## Artikel 273f", "## Artikel 273e\n\nNieuw.\n\n## Artikel 273f")
    d = make_dossier(tmp_path / "d", {"geldend": _OLD, "v1": two})
    found = linker(d, "v1").link("ARTIKEL I")
    assert (found.linked, found.note) == (
        False,
        "'ARTIKEL I': ARTIKEL I heeft de onderdelen A tot en met B; noem het onderdeel; "
        "opgeslagen zoals geschreven (niet gekoppeld)",
    )
