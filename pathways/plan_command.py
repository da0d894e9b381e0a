"""`bildungswege plan`: ranked pathways or next steps for one person in one Kiez."""

from __future__ import annotations

import argparse
import json
import sys

from pathways.needs import NEEDS, STAGE_NEEDS
from pathways.redaktion import QUALIFICATIONS
from pathways.routes import GERMAN_LEVELS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan", help="Bildungswege für eine Person in einem Kiez planen",
                       description="Zeigt bis zu k Wege zum Ziel oder, ohne --ziel, die möglichen "
                       "nächsten Schritte – mit Angeboten in der Nähe und zuständiger Beratung.")
    p.add_argument("--kiez", required=True, help="Planungsraum-ID (8 Ziffern) oder Name")
    p.add_argument("--alter", required=True, type=_number, help="Alter in Jahren")
    p.add_argument("--von", help="Station, an der die Person jetzt ist (Kennung)")
    p.add_argument("--abschluss", help=f"vorhandene Abschlüsse, mit Komma: "
                   f"{', '.join(QUALIFICATIONS)}")
    p.add_argument("--ziel", help="Zielstation (Kennung); ohne: nächste Schritte")
    p.add_argument("--bedarf", default="",
                   help=f"Bedarfe mit Komma: {', '.join([*NEEDS, *STAGE_NEEDS])}")
    p.add_argument("--sprache", help="gewünschte Sprache des Angebots (ISO 639-1, z. B. tr)")
    p.add_argument("--deutsch", help=f"Deutschkenntnisse: {', '.join(GERMAN_LEVELS)} "
                   "(A0 = noch keine)")
    p.add_argument("--kostenlos", action="store_true", help="nur kostenfreie oder unbekannte")
    p.add_argument("-k", type=int, default=3, help="Anzahl Wege (Standard 3)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl") from None


def run(args: argparse.Namespace) -> int:
    from pathways.plan import plan_pathways
    from pathways.plan_text import render_text

    plan = plan_pathways(
        args.kiez, args.alter, von=args.von, abschluss=args.abschluss, ziel=args.ziel,
        bedarf=tuple(args.bedarf.split(",")) if args.bedarf else (), sprache=args.sprache,
        kostenlos=args.kostenlos, k=args.k, deutsch=args.deutsch)
    if args.format == "json":
        sys.stdout.write(json.dumps(plan, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
    else:
        sys.stdout.write(render_text(plan))
    return 0
