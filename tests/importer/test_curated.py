"""Curated offers from editor YAML become rows of the `redaktion` resource with derived fields."""

from __future__ import annotations

import pytest

from pathways import paths
from pathways.errors import ProblemsFound
from pathways.importer.build import run_import
from pathways.load import load_offers
from pathways.redaktion import load_redaktion

from .conftest import fresh_tree
from .helpers import raw_rows, read_rows


def _vhs_yaml(plr_id: str | None = None) -> tuple[str, dict]:
    """A curated VHS built from the real row of the school list (no invented facts)."""
    vhs = next(r for r in raw_rows("schulen_2024-25.csv") if r["schulart"] == "Volkshochschule")
    text = (
        f"id: vhs-{vhs['bsn'].lower()}\n"
        f"name: \"{vhs['name']}\"\n"
        "art: volkshochschule\n"
        f"strasse: \"{vhs['strasse']} {vhs['hausnr']}\"\n"
        f"plz: \"{vhs['plz']}\"\n"
        f"lat: {vhs['lat']}\n"
        f"lon: {vhs['lon']}\n"
        f"plr_id: \"{plr_id or vhs['plr_id']}\"\n"
        "quellen:\n"
        "  - titel: Schulverzeichnis Berlin 2024/25\n"
        "    url: https://www.bildung.berlin.de/Schulverzeichnis/\n"
        "stand: \"2025-06-01\"\n"
    )
    return text, vhs


def test_a_curated_offer_becomes_a_row_with_derived_stages(tmp_path):
    root = fresh_tree(tmp_path)
    text, vhs = _vhs_yaml()
    offer_file = root / "redaktion" / "angebote" / f"vhs-{vhs['bsn'].lower()}.yaml"
    offer_file.parent.mkdir(exist_ok=True)
    offer_file.write_text(text, "utf-8")
    run_import(root, source_dir=None)
    rows = {r["id"]: r for r in read_rows(root / "angebote" / "redaktion.csv")}
    row = rows[f"redaktion-vhs-{vhs['bsn'].lower()}"]
    red = load_redaktion(root / "redaktion")
    assert row["stufen"].split(",") == red.stages_for_art("volkshochschule")
    assert row["plr_id"] == vhs["plr_id"] and row["bez_id"] == vhs["plr_id"][:2]
    assert row["lizenz"] == "CC BY 4.0" and row["stand"] == "2025-06-01"
    assert row["barrierefrei"] == "unbekannt" and row["kosten"] == ""


def test_a_curated_offer_in_an_unknown_kiez_stops_the_import(tmp_path):
    root = fresh_tree(tmp_path)
    text, vhs = _vhs_yaml(plr_id="12999999")
    offer_file = root / "redaktion" / "angebote" / f"vhs-{vhs['bsn'].lower()}.yaml"
    offer_file.parent.mkdir(exist_ok=True)
    offer_file.write_text(text, "utf-8")
    with pytest.raises(ProblemsFound) as err:
        run_import(root, source_dir=None)
    assert "12999999" in str(err.value) and offer_file.name in str(err.value)
    assert not (root / "angebote").exists()


def test_committed_curated_offers_are_in_load_offers_placed_by_their_lender():
    """Every curated offer of the real tree is an offer with quelle `redaktion` and derived stages,
    and sits exactly where the packaged offer named in `lage_von` sits (no geocoder)."""
    red = load_redaktion()
    assert red.curated_offers, "the tree has curated offers"
    offers = load_offers().set_index("id")
    for curated in red.curated_offers:
        row = offers.loc[curated.offer_id]
        assert row["ressource"] == "redaktion" and row["quelle"] == "redaktion"
        assert row["stufen"] == red.stages_for_art(curated.art) and row["stufen"]
        assert curated.lage_von, f"{curated.file}: placed without `lage_von`"
        lender = offers.loc[curated.lage_von]
        assert lender["ressource"] != "redaktion"
        assert (row["lat"], row["lon"], row["plr_id"]) == \
            (lender["lat"], lender["lon"], lender["plr_id"]), curated.file
        from_osm = lender["ressource"] == "osm-lernorte"
        assert ("OpenStreetMap" in row["lizenz"] and "ODbL" in row["lizenz"]) == from_osm
        assert row["lizenz"].startswith("CC BY 4.0")


def test_an_offer_placed_from_osm_carries_the_odbl_note_and_an_unknown_date_stays_empty(tmp_path):
    root = fresh_tree(tmp_path)
    osm = next(r for r in read_rows(paths.DATAPACKAGES / "angebote" / "osm-lernorte.csv")
               if r["art"] == "bibliothek")
    offer_file = root / "redaktion" / "angebote" / "test-osm-lage.yaml"
    offer_file.parent.mkdir(exist_ok=True)
    offer_file.write_text(
        "id: test-osm-lage\nname: Test\nart: volkshochschule\n"
        f"lage_von: {osm['id']}\nlat: {osm['lat']}\nlon: {osm['lon']}\n"
        f"plr_id: \"{osm['plr_id']}\"\n"
        "quellen:\n  - titel: Berlin.de\n    url: https://www.berlin.de/\nstand: null\n", "utf-8")
    run_import(root, source_dir=None)
    row = next(r for r in read_rows(root / "angebote" / "redaktion.csv")
               if r["id"] == "redaktion-test-osm-lage")
    assert row["lizenz"] == "CC BY 4.0; Lage: © OpenStreetMap contributors, ODbL 1.0"
    assert row["stand"] == ""
