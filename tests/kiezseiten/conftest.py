"""Build only a few real Kieze with the kiez_pages plugin (DATAPAGES_ONLY) into a temporary site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from site_settings import write_test_settings  # tests/ is on sys.path (rootdir of these packages)

from pathways import load

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:  # the plugin's own modules (kiez_pages.*)
    sys.path.append(str(ROOT / "plugins"))


def invalid_mss_kiez() -> str:
    """The first Kiez the MSS 2021 marks invalid (its indicators are empty in the data)."""
    mss = load.load_mss()
    return sorted(mss.loc[mss["gueltig"] != "gültig", "plr_id"])[0]


def kiez_with_most_offers() -> str:
    counts = load.load_offers()["plr_id"].value_counts()
    return sorted(counts[counts == counts.max()].index)[0]


SAMPLE_KIEZE = sorted({"01100101", "08100102", invalid_mss_kiez(), kiez_with_most_offers()})


def write_settings(folder: Path) -> Path:
    """Settings for a build with only the Kiez pages of SAMPLE_KIEZE (plus their JSON files)."""
    return write_test_settings(folder / "kiezconf.py", ["i18n_ui", "kiez_pages"],
                               {"kiez": SAMPLE_KIEZE})


@pytest.fixture(scope="session")
def kiez_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (in a subprocess, so no plugin signals stay connected in this process)."""
    folder = tmp_path_factory.mktemp("kiez")
    output = folder / "output"
    pelican = Path(sys.executable).parent / "pelican"
    result = subprocess.run(
        [str(pelican), "content", "-s", str(write_settings(folder)), "-o", str(output),
         "--fatal", "errors", "-q"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"Build fehlgeschlagen:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return output


def page_html(site: Path, plr_id: str) -> str:
    return (site / "kiez" / plr_id / "index.html").read_text(encoding="utf-8")


def section(html: str, section_id: str) -> str:
    """The HTML of <section id="…"> up to its closing tag (sections are not nested)."""
    match = re.search(rf'<section id="{section_id}".*?</section>', html, re.S)
    assert match, f"Abschnitt #{section_id} fehlt"
    return match.group(0)
