/* What a quiz may take back from localStorage: the saved state of this very version of the
   quiz (its data-fingerprint, the content hash of its items), in the shape the player
   writes. Anything else (another version, a damaged or hand-edited store: a string, null,
   an order that is not a permutation, an index out of range) is discarded, so that a bad
   store can never stop the quiz from starting, reload after reload. */
(function () {
  "use strict";

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isIndexList(v, n) {
    return Array.isArray(v) && v.every(function (i) { return Number.isInteger(i) && i >= 0 && i < n; });
  }
  function isPermutation(v, n) {
    return isIndexList(v, n) && v.length === n && new Set(v).size === n;
  }

  function responseFits(type, response, fs) {
    var options = fs.querySelectorAll("[data-ct-option]").length;
    if (type === "true_false") return typeof response === "boolean";
    if (type === "order") return isPermutation(response, options);
    if (type === "match") {
      var prompts = fs.querySelectorAll("select").length;
      var choices = fs.querySelectorAll(".ct-match-options li").length;
      return isIndexList(response, choices) && response.length === prompts;
    }
    return isIndexList(response, options) && response.length > 0 && new Set(response).size === response.length;
  }

  function fits(state, root, fieldsets) {
    if (!isObject(state) || state.fingerprint !== root.getAttribute("data-fingerprint")) return false;
    if (!isObject(state.orders) || !isObject(state.answers)) return false;
    return fieldsets.every(function (fs) {
      var id = fs.getAttribute("data-ct-item"), type = fs.getAttribute("data-type");
      var rows = type === "match" ? fs.querySelectorAll("tbody tr").length : fs.querySelectorAll("[data-ct-option]").length;
      var order = state.orders[id], answer = state.answers[id];
      if (order !== undefined && !(type !== "true_false" && isPermutation(order, rows))) return false;
      if (answer === undefined) return true;
      return isObject(answer) && typeof answer.correct === "boolean" && responseFits(type, answer.response, fs);
    });
  }

  window.crosstrainQuizState = { fits: fits };
})();
