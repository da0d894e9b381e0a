"""Curated offers (datapackages/redaktion/angebote/*.yaml) as rows of the offers table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pathways.errors import Problem, ProblemsFound
from pathways.paths import ROOT
from pathways.yamlload import LoadedYaml, load_yaml_file

if TYPE_CHECKING:
    from pathways.importer.offers import Context

REQUIRED = ("id", "name", "art", "lat", "lon", "plr_id")
TEXT_FIELDS = ("strasse", "plz", "ort", "traeger", "traeger_art", "telefon", "email", "website",
               "barrierefrei", "kosten")


def curated_offers(directory: Path, ctx: Context) -> list[dict]:
    """Rows for every curated offer; any unusable file stops the import with all problems."""
    from pathways.importer.offers import base_row

    rows, problems = [], []
    for path in sorted(directory.glob("*.yaml")):
        loaded = load_yaml_file(path, _display(path))
        problems.extend(loaded.problems)
        if loaded.data is None or loaded.problems:
            continue
        row, row_problems = _offer_row(loaded, ctx, base_row)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise ProblemsFound(problems)
    return rows


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _offer_row(loaded: LoadedYaml, ctx: Context, base_row) -> tuple[dict | None, list[Problem]]:
    data: dict[str, Any] = loaded.data or {}
    missing = [name for name in REQUIRED if data.get(name) in (None, "")]
    problems = [loaded.problem("", "missing-field", f"Pflichtfeld „{name}“ fehlt.", field=name)
                for name in missing]
    art = data.get("art")
    if art is not None and art not in ctx.types:
        problems.append(loaded.problem(
            "/art", "unknown-art", f"Unbekannte Angebotsart „{art}“.", field="art",
            hint="IDs stehen in vokabular/angebotsarten.yaml"))
    plr_id = str(data.get("plr_id") or "")
    if plr_id and plr_id not in ctx.plr_ids:
        problems.append(loaded.problem("/plr_id", "unknown-kiez",
                                       f"Unbekannter Planungsraum „{plr_id}“.", field="plr_id"))
    if problems:
        return None, problems
    row = base_row(ctx, art, plr_id)
    raw_id = str(data["id"]).removeprefix("redaktion-")
    row.update({"id": f"redaktion-{raw_id}", "name": str(data["name"]),
                "lat": str(data["lat"]), "lon": str(data["lon"]), "ort": "Berlin"})
    for name in TEXT_FIELDS:
        if data.get(name) not in (None, ""):
            row[name] = " ".join(str(data[name]).split())
    alter = data.get("alter")
    if isinstance(alter, dict):
        row["alter_von"], row["alter_bis"] = alter.get("von"), alter.get("bis")
    if data.get("plaetze") is not None:
        row["plaetze"] = data["plaetze"]
    if isinstance(data.get("sprachen"), list):
        row["sprachen"] = sorted(str(s) for s in data["sprachen"])
    stand = data.get("stand") or data.get("last_verified")
    row.update({"quelle": "redaktion", "lizenz": "CC BY 4.0",
                "stand": stand.isoformat() if isinstance(stand, dt.date) else str(stand or "")})
    if not row["stand"]:
        return None, [loaded.problem("", "missing-field", "Pflichtfeld „stand“ oder "
                                     "„last_verified“ fehlt.", field="stand")]
    return row, []
