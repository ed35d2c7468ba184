"""Saved quiz progress is input too: whatever localStorage holds, the quiz starts, without a
console error, and discards what does not fit this version of the quiz."""

from __future__ import annotations

import json

import pytest


def _quiz(hostile):
    bank = sorted((hostile.site / "quizzes").glob("*/index.html"))[0].parent.name
    html = (hostile.site / "quizzes" / bank / "index.html").read_text(encoding="utf-8")
    fingerprint = html.split('data-fingerprint="', 1)[1].split('"', 1)[0]
    return bank, fingerprint


def _garbage(fingerprint: str) -> list[str]:
    fits = {"fingerprint": fingerprint}
    return [
        "not json at all {", "null", '"a string"', "[1, 2]", "42",
        json.dumps({"orders": {"x": 1}}),
        json.dumps({**fits, "orders": {"x": 1}, "answers": {}}),
        json.dumps({**fits, "orders": "abc", "answers": {}}),
        json.dumps({**fits, "orders": {}, "answers": None}),
        json.dumps({**fits, "orders": {}, "answers": {"__proto__": {"response": [99], "correct": True}}}),
        # out-of-range indexes and wrong shapes for every item the page has
        "OUT_OF_RANGE",
        # the state of an earlier version of the quiz, whose options have changed since
        json.dumps({"fingerprint": "0" * 64, "orders": {}, "answers": {}}),
    ]


OUT_OF_RANGE = """(fp) => {
  const orders = {}, answers = {};
  document.querySelectorAll("[data-ct-item]").forEach((fs, i) => {
    const id = fs.getAttribute("data-ct-item");
    orders[id] = i % 2 ? [7, 8, 9] : [0, 0];
    answers[id] = i % 2 ? {response: [99], correct: true} : {response: "x", correct: "yes"};
  });
  return JSON.stringify({fingerprint: fp, orders: orders, answers: answers});
}"""


def test_quiz_starts_whatever_is_saved(tab, hostile, hostile_url):
    bank, fingerprint = _quiz(hostile)
    url = f"{hostile_url}/quizzes/{bank}/"
    key = f"crosstrain:vi:{bank}"
    tab.goto(url, wait_until="domcontentloaded")
    out_of_range = tab.evaluate(OUT_OF_RANGE, fingerprint)
    for value in _garbage(fingerprint):
        value = out_of_range if value == "OUT_OF_RANGE" else value
        tab.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
        tab.problems.clear()
        tab.reload(wait_until="domcontentloaded")
        assert not tab.problems, (value, tab.problems)
        assert tab.locator("[data-ct-tools]").is_visible(), value
        assert tab.locator(".ct-check").count() > 0, value
        assert tab.locator(".ct-done").count() == 0, value  # nothing restored from garbage


def test_progress_of_this_version_is_kept(tab, hostile, hostile_url):
    bank, _ = _quiz(hostile)
    tab.goto(f"{hostile_url}/quizzes/{bank}/", wait_until="domcontentloaded")
    first = tab.locator("fieldset[data-type=single]").first
    first.locator("input").first.check()
    first.locator(".ct-check").click()
    tab.reload(wait_until="domcontentloaded")
    assert tab.locator(".ct-done").count() == 1


@pytest.mark.parametrize("locale_prefix", ["", "en/"])
def test_room_mode_from_the_address_logs_no_error(tab, hostile, hostile_url, locale_prefix):
    bank, _ = _quiz(hostile)
    # Chromium refuses fullscreen without a click and logs "Permissions check failed"
    # (headless may stay silent): count the requests instead
    tab.add_init_script("Element.prototype.requestFullscreen = function () {"
                        " window.__ct_fullscreen = (window.__ct_fullscreen || 0) + 1;"
                        " return Promise.reject(new TypeError('no user gesture')); };")
    tab.problems.clear()
    tab.goto(f"{hostile_url}/{locale_prefix}quizzes/{bank}/?mode=room", wait_until="load")
    tab.wait_for_timeout(300)
    assert tab.evaluate("document.body.classList.contains('ct-room')")
    assert tab.evaluate("window.__ct_fullscreen || 0") == 0
    assert not tab.problems

