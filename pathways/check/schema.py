"""Validate loaded YAML against the JSON Schemas of the Redaktion and explain failures in German."""

from __future__ import annotations

import difflib
import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from pathways.errors import Problem
from pathways.yamlload import LoadedYaml, pointer_join, pointer_to_field

_TYPE_NAMES = {
    "string": "Text",
    "integer": "ganze Zahl",
    "number": "Zahl",
    "boolean": "Wahrheitswert (true/false)",
    "array": "Liste",
    "object": "Abschnitt mit Feldern",
    "null": "leerer Wert",
}
_BAD_URL_SCHEMES = ("javascript:", "data:", "vbscript:", "file:", "ftp:")


@cache
def schema_validator(schema_dir: Path, name: str) -> Draft202012Validator:
    """Validator for `name` (e.g. `stufe.schema.json`); its `$ref`s resolve to sibling files."""
    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    schema = registry.contents(name)
    return Draft202012Validator(schema, registry=registry)


def validate_document(doc: LoadedYaml, validator: Draft202012Validator) -> list[Problem]:
    """All schema problems of one loaded file, located at the offending node."""
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        problems.extend(_explain(error, doc))
    return problems


def well_formed_part(data: Any, schema: dict, validator: Draft202012Validator) -> tuple[
        dict[str, Any], set[str]]:
    """The fields of `data` that are valid against their own subschema (a field whose subschema
    lists inline `properties` keeps its well-formed sub-fields), and the keys that are not."""
    if not isinstance(data, dict):
        return {}, set()
    properties = schema.get("properties", {})
    kept: dict[str, Any] = {}
    malformed: set[str] = set()
    for key, value in data.items():
        sub = properties.get(key) if isinstance(key, str) else None
        if sub is None:
            continue  # unknown key: reported as such, and no rule reads it
        if validator.evolve(schema=sub).is_valid(value):
            kept[key] = value
        elif isinstance(value, dict) and "properties" in sub:
            kept[key], _ = well_formed_part(value, sub, validator)
            malformed.add(key)
        else:
            malformed.add(key)
    return kept, malformed


def _pointer(path) -> str:
    pointer = ""
    for part in path:
        pointer = pointer_join(pointer, part)
    return pointer


def _explain(error: ValidationError, doc: LoadedYaml) -> list[Problem]:
    pointer = _pointer(error.absolute_path)
    field = pointer_to_field(pointer) or None
    schema = error.schema if isinstance(error.schema, dict) else {}
    explain = _EXPLAINERS.get(error.validator, _explain_generic)
    return [p if p.hint else replace(p, hint=_FALLBACK_HINT)
            for p in explain(error, doc, pointer, field, schema)]


_FALLBACK_HINT = ("Die erlaubten Werte zeigt der Editor an (Schema-Hinweis), oder siehe "
                  "docs/DATA_MODEL.md.")


def _explain_required(error, doc, pointer, field, schema) -> list[Problem]:
    missing = [name for name in error.validator_value if name not in (error.instance or {})]
    out = []
    for name in missing:
        child = pointer_join(pointer, name)
        described = schema.get("properties", {}).get(name, {})
        out.append(doc.problem(
            pointer, "missing-field", f"Pflichtfeld `{name}` fehlt.",
            field=pointer_to_field(child),
            hint=described.get("description") or "Ergänzen Sie das Feld."))
    return out


def _explain_additional(error, doc, pointer, field, schema) -> list[Problem]:
    known = sorted(schema.get("properties", {}))
    extra = [key for key in error.instance if key not in known]
    out = []
    for key in extra:
        child = pointer_join(pointer, key)
        out.append(doc.problem(
            child, "unknown-field", f"Unbekanntes Feld `{key}`.",
            field=pointer_to_field(child), key=True, hint=_unknown_key_hint(key, known)))
    return out


def _unknown_key_hint(key: str, known: list[str]) -> str:
    if key == "stufen":
        return ("`stufen` wird aus der Angebotsart abgeleitet und nicht von Hand gepflegt; "
                "Feld löschen.")
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"Meinten Sie `{close[0]}`?"
    return "Erlaubte Felder: " + ", ".join(f"`{k}`" for k in known) + "."


def _explain_type(error, doc, pointer, field, schema) -> list[Problem]:
    expected = error.validator_value
    expected = expected if isinstance(expected, list) else [expected]
    wanted = " oder ".join(_TYPE_NAMES.get(t, t) for t in expected)
    got = _describe_value(error.instance)
    hint = schema.get("description")
    if "string" in expected and isinstance(error.instance, bool | int | float):
        quoted = f'"{_yaml_text(error.instance)}"'
        hint = (f"Setzen Sie den Wert in Anführungszeichen, z. B. `{quoted}` – YAML liest sonst "
                "eine Zahl oder true/false daraus.")
    elif error.instance is None:
        hint = "Der Wert fehlt hinter dem Doppelpunkt. Ergänzen Sie ihn oder löschen Sie die Zeile."
    return [doc.problem(pointer, "wrong-type", f"Falscher Typ: erwartet {wanted}, gefunden {got}.",
                        field=field, hint=hint)]


def _explain_enum(error, doc, pointer, field, schema) -> list[Problem]:
    values = error.validator_value
    allowed = [_yaml_text(v) for v in (values if isinstance(values, list) else [values])]
    value = error.instance
    close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
    hint = f"Meinten Sie `{close[0]}`? " if close else ""
    hint += "Erlaubt: " + ", ".join(f"`{v}`" for v in allowed) + "."
    return [doc.problem(pointer, "invalid-value", f"Der Wert `{_yaml_text(value)}` ist nicht "
                        "erlaubt.", field=field, hint=hint)]


def _explain_pattern(error, doc, pointer, field, schema) -> list[Problem]:
    value = str(error.instance)
    title = schema.get("title", "dieses Feld")
    hint = schema.get("description")
    if value.strip().lower().startswith(_BAD_URL_SCHEMES):
        scheme = value.strip().split(":", 1)[0].lower()
        return [doc.problem(pointer, "url-scheme", f"Adressen mit `{scheme}:` sind nicht erlaubt.",
                            field=field, hint="Nur Internetadressen mit `https://` oder "
                            "`http://` sind erlaubt.")]
    if schema.get("pattern", "").startswith("\\S") or not value.strip():
        return [doc.problem(pointer, "empty-value", "Der Wert darf nicht leer sein.", field=field,
                            hint="Ergänzen Sie den Text oder löschen Sie die Zeile.")]
    return [doc.problem(pointer, "bad-format",
                        f"`{value}` ist keine gültige Angabe für „{title}“.",
                        field=field, hint=hint)]


def _explain_range(error, doc, pointer, field, schema) -> list[Problem]:
    bound = error.validator_value
    words = {"minimum": "mindestens", "maximum": "höchstens",
             "exclusiveMinimum": "größer als", "exclusiveMaximum": "kleiner als"}
    hint = schema.get("description")
    if pointer.endswith(("/lat", "/lon")):
        return [doc.problem(pointer, "outside-berlin",
                            f"Die Koordinate {error.instance} liegt außerhalb Berlins.",
                            field=field, hint=f"{hint} Sind Breite und Länge vertauscht?")]
    return [doc.problem(pointer, "out-of-range",
                        f"Der Wert {_yaml_text(error.instance)} liegt außerhalb des erlaubten "
                        f"Bereichs (muss {words[error.validator]} {bound} sein).",
                        field=field, hint=hint)]


def _explain_min_items(error, doc, pointer, field, schema) -> list[Problem]:
    return [doc.problem(pointer, "too-few-items",
                        f"Die Liste braucht mindestens {error.validator_value} Eintrag/Einträge.",
                        field=field, hint=schema.get("description"))]


def _explain_unique(error, doc, pointer, field, schema) -> list[Problem]:
    seen, doubled = [], []
    for item in error.instance:
        (doubled if item in seen else seen).append(item)
    text = ", ".join(f"`{_yaml_text(v)}`" for v in doubled)
    return [doc.problem(pointer, "duplicate-items", f"Die Liste enthält doppelte Einträge: {text}.",
                        field=field, hint="Löschen Sie die Wiederholung.")]


def _explain_length(error, doc, pointer, field, schema) -> list[Problem]:
    if error.validator == "minLength":
        return [doc.problem(pointer, "empty-value", "Der Wert darf nicht leer sein.", field=field,
                            hint="Ergänzen Sie den Text oder löschen Sie die Zeile.")]
    return [doc.problem(pointer, "too-long",
                        f"Der Wert ist zu lang (höchstens {error.validator_value} Zeichen).",
                        field=field, hint=schema.get("description"))]


def _explain_generic(error, doc, pointer, field, schema) -> list[Problem]:
    return [doc.problem(pointer, "schema", f"Ungültiger Wert: {error.message}.", field=field,
                        hint=schema.get("description"))]


_EXPLAINERS = {
    "required": _explain_required,
    "additionalProperties": _explain_additional,
    "type": _explain_type,
    "enum": _explain_enum,
    "const": _explain_enum,
    "pattern": _explain_pattern,
    "minimum": _explain_range,
    "maximum": _explain_range,
    "exclusiveMinimum": _explain_range,
    "exclusiveMaximum": _explain_range,
    "minItems": _explain_min_items,
    "uniqueItems": _explain_unique,
    "minLength": _explain_length,
    "maxLength": _explain_length,
}


def _describe_value(value: Any) -> str:
    if value is None:
        return "einen leeren Wert"
    if isinstance(value, bool):
        return f"den Wahrheitswert `{_yaml_text(value)}`"
    if isinstance(value, int | float):
        return f"die Zahl `{value}`"
    if isinstance(value, str):
        return f"den Text `{value}`"
    if isinstance(value, list):
        return "eine Liste"
    return "einen Abschnitt mit Feldern"


def _yaml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)
