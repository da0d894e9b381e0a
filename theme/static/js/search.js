/* Bildungswege Berlin – search page UI: reads ?q= and the filters, asks BwSearchCore, renders.
 * Filters only narrow the precomputed result list; nothing is re-computed here. */
(function () {
  "use strict";
  var PAGE = 20;
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  if (!form || !window.lunr || !window.BwSearchCore) return;

  var base = script.getAttribute("data-index");
  var core = window.BwSearchCore.createSearch({
    lunr: window.lunr,
    fetchJson: function (path) {
      return fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
  });
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterIds = { bez_id: "search-bezirk", sektor: "search-sektor", alter: "search-alter",
                    barrierefrei: "search-barrierefrei" };
  var current = { results: [], shown: 0 };

  function filters() {
    var out = {};
    Object.keys(filterIds).forEach(function (key) {
      out[key] = document.getElementById(filterIds[key]).value;
    });
    return out;
  }

  function ageText(alter) {
    if (!alter) return "Alter: keine Angabe";
    if (alter[1] >= 99) return "ab " + alter[0] + " Jahren";
    return alter[0] + "–" + alter[1] + " Jahre";
  }

  function accessText(value) {
    return { ja: "barrierefrei", teilweise: "teilweise barrierefrei", nein: "nicht barrierefrei",
             unbekannt: "Barrierefreiheit: keine Angabe" }[value] || null;
  }

  function item(d) {
    var li = document.createElement("li");
    li.className = "search-result";
    var link = document.createElement("a");
    link.href = d.url;
    link.textContent = d.name;
    var title = document.createElement("h2");
    title.className = "search-result__title";
    title.appendChild(link);
    li.appendChild(title);
    var facts = [d.type];
    if (d.kiez && d.kiez !== d.name) facts.push("Kiez " + d.kiez);
    if (d.bezirk && d.bezirk !== d.name) facts.push("Bezirk " + d.bezirk);
    if (d.type !== "Kiez" && d.type !== "Bezirk") facts.push(ageText(d.alter));
    if (accessText(d.barrierefrei)) facts.push(accessText(d.barrierefrei));
    var p = document.createElement("p");
    p.className = "search-result__facts";
    p.textContent = facts.join(" · ");
    li.appendChild(p);
    return li;
  }

  function showMore() {
    var next = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += next.length;
    more.hidden = current.shown >= current.results.length;
    return core.details(next.map(function (r) { return r.ref; })).then(function (docs) {
      docs.forEach(function (d) { list.appendChild(item(d)); });
    });
  }

  function render(answer) {
    current = { results: core.filter(answer.results, filters()), shown: 0 };
    list.textContent = "";
    var n = current.results.length;
    var text = n === 0 ? "Keine Treffer." : (n === 1 ? "1 Treffer" : n + " Treffer");
    if (n && answer.mode === "any") text += " (nicht alle Suchwörter gefunden)";
    status.textContent = text;
    return showMore();
  }

  var lastAnswer = null;
  function run() {
    var q = input.value.trim();
    if (!q) { status.textContent = ""; list.textContent = ""; more.hidden = true; return; }
    status.textContent = "Suche läuft …";
    core.search(q).then(function (answer) {
      lastAnswer = answer;
      return render(answer);
    }).catch(function () {
      status.textContent = "Die Suche ist gerade nicht verfügbar.";
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  Object.keys(filterIds).forEach(function (key) {
    var el = document.getElementById(filterIds[key]);
    var name = el.getAttribute("name");
    if (params.get(name)) el.value = params.get(name);
    el.addEventListener("change", function () { if (lastAnswer) render(lastAnswer); });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    window.history.replaceState(null, "", url);
    run();
  });
  more.addEventListener("click", showMore);
  run();
})();
