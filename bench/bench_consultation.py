"""Benchmark: consultation import, list and campaign detection at scale.

Prints, measured in the same run:
1. `wetgeving responses import` of N rows (default 100,000) with question columns (an open question
   about a provision, a closed ja/nee question, an open question; declared in wetgeving.toml)
   against a plain script that writes the same number of files, of the sizes the import writes and
   each with a content of its own, and makes one git commit (target ratio <= 2).
2. `wetgeving responses list --provision ...` on that dossier (target: well under a second), with
   a warm index and after deleting the index (cold).
3. Campaign detection on 10k, 20k and 40k responses (target: close to linear).

Usage: python bench/bench_consultation.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "fixtures" / "drafts" / "v1.md"
REFS = ["", "", "artikel 273f, derde lid", "273f lid 1 onder a", "273f lid 5", "273fa lid 1"]
PROSE = (
    "wij vinden dat het voorstel de strafbaarstelling van mensenhandel verruimt zonder dat "
    "duidelijk is welke gedragingen worden bedoeld de regering moet uitleggen hoe de kwetsbare "
    "positie wordt vastgesteld en welke rol arbeidsinspectie politie en openbaar ministerie "
    "spelen bij de opsporing van uitbuiting in de land en tuinbouw de logistiek en de schoonmaak"
)
WORDS = PROSE.split()
QUESTIONS = """
[[consultatie.vraag]]
nummer = 1
tekst = "Is de omschrijving van uitbuiting in het eerste lid duidelijk genoeg?"
bepalingen = ["artikel 273f, eerste lid"]

[[consultatie.vraag]]
nummer = 2
tekst = "Steunt u de verhoging van de strafmaxima?"
soort = "ja/nee"

[[consultatie.vraag]]
nummer = 3
tekst = "Heeft u verder nog opmerkingen?"
"""
HEADER = [
    "Naam", "Organisatie", "Plaats", "Datum", "Openbaar", "Artikel", "Reactie",
    "Vraag 1: Is de omschrijving van uitbuiting in het eerste lid duidelijk genoeg?",
    "Vraag 2: Steunt u de verhoging van de strafmaxima?", "Heeft u verder nog opmerkingen?",
]  # fmt: skip
CAMPAIGN = (
    "Ik maak mij grote zorgen over de verruiming van artikel 273f. Het begrip uitbuiting wordt zo "
    "ruim dat gewone arbeidsconflicten onder het strafrecht vallen. Pas het voorstel aan."
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def make_repo(path: Path) -> None:
    path.mkdir(parents=True)
    git(path, "init", "-q")
    git(path, "config", "user.name", "Bench")
    git(path, "config", "user.email", "bench@example.invalid")
    git(path, "config", "commit.gpgsign", "false")


def make_dossier(path: Path) -> None:
    make_repo(path)
    (path / "wetgeving.toml").write_text(
        '[dossier]\ntitel = "Bench"\n[regeling]\nnaam = "Wetboek van Strafrecht"\n'
        'bwb = "BWBR0001854"\n' + QUESTIONS,
        encoding="utf-8",
    )
    (path / "drafts").mkdir()
    (path / "consultation_responses").mkdir()
    shutil.copyfile(DRAFT, path / "drafts" / "273f.md")
    git(path, "add", "--", "wetgeving.toml", "drafts")
    git(path, "commit", "-q", "-m", "start")
    run_cli(path, "version", "create", "v1", "-m", "Versie v1")


def cpu() -> float:
    """CPU seconds (user + system) of this process and of every child it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


CPU_SPENT: dict[str, float] = {}


def run_cli(dossier: Path, *args: str) -> tuple[float, str]:
    start, used = time.perf_counter(), cpu()
    out = subprocess.run(
        [sys.executable, "-m", "wetgeving", "--dossier", str(dossier), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    CPU_SPENT["last"] = cpu() - used
    return time.perf_counter() - start, out.stdout


def text_for(rng: random.Random, i: int) -> str:
    if i % 4 == 0:
        return CAMPAIGN + f" Groet, indiener {i}."
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))) + f" ({i})"


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(42)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for i in range(rows):
            # Every row answers the closed question; some also an open one (a third of them
            # the question about a provision), some only the questions.
            writer.writerow(
                [
                    f"Indiener {i}",
                    "Stichting Voorbeeld" if i % 10 == 0 else "",
                    "Voorbeeldstad",
                    f"2026-11-{1 + i % 28:02d}",
                    "ja" if i % 3 else "nee",
                    REFS[i % len(REFS)] if i % 5 else "",
                    text_for(rng, i) if i % 5 else "",
                    text_for(rng, i + 1) if i % 3 == 0 else "",
                    "Ja" if i % 2 else "Nee, want de straffen zijn al hoog genoeg.",
                    "Geen verdere opmerkingen." if i % 7 == 0 else "",
                ]
            )


def baseline(path: Path, rows: int, sizes: list[int], distinct: bool = True) -> float:
    """Plain script: write `rows` files of the same sizes and make one git commit.

    Each file holds a content of its own, as each response does: git then stores as many objects
    as the import must. With `distinct=False` the files hold one of the `sizes` contents each
    (this bench's floor until 2026-12-04), so git stores one object per size, about 1% of them;
    printed for comparison only.
    """
    make_repo(path)
    folder = path / "consultation_responses"
    folder.mkdir()
    start, used = time.perf_counter(), cpu()
    for i in range(rows):
        size = sizes[i % len(sizes)]
        content = f"{i:08d}".ljust(size, "x") if distinct else "x" * size
        (folder / f"{i:08d}.md").write_text(content, encoding="utf-8")
    git(path, "add", "--", "consultation_responses")
    git(path, "commit", "-q", "-m", "baseline")
    CPU_SPENT["last"] = cpu() - used
    return time.perf_counter() - start


def campaigns_bench(dossier: Path) -> list[tuple[int, float]]:
    from wetgeving import dossier as dossier_mod
    from wetgeving.consultation.campaigns import find_campaigns
    from wetgeving.consultation.store import load_all

    responses = load_all(dossier_mod.load(dossier))
    out = []
    for n in (10_000, 20_000, 40_000):
        if n > len(responses):
            break
        start = time.process_time()
        found = find_campaigns(responses[:n])
        out.append((n, time.process_time() - start))
        print(f"  {n:>6} responses: {out[-1][1]:6.2f} s CPU, {len(found)} campaign(s), "
              f"largest {len(found[0].members) if found else 0}")  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory(prefix="bench-consultation-") as tmp:
        base = Path(tmp)
        for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            os.environ.pop(var, None)
        dossier = base / "dossier"
        make_dossier(dossier)
        sheet = base / "reacties.csv"
        write_csv(sheet, rows)
        print(f"import of {rows} rows ({sheet.stat().st_size / 1e6:.1f} MB CSV)")
        # The same file sizes as the import writes (measured on a small import first).
        probe = base / "probe"
        make_dossier(probe)
        small = base / "probe.csv"
        write_csv(small, 1000)
        run_cli(probe, "responses", "import", str(small), "--version", "v1")
        sizes = [p.stat().st_size for p in (probe / "consultation_responses").glob("*.md")]
        # Baseline before and after the import: the machine's load may drift during the run.
        t_base1 = baseline(base / "baseline1", rows, sizes)
        c_base1 = CPU_SPENT["last"]
        t_import, out = run_cli(dossier, "responses", "import", str(sheet), "--version", "v1")
        c_import = CPU_SPENT["last"]
        t_base2 = baseline(base / "baseline2", rows, sizes)
        c_base = (c_base1 + CPU_SPENT["last"]) / 2
        t_base = (t_base1 + t_base2) / 2
        t_same = baseline(base / "baseline3", rows, sizes, distinct=False)
        c_same = CPU_SPENT["last"]
        print(f"  wetgeving responses import: {t_import:7.2f} s  ({out.strip()[:60]})")
        print(f"  plain script (files + one commit): {t_base1:.2f} s before, {t_base2:.2f} s after")
        print(f"  ratio import / mean baseline: {t_import / t_base:.2f} (target <= 2)")
        # CPU time (with git's) varies less than wall time on a machine others use too.
        print(
            f"  CPU: import {c_import:.2f} s, baseline {c_base:.2f} s, "
            f"ratio {c_import / c_base:.2f}"
        )
        print(
            f"  (against files of 1% distinct contents, the floor before 2026-12-04:"
            f" {t_same:.2f} s, ratio {t_import / t_same:.2f}; CPU {c_same:.2f} s,"
            f" ratio {c_import / c_same:.2f})"
        )

        print("responses list --provision 'artikel 273f, derde lid'")
        t_warm, out = run_cli(
            dossier, "responses", "list", "--provision", "artikel 273f, derde lid"
        )
        hits = sum(1 for line in out.splitlines() if not line.startswith(" "))
        print(f"  warm index: {t_warm:.2f} s wall ({hits} responses listed)")
        t_noop, _ = run_cli(dossier, "--help")
        print(f"  (python + CLI start-up alone, 'wetgeving --help': {t_noop:.2f} s)")
        index = dossier / ".git" / "wetgeving-cache" / "responses.idx"
        index.unlink(missing_ok=True)
        t_cold, _ = run_cli(dossier, "responses", "list", "--provision", "artikel 273f, derde lid")
        print(f"  cold (index rebuilt from {rows} files): {t_cold:.2f} s wall")
        t_again, _ = run_cli(dossier, "responses", "list", "--provision", "273f lid 3")
        print(f"  warm again: {t_again:.2f} s wall")

        print("campaign detection (CPU time)")
        times = campaigns_bench(dossier)
        if len(times) >= 2:
            ratios = ", ".join(
                f"{b[0] // 1000}k/{a[0] // 1000}k = {b[1] / a[1]:.2f}"
                for a, b in itertools.pairwise(times)
            )
            print(f"  growth per doubling: {ratios} (2.0 is linear)")


if __name__ == "__main__":
    main()
