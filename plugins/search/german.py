"""German text pipeline for the search index: one config (data) that Python and the browser share.

Python builds the index with these functions; the browser builds the same functions from the
JSON that `pipeline_config()` returns (theme/static/js/search-core.js), except the stemmer, which
is lunr-languages' `stemmer-de` there and PyStemmer's German (libstemmer 2.2.0, same rules) here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import Stemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

# Letters of the Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic scripts plus ASCII digits:
# everything else separates words. Written as a regex character-class body valid in both Python
# and JavaScript (BMP code points only, so JS needs no `u` flag).
WORD_CHARACTERS = (
    "0-9A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02af"
    "\\u0370-\\u03ff\\u0400-\\u052f\\u0531-\\u0587\\u05d0-\\u05ea\\u0620-\\u064a"
    "\\u0660-\\u0669\\u066e-\\u06d3\\u1e00-\\u1eff\\u1f00-\\u1fff"
)
SEPARATOR = f"[^{WORD_CHARACTERS}]"

# German transliteration: "Muenchen" and "München" both become "muenchen" before stemming.
GERMAN_FOLDING = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}

STOPWORD_FILE = Path(__file__).with_name("stopwords_de.txt")
STEMMER_LABEL = "stemmer-de"  # the name lunr-languages' lunr.de.js registers its stemmer under
STOPWORD_LABEL = "stopWordFilter-bw"
FOLD_LABEL = "fold-bw"
PIPELINE = [STOPWORD_LABEL, FOLD_LABEL, STEMMER_LABEL]


def stopwords() -> list[str]:
    """German stop words (the list lunr-languages' lunr.de.js uses; see stopwords_de.txt)."""
    lines = STOPWORD_FILE.read_text(encoding="utf-8").splitlines()
    return sorted({w.strip() for w in lines if w.strip() and not w.startswith("#")})


def folding_table() -> dict[str, str]:
    """Lower-case letters to fold: German umlauts/ß to digraphs, other Latin diacritics dropped.

    Computed here once (Unicode decomposition) and shipped to the browser as a plain table.
    """
    table: dict[str, str] = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if char.lower() != char:
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base != char and re.fullmatch("[a-z]+", base):
            table[char] = base
    table.update(GERMAN_FOLDING)
    return dict(sorted(table.items()))


def pipeline_config() -> dict:
    """Everything the browser needs to process a query exactly like the index was processed."""
    return {
        "separator": SEPARATOR,
        "stopwords": stopwords(),
        "folding": folding_table(),
        "pipeline": PIPELINE,
    }


def split_words(text: str) -> list[str]:
    """Lower-case `text` and split it into words (what lunr.tokenizer does with SEPARATOR)."""
    return [w for w in _separator_re().split(str(text).lower()) if w]


@lru_cache(maxsize=1)
def _separator_re() -> re.Pattern[str]:
    return re.compile(SEPARATOR + "+")


def _stop_word_filter() -> Callable:
    words = frozenset(stopwords())

    def stop_word_filter(token: Token, i=None, tokens=None):
        if token and str(token) not in words:
            return token
        return None

    return stop_word_filter


def _fold() -> Callable:
    table = folding_table()
    pattern = re.compile("[" + "".join(table) + "]")

    def fold(token: Token, i=None, tokens=None):
        return token.update(lambda s, metadata=None: pattern.sub(lambda m: table[m.group()], s))

    return fold


def _stemmer() -> Callable:
    stem_word = Stemmer.Stemmer("german").stemWord

    def stemmer(token: Token, i=None, tokens=None):
        return token.update(lambda s, metadata=None: stem_word(s))

    return stemmer


@lru_cache(maxsize=1)
def registered_functions() -> tuple[Callable, ...]:
    """Register the pipeline functions with lunr.py (once) and return them in pipeline order."""
    functions = {
        STOPWORD_LABEL: _stop_word_filter(), FOLD_LABEL: _fold(), STEMMER_LABEL: _stemmer(),
    }
    for label, fn in functions.items():
        Pipeline.register_function(fn, label)
    return tuple(functions[label] for label in PIPELINE)


@cache
def process_word(word: str) -> str | None:
    """Run one word through the pipeline; None when it is a stop word. Remembered per word: our
    functions map one token to one token or none, independent of its neighbours and field."""
    token: Token | None = Token(word.lower())
    for fn in registered_functions():
        token = fn(token)
        if token is None:
            return None
    return str(token)
