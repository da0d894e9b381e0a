"""Build the lunr.py index of all search documents (the whole index, before it is split)."""

from __future__ import annotations

from collections.abc import Sequence

from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token import Token

from .documents import FIELDS, SearchDoc
from .german import registered_functions, split_words


def lunr_document(ref: int, doc: SearchDoc) -> dict:
    """The document as lunr.py takes it: ref and each field as a list of words."""
    record: dict = {"id": str(ref)}
    for name in FIELDS:
        record[name] = [w for text in doc.fields.get(name, []) for w in split_words(text)]
    return record


_UNSEEN = object()


class WordMemoPipeline(Pipeline):
    """The indexing pipeline, run once per distinct word and field: our functions map one token
    to one token or none, independent of its neighbours, so the result is the same as running
    every token (≈ 100,000) through it; there are ≈ 10,000 distinct words."""

    def __init__(self) -> None:
        super().__init__()
        self._memo: dict[tuple[str | None, str], str | None] = {}

    def run(self, tokens, field_name=None):
        out = []
        for token in tokens:
            key = (field_name, token.string)
            word = self._memo.get(key, _UNSEEN)
            if word is _UNSEEN:
                word = self._run_one(token.string, field_name)
                self._memo[key] = word
            if word is not None:
                token.string = word
                out.append(token)
        return out

    def _run_one(self, word: str, field_name: str | None) -> str | None:
        result = super().run([Token(word)], field_name)
        if len(result) > 1:
            raise ValueError(f"pipeline made {len(result)} tokens of {word!r}")
        return result[0].string if result else None


def build_index(docs: Sequence[SearchDoc]) -> Index:
    """Refs are positions in `docs` (short, and ascending in insertion order as lunr.js needs
    for identical tie order)."""
    builder = Builder()
    builder.pipeline = WordMemoPipeline()
    functions = registered_functions()
    builder.pipeline.add(*functions)
    builder.search_pipeline.add(*functions)
    builder.ref("id")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add(lunr_document(ref, doc))
    return builder.build()
