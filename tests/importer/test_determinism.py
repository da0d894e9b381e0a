"""Same input → same bytes; committed packages are up to date; a failed import keeps the old."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pathways import paths
from pathways.importer import monitoring
from pathways.importer.build import PACKAGES, run_import

from .conftest import fresh_tree


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for name in PACKAGES for p in sorted((root / name).rglob("*")) if p.is_file()}


def test_second_import_gives_identical_bytes(imported, tmp_path):
    again = fresh_tree(tmp_path)
    run_import(again, source_dir=None)
    first, second = _tree(imported), _tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_committed_packages_are_up_to_date(imported):
    committed, fresh = _tree(paths.DATAPACKAGES), _tree(imported)
    stale = sorted(n for n in fresh.keys() | committed.keys() if fresh.get(n) != committed.get(n))
    assert stale == [], "Pakete veraltet: bitte `make import` ausführen und committen"


def test_text_files_are_utf8_with_unix_line_ends_and_no_timestamps(imported):
    for name, data in _tree(imported).items():
        text = data.decode("utf-8")
        assert "\r" not in text, name
        assert text.endswith("\n") or name.endswith(".geojson"), name
    descriptor = (imported / "angebote" / "datapackage.json").read_text(encoding="utf-8")
    assert "created" not in descriptor


def test_a_failing_import_leaves_the_old_packages(imported, tmp_path, monkeypatch):
    root = fresh_tree(tmp_path)
    for name in PACKAGES:
        shutil.copytree(imported / name, root / name)
    before = _tree(root)

    def broken(raw_dir):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(monitoring, "build", broken)
    with pytest.raises(RuntimeError):
        run_import(root, source_dir=None)
    assert _tree(root) == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []
