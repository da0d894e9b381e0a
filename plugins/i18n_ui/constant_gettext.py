"""Jinja extension: `_("literal"[, name=value …])` is translated once when a template compiles.

The newstyle gettext of `jinja2.ext.i18n` runs a Python call per text and page (≈ 30 per page,
≈ 6,000 pages) and returns `Markup(gettext(text)) % variables` under autoescape. The translation
of a string literal is the same on every page, so this extension rewrites the call in the token
stream: without variables to the translated literal marked safe (Jinja folds it into the
template's constant output); with keyword variables to `("translated"|safe) % {"name": (value)}`,
the same formatting (and escaping of the values) newstyle gettext does, minus the call. Calls with
positional or `*`/`**` arguments, `ngettext` and `{% trans %}` are left to `jinja2.ext.i18n`.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

# name `_`, `(`, one string; then `)` (a literal) or `,` (keyword variables follow)
_PATTERN = (("name", "_"), ("lparen", None), ("string", None))
_OPEN = {"lparen", "lbracket", "lbrace"}
_CLOSE = {"rparen", "rbracket", "rbrace"}


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
        tokens = iter(stream)
        window: list[Token] = []
        for token in tokens:
            window.append(token)
            if not _matches_prefix(window):
                yield from _flush(window)
                continue
            if len(window) == len(_PATTERN):
                yield from _translated(window, _call_rest(tokens), translations)
                window.clear()
        yield from window


def _matches_prefix(window: list[Token]) -> bool:
    return all(token.type == kind and (value is None or token.value == value)
               for token, (kind, value) in zip(window, _PATTERN, strict=False))


def _flush(window: list[Token]) -> Iterator[Token]:
    """Emit tokens until the rest could still start the pattern (a `_` may begin it again)."""
    while window and not _matches_prefix(window):
        yield window.pop(0)


def _call_rest(tokens: Iterator[Token]) -> list[Token]:
    """The tokens after the string up to and including the call's closing `)` (or to the end)."""
    rest: list[Token] = []
    depth = 0
    for token in tokens:
        rest.append(token)
        if token.type in _OPEN:
            depth += 1
        elif token.type in _CLOSE:
            if depth == 0:
                break
            depth -= 1
    return rest


def _keyword_arguments(rest: list[Token]) -> list[tuple[str, list[Token]]] | None:
    """`, name=expr, …)` as (name, expr tokens); None for anything else."""
    if not rest or rest[-1].type != "rparen" or rest[0].type != "comma":
        return None
    arguments: list[tuple[str, list[Token]]] = []
    current: list[Token] = []
    depth = 0
    for token in rest[1:-1]:
        if token.type == "comma" and depth == 0:
            arguments.append(("", current))
            current = []
            continue
        depth += token.type in _OPEN
        depth -= token.type in _CLOSE
        current.append(token)
    if current:
        arguments.append(("", current))
    named = []
    for _, part in arguments:
        if len(part) < 3 or part[0].type != "name" or part[1].type != "assign":
            return None
        named.append((part[0].value, part[2:]))
    names = [name for name, _ in named]
    return named if named and len(set(names)) == len(names) else None


def _translated(window: list[Token], rest: list[Token],
                translations: gettext.NullTranslations) -> list[Token]:
    name, _lparen, string = window
    text = translations.gettext(string.value)
    line = name.lineno
    literal = [Token(line, "lparen", "("), Token(line, "string", text), Token(line, "pipe", "|"),
               Token(line, "name", "safe"), Token(line, "rparen", ")")]
    if [t.type for t in rest] == ["rparen"]:
        if "%" in text or "%" in string.value:
            return [*window, *rest]  # newstyle gettext formats `%`: keep the runtime call
        return literal
    arguments = _keyword_arguments(rest)
    if arguments is None:
        return [*window, *rest]
    mapping: list[Token] = [Token(line, "lbrace", "{")]
    for i, (key, expression) in enumerate(arguments):
        if i:
            mapping.append(Token(line, "comma", ","))
        mapping += [Token(line, "string", key), Token(line, "colon", ":"),
                    Token(line, "lparen", "("), *expression, Token(line, "rparen", ")")]
    mapping.append(Token(line, "rbrace", "}"))
    return [Token(line, "lparen", "("), *literal, Token(line, "mod", "%"), *mapping,
            Token(line, "rparen", ")")]
