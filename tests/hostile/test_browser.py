"""Every page of the payload site in Chromium under its CSP: no dialog, no CSP violation,
no console error, also after answering a quiz (feedback shown) and searching for a payload."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import browser  # noqa: F401 (a fixture)
from tests.hostile.conftest import pages

WATCH = """
window.__ct_violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__ct_violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile_url(hostile):
    handler = functools.partial(_Quiet, directory=str(hostile.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def tab(browser):  # noqa: F811
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.problems = []
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" or "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    yield page
    context.close()


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
