/* Kiez finder on the start page: filters the precomputed list /data/kieze-index.json as you type.
   Format: {"kieze": [{"name", "bezirk", "bezirksregion", "plz": [..], "url"}]} (written at build time).
   Without JavaScript the form simply leads to the Bezirk overview. Texts come from data-* attributes
   of the form, so this file holds no UI language. */
(function () {
  "use strict";
  var form = document.querySelector(".kiezfinder__form");
  if (!form) { return; }
  var input = form.querySelector("input");
  var list = document.getElementById("kiez-treffer");
  var status = document.getElementById("kiez-status");
  var MAX_RESULTS = 10;
  var entries = null;
  var loading = null;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ß/g, "ss").replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  }

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index"), { credentials: "omit" })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (data) {
          entries = data.kieze.map(function (k) {
            return { kiez: k, key: fold([k.name, k.bezirksregion, k.bezirk].join(" ")), plz: k.plz || [] };
          });
        })
        .catch(function () { status.textContent = form.getAttribute("data-msg-error"); });
    }
    return loading;
  }

  function matches(query) {
    var q = fold(query.trim());
    if (q.length < 2) { return []; }
    var isPostcode = /^\d+$/.test(q);
    return entries.filter(function (e) {
      return isPostcode ? e.plz.some(function (p) { return p.indexOf(q) === 0; }) : e.key.indexOf(q) !== -1;
    });
  }

  function render(found, query) {
    list.textContent = "";
    if (query.trim().length < 2) { list.hidden = true; status.textContent = ""; return; }
    found.slice(0, MAX_RESULTS).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.kiez.url;
      a.textContent = e.kiez.name;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " – " + [e.kiez.bezirksregion, e.kiez.bezirk].filter(Boolean).join(", ");
      a.appendChild(meta);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    status.textContent = found.length === 0 ? form.getAttribute("data-msg-none")
      : form.getAttribute("data-msg-found").replace("{n}", String(found.length));
  }

  function update() {
    load().then(function () { if (entries) { render(matches(input.value), input.value); } });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", update);
  form.addEventListener("submit", function (event) {
    if (!entries) { return; }
    var found = matches(input.value);
    if (found.length > 0) {
      event.preventDefault();
      window.location.href = found[0].kiez.url;
    }
  });
}());
