"""Search in each locale, through the real search box: own-locale results only, Vietnamese
with or without tone marks, Chinese in both scripts, and a site served from a sub-path."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import _Quiet

OTHER_PREFIXES = ("/en/", "/zh/", "/zh-Hant/")

# (locale, query, a page that must be among the first five results)
QUERIES = [
    ("vi", "khach hang", "/essays/marketing-vs-sales/"),
    ("vi", "khách hàng", "/essays/marketing-vs-sales/"),
    ("vi", "quy trinh", "/essays/marketing-workflow/"),
    ("vi", "quy trình", "/essays/marketing-workflow/"),
    ("vi", "thuong hieu", "/essays/marketing-vs-sales/"),
    ("vi", "đào tạo chéo", "/modules/working-together/"),
    ("vi", "luân phiên", "/essays/marketing-vs-sales/"),
    ("vi", "KPI", "/essays/marketing-workflow/"),
    ("en", "customer", "/en/essays/marketing-vs-sales/"),
    ("en", "deadline", "/en/essays/marketing-workflow/"),
    ("en", "brand awareness", "/en/essays/marketing-vs-sales/"),
    ("en", "andon", "/en/essays/digital-marketing-thinking/"),
    ("en", "multitasking", "/en/essays/marketing-multitask/"),
    ("en", "conversion rate", "/en/glossary/"),
    ("zh", "客户", "/zh/essays/marketing-vs-sales/"),
    ("zh", "数字营销", "/zh/essays/digital-marketing-thinking/"),
    ("zh", "转化率", "/zh/essays/marketing-workflow/"),
    ("zh", "销售", "/zh/essays/sales-learn-marketing/"),
    ("zh", "KPI", "/zh/glossary/"),
    ("zh-Hant", "客戶", "/zh-Hant/essays/marketing-vs-sales/"),
    ("zh-Hant", "銷售", "/zh-Hant/essays/sales-learn-marketing/"),
    ("zh-Hant", "數字營銷", "/zh-Hant/essays/digital-marketing-thinking/"),
    ("zh-Hant", "轉化率", "/zh-Hant/essays/marketing-workflow/"),
    ("zh-Hant", "交叉培訓", "/zh-Hant/glossary/"),
    # two-character words inside longer phrases ("市場營銷與銷售的區別…")
    ("zh-Hant", "區別", "/zh-Hant/essays/marketing-vs-sales/"),
    ("zh", "区别", "/zh/essays/marketing-vs-sales/"),
    # across scripts and regions: the query is also looked up in the page's script and words
    ("zh", "客戶", "/zh/essays/marketing-vs-sales/"),  # Traditional on the Simplified site
    ("zh", "行銷", "/zh/essays/marketing-vs-sales/"),  # Taiwan word for 营销
    ("zh-Hant", "客户", "/zh-Hant/essays/marketing-vs-sales/"),  # Simplified on the Taiwan site
    ("zh-Hant", "营销", "/zh-Hant/modules/sales-for-marketing/"),  # mainland word for 行銷
    ("zh-Hant", "数字营销", "/zh-Hant/essays/digital-marketing-thinking/"),  # an original in its own words
    ("zh-Hant", "轉換率", "/zh-Hant/essays/marketing-workflow/"),  # as the derived page spells it
]


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.keyboard.press("/")  # Material's shortcut opens the box
    box = page.locator("[data-ct-search-query]")
    assert box.evaluate("el => el === document.activeElement")
    box.fill(query)
    page.wait_for_function(
        "() => document.querySelector('[data-ct-search-results]').children.length > 0"
        " || /0|không|no |没有|沒有/i.test(document.querySelector('[data-ct-search-meta]').textContent)",
        timeout=10000)
    page.wait_for_timeout(400)  # the debounce may still replace the first results
    return page.locator("[data-ct-search-results] a").evaluate_all(
        "els => els.map(e => new URL(e.href).pathname)")


@pytest.mark.parametrize("locale,query,expected", QUERIES, ids=[f"{l}-{q}" for l, q, _ in QUERIES])
def test_query_finds_the_page_in_its_locale_only(page, site_url, locale, query, expected):
    start = "/" if locale == "vi" else f"/{locale}/"
    found = search(page, site_url + start, query)
    assert expected in found[:5], found
    if locale == "vi":
        assert not any(path.startswith(OTHER_PREFIXES) for path in found), found
    else:
        assert all(path.startswith(f"/{locale}/") for path in found), found
    assert page.console_errors == []


def test_search_works_from_a_sub_path(browser, built, tmp_path):
    (tmp_path / "kb").symlink_to(built.site, target_is_directory=True)
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        tab = context.new_page()
        found = search(tab, f"http://127.0.0.1:{server.server_address[1]}/kb/en/", "deadline")
        assert "/kb/en/essays/marketing-workflow/" in found[:5]
        context.close()
    finally:
        server.shutdown()
