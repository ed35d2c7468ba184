"""The content model: what every stage passes around instead of raw dicts."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from crosstrain.errors import Origin

# Kinds of block an essay body is made of.
PARAGRAPH = "p"
HEADING = "heading"  # a section heading inside the essay
STEP = "step"  # a numbered step heading ("1. Tiếp nhận công việc", "第一:…")
LIST_ITEM = "li"  # a numbered list item that is a sentence, not a heading
PART = "part"  # a labelled part of a step ("Mô tả: …", "Lưu ý: …")
BLOCK_KINDS = (PARAGRAPH, HEADING, STEP, LIST_ITEM, PART)
# Kinds shown as headings on a page (Markdown headings, in the table of contents).
HEADING_KINDS = (HEADING, STEP)

ORIGINAL = "original"
TRANSLATION = "translation"
DERIVED = "derived"

AUDIENCES = ("sales", "marketing", "all")


def text_sha256(text: str) -> str:
    """The hash a translation records for the original paragraph it was made from."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Block:
    """One paragraph-level unit of an essay, addressed by a stable id (`p1`, `p2`, …)."""

    id: str
    kind: str
    text: str
    line: int | None = None  # line in the decoded raw file (originals only)
    source_sha256: str | None = None  # translations: hash of the original block's text
    origin: Origin | None = field(default=None, compare=False)

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def number(self) -> int:
        return int(self.id[1:])


@dataclass(frozen=True)
class EssayText:
    """An essay body in one locale: the original, a translation, or a derived script."""

    locale: str
    role: str  # ORIGINAL, TRANSLATION or DERIVED
    title: str
    blocks: tuple[Block, ...]
    status: str = "draft"  # translations: draft / reviewed
    translated_from: str | None = None
    derived_by: str | None = None  # "opencc/s2tw" for machine-derived texts
    origin: Origin | None = field(default=None, compare=False)

    def block(self, block_id: str) -> Block | None:
        return self._by_id.get(block_id)

    @cached_property
    def _by_id(self) -> dict[str, Block]:
        # a scan per lookup made citing a long essay quadratic (checks look up every cite)
        return {b.id: b for b in self.blocks}


@dataclass(frozen=True)
class StrippedLine:
    """A raw line that ingest removed, kept so nothing is silently lost."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Essay:
    slug: str
    title: str
    language: str  # vi / en / zh
    script: str | None  # Hans / Hant for Chinese
    original_locale: str
    raw_file: str
    raw_sha256: str
    encoding: str
    author: str | None = None
    source: str | None = None
    date: str | None = None  # publication date, ISO yyyy-mm-dd
    site: str | None = None  # name of the site the text was copied from
    title_source: str = "raw"  # raw / derived / curated
    mixed_script_chars: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    audience: str = "all"
    stripped: tuple[StrippedLine, ...] = ()
    last_block_number: int = 0
    texts: dict[str, EssayText] = field(default_factory=dict)  # locale -> text
    origin: Origin | None = field(default=None, compare=False)

    @property
    def original(self) -> EssayText:
        return self.texts[self.original_locale]
