"""How well ingest separates an article from its page: line-level figures over a corpus of
pages, each with an expected-result file (tests/ingest/corpus/*.expected.yml).

A page's lines are what a reader sees (for HTML, every visible text, furniture included);
each is the title, a body line or a chrome line (the expected file lists the chrome). A
body line is kept when a block holds it; a chrome line leaked when a block is that line or,
for lines long enough (four words) not to occur in a sentence by chance, holds it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from crosstrain.ingest import build_essay
from crosstrain.ingest.chrome import words
from crosstrain.ingest.decode import read_raw, visible_text
from crosstrain.ingest.rules import Rule

HTML_SUFFIXES = (".html", ".htm")
_CONTAINED_FROM = 4  # words: a shorter chrome line ("Home", "marketing") may occur in a sentence
METADATA = ("title", "author", "date", "site")


@dataclass
class PageScore:
    name: str
    body: int = 0
    body_kept: int = 0
    chrome: int = 0
    chrome_leaked: int = 0
    lost: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # metadata and shape that differ


def _norm(text: str) -> str:
    return " ".join(text.split())


def corpus_pages(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir()
                  if p.suffix in (".txt", *HTML_SUFFIXES) and p.with_suffix(".expected.yml").is_file())


def page_lines(page: Path) -> list[str]:
    if page.suffix in HTML_SUFFIXES:
        text = visible_text(page.read_text(encoding="utf-8"))
    else:
        text = read_raw(page).text
    return [_norm(line) for line in text.split("\n") if line.strip()]


def score_page(page: Path, rules: tuple[Rule, ...], extractor: bool = True, structural: bool = True) -> PageScore:
    """`extractor` and `structural` off give the ingest before trafilatura and the detectors."""
    expected = yaml.safe_load(page.with_suffix(".expected.yml").read_text(encoding="utf-8"))
    essay = build_essay(page, rules, None, [], read=partial(read_raw, extractor=extractor), structural=structural)
    blocks = [_norm(b.text) for b in essay.original.blocks]
    chrome = Counter(_norm(line) for line in expected["chrome"])
    seen = Counter(page_lines(page))
    title = _norm(expected["title"] or "")
    score = PageScore(page.name)
    # A table of contents repeats headings word for word: a line seen n times, c of them
    # listed as chrome, is n - c body lines, and blocks beyond those are leaked chrome.
    for line, times in seen.items():
        in_chrome = min(chrome[line], times)
        in_body = times - in_chrome - (1 if line == title and times > in_chrome else 0)
        shown = sum(1 for b in blocks if line == b or (words(line) >= _CONTAINED_FROM and line in b))
        shown = max(shown, sum(1 for b in blocks if line in b) if in_body else 0)
        kept, leaked = min(shown, in_body), min(max(0, shown - in_body), in_chrome)
        score.body += in_body
        score.body_kept += kept
        score.chrome += in_chrome
        score.chrome_leaked += leaked
        score.lost += [line] * (in_body - kept)
        score.leaked += [line] * leaked
    found = {"title": essay.title, "author": essay.author, "date": essay.date, "site": essay.site,
             "first": blocks[0] if blocks else None, "last": blocks[-1] if blocks else None,
             "blocks": len(blocks)}
    for key in (*METADATA, "first", "last", "blocks"):
        if key in expected and (str(expected[key]) if expected[key] is not None else None) != (
                str(found[key]) if found[key] is not None else None):
            score.wrong.append(f"{key}: expected {expected[key]!r}, got {found[key]!r}")
    return score


def totals(scores: list[PageScore]) -> dict[str, float]:
    body = sum(s.body for s in scores)
    kept = sum(s.body_kept for s in scores)
    leaked = sum(s.chrome_leaked for s in scores)
    chrome = sum(s.chrome for s in scores)
    return {
        "pages": len(scores), "body_lines": body, "chrome_lines": chrome,
        "body_recall": kept / body if body else 1.0,
        "body_precision": kept / (kept + leaked) if kept + leaked else 1.0,
        "chrome_removed": (chrome - leaked) / chrome if chrome else 1.0,
        "chrome_per_100_body": 100 * leaked / kept if kept else 0.0,
        "metadata_wrong": sum(len(s.wrong) for s in scores),
    }
