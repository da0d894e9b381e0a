"""What people search for on real data: compounds, umlauts, ranking, filters, payload.

All queries of this module run in one node process (each as a first query on a fresh cache)."""

import pytest

QUERIES = {
    "grundschule": {"text": "Grundschule Neukölln", "details": 20},
    "kurs": {"text": "Kurs"},
    "schule": {"text": "Schule"},
    "bibliothek": {"text": "Bibliothek Pankow"},
    "kita": {"text": "Kita Wedding"},
    "umlaut": {"text": "Schöneberg Kita"},
    "digraph": {"text": "Schoeneberg Kita"},
    "stopword": {"text": "Kita in Schöneberg"},
    "unknown": {"text": "Gymnasium Xylofonwerkstatt"},
    "kita_all": {"text": "Kita"},
    "filtered": {"text": "Kita",
                 "filters": {"bez_id": "12", "alter": 3, "barrierefrei": "", "sektor": "formal"}},
    "open_end": {"text": "Volkshochschule", "details": 20},
    "musik": {"text": "Musik"},
    "jugendfreizeit": {"text": "Jugendfreizeit"},
    "senioren": {"text": "Senioren"},
}


@pytest.fixture(scope="module")
def answers(sharded_search) -> dict[str, dict]:
    found = sharded_search(list(QUERIES.values()))
    return dict(zip(QUERIES, found, strict=True))


def _docs_of(docs, answer):
    return [docs[r["ref"]] for r in answer["results"]]


def test_grundschule_neukoelln_ranks_grundschulen_in_neukoelln_first(docs, answers):
    found = _docs_of(docs, answers["grundschule"])
    in_neukoelln = [d for d in docs if d.fields["art"] == ["Grundschule"] and d.bez_id == "08"]
    assert len(in_neukoelln) >= 20
    top = found[:len(in_neukoelln)]
    assert all(d.type_label == "Grundschule" and d.bez_id == "08" for d in top)


def test_compound_heads_kurs_and_schule(docs, answers):
    kurs = {d.name for d in _docs_of(docs, answers["kurs"])}
    assert "Integrationskurs" in kurs
    assert any("Deutschkurs" in name for name in kurs)
    schule = _docs_of(docs, answers["schule"])
    assert any(d.type_label == "Grundschule" and "schule" not in d.name.lower().split()
               for d in schule)
    assert any(d.name == "Grundschule" for d in schule)  # the stage page


@pytest.mark.parametrize(("query", "type_label"), [
    ("musik", "Musikschule / Musikunterricht"),
    ("jugendfreizeit", "Jugendfreizeiteinrichtung"),
    ("senioren", "Seniorentreff"),
])
def test_the_part_before_a_compound_head_finds_the_compound(docs, answers, query, type_label):
    """"Musik" finds every Musikschule, "Jugendfreizeit" every Jugendfreizeiteinrichtung."""
    of_type = {ref for ref, doc in enumerate(docs) if doc.type_label == type_label}
    found = {r["ref"] for r in answers[query]["results"]}
    assert len(of_type) >= 30 and of_type <= found


def test_bibliothek_pankow_and_kita_wedding(docs, answers):
    bib = _docs_of(docs, answers["bibliothek"])
    assert bib and all(d.bez_id == "03" for d in bib[:5])
    assert all(d.type_label == "Bibliothek" for d in bib[:5])
    kita = _docs_of(docs, answers["kita"])
    assert len(kita) >= 20
    assert all(d.bez_id == "01" and d.type_label.startswith("Kita") for d in kita[:20])


def test_umlaut_spellings_and_stopwords_give_the_same_results(answers):
    keys = ("umlaut", "digraph", "stopword")
    refs = [[r["ref"] for r in answers[key]["results"]] for key in keys]
    assert refs[0] and refs[0] == refs[1]
    assert sorted(refs[0]) == sorted(refs[2])  # word order changes float sums, not the hits


def test_unknown_word_falls_back_to_any_word(answers):
    answer = answers["unknown"]
    assert answer["mode"] == "any" and answer["results"]


def test_filters_narrow_on_precomputed_facets(docs, answers):
    found = _docs_of(docs, answers["filtered"])
    assert found and all(d.bez_id == "12" and d.alter[0] <= 3 <= d.alter[1] for d in found)
    everything = [r["ref"] for r in answers["kita_all"]["results"]]
    kept = [r["ref"] for r in answers["filtered"]["results"]]
    assert kept == [ref for ref in everything if ref in set(kept)]  # same order, a subset
    assert len(kept) < len(everything)


def test_result_details_show_type_place_and_age(answers):
    first = answers["grundschule"]["details"][0]
    assert first["url"].startswith("/angebote/schule-")
    assert first["type"] == "Grundschule" and first["bezirk"] == "Neukölln" and first["kiez"]
    assert first["alter"] == ["range", 6, 12]


def test_open_ended_ages_are_marked_at_build_time(docs, answers):
    """Age forms the browser only fills with text: decided in Python from the real age ranges."""
    answer = answers["open_end"]
    for ref, detail in zip((r["ref"] for r in answer["results"]), answer["details"], strict=False):
        von, bis = docs[ref].alter or (None, None)
        expected = (None if von is None else ["all", None, None] if von == 0 and bis >= 99
                    else ["from", von, None] if bis >= 99 else ["range", von, bis])
        assert detail["alter"] == expected, docs[ref].name
    assert any(d["alter"] and d["alter"][0] != "range" for d in answer["details"])


def test_first_query_loads_only_a_small_part_of_the_index(built_index, answers):
    files = set(answers["grundschule"]["fetched"])
    assert "meta.json" in files and any(f.startswith("t/") for f in files)
    loaded = sum((built_index / p).stat().st_size for p in files)
    total = sum(p.stat().st_size for p in built_index.rglob("*.json"))
    assert loaded < total / 20
