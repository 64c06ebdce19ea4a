"""`import bwb` of every kind of regulation: wet, AMvB, ministeriële regeling, beleidsregel,
verordening, circulaire (the real files in tests/fixtures/bwb/soorten, from the national BWB)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app
from wetgeving.errors import ParseError
from wetgeving.text.bwb import import_bwb
from wetgeving.text.check import canonical
from wetgeving.text.parse import parse
from wetgeving.text.pasted import canonical_chars
from wetgeving.text.render import render_markdown, render_text

SOORTEN = Path(__file__).parent / "fixtures" / "bwb" / "soorten"
GOLDEN = Path(__file__).parent / "golden" / "import"
runner = CliRunner()

# Per file: articles, bijlagen, title, notes (bijlagen left out).
IMPORTED = {
    "BWBR0002050": (4, 0, "Beschikking verwisseling Grootboek 1946", ()),
    "BWBR0006030": (10, 1, "Wet verzelfstandiging rijksmuseale diensten", ()),
    "BWBR0011805": (
        1,
        0,
        "Machtigingen tot vervanging archiefbescheiden Arrondissement Den Haag",
        (),
    ),
    "BWBR0013110": (21, 2, "Regeling defensiesubsidies", ()),
    "BWBR0017277": (
        8,
        0,
        "Beleidsregel ontheffingverlening afgifte scheepsafval",
        (
            "de bijlage is weggelaten: een afbeelding (<plaatje>) in de bijlage kan niet in een "
            "concepttekst worden overgenomen (regel 35)",
        ),
    ),
}
REFUSED = {
    "BWBR0009828": "539: een tabel (<table>) in artikel 11 kan niet in een concepttekst worden "
    "overgenomen",
    "BWBR0010263": "3: een circulaire (<circulaire-tekst>) heeft geen artikelen en kan niet als "
    "concepttekst worden ingelezen",
    "BWBR0017495": "9: een tabel (<table>) in artikel 1 kan niet in een concepttekst worden "
    "overgenomen",
}


def test_every_file_is_imported_or_refused() -> None:
    """Each file of the sample is covered by one of the two lists below."""
    assert sorted(p.stem for p in SOORTEN.glob("*.xml")) == sorted([*IMPORTED, *REFUSED])


@pytest.mark.parametrize("bwb_id", sorted(IMPORTED))
def test_regulation_imports_completely_named_by_its_citeertitel(bwb_id: str) -> None:
    """Articles, bijlagen, the title the regulation gives itself, and what was left out."""
    result = import_bwb(SOORTEN / f"{bwb_id}.xml")
    articles, bijlagen, title, notes = IMPORTED[bwb_id]
    assert (result.articles, result.bijlagen) == (articles, bijlagen)
    assert result.regeling.title == title
    assert result.notes == notes
    assert result.bwb_id == bwb_id


@pytest.mark.parametrize("bwb_id", sorted(IMPORTED))
def test_imported_draft_shows_the_published_text(bwb_id: str) -> None:
    """`show` of the imported draft is the published text (golden files, read by a lawyer) and
    its Markdown is the golden draft; WETGEVING_UPDATE_GOLDEN=1 rewrites them."""
    result = import_bwb(SOORTEN / f"{bwb_id}.xml")
    shown = f"{result.regeling.title}\n\n" + render_text(result.regeling.children)
    for name, text in ((f"{bwb_id}.txt", shown), (f"{bwb_id}.md", result.markdown)):
        if os.environ.get("WETGEVING_UPDATE_GOLDEN") == "1":
            (GOLDEN / name).write_text(text, encoding="utf-8")
        assert text == (GOLDEN / name).read_text(encoding="utf-8")


def _published_words(path: Path) -> list[str]:
    """Every word of the provisions as the XML holds them (numbers, markers and text), in order,
    without the headings; straight from the XML, not through the importer. A list item without
    a number shows the mark of its list ("–" for type="ndash")."""
    root = ET.parse(path).getroot()
    words: list[str] = []
    skip = {"kop", "meta-data", "aanhef", "wetsluiting", "regeling-sluiting"}

    def walk(elem: ET.Element, mark: str = "") -> None:
        if elem.tag in skip:
            return
        if elem.tag in ("al", "li.nr", "lidnr", "tussenkop"):
            text = canonical_chars(" ".join("".join(elem.itertext()).split()))
            words.extend(text.strip("()").split() if elem.tag == "lidnr" else text.split())
            return
        if elem.tag == "li" and elem.find("li.nr") is None:
            words.append(mark)
        if elem.tag == "divisie" and (titel := elem.find("kop/titel")) is not None:
            words.extend("".join(titel.itertext()).split())
        for child in elem:
            walk(child, "–" if elem.get("type") == "ndash" else "")

    for part in root.iter():
        if part.tag in ("wettekst", "regeling-tekst"):
            walk(part)
    for bijlage in root.iter("bijlage"):
        if bijlage.find(".//plaatje") is None:
            walk(bijlage)
    return words


def _draft_words(result_markdown: str) -> list[str]:
    words: list[str] = []
    for node in parse(result_markdown, "d.md").walk():
        if node.kind == "lid":
            words.append(node.number)
        elif node.kind == "onderdeel":
            words.append(node.marker)
        words.extend(node.text.split())
    return words


@pytest.mark.parametrize("bwb_id", sorted(IMPORTED))
def test_import_is_verbatim_and_reimport_is_stable(bwb_id: str) -> None:
    """Every word of the XML's provisions is in the draft in the same order, nothing added; the
    draft is canonical (fmt changes nothing) and a second import gives the same bytes."""
    path = SOORTEN / f"{bwb_id}.xml"
    first = import_bwb(path)
    assert _draft_words(first.markdown) == _published_words(path)
    assert canonical(first.markdown, "d.md") == first.markdown
    assert render_markdown(parse(first.markdown, str(path))) == first.markdown
    assert import_bwb(path).markdown == first.markdown


@pytest.mark.parametrize("bwb_id", sorted(REFUSED))
def test_what_a_draft_cannot_hold_is_refused_by_name(bwb_id: str) -> None:
    """A table in an article, or a circulaire without articles: one line naming the element."""
    path = SOORTEN / f"{bwb_id}.xml"
    with pytest.raises(ParseError) as err:
        import_bwb(path)
    assert err.value.message == f"{path}:{REFUSED[bwb_id]}"


def test_cli_import_reports_bijlagen_and_what_was_left_out(tmp_path: Path) -> None:
    """The CLI names the count of articles and bijlagen, then each note; a refusal exits 6."""
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["import", "bwb", str(SOORTEN / "BWBR0013110.xml"), "-o", str(out)])
    assert (result.exit_code, result.stdout) == (
        0,
        f"21 artikelen en 2 bijlagen geïmporteerd naar {out}\n",
    )
    out2 = tmp_path / "b.md"
    result = runner.invoke(
        app, ["import", "bwb", str(SOORTEN / "BWBR0017277.xml"), "-o", str(out2)]
    )
    assert (result.exit_code, result.stdout) == (
        0,
        f"8 artikelen geïmporteerd naar {out2}\nlet op: {IMPORTED['BWBR0017277'][3][0]}\n",
    )
    result = runner.invoke(
        app, ["import", "bwb", str(SOORTEN / "BWBR0010263.xml"), "-o", str(out2)]
    )
    assert result.exit_code == 6
    assert result.stderr == f"fout: {SOORTEN / 'BWBR0010263.xml'}:{REFUSED['BWBR0010263']}\n"


def test_show_of_an_imported_regulation_in_a_dossier(tmp_path: Path) -> None:
    """In a real dossier: import a ministeriële regeling with bijlagen, then `show werk` prints
    the published text (the golden file) and `check` and `fmt --check` find nothing."""
    root = tmp_path / "dossier"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    target = root / "drafts" / "defensiesubsidies.md"
    (root / "drafts" / "273f.md").unlink(missing_ok=True)
    args = ["--dossier", str(root)]
    source = str(SOORTEN / "BWBR0013110.xml")
    result = runner.invoke(app, [*args, "import", "bwb", source, "-o", str(target)])
    assert result.exit_code == 0
    result = runner.invoke(app, [*args, "show", "werk", "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout == (GOLDEN / "BWBR0013110.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, [*args, "check", str(target)])
    assert (result.exit_code, result.stdout) == (0, "geen problemen gevonden\n")
    result = runner.invoke(app, [*args, "fmt", "--check", str(target)])
    assert result.exit_code == 0
