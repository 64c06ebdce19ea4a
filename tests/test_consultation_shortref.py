"""Short references to responses: the shortest unique start (at least six characters) of an
id's random part, accepted wherever an id is; never a counter."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import make_dossier
from wetgeving.cli.app import app
from wetgeving.consultation import shortref
from wetgeving.errors import ConsultationError

A = "20261128T131959Z-fa7f48294d"
B = "20261128T132000Z-fa7f48c001"
C = "20261201T090000Z-0123456789"
D = "20261201T090000Z-aaaaaa"
E = "20261201T090001Z-aaaaaab123"


def test_shortest_unique_start_of_at_least_six() -> None:
    """Six characters where they are unique; longer where two ids start alike; the full id when
    one random part is the start of another."""
    assert shortref.short_refs([A, B, C, D, E]) == {
        A: "fa7f482", B: "fa7f48c", C: "012345", D: D, E: "aaaaaab",
    }  # fmt: skip
    assert shortref.short_refs([A]) == {A: "fa7f48"}


def test_resolve_accepts_refs_starts_and_full_ids() -> None:
    """A short reference, any longer start of the random part, a start of the full id (eight
    characters or more) and the full id each name their response."""
    ids = [A, B, C]
    assert shortref.resolve("fa7f482", ids) == A
    assert shortref.resolve("fa7f48c0", ids) == B
    assert shortref.resolve("012345", ids) == C
    assert shortref.resolve("20261201T09", ids) == C
    assert shortref.resolve(A, ids) == A


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("fa7f48", f"reactie 'fa7f48' is niet eenduidig: past bij {A}, {B}; typ meer tekens"),
        ("fa7f4", "reactie 'fa7f4' is te kort; typ minstens 6 tekens van de referentie"),
        ("bbbbbb", "onbekende reactie 'bbbbbb'"),
        ("../etc/passwd", "ongeldig reactie-id '../etc/passwd'"),
        ("2026112", "onbekende reactie '2026112'"),
        ("T13-Z", "ongeldig reactie-id 'T13-Z'"),
    ],
)
def test_resolve_refusals(query: str, message: str) -> None:
    """An ambiguous start lists the candidates; too short, unknown and malformed are refused."""
    with pytest.raises(ConsultationError) as err:
        shortref.resolve(query, [A, B, C])
    assert err.value.message == message


def test_the_cli_takes_short_references(tmp_path: Path) -> None:
    """`responses show`, `respond dispose` and `responses redact` take the short reference that
    `respond` and `responses list` show; an ambiguous one is a one-line error (exit 8)."""
    d = make_dossier(tmp_path / "d")
    from wetgeving.consultation.fileformat import render
    from wetgeving.consultation.model import Point, Response

    for rid in (A, B):
        response = Response(rid, "A. Proef", "", "", "burger", "e-mail", "2026-11-28", True, "v1",
                            (Point("algemeen", "", f"Tekst {rid[-3:]}."),))  # fmt: skip
        (Path(d.root) / "consultation_responses" / f"{rid}.md").write_text(
            render(response), "utf-8"
        )

    def run(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(app, ["--dossier", str(d.root), *args])
        return result.exit_code, result.stdout, result.stderr

    code, out, _ = run("responses", "list")
    assert [line.split()[0] for line in out.splitlines() if not line.startswith(" ")] == [
        "fa7f482",
        "fa7f48c",
    ]
    code, out, _ = run("responses", "show", "fa7f48c")
    assert code == 0 and out.splitlines()[0] == f"reactie     {B}"
    code, _, err = run("responses", "show", "fa7f48")
    assert (code, err) == (
        8,
        f"fout: reactie 'fa7f48' is niet eenduidig: past bij {A}, {B}; typ meer tekens\n",
    )
    code, out, _ = run(
        "respond", "dispose", "fa7f482", "--status", "kennisgenomen", "--reason", "Gezien."
    )
    assert code == 0 and out.startswith(
        "reactie fa7f482: 1 punt voor kennisgeving aangenomen (commit "
    )
