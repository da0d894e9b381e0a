"""Decompounding at index time: extra tokens for the heads of German compound words.

"Integrationskurs" is indexed with the extra word "kurs", so a search for "Kurs" finds it. The
heads are a short documented list (compound_heads.txt); the browser needs no rule for this.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from .german import split_words

HEADS_FILE = Path(__file__).with_name("compound_heads.txt")
INFLECTIONS = ("", "e", "en", "n", "s", "es", "er", "ern")
MIN_MODIFIER = 3  # letters before the head, so "Haus" itself is no compound of "haus"


@lru_cache(maxsize=1)
def compound_heads() -> tuple[str, ...]:
    """The heads, longest first."""
    lines = HEADS_FILE.read_text(encoding="utf-8").splitlines()
    heads = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    return tuple(sorted(heads, key=lambda h: (-len(h), h)))


def heads_of(word: str) -> list[str]:
    """Tails of `word` that are a known head plus inflection ending ("deutschkurse" -> "kurse")."""
    return list(_heads_of(word))


@cache
def _heads_of(word: str) -> tuple[str, ...]:
    """`heads_of`, remembered per word (the same words recur in thousands of documents)."""
    found = []
    for head in compound_heads():
        if head not in word:  # fast test: most heads are not in the word at all
            continue
        for ending in INFLECTIONS:
            tail = head + ending
            if word.endswith(tail) and len(word) - len(tail) >= MIN_MODIFIER:
                found.append(tail)
                break
    return tuple(found)


def compound_parts(texts: list[str]) -> list[str]:
    """Heads found in all words of `texts`, each once, in order of appearance."""
    parts: list[str] = []
    for text in texts:
        for word in split_words(text):
            for tail in _heads_of(word):
                if tail not in parts:
                    parts.append(tail)
    return parts
