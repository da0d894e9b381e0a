"""`bildungswege import`: copies raw files, writes packages, German errors without traceback."""

from __future__ import annotations

import argparse

import pytest

from pathways.errors import UserError
from pathways.importer import command

from .conftest import fresh_tree


def _args(source, datapackages):
    return argparse.Namespace(source=source, datapackages=datapackages)


def test_import_from_a_directory_copies_raw_files_and_builds(tmp_path, capsys):
    root = fresh_tree(tmp_path / "project")
    shared = tmp_path / "shared"
    shared.mkdir()
    for raw in (root / "_sources" / "berlin").iterdir():
        (shared / raw.name).write_bytes(raw.read_bytes())
    (root / "_sources" / "berlin" / "bezirke.csv").write_text("verändert\n", "utf-8")
    assert command.run(_args(shared, root)) == 0
    assert (root / "_sources" / "berlin" / "bezirke.csv").read_bytes() == \
        (shared / "bezirke.csv").read_bytes()
    assert "angebote:" in capsys.readouterr().out


def test_missing_source_directory_is_a_german_user_error(tmp_path):
    with pytest.raises(UserError, match="gibt es nicht"):
        command.run(_args(tmp_path / "fehlt", tmp_path))


def test_incomplete_source_directory_names_the_missing_files(tmp_path):
    root = fresh_tree(tmp_path / "project")
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "bezirke.csv").write_text("x\n", "utf-8")
    with pytest.raises(UserError, match="osm_lernorte.csv"):
        command.run(_args(partial, root))
    assert not (root / "kieze").exists()
