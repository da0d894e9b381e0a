"""What the catalogue says: licences as the descriptors state them, operator, URLs, dates."""

from __future__ import annotations

import re

from opendata_pages.dcat import (
    LICENCE_MAP,
    LICENCES,
    PLACEHOLDER_OPERATOR,
    Operator,
    Site,
    catalogue_graph,
)
from opendata_pages.generator import PLACEHOLDER_SITEURL, catalogue_base
from opendata_pages.publish import package_zip
from rdflib import URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF


def graph_for(packages, base="https://example.org", operator=None):
    zips = {p.name: package_zip(p) for p in packages}
    return catalogue_graph(packages, Site(base, Operator.from_setting(operator)), zips)


def test_known_licences_map_to_the_dcat_ap_de_list(packages):
    graph = graph_for(packages)
    for package in packages:
        for resource in package.resources:
            dist = URIRef(f"https://example.org/daten/{package.name}/#ressource-{resource.name}")
            actual = str(graph.value(dist, DCTERMS.license))
            if len(resource.licences) > 1:
                # Several licences cannot be one list IRI: our own node describes the mix.
                assert not actual.startswith(LICENCES), resource.name
                continue
            (licence,) = resource.licences
            expected = LICENCE_MAP.get(licence.name)
            if expected:
                assert actual == LICENCES + expected, resource.name
            else:
                assert not actual.startswith(LICENCES), resource.name


def test_osm_resource_is_odbl_with_attribution(packages):
    graph = graph_for(packages)
    osm = [(p, r) for p in packages for r in p.resources if r.is_odbl]
    assert osm
    for package, resource in osm:
        dist = URIRef(f"https://example.org/daten/{package.name}/#ressource-{resource.name}")
        if len(resource.licences) == 1:
            assert str(graph.value(dist, DCTERMS.license)) == LICENCES + "odbl"
        attribution = graph.value(dist, URIRef("http://dcat-ap.de/def/dcatde/licenseAttributionByText"))
        assert "OpenStreetMap contributors" in str(attribution)


def test_placeholder_operator_until_the_setting_is_filled(packages):
    empty = graph_for(packages, operator={"name": "", "email": ""})
    assert {str(n) for n in empty.objects(None, FOAF.name)} == {PLACEHOLDER_OPERATOR}
    filled = graph_for(packages, operator={"name": "Beispiel e. V.", "email": "info@example.org"})
    assert {str(n) for n in filled.objects(None, FOAF.name)} == {"Beispiel e. V."}
    assert URIRef("mailto:info@example.org") in set(filled.objects(None, None))


def test_download_urls_follow_siteurl(packages):
    assert catalogue_base("") == PLACEHOLDER_SITEURL
    assert catalogue_base("https://bildungswege.example.org/") == "https://bildungswege.example.org"
    graph = graph_for(packages, base="https://bildungswege.example.org")
    urls = {str(u) for u in graph.objects(None, DCAT.downloadURL)}
    expected = {f"https://bildungswege.example.org/daten/{p.name}/{r.path}"
                for p in packages for r in p.resources}
    expected |= {f"https://bildungswege.example.org/daten/{p.name}.zip" for p in packages}
    assert urls == expected


def test_temporal_coverage_comes_from_the_reference_dates(packages):
    graph = graph_for(packages)
    for package in packages:
        for resource in package.resources:
            dist = URIRef(f"https://example.org/daten/{package.name}/#ressource-{resource.name}")
            modified = graph.value(dist, DCTERMS.modified)
            iso = [d for d in resource.reference_dates
                   if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d)]
            if iso:
                assert str(modified) == max(iso)
            else:
                assert modified is None, f"{resource.name}: no date in the data, none invented"
