"""An HTML copy of a web page: the article is kept, the page furniture is not."""

from __future__ import annotations

from crosstrain.ingest.decode import html_to_text

PAGE = """<!doctype html><html><head><title>Blog ABC</title><script>var tracking = 1;</script></head>
<body><header><nav><a href="/">Trang chủ</a> | <a href="/blog">Blog</a></nav></header>
<main><article><h1>Bí quyết phối hợp marketing &amp; bán hàng</h1>
<p>Đoạn thứ nhất của bài viết.</p><p>Đoạn thứ hai, có <b>chữ đậm</b> ở giữa.</p></article></main>
<aside><h3>Bài viết liên quan</h3><ul><li>Bài A</li></ul></aside>
<footer>© 2024 ABC</footer></body></html>"""


def test_article_kept_and_furniture_dropped():
    lines = [line.strip() for line in html_to_text(PAGE).split("\n") if line.strip()]
    assert lines == ["Bí quyết phối hợp marketing & bán hàng", "Đoạn thứ nhất của bài viết.",
                     "Đoạn thứ hai, có chữ đậm ở giữa."]


def test_page_without_article_keeps_body_text_but_not_scripts():
    text = html_to_text("<html><body><div>Một đoạn văn.</div><script>alert(1)</script></body></html>")
    assert "Một đoạn văn." in text and "alert" not in text


def test_a_page_of_navigation_only_is_an_error_not_an_essay(tmp_path):
    from crosstrain.errors import CrosstrainError
    from crosstrain.ingest import build_essay

    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav><div>Liên hệ</div></body></html>", "utf-8")
    try:
        build_essay(page, (), None, [])
    except CrosstrainError as error:
        assert str(error).startswith(f"{page}: ")
    else:
        raise AssertionError("a page without an article was ingested")
