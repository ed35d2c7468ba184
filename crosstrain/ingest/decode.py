"""Raw bytes -> clean Unicode text, whatever common encoding the file came in."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from crosstrain.errors import CrosstrainError
from crosstrain.ingest.detect import is_vietnamese_letter
from crosstrain.ingest.html import Page, extract_page

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings people really send for Vietnamese and Chinese text, tried when
# charset-normalizer's guess decodes to something implausible (short texts fool it).
_LEGACY = ("gb18030", "big5", "cp1258", "cp1252")
# Invisible characters that web copies carry and that break matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PADDING = re.compile(r"[ \t\u00a0\u3000\u2007\u202f]+$")
_LEADING_PADDING = re.compile(r"^[\u00a0\u2007\u202f]+")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    page: Page | None = None  # what trafilatura read from an HTML page


def _plausibility(text: str) -> float:
    """Share of characters that are letters, digits, CJK or ordinary punctuation."""
    text = unicodedata.normalize("NFC", text)
    if not text:
        return 0.0
    good = sum(
        1
        for ch in text
        if ch.isalnum() or ch.isspace() or unicodedata.category(ch)[0] in "PSM"
    )
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Co", "Cn", "Cc") and ch not in "\n\t\r")
    return (good - 10 * bad) / len(text)


def _language_fit(text: str) -> float:
    """How much the non-ASCII characters look like Chinese or Vietnamese writing.

    Legacy code pages decode almost any bytes into *something*; only the right one turns
    them into ideographs, or into ơ/ư/đ and tone-marked vowels rather than stray symbols.
    """
    # Curly quotes, dashes and ellipses (General Punctuation) say nothing about the language.
    extra = [ch for ch in unicodedata.normalize("NFC", text)
             if not ch.isascii() and not "\u2000" <= ch <= "\u206f"]
    if not extra:
        return 1.0
    cjk = sum(1 for ch in extra if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    vietnamese = sum(1 for ch in extra if is_vietnamese_letter(ch))
    return max(cjk, vietnamese) / len(extra)


def decode_bytes(data: bytes, path: Path) -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding.replace("-sig", "") + " (BOM)")
            except UnicodeDecodeError:
                break
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows NUL bytes beside every ASCII character.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausibility(text) > 0.95:
                return DecodedText(text, encoding)
    candidates: list[tuple[float, str, str]] = []
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        candidates.append((_plausibility(text) + _language_fit(text), best.encoding, text))
    for encoding in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text) + _language_fit(text), encoding, text))
    if not candidates or max(candidates)[0] < 1.5:
        raise CrosstrainError(
            path,
            "cannot decode the bytes as text in any common encoding",
            "save the file as UTF-8 and run ingest again",
        )
    score, encoding, text = max(candidates, key=lambda c: c[0])
    return DecodedText(text, encoding)


_UNSEEN = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_SKIP = _UNSEEN | {"nav", "header", "footer", "aside", "form", "button", "iframe", "select"}


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block element. Page furniture (scripts,
    navigation, header, footer, sidebars, forms) is dropped; when the page marks its
    content with <article> or <main>, only that is kept."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "main", "blockquote", "title", "ul", "ol", "table", "dd", "dt", "pre"}
    _CONTENT = {"article", "main"}

    def __init__(self, skip: frozenset[str] = _SKIP) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.parts: list[str] = []
        self.content_parts: list[str] = []
        self.skipping = 0
        self.in_content = 0

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self.in_content:
            self.content_parts.append(text)

    def handle_starttag(self, tag, attrs):
        if tag in self.skip:
            self.skipping += 1
            return
        if tag in self._CONTENT:
            self.in_content += 1
        if tag in self._BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag):
        if tag in self.skip:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in self._BLOCKS:
            self._add("\n")
        if tag in self._CONTENT:
            self.in_content = max(0, self.in_content - 1)

    def handle_data(self, data):
        if not self.skipping:
            self._add(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        content = "".join(self.content_parts)
        return content if content.strip() else "".join(self.parts)


def html_to_text(markup: str, skip: frozenset[str] = _SKIP) -> str:
    """Our own reduction of a page to its text: the fallback when trafilatura finds none."""
    parser = _TextExtractor(skip)
    parser.feed(markup)
    parser.close()
    return parser.text() if skip is _SKIP else "".join(parser.parts)


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no invisible characters, no trailing or no-break-space padding."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = [_LEADING_PADDING.sub("", _PADDING.sub("", line)) for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def visible_text(markup: str) -> str:
    """Every text a reader sees on the page, furniture included."""
    return normalize_text(html_to_text(markup, _UNSEEN))


def read_raw(path: Path, data: bytes | None = None, extractor: bool = True) -> DecodedText:
    """The raw file's text, decoded and normalised (HTML pages reduced to their text);
    `data` is the file's bytes when the caller has read them already. Without `extractor`,
    HTML pages go through our own reduction only (to compare the two)."""
    decoded = decode_bytes(path.read_bytes() if data is None else data, path)
    text, page = decoded.text, None
    if path.suffix.lower() in (".html", ".htm"):
        page = extract_page(text, visible_text(text)) if extractor else None
        text = page.text if page else html_to_text(text)
    return DecodedText(normalize_text(text), decoded.encoding, page)
