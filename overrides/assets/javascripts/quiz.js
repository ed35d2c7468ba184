/* crosstrain quiz player: plain JavaScript, no framework, no request leaves the page.
   Without it the questions still show with a collapsed answer key (progressive enhancement). */
(function () {
  "use strict";

  function $(sel, el) { return (el || document).querySelector(sel); }
  function $all(sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); }
  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function shuffled(n) {
    var a = [];
    for (var i = 0; i < n; i++) a.push(i);
    for (var j = n - 1; j > 0; j--) {
      var k = Math.floor(Math.random() * (j + 1)), t = a[j]; a[j] = a[k]; a[k] = t;
    }
    return a;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function button(label, cls, onClick) {
    var b = document.createElement("button");
    b.type = "button"; b.className = cls; b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function Quiz(root) {
    this.root = root;
    this.data = JSON.parse($("#ct-quiz-data").textContent);
    this.S = JSON.parse($("#ct-quiz-strings").textContent);
    this.key = "crosstrain:" + root.getAttribute("data-locale") + ":" + root.getAttribute("data-bank");
    this.items = {};
    var self = this;
    this.data.items.forEach(function (d) { self.items[d.id] = d; });
    this.fieldsets = $all("[data-ct-item]", root);
    this.scoreBox = $("[data-ct-score]");
    this.state = this.load();
    this.fieldsets.forEach(function (fs) { self.enhance(fs); });
    this.apply();
    var tools = $("[data-ct-tools]");
    tools.hidden = false;
    $("[data-ct-action=reset]", tools).addEventListener("click", function () { self.reset(); });
    $("[data-ct-action=room]", tools).addEventListener("click", function () { self.room.enter(); });
    this.room = new Room(this);
    if (/(^|[?&])mode=room(&|$)/.test(window.location.search)) this.room.enter();
  }

  /* Events for other scripts (scorm.js): ct:load may set detail.state (null = start afresh)
     instead of this browser's storage; ct:checked and ct:reset carry the new state. Responses
     are in the bank's option order (option values are canonical indexes), not the shuffled one. */
  Quiz.prototype.emit = function (name, detail) {
    var event = new CustomEvent(name, { bubbles: true, detail: detail });
    this.root.dispatchEvent(event);
    return event.detail;
  };

  Quiz.prototype.load = function () {
    var state = null, given = this.emit("ct:load", { bank: this.data.bank, state: undefined }).state;
    if (given !== undefined) state = given;  // an LMS's saved progress (scorm.js)
    else try { state = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (e) { state = null; }
    if (!window.crosstrainQuizState.fits(state, this.root, this.fieldsets)) state = this.fresh();
    return state;
  };

  Quiz.prototype.fresh = function () {
    var orders = {};
    this.fieldsets.forEach(function (fs) {
      var type = fs.getAttribute("data-type");
      var n = $all("[data-ct-option]", fs).length || $all("tbody tr", fs).length;
      if (type === "true_false") return;
      var order = shuffled(n), identity = shuffled(0);
      for (var i = 0; i < n; i++) identity.push(i);
      // an order item shown already solved would give the answer away
      while (type === "order" && n > 1 && same(order, identity)) order = shuffled(n);
      orders[fs.getAttribute("data-ct-item")] = order;
    });
    return { fingerprint: this.root.getAttribute("data-fingerprint"), orders: orders, answers: {} };
  };

  Quiz.prototype.save = function () {
    try { window.localStorage.setItem(this.key, JSON.stringify(this.state)); } catch (e) { /* private mode */ }
  };

  Quiz.prototype.enhance = function (fs) {
    var self = this, id = fs.getAttribute("data-ct-item"), type = fs.getAttribute("data-type");
    if (type === "order") {
      $all("[data-ct-option]", fs).forEach(function (li) {
        var text = $(".ct-order-text", li).textContent;
        var up = button("↑", "ct-move", function () { self.move(fs, li, -1, up); });
        var down = button("↓", "ct-move", function () { self.move(fs, li, 1, down); });
        up.setAttribute("aria-label", self.S["quiz.move_up"] + ": " + text);
        down.setAttribute("aria-label", self.S["quiz.move_down"] + ": " + text);
        li.appendChild(up); li.appendChild(down);
      });
    }
    var check = button(this.S["quiz.check"], "md-button ct-check", function () { self.check(fs); });
    fs.insertBefore(check, $("[data-ct-feedback]", fs));
    $(".ct-key", fs).hidden = true;
    fs.setAttribute("data-ct-id", id);
  };

  Quiz.prototype.move = function (fs, li, step, focusButton) {
    if (this.state.answers[fs.getAttribute("data-ct-item")]) return;
    var list = li.parentNode, items = $all("[data-ct-option]", list), at = items.indexOf(li), to = at + step;
    if (to < 0 || to >= items.length) return;
    if (step < 0) list.insertBefore(li, items[to]); else list.insertBefore(items[to], li);
    focusButton.focus();
  };

  /* Put options (or match rows) in the stored order and restore answers. */
  Quiz.prototype.apply = function () {
    var self = this;
    this.fieldsets.forEach(function (fs) {
      var id = fs.getAttribute("data-ct-item"), order = self.state.orders[id];
      if (order) {
        var rows = fs.getAttribute("data-type") === "match" ? $all("tbody tr", fs) : $all("[data-ct-option]", fs);
        if (rows.length === order.length) {
          var parent = rows[0].parentNode;
          order.forEach(function (i) { parent.appendChild(rows[i]); });
        }
        $all(".ct-letter", fs).forEach(function (span, i) { span.textContent = "ABCDEFGH".charAt(i) + "."; });
      }
      var answer = self.state.answers[id];
      if (answer) { self.restore(fs, answer.response); self.show(fs, answer.correct); }
    });
    this.score();
  };

  Quiz.prototype.response = function (fs) {
    var type = fs.getAttribute("data-type");
    if (type === "order") return $all("[data-ct-option]", fs).map(function (li) { return +li.getAttribute("data-ct-option"); });
    if (type === "match") {
      var picks = $all("select", fs).map(function (s) { return s.value === "" ? null : +s.value; });
      var byPrompt = [];
      $all("select", fs).forEach(function (s, i) { byPrompt[+s.getAttribute("data-ct-prompt")] = picks[i]; });
      return byPrompt.indexOf(null) >= 0 || byPrompt.indexOf(undefined) >= 0 ? null : byPrompt;
    }
    var chosen = $all("input:checked", fs).map(function (input) { return input.value; });
    if (!chosen.length) return null;
    if (type === "true_false") return chosen[0] === "true";
    return chosen.map(Number).sort(function (a, b) { return a - b; });
  };

  Quiz.prototype.restore = function (fs, response) {
    var type = fs.getAttribute("data-type");
    if (type === "order") {
      var list = $(".ct-order", fs), lis = {};
      $all("[data-ct-option]", fs).forEach(function (li) { lis[li.getAttribute("data-ct-option")] = li; });
      response.forEach(function (i) { list.appendChild(lis[i]); });
    } else if (type === "match") {
      $all("select", fs).forEach(function (s) { s.value = String(response[+s.getAttribute("data-ct-prompt")]); });
    } else {
      var wanted = type === "true_false" ? [String(response)] : response.map(String);
      $all("input", fs).forEach(function (input) { input.checked = wanted.indexOf(input.value) >= 0; });
    }
  };

  Quiz.prototype.grade = function (item, response) {
    if (item.type === "true_false") return response === item.answer;
    if (item.type === "order" || item.type === "match") return same(response, item.answer);
    return same(response, item.keys);
  };

  Quiz.prototype.check = function (fs) {
    var id = fs.getAttribute("data-ct-item"), item = this.items[id], response = this.response(fs);
    var box = $("[data-ct-feedback]", fs);
    if (response === null) { box.textContent = this.S["quiz.unanswered"]; return; }
    var correct = this.grade(item, response);
    this.state.answers[id] = { response: response, correct: correct, at: Date.now() };
    this.save();
    this.show(fs, correct);
    this.score();
    this.emit("ct:checked", { id: id, response: response, correct: correct, state: this.state });
  };

  /* Lock the item and show right/wrong, the chosen options' feedback, the explanation. */
  Quiz.prototype.show = function (fs, correct) {
    var id = fs.getAttribute("data-ct-item"), item = this.items[id], box = $("[data-ct-feedback]", fs);
    var answer = this.state.answers[id], self = this;
    box.textContent = "";
    var verdict = document.createElement("p");
    verdict.className = correct ? "ct-verdict ct-verdict--right" : "ct-verdict ct-verdict--wrong";
    verdict.textContent = correct ? this.S["quiz.correct"] : this.S["quiz.incorrect"];
    box.appendChild(verdict);
    if (item.keys && item.keys.length) {
      $all("[data-ct-option]", fs).forEach(function (li) {
        var i = +li.getAttribute("data-ct-option"), isKey = item.keys.indexOf(i) >= 0;
        var chosen = answer && answer.response && answer.response.indexOf && answer.response.indexOf(i) >= 0;
        li.classList.toggle("ct-right", isKey);
        li.classList.toggle("ct-wrong", !!chosen && !isKey);
        if (chosen && item.feedback[i]) {
          var p = document.createElement("p");
          p.className = "ct-option-feedback";
          p.textContent = $(".ct-letter", li).textContent + " " + item.feedback[i];
          box.appendChild(p);
        }
      });
    }
    $all("input, select, .ct-move", fs).forEach(function (el) { el.disabled = true; });
    $(".ct-check", fs).hidden = true;
    var key = $(".ct-key", fs);
    key.hidden = false; key.open = true;
    if (item.type !== "order" && item.type !== "match" && item.type !== "true_false") {
      $(".ct-key-answer", key).hidden = true; // the options are marked instead
    }
    fs.classList.add("ct-done");
  };

  Quiz.prototype.score = function () {
    var answers = this.state.answers, ids = Object.keys(this.items), done = 0, right = 0, self = this;
    ids.forEach(function (id) { if (answers[id]) { done++; if (answers[id].correct) right++; } });
    var box = this.scoreBox;
    box.textContent = "";
    // attempt.js (the downloadable attempt record) listens; options are canonical indexes
    document.dispatchEvent(new CustomEvent("ct:attempt", { detail: { data: this.data, answers: answers,
      locale: this.root.getAttribute("data-locale"), complete: done === ids.length } }));
    if (done < ids.length) return;
    var p = document.createElement("p");
    p.className = "ct-score-total";
    p.textContent = format(this.S["quiz.score"], { score: right, total: ids.length,
      percent: Math.round(100 * right / ids.length) });
    box.appendChild(p);
    var objectives = this.data.objectives || {}, byObjective = {};
    Object.keys(objectives).sort().forEach(function (o) {
      var mine = ids.filter(function (id) { return self.items[id].objectives.indexOf(o) >= 0; });
      if (!mine.length) return;
      var ok = mine.filter(function (id) { return answers[id].correct; }).length;
      byObjective[o] = { score: ok, total: mine.length };
      var line = document.createElement("p");
      line.textContent = format(self.S["quiz.objective_score"], { objective: objectives[o], score: ok, total: mine.length });
      box.appendChild(line);
    });
    box.appendChild(button(this.S["quiz.retry"], "md-button md-button--primary ct-retry", function () { self.reset(); }));
    // other scripts (pre/post gain) build on the finished score
    this.root.dispatchEvent(new CustomEvent("ct:scored", { bubbles: true, detail: {
      quiz: this.data.bank, module: this.data.module || null, form: this.data.form || null,
      locale: this.root.getAttribute("data-locale"), score: right, total: ids.length,
      objectives: byObjective, box: box } }));
  };

  Quiz.prototype.reset = function () {
    try { window.localStorage.removeItem(this.key); } catch (e) { /* nothing stored */ }
    this.state = this.fresh();
    var self = this;
    this.fieldsets.forEach(function (fs) {
      fs.classList.remove("ct-done");
      $all("input", fs).forEach(function (el) { el.checked = false; el.disabled = false; });
      $all("select", fs).forEach(function (el) { el.value = ""; el.disabled = false; });
      $all(".ct-move", fs).forEach(function (el) { el.disabled = false; });
      $all("[data-ct-option]", fs).forEach(function (li) { li.classList.remove("ct-right", "ct-wrong"); });
      $("[data-ct-feedback]", fs).textContent = "";
      $(".ct-check", fs).hidden = false;
      var key = $(".ct-key", fs); key.open = false; key.hidden = true;
      $(".ct-key-answer", key).hidden = false;
    });
    this.apply();
    this.emit("ct:reset", { state: this.state });
    var first = $("input, select, .ct-move", this.root);
    if (first && !this.room.active) first.focus();
  };

  /* Room mode: one question at a time in large type, for a trainer's projector. */
  function Room(quiz) {
    this.quiz = quiz; this.active = false; this.index = 0; this.timer = null;
    var S = quiz.S, self = this;
    var bar = document.createElement("div");
    bar.className = "ct-room-bar"; bar.hidden = true;
    this.counter = document.createElement("span"); this.counter.className = "ct-room-counter";
    this.counter.setAttribute("aria-live", "polite");
    this.clock = document.createElement("span"); this.clock.className = "ct-room-clock";
    this.clock.setAttribute("aria-live", "off");
    var seconds = document.createElement("input");
    seconds.type = "number"; seconds.min = "0"; seconds.step = "5"; seconds.value = "0";
    seconds.className = "ct-room-seconds"; seconds.setAttribute("aria-label", S["quiz.countdown"]);
    this.seconds = seconds;
    bar.appendChild(button(S["quiz.previous"], "md-button", function () { self.go(self.index - 1); }));
    bar.appendChild(button(S["quiz.reveal"], "md-button md-button--primary ct-reveal", function () { self.reveal(); }));
    bar.appendChild(button(S["quiz.next"], "md-button", function () { self.go(self.index + 1); }));
    bar.appendChild(this.counter);
    bar.appendChild(seconds);
    bar.appendChild(this.clock);
    bar.appendChild(button(S["quiz.exit_room"], "md-button ct-room-exit", function () { self.exit(); }));
    this.bar = bar;
    quiz.root.parentNode.insertBefore(bar, quiz.root);
    this.final = document.createElement("section");
    this.final.className = "ct-room-final"; this.final.hidden = true;
    quiz.root.parentNode.insertBefore(this.final, quiz.root.nextSibling);
    document.addEventListener("keydown", function (e) {
      if (!self.active || /INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) return;
      if (e.key === "ArrowRight" || e.key === "PageDown") { self.go(self.index + 1); e.preventDefault(); }
      else if (e.key === "ArrowLeft" || e.key === "PageUp") { self.go(self.index - 1); e.preventDefault(); }
      else if (e.key === "Escape") { self.exit(); }
    });
  }

  Room.prototype.enter = function () {
    this.active = true;
    document.body.classList.add("ct-room");
    this.bar.hidden = false;
    this.go(0);
    var el = document.documentElement;
    // only on a click: without one (?mode=room on load) the browser refuses and logs an error
    var clicked = !navigator.userActivation || navigator.userActivation.isActive;
    if (el.requestFullscreen && clicked) el.requestFullscreen().catch(function () { /* not allowed: stay in page */ });
  };

  Room.prototype.exit = function () {
    this.active = false; this.stop();
    document.body.classList.remove("ct-room");
    this.bar.hidden = true; this.final.hidden = true;
    this.quiz.fieldsets.forEach(function (fs) { fs.classList.remove("ct-current"); });
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
  };

  Room.prototype.go = function (index) {
    var total = this.quiz.fieldsets.length;
    index = Math.max(0, Math.min(total, index));
    this.index = index; this.stop();
    this.quiz.fieldsets.forEach(function (fs, i) { fs.classList.toggle("ct-current", i === index); });
    this.final.hidden = index < total;
    if (index === total) { this.answerKey(); this.counter.textContent = this.quiz.S["quiz.answer_key"]; return; }
    this.counter.textContent = format(this.quiz.S["quiz.question_of"], { number: index + 1, total: total });
    var secs = parseInt(this.seconds.value, 10);
    if (secs > 0) this.countdown(secs);
  };

  Room.prototype.countdown = function (secs) {
    var self = this, left = secs;
    this.clock.textContent = left + " s";
    this.timer = window.setInterval(function () {
      left -= 1;
      self.clock.textContent = left + " s";
      if (left <= 0) { self.stop(); self.reveal(); }
    }, 1000);
  };

  Room.prototype.stop = function () {
    if (this.timer) window.clearInterval(this.timer);
    this.timer = null; this.clock.textContent = "";
  };

  Room.prototype.reveal = function () {
    var fs = this.quiz.fieldsets[this.index];
    if (!fs) return;
    var item = this.quiz.items[fs.getAttribute("data-ct-item")];
    (item.keys || []).forEach(function (i) {
      var li = $('[data-ct-option="' + i + '"]', fs);
      if (li) li.classList.add("ct-right");
    });
    var key = $(".ct-key", fs);
    key.hidden = false; key.open = true;
    $(".ct-key-answer", key).hidden = false;
  };

  Room.prototype.answerKey = function () {
    var final = this.final;
    final.textContent = "";
    var h = document.createElement("h2"); h.textContent = this.quiz.S["quiz.answer_key"];
    final.appendChild(h);
    var list = document.createElement("ol");
    this.quiz.fieldsets.forEach(function (fs) {
      var li = document.createElement("li");
      li.textContent = $(".ct-key-answer", fs).textContent.replace(/^[^:：]*[:：]\s*/, "");
      list.appendChild(li);
    });
    final.appendChild(list);
  };

  function start() {
    var root = document.querySelector("[data-ct-quiz]");
    if (root && !root.getAttribute("data-ct-ready")) {
      root.setAttribute("data-ct-ready", "1");
      new Quiz(root);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
