"""Run the whole import: raw files → kieze, angebote, monitoring; all replaced or none."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from pathways import atomic
from pathways.importer import kieze, monitoring, offers
from pathways.importer.package import json_bytes
from pathways.importer.sources import copy_raw_sources

PACKAGES = ("kieze", "angebote", "monitoring")


def build_packages(raw_dir: Path, redaktion_dir: Path) -> dict[str, dict[str, bytes]]:
    """Every package as {file name: bytes}, including datapackage.json. Pure: writes nothing."""
    out = {}
    descriptor, files = kieze.build(raw_dir)
    out["kieze"] = {**files, "datapackage.json": json_bytes(descriptor)}
    descriptor, files = offers.build(raw_dir, redaktion_dir, kieze.kiez_reference_rows(raw_dir))
    out["angebote"] = {**files, "datapackage.json": json_bytes(descriptor)}
    descriptor, files = monitoring.build(raw_dir)
    out["monitoring"] = {**files, "datapackage.json": json_bytes(descriptor)}
    return out


def run_import(datapackages: Path, source_dir: Path | None) -> dict[str, dict[str, bytes]]:
    """Copy raw files (if a source dir exists), build all packages, then swap them in.

    Everything is built in memory and staged first; an error anywhere leaves the old packages.
    """
    raw_dir = copy_raw_sources(source_dir, datapackages / "_sources" / "berlin")
    packages = build_packages(raw_dir, datapackages / "redaktion")
    staging = Path(tempfile.mkdtemp(dir=datapackages, prefix=".import."))
    try:
        for name, files in packages.items():
            for file_name, data in files.items():
                atomic.write_bytes(staging / name / file_name, data)
        for name in PACKAGES:
            with atomic.replace_directory(datapackages / name) as new_dir:
                new_dir.rmdir()
                shutil.move(str(staging / name), new_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return packages
