"""The link checker itself, on a tiny hand-made site (fast; no build, no browser)."""

from __future__ import annotations

from .site_links import broken_links


def write(root, path, text):
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def test_reports_missing_pages_assets_anchors_and_data(tmp_path):
    write(
        tmp_path,
        "index.html",
        (
            '<a href="/a/">a</a> <a href="/fehlt/">x</a> <a href="a/#da">ok</a>'
            ' <a href="/a/#weg">y</a> <img src="/img/fehlt.svg">'
            ' <a href="https://example.org/">ext</a> <a href="mailto:x@y">m</a>'
            ' <form action="/a/"></form> <div data-index="/data/k.json"></div>'
            ' <div data-index="/search/"></div> <a href="#top">t</a>'
        ),
    )
    write(tmp_path, "a/index.html", '<h1 id="da">A</h1> <a href="../index.html">up</a>')
    (tmp_path / "search").mkdir()
    assert sorted(broken_links(tmp_path)) == [
        "index.html -> #top (Anker fehlt)",
        "index.html -> /a/#weg (Anker fehlt)",
        "index.html -> /data/k.json",
        "index.html -> /fehlt/",
        "index.html -> /img/fehlt.svg",
    ]
