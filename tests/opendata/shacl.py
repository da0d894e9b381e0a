"""Offline DCAT-AP.de 3.0 validation as tests/fixtures/dcat-ap-de/README.md prescribes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate
from rdflib import RDF, Graph, Namespace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dcat-ap-de"
SHAPE_FILES = (
    "dcat-ap-SHACL.ttl",
    "dcat-ap-SHACL-DE.ttl",
    "dcat-ap-de-deprecated.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-controlledvocabularies.ttl",
)
SH = Namespace("http://www.w3.org/ns/shacl#")
LICENCE_LIST_MESSAGE = "dcterms:license SOLL folgendes Vokabular benutzen"


@dataclass(frozen=True)
class Result:
    severity: str  # "Violation", "Warning", "Info"
    focus: str
    message: str


def load_shapes() -> Graph:
    shapes = Graph()
    for name in SHAPE_FILES:
        shapes.parse(FIXTURES / "shapes" / name, format="turtle")
    return shapes


def load_vocabularies() -> Graph:
    vocab = Graph()
    for path in sorted((FIXTURES / "vocab").iterdir()):
        vocab.parse(path, format="turtle" if path.suffix == ".ttl" else "xml")
    return vocab


def shacl_results(catalogue: Graph, shapes: Graph, vocab: Graph) -> list[Result]:
    """Validate catalogue + merged vocabularies, no inference, warnings allowed (as upstream)."""
    data = Graph()
    data += catalogue
    data += vocab
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return [
        Result(
            severity=str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[-1],
            focus=str(report.value(node, SH.focusNode)),
            message=str(report.value(node, SH.resultMessage)),
        )
        for node in report.subjects(RDF.type, SH.ValidationResult)
    ]
