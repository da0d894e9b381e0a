"""Fixtures for the search tests: the real data, indexed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from search.build import search_documents, write_index
from search.sources import load_search_inputs
from search_helpers import run_node


@pytest.fixture(scope="session")
def inputs():
    return load_search_inputs()


@pytest.fixture(scope="session")
def docs(inputs):
    return search_documents(inputs)


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, inputs) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_index(out, inputs)
    return out / "search"


@pytest.fixture(scope="session")
def sharded_search(built_index):
    def search(queries: list[dict]) -> list[dict]:
        return run_node("sharded", str(built_index), str(built_index.parent / "q"), queries=queries)
    return search
