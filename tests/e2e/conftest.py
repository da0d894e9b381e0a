"""End-to-end harness: build the site once, serve it on 127.0.0.1, drive Debian chromium.

Installs nothing: `make browser` provides /usr/bin/chromium, `make install` Playwright and axe-core.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build_command(output: Path) -> list[str]:
    """The Pelican call of `make site` (without its `bildungswege check` step, tested elsewhere)."""
    pelican = Path(sys.executable).parent / "pelican"
    return [
        str(pelican),
        "content",
        "-s",
        "pelicanconf.py",
        "-o",
        str(output),
        "--fatal",
        "errors",
        "-q",
    ]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built once per test session (per xdist worker: e2e tests share a group)."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = subprocess.run(build_command(output), cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"Site build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return output


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files; unknown paths get the site's 404.html with status 404, like a real host."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server API
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SiteHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.fail("Debian chromium fehlt: `make browser` installiert es.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageRecord:
    """Console errors, uncaught exceptions and requests to other hosts seen by one page."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("request", self._on_request)
        page.on("response", self._on_response)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def _on_response(self, response) -> None:
        # Headless Chromium does not log every failed load (e.g. the favicon) to the console.
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _on_request(self, request) -> None:
        if urlsplit(request.url).hostname != "127.0.0.1" and not request.url.startswith("data:"):
            self.external.append(request.url)

    def ignore_document_status(self, url: str) -> None:
        """The page itself was served with an error status on purpose (the 404 page test)."""
        expected = (f"HTTP 404: {url}",)
        self.errors = [
            e
            for e in self.errors
            if e not in expected
            and not (e.startswith("console: Failed to load resource") and e.endswith(f"({url})"))
        ]

    def assert_clean(self) -> None:
        assert not self.errors, "Konsolenfehler:\n" + "\n".join(self.errors)
        assert not self.external, "Anfragen an andere Hosts:\n" + "\n".join(self.external)


@pytest.fixture
def context(browser) -> Iterator[object]:
    """A fresh browser context (no cookies, no cache); requests to other hosts are aborted."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    ctx.route(
        lambda url: urlsplit(url).hostname not in ("127.0.0.1", None),
        lambda route: route.abort(),
    )
    yield ctx
    ctx.close()


@pytest.fixture
def page(context) -> Iterator[object]:
    pg = context.new_page()
    pg.record = PageRecord(pg)
    yield pg
    pg.close()


@pytest.fixture
def visit(base_url: str) -> Callable[..., object]:
    """visit(page, path): open a page of the site; fail on console errors or foreign requests."""

    def _visit(page, path: str, expect_status: int = 200):
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.status == expect_status, (
            f"{path}: HTTP {response.status if response else 'keine Antwort'}"
        )
        page.wait_for_load_state("networkidle")
        if expect_status != 200:
            page.record.ignore_document_status(base_url + path)
        page.record.assert_clean()
        return response

    return _visit


def axe(page, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core (from node_modules) on the page; return violations of WCAG 2.1 A/AA rules.

    The script is evaluated through the DevTools protocol, so the page's strict CSP stays on.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        "async (tags) => await window.axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        tags or AXE_TAGS,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} – {targets}")
    return "\n".join(lines)
