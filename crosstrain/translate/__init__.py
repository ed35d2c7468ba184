"""Which text a reader gets in each locale: original, translation, OpenCC-derived or fallback."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import opencc

from crosstrain.locales import LOCALES, locale
from crosstrain.model import DERIVED, ORIGINAL, TRANSLATION, Essay, EssayText
from crosstrain.translate.chinese import convert, phrase_table
from crosstrain.usercache import cached_strings

# How a locale's page came to be, shown to the reader.
SHOWN_ORIGINAL = "original"
SHOWN_TRANSLATION = "translated"
SHOWN_DERIVED = "derived"
SHOWN_FALLBACK = "untranslated"


@dataclass(frozen=True)
class Resolved:
    text: EssayText  # what the page shows
    status: str  # SHOWN_*
    base: EssayText | None = None  # for derived texts: the text they were converted from


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=4096)
def opencc_convert(text: str, config: str) -> str:
    return _converter(config).convert(text)


@lru_cache(maxsize=8192)
def derive(text: str, target_locale: str) -> str:
    """A Chinese text in the other script, as its readers write it: the one conversion of
    every derived zh-Hant (Taiwan) and zh text (OpenCC plus the project's phrase table)."""
    return convert(text, phrase_table().direction(target_locale), opencc_convert)


def derive_cached(texts: list[str], target_locale: str) -> dict[str, str]:
    """Short texts derived through a per-user cache: OpenCC loads its dictionaries (about
    0.06 s a configuration) before it converts anything, and short texts such as glossary
    forms are the same on every run. The key holds the phrase table's digest, so an edited
    table is never served stale."""
    return cached_strings(f"derive-{target_locale}-{phrase_table().digest}", "opencc", texts,
                          lambda missing: {text: derive(text, target_locale) for text in missing})


def derived_by(target_locale: str) -> str:
    """How a derived text was made, as its page says."""
    return f"OpenCC {locale(target_locale).opencc_from_other_script} + crosstrain zh-phrases"


def convert_script(text: EssayText, target_locale: str) -> EssayText:
    """The same text in the other Chinese script, marked as machine-derived."""
    return replace(
        text,
        locale=target_locale,
        role=DERIVED,
        title=derive(text.title, target_locale),
        blocks=tuple(replace(b, text=derive(b.text, target_locale)) for b in text.blocks),
        derived_by=derived_by(target_locale),
        origin=None,
    )


def resolve(essay: Essay, locale_code: str) -> Resolved:
    own = essay.texts.get(locale_code)
    if own is not None and own.role == ORIGINAL:
        return Resolved(own, SHOWN_ORIGINAL)
    if own is not None and own.role == TRANSLATION:
        return Resolved(own, SHOWN_TRANSLATION)
    target = locale(locale_code)
    if target.language == "zh":
        sibling = next(
            (essay.texts[loc.code] for loc in LOCALES
             if loc.language == "zh" and loc.code != locale_code and loc.code in essay.texts),
            None,
        )
        if sibling is not None:
            return Resolved(convert_script(sibling, locale_code), SHOWN_DERIVED, base=sibling)
    return Resolved(essay.original, SHOWN_FALLBACK)
