"""Analysis and precomputation on real data: nulls not zeros, determinism, sizes."""

import gzip
import json

import pandas as pd
import pytest

from pathways.analyse import KiezAnalysis, analyse_all
from pathways.analyse_package import table_csv
from pathways.precompute import precompute

from .conftest import KIEZE


@pytest.fixture(scope="module")
def analysis(planner):
    return KiezAnalysis(planner)


def test_kiez_record_compares_with_bezirk_and_berlin(analysis):
    for plr in KIEZE[:6]:
        record = analysis.kiez(plr)
        for values in record["angebot_nachfrage"].values():
            assert values["berlin"] is not None and values["berlin"] > 0
            if values["angebot"] is None or not values["nachfrage"]:
                assert values["kiez"] is None
            else:
                assert values["kiez"] == pytest.approx(values["angebot"] / values["nachfrage"],
                                                       abs=1e-4)
        assert set(record["stufen_ohne_angebot_nah"]) <= set(analysis.red.stages)


def test_missing_pupil_figures_are_null_not_zero(analysis):
    supply = analysis.supply
    incomplete = supply[supply["schulen_ohne_schuelerzahl"] > 0].index
    assert len(incomplete) > 0
    for plr in incomplete[:3]:
        sd = analysis.kiez(plr)["angebot_nachfrage"]["schueler_je_einwohner_6_18"]
        assert sd["angebot"] is None and sd["kiez"] is None


def test_critical_transitions_really_cut_the_life_course(analysis):
    from pathways.lifecourse import old_age_stages
    from pathways.routes import GERMAN_LEVELS, Start, any_route
    for plr in KIEZE[:4]:
        feasible, critical = analysis.life_course_critical(plr)
        removed = frozenset(analysis.gaps(plr))
        start = Start("geburt", 0.0, deutsch=GERMAN_LEVELS[-1])
        targets = set(old_age_stages(analysis.red)) - removed
        assert targets, "old age must be reachable in principle"
        assert feasible == (any_route(analysis._outgoing, analysis.red, start, targets,
                                      removed) is not None)
        for tid in critical:
            assert any_route(analysis._outgoing, analysis.red, start, targets, removed,
                             banned=tid) is None


@pytest.mark.slow
def test_all_kieze_table_is_complete_and_deterministic(analysis):
    table = analyse_all(analysis)
    assert len(table) == 542 and table["plr_id"].is_unique
    text = table_csv(table)
    assert text == table_csv(analyse_all(analysis))
    parsed = pd.read_csv(__import__("io").StringIO(text), dtype=str, keep_default_na=False)
    assert (parsed["kinder_unter_6"] != "").all()


@pytest.mark.slow
def test_precompute_is_small_and_deterministic(planner, tmp_path):
    precompute(planner, tmp_path / "a")
    precompute(planner, tmp_path / "b")
    files = sorted((tmp_path / "a" / "kieze").glob("*.json"))
    assert len(files) == 542
    for path in files:
        data = path.read_bytes()
        assert data == (tmp_path / "b" / "kieze" / path.name).read_bytes()
        assert len(gzip.compress(data)) < 60_000
    shared = json.loads((tmp_path / "a" / "gemeinsam.json").read_text(encoding="utf-8"))
    kiez = json.loads(files[0].read_text(encoding="utf-8"))
    for stage, offers in kiez["a"].items():
        assert shared["stufen"][int(stage)]["id"]
        distances = [(tier, km) for _, km, tier in offers]
        assert distances == sorted(distances)
        for index, _, _ in offers:
            assert shared["angebote"][index]["bf"] in ("ja", "nein", "teilweise", "unbekannt")
    # The default life course is the editorial standard path (`standardweg: true`).
    flagged = {t["id"] for t in shared["uebergaenge"] if t["sw"]}
    course = [shared["stufen"][i]["id"] for i, _ in kiez["l"]]
    steps = list(zip(course, course[1:], strict=False))
    assert {f"{a}--{b}" for a, b in steps} == flagged
    ages = [age for _, age in kiez["l"]]
    assert ages == sorted(ages) and ages[0] == 0


def test_default_life_course_is_the_editorial_standard_path(planner):
    from pathways.standardweg import standard_path

    path = standard_path(planner.redaktion)
    assert path.valid
    course = planner.life_course
    assert [h.transition.id for h in course.hops] == [t.id for t in path.chain]
    assert course.hops[0].transition.von == "geburt"
    assert planner.redaktion.stages[course.ziel].endstufe
    stages = [h.transition.nach for h in course.hops]
    assert "iss" in stages and "berufliches-gymnasium" not in stages
    for hop in course.hops:  # ages fit each stage
        stage = planner.redaktion.stages[hop.transition.nach]
        assert stage.alter.von <= hop.alter <= stage.alter.bis
