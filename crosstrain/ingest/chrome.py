"""Page chrome in a text pasted from a browser, found by its shape, not by its site.

Web pages put the same furniture around an article whatever the site: menus, breadcrumbs,
bylines and counters above it, a table of contents, image leftovers inside it, share
prompts, related posts and comment forms below it. Each detector here is a small named
function of one line (and its neighbours) whose name is the reason recorded in essay.yml.
Site rules (content/ingest-rules.yml) run first; these catch what no rule names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from crosstrain.ingest.meta import MetaLine, meta_line

Line = tuple[int, str]  # (line number in the decoded text, text)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_END = re.compile(r"[.。．;；:：,，…!！?？\"”」』)）]$")
_FULL_STOP = re.compile(r"[.。．;；:：,，…]$")
_BULLET = re.compile(r"^[-*•+–·●▪►»]\s*")
LEADING_LINES_MAX = 40  # a leading chrome block longer than this is not a header any more


def words(text: str) -> int:
    """Length in words; a Chinese character counts as half a word."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2


def is_paragraph(text: str) -> bool:
    """A real paragraph: a sentence or more, not a label or a link title."""
    size = words(text)
    return size >= 20 or (size >= 7 and _FULL_STOP.search(text) is not None)


# --- leftovers, anywhere ------------------------------------------------------------------

_IMAGE_FILE = re.compile(
    r"[!\[\]()\"'<>]*[\w\-./:%?=&]*\.(?:jpe?g|png|gif|webp|svg|bmp|avif|tiff?)(?:\?[\w=&.%-]*)?[\"')\]>]*\s*\)?",
    re.I)
_MARKUP = re.compile(
    r"!?\[[^\]]*\]\([^)]*\)?|\]\([^)]*\)?|</?[a-z][\w-]*(?:\s[^>]*)?/?>?|\[/?(?:caption|gallery|embed|video)[^\]]*\]?"
    r"|\{\{[^}]*\}\}|&[a-z]+;|[|=~_*#>\-–—<]{2,}|\)|\(|\[|\]", re.I)
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}", re.I)
# Labels only a caption carries, and labels a labelled sentence could carry too.
_CAPTION = re.compile(
    r"\(?\s*(?:(?:ảnh|hình)\s*(?:minh\s*(?:họa|hoạ)|sưu\s*tầm)|nguồn\s*ảnh|photo\s*(?:by|credit)|image\s*(?:credit|source)|"
    r"图片来源|圖片來源|配图|配圖|图源|圖源|摄影|攝影)\s*(?:[:：.]?\s*.{0,120})\)?", re.I)
_LABELLED_CAPTION = re.compile(
    r"\(?\s*(?:ảnh|hình(?:\s*ảnh)?|photo|image|picture|figure|illustration|图|圖|图片|圖片)\s*\d*\s*"
    r"(?:[:：.]\s*(?P<text>.{0,120}))?\)?", re.I)


_IMAGE_EXTENSION = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|avif|tiff?)\b", re.I)


def image_leftover(text: str) -> bool:
    """An image's file name or its Markdown/HTML markup, alone on a line."""
    if not _IMAGE_EXTENSION.search(text):  # first, and cheap: a paragraph is long
        return False
    return _IMAGE_FILE.fullmatch(text) is not None or words(_MARKUP.sub(" ", text)) <= 1


def markup_leftover(text: str) -> bool:
    """Broken Markdown or HTML, or a separator: what is left once the markup is removed
    says nothing (no word, no number)."""
    rest = _MARKUP.sub(" ", text)
    return words(rest) == 0 and not re.search(r"\d", rest) and (rest != text or not re.search(r"\w", text))


def caption(text: str) -> bool:
    """'Ảnh: …', 'Hình 2: …', '(Ảnh minh họa)', '图片来源：…', 'Photo: …'. After a label that a
    sentence could start with too ('Hình ảnh: logo và màu sắc phải thống nhất.'), a caption
    is a phrase, not a sentence."""
    if words(text) > 25:
        return False
    if _CAPTION.fullmatch(text):
        return True
    labelled = _LABELLED_CAPTION.fullmatch(text)
    return labelled is not None and not (labelled["text"] and _FULL_STOP.search(labelled["text"])
                                         and words(labelled["text"]) > 6)


def image_alt(text: str) -> bool:
    """An alt text pasted as a slug: 'ke-hoach-marketing-2025'."""
    return _SLUG.fullmatch(text) is not None


LEFTOVERS: tuple[Callable[[str], bool], ...] = (image_leftover, markup_leftover, caption, image_alt)


def leftover(text: str) -> str | None:
    return next((d.__name__.replace("_", "-") for d in LEFTOVERS if d(text)), None)


# --- the leading block --------------------------------------------------------------------

_BREADCRUMB_SEP = re.compile(r"\s*(?:>|»|›|→|/|»)\s*")
_WHERE = re.compile(r"(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|bạn đang ở|you are here)\s*[:：]?.*", re.I)
_HOME = re.compile(r"(?:trang chủ|home|首页|首頁|主页|主頁)", re.I)
_MENU_SEP = re.compile(r"\s*[|｜]\s*|\s{2,}|\u3000+")


def breadcrumb(text: str) -> bool:
    """'Trang chủ > Kiến thức > Marketing', 'Home » Blog', '当前位置：首页 > 资讯'."""
    if _WHERE.fullmatch(text):
        return True
    if "<" in text:  # the slashes of markup ("</b>") are no path; leftover() judges markup
        return False
    parts = [p for p in _BREADCRUMB_SEP.split(text) if p]
    if len(parts) < 2 or len(parts) == 2 and not _HOME.fullmatch(parts[0]):
        return False
    return all(1 <= words(p) <= 8 for p in parts) and (
        _HOME.fullmatch(parts[0]) is not None or len(parts) >= 3)


def menu_line(text: str) -> bool:
    """A menu on one line: 'Trang chủ | Giới thiệu | Dịch vụ | Liên hệ', '首页  关于我们  新闻'."""
    parts = [p for p in _MENU_SEP.split(text) if p]
    if len(parts) < 3:
        parts = text.split(" ") if _CJK.search(text) and " " in text else parts
    return len(parts) >= 3 and all(words(p) <= 4 and not _END.search(p) for p in parts)


_BUTTON = re.compile(
    r"\+?\s*(?:follow|theo dõi|关注|關注|subscribe|listen|nghe|share|chia sẻ|save|lưu|bookmark|print|in bài|"
    r"sign in|sign up|log in|đăng nhập|đăng ký|登录|登入|注册|註冊|search|tìm kiếm|搜索|搜尋|menu)", re.I)


def button(text: str) -> bool:
    """A button's label alone on its line above the article: 'Follow', 'Listen', '关注'."""
    return _BUTTON.fullmatch(text) is not None


def short_item(text: str) -> bool:
    """A menu entry or a category: a few words, no sentence, often a bullet or capitals."""
    return words(_BULLET.sub("", text)) <= 5 and not _FULL_STOP.search(text)


def stray_word(text: str) -> bool:
    """One word alone ('preload', 'Menu', '首页'), left over from the page's widgets."""
    return " " not in text.strip() and (words(text) <= 1 or len(_CJK.findall(text)) <= 3)


_ROLE = re.compile(
    r"(chuyên viên|chuyên gia|trưởng phòng|trưởng nhóm|giám đốc|phó giám đốc|biên tập viên|phóng viên|"
    r"cộng tác viên|nhà sáng lập|đồng sáng lập|founder|co-founder|ceo|cmo|cto|writer|editor|manager|"
    r"specialist|consultant|director|strategist|lead|head of|marketer|copywriter|author|"
    r"编辑|編輯|总监|總監|经理|經理|顾问|顧問|主编|主編|创始人|創辦人|記者|记者|专栏作家|專欄作家|分析师|分析師)",
    re.I)
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _name_word(word: str) -> bool:
    """'Thư', 'Nguyễn', 'J.': capitalised, then lower case (Vietnamese capitals and small
    letters interleave in Unicode, so no character range can tell them apart)."""
    return (word.isalpha() and word[0].isupper() and word[1:].islower()) or re.fullmatch(r"[A-Z]\.", word) is not None


def name_like(text: str) -> bool:
    """'Minh Thư', 'Nguyễn Văn An', 'Laura Chen', '王小明'."""
    parts = text.split()
    if _CJK_NAME.fullmatch(text):
        return True
    return 2 <= len(parts) <= 4 and len(text) <= 40 and all(map(_name_word, parts))


def role_like(text: str) -> bool:
    """'Chuyên viên Content Marketing', 'Marketing Manager', '资深品牌顾问'."""
    return words(text) <= 8 and not _FULL_STOP.search(text) and _ROLE.search(text) is not None


# --- the table of contents ----------------------------------------------------------------

_TOC_HEADER = re.compile(
    r"(?:mục lục(?: bài viết)?|nội dung (?:chính|bài viết)(?: gồm)?|các nội dung chính|table of contents|"
    r"contents|in this article|on this page|目录|目錄|文章目录|文章目錄|本文目录|本文目錄|内容提要|內容提要)"
    r"\s*[:：]?\s*(?:\[?(?:ẩn|hiện|hide|show|toggle|隐藏|隱藏|显示|顯示)\]?)?", re.I)
_NUMBERING = re.compile(r"^(?:[-*•+●▪]\s*|\d+(?:\.\d+)*[.)、:：]?\s*|[ivx]+[.)]\s+|[一二三四五六七八九十]+[、.．]\s*|第[一二三四五六七八九十]+[章节部分]?[、:：\s]*)",
                        re.I)


def toc_key(text: str) -> str:
    """A heading as a table of contents prints it: no numbering, no case, no end colon."""
    return _NUMBERING.sub("", text).strip(" :：.").casefold()


# --- the trailing block -------------------------------------------------------------------

def _pattern(*alternatives: str) -> re.Pattern:
    return re.compile("(?:" + "|".join(alternatives) + ")", re.I)


_SHARE = _pattern(
    r"(?:hãy\s*)?(?:chia sẻ|share)(?: bài viết| bài| this| this article| this post| now| ngay)?(?: này)?"
    r"(?: (?:lên|qua|với|on|via|to) .{1,40})?\s*[:：!]?(?<=[:：])?\s*(?:(?:facebook|zalo|twitter|x|linkedin|"
    r"email|messenger|line|wechat|weibo|pinterest|telegram|copy link|sao chép liên kết)[\s,]*){0,8}",
    r"(?:hãy\s+)?(?:theo dõi|follow|like|kết nối với|connect with|subscribe to)\s+(?:ngay\s+)?"
    r"(?:us|chúng tôi|chúng mình|mình|fanpage|page|kênh (?:của )?(?:chúng tôi|mình)|trang (?:của )?(?:chúng tôi|mình))"
    r"(?:\s+[^.]{1,50})?\s*[.!]?",
    r"(?:hãy\s+)?(?:theo dõi|follow|like)\s+.{1,40}\s+(?:trên|tại|qua|on|at|via)\s+"
    r"(?:facebook|fanpage|zalo|youtube|tiktok|instagram|linkedin|twitter|x)\s*[.!]?",
    r"(?:分享到|分享至|分享给|分享給|转发给|轉發給|一键分享|一鍵分享)[:：]?.{0,30}",
    r"(?:点赞|點讚|点个赞|點個讚|在看|喜欢|喜歡|打赏|打賞)[^。]{0,20}",
)
_FOLLOW_QR = _pattern(
    r"(?:quét|scan) (?:mã )?(?:qr|the qr).{0,60}",
    r".{0,20}(?:扫码|掃碼|扫描二维码|掃描二維碼|长按识别|長按識別|识别二维码|識別二維碼|二维码|二維碼).{0,40}",
    r".{0,10}(?:关注|關注)(?:我们|我們|公众号|公眾號|本号|本號|作者).{0,40}",
)
_RELATED = _pattern(
    r"(?:bài viết|tin|bài) (?:liên quan|tương tự|cùng chủ đề|cùng chuyên mục|mới nhất|nổi bật|được xem nhiều)\s*[:：]?",
    r"có thể bạn (?:quan tâm|sẽ thích|muốn đọc)\s*[:：]?|đọc tiếp\s*[:：]?|xem thêm(?: các bài viết)?\s*[:：]?",
    r"(?:related|similar|recommended|more|popular|latest|recent) (?:posts?|articles?|reading|stories)\s*[:：]?",
    r"you (?:may|might) also (?:like|enjoy)\s*[:：]?|read (?:next|more)\s*[:：]?|keep reading\s*[:：]?",
    r"(?:相关|相關|推荐|推薦|热门|熱門|最新|延伸|更多)(?:文章|阅读|閱讀|推荐|推薦|内容|內容|资讯|資訊)\s*[:：]?",
    r"猜你喜欢|猜你喜歡|你可能还喜欢|你可能還喜歡|大家都在看|往期推荐|往期推薦|往期回顾|往期回顧|精彩推荐|精彩推薦",
    r"tin cùng chuyên mục|cùng chuyên mục|tin khác|đọc nhiều nhất|xem nhiều nhất",
    r"(?:看更多|查看更多|阅读更多|閱讀更多|更多精彩|返回搜狐).{0,20}",
)
_TAGS = _pattern(
    r"(?:tags?|thẻ|từ khóa|từ khoá|keywords?|(?:文章)?(?:标签|標籤)|关键词|關鍵詞|关键字|關鍵字)\s*(?:[:：].{0,200})?",
    r"(?:#[\w\u4e00-\u9fff-]+\s*){2,}",
)
_COMMENT_HEADING = _pattern(
    r"(?:để lại|gửi|viết) (?:một )?(?:bình luận|ý kiến|phản hồi)(?: của bạn)?\s*[:：]?",
    r"(?:ý kiến|bình luận|phản hồi) (?:của )?bạn(?: đọc)?\s*[:：]?|(?:bình luận|phản hồi)\s*\(\d+\)|\(?\d+\)?\s*(?:bình luận|phản hồi|ý kiến)",
    r"(?:leave|post|write|add) a (?:comment|reply)\s*[:：]?|comments?\s*\(\d+\)|\d+\s*(?:comments?|responses?|replies)",
    r"(?:发表|發表|我要|网友|網友|全部|最新)(?:评论|評論|留言)\s*[:：]?(?:\(\d+\))?|(?:评论|評論|留言)\s*[(（]\d+[)）]",
    r"\d+\s*(?:条|條|则|則)?(?:评论|評論|留言|回复|回覆)",
)
_AUTHOR_BIO = _pattern(
    r"(?:about the author|về tác giả|giới thiệu (?:về )?tác giả|thông tin tác giả|关于作者|關於作者|作者简介|作者簡介|"
    r"作者介绍|作者介紹)\s*[:：]?",
)
_COMMENTS = _pattern(
    r"comments are closed\.?|bình luận đã (?:bị )?đóng\.?|评论已关闭。?|評論已關閉。?",
    r"(?:your )?email address will not be published.*|required fields are marked.*",
    r"email của bạn sẽ không được hiển thị.*|các trường bắt buộc được đánh dấu.*",
    r"lưu tên của tôi.*|save my name.*",
    r"(?:họ (?:và )?tên|tên|name|email|e-mail|website|số điện thoại|nội dung|comment|bình luận)\s*[*:：]\s*\*?",
    r"(?:gửi|submit|post)(?: bình luận| comment)?|hủy trả lời|cancel reply",
    r"(?:昵称|暱稱|邮箱|郵箱|验证码|驗證碼)\s*[:：*]?|提交(?:评论|評論)?",
)
_LEGAL = _pattern(
    r"(?:copyright|©|\(c\)|bản quyền|all rights reserved|版权所有|版權所有|版权归|版權歸).{0,160}",
    r"(?:hotline|điện thoại|đt|sđt|phone|tel|email|e-mail|địa chỉ|address|liên hệ|contact(?: us)?|"
    r"电话|電話|联系电话|聯繫電話|邮箱|郵箱|地址|联系我们|聯繫我們|聯絡我們|客服|website|web|fanpage|facebook|zalo|"
    r"youtube|tiktok|instagram|linkedin|微信|微博|公众号|公眾號)\s*[:：]\s*[^。]{0,100}",
    r"(?:声明|聲明)\s*[:：].{0,200}",
    r"liên hệ|contact us|联系我们|聯繫我們|聯絡我們|关于我们|關於我們|về chúng tôi|about us",
    r"(?:giấy phép|mst|mã số thuế|license|icp备|icp證|icp证|京icp|粤icp)\s*[:：]?.{0,100}",
    r".{0,40}(?:icp备|icp證|icp证)\s*\d+号?.{0,20}",
    r".{0,60}(?:侵权|侵權)[^。]{0,40}(?:删除|刪除|联系|聯繫|聯絡)[^。]{0,20}。?",
    r"(?:bài viết|nội dung) (?:được )?(?:tổng hợp|sưu tầm) từ (?:internet|nhiều nguồn).{0,60}",
)
_REPOST = _pattern(
    r"(?:原标题|原標題|原文标题|原文標題|原文链接|原文鏈接|原文地址|阅读原文|閱讀原文)\s*[:：]?.{0,120}",
    r"[-—–\s]*end[-—–\s]*|[（(]\s*完\s*[）)]|[（(]\s*全文完\s*[）)]",
)
_PREV_NEXT = _pattern(
    r"(?:«|‹|<)?\s*(?:bài (?:trước|sau|tiếp theo|kế tiếp)|(?:previous|next|older|newer)(?: (?:post|article|story))?)"
    r"\s*(?:[:：»›>]\s*.{0,120})?",
    r"(?:上一篇|下一篇|上一页|下一頁|下一页|上一頁|上篇|下篇|返回列表|返回顶部|返回頂部|返回首页|返回首頁)[:：]?.{0,100}",
)
_NEWSLETTER = _pattern(
    r"(?:đăng ký|subscribe|sign up|join)(?:\b.{0,60}(?:bản tin|newsletter|email|tin mới|bài viết mới|updates)[^.]{0,60})?[.!]?",
    r"nhập (?:địa chỉ )?email(?: của bạn)?.{0,40}|enter your email.{0,40}|your email(?: address)?\s*[:：*]?",
    r"(?:订阅|訂閱)(?:我们|我們|本站|电子报|電子報|newsletter)?.{0,40}",
)
_FEEDBACK = _pattern(
    r"(?:bài viết (?:này )?có hữu ích|đánh giá bài viết|bạn thấy bài viết|was this (?:article|post|helpful)|"
    r"rate this|文章(?:对你|對你|是否)|本文(?:对你|對你)).{0,80}",
    r"\d(?:[.,]\d)?\s*/\s*5\s*[-–—]?\s*(?:\(\s*\d+\s*(?:bình chọn|lượt đánh giá|đánh giá|votes?|ratings?|票|评分|評分)\s*\))?",
)


_SIGN_OFF = _pattern(
    r"(?:thanks|thank you) for reading[.!]?|cảm ơn (?:các )?bạn đã (?:đọc|theo dõi|dành thời gian đọc)(?: bài viết)?(?: này)?[.!]?",
    r"(?:感谢|感謝|谢谢|謝謝)(?:您的)?(?:阅读|閱讀|观看|觀看)[。！!]?",
)
_ADVERTISEMENT = _pattern(r"[-–—\s]*(?:advertisement|sponsored(?: content)?|ads by google|广告|廣告)[-–—\s]*")


_COOKIES = _pattern(
    r".{0,60}(?:sử dụng|dùng|use|uses|使用)\s*(?:các\s*)?cookies?.{0,200}",
    r"(?:chấp nhận|đồng ý|accept|agree|got it|接受|同意)(?:\s*(?:tất cả|all|全部))?(?:\s*cookies?)?",
)


def cookie_notice(text: str) -> bool:
    """A cookie banner's text or its button, at the page's end."""
    return _COOKIES.fullmatch(text) is not None and words(text) <= 60


def advertisement(text: str) -> bool:
    """An ad's label left between two paragraphs."""
    return _ADVERTISEMENT.fullmatch(text) is not None


def sign_off(text: str) -> bool:
    """'Thanks for reading!', 'Cảm ơn bạn đã đọc bài viết', '感谢阅读'."""
    return _SIGN_OFF.fullmatch(text) is not None


def repost_note(text: str) -> bool:
    """'原标题：…', '阅读原文', '- END -': what a reposted article carries."""
    return _REPOST.fullmatch(text) is not None


_SEE_ALSO = _pattern(
    r"(?:xem thêm|đọc thêm|tham khảo thêm|có thể bạn chưa biết|see also|read also|related|延伸阅读|延伸閱讀|"
    r"相关阅读|相關閱讀|推荐阅读|推薦閱讀)\s*[:：>»]+",
)


def see_also(text: str) -> bool:
    """'Đọc thêm:' alone on its line, a link's title under it, in the middle of the text."""
    return _SEE_ALSO.fullmatch(text) is not None


def share_prompt(text: str) -> bool:
    return _SHARE.fullmatch(text) is not None or follow_qr(text)


def follow_qr(text: str) -> bool:
    """'扫码关注我们', '点击上方蓝字关注我们', 'Quét mã QR…': unambiguous wherever they stand."""
    return _FOLLOW_QR.fullmatch(text) is not None


def related_posts(text: str) -> bool:
    return _RELATED.fullmatch(text) is not None


def tags(text: str) -> bool:
    return _TAGS.fullmatch(text) is not None


def author_bio(text: str) -> bool:
    """'About the author', '作者简介': the heading of a biography after the article."""
    return _AUTHOR_BIO.fullmatch(text) is not None


def comment_form(text: str) -> bool:
    return _COMMENT_HEADING.fullmatch(text) is not None or _COMMENTS.fullmatch(text) is not None


def legal_contact(text: str) -> bool:
    return _LEGAL.fullmatch(text) is not None and words(text) <= 40


def prev_next(text: str) -> bool:
    return _PREV_NEXT.fullmatch(text) is not None


def newsletter(text: str) -> bool:
    return _NEWSLETTER.fullmatch(text) is not None and words(text) <= 30


def feedback(text: str) -> bool:
    return _FEEDBACK.fullmatch(text) is not None


TRAILING: tuple[Callable[[str], bool], ...] = (
    share_prompt, related_posts, tags, author_bio, comment_form, legal_contact, prev_next, newsletter, feedback,
    sign_off, repost_note, cookie_notice)
# Unambiguous wherever they stand; the others only count in the trailing block.
ANYWHERE = (prev_next, advertisement, repost_note, follow_qr)


def _name(detector: Callable) -> str:
    return detector.__name__.replace("_", "-")


def trailing(text: str) -> str | None:
    return next((_name(d) for d in TRAILING if d(text)), None)


def _list_line(text: str) -> bool:
    """A line of a list of links (related posts, menu): short and not a sentence."""
    return len(text) <= 120 and not _FULL_STOP.search(text)


# --- the whole text -----------------------------------------------------------------------

@dataclass
class Chrome:
    """What the detectors found: stripped lines with reasons, metadata, the title."""

    stripped: dict[int, str] = field(default_factory=dict)  # line number -> reason
    title: Line | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None
    site: str | None = None


def _first_paragraph(lines: list[Line], reasons: dict[int, str]) -> int:
    """Where the body starts; 0 (no leading block) when no paragraph comes early enough."""
    return next((index for index, (number, text) in enumerate(lines[:LEADING_LINES_MAX])
                 if number not in reasons and is_paragraph(text)), 0)


def _tokens(text: str) -> set[str]:
    lowered = text.casefold()
    cjk = "".join(_CJK.findall(lowered))
    return set(_WORD.findall(_CJK.sub(" ", lowered))) | {cjk[i:i + 2] for i in range(len(cjk) - 1)}


def _record_meta(found: Chrome, meta: MetaLine) -> None:
    found.author = found.author or meta.author
    found.date = found.date or meta.date
    found.source = found.source or meta.source
    found.site = found.site or meta.site


def _menu_runs(head: list[Line], reasons: dict[int, str]) -> set[int]:
    """Indexes of runs of three or more short bullet, capital or one-word lines."""
    texts = [t for _, t in head]
    members: set[int] = set()
    index = 0
    while index < len(head):
        run = index
        while run < len(head) and head[run][0] not in reasons and short_item(texts[run]) \
                and (_BULLET.match(texts[run]) or texts[run].isupper() or stray_word(texts[run])):
            run += 1
        if run - index >= 3:
            members.update(range(index, run))
        index = max(run, index + 1)
    return members


def _leading(lines: list[Line], end: int, language: str, found: Chrome) -> None:
    """Strip the furniture above the first paragraph and choose the title among the rest.

    Menus, categories and stray words are taken for chrome above the title only: under it,
    a checklist or a one-word heading is the article's own (a category under the title
    counts when it stands in the byline's cluster)."""
    head = lines[:end]
    reasons = found.stripped
    metas: set[int] = set()
    for index, (number, text) in enumerate(head):
        meta = meta_line(text, language)
        if number in reasons:
            if meta is not None:  # a site rule took the line; its author and date still count
                _record_meta(found, meta)
            continue
        if meta is not None:
            metas.add(index)
            reasons[number] = meta.kind
            _record_meta(found, meta)
        elif _BYLINE_LABEL.match(text) and len(text) <= 160:
            reasons[number] = "byline"  # labelled as one, though what follows reads as no name
        elif breadcrumb(text):
            reasons[number] = "breadcrumb"
        elif menu_line(text):
            reasons[number] = "nav-menu"
        elif button(text):
            metas.add(index)  # beside a name, like a byline: "Tom Baker", "Follow"
            reasons[number] = "button"
        elif (reason := leftover(text)) is not None:
            reasons[number] = reason
    texts = [t for _, t in head]
    # Names next to a role, a byline or their own copy (avatar alt text, then the name).
    for index, (number, text) in enumerate(head):
        if number in reasons:
            continue
        neighbours = [texts[i] for i in (index - 1, index + 1) if 0 <= i < len(head)]
        beside_meta = bool(metas & {index - 1, index + 1})
        if role_like(text) and index > 0 and name_like(texts[index - 1]):
            reasons[number] = "author-role"
        elif name_like(text) and (text in neighbours or beside_meta or any(map(role_like, neighbours))):
            reasons[number] = "author-name"
            found.author = found.author or text
    menu = _menu_runs(head, reasons)
    items = {i for i, t in enumerate(texts) if head[i][0] not in reasons and (
        i in menu or _BULLET.match(t) and short_item(t) or stray_word(t) and texts.count(t) == 1)}
    title_index = _choose_title(lines, head, end, found, items)
    # No line of the head could be a title: all of it is the site's furniture.
    above = title_index if title_index is not None else len(head)
    for index in sorted(items):
        number, text = head[index]
        cluster = {reasons.get(head[i][0]) for i in (index - 1, index + 1) if 0 <= i < len(head)}
        if index < above:
            reasons[number] = ("nav-menu" if index in menu else "category" if _BULLET.match(text)
                               else "stray-word" if stray_word(text) else "site-header")
        elif _BULLET.match(text) and cluster & _BYLINE_CLUSTER:
            reasons[number] = "category"
        elif stray_word(text) and text.isascii() and text.islower():
            reasons[number] = "stray-word"  # 'preload': a widget's name, never a heading


_BYLINE_CLUSTER = {"byline", "date", "counter", "reading-time", "author-name", "author-role"}
_NOT_A_TITLE_END = re.compile(r"[。．.,，;；:：]$")
# "Tác giả: …", "Author: …", "作者：…": a byline, even when what follows is no name
_BYLINE_LABEL = re.compile(r"(?:tác\s*giả|người\s*viết|đăng\s*bởi|viết\s*bởi|author|written\s*by|posted\s*by|"
                           r"作者|撰文|撰稿|编辑|編輯)\s*[:：]", re.I)


def _choose_title(lines: list[Line], head: list[Line], end: int, found: Chrome, items: set[int]) -> int | None:
    """The title is the line the page repeats, or else the earliest one the body's words
    support about as well as the best; what stands above it is the site's header.
    Returns its index in `head`."""
    reasons = found.stripped
    candidates = [(i, n, t) for i, (n, t) in enumerate(head)
                  if n not in reasons and i not in items and len(t) <= 160 and not _NOT_A_TITLE_END.search(t)
                  and not _BYLINE_LABEL.match(t)]
    if not candidates:
        return None
    texts = [t for _, t in head]
    # A title says something: four words or more, when any line does (menu and category
    # entries, printed twice by many sites, are shorter).
    candidates = [c for c in candidates if words(c[2]) >= 4] or candidates
    repeated = [c for c in candidates if texts.count(c[2]) > 1]
    if repeated:
        chosen = repeated[0]
    else:
        first_meta = next((i for i, (n, _) in enumerate(head) if reasons.get(n) in
                           ("byline", "date", "author-name")), None)
        pool = [c for c in candidates if first_meta is None or c[0] < first_meta] or candidates
        body = set().union(*(_tokens(t) for _, t in lines[end:end + 30])) if end < len(lines) else set()
        support = {c: len(_tokens(c[2]) & body) for c in pool}
        # A site's name or a section above the title shares a word or two with the body,
        # a title shares many, and a first heading right under the title may share as many.
        best = max(support.values())
        chosen = next(c for c in pool if support[c] * 2 >= best)
    index, number, title = chosen
    found.title = (number, title)
    for n, text in head[:index]:
        reasons.setdefault(n, "site-header")
    for n, text in head[index + 1:]:
        if text == title:
            reasons.setdefault(n, "repeated-title")
    return index


def _table_of_contents(lines: list[Line], found: Chrome) -> None:
    """A header such as 'Mục lục' and the lines under it that repeat later headings in order
    (numbered entries between them too: a contents list may go a level deeper than the
    headings), or, without a header, a run of three or more short lines that do."""
    reasons = found.stripped
    keys = [toc_key(t) for _, t in lines]
    where: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        where.setdefault(key, []).append(position)
    index = 0
    while index < len(lines):
        has_header = _TOC_HEADER.fullmatch(lines[index][1]) is not None
        start = index + 1 if has_header else index
        cursor, after, matched, end = start, start, 0, start
        while cursor < len(lines) and _list_line(lines[cursor][1]) and keys[cursor]:
            later = where[keys[cursor]]
            next_at = later[bisect_right(later, max(after, cursor))] if later[-1] > max(after, cursor) else None
            if next_at is not None:
                after, matched, end = next_at, matched + 1, cursor + 1
            elif not (has_header and _NUMBERING.match(lines[cursor][1])):
                break
            cursor += 1
        if matched >= (1 if has_header else 3) and after >= end:
            for n, _ in lines[index:end]:
                reasons.setdefault(n, "table-of-contents")
            index = end
        else:
            index += 1


def _trailing(lines: list[Line], start: int, language: str, found: Chrome) -> None:
    """From the first trailing marker after which nothing but furniture and short link lines
    follow, everything to the end is stripped; a link line takes the reason above it."""
    reasons = found.stripped
    marks: dict[int, str | None] = {}  # index -> detector; read from the end, as far as needed

    def mark(index: int) -> str | None:
        if index not in marks:
            text = lines[index][1]
            marks[index] = trailing(text) or (m.kind if (m := meta_line(text, language)) else None)
        return marks[index]

    # Readers' comments and the author's biography are paragraphs too: whatever follows the
    # heading of either in the second half of the text belongs to it.
    half = max(start, len(lines) // 2)
    block_start = next((i for i in range(half, len(lines))
                        if _COMMENT_HEADING.fullmatch(lines[i][1]) or author_bio(lines[i][1])), None)
    for index in range(len(lines) - 1 if block_start is None else block_start, start - 1, -1):
        if mark(index) is not None:
            block_start = index
        elif lines[index][0] not in reasons and not _list_line(lines[index][1]):
            break
    # A name alone after the last paragraph signs the article: "Hà Linh", then the tags.
    last = (block_start if block_start is not None else len(lines)) - 1
    before = next((j for j in range(last - 1, start - 1, -1) if lines[j][0] not in reasons), None)
    if before is not None and name_like(lines[last][1]) and lines[last][0] not in reasons \
            and is_paragraph(lines[before][1]):
        reasons[lines[last][0]] = "author-signature"
        found.author = found.author or lines[last][1]
    if block_start is None:
        return
    reason = None
    for index in range(block_start, len(lines)):
        number, text = lines[index]
        reason = mark(index) or reasons.get(number) or reason
        reasons.setdefault(number, reason)
        if mark(index) is not None and (meta := meta_line(text, language)) is not None:
            _record_meta(found, meta)
        if mark(index) == "legal-contact" and found.site is None:
            found.site = site_from_copyright(text)


_COPYRIGHT_SITE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?"
                             r"(?P<site>[^.,|·–\-\s][^.,|·–\-]{1,59}?)\s*(?:[.,|·–\-].*)?$", re.I)
_SITE_END = re.compile(r"\s{2,}|\u3000|版权|版權|保留|all rights|bảo lưu|bản quyền|icp", re.I)


def site_from_copyright(text: str) -> str | None:
    """'© 2025 Góc Tiếp Thị. Bảo lưu mọi quyền.' -> 'Góc Tiếp Thị'."""
    match = _COPYRIGHT_SITE.search(text)
    site = _SITE_END.split(match["site"])[0].strip() if match else ""
    return site if len(site) >= 2 and not site.isdigit() else None


def find_chrome(lines: list[Line], language: str, by_rules: dict[int, str]) -> Chrome:
    """Every chrome line of a text with its reason, and the title, author, date and source
    the chrome held. `by_rules` are the lines the site rules stripped already: they keep
    their rule, and still show where the page's furniture is."""
    found = Chrome(stripped=dict(by_rules))
    for index, (number, text) in enumerate(lines):
        if see_also(text):
            # "Đọc thêm:" alone between two paragraphs (a rule may have taken it): the
            # linked title is the next line
            found.stripped.setdefault(number, "see-also")
            following = lines[index + 1] if index + 1 < len(lines) else None
            if following and _list_line(following[1]) and not is_paragraph(following[1]):
                found.stripped.setdefault(following[0], "see-also")
        elif number not in found.stripped:
            reason = leftover(text) or next((_name(d) for d in ANYWHERE if d(text)), None)
            if reason:
                found.stripped[number] = reason
    _table_of_contents(lines, found)
    end = _first_paragraph(lines, found.stripped)
    _leading(lines, end, language, found)
    _trailing(lines, end, language, found)
    if found.title is None:  # a repost that names its title only as "原标题：…"
        found.title = next(((n, match["title"].strip()) for n, t in lines[:max(end, 1)]
                            if (match := _ORIGINAL_TITLE.fullmatch(t))), None)
    return found


_ORIGINAL_TITLE = re.compile(r"(?:原标题|原標題|原文标题|原文標題)\s*[:：]\s*(?P<title>.{2,120})")
