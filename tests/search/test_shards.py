"""Term shards (plugins/search/shards.py) made from the real whole index."""

import json

from search.documents import FIELDS
from search.shards import dumps, shard_text, term_entries, term_shards


def test_postings_list_every_field_and_ref_of_the_inverted_index(whole_index):
    entries = term_entries(whole_index)
    assert len(entries) == len(whole_index.inverted_index) > 5000
    for term, value in entries:
        term_index, flat = json.loads(value)
        posting = whole_index.inverted_index[term]
        assert term_index == posting["_index"]
        expected = [(field, int(ref)) for field, name in enumerate(FIELDS)
                    for ref in sorted(posting[name], key=int)]
        assert [(flat[i], flat[i + 1]) for i in range(0, len(flat), 4)] == expected, term


def test_shard_text_is_the_json_of_its_terms(whole_index):
    shards = term_shards(term_entries(whole_index))
    assert len(shards) > 10
    for shard in shards:
        mapping = {term: json.loads(value) for term, value in shard}
        assert shard_text(shard) == dumps(mapping)
