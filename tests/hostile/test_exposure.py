"""No text from content runs as script: every page of a site built with payloads in every
text field is checked in the HTML, then in Chromium under the site's CSP."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from tests.hostile.conftest import SCRIPT, TITLE, pages


class _Live(HTMLParser):
    """Elements and attributes a browser would act on: handlers, script URLs, scripts."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")


def test_no_live_markup_from_content(hostile):
    for page in pages(hostile):
        html = page.read_text(encoding="utf-8")
        parser = _Live()
        parser.feed(html)
        assert not parser.found, (page, parser.found)
        assert "alert(" not in "".join(m["body"] for m in SCRIPT.finditer(html)
                                      if "application/json" not in m["attrs"]), page


def test_payload_pages_exist_and_show_the_text(hostile):
    for page in hostile.site.rglob("payload-essay/index.html"):
        essay = page.read_text(encoding="utf-8")
        assert re.search(r"&lt;script&gt;alert\((&#39;|&#x27;|')xss-script", essay)
        title = re.search(r"<title>(.*?)</title>", essay, re.S)[1]
        assert "<" not in title and "&lt;/title&gt;&lt;script&gt;" in title, title
        header = re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis">(.*?)</span>', essay, re.S)[1]
        assert html.unescape(header.strip()) == TITLE


def test_titles_are_escaped_once(hostile):
    """Material escapes a title again in attributes (footer links): no `&amp;` of ours there."""
    for page in pages(hostile):
        html_text = page.read_text(encoding="utf-8")
        assert "&amp;#" not in html_text and "&amp;lt;" not in html_text.split("md-footer", 1)[0], page


def test_embedded_json_cannot_close_its_element(hostile):
    quizzes = [p for p in pages(hostile) if "/quizzes/" in p.as_posix()]
    assert quizzes
    for page in quizzes:
        for match in SCRIPT.finditer(page.read_text(encoding="utf-8")):
            if "application/json" in match["attrs"]:
                body = match["body"]
                assert not re.search("[<>&\u2028\u2029]", body), page
                json.loads(body)


def test_every_page_has_the_csp_and_no_inline_script(hostile):
    for page in pages(hostile):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        for match in SCRIPT.finditer(html):
            assert "src=" in match["attrs"] or "application/json" in match["attrs"], (page, match[0][:80])
