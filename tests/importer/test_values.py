"""Values are mapped as documented, missing values stay missing, nothing is invented."""

from __future__ import annotations

from collections import Counter

from .helpers import raw_rows, read_rows


def test_mss_invalid_rows_keep_empty_indicators(imported):
    raw = {r["plr_id"]: r for r in raw_rows("mss_2021_planungsraeume.csv")}
    out = {r["plr_id"]: r for r in read_rows(imported / "monitoring" / "mss_2021.csv")}
    invalid = [pid for pid, r in raw.items() if r["gueltig"] != "gültig"]
    assert invalid
    for pid in invalid:
        assert out[pid]["s1"] == "" and out[pid]["si_n"] == "" and out[pid]["sdi_v"] == ""
        assert out[pid]["ew"] == raw[pid]["ew"]


def test_missing_teacher_counts_stay_missing(imported):
    raw_missing = {(r["bsn"], r["schuljahr"]) for r in raw_rows("schulen_schueler_zeitreihe.csv")
                   if r["lehrkraefte_gesamt"] == ""}
    out = read_rows(imported / "monitoring" / "schulen_schueler.csv")
    assert raw_missing
    assert {(r["bsn"], r["schuljahr"]) for r in out if r["lehrkraefte_gesamt"] == ""} == raw_missing


def test_population_has_every_stichtag_and_level_of_the_source(imported):
    raw = Counter((r["stichtag"], r["ebene"]) for r in raw_rows("einwohner_lor_zeitreihe.csv"))
    out = Counter((r["stichtag"], r["ebene"])
                  for r in read_rows(imported / "monitoring" / "einwohner.csv"))
    assert out == raw
    assert out[("2024-12-31", "planungsraum")] == 542


def test_osm_wheelchair_maps_to_barrierefrei(imported):
    expected = {"yes": "ja", "limited": "teilweise", "no": "nein", "": "unbekannt"}
    raw = {f"osm-{r['osm_type']}-{r['osm_id']}": expected[r["wheelchair"]]
           for r in raw_rows("osm_lernorte.csv")}
    for row in read_rows(imported / "angebote" / "osm-lernorte.csv"):
        assert row["barrierefrei"] == raw[row["id"]]


def test_sources_without_accessibility_data_say_unbekannt(imported):
    for resource in ("schulen", "kitas", "jugendfreizeit"):
        values = {r["barrierefrei"] for r in read_rows(imported / "angebote" / f"{resource}.csv")}
        assert values == {"unbekannt"}


def test_private_schools_are_privat_and_not_marked_free(imported):
    raw = {f"schule-{r['bsn']}": r for r in raw_rows("schulen_2024-25.csv")}
    for row in read_rows(imported / "angebote" / "schulen.csv"):
        if raw[row["id"]]["traeger"] == "privat":
            assert row["traeger_art"] == "privat" and row["kosten"] == ""
        assert row["sprachen"] == ""


def test_kita_places_are_copied(imported):
    raw = {f"kita-{r['kita_nr']}": r["plaetze"] for r in raw_rows("kitas_2026-01.csv")}
    for row in read_rows(imported / "angebote" / "kitas.csv"):
        assert row["plaetze"] == raw[row["id"]]


def test_only_the_named_willkommensschule_is_one(imported):
    rows = read_rows(imported / "angebote" / "schulen.csv")
    welcome = [r["name"] for r in rows if r["art"] == "willkommensschule"]
    assert welcome and all("Willkommensschule" in name for name in welcome)
