"""Page weight of the Kiez pages: bytes (gzip -9) a browser loads for one Kiez page before search.

Counts the HTML, every stylesheet and script it links from this site, and the per-Kiez pathway
JSON that pathway.js fetches on load. Reads a built site (default output/; build with `make site`).
Usage: .venv/bin/python bench/kiez_page.py [SITE_DIR]
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
DATA_JSON = re.compile(r'data-json(?:-shared)?="([^"]+)"')
TARGET = 100 * 1000  # issue 4: ≤ 100 kB gzip before search is used


@cache
def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def page_weight(site: Path, page: Path) -> dict[str, int]:
    html = page.read_text(encoding="utf-8")
    parts = {"html": gz_size(page)}
    for url in ASSET.findall(html) + DATA_JSON.findall(html):
        if url.startswith("/"):
            parts[url] = gz_size(site / url.lstrip("/"))
    return parts


def main(site: Path) -> int:
    pages = sorted((site / "kiez").glob("*/index.html"))
    if not pages:
        print(f"Keine Kiez-Seiten in {site}/kiez/ – bitte zuerst `make site`.", file=sys.stderr)
        return 2
    weights = {p.parent.name: page_weight(site, p) for p in pages}
    totals = {k: sum(v.values()) for k, v in weights.items()}
    html = sorted(v["html"] for v in weights.values())
    heaviest = max(totals, key=lambda k: (totals[k], k))
    print(f"Kiez pages: {len(pages)}")
    print(f"HTML alone (gzip): median {statistics.median(html) / 1000:.1f} kB, "
          f"max {html[-1] / 1000:.1f} kB")
    print(f"Page with CSS, JS and pathway JSON (gzip): median "
          f"{statistics.median(totals.values()) / 1000:.1f} kB, max "
          f"{totals[heaviest] / 1000:.1f} kB (Kiez {heaviest}); target ≤ {TARGET / 1000:.0f} kB")
    for name, size in sorted(weights[heaviest].items()):
        print(f"  {name}: {size / 1000:.1f} kB")
    return 0 if totals[heaviest] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "output"))
