"""Pelican settings for test builds of a part of the real site (one writer for all test suites)."""

from __future__ import annotations

from pathlib import Path

from pathways.paths import ROOT


def write_test_settings(path: Path, plugins: list[str], only: dict | None = None) -> Path:
    """Write settings that extend pelicanconf.py with `plugins` and, if given, DATAPAGES_ONLY."""
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from pelicanconf import *  # noqa: F401,F403",
        f"PATH = {str(ROOT / 'content')!r}",
        f"THEME = {str(ROOT / 'theme')!r}",
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]",
        f"PLUGINS = {plugins!r}",
    ]
    if only is not None:
        lines.append(f"DATAPAGES_ONLY = {only!r}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
