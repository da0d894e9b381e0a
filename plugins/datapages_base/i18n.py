"""UI texts made in Python, in the page's UI language: German msgids (marked with `N_` or written
as `gettext("…")`), translated with the catalogue the i18n_ui plugin installed (docs/I18N.md)."""

from __future__ import annotations

import functools
import gettext as gettext_module
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_environment
from markupsafe import Markup

from pathways.uitext import N_

Gettext = Callable[[str], str]
SOURCE_LANG = "de"
_NO_TRANSLATION = gettext_module.NullTranslations()

__all__ = ["N_", "Gettext", "data_lang_attribute", "env_gettext", "env_translations",
           "env_ui_lang", "label_filter", "translated", "with_gettext"]


def env_translations(env: Environment) -> gettext_module.NullTranslations:
    return env.globals.get("ui_translations") or _NO_TRANSLATION


def env_gettext(env: Environment) -> Gettext:
    """`gettext` of the UI language installed in `env` (German source text without a catalogue)."""
    return env_translations(env).gettext


def env_ui_lang(env: Environment) -> str:
    return env.globals.get("ui_lang") or SOURCE_LANG


def data_lang_attribute(env: Environment) -> Markup:
    """` lang="de"` for elements holding German data when the UI speaks another language."""
    content = env.globals.get("content_lang") or SOURCE_LANG
    return Markup(' lang="{}"').format(content) if content != env_ui_lang(env) else Markup("")


def with_gettext(func: Callable[..., Any], ui_lang: bool = False) -> Callable[..., Any]:
    """A Jinja filter from `func(value, …, gettext=…[, ui_lang=…])`: texts (and, with
    `ui_lang`, number formats) in the page's UI language."""

    @pass_environment
    @functools.wraps(func)
    def apply(env: Environment, *args: Any, **kwargs: Any) -> Any:
        if ui_lang:
            kwargs["ui_lang"] = env_ui_lang(env)
        return func(*args, gettext=env_gettext(env), **kwargs)

    return apply


@pass_environment
def translated(env: Environment, text: object) -> object:
    """Jinja filter `ui`: a German UI label made in Python (marked `N_`), translated."""
    return env_gettext(env)(text) if isinstance(text, str) and text else text


def label_filter(labels: dict[str, str]) -> Callable[..., object]:
    """Jinja filter: the translated label of a coded value; the value itself if it has none."""

    @pass_environment
    def apply(env: Environment, value: object) -> object:
        if isinstance(value, str) and value in labels:
            return env_gettext(env)(labels[value])
        return value

    return apply
