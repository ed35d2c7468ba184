"""The strings table: every locale has the same keys, and every key a template uses exists."""

from __future__ import annotations

import re
from importlib import resources

from crosstrain.locales import LOCALE_CODES
from crosstrain.render.strings import table


def test_every_locale_has_the_same_keys():
    keys = {code: set(table(code)) for code in LOCALE_CODES}
    reference = keys["vi"]
    for code, found in keys.items():
        assert found == reference, (code, found ^ reference)


def test_no_empty_string():
    for code in LOCALE_CODES:
        assert all(value.strip() for value in table(code).values()), code


def test_every_literal_key_used_by_templates_exists():
    used = set()
    for template in resources.files("crosstrain").joinpath("templates").rglob("*.j2"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.-]+)["']""", template.read_text("utf-8")))
    assert used, "no string lookups found: the pattern is out of date"
    keys = set(table("vi"))
    missing = {k for k in used if not k.endswith(".") and k not in keys}
    # `t("status." ~ view.status)`: a computed key; its prefix must name some keys
    dead_prefixes = {k for k in used if k.endswith(".") and not any(key.startswith(k) for key in keys)}
    assert not missing and not dead_prefixes, (missing, dead_prefixes)


def test_placeholders_agree_across_locales():
    for key, text in table("vi").items():
        names = set(re.findall(r"\{(\w+)\}", text))
        for code in LOCALE_CODES:
            assert set(re.findall(r"\{(\w+)\}", table(code)[key])) == names, (code, key)


def test_no_key_is_written_twice():
    """YAML keeps the last of two equal keys without a word: a merge that leaves an old
    line behind would silently win or lose."""
    for code in LOCALE_CODES:
        text = resources.files("crosstrain").joinpath("strings", f"{code}.yml").read_text("utf-8")
        keys = re.findall(r"(?m)^([a-z0-9_.-]+):", text)
        assert len(keys) == len(set(keys)), (code, sorted(k for k in set(keys) if keys.count(k) > 1))
