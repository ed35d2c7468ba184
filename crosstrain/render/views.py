"""What templates receive: model objects arranged for one locale's pages, no logic left."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from babel.dates import format_date

from markupsafe import Markup

from crosstrain.glossary import Term, TermMatch, find_terms, first_marks, with_tooltips
from crosstrain.locales import DEFAULT_LOCALE, locale
from crosstrain.model import HEADING_KINDS, Block, Essay
from crosstrain.render.markup import reading_minutes, split_label
from crosstrain.translate import SHOWN_DERIVED, SHOWN_FALLBACK, SHOWN_TRANSLATION, Resolved


def page_url(from_locale: str, to_locale: str, path: str) -> str:
    """Relative URL from an essay page (essays/<slug>/) of one locale to a page of another."""
    depth = 2 + (from_locale != DEFAULT_LOCALE.code)
    prefix = "" if to_locale == DEFAULT_LOCALE.code else f"{to_locale}/"
    return "../" * depth + prefix + path


@dataclass(frozen=True)
class ShownBlock:
    block: Block
    html: Markup  # the text, escaped, with glossary tooltips
    original: Block | None  # the original paragraph, on translated pages
    stale: bool

    @property
    def id(self) -> str:
        return self.block.id

    @property
    def kind(self) -> str:
        return self.block.kind

    @property
    def is_heading(self) -> bool:
        return self.block.kind in HEADING_KINDS

    @property
    def label(self) -> str:
        """The bold label of a step's part ("Mô tả:"); other blocks have none."""
        return split_label(self.block.text)[0] if self.block.kind == "part" else ""


@dataclass(frozen=True)
class EssayView:
    """An essay as one locale's pages show it."""

    essay: Essay
    shown: Resolved
    locale_code: str
    terms: tuple[Term, ...] = ()
    # What depends on the shown text alone, shared by the locales of one render: a
    # fallback page shows the same text in three.
    text_cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def slug(self) -> str:
        return self.essay.slug

    @property
    def title(self) -> str:
        return self.shown.text.title

    @property
    def status(self) -> str:
        return self.shown.status

    @property
    def text_lang(self) -> str:
        """<html lang> of the text shown (differs from the page's on a fallback)."""
        return locale(self.shown.text.locale).html_lang

    @property
    def published(self) -> str | None:
        """The publication date as this locale writes it (CLDR's long form, through Babel)."""
        if not self.essay.date:
            return None
        try:
            day = date.fromisoformat(self.essay.date)
        except ValueError:  # a curated date in another form is shown as written
            return self.essay.date
        loc = locale(self.locale_code)
        return format_date(day, format="long", locale="_".join(filter(None, (loc.language, loc.script))))

    @property
    def original_lang(self) -> str:
        return locale(self.essay.original_locale).html_lang

    def _per_text(self, name: str, compute):
        text = self.shown.text
        key = (name, self.essay.slug, text.locale, text.role)
        if key not in self.text_cache:
            self.text_cache[key] = compute(text)
        return self.text_cache[key]

    @property
    def minutes(self) -> int:
        return self._per_text("minutes", lambda text: reading_minutes([b.text for b in text.blocks]))

    @property
    def term_matches(self) -> tuple[TermMatch, ...]:
        """Where the glossary's terms occur in the shown text."""
        return self._per_text("terms", lambda text: find_terms(self.terms, text.blocks, text.locale))

    @property
    def is_translated(self) -> bool:
        return self.status in (SHOWN_TRANSLATION, SHOWN_DERIVED)

    @property
    def is_fallback(self) -> bool:
        return self.status == SHOWN_FALLBACK

    @property
    def translation(self):
        """The human translation behind the page (for a derived page, the one converted)."""
        if self.status == SHOWN_TRANSLATION:
            return self.shown.text
        if self.status == SHOWN_DERIVED and self.shown.base is not None and self.shown.base.translated_from:
            return self.shown.base
        return None

    def original_url(self, block_id: str = "") -> str:
        url = page_url(self.locale_code, self.essay.original_locale, f"essays/{self.slug}/")
        return f"{url}#{block_id}" if block_id else url

    @cached_property
    def blocks(self) -> list[ShownBlock]:
        text = self.shown.text
        original = self.essay.original
        # Staleness is decided on the human translation a derived text was converted from.
        hashes = {b.id: b.source_sha256 for b in (self.translation.blocks if self.translation else ())}
        definitions = {t.id: t.meaning(self.locale_code) for t in self.terms}
        # Tooltips go in paragraphs only: headings are Markdown, and the TOC repeats them.
        prose = {b.id for b in text.blocks if b.kind not in HEADING_KINDS}
        marks = first_marks(self.term_matches, prose)
        shown = []
        for block in text.blocks:
            source = original.block(block.id) if self.is_translated else None
            stale = bool(source and block.id in hashes and hashes[block.id] != source.sha256)
            body = block.text
            if block.kind == "part":
                label = split_label(body)[0]
                body = body[len(label):].lstrip()
                offset = len(block.text) - len(body)
                block_marks = [(s - offset, e - offset, t) for s, e, t in marks.get(block.id, []) if s >= offset]
            else:
                block_marks = marks.get(block.id, [])
            html = with_tooltips(body, block_marks, definitions)
            shown.append(ShownBlock(block, Markup(str(html).replace("\n", "<br>")), source, stale))
        return shown
