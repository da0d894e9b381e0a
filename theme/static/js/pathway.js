/* Pathway view of a Kiez page: filters and orders the precomputed data of this Kiez
   (data-json of #bildungsweg: /data/kiez/<plr_id>.json, and data-json-shared: the tables all Kiez
   pages share, /data/kiez/gemeinsam.json; written at build time by plugins/kiez_pages from
   pathways.precompute). It plans nothing: the life course, the offers per stage, counselling,
   next steps and bridges to a missing qualification are read as they are. Needs only hide or order
   offers by the ranks the file carries (pathways.needs); unknown values are shown as "unbekannt".
   Without JavaScript the server-rendered life course stays as it is. This file holds no UI text:
   texts come from the data-msg-* attributes of #bildungsweg. */
(function () {
  "use strict";
  var section = document.getElementById("bildungsweg");
  if (!section || !window.fetch) { return; }
  var form = document.getElementById("weg-filter");
  var list = document.getElementById("weg-liste");
  var status = document.getElementById("weg-status");
  var data = null;
  // Language of the data (names of offers, stages, services) when the UI speaks another one.
  var dataLang = section.getAttribute("data-content-lang");
  var decimalSign = section.getAttribute("data-decimal") || ",";

  // ---- small DOM helpers (textContent only: data never becomes markup) ----
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function link(pattern, id, text) {
    var a = el("a", null, text);
    a.href = pattern.replace("{id}", encodeURIComponent(id));
    if (dataLang) { a.lang = dataLang; }
    return a;
  }
  function option(select, value, text, isData) {
    var o = el("option", null, text);
    o.value = value;
    if (isData && dataLang) { o.lang = dataLang; }
    select.appendChild(o);
  }
  // UI texts come from data-msg-* attributes of the section (the template's language).
  function msg(name, params) {
    var text = section.getAttribute("data-msg-" + name) || "";
    Object.keys(params || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(params[key]));
    });
    return text;
  }
  function years(n) { return String(Math.round(n * 10) / 10).replace(".", decimalSign); }
  function km(dist) { return (dist / 100).toFixed(1).replace(".", decimalSign); }

  // ---- reading the form ----
  function state() {
    var age = parseInt(form.elements.alter.value, 10);
    return {
      alter: isNaN(age) ? null : age,
      stufe: form.elements.stufe.value === "" ? null : Number(form.elements.stufe.value),
      abschluss: form.elements.abschluss.value || null,
      ziel: form.elements.ziel.value === "" ? null : Number(form.elements.ziel.value),
      barrierefrei: form.elements.barrierefrei.checked,
      kostenlos: form.elements.kostenlos.checked,
      sprache: form.elements.sprache.value || null
    };
  }

  // ---- offers: hide known mismatches, known matches first, otherwise nearest first ----
  function rank(order, value) {
    if (Object.prototype.hasOwnProperty.call(order, value)) { return order[value]; }
    return Object.keys(order).length; // a value the order does not know: after all known ones
  }
  function offerKeys(offer, s) {
    var keys = [];
    if (s.barrierefrei) { keys.push(rank(data.bedarf.barrierefrei, offer.bf)); }
    if (s.kostenlos) { keys.push(rank(data.bedarf.kostenlos, offer.ko || "")); }
    if (s.sprache) {
      keys.push(offer.sp.indexOf(s.sprache) !== -1 ? 0 : (offer.sp.length === 0 ? 1 : null));
    }
    return keys;
  }
  function offersFor(stageIndex, s) {
    var entries = data.a[String(stageIndex)] || [];
    var shown = [];
    entries.forEach(function (entry, position) {
      var offer = data.angebote[String(entry[0])];
      var keys = offerKeys(offer, s);
      if (keys.indexOf(null) === -1) {
        shown.push({ offer: offer, dist: entry[1], tier: entry[2], keys: keys.concat([position]) });
      }
    });
    shown.sort(function (x, y) {
      for (var i = 0; i < x.keys.length; i += 1) {
        if (x.keys[i] !== y.keys[i]) { return x.keys[i] - y.keys[i]; }
      }
      return 0;
    });
    return shown;
  }
  function offerItem(item, s) {
    var t = data.texte;
    var li = el("li");
    li.appendChild(link(t.urls.angebot, item.offer.id, item.offer.n));
    var unknown = msg("unknown");
    var meta = [msg("distance", { tier: t.ebenen[item.tier], km: km(item.dist) }),
      msg("access", { value: t.barrierefrei[item.offer.bf] || unknown })];
    if (s.kostenlos) { meta.push(msg("cost", { value: item.offer.ko || unknown })); }
    if (s.sprache) {
      meta.push(msg("languages", { value: item.offer.sp.length ? item.offer.sp.join(", ") : unknown }));
    }
    li.appendChild(el("span", "meta", " – " + meta.join("; ")));
    return li;
  }
  function offerList(stageIndex, s, name) {
    var shown = offersFor(stageIndex, s);
    if (!shown.length) {
      var total = (data.a[String(stageIndex)] || []).length;
      return el("p", "weg-keine", msg(total ? "no-match" : "no-offers"));
    }
    var ul = el("ul", "weg-angebote");
    ul.setAttribute("aria-label", msg("offers-label", { stage: name }));
    shown.forEach(function (item) { ul.appendChild(offerItem(item, s)); });
    return ul;
  }

  // ---- transitions: kind, requirements, bridge for a missing qualification, counselling ----
  function bridgeText(index, s) {
    var bridges = data.bruecken[String(index)];
    if (!s.abschluss || !bridges || !Object.prototype.hasOwnProperty.call(bridges, s.abschluss)) {
      return null;
    }
    var route = bridges[s.abschluss];
    if (!route) {
      return msg("no-bridge");
    }
    var names = route.map(function (ti) { return data.stufen[data.uebergaenge[ti].z].n; });
    return msg("bridge", { route: names.join(" → ") });
  }
  function transitionCard(index, s) {
    var t = data.uebergaenge[index];
    var target = data.stufen[t.z];
    var li = el("li", "weg-schritt");
    li.setAttribute("data-stufe", target.id);
    var h = el("h4");
    h.appendChild(link(data.texte.urls.stufe, target.id, target.n));
    h.appendChild(el("span", "weg-schritt__alter",
      msg(t.av === t.ab ? "transition-at" : "transition",
        { kind: data.texte.arten[t.t] || t.t, from: t.av, to: t.ab })));
    li.appendChild(h);
    if (s.ziel !== null && t.z === s.ziel) { li.appendChild(el("p", "weg-ziel", msg("leads-to-goal"))); }
    var box = el("div", "weg-uebergang");
    box.appendChild(el("p", null, msg("requirements", { text: data.texte.voraussetzungen[index] })));
    var bridge = bridgeText(index, s);
    if (bridge) { box.appendChild(el("p", "weg-bruecke", bridge)); }
    var services = data.u[String(index)] || [];
    if (services.length) {
      var p = el("p", null, msg("counselling"));
      services.forEach(function (si, i) {
        if (i) { p.appendChild(document.createTextNode(", ")); }
        p.appendChild(link(data.texte.urls.beratung, data.beratung[si].id, data.beratung[si].n));
      });
      box.appendChild(p);
    }
    li.appendChild(box);
    li.appendChild(offerList(t.z, s, target.n));
    return li;
  }
  function ageFits(t, age) {
    return age === null || ((t.rmin === null || age >= t.rmin) && (t.rmax === null || age <= t.rmax));
  }
  function nextSteps(stageIndex, s) {
    var ids = (data.weiter[String(stageIndex)] || []).filter(function (ti) {
      return ageFits(data.uebergaenge[ti], s.alter);
    });
    if (s.ziel !== null) {
      ids.sort(function (x, y) {
        return (data.uebergaenge[x].z === s.ziel ? 0 : 1) - (data.uebergaenge[y].z === s.ziel ? 0 : 1);
      });
    }
    return ids;
  }

  // ---- the view ----
  function stageCard(stageIndex, age, s, current) {
    var stage = data.stufen[stageIndex];
    var li = el("li", "weg-schritt");
    li.id = "station-" + stage.id;
    var h = el("h3");
    h.appendChild(link(data.texte.urls.stufe, stage.id, stage.n));
    var ageText = age === null ? "" : age === 0 ? msg("age-first-year") : msg("age", { age: years(age) });
    h.appendChild(el("span", "weg-schritt__alter", ageText));
    li.appendChild(h);
    if (s.ziel === stageIndex) { li.appendChild(el("p", "weg-ziel", msg("is-goal"))); }
    var birth = data.l.length ? data.l[0][0] : null;
    if (stageIndex !== birth) { li.appendChild(offerList(stageIndex, s, stage.n)); }
    var next = nextSteps(stageIndex, s);
    if (current && next.length) {
      li.appendChild(el("h4", null, msg("next-heading")));
      var ol = el("ul", "weg-weiter");
      next.forEach(function (ti) { ol.appendChild(transitionCard(ti, s)); });
      li.appendChild(ol);
    } else if (next.length) {
      var p = el("p", "weg-naechste", msg("next-list"));
      next.forEach(function (ti, i) {
        var target = data.stufen[data.uebergaenge[ti].z];
        if (i) { p.appendChild(document.createTextNode(", ")); }
        p.appendChild(link(data.texte.urls.stufe, target.id, target.n));
      });
      li.appendChild(p);
    }
    return li;
  }
  function courseFrom(s) {
    // The life course steps whose stage is not yet behind a person of this age.
    return data.l.filter(function (step) {
      return s.alter === null || data.stufen[step[0]].ab > s.alter;
    });
  }
  var shownState = null;
  function render() {
    var s = state();
    var key = JSON.stringify(s);
    if (key === shownState) { return; }
    shownState = key;
    var fragment = document.createDocumentFragment();
    var message;
    if (s.stufe !== null) {
      fragment.appendChild(stageCard(s.stufe, null, s, true));
      var count = nextSteps(s.stufe, s).length;
      message = msg(count === 0 ? "status-stage-none" : count === 1 ? "status-stage-one" : "status-stage",
        { stage: data.stufen[s.stufe].n, n: count });
    } else {
      var steps = courseFrom(s);
      if (!steps.length) { steps = data.l.slice(-1); }
      steps.forEach(function (step, i) { fragment.appendChild(stageCard(step[0], step[1], s, i === 0)); });
      message = msg(steps.length === 1 ? "status-course-one" : "status-course", { n: steps.length }) +
        (s.alter === null ? "" : " " + msg("status-age", { age: s.alter }));
    }
    if (s.ziel !== null) {
      var direct = s.stufe !== null && nextSteps(s.stufe, s).some(function (ti) { return data.uebergaenge[ti].z === s.ziel; });
      message += " " + msg(direct ? "status-goal" : "status-no-goal");
    }
    if (s.barrierefrei || s.kostenlos || s.sprache) {
      message += " " + msg("status-needs");
    }
    list.textContent = "";
    list.appendChild(fragment);
    status.textContent = message;
  }

  function fillForm() {
    var byName = data.stufen.map(function (stage, i) { return [i, stage.n]; })
      .sort(function (x, y) { return x[1].localeCompare(y[1], "de"); });
    byName.forEach(function (p) {
      option(form.elements.stufe, p[0], p[1], true);
      option(form.elements.ziel, p[0], p[1], true);
    });
    data.texte.abschluesse.forEach(function (p) { option(form.elements.abschluss, p[0], p[1]); });
    data.texte.sprachen.forEach(function (p) { option(form.elements.sprache, p[0], p[1]); });
  }

  function init(json) {
    data = json;
    fillForm();
    form.hidden = false;
    form.addEventListener("input", render);
    form.addEventListener("change", render);
    form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
    form.addEventListener("reset", function () { window.setTimeout(render, 0); });
  }

  function getJson(url) {
    return fetch(url, { credentials: "omit" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    });
  }

  Promise.all([getJson(section.getAttribute("data-json-shared")),
    getJson(section.getAttribute("data-json"))])
    .then(function (parts) { return Object.assign({}, parts[0], parts[1]); })
    .then(init)
    .catch(function () {
      status.textContent = msg("error");
    });
}());
