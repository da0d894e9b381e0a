"""The DCAT-AP.de 3.0 catalogue of the published packages (rdflib graph, Turtle, JSON-LD).

One dcat:Dataset per package, one dcat:Distribution per resource plus one for the package zip.
Only licences the descriptor names are mapped to the DCAT-AP.de list; see docs/OPEN_DATA.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from .packages import Licence, Package, Resource, iso_dates

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
EU = "http://publications.europa.eu/resource/authority/"
LICENCES = "http://dcat-ap.de/def/licenses/"
IANA = "https://www.iana.org/assignments/media-types/"
BERLIN = URIRef("http://dcat-ap.de/def/politicalGeocoding/stateKey/11")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
GERMAN = URIRef(EU + "language/DEU")
FRICTIONLESS_PACKAGE = URIRef("https://datapackage.org/standard/data-package/")

# Descriptor licence name -> DCAT-AP.de licence list (only licences our sources actually state).
LICENCE_MAP = {
    "cc-by-3.0-de": "cc-by-de/3.0",
    "cc-by-4.0": "cc-by/4.0",
    "dl-de-zero-2.0": "dl-zero-de/2.0",
    "dl-de-by-2.0": "dl-by-de/2.0",
    "odbl-1.0": "odbl",
    "cc0-1.0": "cc-zero",
}
FILE_TYPES = {"csv": "CSV", "geojson": "GEOJSON", "json": "JSON", "zip": "ZIP"}
# EU data themes per package; a package not named here gets no theme rather than a guessed one.
PACKAGE_THEMES = {
    "kieze": ("REGI",),
    "angebote": ("EDUC",),
    "monitoring": ("SOCI", "EDUC"),
    "analyse": ("EDUC", "REGI"),
}
UNKNOWN_LICENCE_LABEL = "Lizenz unbekannt (nicht verifiziert)"
MIXED_LICENCE_LABEL = ("Mehrere Lizenzen: jede Ressource hat ihre eigene, siehe "
                       "datapackage.json im Archiv")
PLACEHOLDER_OPERATOR = "Bildungswege Berlin (Betreiber noch einzutragen)"
CATALOGUE_TITLE = "Offene Daten von Bildungswege Berlin"
CATALOGUE_DESCRIPTION = (
    "Datenpakete (Frictionless Data Package v2) zu Bildungsangeboten, Kiezen (LOR 2021) und "
    "Monitoring in Berlin, wie sie das Portal Bildungswege Berlin verwendet. Lizenz und Quelle "
    "stehen an jeder Ressource, so wie die Quelle sie angibt."
)
PREFIXES = {
    "dcat": DCAT, "dct": DCTERMS, "dcatde": DCATDE, "foaf": FOAF, "vcard": VCARD,
    "rdfs": RDFS, "xsd": XSD, "spdx": SPDX, "skos": SKOS,
}


@dataclass(frozen=True)
class Operator:
    """Who publishes the catalogue: the OPERATOR setting, or an honest placeholder."""

    name: str
    email: str | None

    @classmethod
    def from_setting(cls, setting: object) -> Operator:
        values = setting if isinstance(setting, dict) else {}
        name = (values.get("name") or "").strip()
        email = (values.get("email") or "").strip() or None
        return cls(name=name or PLACEHOLDER_OPERATOR, email=email if name else None)


@dataclass(frozen=True)
class Site:
    """Absolute base URL of the published site (no trailing slash) and the operator."""

    base: str
    operator: Operator

    def url(self, path: str) -> URIRef:
        return URIRef(self.base + path)


def dcat_licence(licence: Licence) -> URIRef | None:
    """The DCAT-AP.de licence IRI of a descriptor licence, None if it has none (or is unknown)."""
    code = LICENCE_MAP.get(licence.name)
    return URIRef(LICENCES + code) if code else None


def package_url(name: str) -> str:
    return f"/daten/{name}/"


def zip_url(name: str) -> str:
    return f"/daten/{name}.zip"


def catalogue_graph(packages: list[Package], site: Site, zips: dict[str, bytes]) -> Graph:
    """The catalogue; `zips` holds each package's zip (its size and checksum are described)."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    catalogue = site.url("/daten/#katalog")
    publisher = _add_agent(graph, site)
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal(CATALOGUE_TITLE, lang="de")))
    graph.add((catalogue, DCTERMS.description, Literal(CATALOGUE_DESCRIPTION, lang="de")))
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, site.url("/daten/")))
    graph.add((catalogue, DCTERMS.language, GERMAN))
    graph.add((catalogue, DCTERMS.spatial, BERLIN))
    graph.add((BERLIN, RDF.type, DCTERMS.Location))
    graph.add((BERLIN, SKOS.prefLabel, Literal("Berlin", lang="de")))
    contact = _add_contact(graph, site)
    for package in packages:
        dataset = _add_dataset(graph, package, site, publisher, contact, zips[package.name])
        graph.add((catalogue, DCAT.dataset, dataset))
    return graph


def _add_agent(graph: Graph, site: Site) -> URIRef:
    agent = site.url("/#betreiber")
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(site.operator.name, lang="de")))
    return agent


def _add_contact(graph: Graph, site: Site) -> URIRef:
    contact = site.url("/#kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(site.operator.name, lang="de")))
    if site.operator.email:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{site.operator.email}")))
    # The Impressum names the operator (or "noch einzutragen"): a real page, no invented address.
    graph.add((contact, VCARD.hasURL, site.url("/impressum/")))
    return contact


def _add_dataset(graph: Graph, package: Package, site: Site, publisher: URIRef,
                 contact: URIRef, zip_data: bytes) -> URIRef:
    page = package_url(package.name)
    dataset = site.url(page + "#datensatz")
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.title, Literal(package.title, lang="de")))
    graph.add((dataset, DCTERMS.description,
               Literal(package.description or package.title, lang="de")))
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCAT.contactPoint, contact))
    graph.add((dataset, DCAT.landingPage, site.url(page)))
    graph.add((dataset, DCTERMS.accessRights, PUBLIC))
    graph.add((dataset, DCTERMS.language, GERMAN))
    graph.add((dataset, DCTERMS.spatial, BERLIN))
    for theme in PACKAGE_THEMES.get(package.name, ()):
        graph.add((dataset, DCAT.theme, URIRef(EU + "data-theme/" + theme)))
    _add_time(graph, dataset, site.url(page + "#zeitraum"), package.reference_dates)
    for resource in package.resources:
        graph.add((dataset, DCAT.distribution, _add_resource(graph, package, resource, site)))
    graph.add((dataset, DCAT.distribution, _add_zip(graph, package, site, zip_data)))
    return dataset


def _add_time(graph: Graph, subject: URIRef, period: URIRef, dates: tuple[str, ...]) -> None:
    """dct:temporal (first to last reference date) and dct:modified (the last), ISO dates only."""
    dates = iso_dates(dates)
    if not dates:
        return
    graph.add((subject, DCTERMS.modified, _date(dates[-1])))
    graph.add((subject, DCTERMS.temporal, period))
    graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((period, DCAT.startDate, _date(dates[0])))
    graph.add((period, DCAT.endDate, _date(dates[-1])))


def _date(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def _add_resource(graph: Graph, package: Package, resource: Resource, site: Site) -> URIRef:
    page = package_url(package.name)
    dist = site.url(f"{page}#ressource-{resource.name}")
    _add_distribution(graph, dist, site.url(page), site.url(page + resource.path),
                      resource.format, resource.mediatype, resource.bytes, resource.sha256)
    graph.add((dist, DCTERMS.title, Literal(resource.title, lang="de")))
    if resource.description:
        graph.add((dist, DCTERMS.description, Literal(resource.description, lang="de")))
    licence = resource.licences[0] if len(resource.licences) == 1 else None
    _add_licence(graph, dist, licence, site.url(f"{page}#lizenz-{resource.name}"))
    if resource.attribution:
        graph.add((dist, DCATDE.licenseAttributionByText, Literal(resource.attribution, lang="de")))
    statements = [s.licence for s in resource.sources if s.licence]
    if statements:
        rights = site.url(f"{page}#rechte-{resource.name}")
        graph.add((dist, DCTERMS.rights, rights))
        graph.add((rights, RDF.type, DCTERMS.RightsStatement))
        for text in sorted(set(statements)):
            graph.add((rights, RDFS.label, Literal(f"Lizenzangabe der Quelle: {text}", lang="de")))
    _add_time(graph, dist, site.url(f"{page}#zeitraum-{resource.name}"), resource.reference_dates)
    return dist


def _add_zip(graph: Graph, package: Package, site: Site, data: bytes) -> URIRef:
    page = package_url(package.name)
    dist = site.url(page + "#zip")
    _add_distribution(graph, dist, site.url(page), site.url(zip_url(package.name)), "zip",
                      "application/zip", len(data), hashlib.sha256(data).hexdigest())
    graph.add((dist, DCTERMS.title,
               Literal(f"{package.title} – alle Dateien als Datenpaket (ZIP)", lang="de")))
    graph.add((dist, DCTERMS.conformsTo, FRICTIONLESS_PACKAGE))
    names = {licence.name for r in package.resources for licence in r.licences}
    single = next((lic for r in package.resources for lic in r.licences), None)
    _add_licence(graph, dist, single if len(names) == 1 else None,
                 site.url(page + "#lizenz-zip"), mixed=len(names) > 1)
    return dist


def _add_distribution(graph: Graph, dist: URIRef, access: URIRef, download: URIRef,
                      file_format: str, mediatype: str | None, size: int, sha256: str) -> None:
    graph.add((dist, RDF.type, DCAT.Distribution))
    graph.add((dist, DCAT.accessURL, access))
    graph.add((dist, DCAT.downloadURL, download))
    code = FILE_TYPES.get(file_format.lower())
    if code:
        graph.add((dist, DCTERMS.format, URIRef(EU + "file-type/" + code)))
    if mediatype:
        graph.add((dist, DCAT.mediaType, URIRef(IANA + mediatype)))
    graph.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    checksum = URIRef(f"{dist}-sha256")
    graph.add((dist, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(sha256, datatype=XSD.hexBinary)))


def _add_licence(graph: Graph, dist: URIRef, licence: Licence | None, local: URIRef,
                 mixed: bool = False) -> None:
    """dct:license from the DCAT-AP.de list if the descriptor names a mapped licence.

    Otherwise (unknown, unmapped, mixed) a local licence document that says so in words:
    a distribution must have a licence node, and an invented licence would be a false claim.
    """
    iri = dcat_licence(licence) if licence else None
    if iri is not None:
        graph.add((dist, DCTERMS.license, iri))
        return
    graph.add((dist, DCTERMS.license, local))
    graph.add((local, RDF.type, DCTERMS.LicenseDocument))
    if mixed:
        label = MIXED_LICENCE_LABEL
    elif licence is None or not licence.known:
        label = UNKNOWN_LICENCE_LABEL
    else:
        label = licence.title
    graph.add((local, RDFS.label, Literal(label, lang="de")))
    if licence is not None and licence.path:
        graph.add((local, RDFS.seeAlso, URIRef(licence.path)))


# --- Serialisation: same graph, same bytes ----------------------------------------------------

def to_turtle(graph: Graph) -> str:
    """Turtle with subjects and predicates sorted (rdflib's serializer sorts them)."""
    return graph.serialize(format="turtle")


def jsonld_context() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


def to_jsonld(graph: Graph) -> str:
    """JSON-LD with an inline @context only; nodes sorted by @id, values sorted, keys sorted."""
    raw = json.loads(graph.serialize(format="json-ld", context=jsonld_context(),
                                     auto_compact=True))
    nodes = raw.get("@graph", [raw] if "@id" in raw else [])
    nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
    document = {"@context": jsonld_context(),
                "@graph": sorted((_sorted_values(n) for n in nodes), key=lambda n: n["@id"])}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sorted_values(node: object) -> object:
    if isinstance(node, dict):
        return {key: _sorted_values(value) for key, value in node.items()}
    if isinstance(node, list):
        items = [_sorted_values(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node
