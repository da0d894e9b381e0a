"""The German pipeline (plugins/search/german.py) in Python and its equivalence with lunr.de.js."""

import json
import re
import subprocess
from importlib.metadata import version

import Stemmer
from search import german
from search_helpers import ROOT
from snowballstemmer.german_stemmer import GermanStemmer


def test_tokenizer_keeps_accented_letters_and_splits_punctuation():
    assert german.split_words("Café-Bistro „Zur Linde“ Kita/Hort 10435") == [
        "café", "bistro", "zur", "linde", "kita", "hort", "10435"]
    assert german.split_words("Ağaç Okulu Şişli") == ["ağaç", "okulu", "şişli"]


def test_umlaut_folding_matches_both_spellings():
    assert german.process_word("München") == german.process_word("Muenchen")
    assert german.process_word("Neukölln") == german.process_word("Neukoelln") == "neukoelln"
    assert german.process_word("Straße") == german.process_word("Strasse")
    assert german.process_word("Café") == german.process_word("Cafe")


def test_stopwords_are_dropped_and_content_words_kept():
    assert german.process_word("für") is None
    assert german.process_word("und") is None
    assert german.process_word("Kita") == "kita"


def test_stemming_unifies_inflections():
    assert german.process_word("Grundschulen") == german.process_word("Grundschule")
    assert german.process_word("Bibliotheken") == german.process_word("Bibliothek")


def test_stopword_list_is_lunr_de_list():
    source = (ROOT / "node_modules/lunr-languages/lunr.de.js").read_text(encoding="utf-8")
    words = re.search(r"generateStopWordFilter\('([^']*)'", source).group(1).split(" ")
    assert german.stopwords() == sorted(set(words))


def _vocabulary(docs) -> list[str]:
    words = {w for d in docs for texts in d.fields.values() for t in texts
             for w in german.split_words(t)}
    return sorted(words)


def test_python_and_js_pipeline_agree_on_whole_vocabulary(docs, tmp_path):
    """Every word of the real corpus: Python pipeline == JS (config + lunr.de stemmer)."""
    words = _vocabulary(docs)
    assert len(words) > 5000
    (tmp_path / "config.json").write_text(json.dumps(german.pipeline_config()), encoding="utf-8")
    (tmp_path / "words.json").write_text(json.dumps(words), encoding="utf-8")
    script = f"""
const lunr = require({json.dumps(str(ROOT / "node_modules/lunr"))});
require({json.dumps(str(ROOT / "node_modules/lunr-languages/lunr.stemmer.support.js"))})(lunr);
require({json.dumps(str(ROOT / "node_modules/lunr-languages/lunr.de.js"))})(lunr);
const core = require({json.dumps(str(ROOT / "theme/static/js/search-core.js"))});
const fs = require("fs");
const config = JSON.parse(fs.readFileSync({json.dumps(str(tmp_path / "config.json"))}));
const p = core.setupPipeline(lunr, config);
const words = JSON.parse(fs.readFileSync({json.dumps(str(tmp_path / "words.json"))}));
const one = (w) => {{ const t =
  p.run([new lunr.Token(w)]); return t[0] ? String(t[0]) : null; }};
console.log(JSON.stringify(words.map(one)));
"""
    js = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True,
                                   check=True).stdout)
    python = [german.process_word(w) for w in words]
    differences = [(w, p, j) for w, p, j in zip(words, python, js, strict=True) if p != j]
    assert differences == []


def test_stemmer_equals_pure_python_snowball_2_2_on_whole_vocabulary(docs):
    """PyStemmer (C libstemmer) stems every corpus word, as written and folded, like the pure
    Python German of snowballstemmer 2.2.0 (the Snowball version of lunr.de.js)."""
    assert version("snowballstemmer") == "2.2.0"
    fold = str.maketrans(german.folding_table())
    words = sorted({v for w in _vocabulary(docs) for v in (w, w.translate(fold))})
    reference = GermanStemmer()
    stems = Stemmer.Stemmer("german").stemWords(words)
    differences = [(w, s) for w, s in zip(words, stems, strict=True) if s != reference.stemWord(w)]
    assert len(words) > 5000
    assert differences == []
