"""Every source row arrives (or is left out by the documented OSM rule) and every FK resolves."""

from __future__ import annotations

import pandas as pd

from pathways import paths

from .helpers import raw_rows, read_rows


def test_lor_levels_have_as_many_rows_as_the_sources(imported):
    for resource, raw in [("bezirke", "bezirke.csv"),
                          ("prognoseraeume", "lor_2021_prognoseraeume.csv"),
                          ("bezirksregionen", "lor_2021_bezirksregionen.csv"),
                          ("planungsraeume", "lor_2021_planungsraeume.csv")]:
        assert len(read_rows(imported / "kieze" / f"{resource}.csv")) == len(raw_rows(raw))
    assert len(read_rows(imported / "kieze" / "planungsraeume.csv")) == 542


def test_schools_kitas_and_youth_facilities_all_arrive(imported):
    for resource, raw, expected in [
        ("schulen", "schulen_2024-25.csv", 925),
        ("kitas", "kitas_2026-01.csv", 2893),
        ("jugendfreizeit", "jugendfreizeiteinrichtungen_2022-12.csv", 407),
    ]:
        rows = read_rows(imported / "angebote" / f"{resource}.csv")
        assert len(rows) == len(raw_rows(raw)) == expected


def _independently_excluded(osm: pd.DataFrame) -> pd.Series:
    """The rule of docs/IMPORT.md, restated on the raw table with plain string tests."""
    community = osm["category"] == "gemeinschaftszentrum"
    subtyp = osm["osm_subtyp"]
    club_home = subtyp.str.contains("community_centre=club_home")
    religious = subtyp.str.contains(r"community_centre:for=[^ ]*religious", regex=True)
    events_only = subtyp.str.fullmatch(r"community_centre=events_venue(; community_centre:for=.*)?")
    return community & (club_home | religious | events_only)


def test_osm_places_minus_the_documented_exclusions(imported):
    osm = pd.read_csv(paths.RAW_SOURCES / "osm_lernorte.csv", dtype=str, keep_default_na=False)
    excluded = _independently_excluded(osm)
    rows = read_rows(imported / "angebote" / "osm-lernorte.csv")
    assert len(osm) == 1167
    assert 0 < excluded.sum() < 200
    assert len(rows) == len(osm) - excluded.sum()
    kept_ids = {r["id"] for r in rows}
    for _, r in osm[excluded].iterrows():
        assert f"osm-{r.osm_type}-{r.osm_id}" not in kept_ids


def test_excluded_counts_in_the_descriptor_match_the_data(imported):
    osm = pd.read_csv(paths.RAW_SOURCES / "osm_lernorte.csv", dtype=str, keep_default_na=False)
    excluded = _independently_excluded(osm)
    description = (imported / "angebote" / "datapackage.json").read_text(encoding="utf-8")
    club = (excluded & osm.osm_subtyp.str.contains("club_home")).sum()
    assert f"club_home: Sport-, Kleingarten- und andere Vereinshäuser): {club}" in description


def test_every_offer_lies_in_a_known_kiez_and_ids_are_unique(imported):
    kieze = {r["plr_id"]: r for r in read_rows(imported / "kieze" / "planungsraeume.csv")}
    seen = set()
    for resource in ("schulen", "kitas", "jugendfreizeit", "osm-lernorte", "redaktion"):
        for row in read_rows(imported / "angebote" / f"{resource}.csv"):
            assert row["plr_id"] in kieze, (resource, row["id"])
            assert row["bzr_id"] == kieze[row["plr_id"]]["bzr_id"]
            assert row["id"] not in seen
            seen.add(row["id"])


def test_kiez_copy_in_angebote_equals_kieze(imported):
    copy = [r["plr_id"] for r in read_rows(imported / "angebote" / "planungsraeume.csv")]
    original = [r["plr_id"] for r in read_rows(imported / "kieze" / "planungsraeume.csv")]
    assert copy == original
