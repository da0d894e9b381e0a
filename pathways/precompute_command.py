"""`bildungswege precompute`: the per-Kiez JSON files the site's planner page filters."""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("precompute", help="Daten für die Website vorberechnen (JSON je Kiez)")
    p.add_argument("--out", type=Path, required=True, help="Zielverzeichnis (wird ersetzt)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathways.plan import default_planner
    from pathways.precompute import precompute

    sizes = precompute(default_planner(), args.out)
    kieze = {k: v for k, v in sizes.items() if k != "gemeinsam.json"}
    largest = max(kieze, key=kieze.get)
    gz = len(gzip.compress((args.out / "kieze" / f"{largest}.json").read_bytes(), mtime=0))
    print(f"{len(kieze)} Kieze geschrieben nach {args.out}; größte Datei {largest}: "
          f"{kieze[largest]} Bytes ({gz} Bytes gzip); gemeinsam.json: "
          f"{sizes['gemeinsam.json']} Bytes.", file=sys.stderr)
    return 0
