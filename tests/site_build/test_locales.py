"""Each locale's pages are in that locale's language and script; glossary and tooltips."""

from __future__ import annotations

import re

import pytest

from crosstrain.glossary import load_glossary
from crosstrain.translate import opencc_convert
from crosstrain.locales import LOCALES
from crosstrain.store import load_essays
from tests.conftest import ROOT
from tests.htmltext import article_text_by_lang
from tests.site_build.test_site import page

CJK = re.compile(r"[\u3400-\u9fff]")
VIETNAMESE_ONLY = re.compile(r"[ăđơưĂĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def foreign_characters(text: str, config: str) -> set[str]:
    """Characters OpenCC would still convert: the text is not wholly in the target script.
    (Phrase-level conversion, so characters valid in both scripts, like 干, are not flagged.)"""
    converted = opencc_convert(text, config)
    return {a for a, b in zip(text, converted) if a != b} if len(converted) == len(text) else {"<length>"}


@pytest.mark.parametrize("essay", load_essays(ROOT / "content" / "essays"), ids=lambda e: e.slug)
def test_pages_are_in_their_locale_language_and_script(built, essay):
    for loc in LOCALES:
        if loc.code == essay.original_locale:
            continue  # the original is kept as received (the Chinese seed mixes scripts)
        html = page(built, loc.code, f"essays/{essay.slug}/index.html")
        own = article_text_by_lang(html, loc.html_lang).get(loc.html_lang, "")
        assert len(own) > 200, (loc.code, "the page shows little text in its own language")
        if loc.code == "en":
            assert not VIETNAMESE_ONLY.search(own), VIETNAMESE_ONLY.search(own)
            assert not CJK.search(own)
        if loc.code == "zh":
            assert foreign_characters(own, "t2s") == set()
        if loc.code == "zh-Hant":
            assert foreign_characters(own, "s2tw") == set()
        if loc.code == "vi":
            assert VIETNAMESE_ONLY.search(own) and len(CJK.findall(own)) < 20


def test_glossary_has_at_least_30_complete_terms():
    terms = load_glossary(ROOT / "content" / "glossary.yml")
    assert len(terms) >= 30
    for term in terms:
        for code in ("vi", "en", "zh", "zh-Hant"):
            assert term.name(code).strip() and term.meaning(code).strip()


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_glossary_page_links_to_existing_paragraphs(built, loc):
    html = page(built, loc.code, "glossary/index.html")
    links = re.findall(r'href="\.\./essays/([^/]+)/#(p\d+)"', html)
    assert len(links) > 30
    for slug, block_id in set(links):
        essay_html = page(built, loc.code, f"essays/{slug}/index.html")
        assert f'id="{block_id}"' in essay_html


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_tooltips_on_essay_pages(built, loc):
    html = page(built, loc.code, "essays/marketing-workflow/index.html")
    tooltips = re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html)
    assert len(tooltips) >= 3
    # each term is marked once per page
    assert len({text for _, text in tooltips}) == len(tooltips)


def test_glossary_sorted_in_vietnamese_order(built):
    html = page(built, "vi", "glossary/index.html")
    headings = re.findall(r'<h2 id="[^"]+">([^<]+)<', html)
    first_letters = [h[0].lower() for h in headings]
    order = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    positions = [order.index(c) for c in first_letters if c in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize("code, label", [("zh", "说明："), ("zh-Hant", "說明：")])
def test_full_width_colon_label_has_no_extra_space(built, code, label):
    html = page(built, code, "essays/marketing-workflow/index.html")
    assert f"<strong>{label}</strong>" in html
    assert f"<strong>{label}</strong> " not in html  # "說明：接收", not "說明： 接收"


def test_derived_taiwan_pages_use_taiwan_words(built):
    """The zh-Hant essay derived from zh reads as Taiwan writes it: 行銷, 「」, 透過."""
    html = page(built, "zh-Hant", "essays/marketing-vs-sales/index.html")
    text = article_text_by_lang(html, "zh-Hant")["zh-Hant"]
    assert "行銷" in text and "營銷" not in text and "「" in text and "“" not in text
