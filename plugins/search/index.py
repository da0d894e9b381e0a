"""Build the lunr.py index of all search documents (the whole index, before it is split)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lunr.builder import Builder
from lunr.index import Index

from .documents import FIELDS, SearchDoc
from .german import process_word, registered_functions, split_words


@cache
def text_terms(text: str) -> tuple[str, ...]:
    """The index terms of one text: its words through the German pipeline, stop words dropped.
    Remembered per text (place and type names recur in thousands of documents)."""
    terms = (process_word(word) for word in split_words(text))
    return tuple(term for term in terms if term is not None)


def lunr_document(ref: int, doc: SearchDoc) -> dict:
    """The document as lunr.py takes it: ref and each field as the list of its index terms."""
    record: dict = {"id": str(ref)}
    for name in FIELDS:
        record[name] = [term for text in doc.fields.get(name, []) for term in text_terms(text)]
    return record


def build_index(docs: Sequence[SearchDoc]) -> Index:
    """Refs are positions in `docs` (short, and ascending in insertion order as lunr.js needs
    for identical tie order). The documents come with their terms already through the German
    pipeline (`lunr_document`, each distinct word once), so the indexing pipeline stays empty;
    the index's search pipeline is the German one."""
    builder = Builder()
    builder.search_pipeline.add(*registered_functions())
    builder.ref("id")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add(lunr_document(ref, doc))
    return builder.build()
