"""Body lines -> blocks: paragraphs, headings, numbered steps and their labelled parts."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from crosstrain.model import HEADING, LIST_ITEM, PARAGRAPH, PART, STEP

_ORDINAL = re.compile(
    r"^(?:(?:bước|step|phần|part)\s*)?\d{1,2}\s*[.)、:：]\s*\S"
    r"|^第[一二三四五六七八九十百]+\s*[:：、,，.．]?"
    r"|^[一二三四五六七八九十]+\s*[、.．]",
    re.IGNORECASE,
)
# "Mô tả: …", "Lưu ý: …", "Note: …", "注意：…": a short label, then a colon.
_LABEL = re.compile(r"^(?P<label>[^\s:：,，.。]+(?: [^\s:：,，.。]+){0,2})\s*[:：]\s*\S")
_SENTENCE_END = re.compile(r"[。．.;；:：,，…!！]$")
_HEADING_MAX = 100
_PARAGRAPH_END = re.compile(r"[。．.!！?？…」”\"]$")


@dataclass(frozen=True)
class RawBlock:
    kind: str
    text: str
    line: int


def _joiner(language: str) -> str:
    return "" if language == "zh" else " "


def unwrap(lines: list[tuple[int, str]], blank_after: set[int], language: str) -> list[tuple[int, str]]:
    """Join hard-wrapped lines (plain-text copies wrapped at ~72 columns) into paragraphs.

    A file is hard-wrapped when its lines are short and uniform and most of them run on
    into the next line without a blank between; web copies keep one paragraph per line.
    """
    if len(lines) < 4:
        return lines
    lengths = [len(t) for _, t in lines]
    runs_on = sum(1 for n, _ in lines[:-1] if n not in blank_after)
    # A paste keeps one paragraph per line, so most of its lines end a sentence; a wrapped
    # text breaks mid-sentence. Chinese paragraphs are often as short as wrapped lines.
    sentence_ends = sum(1 for _, t in lines if _PARAGRAPH_END.search(t))
    wrapped = (max(lengths) <= 100 and statistics.median(lengths) >= 40 and runs_on > len(lines) * 0.5
               and sentence_ends < len(lines) * 0.5)
    if not wrapped:
        return lines
    joined: list[tuple[int, str]] = []
    for number, text in lines:
        starts_new = (
            not joined
            or joined[-1][0] in blank_after
            or _ORDINAL.match(text)
            or text[:2] in ("- ", "* ", "• ")
        )
        if starts_new:
            joined.append((number, text))
        else:
            first, previous = joined[-1]
            joined[-1] = (first, previous + _joiner(language) + text)
        # remember the last physical line of the paragraph for blank-line checks
        if not starts_new and number in blank_after:
            blank_after.add(joined[-1][0])
    return joined


def _is_heading(text: str, following: str | None) -> bool:
    return (
        following is not None
        and len(text) <= _HEADING_MAX
        and not _SENTENCE_END.search(text)
        and len(following) > len(text)
        and not _LABEL.match(text)
        and text[:2] not in ("- ", "* ", "• ")  # a list's item, not a heading
    )


def segment(body: list[tuple[int, str]]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    in_step = False
    for index, (number, text) in enumerate(body):
        following = body[index + 1][1] if index + 1 < len(body) else None
        if _ORDINAL.match(text):
            next_is_ordinal = following is not None and _ORDINAL.match(following)
            if _SENTENCE_END.search(text) or next_is_ordinal or following is None:
                kind = LIST_ITEM
            else:
                kind = STEP
            in_step = kind == STEP
        elif in_step and _LABEL.match(text) and len(_LABEL.match(text)["label"]) <= 20:
            kind = PART
        elif _is_heading(text, following):
            kind, in_step = HEADING, False
        else:
            kind = PARAGRAPH
        blocks.append(RawBlock(kind, text, number))
    return blocks
