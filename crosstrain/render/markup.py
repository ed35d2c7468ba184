"""Turning user text into inert Markdown/HTML: raw text never becomes markup or a link."""

from __future__ import annotations

import html
import json
import math
import re

from markupsafe import Markup

# The characters Python-Markdown (with the tables extension) lets a backslash escape.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# Reading speeds: words (or Vietnamese syllables) and Chinese characters per minute.
_WORDS_PER_MINUTE = 220
_CJK_PER_MINUTE = 400


def md_inline(text: str) -> Markup:
    """Text for a Markdown heading or link label: HTML-escaped, Markdown syntax escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def yaml_string(text: str) -> Markup:
    """A front-matter value, the one place a page title is escaped: MkDocs and Material
    print `page.title` and `page.meta.title` as HTML everywhere (<title>, header, navigation,
    footer), so the value holds HTML-escaped text; as a JSON string, which is valid YAML.
    Quotes stay as they are: Material escapes the title again where it puts it in an
    attribute (`| e`), and "Trainers' area" must not read "Trainers&#x27; area" there."""
    return Markup(json.dumps(html.escape(str(text), quote=False), ensure_ascii=False))


def json_for_html(data) -> Markup:
    """JSON to embed in <script type="application/json">: `<`, `>`, `&` and U+2028/2029 as
    \\u escapes, so no text can close the element, open a comment or end a JS line."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def reading_minutes(texts: list[str]) -> int:
    joined = "\n".join(texts)
    if not _CJK.search(joined):  # Latin text: a split is a fair and much cheaper word count
        return max(1, math.ceil(len(joined.split()) / _WORDS_PER_MINUTE))
    cjk = words = 0
    for text in texts:
        if _CJK.search(text):
            cjk += len(_CJK.findall(text))
            words += len(_WORD.findall(_CJK.sub(" ", text)))
        else:  # Latin text: a split is a fair and much cheaper word count
            words += len(text.split())
    return max(1, math.ceil(words / _WORDS_PER_MINUTE + cjk / _CJK_PER_MINUTE))


_LABEL = re.compile(r"^(?P<label>[^\s:：]+(?: [^\s:：]+){0,2}\s*[:：])\s*(?P<rest>.*)$", re.S)


def label_html(label: str) -> Markup:
    """A step part's label in bold, and the space after it: none after a full-width colon,
    which carries its own ("說明：接收", not "說明： 接收")."""
    return Markup("<strong>{}</strong>{}").format(label, "" if label.endswith("：") else " ")


def split_label(text: str) -> tuple[str, str]:
    """'Mô tả: Tiếp nhận …' -> ('Mô tả:', 'Tiếp nhận …')."""
    match = _LABEL.match(text)
    return (match["label"], match["rest"]) if match else ("", text)
