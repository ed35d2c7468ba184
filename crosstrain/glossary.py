"""The glossary: terms with definitions per locale, where they occur, and page tooltips."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup, escape

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.locales import AUTHORED_LANGUAGES
from crosstrain.translate import derive, derive_cached
from crosstrain.usercache import cached_strings
from crosstrain.yamlsource import describe, load_located

CATEGORIES = ("metric", "channel", "tool", "strategy", "role", "process", "concept")
# `match` keys: one per locale; zh_hant stands for zh-Hant (YAML keys avoid the hyphen).
MATCH_KEYS = {"vi": "vi", "en": "en", "zh": "zh", "zh-Hant": "zh_hant"}


@dataclass(frozen=True)
class Term:
    id: str
    term: dict[str, str]  # vi / en / zh
    definition: dict[str, str]
    match: dict[str, tuple[str, ...]]  # locale code -> literal forms
    category: str
    origin: Origin

    def text(self, field: dict[str, str], locale_code: str) -> str:
        if locale_code == "zh-Hant":
            return derive(field["zh"], "zh-Hant")
        return field[locale_code]

    def name(self, locale_code: str) -> str:
        return self.text(self.term, locale_code)

    def meaning(self, locale_code: str) -> str:
        return self.text(self.definition, locale_code)


def load_glossary(path: Path) -> list[Term]:
    """All terms, or one error that lists every problem with its line."""
    if not path.is_file():
        return []
    doc = load_located(path)  # one pass of libyaml, with the line of every term
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise CrosstrainError(path, "expected a top-level 'terms:' list")
    problems, terms, seen = [], [], set()
    for index, item in enumerate(data["terms"]):
        origin = doc.origin(("terms", index))
        term_id = str(item.get("id", "?")) if isinstance(item, dict) else "?"
        where = f"{origin}: term {term_id}"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        for key in ("id", "term", "definition", "match", "category"):
            if key not in item:
                problems.append(f"{where}: missing '{key}'")
        if term_id in seen:
            problems.append(f"{where}: id used twice")
        seen.add(term_id)
        for key in ("term", "definition"):
            values = item.get(key)
            if key in item and not isinstance(values, dict):
                problems.append(f"{where}: {key}: expected a mapping with vi, en and zh, found {describe(values)}")
                continue
            for language in AUTHORED_LANGUAGES:
                value = (values or {}).get(language)
                if value is not None and not isinstance(value, str):
                    problems.append(f"{where}: {key}.{language}: expected text, found {describe(value)}")
                elif not (value or "").strip():
                    problems.append(f"{where}: {key}.{language} is missing or empty")
        match = item.get("match")
        if "match" in item and not isinstance(match, dict):
            problems.append(f"{where}: match: expected a mapping of locale to a list of forms, found {describe(match)}")
        for key, forms in (match.items() if isinstance(match, dict) else ()):
            if key not in MATCH_KEYS.values():
                problems.append(f"{where}: match.{key}: unknown locale (use {', '.join(MATCH_KEYS.values())})")
            elif forms is not None and (not isinstance(forms, list)
                                        or not all(isinstance(f, str) and f.strip() for f in forms)):
                problems.append(f"{where}: match.{key}: expected a list of texts like [\"SEO\"], found {describe(forms)}")
        if problems:
            continue
        terms.append(Term(
            id=term_id,
            term={k: str(v) for k, v in item["term"].items()},
            definition={k: str(v) for k, v in item["definition"].items()},
            match={code: tuple(item["match"].get(key) or ()) for code, key in MATCH_KEYS.items()},
            category=item["category"],
            origin=origin,
        ))
    if problems:
        raise CrosstrainError(path, "invalid glossary:\n  " + "\n  ".join(problems))
    return _with_converted_forms(terms)


def _with_converted_forms(terms: list[Term]) -> list[Term]:
    """Derived texts are spelt as `derive` spells them, so each Chinese script also matches
    the other's forms derived; every locale's forms are sorted longest first."""
    to_hant = derive_cached(sorted({f for t in terms for f in t.match["zh"]}), "zh-Hant")
    to_hans = derive_cached(sorted({f for t in terms for f in t.match["zh-Hant"]}), "zh")
    out = []
    for term in terms:
        forms = {code: set(values) for code, values in term.match.items()}
        forms["zh-Hant"] |= {to_hant[f] for f in term.match["zh"]}
        forms["zh"] |= {to_hans[f] for f in term.match["zh-Hant"]}
        out.append(replace(term, match={code: tuple(sorted(values, key=lambda f: (-len(f), f)))
                                        for code, values in forms.items()}))
    return out


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern
    term_of: dict[str, str]  # matched form -> term id


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# What continues a Latin word: not `\w`, which also counts Chinese characters, so that a
# Latin form next to one ("KPI包括", "B2B公司") never matched.
_LATIN_LETTER = "[0-9A-Za-z_\u00c0-\u024f\u1e00-\u1eff]"


def _trie_regex(node: dict, depth: int) -> str:
    """A regex for every form below one trie node. A trie-shaped regex fails at a text
    position after one character test, where an alternation of all forms tries each form:
    with a hundred forms that was most of the render time of a large corpus."""
    branches = []
    for ch in sorted(k for k in node if k):
        # Latin forms match whole words only. The guard follows the first character, so
        # that every branch starts with a literal and `re` scans for those characters in C.
        guard = f"(?<!{_LATIN_LETTER}.)" if depth == 0 and _is_word_char(ch) else ""
        branches.append(re.escape(ch) + guard + _trie_regex(node[ch], depth + 1))
    if "" in node:  # a form ends here: tried last, so the longest form wins
        branches.append(f"(?!{_LATIN_LETTER})" if _is_word_char(node[""]) else "")
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=64)
def _matcher(key: tuple[tuple[str, tuple[str, ...]], ...]) -> _Matcher | None:
    """One regex for all forms of one locale; at a position, the longest form matches."""
    pairs = sorted(((form, term_id) for term_id, forms in key for form in forms),
                   key=lambda p: (-len(p[0]), p[0], p[1]))
    if not pairs:
        return None
    trie: dict = {}
    term_of: dict[str, str] = {}
    for form, term_id in pairs:
        term_of.setdefault(form, term_id)
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = form[-1]  # the end marker keeps the last character for the word guard
    return _Matcher(re.compile(_trie_regex(trie, 0)), term_of)


def mentions(text: str, forms) -> bool:
    """Whether the text holds one of the forms, in any letter case (a translation may
    start a sentence with the term); Latin forms as whole words."""
    folded = text.casefold()
    for form in forms:
        pattern = re.escape(form.casefold())
        if _is_word_char(form[:1]):
            pattern = f"(?<!{_LATIN_LETTER})" + pattern
        if _is_word_char(form[-1:]):
            pattern += f"(?!{_LATIN_LETTER})"
        if re.search(pattern, folded):
            return True
    return False


class TermMatch(NamedTuple):
    block_id: str
    start: int
    end: int
    term_id: str


def find_terms(terms: list[Term] | tuple[Term, ...], blocks, locale_code: str) -> tuple[TermMatch, ...]:
    """Every place a term's form occurs in the blocks, block by block, left to right."""
    matcher = _matcher(tuple((t.id, t.match.get(locale_code, ())) for t in terms))
    if matcher is None:
        return ()
    # One scan of the blocks joined by newlines, which no form contains and which bound a
    # word as a block's start and end do: the matches of a scan per block, found faster.
    starts, ids, offset = [], [], 0
    for block in blocks:
        starts.append(offset)
        ids.append(block.id)
        offset += len(block.text) + 1
    found = []
    for m in matcher.pattern.finditer("\n".join(block.text for block in blocks)):
        index = bisect_right(starts, m.start()) - 1
        found.append(TermMatch(ids[index], m.start() - starts[index], m.end() - starts[index],
                               matcher.term_of[m.group()]))
    return tuple(found)


def blocks_by_term(matches: tuple[TermMatch, ...]) -> dict[str, list[str]]:
    """term id -> ids of the blocks (in order) where the term occurs."""
    found: dict[str, list[str]] = {}
    for match in matches:
        ids = found.setdefault(match.term_id, [])
        if not ids or ids[-1] != match.block_id:
            ids.append(match.block_id)
    return found


def occurrences(terms: list[Term], blocks, locale_code: str) -> dict[str, list[str]]:
    return blocks_by_term(find_terms(terms, blocks, locale_code))


def first_marks(matches: tuple[TermMatch, ...], block_ids: set[str]) -> dict[str, list[tuple[int, int, str]]]:
    """block id -> [(start, end, term id)]: where each term first appears in those blocks."""
    marks: dict[str, list[tuple[int, int, str]]] = {}
    seen: set[str] = set()
    for match in matches:
        if match.block_id in block_ids and match.term_id not in seen:
            seen.add(match.term_id)
            marks.setdefault(match.block_id, []).append((match.start, match.end, match.term_id))
    return marks


def with_tooltips(text: str, marks: list[tuple[int, int, str]], definitions: dict[str, str]) -> Markup:
    """The text, HTML-escaped, with each marked span wrapped in <abbr title=definition>."""
    if not marks:  # most paragraphs: a term is marked only where it first appears
        return escape(text)
    out, position = [], 0
    for start, end, term_id in sorted(marks):
        out.append(f'{escape(text[position:start])}<abbr title="{escape(definitions[term_id])}">'
                   f"{escape(text[start:end])}</abbr>")
        position = end
    out.append(escape(text[position:]))
    return Markup("".join(out))


# --- collation -------------------------------------------------------------------------

_VI_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_VI_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _vi_key(text: str) -> tuple:
    letters, tones = [], []
    for ch in unicodedata.normalize("NFC", text.lower()):
        decomposed = unicodedata.normalize("NFD", ch)
        tone = next((m for m in decomposed if m in _VI_TONES and m), "")
        base = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else ch
        # a space sorts first, so that "chỉ tiêu" comes before "chiến dịch", word by word
        letters.append(-1 if base == " " else _VI_ALPHABET.index(base) if base in _VI_ALPHABET else 100 + ord(base[0]))
        tones.append(_VI_TONES[tone])
    return (tuple(letters), tuple(tones))


def _pinyin(names: list[str]) -> dict[str, str]:
    """Each name in pinyin. Kept in a per-user cache: loading pypinyin's dictionaries takes
    longer than rendering a small site, and a glossary's names change rarely."""

    def compute(missing: list[str]) -> dict[str, str]:
        from pypinyin import lazy_pinyin

        return {name: " ".join(lazy_pinyin(name)).lower() for name in missing}

    return cached_strings("pinyin", "pypinyin", names, compute)


def sort_key(locale_code: str, names: list[str]):
    """How a locale orders these names: Vietnamese alphabet, pinyin for Chinese, casefold else."""
    if locale_code == "vi":
        return _vi_key
    if locale_code in ("zh", "zh-Hant"):
        pinyin = _pinyin(names)
        return lambda text: (pinyin[text], text)
    return lambda text: (text.casefold(), text)
