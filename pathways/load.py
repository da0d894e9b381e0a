"""Read the Frictionless packages in datapackages/ into pandas DataFrames (cached, ids as str)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from pathways import paths

OFFER_RESOURCES = ("schulen", "kitas", "jugendfreizeit", "osm-lernorte", "redaktion")
LIST_COLUMNS = ("stufen", "sprachen")
GEOMETRY_LEVELS = ("bezirke", "prognoseraeume", "bezirksregionen", "planungsraeume")
ID_COLUMNS = ("id", "plr_id", "bzr_id", "pgr_id", "bez_id", "nachbar_plr_id", "bsn", "ags",
              "zeit", "plz", "telefon", "stichtag", "schuljahr")


def _root(root: Path | None) -> Path:
    return Path(root) if root is not None else paths.DATAPACKAGES


@lru_cache(maxsize=64)
def _read_csv(path: Path) -> pd.DataFrame:
    """A resource CSV; identifier-like columns stay strings, empty cells become missing."""
    header = path.open(encoding="utf-8").readline().strip().split(",")
    dtypes = {name: "string" for name in header if name in ID_COLUMNS}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])


def _table(package: str, resource: str, root: Path | None) -> pd.DataFrame:
    return _read_csv(_root(root) / package / f"{resource}.csv").copy()


def load_kieze(root: Path | None = None) -> pd.DataFrame:
    """The 542 Planungsräume with Bezirksregion, Prognoseraum, Bezirk (ids, names) and centroid."""
    plr = _table("kieze", "planungsraeume", root)
    bzr = _table("kieze", "bezirksregionen", root)[["bzr_id", "bzr_name"]]
    pgr = _table("kieze", "prognoseraeume", root)[["pgr_id", "pgr_name"]]
    bez = _table("kieze", "bezirke", root)[["bez_id", "bez_name"]]
    out = plr.merge(bzr, on="bzr_id", how="left").merge(pgr, on="pgr_id", how="left")
    return out.merge(bez, on="bez_id", how="left")


def load_bezirke(root: Path | None = None) -> pd.DataFrame:
    return _table("kieze", "bezirke", root)


def load_prognoseraeume(root: Path | None = None) -> pd.DataFrame:
    return _table("kieze", "prognoseraeume", root)


def load_bezirksregionen(root: Path | None = None) -> pd.DataFrame:
    return _table("kieze", "bezirksregionen", root)


def load_neighbours(root: Path | None = None) -> pd.DataFrame:
    """Pairs of neighbouring Kieze (both directions): plr_id, nachbar_plr_id, grenze_m."""
    return _table("kieze", "nachbarn", root)


@lru_cache(maxsize=8)
def _offers(root: Path) -> pd.DataFrame:
    frames = []
    for name in OFFER_RESOURCES:
        frame = _read_csv(root / "angebote" / f"{name}.csv").copy()
        frame.insert(1, "ressource", name)
        frames.append(frame)
    offers = pd.concat(frames, ignore_index=True)
    for column in LIST_COLUMNS:
        offers[column] = [[] if pd.isna(v) else str(v).split(",") for v in offers[column]]
    for column in ("alter_von", "alter_bis", "plaetze"):
        offers[column] = offers[column].astype("Int64")
    for column in ("lat", "lon"):
        offers[column] = offers[column].astype("float64")
    return offers


def load_offers(root: Path | None = None) -> pd.DataFrame:
    """All offers of every licence in one frame; `ressource` names the resource (= licence).

    `stufen` and `sprachen` are lists (empty = none / keine Angabe); missing values are <NA>.
    """
    offers = _offers(_root(root)).copy()
    for column in LIST_COLUMNS:
        offers[column] = [list(v) for v in offers[column]]
    return offers


def load_population(stichtag: str | None = None, root: Path | None = None) -> pd.DataFrame:
    """Population by LOR level for one Stichtag (default: the latest, 2024-12-31).

    Use `load_population_series()` for all half-years since 2015.
    """
    series = load_population_series(root)
    day = stichtag or series["stichtag"].max()
    if day not in set(series["stichtag"]):
        raise ValueError(f"Kein Stichtag {day} in monitoring/einwohner")
    return series[series["stichtag"] == day].reset_index(drop=True)


def load_population_series(root: Path | None = None) -> pd.DataFrame:
    return _table("monitoring", "einwohner", root)


def load_mss(root: Path | None = None) -> pd.DataFrame:
    """MSS 2021 per Planungsraum; invalid Planungsräume have missing indicators (never 0)."""
    mss = _table("monitoring", "mss_2021", root)
    for column in ("si_n", "di_n", "sdi_n"):
        mss[column] = mss[column].astype("Int64")
    return mss


def load_school_stats(root: Path | None = None) -> pd.DataFrame:
    """Pupils and teachers per school (bsn) and school year; missing teacher counts are <NA>."""
    stats = _table("monitoring", "schulen_schueler", root)
    stats["lehrkraefte_gesamt"] = stats["lehrkraefte_gesamt"].astype("Int64")
    return stats


@lru_cache(maxsize=8)
def _geometry_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_geometry(level: str = "planungsraeume", root: Path | None = None) -> dict:
    """GeoJSON FeatureCollection of one LOR level (simplified; for maps, not point-in-polygon)."""
    if level not in GEOMETRY_LEVELS:
        raise ValueError(f"Unbekannte Ebene {level!r}; erlaubt: {', '.join(GEOMETRY_LEVELS)}")
    return json.loads(_geometry_text(_root(root) / "kieze" / f"{level}.geojson"))


def clear_cache() -> None:
    """Forget cached tables (after a re-import in the same process)."""
    _read_csv.cache_clear()
    _offers.cache_clear()
    _geometry_text.cache_clear()
