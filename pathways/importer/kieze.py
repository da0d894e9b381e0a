"""Package `kieze`: the LOR 2021 hierarchy (12/58/143/542), its geometry and the neighbours."""

from __future__ import annotations

import json
from pathlib import Path

from shapely.geometry import shape

from pathways.importer import neighbours
from pathways.importer.package import (
    Row,
    csv_bytes,
    data_package,
    field,
    file_resource,
    foreign_key,
    table_schema,
    tabular_resource,
)
from pathways.importer.sources import LOR, read_csv

BEZ_PATTERN = "^(0[1-9]|1[0-2])$"
PGR_PATTERN = "^(0[1-9]|1[0-2])[0-9]{2}$"
BZR_PATTERN = "^(0[1-9]|1[0-2])[0-9]{4}$"
PLR_PATTERN = "^(0[1-9]|1[0-2])[0-9]{6}$"

GEOMETRY_FILES = {
    "bezirke": "bezirke.geojson",
    "prognoseraeume": "lor_2021_prognoseraeume.geojson",
    "bezirksregionen": "lor_2021_bezirksregionen.geojson",
    "planungsraeume": "lor_2021_planungsraeume.geojson",
}
LEVEL_TITLES = {"bezirke": "Bezirke", "prognoseraeume": "Prognoseräume",
                "bezirksregionen": "Bezirksregionen", "planungsraeume": "Planungsräume"}


def bez_id_field(description: str = "Bezirksnummer (2-stellig)", **kw) -> dict:
    return field("bez_id", "string", description, pattern=BEZ_PATTERN, required=True, **kw)


def pgr_id_field(description: str = "Prognoseraum-ID (4-stellig, beginnt mit bez_id)",
                 **kw) -> dict:
    return field("pgr_id", "string", description, pattern=PGR_PATTERN, required=True, **kw)


def bzr_id_field(description: str = "Bezirksregion-ID (6-stellig, beginnt mit pgr_id)",
                 **kw) -> dict:
    return field("bzr_id", "string", description, pattern=BZR_PATTERN, required=True, **kw)


def plr_id_field(description: str = "Planungsraum-ID (8-stellig, beginnt mit bzr_id)",
                 **kw) -> dict:
    return field("plr_id", "string", description, pattern=PLR_PATTERN, required=True, **kw)


def _area_field() -> dict:
    return field("area_m2", "integer", "Fläche in Quadratmetern (amtliche Fläche laut Quelle)",
                 required=True, minimum=1)


def _count_field(name: str, what: str) -> dict:
    return field(name, "integer", f"Anzahl der {what}", required=True, minimum=1)


def build(raw_dir: Path) -> tuple[dict, dict[str, bytes]]:
    """Descriptor and file contents of the kieze package."""
    tables = {
        "bezirke": _bezirke(raw_dir),
        "prognoseraeume": _prognoseraeume(raw_dir),
        "bezirksregionen": _bezirksregionen(raw_dir),
        "planungsraeume": _planungsraeume(raw_dir),
        "nachbarn": _nachbarn(raw_dir),
    }
    files: dict[str, bytes] = {}
    resources = []
    for name, (title, description, fields, pk, fks, rows) in tables.items():
        schema = table_schema(fields, pk, fks)
        resources.append(tabular_resource(name, title, description, [LOR], schema))
        files[f"{name}.csv"] = csv_bytes(fields, rows)
    for level, raw_name in GEOMETRY_FILES.items():
        path = f"{level}.geojson"
        files[path] = (raw_dir / raw_name).read_bytes()
        resources.append(file_resource(
            f"{level}-geometrie", path, f"Geometrie der {LEVEL_TITLES[level]} (GeoJSON)",
            f"Vereinfachte Umringe der {LEVEL_TITLES[level]} (LOR 2021) in WGS84, "
            "Douglas-Peucker 2 m, Koordinaten auf 5 Nachkommastellen; Nachbarflächen können "
            "Lücken/Überlappungen bis ca. 2 m haben. Für Karten, nicht für genaue "
            "Punkt-in-Polygon-Zuordnung.", [LOR], "application/geo+json", "geojson"))
    descriptor = data_package(
        "kieze", "Kieze: Lebensweltlich orientierte Räume (LOR 2021) in Berlin",
        "Die räumliche Gliederung Berlins nach LOR 2021: 12 Bezirke, 58 Prognoseräume, "
        "143 Bezirksregionen und 542 Planungsräume (Kieze), mit Flächen, Schwerpunkten, "
        "Geometrie und den Nachbarschaften der Planungsräume.", resources)
    return descriptor, files


def _int(value: str) -> int:
    return int(value)


def _bezirke(raw: Path):
    fields = [
        bez_id_field(unique=True),
        field("bez_name", "string", "Name des Bezirks", required=True),
        field("ags", "string", "Amtlicher Gemeindeschlüssel (11000xxx)", required=True,
              pattern="^11000(0[0-9][1-9]|01[0-2])$"),
        _area_field(),
        _count_field("n_prognoseraeume", "Prognoseräume im Bezirk"),
        _count_field("n_bezirksregionen", "Bezirksregionen im Bezirk"),
        _count_field("n_planungsraeume", "Planungsräume im Bezirk"),
    ]
    rows = [{**r, **{k: _int(r[k]) for k in ("area_m2", "n_prognoseraeume",
                                             "n_bezirksregionen", "n_planungsraeume")}}
            for r in read_csv(raw, "bezirke.csv")]
    return ("Bezirke", "Die 12 Berliner Bezirke (LOR 2021; Fläche = Summe der Planungsräume).",
            fields, ["bez_id"], [], sorted(rows, key=lambda r: r["bez_id"]))


def _prognoseraeume(raw: Path):
    fields = [
        pgr_id_field(unique=True),
        field("pgr_name", "string", "Name des Prognoseraums", required=True),
        bez_id_field("Bezirk, in dem der Prognoseraum liegt"),
        _area_field(),
        _count_field("n_bezirksregionen", "Bezirksregionen im Prognoseraum"),
        _count_field("n_planungsraeume", "Planungsräume im Prognoseraum"),
    ]
    rows = [{**r, **{k: _int(r[k]) for k in ("area_m2", "n_bezirksregionen", "n_planungsraeume")}}
            for r in read_csv(raw, "lor_2021_prognoseraeume.csv")]
    return ("Prognoseräume", "Die 58 Prognoseräume (LOR 2021).", fields, ["pgr_id"],
            [foreign_key("bez_id", "bezirke", "bez_id")], sorted(rows, key=lambda r: r["pgr_id"]))


def _bezirksregionen(raw: Path):
    fields = [
        bzr_id_field(unique=True),
        field("bzr_name", "string", "Name der Bezirksregion", required=True),
        pgr_id_field("Prognoseraum, in dem die Bezirksregion liegt"),
        bez_id_field("Bezirk, in dem die Bezirksregion liegt"),
        _area_field(),
        _count_field("n_planungsraeume", "Planungsräume in der Bezirksregion"),
    ]
    rows = [{**r, **{k: _int(r[k]) for k in ("area_m2", "n_planungsraeume")}}
            for r in read_csv(raw, "lor_2021_bezirksregionen.csv")]
    return ("Bezirksregionen", "Die 143 Bezirksregionen (LOR 2021).", fields, ["bzr_id"],
            [foreign_key("pgr_id", "prognoseraeume", "pgr_id"),
             foreign_key("bez_id", "bezirke", "bez_id")],
            sorted(rows, key=lambda r: r["bzr_id"]))


def _centroids(raw: Path) -> dict[str, tuple[str, str]]:
    """Area centroid of each Planungsraum polygon, lat/lon as 6-decimal strings.

    Computed in degrees: an equirectangular projection is affine, so the centroid is the same.
    """
    data = json.loads((raw / GEOMETRY_FILES["planungsraeume"]).read_text(encoding="utf-8"))
    out = {}
    for feature in data["features"]:
        c = shape(feature["geometry"]).centroid
        out[feature["properties"]["plr_id"]] = (f"{c.y:.6f}", f"{c.x:.6f}")
    return out


def _planungsraeume(raw: Path):
    fields = [
        plr_id_field(unique=True),
        field("plr_name", "string", "Name des Planungsraums (Kiez), wie von GDI Berlin/ODIS "
              "veröffentlicht", required=True),
        bzr_id_field("Bezirksregion, in der der Planungsraum liegt"),
        pgr_id_field("Prognoseraum, in dem der Planungsraum liegt"),
        bez_id_field("Bezirk, in dem der Planungsraum liegt"),
        _area_field(),
        field("lat", "number", "Geografische Breite des Flächenschwerpunkts (WGS84), berechnet "
              "aus der vereinfachten Geometrie", required=True, minimum=52.33, maximum=52.68),
        field("lon", "number", "Geografische Länge des Flächenschwerpunkts (WGS84), berechnet "
              "aus der vereinfachten Geometrie", required=True, minimum=13.08, maximum=13.77),
    ]
    centroids = _centroids(raw)
    rows: list[Row] = []
    for r in read_csv(raw, "lor_2021_planungsraeume.csv"):
        lat, lon = centroids[r["plr_id"]]
        rows.append({"plr_id": r["plr_id"], "plr_name": r["plr_name"], "bzr_id": r["bzr_id"],
                     "pgr_id": r["pgr_id"], "bez_id": r["bez_id"], "area_m2": _int(r["area_m2"]),
                     "lat": lat, "lon": lon})
    return ("Planungsräume (Kieze)", "Die 542 Planungsräume (LOR 2021, Stand 01.01.2021) mit "
            "Zugehörigkeit zu Bezirksregion, Prognoseraum und Bezirk.", fields, ["plr_id"],
            [foreign_key("bzr_id", "bezirksregionen", "bzr_id"),
             foreign_key("pgr_id", "prognoseraeume", "pgr_id"),
             foreign_key("bez_id", "bezirke", "bez_id")],
            sorted(rows, key=lambda r: r["plr_id"]))


def _nachbarn(raw: Path):
    data = json.loads((raw / GEOMETRY_FILES["planungsraeume"]).read_text(encoding="utf-8"))
    pairs = neighbours.shared_boundaries(data["features"])
    fields = [
        plr_id_field("Planungsraum"),
        field("nachbar_plr_id", "string", "Benachbarter Planungsraum (8-stellige ID)",
              pattern=PLR_PATTERN, required=True),
        field("grenze_m", "integer", "Länge der gemeinsamen Grenze in Metern (gerundet; aus der "
              "vereinfachten Geometrie mit Toleranz berechnet)", required=True,
              minimum=int(neighbours.MIN_SHARED_M)),
    ]
    rows = [{"plr_id": a, "nachbar_plr_id": b, "grenze_m": m} for a, b, m in pairs]
    description = (
        "Paare benachbarter Planungsräume, in beiden Richtungen gespeichert. Berechnet aus der "
        "vereinfachten Geometrie (lokale Projektion in Metern, Puffer "
        f"{neighbours.TOLERANCE_M:g} m wegen Lücken/Überlappungen bis ca. 2 m); als Nachbarn "
        f"gelten Paare mit mindestens {neighbours.MIN_SHARED_M:g} m gemeinsamer Grenze.")
    return ("Nachbarschaften der Planungsräume", description, fields,
            ["plr_id", "nachbar_plr_id"],
            [foreign_key("plr_id", "planungsraeume", "plr_id"),
             foreign_key("nachbar_plr_id", "planungsraeume", "plr_id")], rows)


def kiez_reference_rows(raw: Path) -> list[Row]:
    """plr_id with its parents and name, sorted: the reference list other packages check against."""
    rows = [{k: r[k] for k in ("plr_id", "bzr_id", "bez_id", "plr_name")}
            for r in read_csv(raw, "lor_2021_planungsraeume.csv")]
    return sorted(rows, key=lambda r: r["plr_id"])
