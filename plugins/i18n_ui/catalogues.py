"""Load the gettext catalogue of a UI language from theme/translations (compiled in memory)."""

from __future__ import annotations

import gettext
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

# Templates are written in German: German needs no catalogue.
SOURCE_LANG = "de"


def catalogue_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / "messages.po"


def load_translations(translations_dir: Path, lang: str) -> gettext.NullTranslations:
    """Translations for `lang`; the `.po` is compiled in memory, so no `.mo` is committed."""
    if lang == SOURCE_LANG:
        return gettext.NullTranslations()
    po_path = catalogue_path(translations_dir, lang)
    if not po_path.is_file():
        raise ValueError(
            f"UI_LANG={lang}: Es gibt keinen Übersetzungskatalog {po_path}. "
            "Legen Sie ihn an (siehe docs/I18N.md) oder wählen Sie eine andere Sprache."
        )
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)


def text_direction(lang: str) -> str:
    """'rtl' for right-to-left scripts (ar, fa, he …), else 'ltr' – from CLDR via Babel."""
    return Locale.parse(lang.replace("-", "_")).text_direction
