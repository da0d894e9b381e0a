"""A throw-away copy of the real Redaktion tree (the Kiez package linked read-only) per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pathways.check.command import collect_problems
from pathways.paths import DATAPACKAGES

CORPUS = Path(__file__).parent / "corpus"


def make_tree(base: Path) -> Path:
    """Project root with a copy of datapackages/redaktion and a link to datapackages/kieze."""
    root = base / "projekt"
    shutil.copytree(DATAPACKAGES / "redaktion", root / "datapackages" / "redaktion")
    (root / "datapackages" / "kieze").symlink_to(DATAPACKAGES / "kieze")
    return root


@pytest.fixture(scope="session")
def baseline(tmp_path_factory) -> set:
    """Problems of the unchanged tree (empty once the content is complete)."""
    root = make_tree(tmp_path_factory.mktemp("baseline"))
    return set(collect_problems(root, packages=False))


@pytest.fixture
def tree(tmp_path) -> Path:
    return make_tree(tmp_path)
