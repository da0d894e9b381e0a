"""Checks over the whole built site (no browser): links resolve, nothing needs unsafe-inline."""

from __future__ import annotations

import re

import pytest

from .site_links import broken_links, summarise

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*application/ld\+json)[^>]*>\s*\S", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_every_internal_link_and_asset_resolves(built_site):
    problems = broken_links(built_site)
    assert not problems, summarise(problems)


def test_no_page_needs_unsafe_inline(built_site):
    offenders = []
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for name, pattern in (
            ("Inline-Skript", INLINE_SCRIPT),
            ("style=", STYLE_ATTRIBUTE),
            ("on…=", EVENT_HANDLER),
            ("<style>", re.compile(r"<style\b", re.I)),
        ):
            if pattern.search(text):
                offenders.append(f"{page.relative_to(built_site)}: {name}")
    assert not offenders, "\n".join(offenders[:50])


def test_every_page_carries_the_csp(built_site):
    missing = [
        str(p.relative_to(built_site))
        for p in built_site.rglob("*.html")
        if "content=\"default-src 'self'; script-src 'self'; style-src 'self'"
        not in p.read_text(encoding="utf-8")
    ]
    assert not missing, f"Seiten ohne CSP: {missing[:20]}"
