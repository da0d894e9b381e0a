"""The editor YAML as typed records, the qualification order, safe loading and the stage graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from pathways import yamlload
from pathways.graph import build_stage_graph, dead_ends, unreachable_from
from pathways.paths import REDAKTION, SCHEMAS
from pathways.redaktion import (
    AgeRange,
    Redaktion,
    Stage,
    Transition,
    highest_school_qualification,
    load_redaktion,
    satisfies,
)
from pathways.yamlload import LoadedYaml, load_yaml_file, parse_yaml_bytes, pointer_to_field


@pytest.fixture(scope="module")
def red() -> Redaktion:
    return load_redaktion()


def test_real_stages_and_offer_types_are_typed_records(red):
    assert len(red.offer_types) >= 30
    assert red.stages, "no stage could be loaded"
    krippe = red.stages["krippe"]
    assert isinstance(krippe, Stage) and isinstance(krippe.alter, AgeRange)
    assert krippe.file == "datapackages/redaktion/stufen/krippe.yaml"
    assert all(q.url.startswith(("https://", "http://")) for q in krippe.quellen)


def test_derived_offer_stages_follow_the_stage_yaml(red):
    kita_stages = red.stages_for_art("kita")
    assert kita_stages == sorted(s.id for s in red.stages.values() if "kita" in s.angebotsarten)
    assert "krippe" in kita_stages and "grundschule" not in kita_stages
    assert red.stages_for_art("gibt-es-nicht") == []


@pytest.mark.parametrize(("held", "required", "ok"), [
    ({"MSA"}, "BBR", True),
    ({"BBR"}, "MSA", False),
    ({"eBBR"}, "BBR", True),
    ({"AHR"}, "FHR", True),
    ({"FHR"}, "AHR", False),
    ({"BERUF"}, "MSA", False),
    ({"MSA"}, "BERUF", False),
    ({"MSA", "BERUF"}, "BERUF", True),
    (set(), "keiner", True),
    (set(), "BBR", False),
    ({"keiner"}, None, True),
])
def test_qualification_order(held, required, ok):
    assert satisfies(held, required) is ok


def test_highest_school_qualification():
    assert highest_school_qualification({"BERUF", "MSA", "BBR"}) == "MSA"
    assert highest_school_qualification({"BERUF"}) == "keiner"


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_draft_2020_12(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("title") and schema.get("description")


def test_every_editor_file_names_its_schema_for_the_editor():
    root = SCHEMAS.parent
    expected = {"stufen": "stufe", "uebergaenge": "uebergang", "beratung": "beratung",
                "angebote": "angebot", "vokabular": "angebotsarten"}
    for folder, schema in expected.items():
        for path in sorted((root / folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{schema}.schema.json", \
                path


def test_yaml_positions_are_one_based_and_keys_are_located(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("\ufeff# k\nid: x\nquellen:\n  - titel: T\n    url: https://a.de/\n"
                    "datum: 2025-01-02\n", encoding="utf-8")
    doc = load_yaml_file(path, "x.yaml")
    assert doc.problems == []
    assert doc.data == {"id": "x", "quellen": [{"titel": "T", "url": "https://a.de/"}],
                        "datum": "2025-01-02"}
    assert doc.positions["/quellen/0/url"] == (5, 10)
    assert doc.key_positions["/quellen"] == (3, 1)
    assert doc.locate("/quellen/0/fehlt") == (4, 5)  # nearest existing parent
    assert pointer_to_field("/quellen/0/url") == "quellen[1].url"


def _parsed_real_tree() -> dict[str, tuple]:
    return {str(f): (doc.data, doc.positions, doc.key_positions, doc.problems)
            for f in sorted(REDAKTION.rglob("*.yaml"))
            for doc in [load_yaml_file(f)]}


def test_libyaml_fast_path_is_used_and_equals_the_reference_parser(monkeypatch):
    assert yamlload._FAST_LOADER is not None, "PyYAML ohne libyaml: der Build wird langsam"
    fast = _parsed_real_tree()
    monkeypatch.setattr(yamlload, "_FAST_LOADER", None)
    assert len(fast) > 200
    assert fast == _parsed_real_tree()


def test_a_file_with_a_problem_is_reported_by_the_reference_parser(monkeypatch):
    """Same messages with and without libyaml: the fast parser never words a problem."""
    broken = b"id: x\nname: [a, b\ndatum: 2025-01-02\nid: y\n"
    with_fast = parse_yaml_bytes(broken, LoadedYaml("x.yaml")).problems
    monkeypatch.setattr(yamlload, "_FAST_LOADER", None)
    assert with_fast == parse_yaml_bytes(broken, LoadedYaml("x.yaml")).problems != []


def test_alias_bomb_is_rejected_without_expanding():
    levels = zip("abcdefgh", "bcdefghi", strict=True)
    bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{','.join(['*' + p] * 10)}]\n" for p, c in levels)
    doc = parse_yaml_bytes(bomb.encode(), LoadedYaml("bomb.yaml"))
    assert doc.data is None
    assert {p.code for p in doc.problems} == {"yaml-alias", "yaml-anchor"}
    assert min(p.line for p in doc.problems if p.code == "yaml-alias") == 2


def _tiny(stages: dict[str, tuple[int, int, bool]], edges: list[tuple[str, str]]) -> Redaktion:
    red = Redaktion(root=Path("."), project_root=Path("."))
    for sid, (von, bis, end) in stages.items():
        red.stages[sid] = Stage(sid, sid, "formal", AgeRange(von, bis), "b", (), f"{sid}.yaml",
                                endstufe=end)
    for von, nach in edges:
        red.transitions.append(Transition(f"{von}--{nach}", von, nach, "regulaer",
                                          AgeRange(0, 1), "b", (), f"{von}--{nach}.yaml"))
    return red


def test_stage_graph_invariants():
    red = _tiny({"geburt": (0, 0, False), "kita": (1, 6, False), "insel": (9, 9, False),
                 "ende": (60, 120, True)},
                [("geburt", "kita"), ("kita", "ende"), ("kita", "nirgendwo")])
    graph = build_stage_graph(red)
    assert set(graph.nodes) == {"geburt", "kita", "insel", "ende"}
    assert sorted(k for _, _, k in graph.edges(keys=True)) == ["geburt--kita", "kita--ende"]
    assert graph.edges["geburt", "kita", "geburt--kita"]["art"] == "regulaer"
    assert unreachable_from(graph) == ["insel"]
    assert dead_ends(graph) == ["insel"]
    assert unreachable_from(graph, root="fehlt") == sorted(graph.nodes)


def test_real_graph_has_every_transition_between_known_stages(red):
    graph = build_stage_graph(red)
    known = [t for t in red.transitions if t.von in red.stages and t.nach in red.stages]
    assert graph.number_of_edges() == len(known)
    assert graph.number_of_nodes() == len(red.stages)
