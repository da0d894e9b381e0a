/* Bildungswege Berlin – search page UI: reads ?q= and the filters, asks BwSearchCore, renders.
 * Filters only narrow the precomputed result list; nothing is re-computed here.
 * Holds no UI language: every text comes from a data-msg-* attribute of the form (search.html),
 * with {placeholders} filled here. */
(function () {
  "use strict";
  var PAGE = 20;
  var LOADING_DELAY = 400; // ms before "searching …" is shown (quick answers need no interim text)
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  if (!form || !window.lunr || !window.BwSearchCore) return;

  var base = script.getAttribute("data-index");
  var core = window.BwSearchCore.createSearch({
    lunr: window.lunr,
    fetchJson: function (path) {
      return fetch(base + path, { credentials: "omit" }).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
  });
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var output = document.getElementById("search-output");
  var heading = document.getElementById("search-results-title");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterIds = { bez_id: "search-bezirk", sektor: "search-sektor", alter: "search-alter",
                    barrierefrei: "search-barrierefrei" };
  var current = { results: [], shown: 0 };
  var generation = 0; // answers and detail loads of an older query or filter are dropped

  /* A text of the form's data-msg-<name>, with {key} replaced by values[key]. */
  function msg(name, values) {
    var text = form.getAttribute("data-msg-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(values[key]));
    });
    return text;
  }

  function filters() {
    var out = {};
    Object.keys(filterIds).forEach(function (key) {
      out[key] = document.getElementById(filterIds[key]).value;
    });
    return out;
  }

  /* Age as [form, from, to] from the index (form decided at build time) -> text. */
  function ageText(alter) {
    if (!alter) return msg("age-unknown");
    return msg("age-" + alter[0], { von: alter[1], bis: alter[2] });
  }

  function facts(d) {
    var out = [];
    if (d.kiez && d.kiez !== d.name) out.push(msg("kiez", { name: d.kiez }));
    if (d.bezirk && d.bezirk !== d.name) out.push(msg("bezirk", { name: d.bezirk }));
    var kind = core.facet(d.ref).kind;
    if (kind === "angebot" || kind === "stufe") out.push(ageText(d.alter));
    if (kind === "angebot") out.push(msg("access-" + (d.barrierefrei || "unbekannt")));
    return out;
  }

  function item(d) {
    var li = document.createElement("li");
    li.className = "search-result";
    var title = document.createElement("h3");
    title.className = "search-result__title";
    var link = document.createElement("a");
    link.href = d.url;
    link.textContent = d.name;
    title.appendChild(link);
    var p = document.createElement("p");
    p.className = "search-result__facts";
    var type = document.createElement("span");
    type.className = "search-result__type";
    type.textContent = d.type;
    p.appendChild(type);
    facts(d).forEach(function (text) {
      p.appendChild(document.createTextNode(" · " + text));
    });
    li.appendChild(title);
    li.appendChild(p);
    return li;
  }

  /* aria-busy on the list while results are being loaded (assistive technology waits). */
  function busy(flag) {
    list.setAttribute("aria-busy", flag ? "true" : "false");
  }

  /* Append the next PAGE results; resolves to the first appended link (or null). */
  function showMore() {
    var mine = generation;
    var next = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += next.length;
    busy(true);
    return core.details(next.map(function (r) { return r.ref; })).then(function (docs) {
      if (mine !== generation) return null;
      var items = docs.map(item);
      items.forEach(function (li) { list.appendChild(li); });
      more.hidden = current.shown >= current.results.length;
      busy(false);
      return items.length ? items[0].querySelector("a") : null;
    });
  }

  function countText(n, total, mode) {
    if (n === 0) return total ? msg("none-filtered", { total: total }) : msg("none");
    var text = n === 1 ? msg("one") : msg("many", { n: n });
    return mode === "any" ? text + " " + msg("some-words") : text;
  }

  function render(answer) {
    generation += 1;
    current = { results: core.filter(answer.results, filters()), shown: 0 };
    list.textContent = "";
    more.hidden = true;
    output.hidden = current.results.length === 0;
    heading.hidden = output.hidden;
    status.textContent = countText(current.results.length, answer.results.length, answer.mode);
    return showMore();
  }

  function clear() {
    generation += 1;
    status.textContent = "";
    list.textContent = "";
    more.hidden = true;
    output.hidden = true;
    heading.hidden = true;
    busy(false);
  }

  var lastAnswer = null;
  function run() {
    var q = input.value.trim();
    lastAnswer = null;
    if (!q) { clear(); return; }
    var mine = ++generation;
    busy(true);
    var slow = window.setTimeout(function () {
      if (mine === generation) status.textContent = msg("loading");
    }, LOADING_DELAY);
    core.search(q).then(function (answer) {
      window.clearTimeout(slow);
      if (mine !== generation) return null;
      lastAnswer = answer;
      heading.textContent = msg("results-for", { q: q });
      return render(answer);
    }).catch(function () {
      window.clearTimeout(slow);
      clear();
      status.textContent = msg("error");
    });
  }

  /* The address shows the query and filters, so a result list can be bookmarked or shared. */
  function rememberInAddress() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (value) params.append(name, value); });
    var url = new URL(window.location.href);
    url.search = params.toString();
    window.history.replaceState(null, "", url);
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  Object.keys(filterIds).forEach(function (key) {
    var el = document.getElementById(filterIds[key]);
    var value = params.get(el.getAttribute("name"));
    if (value) el.value = value;
    // Focus stays on the filter; the new count is announced by the status (a live region).
    el.addEventListener("change", function () {
      rememberInAddress();
      if (lastAnswer) render(lastAnswer);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    rememberInAddress();
    run();
  });
  // The button may disappear once everything is shown: focus moves to the first new result.
  more.addEventListener("click", function () {
    showMore().then(function (first) { if (first) first.focus(); });
  });
  run();
})();
