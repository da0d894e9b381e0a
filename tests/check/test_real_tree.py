"""`bildungswege check` on the real project tree: clean, fast, read-only, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pathways.paths import ROOT

from .conftest import make_tree


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pathways.cli", "check", *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def real_run():
    before = _fingerprint(ROOT / "datapackages")
    started = time.perf_counter()
    result = _cli("--format", "json")
    seconds = time.perf_counter() - started
    return result, seconds, before, _fingerprint(ROOT / "datapackages")


def test_real_tree_is_clean(real_run):
    result, _, _, _ = real_run
    problems = json.loads(result.stdout)
    listing = "\n".join(f"{p['file']}:{p['line']}: {p['message']}" for p in problems)
    assert result.returncode == 0 and problems == [], listing


def test_check_writes_nothing(real_run):
    _, _, before, after = real_run
    assert before == after


def test_check_is_fast(real_run):
    _, seconds, _, _ = real_run
    assert seconds < 15, f"check took {seconds:.1f} s"


def test_bad_arguments_exit_2():
    result = _cli("--format", "xml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = _cli("--root", "/nonexistent/projekt")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "datapackages" in result.stderr


def test_garbage_everywhere_gives_problems_not_a_traceback(tmp_path):
    root = make_tree(tmp_path)
    red = root / "datapackages" / "redaktion"
    rng = random.Random(4711)
    for folder in ("stufen", "uebergaenge", "beratung", "angebote", "vokabular"):
        (red / folder).mkdir(exist_ok=True)
        (red / folder / "muell.yaml").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
        (red / folder / "ordner.yaml").mkdir()
    (red / "vokabular" / "angebotsarten.yaml").write_bytes(b"\x00\x01: [\n")
    (red / "stufen" / "kaputt-link.yaml").symlink_to(red / "stufen" / "gibt-es-nicht.yaml")
    (red / "beratung" / "text.yaml").write_text("nur ein Satz ohne Doppelpunkt\n")
    os.chmod(red / "uebergaenge", 0o755)
    result = _cli("--root", str(root), "--ohne-pakete")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert any(ln.startswith("datapackages/redaktion/stufen/muell.yaml:") for ln in lines)
    assert any("kaputt-link.yaml" in ln for ln in lines)
    assert any(ln.startswith("datapackages/redaktion/beratung/text.yaml:1:1:") for ln in lines)
