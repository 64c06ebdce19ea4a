"""The summary index of the responses notices files edited in place, without --refresh."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from test_responses_cli import respond, run
from wetgeving.consultation import index
from wetgeving.dossier import load

HOUR_NS = 3600 * 1_000_000_000


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    from test_consultation_support import make_dossier

    make_dossier(tmp_path / "d")
    return tmp_path / "d"


def overwrite(path: Path, old: str, new: str) -> None:
    """Overwrite a file in place, as an editor that does not save through a new file."""
    assert len(old) == len(new)
    text = path.read_bytes().replace(old.encode(), new.encode())
    with path.open("r+b") as handle:  # same inode, same size
        handle.write(text)


def age(path: Path, ns: int) -> int:
    """Set a file's modification time `ns` into the past, and its folder's an hour further (as
    long after the last response was added); return the file's time."""
    mtime = time.time_ns() - ns
    os.utime(path, ns=(mtime, mtime))
    os.utime(path.parent, ns=(mtime - HOUR_NS, mtime - HOUR_NS))
    return mtime


def test_edit_in_place_same_size_is_seen(dossier: Path) -> None:
    """A response overwritten in place (same name, same inode, same size) is listed as it is
    now: its modification time no longer matches its index line."""
    rid = respond(dossier, "--point", "algemeen=Eerste tekst.")
    path = dossier / "consultation_responses" / f"{rid}.md"
    age(path, HOUR_NS)
    assert "Eerste tekst." in run(dossier, "responses", "list")[1]
    overwrite(path, "Eerste", "Vierde")  # the folder's time stays as it was
    later = time.time_ns() - HOUR_NS // 2
    os.utime(path, ns=(later, later))
    assert "Vierde tekst." in run(dossier, "responses", "list")[1]


def test_saved_through_new_file_with_same_stamp_is_seen(dossier: Path) -> None:
    """A file saved through a new file (rename) with the same size and modification time is seen
    by its inode."""
    rid = respond(dossier, "--point", "algemeen=Eerste tekst.")
    path = dossier / "consultation_responses" / f"{rid}.md"
    mtime = age(path, HOUR_NS)
    assert "Eerste tekst." in run(dossier, "responses", "list")[1]
    tmp = path.with_name("nieuw.tmp")
    tmp.write_bytes(path.read_bytes().replace(b"Eerste", b"Vierde"))
    os.utime(tmp, ns=(mtime, mtime))
    tmp.replace(path)
    assert "Vierde tekst." in run(dossier, "responses", "list")[1]


def test_same_second_edit_is_seen(dossier: Path) -> None:
    """A file changed in the same timestamp tick as its stamp (same size, same modification time,
    as on a file system that keeps whole seconds) is read again while its stamp is racy."""
    rid = respond(dossier, "--point", "algemeen=Eerste tekst.")
    path = dossier / "consultation_responses" / f"{rid}.md"
    age(path, HOUR_NS)  # the folder long settled
    whole = time.time_ns() // 1_000_000_000 * 1_000_000_000  # a whole-second time: coarse
    os.utime(path, ns=(whole, whole))
    assert "Eerste tekst." in run(dossier, "responses", "list")[1]
    overwrite(path, "Eerste", "Vierde")
    os.utime(path, ns=(whole, whole))  # the tick did not move on
    assert "Vierde tekst." in run(dossier, "responses", "list")[1]


def test_settled_stamps_are_not_read_again(dossier: Path) -> None:
    """Files whose stamps match and are old enough are taken from the index, not read: a file
    that no longer parses but kept its stamp is not noticed until --refresh, which reads all."""
    rid = respond(dossier, "--point", "algemeen=Eerste tekst.")
    path = dossier / "consultation_responses" / f"{rid}.md"
    mtime = age(path, HOUR_NS)
    assert run(dossier, "responses", "list")[0] == 0
    overwrite(path, "version:", "versie: ")
    os.utime(path, ns=(mtime, mtime))  # a tool that restores the time
    code, out, _ = run(dossier, "responses", "list")
    assert code == 0 and "Eerste tekst." in out
    code, _, err = run(dossier, "responses", "list", "--refresh")
    assert code == 6 and err.startswith(f"fout: {path}")


def test_index_records_size_time_and_inode(dossier: Path) -> None:
    """Each index entry holds the file's size, modification time (ns) and inode."""
    rid = respond(dossier, "--point", "algemeen=Eerste tekst.")
    path = dossier / "consultation_responses" / f"{rid}.md"
    st = path.stat()
    (entry,) = index.load(load(dossier))
    assert (entry.name, entry.size, entry.mtime) == (path.name, st.st_size, st.st_mtime_ns)
    assert entry.ino in (0, st.st_ino)  # 0 where the system gives none


@pytest.mark.parametrize("field", [1, 2, 3, 4, 8, 9], ids=lambda f: f"field-{f}")
def test_damaged_line_rebuilds_index(dossier: Path, field: int) -> None:
    """A filter line with a number that does not read (size, time, inode, seen, offset, length)
    makes the listing read the files again instead of failing."""
    respond(dossier, "--point", "algemeen=Eerste tekst.")
    assert run(dossier, "responses", "list")[0] == 0
    path = dossier / ".git" / "wetgeving-cache" / "responses.idx"
    head, line, rest = path.read_bytes().split(b"\n", 2)
    fields = line.split(b"\t")
    fields[field] = b"kapot"
    path.write_bytes(b"\n".join([head, b"\t".join(fields), rest]))
    code, out, err = run(dossier, "responses", "list")
    assert (code, err) == (0, "")
    assert "Eerste tekst." in out
