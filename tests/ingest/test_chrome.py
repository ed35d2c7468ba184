"""The structural detectors, one by one, on lines of every language; and lines they must keep."""

from __future__ import annotations

import pytest

from crosstrain.ingest import chrome
from crosstrain.ingest.meta import meta_line


@pytest.mark.parametrize("detector, line", [
    (chrome.breadcrumb, "Trang chủ > Kiến thức > Marketing"),
    (chrome.breadcrumb, "当前位置：首页 > 资讯"),
    (chrome.breadcrumb, "Home » Blog"),
    (chrome.menu_line, "Trang chủ | Giới thiệu | Dịch vụ | Liên hệ"),
    (chrome.menu_line, "首页  关于我们  营销课程  联系我们"),
    (chrome.stray_word, "preload"),
    (chrome.image_leftover, "ten-anh.jpg)"),
    (chrome.image_leftover, "![](https://example.com/a.png)"),
    (chrome.markup_leftover, '<div class="wp-caption">'),
    (chrome.caption, "Ảnh minh họa: Nhóm nội dung họp"),
    (chrome.caption, "图片来源：网络"),
    (chrome.image_alt, "ke-hoach-marketing-2025"),
    (chrome.name_like, "Minh Thư"),
    (chrome.role_like, "Chuyên viên Content Marketing"),
    (chrome.share_prompt, "扫码关注我们的公众号，获取更多干货"),
    (chrome.share_prompt, "Theo dõi chúng tôi trên Facebook"),
    (chrome.related_posts, "Có thể bạn quan tâm"),
    (chrome.related_posts, "猜你喜欢"),
    (chrome.tags, "#marketing #sales"),
    (chrome.comment_form, "Your email address will not be published."),
    (chrome.comment_form, "Bình luận (3)"),
    (chrome.legal_contact, "© 2025 Góc Tiếp Thị"),
    (chrome.legal_contact, "Hotline: 0909 123 456"),
    (chrome.prev_next, "下一篇：如何做竞品分析"),
    (chrome.prev_next, "« Previous post"),
    (chrome.newsletter, "Đăng ký nhận bản tin"),
    (chrome.newsletter, "訂閱電子報"),
    (chrome.feedback, "Was this article helpful?"),
])
def test_detector_finds(detector, line):
    assert detector(line)


@pytest.mark.parametrize("line", [
    "Marketing và sales cần ngồi chung một bàn.",
    "Next, the team must agree on one number.",
    "Liên hệ với khách hàng cũ mỗi quý một lần",
    "Chia sẻ kinh nghiệm với đồng nghiệp mới",
    "第一步是把服务做到让人想分享。",
    "Sự khác biệt giữa Marketing & Sale",
])
def test_body_lines_are_not_chrome(line):
    assert chrome.trailing(line) is None and chrome.leftover(line) is None
    assert not chrome.breadcrumb(line) and not chrome.menu_line(line) and meta_line(line, "vi") is None


@pytest.mark.parametrize("line, language, kind, author, date", [
    ("Đăng ngày 08/04/2025 bởi Minh Thư · 6 phút đọc", "vi", "byline", "Minh Thư", "2025-04-08"),
    ("Thứ Hai, 14/04/2025 - 09:15", "vi", "date", None, "2025-04-14"),
    ("12,432 lượt xem", "vi", "counter", None, None),
    ("发布时间：2024-03-05 10:20  浏览次数：1234", "zh", "date", None, "2024-03-05"),
    ("文／陳怡君", "zh", "byline", "陳怡君", None),
    ("閱讀時間約 4 分鐘", "zh", "reading-time", None, None),
    ("By Laura Chen · March 4, 2025 · 6 min read", "en", "byline", "Laura Chen", "2025-03-04"),
    ("04/08/2025", "en", "date", None, "2025-04-08"),
    ("3 days ago", "en", "date", None, None),
])
def test_meta_lines(line, language, kind, author, date):
    found = meta_line(line, language)
    assert (found.kind, found.author, found.date) == (kind, author, date)


def test_title_is_the_line_the_body_supports_not_the_first():
    lines = list(enumerate([
        "preload", "Blog Tiếp Thị", "Ba cách giữ chân khách hàng cũ", "Đăng bởi Lan Anh | 12/05/2025",
        "Giữ chân khách hàng cũ rẻ hơn tìm khách mới. Ba cách dưới đây giúp bạn giữ chân khách hàng.",
    ], start=1))
    found = chrome.find_chrome(lines, "vi", {})
    assert found.title == (3, "Ba cách giữ chân khách hàng cũ")
    assert found.stripped == {1: "stray-word", 2: "site-header", 4: "byline"}
    assert (found.author, found.date) == ("Lan Anh", "2025-05-12")


def test_a_checklist_under_the_title_stays_but_a_menu_above_an_untitled_text_goes():
    paragraph = "Đây là đoạn văn đầu tiên của bài viết, đủ dài để được coi là một đoạn văn thật sự."
    under = list(enumerate(["Checklist trước khi đăng bài", "- Kiểm tra chính tả", "- Thêm ảnh",
                            "- Gắn link", paragraph], start=1))
    assert chrome.find_chrome(under, "vi", {}).stripped == {}
    menu = list(enumerate(["- Trang chủ", "- Blog", "- Liên hệ", paragraph], start=1))
    assert chrome.find_chrome(menu, "vi", {}).stripped == {1: "nav-menu", 2: "nav-menu", 3: "nav-menu"}


@pytest.mark.parametrize("line, kind, date", [
    ("于 2024-03-02 10:00:00 发布", "date", "2024-03-02"),
    ("阅读量1.2k 收藏 12 点赞数 3", "counter", None),
    ("发布于 2024-03-02 14:20・IP 属地北京", "date", "2024-03-02"),
    ("35 人赞同了该文章", "counter", None),
    ("原创 周宁 增长实验室 2024-09-12 07:30", "byline", "2024-09-12"),
])
def test_chinese_platform_meta_lines(line, kind, date):
    found = meta_line(line, "zh")
    assert (found.kind, found.date) == (kind, date)


def test_a_labelled_byline_is_never_the_title_even_without_a_name():
    """"Tác giả: …" followed by no readable name (markup, a long string) is still a byline;
    and markup's slashes make no breadcrumb of a title."""
    lines = list(enumerate([
        "Quy trình <b>marketing</b> cho đội sales", "Tác giả: <img src=x> và một chuỗi dài không phải là tên người",
        "Quy trình marketing giúp đội sales biết khách hàng cần gì và nói gì với họ mỗi ngày.",
    ], start=1))
    found = chrome.find_chrome(lines, "vi", {})
    assert found.title == (1, "Quy trình <b>marketing</b> cho đội sales")
    assert found.stripped == {2: "byline"}
