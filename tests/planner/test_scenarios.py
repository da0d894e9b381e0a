"""Scenario tests on real Kieze: properties of the planner's answers."""

import numpy as np
import pytest

from pathways.errors import UserError
from pathways.kiezlayer import haversine_km
from pathways.plan import plan_pathways

from .conftest import KIEZE


def first_step_stages(plan):
    return [w["schritte"][0]["station"]["id"] for w in plan["wege"]]


def targets(plan):
    return [w["ziel"] for w in plan["wege"]]


def few_kita_kieze(planner, limit=3):
    """Kieze with children under 6 but at most one Kita inside (queried from the data)."""
    layer = planner.layer
    rows = layer.stage_rows["kita"]
    in_kiez = (layer.tier[:, rows] == 0).sum(axis=1)
    from pathways import load
    pop = load.load_population()
    children = pop[pop["ebene"] == "planungsraum"].set_index("id")["alter_unter_6"]
    ids = layer.kieze["plr_id"].to_numpy()
    chosen = [p for p, n in zip(ids, in_kiez, strict=True) if n <= 1 and children.get(p, 0) >= 50]
    assert chosen, "the data should contain Kieze with children and at most one Kita"
    return chosen[:limit]


def test_two_year_old_with_few_kitas_sees_neighbouring_offers(planner):
    for plr in few_kita_kieze(planner):
        plan = plan_pathways(plr, 2, planner=planner)
        kita = [w for w in plan["wege"] if w["ziel"] == "kita"]
        assert kita, plr
        offers = kita[0]["schritte"][-1]["angebote"]
        assert any(o["ebene"] == "nachbar" for o in offers), plr
        assert kita[0]["schritte"][-1]["alter"] >= 3  # Kita starts at 3, not at 2


@pytest.mark.parametrize("plr", KIEZE[:8])
def test_sixteen_with_msa(planner, plr):
    plan = plan_pathways(plr, 16, von="iss", abschluss="MSA", planner=planner)
    assert {"duale-ausbildung", "gymnasiale-oberstufe", "berufliches-gymnasium"} <= set(
        targets(plan))
    osz = [w for w in plan["wege"] if w["ziel"] == "duale-ausbildung"][0]
    assert any(o["art"] == "oberstufenzentrum" for o in osz["schritte"][0]["angebote"])


@pytest.mark.parametrize(("alter", "start"), [(16, "iss"), (6, "kita"), (67, "ruhestand")])
def test_assumed_start_is_the_stage_being_left(planner, alter, start):
    """Without --von, someone at a transition age is still in the stage they are leaving."""
    plan = plan_pathways(KIEZE[0], alter, abschluss="MSA" if alter == 16 else None,
                         planner=planner)
    assert plan["anfrage"]["von_angenommen"] and plan["anfrage"]["von"] == start
    if alter == 16:
        assert {"duale-ausbildung", "gymnasiale-oberstufe"} <= set(targets(plan))


@pytest.mark.parametrize("plr", KIEZE[8:12])
def test_sixteen_without_qualification(planner, plr):
    plan = plan_pathways(plr, 16, von="iss", abschluss="keiner", planner=planner)
    assert "berufsvorbereitung" in targets(plan)
    assert "gymnasiale-oberstufe" not in first_step_stages(plan)  # needs MSA
    # Berufsfachschule needs the MSA: the route must bridge it (second chance).
    way = plan_pathways(plr, 16, von="iss", abschluss="keiner", ziel="berufsfachschule",
                        planner=planner)
    route = way["wege"][0]["schritte"]
    last = route[-1]
    assert not last["abschluss_erfuellt"] and last["abschluss_durch"]
    bridge = [s for s in route if s["bruecke"]]
    assert bridge and any(q in ("MSA",) for s in bridge for q in s["erworben"])


@pytest.mark.parametrize("plr", KIEZE[2:4])
@pytest.mark.parametrize("ziel", ["gymnasiale-oberstufe", "berufliches-gymnasium",
                                  "fachoberschule"])
def test_sixteen_without_qualification_reaches_msa_and_beyond(planner, plr, ziel):
    """16 without a qualification: the MSA is earned on a second route, then Oberstufe or FOS."""
    plan = plan_pathways(plr, 16, von="iss", abschluss="keiner", ziel=ziel, planner=planner)
    steps = plan["wege"][0]["schritte"]
    assert steps[-1]["station"]["id"] == ziel
    assert steps[-1]["uebergang"]["voraussetzungen"]["abschluss"] == "MSA"
    assert not steps[-1]["abschluss_erfuellt"]
    earned_at = [s for s in steps if "MSA" in s["erworben"]]
    assert earned_at and earned_at[0]["bruecke"]
    assert earned_at[0]["station"]["id"] == steps[-1]["abschluss_durch"]
    assert steps[-1]["alter"] > earned_at[0]["alter"]  # the MSA takes time
    assert steps[-1]["alter"] <= 19  # VO-GO § 5: younger than 20 at entry


def test_adult_msa_from_vhs_opens_the_oberstufe(planner):
    plan = plan_pathways(KIEZE[4], 17, von="schulabschluss-vhs", abschluss="MSA",
                         planner=planner)
    assert {"gymnasiale-oberstufe", "berufliches-gymnasium", "fachoberschule"} <= set(
        targets(plan))


def test_no_zero_year_bridges(planner):
    """A stage that awards a qualification is never left in the year it is entered."""
    for kwargs in ({"alter": 16, "von": "iss", "abschluss": "keiner"},
                   {"alter": 14, "von": "iss"}, {"alter": 12, "von": "grundschule"},
                   {"alter": 16, "von": "gemeinschaftsschule", "abschluss": "keiner"}):
        for ziel in (None, "berufsfachschule", "gymnasiale-oberstufe"):
            try:
                plan = plan_pathways(KIEZE[5], planner=planner, ziel=ziel, k=5, **kwargs)
            except UserError:
                continue
            for way in plan["wege"]:
                steps = way["schritte"]
                for step, after in zip(steps, steps[1:], strict=False):
                    if step["erworben"]:
                        assert after["alter"] > step["alter"], (kwargs, ziel, steps)


def test_sixteen_without_qualification_second_chance_route(planner):
    plan = plan_pathways(KIEZE[12], 17, von="berufsvorbereitung", abschluss="keiner",
                         planner=planner)
    assert {"schulabschluss-vhs", "abendschule"} & set(targets(plan))


@pytest.mark.parametrize("plr", KIEZE[12:14])
def test_newly_arrived_without_german_explore_mode(planner, plr):
    """No goal: the Integrationskurs comes first (it raises German to B1); the literacy course
    comes after the others unless the need is stated, then it comes first."""
    plan = plan_pathways(plr, 25, von="neu-in-berlin", deutsch="A0", planner=planner)
    order = first_step_stages(plan)
    assert order[0] == "integrationskurs"
    assert order[-1] == "alphabetisierung"
    assert plan["wege"][0]["schritte"][0]["station"]["sprachniveau_erreicht"] == "B1"
    literacy = plan_pathways(plr, 25, von="neu-in-berlin", deutsch="A0",
                             bedarf=["alphabetisierung"], planner=planner)
    assert first_step_stages(literacy)[0] == "alphabetisierung"
    assert "Deutsch" in plan["rangfolge"] and "Alphabetisierung" in plan["rangfolge"]


@pytest.mark.parametrize("plr", KIEZE[12:14])
def test_german_level_is_bridged_by_integrationskurs(planner, plr):
    plan = plan_pathways(plr, 25, von="neu-in-berlin", deutsch="A0", ziel="berufssprachkurs",
                         planner=planner)
    steps = plan["wege"][0]["schritte"]
    assert [s["station"]["id"] for s in steps] == ["integrationskurs", "berufssprachkurs"]
    assert steps[-1]["uebergang"]["voraussetzungen"]["sprachniveau"] == "B1"
    assert steps[-1]["sprachniveau_durch"] == "integrationskurs" and steps[0]["bruecke"]
    assert steps[-1]["alter"] == steps[0]["alter"] + 1  # one year of Integrationskurs
    assert plan["wege"][0]["unerfuellte_voraussetzungen"] == 1
    # Stated B1 already: no bridge needed, nothing unmet.
    fluent = plan_pathways(plr, 25, von="integrationskurs", deutsch="B1",
                           ziel="berufssprachkurs", planner=planner)
    assert fluent["wege"][0]["schritte"][0]["sprachniveau_durch"] is None
    assert fluent["wege"][0]["unerfuellte_voraussetzungen"] == 0


@pytest.mark.parametrize("plr", KIEZE[12:14])
def test_newly_arrived_without_german_starts_with_integrationskurs(planner, plr):
    plan = plan_pathways(plr, 25, von="neu-in-berlin", deutsch="A0", ziel="erwerbsleben",
                         planner=planner)
    assert plan["wege"][0]["schritte"][0]["station"]["id"] == "integrationskurs"
    for way in plan["wege"]:
        for step in way["schritte"]:
            assert step["uebergang"]["voraussetzungen"]["sprachniveau"] in (None, "A1", "A0")


@pytest.mark.parametrize("plr", KIEZE[14:16])
def test_career_change_at_45(planner, plr):
    plan = plan_pathways(plr, 45, von="erwerbsleben", abschluss="MSA,BERUF", planner=planner)
    assert {"umschulung", "studium-ohne-abitur"} <= set(targets(plan))
    without = plan_pathways(plr, 45, von="erwerbsleben", abschluss="MSA", planner=planner)
    direct = [w for w in without["wege"] if w["ziel"] == "studium-ohne-abitur"]
    assert not direct or len(direct[0]["schritte"]) > 1  # needs BERUF first
    goal = plan_pathways(plr, 45, von="erwerbsleben", abschluss="MSA,BERUF",
                         ziel="studium-ohne-abitur", planner=planner)
    best = goal["wege"][0]
    assert [s["station"]["id"] for s in best["schritte"]] == ["studium-ohne-abitur"]
    assert best["jahre"] == 0 and best["unerfuellte_voraussetzungen"] == 0
    assert best["schritte"][0]["uebergang"]["voraussetzungen"]["abschluss"] == "BERUF"


@pytest.mark.parametrize("plr", KIEZE[16:18])
def test_sixty_seven(planner, plr):
    plan = plan_pathways(plr, 67, von="ruhestand", planner=planner)
    assert {"seniorenbildung", "bibliothek", "ehrenamt"} <= set(targets(plan))
    assert all(w["schritte"][0]["alter"] >= 67 for w in plan["wege"])


@pytest.mark.parametrize("plr", KIEZE[18:21])
def test_wheelchair_user_sees_step_free_first_and_unknown_labelled(planner, plr):
    plan = plan_pathways(plr, 2, bedarf=["barrierefrei"], planner=planner, k=3)
    seen_unknown = False
    for way in plan["wege"]:
        offers = way["schritte"][-1]["angebote"]
        order = {"ja": 0, "teilweise": 1, "unbekannt": 2}
        ranks = [order[o["barrierefrei"]] for o in offers]
        assert "nein" not in [o["barrierefrei"] for o in offers]
        assert ranks == sorted(ranks)
        seen_unknown |= 2 in ranks
    assert seen_unknown


def test_age_is_respected(planner):
    for plr in KIEZE[21:24]:
        at40 = plan_pathways(plr, 40, von="erwerbsleben", planner=planner, k=5)
        assert not {"kita", "krippe", "grundschule"} & {
            s["station"]["id"] for w in at40["wege"] for s in w["schritte"]}
        at16 = plan_pathways(plr, 16, von="iss", abschluss="MSA", planner=planner, k=5)
        assert "seniorenstudium" not in {
            s["station"]["id"] for w in at16["wege"] for s in w["schritte"]}
        for way in at16["wege"]:
            for step in way["schritte"]:
                st = step["station"]["alter"]
                assert st["von"] <= step["alter"] <= st["bis"]


def test_ranking_is_by_years_then_unmet(planner):
    plan = plan_pathways(KIEZE[0], 16, von="iss", abschluss="keiner", planner=planner)
    keys = [(w["jahre"], w["unerfuellte_voraussetzungen"]) for w in plan["wege"]]
    assert keys == sorted(keys)
    assert "Jahren" in plan["rangfolge"] and "Luftlinie" in plan["entfernung"]


def test_unknown_goal_and_contradictions_raise_user_errors(planner):
    with pytest.raises(UserError, match="Widersprüchlich"):
        plan_pathways(KIEZE[0], 40, von="kita", planner=planner)
    with pytest.raises(UserError, match="nicht erreichbar"):
        plan_pathways(KIEZE[0], 70, von="ruhestand", ziel="grundschule", planner=planner)
    with pytest.raises(UserError, match="keiner"):
        plan_pathways(KIEZE[0], 20, abschluss="keiner,MSA", planner=planner)


def test_nearest_all_matches_single_kiez_ranking(planner):
    layer = planner.layer
    matrix = layer.nearest_all("grundschule", 5)
    for plr in KIEZE[:5]:
        pos = layer.kiez_position(plr)
        assert list(matrix[pos]) == list(layer.ranked_rows(plr, "grundschule")[:5])
    assert np.all(layer.distance_km >= 0)


def test_straight_line_distance_of_known_places():
    """Brandenburger Tor → Fernsehturm is about 2.2 km (also for single coordinates)."""
    km = haversine_km(52.5163, 13.3777, 52.5208, 13.4094)
    assert km.shape == (1,) and 2.1 < km[0] < 2.3
    assert haversine_km(52.5, 13.4, 52.5, 13.4)[0] == 0
