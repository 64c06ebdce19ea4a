"""Eight `wetgeving respond` processes at once: every response lands in its own commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_consultation_support import commits, committed_files, make_dossier, response_files
from wetgeving.consultation import fileformat


def test_eight_concurrent_responds_all_land(tmp_path: Path) -> None:
    """Processes started together serialise on the lock; nothing is lost or merged."""
    d = make_dossier(tmp_path / "d")
    before = len(commits(d))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wetgeving",
                "--dossier",
                str(d.root),
                "respond",
                "--respondent",
                f"Indiener {n}",
                "--version",
                "v1",
                "--niet-openbaar",
                "--point",
                f"artikel 273f, derde lid=Reactie nummer {n}.",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(8)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, results
    files = response_files(d)
    assert len(files) == 8
    texts = sorted(fileformat.read(f).points[0].text for f in files)
    assert texts == sorted(f"Reactie nummer {n}." for n in range(8))
    subjects = commits(d)
    assert len(subjects) == before + 8
    for i in range(8):
        changed = committed_files(d, f"HEAD~{i}")
        assert len(changed) == 1 and changed[0].startswith("consultation_responses/")
    assert sorted(committed_files(d, f"HEAD~{i}")[0] for i in range(8)) == sorted(
        f"consultation_responses/{f.name}" for f in files
    )
