"""A throw-away copy of the real Redaktion tree (the Kiez package linked read-only) per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pathways.check.command import collect_problems
from pathways.paths import DATAPACKAGES

CORPUS = Path(__file__).parent / "corpus"


def make_tree(base: Path, *, offers: bool = False) -> Path:
    """Project root with a copy of datapackages/redaktion and a link to datapackages/kieze;
    with `offers` also a link to datapackages/angebote (the positions `lage_von` refers to –
    left out otherwise, because a changed stage file would make its derived stages stale)."""
    root = base / "projekt"
    shutil.copytree(DATAPACKAGES / "redaktion", root / "datapackages" / "redaktion")
    for package in ("kieze", "angebote") if offers else ("kieze",):
        (root / "datapackages" / package).symlink_to(DATAPACKAGES / package)
    return root


@pytest.fixture(scope="session")
def baseline(tmp_path_factory) -> set:
    """Problems of the unchanged tree (empty once the content is complete)."""
    root = make_tree(tmp_path_factory.mktemp("baseline"))
    return set(collect_problems(root, packages=False))


@pytest.fixture
def tree(tmp_path) -> Path:
    return make_tree(tmp_path)
