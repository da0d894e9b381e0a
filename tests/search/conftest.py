"""Fixtures for the search tests: the real data, indexed once per session (one lunr index
shared by the whole-index comparison and the written, sharded index)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from search.build import search_documents, write_index  # noqa: E402
from search.index import build_index  # noqa: E402
from search.sources import load_search_inputs  # noqa: E402
from search_helpers import run_node  # noqa: E402


@pytest.fixture(scope="session")
def inputs():
    return load_search_inputs()


@pytest.fixture(scope="session")
def docs(inputs):
    return search_documents(inputs)


@pytest.fixture(scope="session")
def whole_index(docs):
    """lunr.py's index of every real document (what the build shards)."""
    return build_index(docs)


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, inputs, whole_index) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_index(out, inputs, whole_index)
    return out / "search"


@pytest.fixture(scope="session")
def sharded_search(built_index):
    """Queries in one node run; each is a first query (own cache, `fetched` = files it loads)."""
    def search(queries: list[dict]) -> list[dict]:
        return run_node("sharded", str(built_index), str(built_index.parent / "q"), queries=queries)
    return search
