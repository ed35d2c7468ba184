"""The glossary: terms with definitions per locale, where they occur, and page tooltips."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import Markup, escape
from pypinyin import lazy_pinyin

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.locales import AUTHORED_LANGUAGES
from crosstrain.translate import opencc_convert

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
            return opencc_convert(field["zh"], "s2tw")
        return field[locale_code]

    def name(self, locale_code: str) -> str:
        return self.text(self.term, locale_code)

    def meaning(self, locale_code: str) -> str:
        return self.text(self.definition, locale_code)


def load_glossary(path: Path) -> list[Term]:
    """All terms, or one error that lists every problem with its line."""
    if not path.is_file():
        return []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CrosstrainError(Origin(path, mark.line + 1 if mark else None), f"not valid YAML: {exc}") from None
    nodes = {k.value: v for k, v in root.value}.get("terms") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or nodes is None:
        raise CrosstrainError(path, "expected a top-level 'terms:' list")
    problems, terms, seen = [], [], set()
    for item, node in zip(data["terms"], nodes.value):
        origin = Origin(path, node.start_mark.line + 1)
        term_id = item.get("id", "?") if isinstance(item, dict) else "?"
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
            values = item.get(key) or {}
            for language in AUTHORED_LANGUAGES:
                if not str(values.get(language, "")).strip():
                    problems.append(f"{where}: {key}.{language} is missing or empty")
        if item.get("category") not in CATEGORIES:
            problems.append(f"{where}: category must be one of {', '.join(CATEGORIES)}")
        if problems:
            continue
        terms.append(Term(
            id=term_id,
            term={k: str(v) for k, v in item["term"].items()},
            definition={k: str(v) for k, v in item["definition"].items()},
            match=_match_forms(item["match"]),
            category=item["category"],
            origin=origin,
        ))
    if problems:
        raise CrosstrainError(path, "invalid glossary:\n  " + "\n  ".join(problems))
    return terms


def _match_forms(given: dict) -> dict[str, tuple[str, ...]]:
    forms = {code: set(given.get(key) or ()) for code, key in MATCH_KEYS.items()}
    # Derived texts use OpenCC's spelling, so each Chinese script also matches the other's
    # forms converted.
    forms["zh-Hant"] |= {opencc_convert(f, "s2tw") for f in forms["zh"]}
    forms["zh"] |= {opencc_convert(f, "t2s") for f in forms["zh-Hant"]}
    return {code: tuple(sorted(values, key=lambda f: (-len(f), f))) for code, values in forms.items()}


@lru_cache(maxsize=64)
def _matcher(forms_key: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    """One regex for all forms of one locale, longest first; Latin forms match whole words."""
    if not forms_key:
        return None
    parts = []
    for form, term_id in forms_key:
        body = re.escape(form)
        if form[:1].isascii() and form[:1].isalnum():
            body = r"(?<![\w])" + body
        if form[-1:].isascii() and form[-1:].isalnum():
            body += r"(?![\w])"
        parts.append(f"(?P<t{len(parts)}>{body})")
    return re.compile("|".join(parts))


def _forms(terms: list[Term], locale_code: str) -> tuple[tuple[str, str], ...]:
    pairs = [(form, t.id) for t in terms for form in t.match.get(locale_code, ())]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1])))


def occurrences(terms: list[Term], blocks, locale_code: str) -> dict[str, list[str]]:
    """term id -> ids of the blocks (in order) where the term occurs."""
    forms = _forms(terms, locale_code)
    pattern = _matcher(forms)
    found: dict[str, list[str]] = {}
    if pattern is None:
        return found
    for block in blocks:
        for match in pattern.finditer(block.text):
            term_id = forms[int(match.lastgroup[1:])][1]
            ids = found.setdefault(term_id, [])
            if not ids or ids[-1] != block.id:
                ids.append(block.id)
    return found


def first_occurrences(terms: list[Term], blocks, text_locale: str) -> dict[str, list[tuple[int, int, str]]]:
    """block id -> [(start, end, term id)]: where each term first appears on a page."""
    forms = _forms(terms, text_locale)
    pattern = _matcher(forms)
    marks: dict[str, list[tuple[int, int, str]]] = {}
    if pattern is None:
        return marks
    seen: set[str] = set()
    for block in blocks:
        for match in pattern.finditer(block.text):
            term_id = forms[int(match.lastgroup[1:])][1]
            if term_id not in seen:
                seen.add(term_id)
                marks.setdefault(block.id, []).append((match.start(), match.end(), term_id))
    return marks


def with_tooltips(text: str, marks: list[tuple[int, int, str]], definitions: dict[str, str]) -> Markup:
    """The text, HTML-escaped, with each marked span wrapped in <abbr title=definition>."""
    out, position = [], 0
    for start, end, term_id in sorted(marks):
        out.append(escape(text[position:start]))
        out.append(Markup('<abbr title="{}">{}</abbr>').format(definitions[term_id], text[start:end]))
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


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


def sort_key(locale_code: str):
    """How a locale orders terms: Vietnamese alphabet, pinyin for Chinese, casefold else."""
    if locale_code == "vi":
        return _vi_key
    if locale_code in ("zh", "zh-Hant"):
        return lambda text: (" ".join(lazy_pinyin(text)).lower(), text)
    return lambda text: (text.casefold(), text)
