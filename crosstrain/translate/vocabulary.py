"""Where derived zh-Hant text still says what only a mainland reader writes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from crosstrain.translate.chinese import PhraseTable, phrase_table

SEED_FILE = "zh-mainland-seed.txt"


def seed_words() -> tuple[str, ...]:
    """OpenCC's own list (scripts/seed_mainland_words.py writes it from TWPhrases)."""
    text = resources.files("crosstrain.translate").joinpath(SEED_FILE).read_text("utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


def mainland_words(table: PhraseTable) -> tuple[str, ...]:
    """OpenCC's list, less the words Taiwan writes too and the project's protected terms,
    plus the reviewed additions; longest first, so 數字營銷 is one hit, not two."""
    from crosstrain.translate import opencc_convert

    protected = {opencc_convert(p, "s2tw") for p in table.to_hant.protected}
    words = (set(seed_words()) | set(table.mainland_only)) - set(table.also_taiwan) - protected
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, mainland_words(phrase_table()))))


def mainland_hits(text: str) -> list[str]:
    """Each mainland-only word in a Traditional text, in order."""
    return _pattern().findall(text)


def chinese_fields(value, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, Simplified text) for every {vi, en, zh} text inside a quiz item, module or
    glossary term: the texts whose zh-Hant is derived."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in ("origin", "key", "agenda_origin"):
                yield from chinese_fields(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, dict):
        if isinstance(value.get("zh"), str) and not any(isinstance(v, (dict, list, tuple)) for v in value.values()):
            yield path, value["zh"]
            return
        for key, sub in value.items():
            yield from chinese_fields(sub, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for index, sub in enumerate(value):
            yield from chinese_fields(sub, f"{path}[{index}]")
