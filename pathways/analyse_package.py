"""Write the all-Kieze analysis table as a Frictionless v2 data package (deterministic bytes)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pathways.analyse import TABLE_COLUMNS
from pathways.atomic import replace_directory, write_text
from pathways.importer.package import licence_entry
from pathways.importer.sources import ODBL, UNKNOWN

RESOURCE = "kiez_analyse"
INPUTS = (
    "Eingangsdaten: angebote (Schulen dl-de/zero-2.0 nicht verifiziert; Kitas CC BY 3.0 DE; "
    "Jugendfreizeiteinrichtungen Lizenz unbekannt, nicht verifiziert; OSM-Lernorte ODbL 1.0, "
    "© OpenStreetMap contributors), kieze (CC BY 3.0 DE, Amt für Statistik Berlin-Brandenburg), "
    "monitoring (Einwohner CC BY 3.0 DE; Schülerzahlen siehe monitoring/datapackage.json), "
    "redaktion (CC BY 4.0, Bildungswege Berlin)."
)


# The table is derived in part from the OpenStreetMap database, so it is a derivative database
# under the ODbL (share-alike); some inputs (youth-centre places, pupil counts) have a licence
# nobody could verify, so we do not claim a licence for those parts either.
LICENCES = [licence_entry(ODBL), licence_entry(UNKNOWN)]
ATTRIBUTION = ("Bildungswege Berlin; © OpenStreetMap contributors (ODbL 1.0); Amt für "
               "Statistik Berlin-Brandenburg (CC BY 3.0 DE); Senatsverwaltung für Bildung, "
               "Jugend und Familie")
LICENCE_NOTE = ("Lizenz: abgeleitete Datenbank aus OpenStreetMap-Daten, daher ODbL 1.0 "
                "(© OpenStreetMap contributors); Werte aus Eingangsdaten mit unbekannter Lizenz "
                "(Jugendfreizeiteinrichtungen, Schülerzahlen) bleiben nicht verifiziert. ")


def table_csv(table: pd.DataFrame) -> str:
    """CSV text: fixed column order, rows by plr_id, empty cell = keine Angabe, \\n line ends."""
    out = table.sort_values("plr_id").copy()
    for column in TABLE_COLUMNS:
        if column.type == "integer":
            out[column.name] = out[column.name].astype("Int64")
    out["lebenslauf_moeglich"] = out["lebenslauf_moeglich"].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n", na_rep="")


def descriptor() -> dict:
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "analyse",
        "title": "Kiez-Analyse: Lücken, Beratung, Angebot und Nachfrage, kritische Übergänge",
        "description": "Abgeleitet mit dem Befehl „bildungswege analyse --alle“ für alle "
        "542 Planungsräume. Leere Zellen = keine Angabe (nie 0). " + LICENCE_NOTE + INPUTS,
        "licenses": LICENCES,
        "resources": [{
            "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
            "name": RESOURCE, "type": "table", "path": f"{RESOURCE}.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "title": "Kiez-Analyse je Planungsraum",
            "licenses": LICENCES,
            "sources": [{"title": "Bildungswege Berlin, abgeleitet aus den Paketen angebote, "
                         "kieze, monitoring und redaktion"}],
            "attribution": ATTRIBUTION,
            "schema": {
                "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
                "fields": [{"name": c.name, "type": c.type, "description": c.description}
                           for c in TABLE_COLUMNS],
                "primaryKey": ["plr_id"],
                "missingValues": [""],
            },
        }],
    }


def write_package(table: pd.DataFrame, target: Path) -> None:
    with replace_directory(target) as staging:
        write_text(staging / f"{RESOURCE}.csv", table_csv(table))
        write_text(staging / "datapackage.json",
                   json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n")
