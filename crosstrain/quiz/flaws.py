"""Item-writing flaws, written once: used by the checker to find them and by the
generator to avoid them."""

from __future__ import annotations

import re
import unicodedata

# "All of the above" / "none of the above" in every language we write items in.
ALL_OR_NONE = re.compile(
    r"\b(all|none|both|neither) of the (above|options|answers)\b"
    r"|tất cả (các|những) (đáp án|câu|phương án|ý) (trên|đều đúng|đều sai)|(không|chẳng) (đáp án|phương án|câu) nào (đúng|ở trên)"
    r"|cả [^.?!]{0,30} đều (đúng|sai)|tất cả đều (đúng|sai)"
    r"|以上(都|皆|均|全)(是|非|对|對|不是|不对|不對|错|錯|正确|正確)|以上(都|皆|均)?(没有|沒有|無)|全部(都)?(正确|正確)",
    re.IGNORECASE,
)

# Every ALL_OR_NONE match contains one of these: a cheap test that spares most texts the regex.
_NEEDLES = ("above", "of the options", "of the answers", "trên", "đều đúng", "đều sai", "nào đúng", "以上", "全部")


def says_all_or_none(text: str) -> str | None:
    lowered = text.lower()
    if not any(needle in lowered for needle in _NEEDLES):
        return None
    match = ALL_OR_NONE.search(text)
    return match.group(0) if match else None


# Negations that a stem must emphasise (in capitals or **bold**) so a reader cannot miss them.
NEGATION = {
    "en": re.compile(r"\b(not|never|cannot|except)\b(?!\s+only\b)|\b\w+n't\b"),
    # "… hay không?" / "… không?" at the end asks a yes/no question; it negates nothing
    # "không ngừng" (constantly), "không thể thiếu" (indispensable), "không chỉ … mà còn"
    # (not only … but also), "không ít" (quite a few) negate nothing
    "vi": re.compile(r"\b(không|chẳng|chưa)\b(?!\s*\?)(?<!hay không)"
                     r"(?!\s+(ngừng|tách rời|thể thiếu|chỉ|những|ít|kém)\b)"),
    # 不断, 不仅, 不同, 不管, 不少, 不论 … are words of their own, not negations
    # 不可或缺 (indispensable), 不停, 不错 likewise; 不得不 (have to) is a double negation
    "zh": re.compile(r"(?<!不得)不(?![断斷仅僅同管少论論过過久妨如停错錯]|得不|可或缺|可分割)|没有|沒有|并非|並非|无法|無法"),
}
_EMPHASISED = re.compile(r"\*\*[^*]+\*\*")


def unemphasised_negations(text: str, language: str) -> list[str]:
    """The negations in a stem that are neither in capitals nor inside **bold**."""
    plain = _EMPHASISED.sub(" ", text)
    return [m.group(0) for m in NEGATION[language].finditer(plain)]


# A Chinese negation with the word it belongs to, so bold stops at a word boundary and never
# inside one (**不是**, **不能**, not **不**是).
_ZH_NEGATION_WORD = re.compile(
    NEGATION["zh"].pattern.replace("|可分割)", "|可分割)(?:需要|应该|應該|一定|是|能|会|會|要|必|用|需|该|該|应|應|可|再|够|夠|太|想|愿|願|得)?", 1))


def emphasise_negations(text: str, language: str) -> str:
    """Negations in capitals (vi, en) or bold (zh, the whole word), as item-writing guides
    ask for."""
    if language == "zh":
        return _ZH_NEGATION_WORD.sub(lambda m: f"**{m.group(0)}**", text)
    return NEGATION[language].sub(lambda m: m.group(0).upper(), text)


def fold_option(text: str) -> str:
    """Options that fold to the same string look identical to a learner: NFC, full/half
    width (NFKC), case and spacing."""
    folded = unicodedata.normalize("NFKC", text).casefold()  # NFKC composes, as NFC does
    return " ".join(folded.split()).strip(" .。!！")
