"""Curated offers (datapackages/redaktion/angebote/*.yaml, via pathways.redaktion) as offer rows."""

from __future__ import annotations

from collections.abc import Callable

from pathways.errors import ProblemsFound
from pathways.importer.sources import REDAKTION
from pathways.redaktion import CuratedOffer, Redaktion

COPIED_FIELDS = ("strasse", "plz", "traeger", "traeger_art", "telefon", "email", "website",
                 "barrierefrei", "kosten", "plaetze")
# Coordinates taken from an OpenStreetMap row stay under the ODbL (DATA_MODEL.md).
OSM_POSITION_LICENCE = "Lage: © OpenStreetMap contributors, ODbL 1.0"


def curated_licence(offer: CuratedOffer) -> str:
    """CC BY 4.0 for the editorial data, plus the ODbL note when the position came from OSM."""
    if offer.lage_von and offer.lage_von.startswith("osm-"):
        return f"{REDAKTION.row_licence}; {OSM_POSITION_LICENCE}"
    return REDAKTION.row_licence


def curated_row(offer: CuratedOffer, base: dict) -> dict:
    """One offers-table row; the type's sektor and age apply unless the editor set them."""
    row = dict(base)
    row.update({"id": offer.offer_id, "name": " ".join(offer.name.split()),
                "lat": _number(offer.lat), "lon": _number(offer.lon),
                "ort": offer.ort or "Berlin", "sprachen": sorted(offer.sprachen),
                "quelle": "redaktion", "lizenz": curated_licence(offer),
                "stand": None if offer.stand is None else str(offer.stand)})
    for name in COPIED_FIELDS:
        value = getattr(offer, name)
        if value is not None:
            row[name] = " ".join(value.split()) if isinstance(value, str) else value
    for name in ("sektor", "alter_von", "alter_bis"):
        if getattr(offer, name) is not None:
            row[name] = getattr(offer, name)
    return row


def curated_rows(red: Redaktion, plr_ids: frozenset[str],
                 base_row: Callable[[str, str], dict]) -> list[dict]:
    """Rows of all curated offers; unknown offer types or Kieze stop the import, naming the file."""
    problems = []
    for o in red.curated_offers:
        if o.art not in red.offer_types:
            problems.append(red.problem(o.file, "/art", "unknown-art",
                                        f"Unbekannte Angebotsart „{o.art}“.", field="art"))
        if o.plr_id not in plr_ids:
            problems.append(red.problem(o.file, "/plr_id", "unknown-kiez",
                                        f"Unbekannter Planungsraum „{o.plr_id}“.", field="plr_id"))
    if problems:
        raise ProblemsFound(problems)
    return [curated_row(o, base_row(o.art, o.plr_id)) for o in red.curated_offers]


def _number(value: float) -> str:
    return f"{float(value):.6f}".rstrip("0").rstrip(".")
