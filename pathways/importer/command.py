"""The `bildungswege import` sub-command."""

from __future__ import annotations

import argparse
from pathlib import Path

from pathways import paths
from pathways.importer.build import run_import


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="Rohdaten importieren und alle Datenpakete neu erzeugen",
        description="Kopiert die Rohdaten (falls vorhanden) nach datapackages/_sources/berlin und "
                    "erzeugt die Pakete kieze, angebote und monitoring neu (deterministisch).")
    parser.add_argument("--from", dest="source", type=Path, default=None, metavar="VERZEICHNIS",
                        help=f"Verzeichnis mit den Rohdaten (Standard: {paths.SHARED_BERLIN}, "
                             "falls vorhanden; sonst die Kopien in datapackages/_sources/berlin)")
    parser.add_argument("--datapackages", type=Path, default=paths.DATAPACKAGES,
                        help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source = args.source
    if source is not None and not source.is_dir():
        from pathways.errors import UserError
        raise UserError(f"--from: Verzeichnis „{source}“ gibt es nicht.")
    if source is None and paths.SHARED_BERLIN.is_dir():
        source = paths.SHARED_BERLIN
    packages = run_import(args.datapackages, source)
    for name, files in packages.items():
        size = sum(len(b) for b in files.values())
        print(f"{name}: {len(files)} Dateien, {size / 1024:.0f} KiB")
    return 0
