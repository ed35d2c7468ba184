"""Every internal link and anchor in the built site resolves (MkDocs only checks the links
written in Markdown; our templates also write HTML links)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])


def _target(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def test_internal_links_and_anchors_resolve(built):
    site = built.site
    parsed: dict[Path, _Links] = {}

    def parse(page: Path) -> _Links:
        if page not in parsed:
            parser = _Links()
            parser.feed(page.read_text(encoding="utf-8"))
            parsed[page] = parser
        return parsed[page]

    broken, checked = [], 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # served at any depth; its links are relative to where it is shown
        url = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
        for link in parse(page).links:
            if re.match(r"^(https?:|mailto:|data:|javascript:)", link):
                if link.startswith("javascript:"):
                    broken.append((url, link))
                continue
            checked += 1
            absolute = urlparse(urljoin("http://site" + url, link))
            target = _target(site, absolute.path)
            if target is None:
                broken.append((url, link))
            elif absolute.fragment and target.suffix == ".html" and unquote(absolute.fragment) not in parse(target).ids:
                broken.append((url, link))
    assert broken == [], broken[:20]
    assert checked > 5000, "the site has far more links than that: the parser missed them"
