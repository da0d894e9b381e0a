"""pathways.load: DataFrames with string ids, lists for stages, nulls kept, fast."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from pathways import load


@pytest.fixture(autouse=True)
def _fresh_cache():
    load.clear_cache()
    yield
    load.clear_cache()


def test_kieze_have_hierarchy_names_and_centroids():
    kieze = load.load_kieze()
    assert len(kieze) == 542 and kieze["plr_id"].is_unique
    assert kieze["plr_id"].map(len).eq(8).all()
    assert (kieze["plr_id"].str[:6] == kieze["bzr_id"]).all()
    assert kieze[["bzr_name", "pgr_name", "bez_name"]].notna().all().all()
    assert kieze["lat"].between(52.33, 52.68).all() and kieze["lon"].between(13.08, 13.77).all()
    assert len(load.load_bezirke()) == 12 and len(load.load_bezirksregionen()) == 143


def test_offers_concatenate_every_resource_quickly():
    start = time.perf_counter()
    offers = load.load_offers()
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert offers["id"].is_unique
    assert set(offers["ressource"]) >= {"schulen", "kitas", "jugendfreizeit", "osm-lernorte"}
    assert offers["plr_id"].isin(set(load.load_kieze()["plr_id"])).all()
    assert all(isinstance(v, list) for v in offers["stufen"])
    assert all(isinstance(v, list) for v in offers["sprachen"])
    assert offers["lat"].dtype == "float64"


def test_offers_are_copies_callers_may_change():
    first = load.load_offers()
    first.loc[0, "name"] = "geändert"
    first.loc[0, "stufen"].append("x")
    second = load.load_offers()
    assert second.loc[0, "name"] != "geändert" and "x" not in second.loc[0, "stufen"]


def test_population_defaults_to_the_latest_stichtag():
    latest = load.load_population()
    assert set(latest["stichtag"]) == {load.load_population_series()["stichtag"].max()}
    assert (latest["ebene"] == "planungsraum").sum() == 542
    berlin = latest[latest["ebene"] == "berlin"]
    plr = latest[latest["ebene"] == "planungsraum"]
    assert berlin["einwohner"].iloc[0] == plr["einwohner"].sum()
    with pytest.raises(ValueError):
        load.load_population("1999-12-31")


def test_missing_values_stay_missing():
    mss = load.load_mss()
    invalid = mss[mss["gueltig"] != "gültig"]
    assert len(invalid) > 0 and invalid["s1"].isna().all() and invalid["si_n"].isna().all()
    stats = load.load_school_stats()
    assert stats["lehrkraefte_gesamt"].isna().any()
    assert stats["bsn"].map(type).eq(str).all()


def test_neighbours_and_geometry():
    neighbours = load.load_neighbours()
    assert set(neighbours["plr_id"]) == set(load.load_kieze()["plr_id"])
    geometry = load.load_geometry("planungsraeume")
    assert len(geometry["features"]) == 542
    assert len(load.load_geometry("bezirke")["features"]) == 12
    with pytest.raises(ValueError):
        load.load_geometry("laender")


def test_root_override_reads_another_tree(tmp_path):
    import shutil

    from pathways import paths
    shutil.copytree(paths.DATAPACKAGES / "kieze", tmp_path / "kieze")
    bez = pd.read_csv(tmp_path / "kieze" / "bezirke.csv", dtype=str)
    bez.iloc[:1].to_csv(tmp_path / "kieze" / "bezirke.csv", index=False)
    assert len(load.load_bezirke(root=tmp_path)) == 1
    assert len(load.load_bezirke()) == 12
