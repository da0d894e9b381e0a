"""The code base stays ruff-clean (the rules live in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

from pathways.paths import ROOT


def test_ruff_reports_nothing():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "pathways", "plugins", "tests", "bench",
                             "pelicanconf.py", "publishconf.py"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
