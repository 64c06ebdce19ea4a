"""The one reader of text files (`files.read_text`) and the one rule that names a respondent."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from wetgeving import files
from wetgeving.consultation.model import Point, Response, respondent_name
from wetgeving.documents.model import ResponseView
from wetgeving.errors import ParseError

SRC = Path(__file__).parent.parent / "src" / "wetgeving"


def test_read_text_bom_and_line_ends(tmp_path: Path) -> None:
    """A byte-order mark is dropped and CRLF and lone CR line ends read as LF."""
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbfeen\r\ntwee\rdrie\n")
    assert files.read_text(path) == "een\ntwee\ndrie\n"


def test_read_text_names_line_of_bad_byte(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are refused with the file and the line of the first bad byte."""
    path = tmp_path / "a.md"
    path.write_bytes(b"een\ntwee\ndr\xe9e\n")
    with pytest.raises(ParseError) as info:
        files.read_text(path, "drafts/a.md")
    assert info.value.message == "drafts/a.md:3: bestand is geen UTF-8-tekst"


def test_read_text_size_limit_before_reading(tmp_path: Path) -> None:
    """A file over the limit is refused with its size and the limit in MB."""
    path = tmp_path / "groot.md"
    path.write_bytes(b"x" * (1024 * 1024 + 1))
    with pytest.raises(ParseError) as info:
        files.read_text(path, limit=1024 * 1024)
    assert info.value.message == f"{path}: bestand is te groot (2 MB; maximaal 1 MB)"


def test_read_text_missing_and_folder(tmp_path: Path) -> None:
    """A missing file and a folder given for a file are named in Dutch, without a line."""
    with pytest.raises(ParseError) as info:
        files.read_text(tmp_path / "weg.md")
    assert info.value.message == f"{tmp_path / 'weg.md'}: bestand bestaat niet"
    with pytest.raises(ParseError) as info:
        files.read_text(tmp_path, "map", what="conceptbestand")
    assert info.value.message == "map: is een map, geen conceptbestand"


def test_os_error_reason_in_dutch() -> None:
    """An operating-system refusal reads as a Dutch reason."""
    import errno

    assert files.reason(OSError(errno.EACCES, "Permission denied")) == "geen toegang"
    assert files.reason(OSError(errno.ENOSPC, "No space left")) == "de schijf is vol"


@pytest.mark.parametrize("winerror", [32, 33])
def test_file_open_in_another_program(winerror: int) -> None:
    """A file that another program holds open (Windows' sharing violation, 32, or lock
    violation, 33, which Python reports as EACCES: a renvooi open in Word) is named as such, with
    what to do, in the one-line error of a document that cannot be written; a plain EACCES is
    still "geen toegang"."""
    import errno

    from wetgeving.documents.output import cannot_write

    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = winerror  # set by Python on Windows only
    assert files.reason(exc) == (
        "het bestand is geopend in een ander programma, zoals Word of Excel; "
        "sluit het en probeer opnieuw"
    )
    assert cannot_write(Path("renvooi.docx"), exc).message == (
        "renvooi.docx: kan niet schrijven (het bestand is geopend in een ander programma, "
        "zoals Word of Excel; sluit het en probeer opnieuw)"
    )
    denied = PermissionError(errno.EACCES, "Access is denied")
    denied.winerror = 5
    assert files.reason(denied) == "geen toegang"


def test_held_open_only_for_a_sharing_violation(tmp_path: Path) -> None:
    """The probe that tells a file open in another program from one that may not be written
    finds nothing (and changes nothing) for a file no program holds or a missing file."""
    path = tmp_path / "renvooi.docx"
    path.write_bytes(b"inhoud")
    assert files.held_open(path) is None
    assert path.read_bytes() == b"inhoud"
    assert files.held_open(tmp_path / "weg.docx") is None


# Modules that still read a text file themselves, and why.
_OWN_READERS = {
    "cli/asking.py",  # the editor's temporary file: read leniently so a session never aborts
    "consultation/paths.py",  # git's own `.git` file (gitdir: ...), part of the git adapter
    "gitrepo/remote.py",  # git's own rebase state (`rebase-merge/done`), read by the adapter
}


def test_text_files_read_through_files_helper() -> None:
    """No module outside `files` calls `Path.read_text` itself: text goes through `files`."""
    offenders = []
    for module in sorted(SRC.rglob("*.py")):
        rel = module.relative_to(SRC).as_posix()
        if rel == "files.py" or rel in _OWN_READERS:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "read_text"
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "files")
            ):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def test_one_rule_names_a_respondent() -> None:
    """`Response`, the documents' `ResponseView` and the helper name a respondent alike."""
    response = Response(
        id="20261128T130501Z-3f9c2a1b0d", respondent="Jan Voorbeeld",
        organisation="Stichting Voorbeeld", place="Utrecht", kind="organisatie",
        channel="internetconsultatie", received="2026-11-20", openbaar=True, version="v1",
        points=(Point("algemeen", "", "Goed voorstel."),),
    )  # fmt: skip
    view = ResponseView(
        response.id, response.respondent, response.organisation, response.place, response.kind,
        response.channel, response.received, response.openbaar, response.version, (),
    )  # fmt: skip
    assert response.display_name == view.display_name == "Jan Voorbeeld – Stichting Voorbeeld"
    same = dataclasses.replace(response, organisation="Jan Voorbeeld")
    assert same.display_name == "Jan Voorbeeld"
    assert respondent_name("", "") == "anoniem"


def test_templates_read_through_files_helper(tmp_path: Path) -> None:
    """A dossier's template is read like every text file: BOM dropped, CRLF read as LF, and a
    byte that is not UTF-8 refused with the template's name and line."""
    from wetgeving.documents import templates

    (tmp_path / "groet.md.j2").write_bytes(b"\xef\xbb\xbfHallo {{ naam }}\r\nTot ziens\r\n")
    out = templates.render("groet.md.j2", {"naam": "Zoë"}, tmp_path)
    assert out == "Hallo Zoë\nTot ziens\n"
    (tmp_path / "kapot.md.j2").write_bytes(b"een\ntw\xe9e\n")
    with pytest.raises(ParseError) as info:
        templates.render("kapot.md.j2", {}, tmp_path)
    assert info.value.message == f"{tmp_path / 'kapot.md.j2'}:2: bestand is geen UTF-8-tekst"
