"""A curated offer placed by `lage_von` must name a packaged offer and share its exact position."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pathways.check.references import unknown_id
from pathways.errors import Problem
from pathways.redaktion import CuratedOffer, Redaktion

# Resources whose rows can lend their position (never the curated offers themselves).
_LENDING_RESOURCES = ("schulen", "kitas", "jugendfreizeit", "osm-lernorte")
_HINT = ("Übernehmen Sie `lat`, `lon` und `plr_id` unverändert aus dieser Zeile von "
         "datapackages/angebote – oder nennen Sie in `lage_von` das Angebot unter derselben "
         "Adresse.")


def check_placements(red: Redaktion, datapackages: Path) -> list[Problem]:
    """Unknown `lage_von` ids and positions that differ from the named offer (skipped without
    the `angebote` package, like the Kiez rules without `kieze`)."""
    placed = [o for o in red.curated_offers if o.lage_von]
    if not placed:
        return []
    positions = packaged_positions(datapackages / "angebote" / "datapackage.json")
    if positions is None:
        return []
    problems = []
    for offer in placed:
        if offer.lage_von not in positions:
            problems.append(unknown_id(red, offer.file, "/lage_von", "lage_von", "offer",
                                       offer.lage_von, positions, "datapackages/angebote"))
        else:
            problems += _differences(red, offer, positions[offer.lage_von])
    return problems


def packaged_positions(descriptor: Path) -> dict[str, dict[str, str]] | None:
    """id -> {lat, lon, plr_id} of every offer that can lend its position; None without package."""
    try:
        meta = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    positions = {}
    for res in meta.get("resources", []):
        if res.get("name") not in _LENDING_RESOURCES:
            continue
        path = descriptor.parent / str(res.get("path", ""))
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                positions[row["id"]] = {k: row.get(k, "") for k in ("lat", "lon", "plr_id")}
    return positions


def _differences(red: Redaktion, offer: CuratedOffer, lender: dict[str, str]) -> list[Problem]:
    problems = []
    for name in ("lat", "lon", "plr_id"):
        have = getattr(offer, name)
        if have is None:
            continue  # malformed: reported by the schema
        want = lender[name]
        same = have == want if name == "plr_id" else _same_number(have, want)
        if not same:
            problems.append(red.problem(
                offer.file, f"/{name}", "position-differs",
                f"`{name}` ist {have}, aber `{offer.lage_von}` (aus `lage_von`) hat {want}.",
                field=name, hint=_HINT))
    return problems


def _same_number(value: object, text: str) -> bool:
    try:
        return abs(float(value) - float(text)) < 1e-9  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
