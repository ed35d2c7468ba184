"""Translation coverage: for each essay and locale, how many paragraphs are done, stale, missing."""

from __future__ import annotations

from dataclasses import dataclass

from crosstrain.locales import LOCALES
from crosstrain.model import Essay
from crosstrain.translate import SHOWN_DERIVED, SHOWN_FALLBACK, SHOWN_ORIGINAL, resolve


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
