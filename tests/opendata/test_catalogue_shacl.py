"""The built catalogue (Turtle and JSON-LD) against the official DCAT-AP.de 3.0 shapes, offline."""

from __future__ import annotations

import pytest
from opendata_pages.dcat import LICENCES, MIXED_LICENCE_LABEL, UNKNOWN_LICENCE_LABEL
from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS

from .shacl import LICENCE_LIST_MESSAGE, load_shapes, load_vocabularies, shacl_results


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="session")
def vocab() -> Graph:
    return load_vocabularies()


@pytest.fixture(scope="session", params=["catalog.ttl", "catalog.jsonld"])
def catalogue(request, site) -> Graph:
    path = site / "daten" / request.param
    return Graph().parse(path, format="turtle" if path.suffix == ".ttl" else "json-ld")


def test_catalogue_has_zero_violations(catalogue, shapes, vocab):
    violations = [r for r in shacl_results(catalogue, shapes, vocab) if r.severity == "Violation"]
    assert not violations, "\n".join(f"{r.focus}: {r.message}" for r in violations)


def test_licence_list_warnings_only_where_the_licence_is_not_known(catalogue, shapes, vocab):
    """The list check is only a SOLL (warning) in 3.0; we enforce it for every known licence."""
    # The shape reports the licence node itself as focus.
    warned = {r.focus for r in shacl_results(catalogue, shapes, vocab)
              if LICENCE_LIST_MESSAGE in r.message}
    outside_list = {str(licence) for dist, licence in catalogue.subject_objects(DCTERMS.license)
                    if not str(licence).startswith(LICENCES)}
    assert warned == outside_list
    labels = {str(catalogue.value(URIRef(node), RDFS.label)) for node in warned}
    assert labels <= {UNKNOWN_LICENCE_LABEL, MIXED_LICENCE_LABEL}


def test_unknown_licences_are_not_claimed(catalogue, packages):
    """A resource whose licence the descriptor calls unknown never gets a list licence."""
    unknown = [(p, r) for p in packages for r in p.resources
               if any(not licence.known for licence in r.licences)]
    assert unknown, "the real data has resources with unknown licences"
    for package, resource in unknown:
        dist = next(d for d, _, title in catalogue.triples((None, DCTERMS.title, None))
                    if str(title) == resource.title
                    and str(d).endswith(f"/daten/{package.name}/#ressource-{resource.name}"))
        licence = catalogue.value(dist, DCTERMS.license)
        assert not str(licence).startswith(LICENCES)
        assert str(catalogue.value(licence, RDFS.label)) == UNKNOWN_LICENCE_LABEL


def test_a_broken_catalogue_is_caught(catalogue, shapes, vocab):
    """The check can fail: without its licence a distribution is a violation."""
    broken = Graph()
    broken += catalogue
    dist = next(iter(broken.subjects(DCAT.accessURL, None)))
    broken.remove((dist, DCTERMS.license, None))
    results = shacl_results(broken, shapes, vocab)
    assert any(r.severity == "Violation" and r.focus == str(dist) for r in results)
