"""Render problems for people (one line each, German) and for tools (a JSON list)."""

from __future__ import annotations

import json

from pathways.errors import Problem

JSON_FIELDS = ("file", "line", "column", "field", "code", "message", "hint")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Stable order: by file, then position (unlocated first), then code; duplicates dropped."""
    unique = {(p.file, p.line, p.column, p.code, p.message, p.field): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.file, p.line or 0, p.column or 0, p.code,
                                                  p.message))


def render_text(problems: list[Problem]) -> str:
    lines = [p.format() for p in problems]
    files = len({p.file for p in problems})
    if problems:
        lines.append(f"{len(problems)} Problem(e) in {files} Datei(en) gefunden.")
    else:
        lines.append("Keine Probleme gefunden.")
    return "\n".join(lines) + "\n"


def render_json(problems: list[Problem]) -> str:
    rows = [{key: p.to_dict()[key] for key in JSON_FIELDS} for p in problems]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
