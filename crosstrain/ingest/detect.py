"""Language and script of a text, read from the text itself."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import opencc

from crosstrain.usercache import cached_strings

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Letters are counted by runs: a list of every single letter of a long text costs far more.
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ỹ]+")
_ACCENTED_RUN = re.compile(r"[À-ỹ]+")
# Letters that only Vietnamese (among the languages we take) writes.
_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VI_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@dataclass(frozen=True)
class Detected:
    language: str  # vi / en / zh
    script: str | None  # Hans / Hant for zh
    mixed_script_chars: tuple[str, ...] = ()  # zh: characters of the other script


@lru_cache(maxsize=1)
def _converters():
    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def _char_script(ch: str) -> str:
    """'Hant' if the character only exists in Traditional use, 'Hans' if only Simplified."""
    t2s, s2t = _converters()
    if t2s.convert(ch) != ch:
        return "Hant"
    if s2t.convert(ch) != ch:
        return "Hans"
    return ""


def _scripts(chars) -> dict[str, str]:
    """The script of each character, through a per-user cache: OpenCC loads two dictionaries
    (0.1 s) before it converts anything, which was most of a small ingest's time."""
    return cached_strings("opencc-scripts", "opencc", chars,
                          lambda missing: {ch: _char_script(ch) for ch in missing})


def is_vietnamese_letter(ch: str) -> bool:
    if ch in _VI_LETTERS:
        return True
    return any(mark in _VI_TONES for mark in unicodedata.normalize("NFD", ch)[1:])


# The same test as a regex class, built once: counting with it is fifty times faster.
_VI_LETTER_RUN = re.compile(
    "[" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if is_vietnamese_letter(chr(c))) + "]+"
)


def _count(run: re.Pattern, text: str) -> int:
    return sum(map(len, run.findall(text)))


def detect(text: str) -> Detected | None:
    """None when the text is in none of the languages the site takes."""
    cjk = _CJK.findall(text)
    latin = _count(_LATIN_RUN, text)
    # A Chinese character carries about as much text as a short Latin word.
    if len(cjk) * 3 > latin and cjk:
        counts = {"Hant": 0, "Hans": 0}
        by_script: dict[str, set[str]] = {"Hant": set(), "Hans": set()}
        distinct = Counter(cjk)  # each distinct character classified once
        scripts = _scripts(distinct)
        for ch, times in distinct.items():
            script = scripts[ch]
            if script:
                counts[script] += times
                by_script[script].add(ch)
        script = "Hant" if counts["Hant"] > counts["Hans"] else "Hans"
        other = "Hans" if script == "Hant" else "Hant"
        return Detected("zh", script, tuple(sorted(by_script[other])))
    if not latin:
        return None
    if _count(_VI_LETTER_RUN, text) / latin > 0.04:
        return Detected("vi", None)
    if _count(_ACCENTED_RUN, text) / latin > 0.02:
        return None  # another Latin-script language (French, German…): not ours
    return Detected("en", None)
