"""A real build of the open-data section only (plugins i18n_ui + opendata_pages), done twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from site_settings import write_test_settings  # tests/ is on sys.path (rootdir of these packages)

ROOT = Path(__file__).resolve().parents[2]
PLUGINS_DIR = ROOT / "plugins"
if str(PLUGINS_DIR) not in sys.path:
    sys.path.insert(0, str(PLUGINS_DIR))


def write_settings(folder: Path) -> Path:
    return write_test_settings(folder / "testconf.py", ["i18n_ui", "opendata_pages"])


def build(settings: Path, output: Path, hash_seed: str) -> Path:
    """Build with a given PYTHONHASHSEED: set order must not leak into the output."""
    pelican = Path(sys.executable).parent / "pelican"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [str(pelican), "content", "-s", str(settings), "-o", str(output), "--fatal", "errors",
         "-q"], cwd=ROOT, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        pytest.fail(f"Build fehlgeschlagen:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return output


@pytest.fixture(scope="session")
def opendata_settings(tmp_path_factory) -> Path:
    return write_settings(tmp_path_factory.mktemp("opendata-conf"))


@pytest.fixture(scope="session")
def site(tmp_path_factory, opendata_settings) -> Path:
    return build(opendata_settings, tmp_path_factory.mktemp("opendata-a") / "output", "1")


@pytest.fixture(scope="session")
def site_again(tmp_path_factory, opendata_settings) -> Path:
    return build(opendata_settings, tmp_path_factory.mktemp("opendata-b") / "output", "2")


@pytest.fixture(scope="session")
def packages():
    from opendata_pages.packages import load_packages

    from pathways.paths import DATAPACKAGES

    return load_packages(DATAPACKAGES)
