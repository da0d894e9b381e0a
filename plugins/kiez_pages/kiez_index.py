"""The Kiez finder's list /data/kieze-index.json: each Kiez with Bezirk, Bezirksregion, postcodes.

Postcodes are not part of the LOR data: a Kiez gets the postcodes of its offers' addresses
("PLZ aus Adressen der Angebote"), so a Kiez without an addressed offer has none.
"""

from __future__ import annotations

import re

import pandas as pd

PLZ_NOTE = "PLZ aus Adressen der Angebote"
_PLZ = re.compile(r"^1[0-4]\d{3}$")  # Berlin postcodes 10115..14199


def postcodes_by_kiez(offers: pd.DataFrame) -> dict[str, list[str]]:
    """Sorted distinct Berlin postcodes of the offers' addresses, per plr_id."""
    found: dict[str, set[str]] = {}
    for plr_id, plz in zip(offers["plr_id"], offers["plz"], strict=True):
        if pd.notna(plr_id) and pd.notna(plz) and _PLZ.match(str(plz)):
            found.setdefault(str(plr_id), set()).add(str(plz))
    return {plr_id: sorted(codes) for plr_id, codes in found.items()}


def kieze_index(kieze: pd.DataFrame, offers: pd.DataFrame, kiez_url) -> dict:
    """JSON-ready index in the format theme/static/js/kiezfinder.js reads, sorted by name, URL."""
    postcodes = postcodes_by_kiez(offers)
    entries = [
        {
            "id": row.plr_id,
            "name": row.plr_name,
            "bezirksregion": row.bzr_name,
            "bezirk": row.bez_name,
            "plz": postcodes.get(row.plr_id, []),
            "url": kiez_url(row.plr_id),
        }
        for row in kieze.itertuples()
    ]
    return {"plz_quelle": PLZ_NOTE, "kieze": sorted(entries, key=lambda e: (e["name"], e["url"]))}
