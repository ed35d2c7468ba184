"""Test helper: the text of a page's article, split by the language it is marked in."""

from __future__ import annotations

from html.parser import HTMLParser

_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source"}


class _LangText(HTMLParser):
    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, in article)
        self.by_lang: dict[str, list[str]] = {}
        self.page_lang = page_lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else self.page_lang)
        in_article = tag == "article" or (bool(self.stack) and self.stack[-1][2])
        if tag not in _VOID:
            self.stack.append((tag, lang, in_article))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2] and data.strip():
            self.by_lang.setdefault(self.stack[-1][1], []).append(data)


def article_text_by_lang(html: str, page_lang: str) -> dict[str, str]:
    parser = _LangText(page_lang)
    parser.feed(html)
    return {lang: " ".join(parts) for lang, parts in parser.by_lang.items()}
