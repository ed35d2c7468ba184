"""Separate an essay's body from the web page around it: title, author, source, boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
        if rule.action == "drop-list":
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


def clean(text: str, rules: tuple[Rule, ...], language: str) -> Cleaned:
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    result = Cleaned(title=None, title_source="raw", author=None, source=None, body=[])
    lines = _apply_rules(lines, rules, language, result)

    # A title printed twice (page heading + post heading) marks where the article starts;
    # what stands above its first copy is the site's header.
    head = [t for _, t in lines[:EDGE_LINES]]
    repeated = next((t for t in head if head.count(t) > 1 and _is_title_like(t)), None)
    if repeated is not None:
        first = head.index(repeated)
        for number, text_line in lines[:first]:
            result.stripped.append(StrippedLine(number, text_line, "site-header"))
        result.title = repeated
        rest = lines[first + 1:]
        second = next(i for i, (_, t) in enumerate(rest) if t == repeated)
        result.stripped.append(StrippedLine(rest[second][0], repeated, "repeated-title"))
        lines = rest[:second] + rest[second + 1:]
    elif len(lines) > 1 and _is_title_like(lines[0][1]):
        result.title = lines[0][1]
        lines = lines[1:]

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
