"""The response file format: writing, fast and YAML reading, validation."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wetgeving.consultation import fileformat, model, store
from wetgeving.consultation.model import Answer, Disposition, Point, Response
from wetgeving.errors import ConsultationError, ParseError

RID = "20261128T130501Z-3f9c2a1b0d"


def sample(**changes: object) -> Response:
    base = Response(
        id=RID,
        respondent="Jan Voorbeeld",
        organisation="Stichting Voorbeeld",
        place="Utrecht",
        kind="organisatie",
        channel="internetconsultatie",
        received="2026-11-20",
        openbaar=True,
        version="v1",
        points=(
            Point("artikel 273f, derde lid", "art.273f/lid.3", "Te ruim geformuleerd."),
            Point(
                "algemeen",
                "",
                "Goed voorstel.",
                "Vraag 1",
                Disposition("kennisgenomen", "Geen aanleiding.", "v2"),
            ),
        ),
    )
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def test_round_trip_fast_reader() -> None:
    """A rendered response reads back identically through the fast reader."""
    r = sample(notes="Interne notitie.\n")
    text = fileformat.render(r)
    assert fileformat._fast_front(text) is not None
    back = fileformat.parse(text, "x.md")
    assert back == r
    assert back.notes.strip() == "Interne notitie."


def test_yaml_reader_agrees_with_fast_reader() -> None:
    """A hand-written (plain YAML) file is read through frontmatter with the same result."""
    text = (
        "---\nid: 20261128T130501Z-3f9c2a1b0d\nrespondent: Jan Voorbeeld\n"
        "organisation: Stichting Voorbeeld\nplace: Utrecht\nkind: organisatie\n"
        "channel: internetconsultatie\nreceived: 2026-11-20\nopenbaar: ja\nversion: v1\n"
        "points:\n  - ref: artikel 273f, derde lid\n    node: art.273f/lid.3\n"
        "    text: Te ruim geformuleerd.\n"
        "  - ref: algemeen\n    question: Vraag 1\n    text: |\n      Goed voorstel.\n"
        "    disposition:\n      status: kennisgenomen\n      reason: Geen aanleiding.\n"
        "      version: v2\n---\n"
    )
    assert fileformat._fast_front(text) is None
    assert fileformat.parse(text, "x.md") == sample()


def test_raw_control_character_in_a_quoted_value_is_read_by_yaml() -> None:
    """A tab typed inside a quoted value (an editor, by hand) is no JSON: the YAML reader reads
    the file instead of the fast reader failing (it once ended in a traceback)."""
    text = fileformat.render(sample()).replace('place: "Utrecht"', 'place: "Utr\techt"')
    assert fileformat._fast_front(text) is None
    assert fileformat.parse(text, "x.md").place == "Utr echt"  # whitespace, as everywhere


def test_fast_reader_takes_unescaped_values_as_written() -> None:
    """Values without a backslash are read as written; escaped ones are decoded as JSON."""
    r = sample(points=(Point("algemeen", "", 'Zij zei: "nee" \\ en ¶ é'),))
    text = fileformat.render(r)
    fast = fileformat._fast_front(text)
    assert fast is not None
    assert fast[0]["points"][0]["text"] == 'Zij zei: "nee" \\ en ¶ é'
    assert fast[0]["place"] == "Utrecht"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda s: model.clean_text(s) != ""))
def test_any_text_round_trips(text: str) -> None:
    """Any text (quotes, backslashes, YAML specials, odd unicode) survives writing and reading."""
    clean = model.clean_text(text)
    r = sample(points=(Point("algemeen", "", clean),))
    rendered = fileformat.render(r)
    assert fileformat.parse(rendered, "x.md").points[0].text == clean
    # and PyYAML reads what the fast reader reads
    from wetgeving import frontmatter

    front, _, _ = frontmatter.split(rendered, "x.md")
    assert fileformat.from_dict(front).points[0].text == clean


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_each_value_is_quoted_as_on_its_own(name: str, text: str) -> None:
    """One value that needs escaping is written as `_q` writes it; the others stay plain."""
    r = sample(respondent=name, points=(Point("algemeen", "", text),))
    lines = fileformat.render(r).split("\n")
    assert f"respondent: {fileformat._q(name)}" in lines
    assert 'place: "Utrecht"' in lines
    assert f"  text: {fileformat._q(text)}" in lines


@given(st.text(alphabet=st.sampled_from(" a\t\n\xa0\u2028\u3000\x1c."), max_size=30) | st.text())
def test_squeeze_is_split_and_join(text: str) -> None:
    """`squeeze` gives what joining the words of a text with single spaces gives."""
    assert model.squeeze(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("line", "replacement", "message"),
    [
        ('received: "2026-11-20"', 'received: "2026-02-30"', "ongeldige datum '2026-02-30': die dag bestaat niet"),
        ('received: "2026-11-20"', 'received: "20-11-2026"', "ongeldige datum '20-11-2026'; gebruik JJJJ-MM-DD"),
        ('kind: "organisatie"', 'kind: "lobby"', "ongeldige soort 'lobby'; kies uit: burger, bedrijf, organisatie, adviesorgaan, overheid"),
        ('openbaar: "ja"', 'openbaar: "misschien"', "ongeldige waarde voor openbaar 'misschien'; gebruik ja of nee"),
        ('place: "Utrecht"', 'place: "Utrecht"\nhobby: "x"', "onbekend veld 'hobby'"),
        ('respondent: "Jan Voorbeeld"', 'respondent: "jan@example.org"', "respondent bevat een e-mailadres ('jan@example.org'); e-mailadressen worden niet opgeslagen"),
    ],
)  # fmt: skip
def test_invalid_fields_are_named(line: str, replacement: str, message: str) -> None:
    """Every invalid front matter value is refused with the file and the field named."""
    text = fileformat.render(sample()).replace(line, replacement)
    with pytest.raises(ParseError) as err:
        fileformat.parse(text, "consultation_responses/x.md")
    assert err.value.message == f"consultation_responses/x.md: {message}"


def test_node_must_match_ref() -> None:
    """A general point cannot carry a node id and a provision point needs one."""
    with pytest.raises(ConsultationError, match="'node' past niet bij 'ref'"):
        fileformat.from_dict(
            {**_front(), "points": [{"ref": "algemeen", "node": "art.1", "text": "x"}]}
        )


def _front() -> dict[str, object]:
    return {
        "id": RID, "respondent": "A", "kind": "burger", "channel": "e-mail",
        "received": "2026-01-01", "openbaar": "nee", "version": "v1",
    }  # fmt: skip


def test_new_ids_are_time_sortable_and_unique() -> None:
    """Ids start with the UTC time and carry random bits; they are never a counter."""
    now = dt.datetime(2026, 11, 28, 13, 5, 1, tzinfo=dt.UTC)
    ids = {model.new_id(now) for _ in range(2000)}
    assert len(ids) == 2000
    assert all(i.startswith("20261128T130501Z-") and model.ID_RE.fullmatch(i) for i in ids)
    assert model.new_id(now) < model.new_id(now + dt.timedelta(seconds=1))


def test_file_name_comes_from_the_id_only(tmp_path: Path) -> None:
    """A path-like id is refused before any file is touched; a file must match its id."""
    from test_consultation_support import make_dossier

    d = make_dossier(tmp_path / "d", versions=())
    with pytest.raises(ConsultationError, match=r"ongeldig reactie-id '\.\./\.\./etc/passwd'"):
        store.path_for(d, "../../etc/passwd")
    other = tmp_path / "d" / "consultation_responses" / "20261128T130501Z-aaaaaaaaaa.md"
    other.write_text(fileformat.render(sample()), encoding="utf-8")
    with pytest.raises(ParseError, match="past niet bij de bestandsnaam"):
        fileformat.read(other)


def test_fingerprint_ignores_id_and_disposition() -> None:
    """The import fingerprint depends on the content, not on the id or what was done with it."""
    a = sample()
    b = sample(
        id="20991231T000000Z-0000000000",
        points=(*a.points[:1], Point("algemeen", "", "Goed  voorstel.", "Vraag 1")),
    )
    assert model.fingerprint(a) == model.fingerprint(b)
    assert model.fingerprint(a) != model.fingerprint(sample(place="Zwolle"))


def test_emails_are_redacted_and_controls_dropped() -> None:
    """E-mail addresses are never stored and control characters never reach a file."""
    text, n = model.redact_emails("mail a.b@voorbeeld.nl of c@d.org")
    assert (text, n) == ("mail [e-mailadres verwijderd] of [e-mailadres verwijderd]", 2)
    assert model.clean_text("a\x00b\r\nc\u2028") == "ab\nc"


def test_files_written_before_questions_read_and_write_the_same(fixtures: Path) -> None:
    """A response file written before the format had questions, links and earlier dispositions
    (a copy of one recorded in this dossier) reads through the fast reader, gets the defaults
    for the new fields, and is written back byte for byte the same."""
    text = (fixtures / "responses" / "opgeslagen-2026-11-28.md").read_text(encoding="utf-8")
    assert fileformat._fast_front(text) is not None
    r = fileformat.parse(text, "x.md")
    assert r.answers == ()
    assert [(p.linked, p.node_version, p.written, p.question_text) for p in r.points] == [
        (True, "", "", "")
    ] * 3
    assert r.points[2].question == "Vraag 1"
    assert r.points[1].disposition == Disposition(
        "overgenomen",
        "Het vijfde lid (was vierde lid) noemt deze vormen van uitbuiting nu uitdrukkelijk.",
        "v2",
    )
    assert fileformat.render(r) == text


def _with_new_fields() -> Response:
    earlier = Disposition("niet-overgenomen", "Eerst niet.", "v1")
    return sample(
        points=(
            Point("artikel 273fa", "art.273fa", "Over onderdeel B.", written="ARTIKEL I, onderdeel B"),
            Point(
                "artikel 273f, eerste lid, onder 9°", "art.273f/lid.1/ond.9°", "Oud recht.",
                node_version="geldend",
            ),
            Point("artikel 3 lid 2 van de wet", "", "Kept as written.", linked=False),
            Point(
                "algemeen", "", "Nee, want: te streng.", "Vraag 2",
                Disposition("overgenomen", "Toch.", "v2", earlier),
                question_text="Steunt u de verhoging van de strafmaxima?",
            ),
        ),
        answers=(Answer("Vraag 2", "nee", "Steunt u de verhoging van de strafmaxima?"),),
    )  # fmt: skip


def test_new_fields_round_trip_through_both_readers() -> None:
    """Question texts, closed answers, links to the law in force or the bill, points kept as
    written and earlier dispositions are written and read back by the fast and the YAML reader."""
    from wetgeving import frontmatter

    r = _with_new_fields()
    text = fileformat.render(r)
    assert '  linked: "nee"\n' in text and "answers:\n- question: " in text
    assert fileformat.parse(text, "x.md") == r
    front, _, _ = frontmatter.split(text, "x.md")
    assert fileformat.from_dict(front) == r
    assert model.fingerprint(r) != model.fingerprint(replace(r, answers=()))


@pytest.mark.parametrize(
    ("line", "replacement", "message"),
    [
        ('  linked: "nee"', '  linked: "misschien"', "punt 3: 'linked' moet ja of nee zijn, niet 'misschien'"),
        ('- ref: "artikel 3 lid 2 van de wet"\n  node: ""', '- ref: "artikel 3 lid 2 van de wet"\n  node: "art.3"', "punt 3: een niet-gekoppeld punt heeft geen 'node'"),
        ('    previous_status: "niet-overgenomen"\n', "", "punt 4: 'previous_status' ontbreekt"),
        ('  choice: "nee"', '  keuze: "nee"', "antwoord 1: onbekend veld 'keuze'"),
        ('  choice: "nee"', '  choice: ""', "antwoord 1: choice ontbreekt"),
        ('  node_version: "geldend"', '  node_version: "../x"', "punt 2: ongeldige versienaam '../x'"),
    ],
)  # fmt: skip
def test_new_fields_are_validated(line: str, replacement: str, message: str) -> None:
    """Each new field is checked; a bad value names the point or answer and the field."""
    text = fileformat.render(_with_new_fields())
    assert line in text
    with pytest.raises(ParseError) as err:
        fileformat.parse(text.replace(line, replacement), "x.md")
    assert err.value.message == f"x.md: {message}"
