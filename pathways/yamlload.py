"""Load editor YAML safely into plain data, remembering the line and column of every node.

Rejects what editors never need and attackers love: anchors/aliases, custom tags, duplicate keys,
several documents, huge or deeply nested files, bytes that are not UTF-8. Parses with libyaml when
PyYAML has it (≈ 10× faster); a file with any problem is parsed again by the pure-Python parser,
so every message (wording, line, column) comes from one parser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pathways.errors import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 40

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
# Fast path first (None without libyaml), then the reference parser for the messages.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
_MESSAGE_LOADER = yaml.SafeLoader
_SEQ_TAG = "tag:yaml.org,2002:seq"

Position = tuple[int, int]


@dataclass
class LoadedYaml:
    """One YAML file: its data (None if unusable), where each node starts, and what is wrong."""

    file: str
    data: dict[str, Any] | None = None
    # JSON pointer ("" = document, "/quellen/0/url") -> (line, column) of the value, 1-based.
    positions: dict[str, Position] = field(default_factory=dict)
    # JSON pointer of a mapping entry -> (line, column) of its key (for "unknown key" messages).
    key_positions: dict[str, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def locate(self, pointer: str, *, key: bool = False) -> Position | tuple[None, None]:
        """Position of `pointer`, or of its nearest existing ancestor (a missing field's parent)."""
        table = self.key_positions if key else self.positions
        if pointer in table:
            return table[pointer]
        while pointer:
            pointer = pointer.rsplit("/", 1)[0]
            if pointer in self.positions:
                return self.positions[pointer]
        return self.positions.get("", (None, None))

    def problem(self, pointer: str, code: str, message: str, *, field: str | None = None,
                hint: str | None = None, key: bool = False) -> Problem:
        """A Problem located at `pointer` in this file."""
        line, column = self.locate(pointer, key=key)
        return Problem(self.file, line, column, code, message, field=field, hint=hint)


def pointer_join(parent: str, part: str | int) -> str:
    """Append one step to a JSON pointer, escaping `~` and `/` as RFC 6901 says."""
    text = str(part).replace("~", "~0").replace("/", "~1")
    return f"{parent}/{text}"


def pointer_to_field(pointer: str) -> str:
    """Human-readable field name for a pointer: `/quellen/0/url` -> `quellen[1].url`."""
    out = ""
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        out += f"[{int(part) + 1}]" if part.isdigit() else (f".{part}" if out else part)
    return out


def load_yaml_file(path: Path, display: str | None = None,
                   max_bytes: int = MAX_FILE_BYTES) -> LoadedYaml:
    """Read and parse one editor file; never raises for bad content, returns problems instead."""
    result = LoadedYaml(file=display or str(path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            result.problems.append(_file_problem(
                result.file, "file-too-large",
                f"Die Datei ist zu groß ({size // 1024} KiB, erlaubt sind "
                f"{max_bytes // 1024} KiB).",
                "Eine Datei beschreibt genau einen Eintrag; teilen Sie große Dateien auf."))
            return result
        raw = path.read_bytes()
    except OSError as err:
        result.problems.append(_file_problem(
            result.file, "file-unreadable", f"Die Datei lässt sich nicht lesen ({err.strerror}).",
            "Prüfen Sie Dateirechte und ob es wirklich eine Datei ist."))
        return result
    return parse_yaml_bytes(raw, result)


def parse_yaml_bytes(raw: bytes, result: LoadedYaml) -> LoadedYaml:
    """Decode and parse `raw` into `result` (data, positions, problems)."""
    text = _decode_utf8(raw, result)
    if text is None:
        return result
    if _FAST_LOADER is not None:
        fast = _parse_text(text, LoadedYaml(file=result.file), _FAST_LOADER)
        if fast is not None and fast.data is not None and not fast.problems:
            result.data, result.positions, result.key_positions = (
                fast.data, fast.positions, fast.key_positions)
            return result
    return _parse_text(text, result, _MESSAGE_LOADER) or result


def _parse_text(text: str, result: LoadedYaml, loader: type) -> LoadedYaml | None:
    """Parse with `loader`; None if the fast parser failed in a way only the reference explains."""
    try:
        if not _scan_events(text, result, loader):
            return result
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as err:  # scanned fine, so this is rare; keep it located anyway
        result.problems.append(_syntax_problem(result.file, err))
        return result
    except yaml.YAMLError:
        if loader is _MESSAGE_LOADER:
            raise
        return None
    if root is None:
        result.problems.append(_file_problem(
            result.file, "empty-file", "Die Datei ist leer.",
            "Schreiben Sie die Felder des Eintrags hinein oder löschen Sie die Datei."))
        return result
    if not isinstance(root, MappingNode):
        line, column = _mark(root)
        result.problems.append(Problem(
            result.file, line, column, "not-a-mapping",
            "Die Datei muss aus Feldern der Form `name: wert` bestehen, nicht aus einer Liste "
            "oder einem einzelnen Wert.", hint="Beginnen Sie mit `id: …`."))
        return result
    data = _construct(root, "", result)
    if not any(p.code in _FATAL_CONSTRUCT_CODES for p in result.problems):
        result.data = data
    return result


_FATAL_CONSTRUCT_CODES = {"yaml-tag", "key-not-string"}


def _decode_utf8(raw: bytes, result: LoadedYaml) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        result.problems.append(Problem(
            result.file, line, column, "not-utf8",
            f"Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte 0x{raw[err.start]:02x} "
            f"an Byte-Position {err.start}).",
            hint="Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."))
        return None
    return text.removeprefix("\ufeff")


def _scan_events(text: str, result: LoadedYaml, loader: type) -> bool:
    """Stream the parser events (no tree, so alias bombs cannot expand); False if unusable."""
    ok = True
    depth = 0
    documents = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line, column = _mark(event)
            if isinstance(event, yaml.AliasEvent):
                ok = False
                result.problems.append(Problem(
                    result.file, line, column, "yaml-alias",
                    f"YAML-Verweis `*{event.anchor}` ist nicht erlaubt.",
                    hint="Schreiben Sie den Wert direkt hin; Anker und Verweise (&, *) "
                         "werden nicht unterstützt."))
                continue
            if getattr(event, "anchor", None) is not None:
                ok = False
                result.problems.append(Problem(
                    result.file, line, column, "yaml-anchor",
                    f"YAML-Anker `&{event.anchor}` ist nicht erlaubt.",
                    hint="Entfernen Sie den Anker und schreiben Sie Werte direkt hin."))
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    ok = False
                    result.problems.append(Problem(
                        result.file, line, column, "multiple-documents",
                        "Die Datei enthält mehr als ein YAML-Dokument (`---`).",
                        hint="Eine Datei beschreibt genau einen Eintrag; legen Sie für jeden "
                             "weiteren Eintrag eine eigene Datei an."))
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth == MAX_DEPTH + 1:
                    ok = False
                    result.problems.append(Problem(
                        result.file, line, column, "too-deep",
                        f"Die Daten sind zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen).",
                        hint="Prüfen Sie die Einrückung und die Klammern [ ] { }."))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as err:
        result.problems.append(_syntax_problem(result.file, err))
        return False
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        result.problems.append(Problem(
            result.file, line, column, "control-character",
            f"Unerlaubtes Steuerzeichen (Code {err.character:#06x}) in der Datei.",
            hint="Die Datei ist vermutlich keine Textdatei oder wurde beschädigt; löschen Sie "
                 "das unsichtbare Zeichen oder legen Sie die Datei neu an."))
        return False
    return ok


def _construct(node: Node, pointer: str, result: LoadedYaml) -> Any:
    result.positions[pointer] = _mark(node)
    if isinstance(node, MappingNode):
        return _construct_mapping(node, pointer, result)
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            _tag_problem(node, result)
        return [_construct(item, pointer_join(pointer, i), result)
                for i, item in enumerate(node.value)]
    return _construct_scalar(node, result)


def _construct_mapping(node: MappingNode, pointer: str, result: LoadedYaml) -> dict[str, Any]:
    if node.tag != _MAP_TAG:
        _tag_problem(node, result)
    out: dict[str, Any] = {}
    first_seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line, column = _mark(key_node)
        if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            result.problems.append(Problem(
                result.file, line, column, "key-not-string",
                "Feldnamen müssen einfache Wörter sein (kein Wahrheitswert, keine Zahl, "
                "keine Liste).",
                hint="Setzen Sie den Feldnamen in Anführungszeichen oder korrigieren Sie die "
                     "Einrückung."))
            continue
        key = key_node.value
        child = pointer_join(pointer, key)
        if key in first_seen:
            result.problems.append(Problem(
                result.file, line, column, "duplicate-key",
                f"Das Feld `{key}` kommt in diesem Abschnitt doppelt vor (zuerst in Zeile "
                f"{first_seen[key]}).",
                field=pointer_to_field(child) or key,
                hint="Löschen Sie eine der beiden Zeilen; sonst gilt stillschweigend nur die "
                     "letzte."))
        else:
            first_seen[key] = line
        result.key_positions[child] = (line, column)
        out[key] = _construct(value_node, child, result)
    return out


def _construct_scalar(node: ScalarNode, result: LoadedYaml) -> Any:
    if node.tag not in _SCALAR_TAGS:
        _tag_problem(node, result)
        return node.value
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as err:
        line, column = _mark(node)
        result.problems.append(Problem(
            result.file, line, column, "yaml-value",
            f"Der Wert `{node.value}` lässt sich nicht lesen ({err}).",
            hint="Setzen Sie den Wert in Anführungszeichen."))
        return node.value
    # Dates stay text (ISO 8601), so the data is plain JSON and the schema checks the format.
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _tag_problem(node: Node, result: LoadedYaml) -> None:
    line, column = _mark(node)
    result.problems.append(Problem(
        result.file, line, column, "yaml-tag",
        f"Der YAML-Typ `{node.tag}` ist nicht erlaubt.",
        hint="Lassen Sie Angaben wie `!!python/…` oder `!name` weg; schreiben Sie nur Text, "
             "Zahlen, Listen und Felder."))


def _mark(obj: Any) -> Position:
    mark = obj.start_mark
    return (mark.line + 1, mark.column + 1)


def _syntax_problem(file: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    detail = _german_syntax_detail(err.problem or "")
    if err.context:
        detail = f"{detail} ({err.context})"
    if err.context_mark and mark and err.context_mark.line != mark.line:
        detail += f"; begonnen in Zeile {err.context_mark.line + 1}"
    return Problem(
        file, line, column, "yaml-syntax",
        f"YAML-Syntaxfehler: {detail}.",
        hint="Prüfen Sie Einrückung (nur Leerzeichen, keine Tabs), Doppelpunkte und "
             "Anführungszeichen in dieser Zeile und der Zeile davor.")


_SYNTAX_GERMAN = {
    "that cannot start any token": "Zeichen an dieser Stelle nicht erlaubt (oft ein Tabulator "
                                   "oder ein Sonderzeichen wie @ oder ` am Wertanfang)",
    "mapping values are not allowed here": "Doppelpunkt an unerwarteter Stelle (Wert mit `: ` "
                                           "in Anführungszeichen setzen)",
    "could not find expected ':'": "es fehlt ein Doppelpunkt nach dem Feldnamen",
    "expected <block end>": "die Einrückung passt nicht zur Zeile davor",
    "did not find expected key": "die Einrückung passt nicht zur Zeile davor",
    "did not find expected '-' indicator": "die Einrückung der Liste passt nicht",
    "found unexpected end of stream": "die Datei endet mitten in einem Wert (fehlt ein "
                                      "schließendes Anführungszeichen?)",
    "expected ',' or ']'": "eine Liste `[ …` wird nicht mit `]` geschlossen",
    "expected ',' or '}'": "ein Abschnitt `{ …` wird nicht mit `}` geschlossen",
    "found undefined tag handle": "unbekannte YAML-Angabe mit `!`",
    "found duplicate anchor": "doppelter YAML-Anker",
}


def _german_syntax_detail(problem: str) -> str:
    for english, german in _SYNTAX_GERMAN.items():
        if english in problem:
            return f"{german} [{problem}]"
    return problem or "unbekannter Fehler"


def _file_problem(file: str, code: str, message: str, hint: str) -> Problem:
    return Problem(file, None, None, code, message, hint=hint)
