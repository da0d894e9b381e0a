"""`make site` validates first and never replaces a good output/ with a failed build."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pathways.paths import ROOT

pytestmark = pytest.mark.slow

STAMP = ".venv/.installed"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of the parts of the project that `make site` reads."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("Makefile", "pelicanconf.py", "pyproject.toml", "requirements.lock",
                 "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, copy / name)
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "datapackages" / "redaktion", copy / "datapackages" / "redaktion")
    for name in ("kieze", "angebote", "monitoring", "analyse", "_sources"):
        (copy / "datapackages" / name).symlink_to(ROOT / "datapackages" / name)
    for name in (".venv", "node_modules"):
        (copy / name).symlink_to(ROOT / name)
    good = copy / "output"
    good.mkdir()
    (good / "index.html").write_text("previous good build\n")
    return copy


def make_site(project: Path) -> subprocess.CompletedProcess:
    # -o: treat the (shared) venv as up to date, the copy must not reinstall it.
    return subprocess.run(["make", "-o", STAMP, "site"], cwd=project, capture_output=True,
                          text=True, timeout=900, env={**os.environ, "MAKEFLAGS": ""})


def test_check_error_stops_the_build_and_keeps_the_old_output(project: Path):
    stage = project / "datapackages" / "redaktion" / "stufen" / "kita.yaml"
    stage.write_text(stage.read_text().replace("sektor: formal", "sektor: formel"))
    result = make_site(project)
    assert result.returncode != 0
    assert "datapackages/redaktion/stufen/kita.yaml:" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (project / "output" / "index.html").read_text() == "previous good build\n"
    assert not (project / ".output.new").exists() or not any((project / ".output.new").iterdir())


def test_failing_pelican_keeps_the_old_output(project: Path):
    (project / "theme" / "templates" / "index.html").write_text("{% block broken %}\n")
    result = make_site(project)
    assert result.returncode != 0
    assert (project / "output" / "index.html").read_text() == "previous good build\n"
