"""Benchmark `wetgeving bundle` on dossiers with 2,500, 5,000 and 10,000 responses.

Each dossier has the fixture versions geldend, v1 and v2 and N response files written directly in
the documented format (docs/consultation-format.md, via `consultation.fileformat.render`), a
fifth of them one mass campaign. Measured in the same run, each as a whole process:
- `python -m wetgeving bundle v2 -o bundle.zip --intern` (peak memory from getrusage);
- the baseline: a plain script that reads the same N files, writes their texts HTML-escaped into
  one page and zips it.
Prints time, ratio to the baseline, growth against the smallest size (target: linear, i.e. about
2x and 4x) and peak memory (target < 300 MB). Run: `python bench/bench_bundle.py [--sizes ...]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "tests" / "fixtures" / "drafts"
PROVISIONS = [
    ("artikel 273f, eerste lid", "art.273f/lid.1"),
    ("artikel 273f, tweede lid", "art.273f/lid.2"),
    ("artikel 273f, derde lid", "art.273f/lid.3"),
    ("artikel 273f, vijfde lid", "art.273f/lid.5"),
    ("artikel 273fa, eerste lid", "art.273fa/lid.1"),
    ("algemeen", ""),
]
WORDS = [
    "uitbuiting", "slachtoffer", "arbeid", "dwang", "misbruik", "kwetsbare", "positie",
    "strafmaximum", "rechter", "opsporing", "bewijs", "oogmerk", "werving", "vervoer",
    "huisvesting", "prostitutie", "diensten", "voordeel",
]  # fmt: skip

BASELINE = """
import html, io, sys, zipfile
from pathlib import Path
parts = []
for path in sorted(Path(sys.argv[1]).glob("*.md")):
    parts.append("<p>" + html.escape(path.read_text(encoding="utf-8")) + "</p>")
page = "<html><body>" + "".join(parts) + "</body></html>"
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("index.html", page)
"""

RUN = """
import resource, runpy, sys
sys.argv = ["wetgeving"] + sys.argv[1:]
try:
    runpy.run_module("wetgeving", run_name="__main__")
except SystemExit as exc:
    if exc.code:
        raise
print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def make_dossier(root: Path, n: int) -> None:
    """A dossier with versions geldend, v1, v2 and n responses (a fifth one campaign)."""
    sys.path.insert(0, str(ROOT / "src"))
    from wetgeving import dossier as dossier_mod
    from wetgeving import gitrepo, history
    from wetgeving.consultation.fileformat import render
    from wetgeving.consultation.model import Disposition, Point, Response

    root.mkdir(parents=True)
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Benchmarkdossier", "Wetboek van Strafrecht", "BWBR0001854"),
        encoding="utf-8",
    )
    (root / "drafts").mkdir()
    gitrepo.init_repository(root)
    d = dossier_mod.load(root)
    for name in ("geldend", "v1", "v2"):
        shutil.copyfile(DRAFTS / f"{name}.md", root / "drafts" / "273f.md")
        history.create_version(d, name, f"Versie {name}")
    folder = root / "consultation_responses"
    folder.mkdir()
    campaign = "Wij vragen de regering de strafbaarstelling van uitbuiting niet te verruimen " * 3
    for i in range(n):
        ref, node = PROVISIONS[i % len(PROVISIONS)]
        if i % 5 == 0:
            text = campaign
        else:
            text = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 60)) + f" ({i})."
        status = ("overgenomen", "deels", "niet-overgenomen", "kennisgenomen", "")[i % 5]
        disposition = (
            Disposition(status, "Toelichting bij de verwerking.", "v2") if status else None
        )
        clock = f"{(i // 3600) % 24:02d}{(i // 60) % 60:02d}{i % 60:02d}"
        rid = f"20260115T{clock}Z-{i:08x}"
        response = Response(
            id=rid,
            respondent=f"Respondent {i}",
            organisation="" if i % 3 else f"Organisatie {i % 50}",
            place="Utrecht",
            kind=("burger", "bedrijf", "organisatie", "adviesorgaan", "overheid")[i % 5],
            channel="internetconsultatie",
            received="2026-01-15",
            openbaar=i % 4 != 0,
            version="v1",
            points=(Point(ref=ref, node=node, text=text, disposition=disposition),),
        )
        (folder / f"{rid}.md").write_text(render(response), encoding="utf-8")
    git(root, "add", "--", "consultation_responses")
    git(root, "commit", "-q", "-m", "reacties")


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} faalde:\n{proc.stderr}")
    peak = 0
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK_KB "):
            peak = int(line.split()[1])
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            root = Path(tmp) / f"d{n}"
            make_dossier(root, n)
            out = Path(tmp) / f"bundel-{n}.zip"
            bundle_time, peak = timed(
                [sys.executable, "-c", RUN, "bundle", "v2", "-o", str(out), "--intern"], root
            )
            base = Path(tmp) / f"base-{n}.zip"
            base_time, _ = timed(
                [sys.executable, "-c", BASELINE, str(root / "consultation_responses"), str(base)],
                root,
            )
            rows.append((n, bundle_time, base_time, peak / 1024))
    first = rows[0]
    print(
        f"{'reacties':>9} {'bundel s':>9} {'basis s':>8} {'ratio':>6} {'groei':>6} {'piek MB':>8}"
    )
    for n, t, b, mb in rows:
        growth = t / first[1]
        print(f"{n:>9} {t:>9.2f} {b:>8.2f} {t / b:>6.1f} {growth:>5.2f}x {mb:>8.0f}")
    print(
        f"(lineair: groei ~ {', '.join(f'{n / first[0]:.0f}x' for n, *_ in rows)}; piek < 300 MB)"
    )


if __name__ == "__main__":
    main()
