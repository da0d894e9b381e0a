"""Build Frictionless v2 descriptors and write tables as deterministic bytes (no timestamps)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from pathways.importer.sources import Dataset, Licence

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"

Row = dict[str, Any]


def field(name: str, type_: str, description: str, *, required: bool = False,
          unique: bool = False, enum: Sequence[Any] | None = None, pattern: str | None = None,
          minimum: float | None = None, maximum: float | None = None, **extra: Any) -> dict:
    """One Table Schema field; constraints only where given, in a fixed key order."""
    out: dict[str, Any] = {"name": name, "type": type_, "description": description}
    out.update(extra)
    constraints: dict[str, Any] = {}
    if required:
        constraints["required"] = True
    if unique:
        constraints["unique"] = True
    if enum is not None:
        constraints["enum"] = list(enum)
    if pattern is not None:
        constraints["pattern"] = pattern
    if minimum is not None:
        constraints["minimum"] = minimum
    if maximum is not None:
        constraints["maximum"] = maximum
    if constraints:
        out["constraints"] = constraints
    return out


def foreign_key(fields: str | list[str], resource: str, ref_fields: str | list[str]) -> dict:
    return {"fields": _as_list(fields),
            "reference": {"resource": resource, "fields": _as_list(ref_fields)}}


def _as_list(names: str | list[str]) -> list[str]:
    return [names] if isinstance(names, str) else list(names)


def table_schema(fields: list[dict], primary_key: list[str],
                 foreign_keys: Iterable[dict] = ()) -> dict:
    schema: dict[str, Any] = {"$schema": SCHEMA_PROFILE, "fields": fields,
                              "missingValues": [""], "primaryKey": primary_key}
    foreign = list(foreign_keys)
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def licence_entry(licence: Licence) -> dict:
    out: dict[str, Any] = {"name": licence.name}
    if licence.path:
        out["path"] = licence.path
    out["title"] = licence.title
    return out


def source_entries(datasets: Sequence[Dataset]) -> list[dict]:
    """`sources` of a resource: where it comes from and the licence text exactly as stated there."""
    out = []
    for ds in datasets:
        for title, url in ds.origins:
            out.append({"title": title, "path": url,
                        "licence": ds.licence_text, "attribution": ds.attribution})
    return out


def tabular_resource(name: str, title: str, description: str, datasets: Sequence[Dataset],
                     schema: dict | str, path: str | None = None) -> dict:
    return {
        "$schema": RESOURCE_PROFILE,
        "name": name,
        "type": "table",
        "path": path or f"{name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": title,
        "description": description,
        "dialect": {"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                    "delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": schema,
        "licenses": _licences(datasets),
        "sources": source_entries(datasets),
        "attribution": attribution_text(datasets),
    }


def file_resource(name: str, path: str, title: str, description: str,
                  datasets: Sequence[Dataset], mediatype: str, format_: str) -> dict:
    return {
        "$schema": RESOURCE_PROFILE,
        "name": name,
        "path": path,
        "format": format_,
        "mediatype": mediatype,
        "encoding": "utf-8",
        "title": title,
        "description": description,
        "licenses": _licences(datasets),
        "sources": source_entries(datasets),
        "attribution": attribution_text(datasets),
    }


def attribution_text(datasets: Sequence[Dataset]) -> str:
    parts = []
    for ds in datasets:
        if ds.attribution not in parts:
            parts.append(ds.attribution)
    return "; ".join(parts)


def data_package(name: str, title: str, description: str, resources: list[dict]) -> dict:
    """Package descriptor; `licenses` lists every licence used by any resource, first use first."""
    licences: list[dict] = []
    for res in resources:
        for lic in res["licenses"]:
            if lic not in licences:
                licences.append(lic)
    return {"$schema": PACKAGE_PROFILE, "name": name, "title": title,
            "description": description, "licenses": licences, "resources": resources}


def _licences(datasets: Sequence[Dataset]) -> list[dict]:
    out: list[dict] = []
    for ds in datasets:
        entry = licence_entry(ds.licence)
        if entry not in out:
            out.append(entry)
    return out


def json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_bytes(fields: list[dict], rows: Iterable[Row]) -> bytes:
    """CSV with the schema's columns in order; None becomes an empty cell, `\\n` line ends."""
    names = [f["name"] for f in fields]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return buf.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        raise TypeError("floats must be formatted by the caller (fixed decimals)")
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)
