"""Derived Chinese text: Simplified to Taiwan Traditional (and back) as a Taiwan reader
expects it, not only in other characters.

OpenCC `s2tw` changes characters, not words, so a Taiwan reader saw mainland vocabulary
(營銷, 信息, 視頻) in Traditional characters. `s2twp` adds OpenCC's Taiwan phrases, and
the project's table (`zh-phrases.yml`, data, grown by review) adds what OpenCC lacks for
this domain, keeps the terms whose OpenCC phrase is wrong here (權限 is not 許可權), and
fixes known character slips (2天后, 并为). Every derived zh-Hant and zh text goes through
`derive`; texts written in the target script are never converted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from crosstrain.locales import locale
from crosstrain.store import load_yaml

TABLE_FILE = "zh-phrases.yml"


@dataclass(frozen=True)
class Direction:
    """One direction of conversion: phrases replaced whole, terms converted character by
    character only, and regex fixes applied to the converted text."""

    config: str  # OpenCC configuration for the rest of the text
    char_config: str  # OpenCC configuration for protected terms: characters only
    phrases: dict[str, str]  # source phrase -> target text
    protected: tuple[str, ...]
    fixes: tuple[tuple[re.Pattern, str], ...]

    @property
    def pattern(self) -> re.Pattern | None:
        return _alternation(tuple(sorted({*self.phrases, *self.protected}, key=lambda p: (-len(p), p))))


@lru_cache(maxsize=8)
def _alternation(words: tuple[str, ...]) -> re.Pattern | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


@dataclass(frozen=True)
class PhraseTable:
    to_hant: Direction
    to_hans: Direction
    mainland_only: tuple[str, ...]  # reviewed words a Taiwan reader does not use (Traditional)
    also_taiwan: tuple[str, ...]  # words of OpenCC's list that Taiwan uses as well
    digest: str  # of the table file: part of every cache key

    def direction(self, locale_code: str) -> Direction:
        return self.to_hant if locale_code == "zh-Hant" else self.to_hans


def _direction(data: dict, config: str, char_config: str) -> Direction:
    data = data or {}
    return Direction(
        config=config,
        char_config=char_config,
        phrases={str(k): str(v) for k, v in (data.get("phrases") or {}).items()},
        protected=tuple(str(p) for p in data.get("protected") or ()),
        fixes=tuple((re.compile(str(p)), str(r)) for p, r in data.get("fixes") or ()),
    )


def parse_table(source: str) -> PhraseTable:
    data = load_yaml(source) or {}
    return PhraseTable(
        to_hant=_direction(data.get("to_hant"), locale("zh-Hant").opencc_from_other_script, "s2tw"),
        to_hans=_direction(data.get("to_hans"), locale("zh").opencc_from_other_script, "t2s"),
        mainland_only=tuple(str(w) for w in data.get("mainland_only") or ()),
        also_taiwan=tuple(str(w) for w in data.get("also_taiwan") or ()),
        digest=hashlib.sha256(source.encode("utf-8")).hexdigest()[:16],
    )


@lru_cache(maxsize=1)
def phrase_table() -> PhraseTable:
    return parse_table(resources.files("crosstrain.translate").joinpath(TABLE_FILE).read_text("utf-8"))


def convert(text: str, direction: Direction, opencc_convert) -> str:
    """`text` in the direction's target: table phrases replaced whole, protected terms by
    their characters, the rest by OpenCC; then the fixes."""
    pattern = direction.pattern
    out, position = [], 0
    for match in pattern.finditer(text) if pattern else ():
        out.append(opencc_convert(text[position:match.start()], direction.config))
        word = match.group()
        replacement = direction.phrases.get(word)
        out.append(replacement if replacement is not None else opencc_convert(word, direction.char_config))
        position = match.end()
    out.append(opencc_convert(text[position:], direction.config))
    result = "".join(out)
    for fix, replacement in direction.fixes:
        result = fix.sub(replacement, result)
    return result
