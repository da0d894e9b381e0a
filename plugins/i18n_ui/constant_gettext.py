"""Jinja extension: `_("literal")` is translated once when a template compiles, not on every page.

The newstyle gettext of `jinja2.ext.i18n` runs a Python call per text and page (≈ 30 per page,
≈ 6,000 pages). A call with one string literal and nothing else has the same result on every
page, so this extension replaces it in the token stream by the translated literal marked safe,
exactly what newstyle gettext returns under autoescape (`Markup(gettext(text)) % {}`); Jinja then
folds it into the template's constant output. Calls with variables, `%` in the text, `ngettext`
and `{% trans %}` are left to `jinja2.ext.i18n`.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

# name `_`, `(`, one string, `)`
_PATTERN = (("name", "_"), ("lparen", None), ("string", None), ("rparen", None))


class ConstantGettext(Extension):
    """Set `environment.constant_translations` before templates compile; unset, it does nothing."""

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.extend(constant_translations=None)

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        translations: gettext.NullTranslations | None = self.environment.constant_translations
        if translations is None:
            yield from stream
            return
        window: list[Token] = []
        for token in stream:
            window.append(token)
            if not _matches_prefix(window):
                yield from _flush(window)
                continue
            if len(window) == len(_PATTERN):
                yield from _translated(window, translations)
                window.clear()
        yield from window


def _matches_prefix(window: list[Token]) -> bool:
    return all(token.type == kind and (value is None or token.value == value)
               for token, (kind, value) in zip(window, _PATTERN, strict=False))


def _flush(window: list[Token]) -> Iterator[Token]:
    """Emit tokens until the rest could still start the pattern (a `_` may begin it again)."""
    while window and not _matches_prefix(window):
        yield window.pop(0)


def _translated(window: list[Token], translations: gettext.NullTranslations) -> list[Token]:
    name, _lparen, string, _rparen = window
    text = translations.gettext(string.value)
    if "%" in text or "%" in string.value:
        return list(window)  # newstyle gettext formats `%`: keep the runtime call
    line = name.lineno
    return [Token(line, "lparen", "("), Token(line, "string", text), Token(line, "pipe", "|"),
            Token(line, "name", "safe"), Token(line, "rparen", ")")]
