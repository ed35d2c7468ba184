/* crosstrain pre/post gain: a module's pre-test stores the learner's score per objective in
   this browser; its post-test shows, per objective, the two scores and the gain. Nothing
   leaves the browser. */
(function () {
  "use strict";

  function storeKey(detail) { return "crosstrain:gain:" + detail.locale + ":" + detail.module; }
  function percent(r) { return r && r.total ? Math.round(100 * r.score / r.total) : null; }
  function cell(tag, text, scope) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (scope) c.scope = scope;
    return c;
  }
  function load(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      return saved && typeof saved === "object" && saved.pre && typeof saved.pre === "object" ? saved : null;
    } catch (e) { return null; }
  }

  function show(detail, saved, S, names) {
    var box = detail.box, section = document.createElement("section");
    section.className = "ct-gain";
    var h = cell("h2", S["quiz.gain.title"]);
    section.appendChild(h);
    var mine = Object.keys(detail.objectives).sort();
    var comparable = saved && mine.every(function (o) {
      var r = saved.pre[o];
      return r && typeof r.score === "number" && typeof r.total === "number" && r.total > 0 && r.score <= r.total;
    });
    if (!saved || !comparable) {
      section.appendChild(cell("p", S[saved ? "quiz.gain.stale" : "quiz.gain.none"]));
      box.appendChild(section);
      return;
    }
    var table = document.createElement("table"), head = document.createElement("tr"), body = document.createElement("tbody");
    ["quiz.gain.objective", "quiz.gain.pre", "quiz.gain.post", "quiz.gain.change"].forEach(function (k) {
      head.appendChild(cell("th", S[k], "col"));
    });
    var thead = document.createElement("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    mine.forEach(function (o) {
      var pre = percent(saved.pre[o]), post = percent(detail.objectives[o]), row = document.createElement("tr");
      var change = post - pre;
      row.appendChild(cell("th", names[o] || o, "row"));
      row.appendChild(cell("td", pre + "%"));
      row.appendChild(cell("td", post + "%"));
      row.appendChild(cell("td", (change > 0 ? "+" : change < 0 ? "−" : "±") + Math.abs(change)));
      body.appendChild(row);
    });
    table.appendChild(body);
    section.appendChild(table);
    box.appendChild(section);
  }

  document.addEventListener("ct:scored", function (event) {
    var detail = event.detail;
    if (!detail || !detail.module || !detail.form) return;
    var key = storeKey(detail), saved = load(key);
    if (detail.form === "pre") {
      try {
        window.localStorage.setItem(key, JSON.stringify({ pre: detail.objectives, at: new Date().toISOString() }));
      } catch (e) { /* private mode: nothing to compare later */ }
      return;
    }
    var S = JSON.parse(document.getElementById("ct-quiz-strings").textContent);
    var data = JSON.parse(document.getElementById("ct-quiz-data").textContent);
    show(detail, saved, S, data.objectives || {});
  });
})();
