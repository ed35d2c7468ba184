"""The interface strings table: one flat YAML file per locale, looked up locale -> default."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from crosstrain.locales import DEFAULT_LOCALE, LOCALE_CODES
from crosstrain.store import load_yaml


@lru_cache(maxsize=None)
def table(locale_code: str) -> dict[str, str]:
    source = resources.files("crosstrain").joinpath(f"strings/{locale_code}.yml").read_text("utf-8")
    return {str(k): str(v) for k, v in (load_yaml(source) or {}).items()}


def all_tables() -> dict[str, dict[str, str]]:
    return {code: table(code) for code in LOCALE_CODES}


class Strings:
    """`t("essay.minutes", minutes=3)` in one locale; a missing key falls back to the default."""

    def __init__(self, locale_code: str):
        self.locale = locale_code
        self.table = table(locale_code)

    def __call__(self, key: str, **values) -> str:
        text = self.table.get(key)
        if text is None:
            text = table(DEFAULT_LOCALE.code).get(key)
        if text is None:
            raise KeyError(f"interface string {key!r} is in no strings table")
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self.table
