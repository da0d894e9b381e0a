"""Render page templates as `Template.render(context, **variables)` does, with less copying.

`Template.render` copies the context (≈ 150 Pelican settings) into a new dict and then again with
the template's globals, for every page. The context and the globals do not change while a family
writes its pages, so `PageRenderer` merges them once per template; a page then costs one copy.
(Pelican's Jinja environment is not async, so no `asyncio` branch as in `Template.render`.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import Template


class PageRenderer:
    """Renders templates with one fixed `context` (the generator's) plus per-page variables."""

    def __init__(self, context: Mapping[str, Any]) -> None:
        self.context = context
        self._parents: dict[Template, dict[str, Any]] = {}

    def render(self, template: Template, variables: Mapping[str, Any]) -> str:
        parent = self._parents.get(template)
        if parent is None:  # globals < context < variables, as in Template.render
            parent = self._parents[template] = {**template.globals, **self.context}
        context = template.new_context({**parent, **variables}, shared=True)
        try:
            return template.environment.concat(template.root_render_func(context))
        except Exception:
            template.environment.handle_exception()  # raises, with template lines in the traceback
