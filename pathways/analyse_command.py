"""`bildungswege analyse`: one Kiez (text or JSON) or all Kieze as CSV / data package."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pathways.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyse", help="Kiez-Analyse für das Bildungsmanagement",
                       description="Lücken im Angebot, Übergänge ohne Beratung, Angebot und "
                       "Nachfrage im Vergleich mit Bezirk und Berlin, kritische Übergänge.")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--kiez", help="Planungsraum-ID oder Name")
    which.add_argument("--alle", action="store_true", help="alle 542 Kieze")
    p.add_argument("--csv", type=Path, help="mit --alle: Tabelle als CSV in diese Datei")
    p.add_argument("--paket", type=Path,
                   help="mit --alle: Datenpaket in dieses Verzeichnis (z. B. datapackages/analyse)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathways.analyse import KiezAnalysis, analyse_all
    from pathways.analyse_package import table_csv, write_package
    from pathways.atomic import write_text
    from pathways.kiezname import resolve_kiez
    from pathways.plan import default_planner

    analysis = KiezAnalysis(default_planner())
    if args.alle:
        if not (args.csv or args.paket):
            raise UserError("Mit --alle bitte --csv DATEI und/oder --paket VERZEICHNIS angeben.")
        table = analyse_all(analysis)
        if args.csv:
            write_text(args.csv, table_csv(table))
        if args.paket:
            write_package(table, args.paket)
        print(f"{len(table)} Kieze analysiert.", file=sys.stderr)
        return 0
    if args.csv or args.paket:
        raise UserError("--csv und --paket gehen nur zusammen mit --alle.")
    record = analysis.kiez(resolve_kiez(analysis.layer.kieze, args.kiez))
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1))
    else:
        sys.stdout.write(render(record))
    return 0


def _value(v) -> str:
    return "keine Angabe" if v is None else f"{v:g}".replace(".", ",")


def render(record: dict) -> str:
    lines = [f"Kiez-Analyse {record['plr_name']} ({record['plr_id']}, Bezirk "
             f"{record['bez_name']})", "",
             "Stationen ohne Angebot im Kiez und in den Nachbarkiezen: "
             + (", ".join(record["stufen_ohne_angebot_nah"]) or "keine"),
             "Übergänge ohne zuständige Beratung: "
             + (", ".join(record["uebergaenge_ohne_beratung"]) or "keine"), "",
             "Angebot je Einwohner (Kiez / Bezirk / Berlin):"]
    for name, v in record["angebot_nachfrage"].items():
        lines.append(f"  {name.replace('_', ' ')}: {_value(v['kiez'])} / {_value(v['bezirk'])} / "
                     f"{_value(v['berlin'])} (Angebot {_value(v['angebot'])}, "
                     f"Einwohner {_value(v['nachfrage'])})")
    lines += ["", "Lebenslauf von der Geburt bis ins Alter im Kiez möglich: "
              + ("ja" if record["lebenslauf_moeglich"] else "nein"),
              "Kritische Übergänge (ohne sie bricht der Weg ab): "
              + (", ".join(record["kritische_uebergaenge"]) or "keine")]
    return "\n".join(lines) + "\n"
