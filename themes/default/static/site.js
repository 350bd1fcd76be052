// planpress default theme: a menu on phones, the goal filter and search.
// Everything works without this script; it only enhances.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    // Menu toggle for narrow screens.
    var toggle = document.querySelector(".menu-toggle");
    var sidebar = document.getElementById("sidebar");
    if (toggle && sidebar) {
      toggle.addEventListener("click", function () {
        var open = sidebar.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }

    setupFilter();
    setupSearch();
  });

  function setupFilter() {
    var form = document.querySelector("[data-goal-filter]");
    if (!form) return;
    form.hidden = false;
    var group = form.querySelector('[data-filter="tg"]');
    var track = form.querySelector('[data-filter="track"]');
    var count = form.querySelector("[data-filter-count]");
    var items = document.querySelectorAll(".goal-item");
    var noResults = document.querySelector("[data-no-results]");
    // A goal that serves several target groups is listed under each; it
    // is counted once.
    var total = {};
    items.forEach(function (item) { total[item.getAttribute("data-goal")] = true; });
    function apply() {
      var seen = {};
      items.forEach(function (item) {
        var okGroup = !group.value || item.getAttribute("data-tg") === group.value;
        var tracks = (item.getAttribute("data-tracks") || "").split(" ");
        var okTrack = !track.value || tracks.indexOf(track.value) !== -1;
        item.hidden = !(okGroup && okTrack);
        if (!item.hidden) seen[item.getAttribute("data-goal")] = true;
      });
      var shown = Object.keys(seen).length;
      document.querySelectorAll("[data-group]").forEach(function (section) {
        section.hidden = !section.querySelector(".goal-item:not([hidden])");
      });
      if (noResults) noResults.hidden = shown !== 0;
      count.textContent = count.getAttribute("data-template")
        .replace("{n}", shown).replace("{total}", Object.keys(total).length);
    }
    group.addEventListener("change", apply);
    track.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // Danish-aware matching: lower case in Danish, and å also matches aa.
  function normalise(s) {
    return s.normalize("NFC").toLocaleLowerCase("da").replace(/aa/g, "å");
  }

  function setupSearch() {
    var results = document.querySelector("[data-search-results]");
    if (!results) return;
    var form = document.querySelector("[data-search-form]");
    var input = form.querySelector("input");
    var status = document.querySelector("[data-search-status]");
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    input.value = q;
    function run() {
      var index = window.PLANPRESS_SEARCH;
      if (!index) { window.setTimeout(run, 50); return; }
      search(index, input.value, results, status);
    }
    if (q) run();
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      window.history.replaceState(null, "", url);
      run();
    });
  }

  // A pattern that finds the query's words in the original text, in any
  // case, where "aa" may stand for "å".
  function matcher(terms) {
    var parts = terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/å/g, "(?:å|aa)");
    });
    return new RegExp(parts.join("|"), "giu");
  }

  // Up to about 180 characters around the first match, cut between words.
  function snippet(text, pattern) {
    pattern.lastIndex = 0;
    var m = pattern.exec(text);
    if (!m) return "";
    var start = Math.max(0, m.index - 60);
    if (start > 0) {
      var space = text.indexOf(" ", start - 1);
      start = space === -1 || space >= m.index ? m.index : space + 1;
    }
    var end = Math.min(text.length, start + 180);
    if (end < text.length) {
      var back = text.lastIndexOf(" ", end);
      end = back > m.index + m[0].length ? back : text.indexOf(" ", m.index + m[0].length);
      if (end === -1) end = text.length;
    }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  // Sets `text` into `el`, the matched words in <mark>.
  function highlight(el, text, pattern) {
    pattern.lastIndex = 0;
    var at = 0;
    var m;
    while ((m = pattern.exec(text)) !== null) {
      if (m[0] === "") { pattern.lastIndex++; continue; }
      el.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      at = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(at)));
  }

  function search(index, query, results, status) {
    results.innerHTML = "";
    var terms = normalise(query).split(/\s+/).filter(Boolean);
    if (!terms.length) { status.textContent = ""; return; }
    var hits = [];
    index.forEach(function (entry) {
      var title = normalise(entry.t);
      var text = normalise(entry.x);
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = title.indexOf(terms[i]) !== -1;
        var inText = text.indexOf(terms[i]) !== -1;
        if (!inTitle && !inText) return;
        score += inTitle ? 10 : 1;
      }
      hits.push({ entry: entry, score: score, text: text });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    var kindLabel = { s: results.getAttribute("data-section-label"), g: results.getAttribute("data-goal-label") };
    var pattern = matcher(terms);
    hits.slice(0, 50).forEach(function (hit) {
      var li = document.createElement("li");
      var head = document.createElement("p");
      head.className = "result-title";
      var a = document.createElement("a");
      a.href = hit.entry.u;
      highlight(a, hit.entry.t, pattern);
      head.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kindLabel[hit.entry.k] || "";
      head.appendChild(kind);
      li.appendChild(head);
      var text = snippet(hit.entry.x.replace(/\s+/g, " "), pattern);
      if (text) {
        var p = document.createElement("p");
        p.className = "result-text";
        highlight(p, text, pattern);
        li.appendChild(p);
      }
      results.appendChild(li);
    });
    var template = hits.length ? status.getAttribute("data-count") : status.getAttribute("data-none");
    status.textContent = template.replace("{n}", hits.length).replace("{q}", query);
  }
})();
