"""`bildungswege check`: run every rule over editor YAML and data packages, report all problems."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from pathways.check.files import check_files
from pathways.check.graph_rules import check_graph
from pathways.check.packages import check_derived_stages, check_packages, read_column
from pathways.check.placement import check_placements
from pathways.check.references import check_references
from pathways.check.report import render_json, render_text, sort_problems
from pathways.check.standard_rules import check_durations, check_standard_path
from pathways.errors import Problem, UserError
from pathways.paths import ROOT
from pathways.redaktion import load_redaktion


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="Redaktionsdateien und Datenpakete prüfen (schreibt nichts)",
        description="Prüft alle YAML-Dateien der Redaktion und alle Datenpakete und meldet jedes "
                    "Problem als `Datei:Zeile:Spalte: Meldung`. Exit-Code 0: alles in Ordnung, "
                    "1: Probleme gefunden, 2: falscher Aufruf.")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="Ausgabeformat (Standard: text)")
    parser.add_argument("--root", type=Path, default=ROOT, metavar="ORDNER",
                        help="Projektordner (Standard: dieses Projekt)")
    parser.add_argument("--ohne-pakete", action="store_true",
                        help="Nur die Redaktionsdateien prüfen, die Datenpakete nicht mit "
                             "frictionless validieren (schneller)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not (root / "datapackages").is_dir():
        raise UserError(f"Im Ordner „{root}“ gibt es kein Unterverzeichnis `datapackages/`.")
    started = time.perf_counter()
    problems = collect_problems(root, packages=not args.ohne_pakete)
    output = render_json(problems) if args.format == "json" else render_text(problems)
    sys.stdout.write(output)
    if args.format == "text":
        print(f"(Prüfung dauerte {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 1 if problems else 0


def collect_problems(project_root: Path, *, packages: bool = True) -> list[Problem]:
    """Every problem of the tree under `project_root`, sorted; never raises for bad input."""
    datapackages = project_root / "datapackages"
    redaktion_root = datapackages / "redaktion"
    problems: list[Problem] = []
    red = _guarded(problems, "datapackages/redaktion",
                   lambda: load_redaktion(redaktion_root, project_root))
    if red is not None:
        problems += red.problems
        kieze = datapackages / "kieze" / "datapackage.json"
        plr_ids = read_column(kieze, "planungsraeume", "plr_id")
        bez_ids = read_column(kieze, "bezirke", "bez_id")
        # The rules also see the partial records of broken files: their well-formed fields are
        # checked, and other files do not report them as missing (no follow-up problems).
        full = red.including_broken()
        for rule in (lambda: check_files(full, project_root),
                     lambda: check_references(full, plr_ids, bez_ids),
                     lambda: check_graph(full),
                     lambda: check_durations(full),
                     lambda: check_standard_path(full),
                     lambda: check_derived_stages(red, datapackages, project_root),
                     lambda: check_placements(full, datapackages)):
            problems += _guarded(problems, "datapackages/redaktion", rule) or []
    if packages:
        problems += _guarded(problems, "datapackages",
                             lambda: check_packages(datapackages, project_root)) or []
    return sort_problems(problems)


def _guarded(problems: list[Problem], where: str, step: Callable):
    """Run one step; an unexpected exception becomes a Problem instead of a traceback."""
    try:
        return step()
    except Exception as err:  # noqa: BLE001 - turned into a reported problem on purpose
        frame = traceback.extract_tb(err.__traceback__)[-1]
        problems.append(Problem(
            where, None, None, "internal-error",
            f"Interner Fehler bei der Prüfung: {type(err).__name__}: {err}",
            hint=f"Bitte melden (Stelle: {Path(frame.filename).name}:{frame.lineno}). Die übrigen "
                 "Prüfungen wurden trotzdem ausgeführt."))
        return None

