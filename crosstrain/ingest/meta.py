"""Metadata lines of a web page copied as text: bylines, dates, counters, reading times.

A line such as `Đăng ngày 08/04/2025 bởi Minh Thư · 6 phút đọc` or
`发布时间：2024-03-05 10:20  浏览次数：1234` is cut into segments; the line is page
furniture when every segment is one of the kinds below, and its author and date are kept.
Independent of any site: the words are those of the three languages' blog engines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VI_MONTHS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
              "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_EN_MONTHS = {m: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1) for m in (name, name[:3])}
_EN_MONTHS["sept"] = 9
_EN_MONTH = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_VI_MONTH = "|".join(sorted(_VI_MONTHS, key=len, reverse=True))

# Each date form with the order of its groups (y, m, d).
_DATES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?"), "ymd"),
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), "dmy"),  # en: mdy, see _iso
    (re.compile(r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2}|" + _VI_MONTH + r")\s*(?:năm|,)?\s*(\d{4})",
                re.I), "dmy"),
    (re.compile(r"tháng\s*(\d{1,2}|" + _VI_MONTH + r")\s+(\d{1,2}),?\s*(\d{4})", re.I), "mdy"),
    (re.compile(r"(" + _EN_MONTH + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I), "mdy"),
    (re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(" + _EN_MONTH + r")\.?,?\s+(\d{4})", re.I), "dmy"),
)
_TIME = re.compile(r"(?:上午|下午)?\s*\d{1,2}[:h：]\d{2}(?:[:：]\d{2})?\s*(?:am|pm|sa|ch|giờ)?|\d{1,2}\s*(?:am|pm)|"
                   r"\(?\s*(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?",
                   re.I)
_RELATIVE = re.compile(r"\d+\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm|seconds?|minutes?|mins?|hours?|"
                       r"days?|weeks?|months?|years?|秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)\s*"
                       r"(?:trước|ago|前)|yesterday|today|hôm qua|hôm nay|昨天|今天|刚刚|剛剛", re.I)
_WEEKDAY = re.compile(r"thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
                      r"(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]", re.I)
_DATE_LABEL = re.compile(
    r"đăng\s*(?:ngày|lúc|vào)?|ngày\s*(?:đăng|viết|cập nhật|xuất bản)|cập\s*nhật(?:\s*lần\s*cuối)?|"
    r"xuất\s*bản|thời\s*gian|ngày|lúc|vào|posted(?:\s*on)?|published(?:\s*on)?|updated(?:\s*on)?|"
    r"last\s*(?:updated|modified)(?:\s*on)?|modified(?:\s*on)?|on|at|date|"
    r"发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|发表时间|發表時間|发表于|發表於|发布于|發佈於|"
    r"(?:发布|發佈|發布|发表|發表|更新|刊登|上传|上傳|编辑|編輯|修改)(?:时间|時間|日期|于|於)|"
    r"(?:发布|發佈|發布|发表|發表|更新|刊登|上传|上傳)|日期|时间|時間|于|於", re.I)
_AUTHOR = re.compile(
    r"(?:bởi|by|viết bởi|đăng bởi|tác\s*giả|người\s*viết|biên\s*tập(?:\s*viên)?|written\s*by|posted\s*by|"
    r"author|作者|文|撰文|撰稿|编辑|編輯|责任编辑|責任編輯|责编|責編|记者|記者|编者|編者)"
    r"\s*[:：/／|]?\s*(?P<name>[^\s:：/／|·•,，0-9][^:：/／|·•,，0-9]{0,40})$", re.I)
_COUNTER = re.compile(
    r"[\d.,]+\s*[kKmM万萬]?\s*(?:lượt\s*(?:xem|thích|chia sẻ|đọc)|lượt|bình\s*luận|views?|likes?|"
    r"comments?|shares?|reads?|followers?|người theo dõi|粉丝|粉絲|次(?:浏览|瀏覽|阅读|閱讀)?|人(?:阅读|閱讀|浏览|瀏覽|看过|看過)|"
    r"阅读|閱讀|浏览|瀏覽|赞|讚|评论|評論|条评论|條評論)"
    r"|[\d.,]+\s*[kK万萬]?\s*人(?:赞同|贊同|点赞|點讚|收藏|喜欢|喜歡)(?:了该文章|了該文章)?"
    r"|(?:lượt\s*xem|lượt\s*thích|views?|likes?|comments?|bình\s*luận|浏览(?:次数|量)?|瀏覽(?:次數|量)?|"
    r"阅读(?:次数|量)?|閱讀(?:次數|量)?|点击(?:数|量)?|點擊(?:數|量)?|点赞数?|點讚數?|赞数|讚數|赞同|贊同|收藏|"
    r"喜欢|喜歡|转发|轉發|评论|評論|人气|人氣)"
    r"\s*[:：]?\s*\(?[\d.,]+\s*[kK万萬]?\)?\s*次?", re.I)
_READING = re.compile(
    r"(?:khoảng\s*|about\s*|约\s*|約\s*)?\d+\s*(?:phút\s*đọc|min(?:ute)?s?\s*read|分钟阅读|分鐘閱讀|分钟读完|分鐘讀完)"
    r"|(?:thời\s*gian\s*đọc|reading\s*time|read\s*time|阅读时间|閱讀時間|预计阅读|預計閱讀|阅读需要|閱讀需要)"
    r"\s*[:：]?\s*(?:khoảng|about|约|約|大约|大約)?\s*\d+\s*(?:phút|min(?:ute)?s?|分钟|分鐘)", re.I)
_SOURCE = re.compile(r"(?:来源|來源|出处|出處|nguồn|source)\s*[:：]\s*(?P<value>.{2,60})", re.I)
_CATEGORY = re.compile(r"(?:(?:chuyên\s*mục|danh\s*mục|category|categories|分类|分類|栏目|欄目)\s*[:：]|"
                       r"(?:filed\s*under|posted\s*in|đăng\s*trong)\s*[:：]?)\s*.{1,60}", re.I)
# Segments are cut at bullets, bars and spaced dashes; Chinese fields at runs of spaces.
_SEPARATORS = re.compile(r"\s*[|｜·•●∙・]\s*|\s+[-–—]\s+|\s{2,}|\u3000+")
_ZH_FIELD = re.compile(r"\s+(?=[\u4e00-\u9fff]{2,5}\s*[:：])")
# Fields a page prints with one space between them ("Tác giả: Lê Hoàng 20/05/2024 1.532 lượt
# xem"): cut before a date, a counter or a field label when the whole does not read as one.
_SOFT_SPLIT = re.compile(
    r"\s+(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[-/.年]\d{1,2}|[\d.,]+\s*[kK万萬]?\s*(?:lượt|views?|likes?|comments?|"
    r"bình luận|shares?|次|人|阅读|閱讀|浏览|瀏覽))"
    r"|(?<!\d)\s+(?=(?:tác giả|người viết|đăng bởi|bởi|by|posted|published|updated|cập nhật|ngày đăng|lượt xem|views)\b)"
    r"|\s+(?=作者|来源|來源|阅读|閱讀|浏览|瀏覽|发布|發佈|發布|收藏|点赞|點讚|赞同|贊同|评论|評論|ip\s*属地|ip\s*屬地)", re.I)
# "IP 属地北京": the province a Chinese platform prints beside the date
_IP_PLACE = re.compile(r"ip\s*(?:属地|屬地)\s*[:：]?\s*\S{1,10}", re.I)
_LABEL_ONLY = re.compile(r"[\s:：,，.。\-–—/()（）\[\]]*")


# A WeChat article's head: "原创 张三 营销圈 2024-03-02 08:00" (label, author, account, date).
_WECHAT = re.compile(r"原创\s+(?P<author>\S{1,20})\s+(?P<site>\S{1,30})\s+(?P<rest>.*\d.*)")


@dataclass(frozen=True)
class MetaLine:
    kind: str  # byline / date / counter / reading-time / source / category
    author: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    source: str | None = None
    site: str | None = None


def _iso(match: re.Match, order: str, language: str) -> str | None:
    groups = dict(zip(order, match.groups()))
    month = groups["m"]
    if not month.isdigit():
        month = _EN_MONTHS.get(month.lower().rstrip(".")) or _VI_MONTHS.get(" ".join(month.lower().split()))
    year, month, day = int(groups["y"]), int(month), int(groups["d"])
    if order == "dmy" and language == "en" and match.group(2).isdigit() and match.group(1).isdigit():
        month, day = day, month  # 04/08/2025 in an English page is April 8
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_date(text: str, language: str) -> tuple[str | None, str]:
    """The first date in the text (ISO) and the text without it and without times."""
    for pattern, order in _DATES:
        match = pattern.search(text)
        if match:
            rest = text[:match.start()] + " " + text[match.end():]
            return _iso(match, order, language), _TIME.sub(" ", rest)
    return None, text


def _is_empty(text: str) -> bool:
    return _LABEL_ONLY.fullmatch(text) is not None


def _date_segment(segment: str, language: str) -> tuple[bool, str | None]:
    """(is a date or time segment, ISO date)."""
    date, rest = find_date(segment, language)
    if date is None:
        rest = _TIME.sub(" ", _RELATIVE.sub(" ", segment))
        if rest == segment:
            return False, None
    rest = _DATE_LABEL.sub(" ", _WEEKDAY.sub(" ", rest))
    return _is_empty(rest), date


# "(Theo Tuổi Trẻ)", "Theo VnExpress": the newspaper a Vietnamese repost names.
_THEO = re.compile(r"\(?\s*[Tt]heo\s+(?P<value>[A-ZĐ0-9][^\s()]*(?:\s+[A-ZĐ0-9][^\s()]*){0,4})\s*\)?\.?")


def classify_segment(segment: str, language: str) -> MetaLine | None:
    segment = segment.strip().strip("()（）[]【】").strip()
    theo = _THEO.fullmatch(segment)
    if theo and language == "vi":
        return MetaLine("source", source=theo["value"])
    if _READING.fullmatch(segment):
        return MetaLine("reading-time")
    if _COUNTER.fullmatch(segment) or _IP_PLACE.fullmatch(segment):
        return MetaLine("counter")
    if _CATEGORY.fullmatch(segment):
        return MetaLine("category")
    source = _SOURCE.fullmatch(segment)
    if source:
        return MetaLine("source", source=source["value"].strip())
    is_date, date = _date_segment(segment, language)
    if is_date:
        return MetaLine("date", date=date)
    # "Đăng ngày 08/04/2025 bởi Minh Thư": a date, then an author in the same segment
    date, rest = find_date(segment, language)
    rest = " ".join(_DATE_LABEL.sub(" ", _WEEKDAY.sub(" ", rest)).split()) if date else segment
    author = _AUTHOR.fullmatch(rest)
    if author and len(author["name"].split()) <= 5:
        return MetaLine("byline", author=author["name"].strip(), date=date)
    return None


def meta_line(text: str, language: str) -> MetaLine | None:
    """The line as one metadata line, or None when any part of it is something else."""
    if len(text) > 160:
        return None
    wechat = _WECHAT.fullmatch(text)
    if wechat:
        is_date, date = _date_segment(wechat["rest"], language)
        return MetaLine("byline", author=wechat["author"], date=date, site=wechat["site"]) if is_date else None
    segments = [s for part in _SEPARATORS.split(text) for s in _ZH_FIELD.split(part) if s.strip()]
    if not segments:
        return None
    found: list[MetaLine | None] = []
    for segment in segments:
        whole = classify_segment(segment, language)
        found += [whole] if whole else [classify_segment(p, language) for p in _SOFT_SPLIT.split(segment) if p.strip()]
    if any(f is None for f in found):
        return None
    kinds = [f.kind for f in found]
    kind = next((k for k in ("byline", "date", "counter", "reading-time", "source", "category") if k in kinds))
    return MetaLine(
        kind,
        author=next((f.author for f in found if f.author), None),
        date=next((f.date for f in found if f.date), None),
        source=next((f.source for f in found if f.source), None),
    )
