"""File-level rules of the Redaktion tree: only `*.yaml` files, and each file named after its id."""

from __future__ import annotations

from pathlib import Path

from pathways.errors import Problem
from pathways.redaktion import ENTITY_KINDS, Redaktion, display_path

_IGNORED = {".gitkeep", "README.md"}


def check_files(red: Redaktion, project_root: Path) -> list[Problem]:
    return [*_stray_files(red.root, project_root), *_names_match_ids(red)]


def _stray_files(root: Path, project_root: Path) -> list[Problem]:
    """Files the loader would silently skip (wrong extension, sub-folders) are reported."""
    problems = []
    for kind in ENTITY_KINDS:
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name in _IGNORED or (path.is_file() and path.suffix == ".yaml"):
                continue
            hint = ("Benennen Sie die Datei in `.yaml` um." if path.suffix in {".yml", ".YAML"}
                    else "Nur `.yaml`-Dateien werden gelesen; verschieben oder löschen Sie sie.")
            problems.append(Problem(display_path(path, project_root), None, None,
                                    "unexpected-file",
                                    f"Unerwartete Datei in `{kind.folder}/` wird nicht gelesen.",
                                    hint=hint))
    return problems


def _names_match_ids(red: Redaktion) -> list[Problem]:
    records = [*red.stages.values(), *red.transitions, *red.services.values(),
               *red.curated_offers]
    problems = []
    for record in records:
        stem = Path(record.file).stem
        if stem != record.id and not red.field_unknown(record, "id"):
            problems.append(red.problem(
                record.file, "/id", "id-filename-mismatch",
                f"Die Kennung `{record.id}` passt nicht zum Dateinamen `{stem}.yaml`.",
                field="id", hint=f"Benennen Sie die Datei in `{record.id}.yaml` um oder "
                f"ändern Sie die Kennung in `{stem}`."))
    return problems
