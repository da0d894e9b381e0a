"""Decompounding at index time: extra tokens for the parts of German compound words.

"Integrationskurs" is indexed with the extra words "kurs" (its head) and "integrations" (what
comes before the head; the stemmer makes it "integration"), so "Kurs" and "Integration" find it;
"Musikschule" gets "schule" and "musik". The heads are a short documented list
(compound_heads.txt); the browser needs no rule for this.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from .german import split_words

HEADS_FILE = Path(__file__).with_name("compound_heads.txt")
INFLECTIONS = ("", "e", "en", "n", "s", "es", "er", "ern")
MIN_MODIFIER = 3  # letters before the head, so "Haus" itself is no compound of "haus"
MIN_MODIFIER_PART = 4  # a modifier is indexed as a word of its own from this length ("tanz")


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
    """Parts (`parts_of`) of all words of `texts`, each once, in order of appearance."""
    parts: list[str] = []
    for text in texts:
        for word in split_words(text):
            for part in parts_of(word):
                if part not in parts:
                    parts.append(part)
    return parts


@cache
def parts_of(word: str) -> tuple[str, ...]:
    """The heads of `word` and, before its longest head, the modifier and that modifier's own
    parts: "familienbildungszentrum" -> zentrum, familienbildungs, bildungs, familien."""
    heads = _heads_of(word)
    if not heads:
        return ()
    modifier = word[: -len(heads[0])].strip("-")  # heads come longest first
    found = list(heads)
    if len(modifier) >= MIN_MODIFIER_PART:
        found += [modifier, *parts_of(modifier)]
    return tuple(dict.fromkeys(found))
