"""Every package passes `frictionless validate` and carries its licences and sources."""

from __future__ import annotations

import csv
import json
import shutil

import frictionless
import pytest

from pathways.importer.build import PACKAGES


@pytest.mark.parametrize("package", PACKAGES)
def test_package_is_valid(imported, package):
    report = frictionless.validate(str(imported / package / "datapackage.json"))
    errors = [(task.name, e.type, getattr(e, "row_number", None), e.note)
              for task in report.tasks for e in task.errors] + [e.note for e in report.errors]
    assert report.valid, errors[:10]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_resource_states_licence_sources_and_attribution(imported, package):
    descriptor = json.loads((imported / package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    package_licences = descriptor["licenses"]
    for resource in descriptor["resources"]:
        assert resource["licenses"] and resource["sources"] and resource["attribution"]
        for licence in resource["licenses"]:
            assert licence in package_licences
        for source in resource["sources"]:
            assert source["title"] and source["path"] and source["licence"]


def test_unknown_licences_are_labelled_unknown_everywhere(imported):
    descriptor = json.loads((imported / "angebote" / "datapackage.json").read_text("utf-8"))
    jfe = next(r for r in descriptor["resources"] if r["name"] == "jugendfreizeit")
    assert jfe["licenses"] == [{"name": "unknown", "title": "Lizenz unbekannt (nicht verifiziert)"}]
    rows = (imported / "angebote" / "jugendfreizeit.csv").read_text("utf-8").splitlines()[1:]
    assert all(",Lizenz unbekannt (nicht verifiziert)," in row for row in rows)


def test_osm_resource_keeps_odbl_and_attribution(imported):
    descriptor = json.loads((imported / "angebote" / "datapackage.json").read_text("utf-8"))
    osm = next(r for r in descriptor["resources"] if r["name"] == "osm-lernorte")
    assert [lic["name"] for lic in osm["licenses"]] == ["odbl-1.0"]
    assert "© OpenStreetMap contributors" in osm["attribution"]


def test_a_broken_value_is_reported_by_validation(imported, tmp_path):
    """Guard against a schema that checks nothing: a bad Kiez id and phone must fail."""
    copy = tmp_path / "angebote"
    shutil.copytree(imported / "angebote", copy)
    lines = (copy / "kitas.csv").read_text("utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    first = next(csv.reader([lines[1]]))
    first[header.index("plr_id")] = "12999999"
    first[header.index("telefon")] = "info@example.org"
    lines[1] = ",".join(f'"{v}"' if "," in v else v for v in first) + "\n"
    (copy / "kitas.csv").write_text("".join(lines), "utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    kinds = {(e.type, getattr(e, "field_name", None)) for t in report.tasks for e in t.errors}
    assert ("foreign-key", None) in kinds
    assert ("constraint-error", "telefon") in kinds
