"""The built site: every essay in every locale, right languages, no third-party requests."""

from __future__ import annotations

import re

import pytest

from crosstrain.locales import DEFAULT_LOCALE, LOCALES
from crosstrain.pipeline import mkdocs_build, publish_site
from crosstrain.errors import CrosstrainError
from crosstrain.store import load_essays


def page(project, locale_code: str, path: str) -> str:
    prefix = "" if locale_code == DEFAULT_LOCALE.code else f"{locale_code}/"
    return (project.site / f"{prefix}{path}").read_text(encoding="utf-8")


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_every_essay_in_every_locale(built, loc):
    essays = load_essays(built.essays)
    assert len(essays) >= 5
    for essay in essays:
        html = page(built, loc.code, f"essays/{essay.slug}/index.html")
        assert html_lang(html) == loc.html_lang
        for block in essay.original.blocks:
            assert f'id="{block.id}"' in html


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_home_and_library_per_locale(built, loc):
    for path in ("index.html", "essays/index.html"):
        html = page(built, loc.code, path)
        assert html_lang(html) == loc.html_lang
        # the language switcher offers every other locale
        for other in LOCALES:
            if other.code != loc.code:
                target = "/" if other == DEFAULT_LOCALE else f"/{other.code}/"
                assert f'hreflang="{other.code}"' in html, (path, other.code)
                assert re.search(rf'href="[^"]*{re.escape(target)}[^"]*"[^>]*hreflang="{other.code}"', html)


def test_switcher_links_to_the_same_essay(built):
    html = page(built, "en", "essays/marketing-workflow/index.html")
    assert re.search(r'href="[^"]*zh-Hant/essays/marketing-workflow/"[^>]*hreflang="zh-Hant"', html)


def test_untranslated_essay_falls_back_to_the_original_with_a_banner(project):
    """A new essay with no translation reads in every locale: the original, marked, no 404."""
    from tests.conftest import build

    (project.raw / "tin-moi.txt").write_text(
        "Bài viết mới về bán hàng\n\nĐoạn văn duy nhất của bài viết mới này nói về khách hàng.\n", encoding="utf-8")
    build(project)
    for loc in LOCALES:
        html = page(project, loc.code, "essays/tin-moi/index.html")
        assert html_lang(html) == loc.html_lang
        assert '<p id="p1" class="ct-block ct-p" lang="vi">Đoạn văn duy nhất' in html
        assert ("ct-banner" in html) == (loc.code != "vi"), loc.code
    assert "This essay has no English translation yet" in page(project, "en", "essays/tin-moi/index.html")
    translated = page(project, "en", "essays/marketing-workflow/index.html")
    assert "ct-banner" not in translated and "Translated from Vietnamese" in translated


def test_no_third_party_requests(built):
    for html_file in built.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, html_file
        assert "fonts.gstatic.com" not in html, html_file
        assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', html), html_file


def test_404_is_in_the_default_locale(built):
    html = (built.site / "404.html").read_text(encoding="utf-8")
    assert html_lang(html) == "vi"
    assert "Không tìm thấy trang" in html


def test_paragraph_anchor_links_exist(built):
    html = page(built, "vi", "essays/marketing-vs-sales/index.html")
    assert 'href="#p3"' in html and 'id="p3"' in html
    assert "startup.gov.vn" in html  # the source, extracted from the raw footer


def test_failed_build_keeps_the_previous_site(built, tmp_path):
    before = sorted(p.relative_to(built.site) for p in built.site.rglob("*"))

    def failing_build(staging):
        (staging / "half-written.html").write_text("partial", encoding="utf-8")
        raise CrosstrainError("mkdocs.yml", "simulated failure")

    with pytest.raises(CrosstrainError):
        publish_site(built, failing_build)
    assert sorted(p.relative_to(built.site) for p in built.site.rglob("*")) == before
    assert not list(built.root.glob(".site-*"))


def test_broken_markdown_fails_strict_build_and_keeps_site(built):
    """A real mkdocs failure (a broken link under --strict) leaves site/ untouched."""
    marker = (built.site / "index.html").read_bytes()
    broken = built.docs / "vi" / "broken.md"
    broken.write_text("[missing](does-not-exist.md)\n", encoding="utf-8")
    try:
        with pytest.raises(CrosstrainError, match="strict"):
            publish_site(built, lambda staging: mkdocs_build(built, staging))
    finally:
        broken.unlink()
    assert (built.site / "index.html").read_bytes() == marker


def test_trainers_area_publishes_gift_and_answer_keys(built):
    from tests.quiz.gift_parser import parse_gift

    for loc in LOCALES:
        html = page(built, loc.code, "trainers/index.html")
        for bank in ("marketing-workflow", "digital-marketing-thinking"):
            assert f'href="gift/{bank}.gift.txt"' in html and '?mode=room' in html
            gift = page(built, loc.code, f"trainers/gift/{bank}.gift.txt")
            assert len(parse_gift(gift)) > 20
            key = page(built, loc.code, f"trainers/answer-keys/{bank}/index.html")
            assert key.count("<tr>") > 20
