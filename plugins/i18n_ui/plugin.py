"""Install the UI catalogue into every generator's Jinja environment; add /<lang>/ pages."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from pelican import signals

from .catalogues import SOURCE_LANG, load_translations, text_direction
from .constant_gettext import ConstantGettext
from .subsites import entry_generators

CONSTANT_GETTEXT = f"{ConstantGettext.__module__}.{ConstantGettext.__name__}"


def translations_dir(settings: dict) -> Path:
    return Path(settings["THEME"]) / "translations"


def configure_environment(
    env: Environment, settings: dict, ui_lang: str, content_lang: str, subsite: bool = False
) -> None:
    """Make `_()`/`{% trans %}` speak `ui_lang`; expose `ui_lang`, `ui_dir`, `content_lang` and
    `ui_translations` (for UI labels made in Python, see datapages_base/i18n.py).

    `ui_subsite` is true for the /<lang>/ entry pages (their home is /<lang>/, not /).
    """
    translations = load_translations(translations_dir(settings), ui_lang)
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations, newstyle=True)
    if CONSTANT_GETTEXT not in env.extensions:
        env.add_extension(ConstantGettext)
    env.constant_translations = translations  # `_("literal")` translated at compile time
    env.globals.update(
        ui_lang=ui_lang,
        ui_dir=text_direction(ui_lang),
        content_lang=content_lang,
        source_lang=SOURCE_LANG,
        ui_subsite=subsite,
        ui_translations=translations,
    )


def on_generator_init(generator) -> None:
    settings = generator.settings
    ui_lang = getattr(generator, "ui_lang", settings.get("UI_LANG", SOURCE_LANG))
    content_lang = getattr(generator, "content_lang", settings.get("DEFAULT_LANG", SOURCE_LANG))
    subsite = getattr(generator, "ui_subsite", False)
    configure_environment(generator.env, settings, ui_lang, content_lang, subsite)


def register() -> None:
    signals.generator_init.connect(on_generator_init)
    signals.get_generators.connect(entry_generators)
