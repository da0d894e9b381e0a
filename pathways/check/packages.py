"""Data package rules: frictionless validation of every package, and derived columns up to date."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pathways.errors import Problem
from pathways.redaktion import STAGE_KIND, Redaktion, display_path

_IMPORT_HINT = "Führen Sie `bildungswege import` aus."
_MAX_ROW_EXAMPLES = 5
_GERMAN_TITLES = {
    "type-error": "Falscher Datentyp",
    "constraint-error": "Regel des Feldes verletzt",
    "foreign-key": "Verweis ins Leere (Fremdschlüssel)",
    "primary-key": "Doppelter Primärschlüssel",
    "unique-error": "Wert muss eindeutig sein",
    "missing-cell": "Zelle fehlt",
    "extra-cell": "Überzählige Zelle",
    "blank-row": "Leere Zeile",
    "incorrect-label": "Falsche Spaltenüberschrift",
    "missing-label": "Spalte fehlt",
    "scheme-error": "Datei nicht lesbar",
    "encoding-error": "Falsche Zeichenkodierung",
    "package-error": "Paketbeschreibung ungültig",
    "resource-error": "Ressourcenbeschreibung ungültig",
    "schema-error": "Tabellenschema ungültig",
}


def package_dirs(datapackages: Path) -> list[Path]:
    """Every `datapackages/*/` holding a `datapackage.json`, sorted."""
    return sorted(p.parent for p in datapackages.glob("*/datapackage.json"))


def check_packages(datapackages: Path, project_root: Path) -> list[Problem]:
    """Frictionless validation of each package, its errors as Problems at CSV line and column."""
    problems = []
    for name in ("kieze", "angebote", "monitoring"):
        if not (datapackages / name / "datapackage.json").is_file():
            problems.append(Problem(display_path(datapackages / name / "datapackage.json",
                                                 project_root), None, None, "package-missing",
                                    f"Das Datenpaket `{name}` fehlt.", hint=_IMPORT_HINT))
    for folder in package_dirs(datapackages):
        problems += validate_package(folder / "datapackage.json", project_root)
    return problems


def validate_package(descriptor: Path, project_root: Path) -> list[Problem]:
    from frictionless import FrictionlessException, validate  # slow import: only when used

    shown = display_path(descriptor, project_root)
    try:
        report = validate(str(descriptor), limit_errors=200)
    except FrictionlessException as err:
        return [Problem(shown, None, None, "package-invalid",
                        f"Das Datenpaket lässt sich nicht lesen: {err.error.message}",
                        hint=_IMPORT_HINT)]
    problems = [_problem(shown, err) for err in report.errors]
    for task in report.tasks:
        where = display_path(descriptor.parent / task.place, project_root) \
            if task.place and not task.place.startswith(("http:", "https:")) else shown
        problems += [_problem(where, err) for err in task.errors]
    return problems


def _problem(file: str, err) -> Problem:
    row = getattr(err, "row_number", None)  # counts the header row: it is the CSV line
    column = getattr(err, "field_number", None)
    field = getattr(err, "field_name", None)
    if field is None and getattr(err, "field_names", None):
        field = ",".join(err.field_names)
        cells = getattr(err, "cells", None) or []
        names = err.field_names
        values = getattr(err, "field_cells", None) or []
        if not values and cells:
            values = cells
        if values and len(values) == len(names):
            field += " = " + ",".join(str(v) for v in values)
    title = _GERMAN_TITLES.get(err.type, err.title)
    cell = getattr(err, "cell", None)
    detail = f"Wert `{cell}`: " if cell not in (None, "") else ""
    note = getattr(err, "note", None) or err.message
    message = f"{title} – {detail}{note}"
    return Problem(file, row, column, f"package-{err.type}", message,
                   field=field, hint=_IMPORT_HINT)


def read_column(descriptor: Path, resource: str, column: str) -> set[str] | None:
    """All values of one column of a tabular resource (None if package or resource is missing)."""
    path = _resource_path(descriptor, resource)
    if path is None or not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        return {row[column] for row in csv.DictReader(fh) if column in row}


def _resource_path(descriptor: Path, resource: str) -> Path | None:
    try:
        meta = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for res in meta.get("resources", []):
        if res.get("name") == resource and isinstance(res.get("path"), str):
            return descriptor.parent / res["path"]
    return None


def check_derived_stages(red: Redaktion, datapackages: Path, project_root: Path) -> list[Problem]:
    """The `stufen` column of every offer must equal the rule applied to the current stage YAML.

    Not judged while a stage file has problems of its own (it cannot be read or fails its schema,
    so its `angebotsarten` are not known): a stale column would only be a follow-up of those.
    """
    if _stage_files_have_problems(red):
        return []
    descriptor = datapackages / "angebote" / "datapackage.json"
    try:
        meta = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # reported by check_packages
    problems = []
    for res in meta.get("resources", []):
        path = descriptor.parent / str(res.get("path", ""))
        if not path.is_file() or path.suffix != ".csv":
            continue
        stale = _stale_rows(red, path)
        if stale:
            line, offer_id, have, want = stale[0]
            examples = ", ".join(f"Zeile {s[0]} ({s[1]})" for s in stale[:_MAX_ROW_EXAMPLES])
            problems.append(Problem(
                display_path(path, project_root), line, None, "derived-stages-stale",
                f"{len(stale)} Angebot(e) haben veraltete Stationen (`stufen`), z. B. {examples}; "
                f"`{offer_id}`: steht „{have}“, aus den Stationen folgt „{want}“.",
                field="stufen", hint="Die Stationen wurden geändert. " + _IMPORT_HINT))
    return problems


def _stage_files_have_problems(red: Redaktion) -> bool:
    folder = display_path(red.root / STAGE_KIND.folder, red.project_root) + "/"
    return any(p.file.startswith(folder) for p in red.problems)


def _stale_rows(red: Redaktion, path: Path) -> list[tuple[int, str, str, str]]:
    stale = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not {"art", "stufen"} <= set(reader.fieldnames or ()):
            return []
        previous_end = reader.line_num
        for row in reader:
            line, previous_end = previous_end + 1, reader.line_num  # quoted cells may span lines
            want = ",".join(red.stages_for_art(row["art"]))
            if row["stufen"] != want:
                stale.append((line, row.get("id", ""), row["stufen"], want))
    return stale
