"""Write the search index and the browser's search libraries into the site output."""

from __future__ import annotations

import shutil
from pathlib import Path

from datapages_base.collector import long_lived_objects
from lunr.index import Index

from pathways.atomic import write_text
from pathways.paths import ROOT

from .documents import SearchDoc, all_documents
from .index import build_index
from .shards import layout
from .sources import SearchInputs, load_search_inputs

INDEX_DIR = "search"
VENDOR_DIR = "theme/vendor"
# (file in node_modules, name in output/theme/vendor/)
VENDOR_FILES = [
    ("lunr/lunr.min.js", "lunr.min.js"),
    ("lunr/LICENSE", "LICENSE.lunr.txt"),
    ("lunr-languages/min/lunr.stemmer.support.min.js", "lunr.stemmer.support.min.js"),
    ("lunr-languages/min/lunr.de.min.js", "lunr.de.min.js"),
    ("lunr-languages/LICENSE", "LICENSE.lunr-languages.txt"),
]


def search_documents(inputs: SearchInputs) -> list[SearchDoc]:
    return all_documents(inputs.offers, inputs.stages, inputs.type_names, inputs.places)


def index_files(docs: list[SearchDoc], inputs: SearchInputs,
                index: Index | None = None) -> dict[str, str]:
    """Relative path under output/search/ -> file text (`index`: lunr index of `docs`, if built)."""
    return layout(docs, index or build_index(docs), dict(inputs.places.bezirk_names))


def write_index(output: Path, inputs: SearchInputs | None = None,
                index: Index | None = None) -> int:
    """Write all index files; returns how many documents were indexed. `index` (the lunr index
    of these inputs' documents) saves building it again."""
    with long_lived_objects():
        inputs = inputs or load_search_inputs()
        docs = search_documents(inputs)
        files = index_files(docs, inputs, index)
    target = output / INDEX_DIR
    shutil.rmtree(target, ignore_errors=True)
    for relative, text in sorted(files.items()):
        write_text(target / relative, text)
    return len(docs)


def copy_vendor(output: Path, node_modules: Path = ROOT / "node_modules") -> None:
    """Copy Lunr.js and lunr-languages (with their licences) from npm into the output."""
    for source, name in VENDOR_FILES:
        path = node_modules / source
        if not path.exists():
            raise FileNotFoundError(
                f"{path} fehlt – bitte `npm ci` ausführen (Lunr.js für die Suche).")
        target = output / VENDOR_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
