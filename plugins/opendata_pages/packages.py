"""Read the published Frictionless packages into plain summaries for pages and the catalogue.

Only reads `datapackages/<name>/datapackage.json` and the files it names; no Pelican here.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Fields whose values are a resource's reference date(s) ("Stand"), in order of preference.
REFERENCE_DATE_FIELDS = ("stand", "stichtag", "schuljahr", "zeit")
UNKNOWN_LICENCE_NAME = "unknown"
ODBL_NAMES = frozenset({"odbl", "odbl-1.0"})


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str | None
    constraints: tuple[tuple[str, str], ...]  # (name, value as text), in descriptor order


@dataclass(frozen=True)
class Licence:
    name: str
    title: str
    path: str | None

    @property
    def known(self) -> bool:
        return self.name != UNKNOWN_LICENCE_NAME

    @property
    def is_odbl(self) -> bool:
        return self.name.lower() in ODBL_NAMES


@dataclass(frozen=True)
class Source:
    title: str
    path: str | None
    licence: str | None
    attribution: str | None


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str | None
    path: str  # relative to the package folder
    format: str
    mediatype: str | None
    bytes: int
    sha256: str
    rows: int | None  # data rows of a table, None for other resources
    licences: tuple[Licence, ...]
    sources: tuple[Source, ...]
    attribution: str | None
    reference_dates: tuple[str, ...]  # distinct values of the reference-date field, sorted
    schema_path: str | None  # schema file relative to the package, None if inline or none
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]

    @property
    def is_odbl(self) -> bool:
        return any(licence.is_odbl for licence in self.licences)


@dataclass(frozen=True)
class Package:
    name: str
    title: str
    description: str | None
    folder: Path
    licences: tuple[Licence, ...]
    resources: tuple[Resource, ...]

    @property
    def files(self) -> tuple[str, ...]:
        """Every file the package consists of (descriptor, resources, schema files), sorted."""
        names = {"datapackage.json"} | {r.path for r in self.resources}
        names |= {r.schema_path for r in self.resources if r.schema_path}
        return tuple(sorted(names))

    @property
    def reference_dates(self) -> tuple[str, ...]:
        return tuple(sorted({d for r in self.resources for d in r.reference_dates}))


def package_folders(datapackages: Path) -> list[Path]:
    """Folders holding a `datapackage.json`, sorted by name (`_sources`, `redaktion` have none)."""
    return sorted(p.parent for p in datapackages.glob("*/datapackage.json"))


def load_package(folder: Path) -> Package:
    descriptor = _read_json(folder / "datapackage.json")
    return Package(
        name=descriptor["name"],
        title=descriptor.get("title") or descriptor["name"],
        description=descriptor.get("description"),
        folder=folder,
        licences=tuple(_licence(item) for item in descriptor.get("licenses", [])),
        resources=tuple(_resource(folder, item) for item in descriptor.get("resources", [])),
    )


def load_packages(datapackages: Path) -> list[Package]:
    return [load_package(folder) for folder in package_folders(datapackages)]


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _licence(item: dict[str, Any]) -> Licence:
    return Licence(name=item["name"], title=item.get("title") or item["name"],
                   path=item.get("path"))


def _source(item: dict[str, Any]) -> Source:
    return Source(title=item.get("title", ""), path=item.get("path"),
                  licence=item.get("licence"), attribution=item.get("attribution"))


def _resource(folder: Path, item: dict[str, Any]) -> Resource:
    path = item["path"]
    data = (folder / path).read_bytes()
    schema, schema_path = _schema(folder, item.get("schema"))
    fields = tuple(_field(f) for f in schema.get("fields", []))
    header, rows = _table(data) if item.get("type") == "table" else ([], None)
    return Resource(
        name=item["name"],
        title=item.get("title") or item["name"],
        description=item.get("description"),
        path=path,
        format=item.get("format") or Path(path).suffix.lstrip("."),
        mediatype=item.get("mediatype"),
        bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        rows=None if rows is None else len(rows),
        licences=tuple(_licence(x) for x in item.get("licenses", [])),
        sources=tuple(_source(x) for x in item.get("sources", [])),
        attribution=item.get("attribution"),
        reference_dates=_reference_dates(header, rows or [], fields),
        schema_path=schema_path,
        fields=fields,
        primary_key=_as_tuple(schema.get("primaryKey")),
    )


def _schema(folder: Path, schema: object) -> tuple[dict[str, Any], str | None]:
    if isinstance(schema, str):
        return _read_json(folder / schema), schema
    return (schema if isinstance(schema, dict) else {}), None


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _field(item: dict[str, Any]) -> Field:
    constraints = tuple((key, _constraint_text(value))
                        for key, value in item.get("constraints", {}).items())
    return Field(name=item["name"], type=item.get("type", "any"),
                 description=item.get("description"), constraints=constraints)


def _constraint_text(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _table(data: bytes) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of a CSV file; blank lines are no rows (as for csv.DictReader)."""
    reader = csv.reader(data.decode("utf-8").splitlines(keepends=True))
    header = next(reader, [])
    return header, [row for row in reader if row]


def _reference_dates(header: list[str], rows: list[list[str]],
                     fields: tuple[Field, ...]) -> tuple[str, ...]:
    names = {f.name for f in fields}
    column = next((name for name in REFERENCE_DATE_FIELDS if name in names), None)
    if column is None or column not in header:
        return ()
    index = len(header) - 1 - header[::-1].index(column)  # a repeated name: its last column
    return tuple(sorted({row[index] for row in rows if len(row) > index and row[index]}))


ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def iso_dates(values: tuple[str, ...]) -> tuple[str, ...]:
    """The values that are ISO dates (YYYY, YYYY-MM, YYYY-MM-DD), sorted; others are left out."""
    return tuple(sorted(v for v in values if ISO_DATE.match(v)))
