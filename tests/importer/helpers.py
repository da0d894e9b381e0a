"""Small readers shared by the importer tests."""

from __future__ import annotations

import csv
from pathlib import Path

from pathways import paths


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def raw_rows(name: str) -> list[dict[str, str]]:
    return read_rows(paths.RAW_SOURCES / name)
