"""`wetgeving respond` and `wetgeving responses list/show` with real git dossiers."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import commits, committed_files, make_dossier, response_files
from wetgeving.cli.app import app
from wetgeving.consultation import store

runner = CliRunner()


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    make_dossier(tmp_path / "d")
    return tmp_path / "d"


def run(root: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def rid_of(out: str) -> str:
    """The full id at the end of `respond`'s last line ("...; id 2026...)")."""
    import re

    found = re.findall(r"; id (\S+)\)$", out.strip().splitlines()[-1])
    assert found, out
    return str(found[0])


def respond(root: Path, *extra: str) -> str:
    code, out, err = run(
        root, "respond", "--respondent", "Jan Voorbeeld", "--organisation", "Stichting Voorbeeld",
        "--place", "Utrecht", "--openbaar", "--version", "v1", "--date", "2026-11-20", *extra,
    )  # fmt: skip
    assert code == 0, err
    return rid_of(out)


def short(rid: str) -> str:
    """The short reference of a response in a dossier with few responses: six characters."""
    return rid.rpartition("-")[2][:6]


def test_respond_with_options_stores_one_file_in_its_own_commit(dossier: Path) -> None:
    """A scripted response is written, validated, tied to its provision and committed alone."""
    before = len(commits(store_dossier(dossier)))
    rid = respond(
        dossier, "--point", "artikel 273f, derde lid=Te ruim.", "--point", "algemeen=Goed."
    )
    d = store_dossier(dossier)
    files = response_files(d)
    assert [f.name for f in files] == [f"{rid}.md"]
    assert committed_files(d) == [f"consultation_responses/{rid}.md"]
    assert len(commits(d)) == before + 1
    r = store.load(d, rid)
    assert (r.respondent, r.organisation, r.kind, r.openbaar, r.version) == (
        "Jan Voorbeeld", "Stichting Voorbeeld", "organisatie", True, "v1",
    )  # fmt: skip
    assert [(p.ref, p.node) for p in r.points] == [
        ("artikel 273f, derde lid", "art.273f/lid.3"), ("algemeen", ""),
    ]  # fmt: skip


def store_dossier(root: Path):  # type: ignore[no-untyped-def]
    from wetgeving import dossier as dossier_mod

    return dossier_mod.load(root)


def test_unknown_provision_lists_nearest(dossier: Path) -> None:
    """A provision that does not exist in the consulted version is refused with suggestions."""
    code, _out, err = run(
        dossier, "respond", "--respondent", "A", "--version", "v1",
        "--point", "artikel 273f, twaalfde lid=tekst",
    )  # fmt: skip
    assert code == 7
    assert err == (
        "fout: artikel 273f, twaalfde lid bestaat niet in versie v1; bedoelt u: "
        "artikel 273f, tweede lid; artikel 273fa, tweede lid; artikel 273f, vijfde lid?\n"
    )
    assert response_files(store_dossier(dossier)) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--point", "geen gelijkteken"], 8, "fout: ongeldig --point 'geen gelijkteken'; gebruik \"artikel 273f, derde lid=tekst\" of \"algemeen=tekst\"\n"),
        (["--point", "algemeen=x", "--date", "2026-13-01"], 8, "fout: ongeldige datum '2026-13-01': die dag bestaat niet\n"),
        (["--point", "algemeen=x", "--kind", "lobby"], 8, "fout: ongeldige soort 'lobby'; kies uit: burger, bedrijf, organisatie, adviesorgaan, overheid\n"),
        (["--point", "algemeen=   "], 8, "fout: punt 1 is leeg\n"),
        (["--point", "algemeen=x", "--version", "v9"], 4, "fout: onbekende versie of revisie 'v9'; bekende versies: v1, v2\n"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_nothing_written(
    dossier: Path, args: list[str], code: int, message: str
) -> None:
    """Every bad value gets one Dutch line and no file is written."""
    result = run(dossier, "respond", "--respondent", "A", *args)
    assert (result[0], result[2]) == (code, message)
    assert response_files(store_dossier(dossier)) == []


def test_email_in_respondent_is_refused(dossier: Path) -> None:
    """E-mail addresses are never stored, also not as a name."""
    code, _, err = run(dossier, "respond", "--respondent", "a@b.nl", "--point", "algemeen=x")
    assert code == 8
    assert (
        err
        == "fout: respondent bevat een e-mailadres ('a@b.nl'); e-mailadressen worden niet opgeslagen\n"
    )


def test_default_version_is_the_newest(dossier: Path) -> None:
    """Without --version the newest recorded version is the one consulted."""
    code, out, _ = run(dossier, "respond", "--respondent", "A", "--point", "273f lid 4=x")
    assert code == 0
    assert "versie v2" in out
    r = store.load(store_dossier(dossier), rid_of(out))
    assert r.points[0].ref == "artikel 273f, vierde lid"


def test_respond_from_file(dossier: Path, fixtures: Path) -> None:
    """--file reads a hand-written response in the documented format."""
    code, out, err = run(dossier, "respond", "--file", str(fixtures / "responses" / "reactie.md"))
    assert code == 0, err
    r = store.load(store_dossier(dossier), rid_of(out))
    assert r.organisation == "Stichting Voorbeeld (fictief)"
    assert [p.node for p in r.points] == ["art.273f/lid.1/ond.b", "art.273f/lid.8", ""]
    assert r.notes.strip().startswith("Ontvangen per post")


def test_respond_interactive(dossier: Path) -> None:
    """With -i every field is asked; an invalid answer or unknown provision is asked again; the
    whole response is shown before it is stored."""
    answers = "\n".join([
        "Piet Voorbeeld", "", "Zwolle", "", "", "misschien", "nee", "v1", "2026-11-21",
        "artikel 273f, tiende lid", "artikel 273f, tweede lid", "Middelen te ruim.", "", "",
        "ja",
    ]) + "\n"  # fmt: skip
    code, out, err = run(dossier, "respond", "-i", input=answers)
    assert code == 0, out + err
    r = store.load(store_dossier(dossier), rid_of(out))
    assert (r.respondent, r.place, r.kind, r.openbaar, r.received) == (
        "Piet Voorbeeld", "Zwolle", "burger", False, "2026-11-21",
    )  # fmt: skip
    assert [(p.ref, p.text) for p in r.points] == [
        ("artikel 273f, tweede lid", "Middelen te ruim.")
    ]
    assert "artikel 273f, tiende lid bestaat niet in versie v1" in err
    assert "fout: ongeldige waarde voor openbaar 'misschien'; gebruik ja of nee" in err
    summary = out[out.index("Deze reactie wordt vastgelegd:") :]
    assert summary.splitlines()[1:11] == [
        "  indiener    Piet Voorbeeld",
        "  organisatie -",
        "  plaats      Zwolle",
        "  soort       burger",
        "  kanaal      internetconsultatie",
        "  ontvangen   2026-11-21",
        "  openbaar    nee (niet publiceren)",
        "  versie      v1",
        "",
        "  punt 1: artikel 273f, tweede lid",
    ]


def test_respond_interactive_dutch_dates_lines_and_confirmation(dossier: Path) -> None:
    """-i takes 22-11-2026 as well as 2026-11-22, a text of several lines ended by an empty
    line, and stores nothing when the summary is not confirmed."""
    lines = [
        "Anna Proef", "", "", "", "", "nee", "v1", "22-11-2026", "algemeen",
        "Eerste regel.", "Tweede regel,", "  ingesprongen.", "", "",
    ]  # fmt: skip
    code, out, _ = run(dossier, "respond", "-i", input="\n".join([*lines, "nee"]) + "\n")
    assert (code, out.splitlines()[-1]) == (0, "niets vastgelegd")
    assert "  ontvangen   2026-11-22" in out
    assert "    Eerste regel.\n    Tweede regel,\n      ingesprongen." in out
    assert response_files(store_dossier(dossier)) == []
    code, out, err = run(dossier, "respond", "-i", input="\n".join([*lines, "ja"]) + "\n")
    assert code == 0, err
    r = store.load(store_dossier(dossier), rid_of(out))
    assert (r.received, r.points[0].text) == (
        "2026-11-22",
        "Eerste regel.\nTweede regel,\n  ingesprongen.",
    )


def test_respond_interactive_uses_the_editor(
    dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With $EDITOR set, the text of a point is written in that editor (comment lines dropped)."""
    import sys

    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "with open(sys.argv[1], 'a', encoding='utf-8') as f:\n"
        "    f.write('Geschreven in de editor.\\nTweede regel.\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    answers = ["B. Proef", "", "", "", "", "nee", "v1", "2026-11-22", "273f lid 2", "", "ja"]
    code, out, err = run(dossier, "respond", "-i", input="\n".join(answers) + "\n")
    assert code == 0, out + err
    r = store.load(store_dossier(dossier), rid_of(out))
    assert r.points[0].text == "Geschreven in de editor.\nTweede regel."


def test_respond_default_version_is_the_one_under_consultation(dossier: Path) -> None:
    """`[consultatie] versie` in wetgeving.toml is the default version (the newest otherwise);
    a version named there that does not exist is an error naming the key."""
    toml = dossier / "wetgeving.toml"
    base = toml.read_text(encoding="utf-8")
    toml.write_text(base + '\n[consultatie]\nversie = "v1"\n', encoding="utf-8")
    code, out, _ = run(dossier, "respond", "--respondent", "A", "--point", "273f lid 8=x")
    assert code == 0 and "versie v1" in out
    answers = ["A", "", "", "", "", "nee", "", "", "algemeen", "x", "", "", "ja"]
    code, out, _ = run(dossier, "respond", "-i", input="\n".join(answers) + "\n")
    assert code == 0 and "Geconsulteerde versie [v1]: " in out
    toml.write_text(base + '\n[consultatie]\nversie = "v7"\n', encoding="utf-8")
    code, _, err = run(dossier, "respond", "--respondent", "A", "--point", "algemeen=x")
    assert (code, err) == (
        3,
        f"fout: {toml}: consultatie.versie: versie 'v7' bestaat niet; bekende versies: v1, v2\n",
    )


def test_without_terminal_options_are_required(dossier: Path) -> None:
    """Without a terminal and without options, respond explains what to give."""
    code, _, err = run(dossier, "respond")
    assert code == 2
    assert err == (
        "fout: geef --respondent en minstens één --point, of --file; "
        "zonder terminal kan wetgeving niets vragen\n"
    )


def test_list_filters_and_json(dossier: Path) -> None:
    """list filters by provision (including sub-provisions), version and status."""
    a = respond(dossier, "--point", "273f lid 1 onder b=Over b.", "--point", "273f lid 3=Over 3.")
    b = respond(dossier, "--point", "273fa lid 1=Over 273fa.")
    code, out, _ = run(dossier, "responses", "list", "--provision", "artikel 273f, eerste lid")
    assert code == 0
    assert out.splitlines() == [
        f"{short(a)}  2026-11-20  v1  Jan Voorbeeld – Stichting Voorbeeld [openbaar]",
        "  1. artikel 273f, eerste lid, onderdeel b [open] Over b.",
    ]
    code, out, _ = run(dossier, "responses", "list", "--provision", "273fa", "--format", "json")
    data = json.loads(out)
    assert [r["id"] for r in data] == [b]
    assert (data[0]["ref"], data[0]["antwoorden"]) == (short(b), [])
    assert data[0]["punten"][0] == {
        "nummer": 1, "bepaling": "artikel 273fa, eerste lid", "node": "art.273fa/lid.1",
        "gekoppeld": True, "node_versie": None, "geschreven": None, "vraag": None,
        "tekst": "Over 273fa.", "status": "open", "motivering": None, "in_versie": None,
        "was": None,
    }  # fmt: skip
    code, out, _ = run(dossier, "responses", "list", "--status", "afgehandeld")
    assert out == "geen reacties gevonden\n"
    code, out, _ = run(dossier, "responses", "list", "--version", "v2")
    assert out == "geen reacties gevonden\n"
    code, _, err = run(dossier, "responses", "list", "--status", "klaar")
    assert (code, err) == (2, "fout: ongeldige status 'klaar'; kies open of afgehandeld\n")


def test_list_sees_hand_edits(dossier: Path) -> None:
    """The summary index notices files saved, added or removed outside wetgeving; an edit made
    in place is seen at once with --refresh."""

    rid = respond(dossier, "--point", "algemeen=Eerste tekst.")
    run(dossier, "responses", "list")
    path = dossier / "consultation_responses" / f"{rid}.md"
    tmp = path.with_name("nieuw.tmp")
    tmp.write_text(path.read_text(encoding="utf-8").replace("Eerste", "Tweede"), encoding="utf-8")
    tmp.replace(path)  # how most editors save
    _, out, _ = run(dossier, "responses", "list")
    assert "Tweede tekst." in out
    path.write_text(path.read_text(encoding="utf-8").replace("Tweede", "Derde"), encoding="utf-8")
    _, out, _ = run(dossier, "responses", "list", "--refresh")
    assert "Derde tekst." in out
    path.unlink()
    _, out, _ = run(dossier, "responses", "list")
    assert out == "geen reacties gevonden\n"


def test_show_flags_personal_data(dossier: Path) -> None:
    """show prints the whole response and flags personal data for redaction."""
    rid = respond(dossier, "--point", "algemeen=Bel mij: 06-12345678. Mail: x@y.nl")
    code, out, err = run(dossier, "responses", "show", rid[:12])
    assert code == 0
    assert "  Bel mij: 06-12345678. Mail: [e-mailadres verwijderd]" in out
    assert "  let op: mogelijk telefoonnummer '06-12345678' (redigeer voor publicatie)" in out
    assert "x@y.nl" not in (dossier / "consultation_responses" / f"{rid}.md").read_text("utf-8")
    code, _, err = run(dossier, "responses", "show", "../../etc/passwd")
    assert (code, err) == (8, "fout: ongeldig reactie-id '../../etc/passwd'\n")


def test_dispose_point_and_status_filter(dossier: Path) -> None:
    """dispose records a disposition on one point in its own commit; list shows it."""
    rid = respond(dossier, "--point", "273f lid 3=Te ruim.", "--point", "algemeen=Prima.")
    code, out, err = run(
        dossier, "respond", "dispose", rid, "--point", "1", "--status", "deels",
        "--reason", "Het derde lid is ingeperkt.", "--in", "v2",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith(f"reactie {short(rid)}: punt 1 deels overgenomen (commit ")
    d = store_dossier(dossier)
    assert committed_files(d) == [f"consultation_responses/{rid}.md"]
    r = store.load(d, rid)
    assert r.points[0].disposition is not None
    assert (r.points[0].disposition.status, r.points[0].disposition.version) == ("deels", "v2")
    assert r.points[1].disposition is None
    _, out, _ = run(dossier, "responses", "list", "--status", "open")
    assert "algemeen [open] Prima." in out and "Te ruim" not in out
    _, out, _ = run(dossier, "responses", "list", "--status", "afgehandeld")
    assert "1. artikel 273f, derde lid [deels overgenomen in v2] Te ruim." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "misschien", "--reason", "x"], "fout: ongeldige status 'misschien'; kies uit: overgenomen, deels overgenomen, niet overgenomen, voor kennisgeving aangenomen\n"),
        (["--status", "deels"], "fout: geef met --reason aan waarom (de motivering is verplicht)\n"),
        (["--status", "deels", "--reason", "x", "--point", "5"], "fout: reactie {rid} heeft geen punt 5 (punten 1 tot en met 1)\n"),
    ],
)  # fmt: skip
def test_dispose_refuses_bad_input(dossier: Path, args: list[str], message: str) -> None:
    """Bad dispositions are refused and the response is unchanged."""
    rid = respond(dossier, "--point", "algemeen=x")
    before = (dossier / "consultation_responses" / f"{rid}.md").read_bytes()
    code, _, err = run(dossier, "respond", "dispose", rid, *args)
    assert (code, err) == (8, message.format(rid=rid))
    assert (dossier / "consultation_responses" / f"{rid}.md").read_bytes() == before


def test_against_follows_provisions(dossier: Path) -> None:
    """list --against shows per point what became of its provision in the later version."""
    respond(
        dossier, "--point", "273f lid 3=a", "--point", "273f lid 4=b", "--point", "273f lid 5 onder c=c",
        "--point", "273f lid 8=d", "--point", "273f lid 1=e", "--point", "273f lid 5 onder a=f",
        "--point", "algemeen=g",
    )  # fmt: skip
    code, out, err = run(dossier, "responses", "list", "--version", "v1", "--against", "v2")
    assert code == 0, err
    fates = [line.strip() for line in out.splitlines() if line.strip().startswith("in v2:")]
    assert fates == [
        "in v2: ongewijzigd",
        "in v2: vernummerd tot artikel 273f, vijfde lid en gewijzigd",
        "in v2: vervallen",
        "in v2: verplaatst naar artikel 273fa, tweede lid en gewijzigd",
        "in v2: gewijzigd",
        "in v2: vernummerd tot artikel 273f, zesde lid, onderdeel a",
        "in v2: algemeen punt",
    ]
    _, out, _ = run(dossier, "responses", "list", "--against", "v2", "--format", "json")
    lot = json.loads(out)[0]["punten"][1]["lot"]
    assert lot == {
        "soort": "vernummerd", "node": "art.273f/lid.5", "bepaling": "artikel 273f, vijfde lid",
        "omschrijving": "vernummerd tot artikel 273f, vijfde lid en gewijzigd",
    }  # fmt: skip


def test_failed_commit_keeps_the_old_response(dossier: Path) -> None:
    """A dispose whose commit fails restores the file; a respond whose commit fails writes none."""
    rid = respond(dossier, "--point", "algemeen=x")
    path = dossier / "consultation_responses" / f"{rid}.md"
    before = path.read_bytes()
    lock = dossier / ".git" / "index.lock"
    lock.write_text("", encoding="utf-8")
    try:
        code, _, err = run(dossier, "respond", "dispose", rid, "--status", "deels", "--reason", "y")
        assert code == 5 and err.startswith("fout: git is bezet")
        code, _, _ = run(dossier, "respond", "--respondent", "B", "--point", "algemeen=z")
        assert code == 5
    finally:
        lock.unlink()
    assert path.read_bytes() == before
    assert [f.name for f in response_files(store_dossier(dossier))] == [f"{rid}.md"]


def test_outside_git_nothing_is_written(tmp_path: Path) -> None:
    """A dossier that is not in a git repository cannot take responses (they must be committed)."""
    from wetgeving import dossier as dossier_mod

    root = tmp_path / "los"
    root.mkdir()
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Los", "Wetboek van Strafrecht", "BWBR0001854"), encoding="utf-8"
    )
    code, _, err = run(
        root, "respond", "--respondent", "A", "--version", "v1", "--point", "algemeen=x"
    )
    assert code == 5
    assert "het dossier staat niet in een git-repository" in err
    assert not (root / "consultation_responses").exists() or not any(
        (root / "consultation_responses").iterdir()
    )


def test_end_of_input_at_a_prompt_is_afgebroken(dossier: Path) -> None:
    """Ctrl-D at an interactive question ends the command in Dutch, exit 130, nothing stored."""
    code, _, err = run(dossier, "respond", "-i", input="")
    assert (code, err.splitlines()[-1]) == (130, "afgebroken")
    assert not list((dossier / "consultation_responses").glob("*.md"))


def test_damaged_index_is_built_again(dossier: Path) -> None:
    """A response index with broken lines is only a cache: the listing reads the files again."""
    respond(dossier, "--point", "273f lid 1=Te ruim.")
    assert run(dossier, "responses", "list")[0] == 0
    index = dossier / ".git" / "wetgeving-cache" / "responses.idx"
    data = index.read_bytes().split(b"\n")
    head = data[0].split(b" ")
    head[2] = b"-"  # not settled, so the entries are read and checked against the files
    fields = data[1].split(b"\t")
    fields[1] = b"kapot"
    index.write_bytes(b"\n".join([b" ".join(head), b"\t".join(fields), *data[2:]]))
    code, out, err = run(dossier, "responses", "list")
    assert (code, err) == (0, "")
    assert "Te ruim." in out or "Jan Voorbeeld" in out


def test_respond_interactive_asks_again_after_a_wrong_answer(dossier: Path) -> None:
    """A wrong soort or datum is asked again at once: nothing typed before or after is lost."""
    answers = "\n".join([
        "Piet Voorbeeld", "", "Zwolle", "lobby", "burger", "", "nee", "v1", "31-11-2026",
        "21-11-2026", "artikel 273f, tweede lid", "Middelen te ruim.", "", "", "ja",
    ]) + "\n"  # fmt: skip
    code, out, err = run(dossier, "respond", "-i", input=answers)
    assert code == 0, out + err
    assert "fout: ongeldige soort 'lobby'; kies uit: " in err
    assert "fout: ongeldige datum '31-11-2026': die dag bestaat niet" in err
    r = store.load(store_dossier(dossier), rid_of(out))
    assert (r.kind, r.received, [p.text for p in r.points]) == (
        "burger", "2026-11-21", ["Middelen te ruim."],
    )  # fmt: skip
