/* crosstrain attempt records: once a quiz is finished, the learner can download the attempt
   as a JSON file (crosstrain/analyse/attempt.schema.json) or copy it as a code to paste into
   a trainer's form. Nothing is sent over the network. quiz.js announces each state of the
   quiz with a `ct:attempt` event; options in it are canonical indexes, never the shuffled ones. */
(function () {
  "use strict";

  var FORMAT = "crosstrain-attempt/1", CODE_PREFIX = "CT1.";
  var box = null, latest = null;

  function strings() {
    var el = document.getElementById("ct-quiz-strings");
    return el ? JSON.parse(el.textContent) : {};
  }

  function iso(ms) { return new Date(ms).toISOString(); }

  /* The attempt record, without the learner's name (added only to the file). */
  function record(detail) {
    var answers = detail.answers, times = [];
    detail.data.items.forEach(function (d) { if (answers[d.id] && answers[d.id].at) times.push(answers[d.id].at); });
    times.sort(function (a, b) { return a - b; });
    var now = Date.now(), responses = detail.data.items.map(function (d) {
      var a = answers[d.id], r = { item: d.id, objectives: d.objectives || [],
        response: a ? a.response : null, correct: !!(a && a.correct) };
      if (a && a.at) {
        var before = times.filter(function (t) { return t < a.at; });
        if (before.length) r.seconds = Math.round((a.at - before[before.length - 1]) / 1000);
      }
      return r;
    });
    var out = { format: FORMAT, quiz: detail.data.bank, locale: detail.locale,
      fingerprint: detail.data.fingerprint, finished: iso(times.length ? times[times.length - 1] : now),
      responses: responses };
    if (times.length) out.started = iso(times[0]);
    return out;
  }

  function base64url(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /* The record's JSON, deflated: short enough to paste into a form or a chat. */
  function code(data) {
    var stream = new Blob([JSON.stringify(data)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) { return CODE_PREFIX + base64url(new Uint8Array(buf)); });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function build(S) {
    var section = el("section", "ct-attempt");
    section.setAttribute("data-ct-attempt", "");
    section.appendChild(el("h2", "", S["quiz.attempt.title"]));
    section.appendChild(el("p", "", S["quiz.attempt.lead"]));
    var label = el("label", "ct-attempt-name", S["quiz.attempt.name"] + " ");
    var name = el("input");
    name.type = "text"; name.maxLength = 200; name.autocomplete = "name";
    label.appendChild(name);
    section.appendChild(label);
    var download = el("button", "md-button md-button--primary", S["quiz.attempt.download"]);
    download.type = "button"; download.setAttribute("data-ct-action", "download-attempt");
    var show = el("button", "md-button", S["quiz.attempt.show_code"]);
    show.type = "button"; show.setAttribute("data-ct-action", "show-code");
    show.hidden = !window.CompressionStream; // older browsers: the file only
    var tools = el("p");
    tools.appendChild(download); tools.appendChild(document.createTextNode(" ")); tools.appendChild(show);
    section.appendChild(tools);
    var codeBox = el("div", "ct-attempt-code");
    codeBox.hidden = true;
    var codeLabel = el("label", "", S["quiz.attempt.code_label"]);
    var area = el("textarea");
    area.readOnly = true; area.rows = 4; area.setAttribute("data-ct-code", "");
    codeLabel.appendChild(area);
    var copy = el("button", "md-button", S["quiz.attempt.copy"]);
    copy.type = "button";
    codeBox.appendChild(codeLabel); codeBox.appendChild(copy);
    section.appendChild(codeBox);

    download.addEventListener("click", function () {
      var data = record(latest);
      if (name.value.trim()) data.learner = name.value.trim().slice(0, 200);
      var blob = new Blob([JSON.stringify(data, null, 1) + "\n"], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "attempt-" + data.quiz + "-" + data.finished.replace(/[:.]/g, "-") + ".json";
      document.body.appendChild(a); a.click(); a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    show.addEventListener("click", function () {
      code(record(latest)).then(function (text) { area.value = text; codeBox.hidden = false; area.select(); });
    });
    copy.addEventListener("click", function () {
      area.select();
      var done = function () { copy.textContent = S["quiz.attempt.copied"]; };
      if (navigator.clipboard) navigator.clipboard.writeText(area.value).then(done, function () {});
    });
    return section;
  }

  document.addEventListener("ct:attempt", function (event) {
    latest = event.detail;
    if (!box) {
      var score = document.querySelector("[data-ct-score]");
      if (!score) return;
      box = build(strings());
      score.parentNode.insertBefore(box, score.nextSibling);
    }
    box.hidden = !latest.complete;
    if (!latest.complete) hideCode();
  });

  function hideCode() {
    var c = box.querySelector(".ct-attempt-code");
    c.hidden = true; box.querySelector("[data-ct-code]").value = "";
  }
})();
