"""The mapping the search script uses to look a Chinese query up in the page's own script
and vocabulary: on zh pages a query typed in Traditional (客戶, 行銷) finds 客户, 营销; on
zh-Hant pages a Simplified or mainland query (客户, 营销, 營銷) finds 客戶, 行銷.

One JSON asset per Chinese locale, made at render time from OpenCC's character tables
and the project's phrase table, fetched by search.js only when a query has Chinese in it.
"""

from __future__ import annotations

import json

from crosstrain.translate import derive, opencc_convert
from crosstrain.translate.chinese import phrase_table
from crosstrain.translate.vocabulary import mainland_words
from crosstrain.usercache import cached_strings

ASSET = "search/query-script.json"
# the CJK Unified Ideographs block: every character a query is likely to hold
_FIRST, _LAST = 0x4E00, 0x9FFF


def _char_pairs(config: str) -> str:
    """'<sources>\\n<targets>': each character OpenCC changes one-to-one with `config`,
    and what it becomes. Cached per user: converting 21,000 characters takes 0.2 s."""

    def compute(missing: list[str]) -> dict[str, str]:
        chars = [chr(code) for code in range(_FIRST, _LAST + 1)]
        converted = opencc_convert("\n".join(chars), config).split("\n")
        pairs = [(c, t) for c, t in zip(chars, converted) if len(t) == 1 and t != c]
        return {config: "".join(c for c, _ in pairs) + "\n" + "".join(t for _, t in pairs)}

    return cached_strings("query-chars", "opencc", [config], compute)[config]


def _phrases(locale_code: str) -> dict[str, str]:
    """Words to replace whole before the characters: the other region's vocabulary."""
    table = phrase_table()
    taiwan = {}  # mainland word, in either script -> Taiwan form
    for word in mainland_words(table):
        simplified = opencc_convert(word, "t2s")
        target = derive(simplified, "zh-Hant")
        if target != word:
            taiwan[word] = taiwan[simplified] = target
    for simplified in table.to_hant.phrases:
        target = derive(simplified, "zh-Hant")
        taiwan[simplified] = taiwan[opencc_convert(simplified, "s2tw")] = target
    if locale_code == "zh-Hant":
        return {k: v for k, v in taiwan.items() if k != v}
    mainland = {}  # Taiwan form -> the mainland word in Simplified
    for word, target in sorted(taiwan.items(), key=lambda kv: (len(kv[0]), kv[0])):
        mainland.setdefault(target, opencc_convert(word, "t2s"))
    return {k: v for k, v in mainland.items() if k != v}


def query_map(locale_code: str) -> str:
    """The JSON asset for one Chinese locale: {"chars": [from, to], "phrases": {...}}."""
    config = "t2s" if locale_code == "zh" else "s2tw"
    sources, targets = _char_pairs(config).split("\n")
    data = {"chars": [sources, targets], "phrases": dict(sorted(_phrases(locale_code).items()))}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
