"""Translation coverage: for each essay and locale, how many paragraphs are done, stale, missing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crosstrain.errors import CrosstrainError
from crosstrain.locales import LOCALE_CODES, LOCALES
from crosstrain.model import Essay
from crosstrain.translate import SHOWN_DERIVED, SHOWN_FALLBACK, SHOWN_ORIGINAL, resolve
from crosstrain.yamlsource import load_located


@dataclass(frozen=True)
class Coverage:
    slug: str
    locale: str
    state: str  # original / translated / derived / untranslated
    translated: int
    stale: int
    missing: int


def coverage(essay: Essay, locale_code: str) -> Coverage:
    shown = resolve(essay, locale_code)
    total = len(essay.original.blocks)
    if shown.status == SHOWN_ORIGINAL:
        return Coverage(essay.slug, locale_code, shown.status, total, 0, 0)
    if shown.status == SHOWN_FALLBACK:
        return Coverage(essay.slug, locale_code, shown.status, 0, 0, total)
    # a derived text is as fresh as the human translation it was converted from
    source = shown.base if shown.status == SHOWN_DERIVED else shown.text
    if source.role == "original":
        return Coverage(essay.slug, locale_code, shown.status, total, 0, 0)
    have = {b.id: b for b in source.blocks}
    stale = missing = done = 0
    for block in essay.original.blocks:
        translated = have.get(block.id)
        if translated is None:
            missing += 1
        elif translated.source_sha256 != block.sha256:
            stale += 1
        else:
            done += 1
    return Coverage(essay.slug, locale_code, shown.status, done, stale, missing)


def coverage_table(essays: list[Essay]) -> str:
    """A plain-text table: one row per essay, one column per locale (done/stale/missing)."""
    width = max([len(e.slug) for e in essays] + [5])
    head = f"{'essay':<{width}}  " + "  ".join(f"{loc.code:<22}" for loc in LOCALES)
    lines = [head, "-" * len(head)]
    for essay in essays:
        cells = []
        for loc in LOCALES:
            c = coverage(essay, loc.code)
            cells.append(f"{c.state[:10]:<10} {c.translated:>3}/{c.stale:>2}/{c.missing:>3}")
        lines.append(f"{essay.slug:<{width}}  " + "  ".join(f"{cell:<22}" for cell in cells))
    lines.append("cells: how the page is made, then paragraphs translated / stale / missing")
    return "\n".join(lines)


@dataclass(frozen=True)
class Review:
    locale: str
    date: str  # YYYY-MM-DD
    scope: str


def load_reviews(path: Path) -> dict[str, Review]:
    """The last human review per locale (content/reviews.yml); a locale missing from the
    file was never reviewed."""
    if not path.is_file():
        return {}
    doc = load_located(path)
    if not isinstance(doc.data, dict):
        raise CrosstrainError(path, "expected one 'locale: {date: YYYY-MM-DD, scope: ...}' per line")
    reviews = {}
    for code, entry in doc.data.items():
        where = doc.origin((code,))
        if code not in LOCALE_CODES:
            raise CrosstrainError(where, f"unknown locale {code!r}", f"use one of {', '.join(LOCALE_CODES)}")
        day = entry.get("date") if isinstance(entry, dict) else None
        if isinstance(day, date):
            day = day.isoformat()
        if not isinstance(day, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            raise CrosstrainError(where, f"{code}: the review needs a date", "write date: YYYY-MM-DD")
        reviews[code] = Review(code, day, str(entry.get("scope", "")))
    return reviews


def review_lines(reviews: dict[str, Review]) -> list[str]:
    """One line per locale: when a person last reviewed its texts."""
    lines = ["last human review:"]
    for loc in LOCALES:
        review = reviews.get(loc.code)
        lines.append(f"  {loc.code:<8} {review.date}  {review.scope}" if review else f"  {loc.code:<8} never")
    return lines
