"""What people search for on real data: compounds, umlauts, ranking, filters, payload."""


def _one(sharded_search, text, **extra):
    return sharded_search([{"text": text, **extra}])[0]


def _docs_of(docs, answer):
    return [docs[r["ref"]] for r in answer["results"]]


def test_grundschule_neukoelln_ranks_grundschulen_in_neukoelln_first(docs, sharded_search):
    found = _docs_of(docs, _one(sharded_search, "Grundschule Neukölln"))
    in_neukoelln = [d for d in docs if d.fields["art"] == ["Grundschule"] and d.bez_id == "08"]
    assert len(in_neukoelln) >= 20
    top = found[:len(in_neukoelln)]
    assert all(d.type_label == "Grundschule" and d.bez_id == "08" for d in top)


def test_compound_heads_kurs_and_schule(docs, sharded_search):
    kurs = {d.name for d in _docs_of(docs, _one(sharded_search, "Kurs"))}
    assert "Integrationskurs" in kurs
    assert any("Deutschkurs" in name for name in kurs)
    schule = _docs_of(docs, _one(sharded_search, "Schule"))
    assert any(d.type_label == "Grundschule" and "schule" not in d.name.lower().split()
               for d in schule)
    assert any(d.name == "Grundschule" for d in schule)  # the stage page


def test_bibliothek_pankow_and_kita_wedding(docs, sharded_search):
    bib = _docs_of(docs, _one(sharded_search, "Bibliothek Pankow"))
    assert bib and all(d.bez_id == "03" for d in bib[:5])
    assert all(d.type_label == "Bibliothek" for d in bib[:5])
    kita = _docs_of(docs, _one(sharded_search, "Kita Wedding"))
    assert len(kita) >= 20
    assert all(d.bez_id == "01" and d.type_label.startswith("Kita") for d in kita[:20])


def test_umlaut_spellings_and_stopwords_give_the_same_results(sharded_search):
    a, b, c = sharded_search([{"text": "Schöneberg Kita"}, {"text": "Schoeneberg Kita"},
                              {"text": "Kita in Schöneberg"}])
    refs = [[r["ref"] for r in x["results"]] for x in (a, b, c)]
    assert refs[0] and refs[0] == refs[1]
    assert sorted(refs[0]) == sorted(refs[2])  # word order changes float sums, not the hits


def test_unknown_word_falls_back_to_any_word(sharded_search):
    answer = _one(sharded_search, "Gymnasium Xylofonwerkstatt")
    assert answer["mode"] == "any" and answer["results"]


def test_filters_narrow_on_precomputed_facets(docs, sharded_search):
    answer = _one(sharded_search, "Kita",
                  filters={"bez_id": "12", "alter": 3, "barrierefrei": "", "sektor": "formal"})
    found = _docs_of(docs, answer)
    assert found and all(d.bez_id == "12" and d.alter[0] <= 3 <= d.alter[1] for d in found)


def test_result_details_show_type_place_and_age(sharded_search):
    answer = _one(sharded_search, "Grundschule Neukölln", details=3)
    first = answer["details"][0]
    assert first["url"].startswith("/angebote/schule-")
    assert first["type"] == "Grundschule" and first["bezirk"] == "Neukölln" and first["kiez"]
    assert first["alter"] == [6, 12]


def test_first_query_loads_only_a_small_part_of_the_index(built_index, sharded_search):
    answer = _one(sharded_search, "Grundschule Neukölln", details=20)
    files = {p for p in answer["fetched"]}
    all_files = [p for p in built_index.rglob("*.json")]
    loaded = sum((built_index / p).stat().st_size for p in files)
    total = sum(p.stat().st_size for p in all_files)
    assert loaded < total / 20
