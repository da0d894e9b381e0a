"""A fresh import into a temporary datapackages/ tree, shared by the importer tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pathways import paths
from pathways.importer.build import run_import


def fresh_tree(tmp: Path) -> Path:
    """A datapackages/ tree with the committed raw copies and editor YAML, but no packages."""
    root = tmp / "datapackages"
    shutil.copytree(paths.RAW_SOURCES, root / "_sources" / "berlin")
    shutil.copytree(paths.REDAKTION, root / "redaktion")
    return root


@pytest.fixture(scope="session")
def imported(tmp_path_factory) -> Path:
    root = fresh_tree(tmp_path_factory.mktemp("import"))
    run_import(root, source_dir=None)
    return root
