"""Split the lunr.py index into small files the browser loads only as a query needs them.

Layout (all JSON, under output/search/):
- meta.json      pipeline config, fields, first term of every term shard, facets of every doc
- t/<n>.json     term shard: for each term its lunr term index and postings
                 [field, ref, weight*1000, sum of squared weights*10^6 of that doc's field]
- d/<n>.json     result details of CHUNK consecutive refs (name, URL, type, Kiez, Bezirk, age)
                 age as [form, von, bis]: the form ("range", "from", "to", "all") is decided here,
                 so the browser only fills the translated text of that form
The browser rebuilds a lunr.Index from the shards of the query terms; scores are lunr's own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from datapages_base.text import age_form
from lunr.index import Index

from .documents import FIELDS, SearchDoc
from .german import pipeline_config

SHARD_BYTES = 12_000  # target size of one term shard (uncompressed); a frequent term may exceed it
CHUNK = 32  # refs per result-detail file
FORMAT_VERSION = 2


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _field_vectors_by_field_and_ref(index: Index) -> list[tuple[int, int, list]]:
    """(field number, ref, vector elements) of every document field, by field, then ref."""
    field_no = {name: i for i, name in enumerate(FIELDS)}
    rows = []
    for field_ref, vector in index.field_vectors.items():
        name, ref = field_ref.split("/", 1)
        rows.append((field_no[name], int(ref), vector.elements))
    rows.sort(key=lambda row: row[:2])
    return rows


def _postings(index: Index) -> dict[int, list[int]]:
    """term index -> its flat postings [field number, ref, weight*1000, sum of squared
    weights*10^6 of that doc field, ...] by field, then ref; read from the field vectors in one
    pass (lunr rounds weights to 3 decimals itself)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for field, ref, elements in _field_vectors_by_field_and_ref(index):
        weights = [round(w * 1000) for w in elements[1::2]]
        square = sum(w * w for w in weights)
        for term_index, weight in zip(elements[::2], weights, strict=True):
            postings[term_index] += (field, ref, weight, square)
    return postings


def term_entries(index: Index) -> list[tuple[str, str]]:
    """[(term, JSON of [term index, postings])] sorted by term."""
    postings = _postings(index)
    entries = []
    for term in sorted(index.inverted_index):
        term_index = index.inverted_index[term]["_index"]
        entries.append((term, dumps([term_index, postings[term_index]])))
    return entries


def term_shards(entries: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Consecutive entries packed into shards of about SHARD_BYTES."""
    shards: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    size = 0
    for term, value in entries:
        entry_size = len(value) + len(term) + 4
        if current and size + entry_size > SHARD_BYTES:
            shards.append(current)
            current, size = [], 0
        current.append((term, value))
        size += entry_size
    if current:
        shards.append(current)
    return shards


def shard_text(shard: list[tuple[str, str]]) -> str:
    """The shard as `dumps` writes the mapping term -> entry (its terms come sorted), made from
    the entries' JSON (each entry is serialised once)."""
    return "{" + ",".join(f"{dumps(term)}:{value}" for term, value in shard) + "}"


def detail_record(doc: SearchDoc) -> list:
    return [doc.url, doc.name, doc.type_label, doc.kiez, doc.bez_id,
            _age_form(doc.alter), doc.barrierefrei]


def _age_form(alter: tuple[int | None, int | None] | None) -> list | None:
    """[form, von, bis] as the data pages word it (datapages_base.text.age_form); None = unknown."""
    form = age_form(*alter) if alter else None
    return list(form) if form else None


def facets(docs: Sequence[SearchDoc]) -> dict:
    """Filter attributes of every ref: a table of distinct profiles and run-length coded refs."""
    profiles: list[list] = []
    seen: dict[tuple, int] = {}
    runs: list[int] = []
    for doc in docs:
        profile = (doc.kind, doc.bez_id, doc.sektor,
                   doc.alter[0] if doc.alter else None, doc.alter[1] if doc.alter else None,
                   doc.barrierefrei)
        if profile not in seen:
            seen[profile] = len(profiles)
            profiles.append(list(profile))
        pid = seen[profile]
        if runs and runs[-2] == pid:
            runs[-1] += 1
        else:
            runs += [pid, 1]
    return {"keys": ["kind", "bez_id", "sektor", "alter_von", "alter_bis", "barrierefrei"],
            "profiles": profiles, "runs": runs}


def layout(docs: Sequence[SearchDoc], index: Index, bezirk_names: dict[str, str]) -> dict[str, str]:
    """All files of the search index: relative path -> JSON text."""
    shards = term_shards(term_entries(index))
    files = {f"t/{n}.json": shard_text(shard) for n, shard in enumerate(shards)}
    for start in range(0, len(docs), CHUNK):
        records = [detail_record(d) for d in docs[start:start + CHUNK]]
        files[f"d/{start // CHUNK}.json"] = dumps(records)
    meta = {
        "version": FORMAT_VERSION,
        "config": pipeline_config(),
        "fields": list(FIELDS),
        "shards": [shard[0][0] for shard in shards],
        "chunk": CHUNK,
        "count": len(docs),
        "facets": facets(docs),
        "bezirke": dict(sorted(bezirk_names.items())),
    }
    files["meta.json"] = dumps(meta)
    return files
