"""The `bildungswege` command: one sub-command per pipeline stage; errors for people, no traces."""

from __future__ import annotations

import argparse
import importlib
import sys

from pathways.errors import UserError

# Each module defines `register(subparsers)`, adding its sub-command with `func=` as default.
COMMAND_MODULES = [
    "pathways.importer.command",
    "pathways.check.command",
    "pathways.plan_command",
    "pathways.analyse_command",
    "pathways.precompute_command",
]


class _Parser(argparse.ArgumentParser):
    """argparse, but its usage errors are German and exit with 2 like every other input error."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"Fehler: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bildungswege",
        description="Bildungswege Berlin: Daten importieren, prüfen, Bildungswege planen.",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as err:
        print(f"Fehler: {err}" if not hasattr(err, "problems") else str(err), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
