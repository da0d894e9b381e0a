"""Build the lunr.py index of all search documents (the whole index, before it is split)."""

from __future__ import annotations

from collections.abc import Sequence

from lunr.builder import Builder
from lunr.index import Index

from .documents import FIELDS, SearchDoc
from .german import registered_functions, split_words


def lunr_document(ref: int, doc: SearchDoc) -> dict:
    """The document as lunr.py takes it: ref and each field as a list of words."""
    record: dict = {"id": str(ref)}
    for name in FIELDS:
        record[name] = [w for text in doc.fields.get(name, []) for w in split_words(text)]
    return record


def build_index(docs: Sequence[SearchDoc]) -> Index:
    """Refs are positions in `docs` (short, and ascending in insertion order as lunr.js needs
    for identical tie order)."""
    builder = Builder()
    functions = registered_functions()
    builder.pipeline.add(*functions)
    builder.search_pipeline.add(*functions)
    builder.ref("id")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add(lunr_document(ref, doc))
    return builder.build()
