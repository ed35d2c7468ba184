/* crosstrain SCORM 1.2 bridge, in the pages of a SCORM package (crosstrain export scorm).
   Each page is its own SCO. A content page tells the LMS it was completed; a quiz page reports
   score, passed/failed against the mastery score, one interaction per checked item (our item
   ids and canonical answers: option letters a, b, c… in the bank's order, not the shuffled
   order on screen) and keeps the learner's progress in cmi.suspend_data, tied to the quiz's
   fingerprint so that a changed quiz starts afresh. Without an LMS (no API on a parent or
   opener window) it does nothing and the quiz behaves as on the site.
   It listens to quiz.js's events: ct:load (give saved progress), ct:checked, ct:reset. */
(function () {
  "use strict";

  var dataElement = document.getElementById("ct-scorm-data");
  if (!dataElement) return;
  var sco = JSON.parse(dataElement.textContent);
  var SUSPEND_MAX = 4096; // SCORM 1.2: cmi.suspend_data is a CMIString4096

  /* The API object is on the LMS window that opened or framed us, perhaps several frames up.
     A cross-origin frame on the way throws on access: stop climbing there. */
  function climb(win) {
    for (var depth = 0; win && depth < 50; depth++) {
      try { if (win.API) return win.API; } catch (e) { return null; }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = climb(window);
  if (!api && window.opener) api = climb(window.opener);
  if (!api || String(api.LMSInitialize("")) !== "true") return; // standalone

  var started = Date.now(), finished = false, complete = false;
  function get(key) { return String(api.LMSGetValue(key)); }
  function set(key, value) { return String(api.LMSSetValue(key, String(value))) === "true"; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(date) { return pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()); }
  function timespan(ms) { // CMITimespan: HHHH:MM:SS
    var s = Math.floor(ms / 1000);
    return ("000" + Math.floor(s / 3600)).slice(-4) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  }

  function finish() {
    if (finished) return;
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    set("cmi.core.exit", complete || sco.sco !== "quiz" ? "" : "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  var status = get("cmi.core.lesson_status");
  if (sco.sco !== "quiz") {
    if (status !== "completed" && status !== "passed") set("cmi.core.lesson_status", "completed");
    api.LMSCommit("");
    return;
  }

  var quizData = JSON.parse(document.getElementById("ct-quiz-data").textContent), items = {};
  quizData.items.forEach(function (item) { items[item.id] = item; });
  // the LMS's value (from the manifest's adlcp:masteryscore) wins over the one built in
  var lmsMastery = parseFloat(get("cmi.student_data.mastery_score"));
  var mastery = isNaN(lmsMastery) ? sco.mastery_score : lmsMastery;
  if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
  api.LMSCommit("");

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var TYPES = { single: "choice", multiple: "choice", cloze: "choice", true_false: "true-false",
                order: "sequencing", match: "matching" };
  function letters(indexes) { return indexes.map(function (i) { return LETTERS.charAt(i); }).join(","); }
  /* A response (or the key) in SCORM 1.2's formats: choice "a,c", true-false "t"/"f",
     sequencing "c,a,b", matching "1.b,2.a" (prompt number . option letter). */
  function pattern(item, value) {
    if (item.type === "true_false") return value ? "t" : "f";
    if (item.type === "match") return value.map(function (o, p) { return (p + 1) + "." + LETTERS.charAt(o); }).join(",");
    return letters(value);
  }
  function key(item) {
    if (item.type === "true_false" || item.type === "order" || item.type === "match") return item.answer;
    return item.keys;
  }

  function saveState(state) {
    var text = JSON.stringify({ f: sco.fingerprint, s: state });
    // too long for the LMS: keep the answers, the option orders are shuffled again on resume
    if (text.length > SUSPEND_MAX) text = JSON.stringify({ f: sco.fingerprint, s: { orders: {}, answers: state.answers } });
    if (text.length <= SUSPEND_MAX) set("cmi.suspend_data", text);
  }

  document.addEventListener("ct:load", function (event) {
    var saved = null;
    try { saved = JSON.parse(get("cmi.suspend_data") || "null"); } catch (e) { saved = null; }
    // progress of another version of the quiz (or none): start afresh, not from this browser's storage
    event.detail.state = saved && saved.f === sco.fingerprint && saved.s && saved.s.orders ? saved.s : null;
    var answers = event.detail.state ? event.detail.state.answers : {};
    complete = Object.keys(items).every(function (id) { return answers[id]; });
  });

  document.addEventListener("ct:checked", function (event) {
    var d = event.detail, item = items[d.id], n = parseInt(get("cmi.interactions._count"), 10) || 0;
    var prefix = "cmi.interactions." + n + ".";
    set(prefix + "id", d.id);
    set(prefix + "type", TYPES[item.type]);
    set(prefix + "time", clock(new Date()));
    set(prefix + "weighting", 1);
    (item.objectives || []).forEach(function (objective, k) { set(prefix + "objectives." + k + ".id", objective); });
    set(prefix + "correct_responses.0.pattern", pattern(item, key(item)));
    set(prefix + "student_response", pattern(item, d.response));
    set(prefix + "result", d.correct ? "correct" : "wrong");
    saveState(d.state);
    var ids = Object.keys(items), answered = ids.filter(function (id) { return d.state.answers[id]; });
    if (answered.length === ids.length) {
      var right = answered.filter(function (id) { return d.state.answers[id].correct; }).length;
      var raw = Math.round(100 * right / ids.length);
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", raw);
      set("cmi.core.lesson_status", raw >= mastery ? "passed" : "failed");
      complete = true;
    }
    api.LMSCommit("");
  });

  // a retry keeps the recorded score and status until the new attempt is complete
  document.addEventListener("ct:reset", function (event) {
    complete = false;
    saveState(event.detail.state);
    api.LMSCommit("");
  });
})();
