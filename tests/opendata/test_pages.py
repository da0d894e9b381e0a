"""The /daten/ pages of a real build: resources, licence as stated, ODbL notice, schema, links."""

from __future__ import annotations

import html
import re

from opendata_pages.sources import sources_html


def page_text(site, path: str) -> str:
    return html.unescape((site / path.strip("/") / "index.html").read_text(encoding="utf-8"))


def section(text: str, resource_name: str) -> str:
    match = re.search(rf'<section id="{re.escape(resource_name)}".*?</section>', text, re.S)
    assert match, resource_name
    return match.group(0)


def test_overview_lists_every_package_with_downloads(site, packages):
    text = page_text(site, "/daten/")
    for package in packages:
        assert package.title in text
        assert f'href="/daten/{package.name}.zip"' in text
    assert 'href="/daten/catalog.ttl"' in text and 'href="/daten/catalog.jsonld"' in text


def test_descriptions_show_no_markdown_code_marks(site, packages):
    """Package, resource and field descriptions are shown as plain text: a backtick from a
    Markdown habit would stand on the page as it is (the analyse package had one)."""
    pages = ["/daten/"] + [f"/daten/{package.name}/" for package in packages]
    for path in pages:
        visible = re.sub(r"<(code|pre|script)\b.*?</\1>|<[^>]+>", " ", page_text(site, path),
                         flags=re.S)
        assert "`" not in visible, (path, visible[max(0, visible.find("`") - 80):][:200])


def test_package_page_shows_each_resource_with_licence_source_and_schema(site, packages):
    for package in packages:
        text = page_text(site, f"/daten/{package.name}/")
        for resource in package.resources:
            part = section(text, resource.name)
            assert resource.title in part
            assert f'href="/daten/{package.name}/{resource.path}"' in part
            for licence in resource.licences:
                assert licence.title in part  # exactly as the descriptor says
            for source in resource.sources:
                assert source.title in part and (source.licence or "") in part
            if resource.rows is not None:
                assert f"{resource.rows:,}".replace(",", ".") in part
            if resource.fields:
                assert '<th scope="col">Feld</th>' in part
                for field in resource.fields:
                    assert f"<code>{field.name}</code>" in part


def test_unverified_and_unknown_licences_stay_visible(site, packages):
    unverified = [(p, r) for p in packages for r in p.resources
                  if any("nicht verifiziert" in lic.title for lic in r.licences)]
    assert unverified
    for package, resource in unverified:
        assert "nicht verifiziert" in section(page_text(site, f"/daten/{package.name}/"),
                                              resource.name)


def test_odbl_notice_only_on_the_osm_resource(site, packages):
    for package in packages:
        text = page_text(site, f"/daten/{package.name}/")
        for resource in package.resources:
            has_notice = "Share-Alike" in section(text, resource.name)
            assert has_notice == resource.is_odbl, resource.name


def test_sources_page_renders_sources_md(site):
    text = page_text(site, "/daten/quellen/")
    assert "<h1>Herkunft der Rohdaten</h1>" in text
    assert "<table>" in text and "<h2>" in text
    assert (site / "daten" / "quellen" / "SOURCES.md").is_file()


def test_sources_markdown_is_sanitised():
    out = str(sources_html("# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) "
                           "[y](https://example.org)\n\n| a |\n|---|\n| b |\n"))
    assert "<script" not in out and "javascript:" not in out
    assert '<a href="https://example.org" rel="noopener noreferrer">y</a>' in out
    assert "<h2>T</h2>" in out and "<td>b</td>" in out
