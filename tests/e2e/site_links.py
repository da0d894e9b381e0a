"""Find internal links and assets of a built site that do not resolve (no browser needed)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes whose value the browser or the reader follows; data-index is what a script fetches
# (a JSON file, or a directory of index files when it ends with "/").
LINK_ATTRIBUTE = re.compile(r'\s(href|src|action|data-index)="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')
EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def target_file(root: Path, page: Path, link: str, attribute: str = "href") -> Path | None:
    """The file (or data directory) `link` in `page` points to; None for external links."""
    if link.startswith(EXTERNAL_SCHEMES) or link.startswith("//"):
        return None
    path = unquote(urlsplit(link).path)
    if not path:
        return page
    base = Path("/") / page.relative_to(root).parent
    resolved = (Path(path) if path.startswith("/") else base / path).as_posix()
    candidate = root / resolved.lstrip("/")
    if attribute.startswith("data-") and path.endswith("/"):
        return candidate
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


def broken_links(root: Path) -> list[str]:
    """'page -> link' for every internal href/src/action whose file or #fragment is missing."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(ID_ATTRIBUTE.findall(path.read_text(encoding="utf-8")))
        return ids[path]

    problems = []
    for page in sorted(root.rglob("*.html")):
        for attribute, link in sorted(
            set(LINK_ATTRIBUTE.findall(page.read_text(encoding="utf-8")))
        ):
            target = target_file(root, page, link, attribute)
            if target is None:
                continue
            fragment = urlsplit(link).fragment
            if not (target.is_file() or (attribute.startswith("data-") and target.is_dir())):
                problems.append(f"{page.relative_to(root)} -> {link}")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                problems.append(f"{page.relative_to(root)} -> {link} (Anker fehlt)")
    return problems


def summarise(problems: list[str], limit: int = 40) -> str:
    """One line per missing target: how many pages link to it and one example page."""
    by_target: dict[str, list[str]] = {}
    for problem in problems:
        page, target = problem.split(" -> ", 1)
        by_target.setdefault(target, []).append(page)
    ranked = sorted(by_target.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = [f"{target}  ({len(pages)} Seiten, z. B. {pages[0]})" for target, pages in ranked]
    more = f"\n… und {len(lines) - limit} weitere Ziele" if len(lines) > limit else ""
    return (
        f"{len(by_target)} fehlende Ziele in {len(problems)} Links:\n"
        + "\n".join(lines[:limit])
        + more
    )
