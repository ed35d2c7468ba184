"""Separate an essay's body from the web page around it: title, author, source, boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosstrain.ingest.chrome import Chrome, find_chrome, is_paragraph
from crosstrain.ingest.rules import EDGE_LINES, Rule
from crosstrain.model import StrippedLine

# A real paragraph is long; "related posts" lists are short link titles.
_LIST_LINE_MAX = 120
_TITLE_MAX = 160
_SENTENCE_END = re.compile(r"[。．.,，;；:：]$")
_UNSAFE_LINK = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)


@dataclass
class Cleaned:
    title: str | None
    title_source: str  # raw / derived
    author: str | None
    source: str | None
    body: list[tuple[int, str]]  # (line number in the decoded text, text)
    stripped: list[StrippedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title_line: int | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    site: str | None = None


def _apply_rules(lines: list[tuple[int, str]], rules: tuple[Rule, ...], language: str, result: Cleaned):
    kept: list[tuple[int, str]] = []
    applicable = [r for r in rules if r.applies_to(language)]
    count = len(lines)
    i = 0
    while i < count:
        number, text = lines[i]
        at_edge = i < EDGE_LINES or i >= count - EDGE_LINES
        rule = next(
            (r for r in applicable if (r.zone == "anywhere" or at_edge) and r.pattern.fullmatch(text)),
            None,
        )
        if rule is None:
            kept.append((number, text))
            i += 1
            continue
        result.stripped.append(StrippedLine(number, text, rule.id))
        if rule.action in ("author", "source"):
            value = rule.pattern.fullmatch(text)["value"].strip()
            if getattr(result, rule.action) is None:
                setattr(result, rule.action, value)
        i += 1
        # Above the first paragraph "Latest posts" is a menu entry, not a list's heading:
        # what follows it is the article's title.
        if rule.action == "drop-list" and any(is_paragraph(t) for _, t in kept):
            while i < count and len(lines[i][1]) < _LIST_LINE_MAX and not _SENTENCE_END.search(lines[i][1]):
                result.stripped.append(StrippedLine(lines[i][0], lines[i][1], rule.id))
                i += 1
    return kept


def _is_title_like(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not _SENTENCE_END.search(text)


def _derived_title(text: str) -> str:
    """A title made from the first clause, for pages that have none."""
    clause = re.split(r"[。.!?！？,，;；:：]", text, maxsplit=1)[0].strip()
    return clause if len(clause) <= 80 else clause[:77].rstrip() + "…"


def clean(text: str, rules: tuple[Rule, ...], language: str, structural: bool = True) -> Cleaned:
    """Title, metadata and body of a text; without `structural`, the site rules alone strip
    lines (how ingest worked before the detectors, kept to measure them against)."""
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    result = Cleaned(title=None, title_source="raw", author=None, source=None, body=[])
    kept = _apply_rules(lines, rules, language, result)

    by_rules = {s.line: s.rule for s in result.stripped}
    chrome = find_chrome(lines, language, by_rules) if structural else Chrome(stripped=by_rules)
    result.stripped += [StrippedLine(n, t, chrome.stripped[n]) for n, t in kept if n in chrome.stripped]
    lines = [(n, t) for n, t in kept if n not in chrome.stripped]
    # a byline read whole beats a rule that took the rest of its line for the name
    result.author = chrome.author or result.author
    result.source = result.source or chrome.source
    result.date, result.site = chrome.date, chrome.site
    if chrome.title is not None:
        result.title_line, result.title = chrome.title
        if chrome.title in lines:  # not when it came from inside a stripped line
            lines.remove(chrome.title)
    elif len(lines) > 1 and _is_title_like(lines[0][1]):
        (result.title_line, result.title), lines = lines[0], lines[1:]

    for number, text_line in lines:
        if _UNSAFE_LINK.match(text_line):
            result.stripped.append(StrippedLine(number, text_line, "unsafe-link"))
            result.warnings.append(f"line {number}: dropped a script link: {text_line[:60]!r}")
            continue
        result.body.append((number, text_line))
    if result.title is None and result.body:
        result.title = _derived_title(result.body[0][1])
        result.title_source = "derived"
    result.stripped.sort(key=lambda s: s.line)
    return result
