"""Pages copied from the web (tests/ingest/corpus/, written for these tests): the article is
kept whole, every line of page chrome is gone, title, author, date and site are right."""

from __future__ import annotations

import pytest

from crosstrain.ingest.evaluate import corpus_pages, score_page, totals
from crosstrain.ingest.rules import load_rules
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "ingest" / "corpus"
RULES = load_rules(ROOT / "content" / "ingest-rules.yml")
PAGES = corpus_pages(CORPUS)


def test_the_corpus_covers_every_language_and_both_shapes():
    names = [p.name for p in PAGES]
    assert len(PAGES) >= 16
    for prefix in ("vi-", "zh-hans-", "zh-hant-", "en-"):
        assert any(n.startswith(prefix) and n.endswith(".txt") for n in names), prefix
        assert any(n.startswith(prefix) and n.endswith(".html") for n in names), prefix


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page(page):
    score = score_page(page, RULES)
    assert score.lost == [], "body lines lost"
    assert score.leaked == [], "chrome lines kept"
    assert score.wrong == []


def test_pages_without_chrome_lose_nothing():
    clean = [p for p in PAGES if "clean" in p.name]
    assert len(clean) >= 3
    for page in clean:
        score = score_page(page, RULES)
        assert score.chrome == 0 and score.body_kept == score.body > 0


def test_corpus_figures_meet_the_goal():
    figures = totals([score_page(p, RULES) for p in PAGES])
    assert figures["body_recall"] == 1.0
    assert figures["chrome_per_100_body"] <= 1.0
