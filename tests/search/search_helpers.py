"""Helpers for the search tests: project root and the node driver for Lunr.js."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

NODE_DRIVER = Path(__file__).with_name("node_search.js")


def run_node(*args, queries: list[dict]) -> list[dict]:
    """Run tests/search/node_search.js with `queries`; its JSON answer."""
    qfile = Path(args[-1]).with_suffix(".json")
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["node", str(NODE_DRIVER), *args[:-1], str(qfile)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)
