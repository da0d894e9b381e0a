// Test driver: runs queries in node with the real npm Lunr.js + lunr-languages and the site's
// search-core.js. Usage: node node_search.js sharded <index dir> <queries.json>
//                        node node_search.js whole <serialized index.json> <meta.json> <queries.json>
"use strict";
const fs = require("fs");
const path = require("path");
const ROOT = path.resolve(__dirname, "..", "..");
const lunr = require(path.join(ROOT, "node_modules/lunr"));
require(path.join(ROOT, "node_modules/lunr-languages/lunr.stemmer.support.js"))(lunr);
require(path.join(ROOT, "node_modules/lunr-languages/lunr.de.js"))(lunr);
const core = require(path.join(ROOT, "theme/static/js/search-core.js"));

const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
const [mode, ...args] = process.argv.slice(2);

// Every query runs on a fresh search (empty cache), like a visitor's first query.
async function sharded(dir, queries) {
  const out = [];
  for (const q of queries) {
    const fetched = [];
    const search = core.createSearch({
      lunr,
      fetchJson: (p) => { fetched.push(p); return Promise.resolve(readJson(path.join(dir, p))); },
    });
    const answer = await search.search(q.text);
    const results = search.filter(answer.results, q.filters || {});
    const top = results.slice(0, q.details || 0).map((r) => r.ref);
    const details = await search.details(top);
    out.push({ terms: answer.terms, mode: answer.mode, results, details, fetched });
  }
  return out;
}

function whole(indexFile, metaFile, queries) {
  core.setupPipeline(lunr, readJson(metaFile).config);
  const index = lunr.Index.load(readJson(indexFile));
  return queries.map((q) => ({
    results: index.search(q.text).map((r) => ({ ref: Number(r.ref), score: r.score })),
  }));
}

(async () => {
  const result = mode === "sharded"
    ? await sharded(args[0], readJson(args[1]))
    : whole(args[0], args[1], readJson(args[2]));
  process.stdout.write(JSON.stringify(result));
})().catch((e) => { console.error(e); process.exit(1); });
