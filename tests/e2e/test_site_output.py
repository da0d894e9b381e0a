"""Checks over the whole built site (no browser): links resolve, nothing needs unsafe-inline,
the same input gives the same bytes."""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from pathways.paths import ROOT

from .conftest import build_command
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


SWALLOWED_LIST_ITEM = re.compile(r"<p>[^<]*(?:<(?!/p>)[^<]*)*?\n\s*(?:\d+\.|[-*+])\s", re.S)


def test_editorial_lists_are_not_swallowed_by_a_paragraph(built_site):
    """A Markdown list item without the blank line or indentation it needs ends up as text."""
    slugs = [re.search(r"^Slug:\s*(\S+)", p.read_text(encoding="utf-8"), re.M).group(1)
             for p in sorted((ROOT / "content" / "pages").glob("*.md"))]
    pages = [built_site / slug / "index.html" for slug in slugs]
    assert len(pages) >= 5 and all(p.is_file() for p in pages)
    broken = [slug for slug, page in zip(slugs, pages, strict=True)
              if SWALLOWED_LIST_ITEM.search(page.read_text(encoding="utf-8"))]
    assert not broken


LIST = re.compile(r"<(ul|ol)\b[^>]*>(.*?)</\1>", re.S)
NEXT_STEPS = re.compile(r'<p class="weg-naechste">(.*?)</p>', re.S)
FIRST_LINK_TEXT = re.compile(r"<li\b[^>]*>\s*<a\b[^>]*href=\"/[^>]*>([^<]+)</a>")  # site pages


def _german_order(name: str) -> str:
    """How a German reader looks a name up: Ä under A, ß as ss, case ignored (DIN 5007-1)."""
    plain = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def test_alphabetical_lists_follow_german_order(built_site):
    """A list of names in code-point order puts 'Freiwilligendienst' before 'Förderzentrum' and
    'adagio' after 'Zwerge'; every list of links that is sorted by name must be sorted the German
    way (offer next steps, Kiez neighbours and offers, Bezirk Kieze, stage and service lists),
    and so must the Kiez pathway's "Von hier aus möglich" (not by stage id: "sprachkurs" is
    "Deutschkurs …")."""
    offenders, alphabetical = [], 0
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for match in LIST.finditer(text):
            names = [html.unescape(n).strip() for n in FIRST_LINK_TEXT.findall(match.group(2))]
            if len(names) < 3 or names not in (sorted(names), sorted(names, key=_german_order)):
                continue
            alphabetical += 1
            keys = [_german_order(n) for n in names]
            if keys != sorted(keys):
                offenders.append(f"{page.relative_to(built_site)}: {names}")
        for match in NEXT_STEPS.finditer(text):
            names = [html.unescape(n) for n in re.findall(r"<a\b[^>]*>([^<]+)</a>", match.group(1))]
            alphabetical += 1
            if [_german_order(n) for n in names] != sorted(_german_order(n) for n in names):
                offenders.append(f"{page.relative_to(built_site)}: {names}")
    assert alphabetical > 5000
    assert not offenders, "\n".join(offenders[:20])


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_process_and_another_hash_seed_give_the_same_bytes(built_site, tmp_path):
    """The forked parts (Kiez pages, search index) write what one process writes, and nothing
    depends on the order of a set or dict of strings (Python's hash seed)."""
    again = tmp_path / "output"
    env = {**os.environ, "BILDUNGSWEGE_FORK": "0", "PYTHONHASHSEED": "12345"}
    done = subprocess.run(build_command(again), cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    first, second = _digests(built_site), _digests(again)
    assert first.keys() == second.keys()
    assert sorted(name for name in first if first[name] != second[name]) == []


def test_every_page_but_the_404_has_a_meta_description(built_site):
    """Search engines and link previews show it; the 404 page is not meant to be found."""
    pages = [p for p in sorted(built_site.rglob("*.html")) if p.name != "404.html"]
    missing = [str(p.relative_to(built_site)) for p in pages
               if not re.search(r'<meta name="description" content="[^"]{20,}"',
                                p.read_text(encoding="utf-8"))]
    assert len(pages) > 5000 and missing == []
