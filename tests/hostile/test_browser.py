"""Every page of the payload site in Chromium under its CSP: no dialog, no CSP violation,
no console error, also after answering a quiz (feedback shown) and searching for a payload."""

from __future__ import annotations

from tests.hostile.conftest import pages


def _visit(tab, url) -> list[str]:
    tab.problems.clear()
    # Scripts at the end of <body> have run by DOMContentLoaded; violations of inline
    # script are reported while parsing.
    tab.goto(url, wait_until="domcontentloaded")
    # answer every choice item, so that option feedback (payloads) is shown
    tab.evaluate("""() => document.querySelectorAll(
        "fieldset[data-type=single], fieldset[data-type=multiple]").forEach(function (fs) {
          fs.querySelector("input").checked = true;
          var check = fs.querySelector(".ct-check"); if (check) check.click();
        })""")
    return tab.problems + tab.evaluate("window.__ct_violations")


def test_no_script_runs_on_any_page(tab, hostile, hostile_url):
    found = {}
    for page in pages(hostile):
        url = f"{hostile_url}/{page.relative_to(hostile.site).as_posix()}"
        problems = _visit(tab, url)
        if problems:
            found[url] = problems
    assert not found


def test_searching_for_a_payload_shows_it_as_text(tab, hostile_url):
    tab.goto(f"{hostile_url}/essays/payload-essay/", wait_until="load")
    tab.problems.clear()
    tab.keyboard.press("/")  # Material's shortcut opens the box
    tab.locator("[data-ct-search-query]").fill("xss-script")
    tab.wait_for_selector("[data-ct-search-results] li", timeout=15000)
    tab.wait_for_timeout(300)
    assert tab.query_selector_all("[data-ct-search-results] script, [data-ct-search-results] img") == []
    assert not tab.problems + tab.evaluate("window.__ct_violations")
