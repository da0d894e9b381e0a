"""A small real site: the data page plugins restricted (DATAPAGES_ONLY) to a few real records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from site_settings import write_test_settings  # tests/ is on sys.path (rootdir of these packages)

from pathways.load import load_offers

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ["i18n_ui", "offer_pages", "stage_pages", "bezirk_pages", "service_pages"]
STAGES = ["", "kita", "kolleg", "geburt"]
BEZIRKE = ["", "01"]
SERVICES = ["", "jugendberufsagentur"]


def sample_offers(offers: pd.DataFrame) -> dict[str, str]:
    """One real offer per case the tests look at, picked from the data (first by id)."""
    offers = offers.sort_values("id")
    schools = offers[(offers["ressource"] == "schulen") & offers["strasse"].notna()]
    picks = {
        "school_unknown_access": schools[schools["barrierefrei"] == "unbekannt"],
        "osm": offers[offers["ressource"] == "osm-lernorte"],
        "osm_accessible": offers[(offers["ressource"] == "osm-lernorte")
                                 & (offers["barrierefrei"] == "ja")],
        "grundschule": offers[offers["art"] == "grundschule"],
        "kita": offers[offers["art"] == "kita"],
        "library": offers[offers["art"] == "bibliothek"],
        "jfe": offers[offers["ressource"] == "jugendfreizeit"],
        "many_stages": offers[(offers["ressource"] == "schulen")
                              & (offers["stufen"].map(len) >= 3)],
        "jfe_zero_places": offers[(offers["ressource"] == "jugendfreizeit")
                                  & (offers["plaetze"] == 0)],
    }
    return {case: frame["id"].iloc[0] for case, frame in picks.items()}


def write_settings(folder: Path, offer_ids: list[str]) -> Path:
    only = {"angebote": sorted(offer_ids), "stufen": STAGES, "bezirk": BEZIRKE,
            "beratung": SERVICES}
    return write_test_settings(folder / "testconf.py", PLUGINS, only)


def build(settings: Path, output: Path) -> Path:
    pelican = Path(sys.executable).parent / "pelican"
    result = subprocess.run(
        [str(pelican), "content", "-s", str(settings), "-o", str(output), "--fatal", "errors",
         "-q"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"Build fehlgeschlagen:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return output


@pytest.fixture(scope="session")
def offers() -> pd.DataFrame:
    return load_offers()


@pytest.fixture(scope="session")
def samples(offers) -> dict[str, str]:
    return sample_offers(offers)


@pytest.fixture(scope="session")
def small_site_settings(tmp_path_factory, samples) -> Path:
    return write_settings(tmp_path_factory.mktemp("conf"), list(samples.values()))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory, small_site_settings) -> Path:
    return build(small_site_settings, tmp_path_factory.mktemp("site") / "output")
