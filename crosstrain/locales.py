"""The site's locales, defined once and used by config, file naming, templates and tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    code: str  # folder name under docs/ and file stem of an essay text
    language: str  # the language, without script: "zh" for both Chinese scripts
    script: str | None  # "Hans" / "Hant" for Chinese, None otherwise
    html_lang: str  # value of <html lang>, as Material writes it for the locale
    opencc_from_other_script: str | None  # OpenCC config that derives this locale's text
    # (before the project's phrase table: crosstrain.translate.chinese)


LOCALES: tuple[Locale, ...] = (
    Locale("vi", "vi", None, "vi", None),
    Locale("en", "en", None, "en", None),
    Locale("zh", "zh", "Hans", "zh", "t2s"),
    Locale("zh-Hant", "zh", "Hant", "zh-Hant", "s2twp"),
)
DEFAULT_LOCALE = LOCALES[0]
LOCALE_CODES: tuple[str, ...] = tuple(loc.code for loc in LOCALES)
# Languages in which texts are authored by people (zh-Hant or zh is derived from the other).
AUTHORED_LANGUAGES: tuple[str, ...] = ("vi", "en", "zh")


def locale(code: str) -> Locale:
    for loc in LOCALES:
        if loc.code == code:
            return loc
    raise KeyError(f"unknown locale {code!r}; known: {', '.join(LOCALE_CODES)}")


def locale_for(language: str, script: str | None) -> Locale:
    """The locale whose texts are written in this language and script."""
    for loc in LOCALES:
        if loc.language == language and (loc.script == script or loc.script is None):
            return loc
    raise KeyError(f"no locale for language {language!r} script {script!r}")
