"""`responses export` (the reactietabel as .xlsx or .csv) and `respond dispose --from` (the
lawyer's filled-in sheet applied: checked first, one commit, a summary)."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from test_consultation_questions import EXPORT, with_questions
from test_consultation_support import commits, committed_files
from wetgeving.cli.app import app
from wetgeving.consultation import store
from wetgeving.dossier import Dossier

runner = CliRunner()
HEADER = [
    "Referentie",
    "Indiener",
    "Bepaling",
    "Vraag",
    "Tekst",
    "Status",
    "Motivering",
    "Verwerkt in",
]


def run(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    d = with_questions(tmp_path / "d")
    assert run(d, "responses", "import", str(EXPORT))[0] == 0
    return d


def export(d: Dossier, path: Path, *extra: str) -> list[list[str]]:
    code, _, err = run(d, "responses", "export", "-o", str(path), *extra)
    assert code == 0, err
    book = openpyxl.load_workbook(path)
    return [
        ["" if v is None else str(v) for v in row]
        for row in book.active.iter_rows(values_only=True)
    ]


def test_export_is_a_sheet_a_lawyer_can_fill(dossier: Dossier, tmp_path: Path) -> None:
    """One row per point, a campaign once; filled bold header, frozen first row, drop-down
    lists for the status and the version, widths that fit, texts wrapped."""
    path = tmp_path / "reactietabel.xlsx"
    code, out, _ = run(dossier, "responses", "export", "-o", str(path))
    assert (code, out) == (0, f"geschreven: {path} (9 rijen, privacy bewaakt)\n")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.title == "Reactietabel"
    assert [c.value for c in sheet[1]] == HEADER
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
    assert sheet.freeze_panes == "A2"
    lists = {
        str(dv.sqref).split(":")[0]: dv.formula1 for dv in sheet.data_validations.dataValidation
    }
    assert lists == {
        "F2": '"overgenomen,deels overgenomen,niet overgenomen,voor kennisgeving aangenomen"',
        "H2": '"geldend,v1,v2"',
    }
    assert sheet.column_dimensions["A"].width == 20  # "campagne C1a2b3c4d" fits, with a margin
    assert sheet.column_dimensions["E"].width == 80 and sheet["E2"].alignment.wrap_text
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=2)]
    refs = [r[0] for r in rows]
    assert sum(ref.startswith("campagne C") for ref in refs) == 1
    assert len(rows) == 9  # 8 points of four respondents, and the campaign once
    campaign = next(r for r in rows if r[0].startswith("campagne"))
    assert campaign[1:4] == [
        "campagne (30 reacties)",
        "algemeen",
        "Vraag 4: Heeft u verder nog opmerkingen over het voorstel?",
    ]
    secret = next(r for r in rows if "slachtoffer" in r[4])
    assert secret[1] == "niet-openbare reactie"
    phone = next(r for r in rows if r[4].startswith("Bel gerust"))
    assert phone[4] == "Bel gerust voor een toelichting: [verwijderd: telefoonnummer]."
    bill = next(r for r in rows if r[2].startswith("artikel 273fa"))
    assert bill[2] == "artikel 273fa (geschreven: ARTIKEL I, onderdeel B)"
    unlinked = next(r for r in rows if "twaalfde" in r[4])
    assert unlinked[2] == "niet gekoppeld: '273f lid 12'"


def test_intern_export_shows_every_name(dossier: Dossier, tmp_path: Path) -> None:
    """--intern shows non-public names and unredacted texts (an edition not to send out)."""
    rows = export(dossier, tmp_path / "intern.xlsx", "--intern")
    assert any(r[1] == "P. Geheim (fictief)" for r in rows)
    assert any("06-12345678" in r[4] for r in rows)


def test_csv_export_opens_in_dutch_excel_and_runs_no_formula(
    dossier: Dossier, tmp_path: Path
) -> None:
    """CSV: UTF-8 with BOM, semicolons; a text starting like a formula gets Excel's apostrophe."""
    respondent = next(r for r in store.load_all(dossier) if r.respondent == "Secretariaat")
    file = dossier.responses / f"{respondent.id}.md"
    file.write_text(
        file.read_text("utf-8").replace('text: "ILLUSTRATIEF', 'text: "=HYPERLINK(1) ILLUSTRATIEF'),
        "utf-8",
    )
    path = tmp_path / "r.csv"
    code, _, _ = run(dossier, "responses", "export", "--format", "csv", "-o", str(path), "--intern")
    assert code == 0
    data = path.read_bytes()
    assert data.startswith(
        b"\xef\xbb\xbfReferentie;Indiener;Bepaling;Vraag;Tekst;Status;Motivering;Verwerkt in\r\n"
    )
    assert ";'=HYPERLINK(1) ILLUSTRATIEF" in data.decode("utf-8-sig")


def test_export_refuses_to_overwrite_or_write_into_the_dossier(
    dossier: Dossier, tmp_path: Path
) -> None:
    """An existing file is replaced only with --force; consultation_responses/ is refused."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"oud")
    code, _, err = run(dossier, "responses", "export", "-o", str(path))
    assert (code, err) == (
        9,
        f"fout: {path}: bestaat al; gebruik --force om het te overschrijven\n",
    )
    assert path.read_bytes() == b"oud"
    inside = dossier.responses / "x.xlsx"
    code, _, err = run(dossier, "responses", "export", "-o", str(inside))
    assert (code, err) == (
        9,
        f"fout: {inside}: uitvoer in consultation_responses/ is niet toegestaan; kies een pad buiten consultation_responses/\n",
    )


def fill(path: Path, changes: dict[str, tuple[str, str, str]], out: Path | None = None) -> Path:
    """Fill status, reason and version in the rows whose reference (or text start) matches."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        for key, (status, reason, version) in changes.items():
            if str(row[0].value).startswith(key) or str(row[4].value or "").startswith(key):
                row[5].value, row[6].value, row[7].value = status, reason, version
    target = out or path
    book.save(target)
    return target


def test_round_trip_export_fill_dispose_from(dossier: Dossier, tmp_path: Path) -> None:
    """Export, fill in status and reason in Excel (openpyxl here), apply: one commit of the
    changed responses, a summary of what changed, dispositions stored; applying it again
    changes nothing."""
    path = tmp_path / "r.xlsx"
    export(dossier, path)
    fill(path, {
        "campagne": ("niet overgenomen", "Arbeidsconflicten vallen niet onder uitbuiting.", ""),
        "Nee. Het begrip": ("deels overgenomen", "De toelichting geeft voorbeelden.", "v2"),
        "Onderdeel B": ("Overgenomen", "Artikel 273fa kent nu een drempel.", "v2"),
    })  # fmt: skip
    before = len(commits(dossier))
    code, out, err = run(dossier, "respond", "dispose", "--from", str(path))
    assert (code, err) == (0, "")
    assert out.startswith(
        "r.xlsx: 32 punten afgedaan in 32 reacties (1 overgenomen, 1 deels overgenomen, "
        "30 niet overgenomen); 6 rijen zonder status (commit "
    )
    assert len(commits(dossier)) == before + 1
    assert commits(dossier)[0] == "Afdoeningen uit r.xlsx: 32 punten"
    assert len(committed_files(dossier)) == 32
    loaded = {r.respondent: r for r in store.load_all(dossier)}
    k = loaded["K. de Vries-Testman"].points[0].disposition
    assert k is not None and (k.status, k.reason, k.version) == (
        "deels",
        "De toelichting geeft voorbeelden.",
        "v2",
    )
    burger = loaded["Burger 12 (fictief)"].points[0].disposition
    assert burger is not None and burger.status == "niet-overgenomen"
    code, out, _ = run(dossier, "respond", "dispose", "--from", str(path))
    assert out == "r.xlsx: 0 punten afgedaan; 32 al zo afgedaan; 6 rijen zonder status\n"
    assert len(commits(dossier)) == before + 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"Nee. Het begrip": ("misschien", "x", "")}, "rij {row}, kolom F (Status): ongeldige status 'misschien'; kies uit: overgenomen, deels overgenomen, niet overgenomen, voor kennisgeving aangenomen"),
        ({"Nee. Het begrip": ("overgenomen", "", "")}, "rij {row}, kolom G (Motivering): de motivering ontbreekt"),
        ({"Nee. Het begrip": ("overgenomen", "x", "v3")}, "rij {row}, kolom H (Verwerkt in): onbekende versie 'v3'; bekende versies: geldend, v1, v2"),
        ({"Nee. Het begrip": ("", "alleen een motivering", "")}, "rij {row}, kolom F (Status): de status ontbreekt (er staat wel een motivering of versie)"),
    ],
)  # fmt: skip
def test_a_bad_cell_is_named_and_nothing_is_applied(
    dossier: Dossier, tmp_path: Path, changes: dict[str, tuple[str, str, str]], message: str
) -> None:
    """A bad cell refuses the whole sheet naming its row and column; good rows are not applied."""
    path = tmp_path / "r.xlsx"
    rows = export(dossier, path)
    row = next(i for i, r in enumerate(rows, 1) if r[4].startswith("Nee. Het begrip"))
    fill(path, {"campagne": ("niet overgenomen", "Geen aanleiding.", ""), **changes})
    before = commits(dossier)
    code, _, err = run(dossier, "respond", "dispose", "--from", str(path))
    assert (code, err) == (8, f"fout: r.xlsx: {message.format(row=row)}; er is niets vastgelegd\n")
    assert commits(dossier) == before
    assert all(p.disposition is None for r in store.load_all(dossier) for p in r.points)


def test_sheet_refusals_references_duplicates_and_force(dossier: Dossier, tmp_path: Path) -> None:
    """An unknown or malformed reference, the same point twice, and a point already disposed
    otherwise (without --force) are refused by row and column; --force replaces."""
    path = tmp_path / "r.xlsx"
    export(dossier, path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.append(["ffffff punt 1", "", "", "", "", "overgenomen", "x", ""])
    sheet.append(["de tweede", "", "", "", "", "overgenomen", "x", ""])
    sheet.append([sheet["A2"].value, "", "", "", "", "overgenomen", "x", ""])
    sheet["F2"], sheet["G2"] = "overgenomen", "x"
    book.save(path)
    code, _, err = run(dossier, "respond", "dispose", "--from", str(path))
    assert (code, err) == (
        8,
        "fout: r.xlsx: rij 11, kolom A (Referentie): onbekende reactie 'ffffff'; en nog 2 fouten; er is niets vastgelegd\n",
    )
    ref = sheet["A2"].value
    short, point = ref.split()[0], ref.split()[-1]
    earlier = ("--point", point, "--status", "kennisgenomen", "--reason", "Gezien.")
    assert run(dossier, "respond", "dispose", short, *earlier)[0] == 0
    small = tmp_path / "s.xlsx"
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([ref, "", "", "", "", "overgenomen", "x", ""])
    book.save(small)
    code, _, err = run(dossier, "respond", "dispose", "--from", str(small))
    rid = store.load(dossier, ref.split()[0]).id
    assert (code, err) == (
        8,
        f"fout: s.xlsx: rij 2, kolom F (Status): punt 1 van reactie {rid} is al afgedaan (voor kennisgeving aangenomen: Gezien.); geef --force om de afdoening te wijzigen; er is niets vastgelegd\n",
    )
    code, out, _ = run(dossier, "respond", "dispose", "--from", str(small), "--force")
    assert code == 0 and out.startswith(
        "s.xlsx: 1 punt afgedaan in 1 reactie (1 overgenomen), waarvan 1 gewijzigd (commit "
    )
    book = openpyxl.Workbook()
    book.active.append(["Referentie", "Status"])
    book.save(small)
    code, _, err = run(dossier, "respond", "dispose", "--from", str(small))
    assert (code, err) == (
        8,
        "fout: s.xlsx: kolom 'Motivering' ontbreekt; gebruik een blad van 'wetgeving responses export'\n",
    )


def test_csv_round_trip(dossier: Dossier, tmp_path: Path) -> None:
    """The CSV export filled in and saved (semicolons, BOM) applies like the workbook."""
    path = tmp_path / "r.csv"
    assert run(dossier, "responses", "export", "--format", "csv", "-o", str(path))[0] == 0
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline=""), delimiter=";"))
    rows[1][5:7] = ["niet overgenomen", "Geen aanleiding."]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    code, out, err = run(dossier, "respond", "dispose", "--from", str(path))
    assert code == 0, err
    assert out.startswith("r.csv: 1 punt afgedaan in 1 reactie (1 niet overgenomen); ")
