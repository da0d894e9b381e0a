"""Frictionless errors of a data package become Problems at the CSV line, with FK fields named."""

from __future__ import annotations

import csv
import shutil

from pathways.check.packages import check_derived_stages, validate_package
from pathways.paths import DATAPACKAGES
from pathways.redaktion import load_redaktion


def _copy_angebote(tmp_path):
    root = tmp_path / "projekt"
    target = root / "datapackages" / "angebote"
    shutil.copytree(DATAPACKAGES / "angebote", target)
    return root, target


def _edit_cells(path, edits: dict[tuple[int, str], str]) -> None:
    """Set cells by (CSV line, column name); rows are written back the way the import writes."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    for (line, column), value in edits.items():
        rows[line - 1][header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_real_packages_are_valid():
    for name in ("kieze", "angebote", "monitoring"):
        assert validate_package(DATAPACKAGES / name / "datapackage.json", DATAPACKAGES.parent) == []


def test_cell_and_foreign_key_errors_are_located(tmp_path):
    root, target = _copy_angebote(tmp_path)
    kitas = target / "kitas.csv"
    _edit_cells(kitas, {(10, "lat"): "nicht-zahl", (20, "plr_id"): "99999999"})
    problems = validate_package(target / "datapackage.json", root)
    shown = [p.format() for p in problems]
    by_line = {p.line: p for p in problems if p.file == "datapackages/angebote/kitas.csv"}
    assert by_line[10].code == "package-type-error" and by_line[10].field == "lat", shown
    assert by_line[10].column == 11
    assert by_line[20].code == "package-foreign-key", shown
    assert by_line[20].field.startswith("plr_id") and "99999999" in by_line[20].field
    assert all(p.hint for p in problems)


def test_stale_derived_stages_are_reported_once_per_resource(tmp_path):
    root, target = _copy_angebote(tmp_path)
    schulen = target / "schulen.csv"
    text = schulen.read_text(encoding="utf-8").split("\n")
    header = text[0].split(",")
    assert header[3] == "stufen"
    red = load_redaktion()
    assert check_derived_stages(red, root / "datapackages", root) == []
    # Pretend an editor removed the stage `grundschule` from the stage YAML.
    stages = dict(red.stages)
    stages.pop("grundschule")
    red.stages = stages
    problems = check_derived_stages(red, root / "datapackages", root)
    assert problems and {p.code for p in problems} == {"derived-stages-stale"}
    assert all("bildungswege import" in p.hint for p in problems)
    files = {p.file for p in problems}
    assert "datapackages/angebote/schulen.csv" in files
