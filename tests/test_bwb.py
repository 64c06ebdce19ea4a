"""BWB XML import: structure, the exact text of art. 273f, and safe handling of bad XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.errors import ParseError, ProvisionRefError
from wetgeving.text import bwb
from wetgeving.text.render import render_text

FIXTURES = Path(__file__).parent / "fixtures"
SR_2013 = FIXTURES / "bwb" / "BWBR0001854-2013-11-16.xml"
SR_2009 = FIXTURES / "bwb" / "BWBR0001854-2009-07-01.xml"


def _expected_273f() -> str:
    lines = (FIXTURES / "art273f" / "art273f-current.txt").read_text(encoding="utf-8")
    return "".join(line for line in lines.splitlines(keepends=True) if not line.startswith("#"))


def test_art_273f_2013_is_exactly_the_current_text() -> None:
    """Importing art. 273f from the 2013 Sr gives exactly the verbatim current text."""
    result = bwb.import_bwb(SR_2013, ["273f"])
    article = next(result.regeling.articles())
    assert render_text([article]) == _expected_273f()


def test_selected_article_keeps_its_book_and_title() -> None:
    """A selected article stays inside its Boek and Titel headings, with their titles."""
    result = bwb.import_bwb(SR_2013, ["273f"], title="Wetboek van Strafrecht")
    assert result.markdown.startswith(
        "---\ntitel: Wetboek van Strafrecht\nregeling: BWBR0001854\n"
        "bron: BWB-XML BWBR0001854-2013-11-16.xml\n---\n\n"
        "# Tweede Boek. Misdrijven\n\n# Titel XVIII. Misdrijven tegen de persoonlijke vrijheid\n\n"
        "## Artikel 273f\n\n1. Als schuldig aan mensenhandel"
    )
    assert result.articles == 1
    assert [n.id for n in result.regeling.walk()][:3] == [
        "boek.Tweede",
        "boek.Tweede/titel.XVIII",
        "art.273f",
    ]


@pytest.mark.parametrize(("path", "count"), [(SR_2009, 717), (SR_2013, 737)])
def test_every_article_is_imported(path: Path, count: int) -> None:
    """Every <artikel> of both Sr versions becomes an article of the draft."""
    result = bwb.import_bwb(path)
    assert result.articles == count
    assert len({a.number for a in result.regeling.articles()}) == count


def test_leden_lists_and_nested_lists_are_all_kept() -> None:
    """Every lid and every li (nested lists included) of the 2013 Sr becomes a node."""
    result = bwb.import_bwb(SR_2013)
    kinds = [n.kind for n in result.regeling.walk()]
    assert kinds.count("lid") == 1056
    assert kinds.count("onderdeel") == 622
    nested = result.regeling.find("art.4/ond.7°/ond.a")
    assert nested is not None and nested.label == "artikel 4, onder 7°, onderdeel a"


def test_references_and_editorial_notes_stay_as_text() -> None:
    """intref text is kept as plain text; a redactie note in a kop becomes '[...]' text."""
    result = bwb.import_bwb(SR_2009, ["83b"])
    article = next(result.regeling.articles())
    assert article.text.startswith("[Treedt in werking per 01-04-2010]\nOnder misdrijf ter")
    lid = bwb.import_bwb(SR_2013, ["273f"]).regeling.find("art.273f/lid.7")
    assert lid is not None and lid.text == "Artikel 251 is van overeenkomstige toepassing."


def test_lapsed_title_keeps_its_note() -> None:
    """A Titel that lapsed keeps its heading and '[Vervallen per ...]' text."""
    result = bwb.import_bwb(SR_2009)
    titel = result.regeling.find("boek.Tweede/titel.VI")
    assert titel is not None
    assert titel.title == "Tweegevecht"
    assert titel.text == "[Vervallen per 01-02-2006]"
    assert "# Titel VI. Tweegevecht\n\n[Vervallen per 01-02-2006]\n" in result.markdown


def test_unnumbered_title_and_ordinal_afdeling() -> None:
    """'Titel' without number and 'Eerste afdeling' headings import and parse back."""
    result = bwb.import_bwb(SR_2013)
    assert "\n# Titel. Slotbepaling\n" in result.markdown
    assert "\n# Eerste Afdeling. Onttrekking aan het verkeer" in result.markdown
    assert "\n# Titel VIIIA. Bijzondere bepalingen voor jeugdige personen\n" in result.markdown


def test_text_after_a_list_becomes_a_slotzin(tmp_path: Path) -> None:
    """An <al> after a <lijst> is a slotzin, in document order."""
    xml = tmp_path / "s.xml"
    xml.write_text(
        '<?xml version="1.0"?>\n<wetgeving bwb-id="BWBR1"><wet-besluit><wettekst>'
        "<artikel><kop><nr>5</nr></kop><lid><lidnr>1</lidnr><al>Aanhef:</al>"
        "<lijst><li><li.nr>a.</li.nr><al>een;</al></li><li><li.nr>b.</li.nr><al>twee,</al></li>"
        "</lijst><al>een slot.</al></lid></artikel></wettekst></wet-besluit></wetgeving>",
        encoding="utf-8",
    )
    result = bwb.import_bwb(xml)
    lid = result.regeling.find("art.5/lid.1")
    assert lid is not None
    assert [c.kind for c in lid.children] == ["onderdeel", "onderdeel", "slotzin"]
    assert lid.children[2].text == "een slot."
    assert lid.children[2].label == "artikel 5, eerste lid, slotzin"


def test_unknown_article_names_the_nearest() -> None:
    """Selecting an article that does not exist lists the nearest article numbers."""
    with pytest.raises(ProvisionRefError) as err:
        bwb.import_bwb(SR_2013, ["273x"])
    assert "artikel 273x komt niet voor" in err.value.message
    assert "bedoelt u: artikel 273" in err.value.message


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_external_entities_are_refused(tmp_path: Path) -> None:
    """An XXE attempt (external entity to a local file) is refused, naming the line."""
    path = _write(
        tmp_path,
        "xxe.xml",
        b'<?xml version="1.0"?>\n<!DOCTYPE wetgeving [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
        b"]>\n<wetgeving><wet-besluit><wettekst><artikel><kop><nr>1</nr></kop><al>&xxe;</al>"
        b"</artikel></wettekst></wet-besluit></wetgeving>\n",
    )
    with pytest.raises(ParseError) as err:
        bwb.import_bwb(path)
    assert err.value.message == (
        f"{path}:3: onveilige XML: entiteitsdeclaraties zijn niet toegestaan"
    )


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    """A 'billion laughs' document is refused before any expansion."""
    path = _write(
        tmp_path,
        "lol.xml",
        b'<?xml version="1.0"?>\n<!DOCTYPE l [\n<!ENTITY a "aaaaaaaaaa">\n'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<wetgeving>&b;</wetgeving>\n',
    )
    with pytest.raises(ParseError, match="onveilige XML"):
        bwb.import_bwb(path)


def test_remote_dtd_is_not_loaded(tmp_path: Path) -> None:
    """A DOCTYPE naming a DTD on the network (as real BWB files do) is read without loading it."""
    path = _write(
        tmp_path,
        "dtd.xml",
        b'<?xml version="1.0"?>\n<!DOCTYPE wetgeving SYSTEM "http://127.0.0.1:9/x.dtd">\n'
        b'<wetgeving bwb-id="BWBR9"><wet-besluit><wettekst><artikel><kop><nr>1</nr></kop>'
        b"<al>Tekst.</al></artikel></wettekst></wet-besluit></wetgeving>\n",
    )
    assert bwb.import_bwb(path).articles == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?>\n<wetgeving>\n<a>\n</wetgeving>\n", ":4: geen geldige XML"),
        (b"<?xml version='1.0'?>\n<html><body/></html>\n", ":2: geen BWB-XML: hoofdelement"),
        (b"<wetgeving>\n<intitule>x</intitule>\n</wetgeving>", ":1: geen BWB-XML: <wettekst>"),
        ("<wetgeving>\n<al>é</al></wetgeving>".encode("latin-1"), ":2: bestand is geen UTF-8"),
        (b"", ":1: geen geldige XML"),
    ],
)
def test_bad_xml_gives_one_dutch_line(tmp_path: Path, data: bytes, message: str) -> None:
    """Malformed, non-BWB, empty or non-UTF-8 XML: ParseError naming file and line."""
    path = _write(tmp_path, "x.xml", data)
    with pytest.raises(ParseError) as err:
        bwb.import_bwb(path)
    assert f"{path}{message}" in err.value.message
    assert "\n" not in err.value.message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    """A 50 MB file is refused by size, without parsing it."""
    path = tmp_path / "big.xml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ParseError) as err:
        bwb.import_bwb(path)
    assert err.value.message == f"{path}: bestand is te groot (50 MB; maximaal 32 MB)"


def test_toestand_export_with_lapsed_article(tmp_path: Path) -> None:
    """The current 'toestand' export imports too; a lapsed article keeps its '[Vervallen ...]'."""
    path = _write(
        tmp_path,
        "t.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<toestand bwb-id="BWBR0001854">'
        '<wetgeving soort="wet"><citeertitel>Wetboek van Strafrecht</citeertitel><wet-besluit>'
        "<wettekst><hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemeen</titel></kop>"
        '<artikel status="vervallen"><kop><label>Artikel</label><nr>1</nr></kop>'
        "<al>[Vervallen per 01-01-2011]</al></artikel>"
        "<artikel><kop><label>Artikel</label><nr>2</nr></kop><al>Geldboete: € 335 "
        '<redactie type="extra">Per 1 januari 2008: € 370.</redactie>;</al></artikel>'
        "</hoofdstuk></wettekst></wet-besluit></wetgeving></toestand>\n".encode(),
    )
    result = bwb.import_bwb(path)
    assert result.regeling.title == "Wetboek van Strafrecht"
    art1 = result.regeling.find("art.1")
    art2 = result.regeling.find("art.2")
    assert art1 is not None and art1.vervallen
    assert art2 is not None and art2.text == "Geldboete: € 335 [Per 1 januari 2008: € 370.];"
    assert result.regeling.children[0].id == "hoofdstuk.1"


def test_lid_number_markdown_cannot_hold_is_refused(tmp_path: Path) -> None:
    """A lid numbered '2a' cannot be a Markdown list item: the import refuses, naming the line."""
    path = _write(
        tmp_path,
        "a.xml",
        b'<?xml version="1.0"?>\n<wetgeving bwb-id="BWBR1"><wet-besluit><wettekst>\n'
        b"<artikel><kop><nr>7</nr></kop><lid><lidnr>1</lidnr><al>Een.</al></lid>"
        b"<lid><lidnr>2a</lidnr><al>Twee.</al></lid></artikel>\n</wettekst></wet-besluit></wetgeving>",
    )
    with pytest.raises(ParseError) as err:
        bwb.import_bwb(path)
    assert err.value.message == (
        f"{path}:3: artikel 7 kan niet zonder verlies als concepttekst worden geschreven "
        "(nummering die Markdown niet kan weergeven)"
    )


def test_deeply_nested_xml_is_refused_in_one_line() -> None:
    """XML nested thousands deep is refused by line, not with a recursion traceback."""
    from wetgeving.errors import ParseError
    from wetgeving.text.bwbxml import parse_xml

    data = b"<?xml version='1.0'?>\n<wetgeving>" + b"<a>" * 3000 + b"</a>" * 3000 + b"</wetgeving>"
    with pytest.raises(ParseError) as err:
        parse_xml(data, "d.xml")
    assert err.value.message == "d.xml:2: XML te diep genest (meer dan 200 niveaus)"


_ARTICLES_OPEN = b'<?xml version="1.0"?>\n<wetgeving bwb-id="BWBR1"><wet-besluit><wettekst>\n'
_ARTICLES_CLOSE = b"</wettekst></wet-besluit></wetgeving>\n"


@pytest.mark.parametrize(
    ("articles", "message"),
    [
        (
            # A list marker Markdown cannot hold: reported at the article's line in the XML, not
            # at a line of the generated draft, which the lawyer never sees.
            b"<artikel><kop><nr>1</nr></kop><al>Tekst.</al></artikel>\n"
            b"<artikel><kop><nr>2</nr></kop><al>Aanhef:</al>\n"
            b"<lijst><li><li.nr>**</li.nr><al>een.</al></li></lijst></artikel>\n",
            "4: artikel 2 kan niet zonder verlies als concepttekst worden geschreven "
            "(nummering die Markdown niet kan weergeven)",
        ),
        (
            # A list item without number in a list that names no mark.
            b"<artikel><kop><nr>1</nr></kop><al>Aanhef:</al>\n"
            b"<lijst><li><al>een.</al></li></lijst></artikel>\n",
            "4: een opsommingsonderdeel zonder nummer of teken (<li> zonder <li.nr>) in "
            "artikel 1 kan niet in een concepttekst worden overgenomen",
        ),
        (
            # An element the importer does not know: named, never dropped or flattened.
            b"<artikel><kop><nr>1</nr></kop><al>Tekst.</al>\n<formule>x = 1</formule></artikel>\n",
            "4: een formule (<formule>) in artikel 1 kan niet in een concepttekst worden "
            "overgenomen",
        ),
    ],
)
def test_what_a_draft_cannot_hold_is_named_at_its_xml_line(
    tmp_path: Path, articles: bytes, message: str
) -> None:
    """A marker Markdown cannot hold, an unnumbered list item or an unknown element: one line
    naming it at its line in the XML."""
    path = _write(tmp_path, "s.xml", _ARTICLES_OPEN + articles + _ARTICLES_CLOSE)
    with pytest.raises(ParseError) as err:
        bwb.import_bwb(path)
    assert err.value.message == f"{path}:{message}"
