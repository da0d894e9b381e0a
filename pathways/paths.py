"""Where things live in the project tree (one place, so no module hard-codes a path)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATAPACKAGES = ROOT / "datapackages"
RAW_SOURCES = DATAPACKAGES / "_sources" / "berlin"
REDAKTION = DATAPACKAGES / "redaktion"
SCHEMAS = REDAKTION / "schemas"
OUTPUT = ROOT / "output"
SHARED_BERLIN = ROOT.parent / "shared" / "data" / "berlin"
