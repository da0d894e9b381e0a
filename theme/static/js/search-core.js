/* Bildungswege Berlin – search core: loads the sharded lunr index the build wrote (output/search/)
 * and answers queries with Lunr.js. No rule of the index is written here: the text pipeline comes
 * from meta.json (built by plugins/search/german.py), the stemmer from lunr-languages (lunr.de.js).
 * Works in the browser (window.BwSearchCore) and in node (module.exports) for the tests. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.BwSearchCore = factory();
  }
})(this, function () {
  "use strict";

  /* Register the pipeline functions named in the config (the stemmer is lunr.de's own). */
  function setupPipeline(lunr, config) {
    lunr.tokenizer.separator = new RegExp(config.separator);
    lunr.QueryLexer.termSeparator = lunr.tokenizer.separator;
    var registered = lunr.Pipeline.registeredFunctions;
    var stop = Object.create(null);
    config.stopwords.forEach(function (w) { stop[w] = true; });
    var folding = config.folding;
    var foldPattern = new RegExp("[" + Object.keys(folding).join("") + "]", "g");
    var own = {
      "stopWordFilter-bw": function (token) {
        return stop[token.toString()] ? undefined : token;
      },
      "fold-bw": function (token) {
        return token.update(function (s) {
          return s.replace(foldPattern, function (c) { return folding[c]; });
        });
      }
    };
    Object.keys(own).forEach(function (label) {
      if (!registered[label]) lunr.Pipeline.registerFunction(own[label], label);
    });
    var pipeline = new lunr.Pipeline();
    config.pipeline.forEach(function (label) {
      if (!registered[label]) throw new Error("Suchindex: unbekannte Pipeline-Funktion " + label);
      pipeline.add(registered[label]);
    });
    return pipeline;
  }

  /* Index terms of a query: tokenizer + pipeline, each term once. */
  function queryTerms(lunr, pipeline, text) {
    var seen = Object.create(null);
    return pipeline.run(lunr.tokenizer(text)).map(String).filter(function (t) {
      if (seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  /* Number of the shard that holds `term` (shards are consecutive ranges of sorted terms). */
  function shardOf(firstTerms, term) {
    var lo = 0, hi = firstTerms.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firstTerms[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* A lunr.Index holding only `entries` (term -> [term index, postings]); weights and field
   * lengths are the whole index's, so scores equal those of the whole index. */
  function partialIndex(lunr, fields, entries) {
    var invertedIndex = Object.create(null);
    var elements = Object.create(null);
    var squares = Object.create(null);
    var terms = Object.keys(entries).sort();
    terms.forEach(function (term) {
      var termIndex = entries[term][0], postings = entries[term][1];
      var posting = { _index: termIndex };
      fields.forEach(function (f) { posting[f] = {}; });
      for (var i = 0; i < postings.length; i += 4) {
        var field = fields[postings[i]], ref = String(postings[i + 1]);
        var key = field + "/" + ref;
        posting[field][ref] = {};
        (elements[key] = elements[key] || []).push([termIndex, postings[i + 2] / 1000]);
        squares[key] = postings[i + 3];
      }
      invertedIndex[term] = posting;
    });
    var fieldVectors = Object.create(null);
    Object.keys(elements).forEach(function (key) {
      var flat = [];
      elements[key].sort(function (a, b) { return a[0] - b[0]; }).forEach(function (e) {
        flat.push(e[0], e[1]);
      });
      var vector = new lunr.Vector(flat);
      // The vector holds only the loaded terms; its length is that of the full document field.
      vector._magnitude = Math.sqrt(squares[key]) / 1000;
      fieldVectors[key] = vector;
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields,
      pipeline: new lunr.Pipeline()
    });
  }

  /* The lunr query clauses for `terms`: every term required ("all") or any term ("any"). */
  function clauses(lunr, terms, mode) {
    var presence = mode === "all" ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
    return terms.map(function (term) {
      return { term: term, usePipeline: false, presence: presence };
    });
  }

  function decodeFacets(facets) {
    var profileOf = [];
    for (var i = 0; i < facets.runs.length; i += 2) {
      for (var n = 0; n < facets.runs[i + 1]; n++) profileOf.push(facets.runs[i]);
    }
    return profileOf.map(function (pid) {
      var values = facets.profiles[pid], record = {};
      facets.keys.forEach(function (key, k) { record[key] = values[k]; });
      return record;
    });
  }

  /* Does a result's facet record pass the filters ({bez_id, sektor, alter, barrierefrei, kind})? */
  function passes(record, filters) {
    if (filters.bez_id && record.bez_id !== filters.bez_id) return false;
    if (filters.sektor && record.sektor !== filters.sektor) return false;
    if (filters.kind && record.kind !== filters.kind) return false;
    if (filters.barrierefrei && record.barrierefrei !== filters.barrierefrei) return false;
    if (filters.alter !== undefined && filters.alter !== null && filters.alter !== "") {
      var age = Number(filters.alter);
      if (record.alter_von === null && record.alter_bis === null) return false;  /* unknown */
      if (record.alter_von !== null && age < record.alter_von) return false;
      if (record.alter_bis !== null && age > record.alter_bis) return false;
    }
    return true;
  }

  /* createSearch({lunr, fetchJson}) – fetchJson(path relative to the index folder) -> Promise. */
  function createSearch(options) {
    var lunr = options.lunr, fetchJson = options.fetchJson;
    var meta = null, pipeline = null, facets = null;
    var shardCache = Object.create(null), chunkCache = Object.create(null);

    function ready() {
      if (!meta) {
        meta = fetchJson("meta.json").then(function (m) {
          pipeline = setupPipeline(lunr, m.config);
          facets = decodeFacets(m.facets);
          return m;
        });
      }
      return meta;
    }

    function loadShard(n) {
      if (!shardCache[n]) shardCache[n] = fetchJson("t/" + n + ".json");
      return shardCache[n];
    }

    function entriesFor(m, terms) {
      var wanted = terms.map(function (t) { return shardOf(m.shards, t); });
      return Promise.all(wanted.map(loadShard)).then(function (shards) {
        var entries = Object.create(null);
        terms.forEach(function (term, i) {
          if (shards[i][term]) entries[term] = shards[i][term];
        });
        return entries;
      });
    }

    function run(index, terms, mode) {
      var list = clauses(lunr, terms, mode);
      return index.query(function (q) {
        list.forEach(function (c) { q.term(c.term, c); });
      }).map(function (r) { return { ref: Number(r.ref), score: r.score }; });
    }

    /* Search: all terms required; if nothing matches all of them, any term. */
    function search(text) {
      return ready().then(function (m) {
        var terms = queryTerms(lunr, pipeline, text);
        if (!terms.length) return { terms: terms, mode: "all", results: [] };
        return entriesFor(m, terms).then(function (entries) {
          var index = partialIndex(lunr, m.fields, entries);
          var mode = "all", results = run(index, terms, mode);
          if (!results.length && terms.length > 1) {
            mode = "any";
            results = run(index, terms, mode);
          }
          return { terms: terms, mode: mode, results: results };
        });
      });
    }

    function filter(results, filters) {
      return results.filter(function (r) { return passes(facets[r.ref], filters || {}); });
    }

    /* Result details of refs: url, name, type, Kiez, bez_id, Bezirk name, age as
     * [form, from, to] (form "range" | "single" | "from" | "upto" | "all", decided at build time
     * by datapages_base.text.age_form; null = unknown),
     * accessibility (ja | teilweise | nein | unbekannt). */
    function details(refs) {
      return ready().then(function (m) {
        return Promise.all(refs.map(function (ref) {
          var n = Math.floor(ref / m.chunk);
          if (!chunkCache[n]) chunkCache[n] = fetchJson("d/" + n + ".json");
          return chunkCache[n].then(function (records) {
            var r = records[ref % m.chunk];
            return { ref: ref, url: r[0], name: r[1], type: r[2], kiez: r[3], bez_id: r[4],
                     bezirk: m.bezirke[r[4]] || null, alter: r[5], barrierefrei: r[6] };
          });
        }));
      });
    }

    return {
      ready: ready, search: search, filter: filter, details: details,
      facet: function (ref) { return facets[ref]; },
      terms: function (text) { return queryTerms(lunr, pipeline, text); }
    };
  }

  return { createSearch: createSearch, setupPipeline: setupPipeline, clauses: clauses,
           partialIndex: partialIndex, shardOf: shardOf, passes: passes };
});
