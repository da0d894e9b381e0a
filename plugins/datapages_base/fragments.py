"""Template fragments rendered once per build and distinct arguments, then reused as Markup.

Many parts of data pages are the same on hundreds of pages (a transition with the counselling of
one Bezirk, the next steps from a stage, the services of a Bezirk). `{{ fragment("x.html",
t=t) }}` renders `x.html` with only its arguments, the environment's globals and `SITEURL`, and
remembers the result by (template, arguments). A fragment must therefore read nothing else of the
page context. Arguments must be hashable (lists are taken as tuples), and arguments that are
equal must render the same (1 == 1.0 == True share one entry: pass values of one type).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class FragmentCache:
    """The Jinja global `fragment(name, **arguments)` of one environment (one per generator)."""

    def __init__(self, env: Environment, constants: dict[str, Any]) -> None:
        self.env = env
        self.constants = constants
        self._rendered: dict[tuple, Markup] = {}

    def __call__(self, template_name: str, /, **arguments: Any) -> Markup:
        key = (template_name, *arguments.items())  # a call site names its arguments in order
        try:
            rendered = self._rendered.get(key)
        except TypeError:  # a list among the arguments
            key = (template_name, *((k, _frozen(v)) for k, v in arguments.items()))
            rendered = self._rendered.get(key)
        if rendered is None:
            template = self.env.get_template(template_name)
            rendered = Markup(template.render(self.constants, **arguments))
            self._rendered[key] = rendered
        return rendered
