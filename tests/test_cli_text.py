"""The text commands through the CLI: import bwb, check, fmt and show, in real git dossiers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
SR_2013 = FIXTURES / "bwb" / "BWBR0001854-2013-11-16.xml"
runner = CliRunner()


def _run(dossier: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(dossier), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    """A fresh dossier (wetgeving init) in a git repository."""
    root = tmp_path / "dossier"
    result = runner.invoke(app, ["init", str(root)])
    assert result.exit_code == 0, result.output
    return root


def _expected_273f() -> str:
    text = (FIXTURES / "art273f" / "art273f-current.txt").read_text(encoding="utf-8")
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


def test_import_then_show_gives_exact_273f(dossier: Path) -> None:
    """import bwb --article 273f, then show werk --format text prints the verbatim text."""
    target = dossier / "drafts" / "273f.md"
    code, out, _ = _run(
        dossier, "import", "bwb", str(SR_2013), "--article", "273f", "-o", str(target)
    )
    assert code == 0
    assert out == f"1 artikel geïmporteerd naar {target}\n"
    assert target.read_text(encoding="utf-8").startswith("---\ntitel: Wetboek van Strafrecht\n")
    code, out, _ = _run(dossier, "show", "werk", "--article", "273f", "--format", "text")
    assert code == 0
    assert out == _expected_273f()


def test_import_refuses_to_overwrite_without_force(dossier: Path) -> None:
    """An existing draft is kept unless --force is given."""
    target = dossier / "drafts" / "x.md"
    target.write_text("mijn tekst\n", encoding="utf-8")
    code, _, err = _run(dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-o", str(target))
    assert code == 2
    assert err == f"fout: {target} bestaat al; gebruik --force om het te overschrijven\n"
    assert target.read_text(encoding="utf-8") == "mijn tekst\n"
    code, _, _ = _run(
        dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-o", str(target), "--force"
    )
    assert code == 0
    assert "## Artikel 273f" in target.read_text(encoding="utf-8")


def test_import_bad_xml_writes_nothing(dossier: Path, tmp_path: Path) -> None:
    """Malformed XML: one Dutch line with file and line, exit 6, no draft written."""
    bad = tmp_path / "kapot.xml"
    bad.write_text("<wetgeving>\n<wettekst>\n</wetgeving>\n", encoding="utf-8")
    target = dossier / "drafts" / "k.md"
    code, out, err = _run(dossier, "import", "bwb", str(bad), "-o", str(target))
    assert code == 6
    assert err == f"fout: {bad}:3: geen geldige XML (sluittag hoort niet bij de open tag)\n"
    assert out == ""
    assert not target.exists()
    assert [p.name for p in (dossier / "drafts").iterdir()] == [".gitkeep"]


def test_import_default_target_is_named_after_the_bwb_id(dossier: Path) -> None:
    """Without -o the draft goes to drafts/<BWB-id>.md of the dossier."""
    code, _, _ = _run(dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-a", "273a")
    assert code == 0
    text = (dossier / "drafts" / "BWBR0001854.md").read_text(encoding="utf-8")
    assert text.index("## Artikel 273a") < text.index("## Artikel 273f")


def _draft(dossier: Path, name: str, text: str) -> Path:
    path = dossier / "drafts" / name
    path.write_text(text, encoding="utf-8")
    return path


BAD = """---
titel: Proef
---

## Artikel 1

1. Het eerste lid bepaalt:
   - a. iets
   - b. nog iets;
3. Zie het achtste lid en onder 10°.
3. Dubbel.

## Artikel 1

Zie artikel 999.

```
code
```
"""


def test_check_reports_every_problem_with_file_and_line(dossier: Path) -> None:
    """check lists each problem as file:line: message and exits 1 with a summary."""
    _draft(dossier, "proef.md", BAD)
    code, out, _ = _run(dossier, "check", str(dossier / "drafts" / "proef.md"))
    path = dossier / "drafts" / "proef.md"
    assert code == 1
    assert out.splitlines() == [
        f"{path}:8: artikel 1, eerste lid, onderdeel a, eindigt niet op ';' of ',' (Ar 3.59)",
        f"{path}:9: artikel 1, eerste lid, onderdeel b, is het laatste onderdeel "
        "en eindigt niet op '.'",
        f"{path}:10: lid 3 volgt op lid 1: lid 2 ontbreekt",
        f"{path}:10: verwijzing 'het achtste lid' in artikel 1, derde lid, wijst naar "
        "artikel 1, achtste lid, maar die bepaling bestaat niet",
        f"{path}:10: verwijzing 'onder 10°' in artikel 1, derde lid, wijst naar "
        "artikel 1, derde lid, onder 10°, maar die bepaling bestaat niet",
        f"{path}:11: lid 3 komt dubbel voor in artikel 1",
        f"{path}:13: artikel 1 komt dubbel voor (ook op regel 5)",
        f"{path}:13: verwijzing 'artikel 999' in artikel 1 wijst naar artikel 999, "
        "maar die bepaling bestaat niet",
        f"{path}:17: tekst die niet als wetstekst te plaatsen is (codeblok)",
        "9 problemen gevonden in 1 bestand",
    ]


def test_check_clean_dossier_exits_0(dossier: Path) -> None:
    """Without files check reads drafts/**/*.md; a clean text gives 'geen problemen gevonden'."""
    shutil.copy(FIXTURES / "drafts" / "geldend.md", dossier / "drafts" / "geldend.md")
    sub = dossier / "drafts" / "sub"
    sub.mkdir()
    shutil.copy(FIXTURES / "drafts" / "v1.md", sub / "v1.md")
    code, out, _ = _run(dossier, "check")
    assert (code, out) == (0, "geen problemen gevonden\n")


def test_check_reports_onderdelen_not_indented_under_their_lid(dossier: Path) -> None:
    """Onderdelen indented too little end up between the leden: check says how to fix it."""
    path = _draft(
        dossier,
        "p.md",
        "---\ntitel: x\n---\n\n## Artikel 1\n\n1. Aanhef:\n  - a. een;\n  - b. twee.\n"
        "2. Tweede lid.\n",
    )
    code, out, _ = _run(dossier, "check", str(path))
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:8: onderdeel a staat los tussen de leden van artikel 1; "
        "spring het in onder zijn lid (3 spaties)"
    )


def test_check_reports_unreadable_files(dossier: Path) -> None:
    """A non-UTF-8 draft is a problem with its line, not a traceback."""
    path = dossier / "drafts" / "latin.md"
    path.write_bytes("---\ntitel: x\n---\n\n## Artikel 1\n\nCafé.\n".encode("latin-1"))
    code, out, _ = _run(dossier, "check", str(path))
    assert code == 1
    assert out == f"{path}:7: bestand is geen UTF-8-tekst\n1 probleem gevonden in 1 bestand\n"


def test_check_deeply_nested_list(dossier: Path) -> None:
    """A list nested 50 levels deep is reported with its line."""
    deep = "".join("  " * i + "- a. x:\n" for i in range(50))
    path = _draft(dossier, "diep.md", f"---\ntitel: x\n---\n\n## Artikel 1\n\n{deep}")
    code, out, _ = _run(dossier, "check", str(path))
    assert code == 1
    assert f"{path}:13: opsomming te diep genest (meer dan 6 niveaus)" in out.splitlines()


MESSY = """---
titel: Proef
---
## Artikel 1
1. Eerste   lid:
   -   a.  een;
   - b. twee.
2. Tweede lid.
"""


def test_fmt_rewrites_canonically_and_is_idempotent(dossier: Path) -> None:
    """fmt rewrites a draft in canonical form; a second run changes nothing."""
    path = _draft(dossier, "p.md", MESSY)
    code, out, _ = _run(dossier, "fmt")
    assert (code, out) == (0, "drafts/p.md: herschreven\n".replace("drafts/p.md", _rel(path)))
    assert path.read_text(encoding="utf-8") == (
        "---\ntitel: Proef\n---\n\n## Artikel 1\n\n1. Eerste lid:\n   - a. een;\n   - b. twee.\n"
        "2. Tweede lid.\n"
    )
    code, out, _ = _run(dossier, "fmt")
    assert (code, out) == (0, "alle bestanden staan al in de standaardvorm\n")


def _rel(path: Path) -> str:
    import os

    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def test_fmt_check_only_reports(dossier: Path) -> None:
    """fmt --check writes nothing and exits 1 when a file is not canonical."""
    path = _draft(dossier, "p.md", MESSY)
    code, out, _ = _run(dossier, "fmt", "--check", str(path))
    assert (code, out) == (1, f"{path}: niet in standaardvorm\n")
    assert path.read_text(encoding="utf-8") == MESSY


def test_fmt_refuses_unparseable_files_and_writes_nothing(dossier: Path) -> None:
    """A file that does not parse is named with its line; no file is rewritten."""
    good = _draft(dossier, "a.md", MESSY)
    bad = _draft(dossier, "b.md", "---\ntitel: x\n---\n\n## Artikel 1\n\n> citaat\n")
    code, _, err = _run(dossier, "fmt", str(good), str(bad))
    assert code == 6
    assert err == f"fout: {bad}:7: tekst die niet als wetstekst te plaatsen is (citaatblok)\n"
    assert good.read_text(encoding="utf-8") == MESSY


def test_show_version_json_and_markdown(dossier: Path) -> None:
    """show of a recorded version: JSON tree with ids and labels, Markdown of an article."""
    shutil.copy(FIXTURES / "drafts" / "geldend.md", dossier / "drafts" / "273f.md")
    code, _, err = _run(dossier, "version", "create", "v1", "-m", "Eerste concept")
    assert code == 0, err
    (dossier / "drafts" / "273f.md").write_text("---\ntitel: leeg\n---\n", encoding="utf-8")
    code, out, _ = _run(dossier, "show", "v1", "--article", "273f, derde lid", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == "v1"
    assert len(data["commit"]) == 40
    [regeling] = data["regelingen"]
    assert regeling["path"] == "drafts/273f.md"
    [lid] = regeling["children"]
    assert {k: lid[k] for k in ("id", "kind", "number", "label", "marker")} == {
        "id": "art.273f/lid.3",
        "kind": "lid",
        "number": "3",
        "label": "artikel 273f, derde lid",
        "marker": "3.",
    }
    assert lid["children"][0]["label"] == "artikel 273f, derde lid, onder 1°"
    code, out, _ = _run(dossier, "show", "v1", "-a", "273f", "--format", "markdown")
    assert code == 0
    assert out.startswith("## Artikel 273f\n\n1. Als schuldig aan mensenhandel")


def test_show_unknown_article_lists_nearest(dossier: Path) -> None:
    """An unknown article: exit 7 and the nearest existing provisions."""
    shutil.copy(FIXTURES / "drafts" / "v1.md", dossier / "drafts" / "273f.md")
    code, _, err = _run(dossier, "show", "werk", "--article", "273g")
    assert code == 7
    assert err.startswith("fout: artikel 273g bestaat niet in de werkmap; bedoelt u: artikel 273f")


def test_show_rejects_unknown_format(dossier: Path) -> None:
    """--format other than text, markdown, json or docx is a usage error."""
    code, _, err = _run(dossier, "show", "werk", "--format", "pdf")
    assert (code, err) == (2, "fout: onbekend formaat 'pdf'; kies text, markdown, json of docx\n")


def test_check_and_fmt_refuse_a_50_mb_draft(dossier: Path) -> None:
    """A 50 MB draft: check reports it, fmt refuses it; neither reads it into the parser."""
    path = dossier / "drafts" / "groot.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, out, _ = _run(dossier, "check", str(path))
    assert code == 1
    assert out.splitlines()[0] == f"{path}: bestand is te groot (50 MB; maximaal 16 MB)"
    code, _, err = _run(dossier, "fmt", str(path))
    assert (code, err) == (6, f"fout: {path}: bestand is te groot (50 MB; maximaal 16 MB)\n")


def test_fmt_refuses_non_utf8(dossier: Path) -> None:
    """fmt on a Latin-1 draft names the line of the first bad byte and leaves it alone."""
    path = dossier / "drafts" / "l.md"
    data = "---\ntitel: x\n---\n\n## Artikel 1\n\nCafé.\n".encode("latin-1")
    path.write_bytes(data)
    code, _, err = _run(dossier, "fmt", str(path))
    assert (code, err) == (6, f"fout: {path}:7: bestand is geen UTF-8-tekst\n")
    assert path.read_bytes() == data


def test_import_non_bwb_xml(dossier: Path, tmp_path: Path) -> None:
    """XML that is not BWB: exit 6 with file and line of the root element."""
    other = tmp_path / "ander.xml"
    other.write_text('<?xml version="1.0"?>\n<html><body/></html>\n', encoding="utf-8")
    code, _, err = _run(dossier, "import", "bwb", str(other), "-o", str(tmp_path / "o.md"))
    assert code == 6
    assert err == f"fout: {other}:2: geen BWB-XML: hoofdelement is <html>, verwacht <wetgeving>\n"
    assert not (tmp_path / "o.md").exists()
