"""Benchmark of the site search: bytes a first query transfers, ours (sharded lunr) vs Pagefind.

Builds our index from the real data, then runs Pagefind (PyPI, reference only) over the built HTML
pages (output/ when the page generators have written offer pages there, else one plain page per
search document, as in issue 4's measurement). Every file a first query requests is counted at its
gzip size (-9; Pagefind's files are already gzipped, so they count as they are).
Usage: .venv/bin/python bench/search.py [--write-docs]
"""

from __future__ import annotations

import gzip
import html
import http.server
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from search.build import copy_vendor, search_documents, write_index  # noqa: E402
from search.index import build_index  # noqa: E402
from search.shards import dumps  # noqa: E402
from search.sources import load_search_inputs  # noqa: E402

QUERIES = ["Grundschule Neukölln", "Kita Wedding", "Bibliothek Pankow", "Kurs"]
SHOWN = 20  # results whose details our page shows at once
PAGEFIND_SHOWN = 5  # results Pagefind's default UI loads first
STATIC = ["theme/vendor/lunr.min.js", "theme/vendor/lunr.stemmer.support.min.js",
          "theme/vendor/lunr.de.min.js", "theme/js/search-core.js", "theme/js/search.js"]


def gz(data: bytes) -> int:
    if data[:2] == b"\x1f\x8b":
        return len(data)
    return len(gzip.compress(data, 9, mtime=0))


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def ours(site: Path) -> dict:
    fetched = json.loads(subprocess.run(
        ["node", str(ROOT / "tests/search/node_search.js"), "sharded", str(site / "search"),
         _queries_file(site, [{"text": q, "details": SHOWN} for q in QUERIES])],
        capture_output=True, text=True, check=True).stdout)
    static = sum(gz((ROOT / "theme/static" / p[len("theme/"):]).read_bytes())
                 if p.startswith("theme/js") else gz((site / p).read_bytes()) for p in STATIC)
    per_query = {}
    for q, answer in zip(QUERIES, fetched, strict=True):
        files = set(answer["fetched"]) | {"meta.json"}
        per_query[q] = static + sum(gz((site / "search" / f).read_bytes()) for f in files)
    return per_query


def _queries_file(site: Path, queries: list[dict]) -> str:
    path = site / "bench-queries.json"
    path.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    return str(path)


def plain_pages(site: Path, docs) -> None:
    """One bare HTML page per search document (what a naive site would have)."""
    for doc in docs:
        page = site / doc.url.strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        body = " ".join(t for texts in doc.fields.values() for t in texts if t)
        page.write_text(
            f"<!doctype html><html lang=de><head><meta charset=utf-8><title>{html.escape(doc.name)}"
            f"</title></head><body><main><h1>{html.escape(doc.name)}</h1><p>{html.escape(doc.type_label)}"
            f"</p><p>{html.escape(body)}</p></main></body></html>", encoding="utf-8")


def pagefind(site: Path) -> dict:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "de"]
    subprocess.run(command, check=True, capture_output=True)
    (site / "pf-bench.html").write_text(
        "<!doctype html><meta charset=utf-8><script type=module src=/pf-bench.js></script>")
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(site), **kw)

        def log_message(self, *args):
            requested.append(self.path.split("?")[0])

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from playwright.sync_api import sync_playwright

    results = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
            for q in QUERIES:
                (site / "pf-bench.js").write_text(
                    "const pf = await import('/pagefind/pagefind.js');"
                    f"const s = await pf.search({json.dumps(q)});"
                    f"await Promise.all(s.results.slice(0, {PAGEFIND_SHOWN}).map(r => r.data()));"
                    "document.title = 'done ' + s.results.length;")
                page = browser.new_page()
                requested.clear()
                page.goto(f"http://127.0.0.1:{server.server_port}/pf-bench.html")
                page.wait_for_function("document.title.startsWith('done')", timeout=60000)
                files = {p for p in requested if p.startswith("/pagefind/")}
                results[q] = sum(gz((site / p.lstrip("/")).read_bytes()) for p in files)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def main() -> None:
    inputs = load_search_inputs()
    docs = search_documents(inputs)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        start = time.perf_counter()
        write_index(site, inputs)
        copy_vendor(site)
        build_seconds = time.perf_counter() - start
        whole = dumps(build_index(docs).serialize()).encode()
        our_bytes = ours(site)
        output = ROOT / "output"
        if (output / "angebote").is_dir():
            pf_site, pf_source = output, "output/ (built site)"
        else:
            pf_site, pf_source = site / "pages", "one plain page per document"
            plain_pages(pf_site, docs)
        pf_copy = Path(tmp) / "pf"
        subprocess.run(["cp", "-r", str(pf_site), str(pf_copy)], check=True)
        pf_bytes = pagefind(pf_copy)
        index_total = sum(gz(p.read_bytes()) for p in (site / "search").rglob("*.json"))
    lines = [
        f"documents: {len(docs)}; our index build {build_seconds:.1f} s; "
        f"all our index files {kib(index_total)} (gzip, sum)",
        f"naive monolithic lunr index: {kib(len(whole))} raw, {kib(gz(whole))} gzip",
        f"Pagefind run over: {pf_source}",
        "| query | ours (first query, gzip) | Pagefind (first query, gzip) |",
        "|---|---|---|",
    ] + [f"| {q} | {kib(our_bytes[q])} | {kib(pf_bytes[q])} |" for q in QUERIES]
    print("\n".join(lines))
    if "--write-docs" in sys.argv:
        write_benchmarks(lines)


def write_benchmarks(lines: list[str]) -> None:
    path = ROOT / "docs" / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    head, _, rest = text.partition("\n## Suche\n")
    tail = rest.partition("\n## ")[2]
    section = ("\n## Suche\n\n`bench/search.py` (same run, same data; bytes a first query "
               f"transfers incl. scripts, details of the first {SHOWN} results for ours, "
               f"{PAGEFIND_SHOWN} for Pagefind's default).\n\n" + "\n".join(lines) + "\n")
    path.write_text(head.rstrip("\n") + "\n" + section + (f"\n## {tail}" if tail else ""),
                    encoding="utf-8")


if __name__ == "__main__":
    main()
