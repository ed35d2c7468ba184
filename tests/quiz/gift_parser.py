"""A strict parser for the GIFT subset crosstrain writes: it rejects anything Moodle could
misread (an unescaped special character in a text, a weight Moodle does not accept)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:"
MOODLE_WEIGHTS = {"100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
                  "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5"}


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    text: str
    correct: bool
    weight: str | None = None
    feedback: str = ""
    match: str | None = None


@dataclass
class Question:
    title: str
    text: str
    answers: list[Answer] = field(default_factory=list)
    general: str = ""
    kind: str = ""
    category: str = ""
    tail: str = ""


def unescape(text: str, where: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text):
                raise GiftError(f"{where}: dangling backslash")
            nxt = text[i + 1]
            if nxt == "n":
                out.append("\n")
            elif nxt in SPECIAL + "\\":
                out.append(nxt)
            else:
                raise GiftError(f"{where}: unknown escape \\{nxt}")
            i += 2
            continue
        if ch in SPECIAL:
            raise GiftError(f"{where}: unescaped {ch!r} in {text[:40]!r}")
        out.append(ch)
        i += 1
    return "".join(out)


def split_unescaped(text: str, pattern: str) -> list[str]:
    """Split on a regex that only matches where the preceding backslashes are even."""
    parts, start = [], 0
    for m in re.finditer(pattern, text):
        backslashes = len(text[:m.start()]) - len(text[:m.start()].rstrip("\\"))
        if backslashes % 2 == 0:
            parts.append(text[start:m.start()])
            start = m.start()
    parts.append(text[start:])
    return parts


def find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def parse_question(line: str, category: str) -> Question:
    if not line.startswith("::"):
        raise GiftError(f"question without a ::title:: {line[:40]!r}")
    end = find_unescaped(line, ":", 2)
    if end < 0 or line[end:end + 2] != "::":
        raise GiftError(f"unterminated title in {line[:40]!r}")
    title = unescape(line[2:end], "title")
    rest = line[end + 2:]
    open_at = find_unescaped(rest, "{")
    close_at = find_unescaped(rest, "}", open_at + 1)
    if open_at < 0 or close_at < 0:
        raise GiftError(f"{title}: no answer block")
    text = rest[:open_at]
    if text.startswith("[markdown]"):
        text = text[len("[markdown]"):]
    question = Question(title, unescape(text.rstrip(), f"{title} text"), category=category,
                        tail=unescape(rest[close_at + 1:].strip(), f"{title} tail"))
    body = rest[open_at + 1:close_at].strip()
    general_parts = body.split("####")
    if len(general_parts) > 2:
        raise GiftError(f"{title}: more than one general feedback")
    if len(general_parts) == 2:
        question.general = unescape(general_parts[1].strip(), f"{title} general feedback")
    body = general_parts[0].strip()
    if body in ("TRUE", "FALSE", "T", "F"):
        question.kind = "true_false"
        question.answers = [Answer(body, True)]
        return question
    for chunk in [c for c in split_unescaped(body, r"[=~]") if c.strip()]:
        marker, content = chunk[0], chunk[1:].strip()
        if marker not in "=~":
            raise GiftError(f"{title}: answer without = or ~: {chunk[:30]!r}")
        weight = None
        m = re.match(r"%(-?[0-9.]+)%", content)
        if m:
            weight, content = m.group(1), content[m.end():]
            if weight.lstrip("-") not in MOODLE_WEIGHTS:
                raise GiftError(f"{title}: weight {weight} is not one Moodle accepts")
        pieces = split_unescaped(content, r"#")
        answer_text, feedback = pieces[0], "".join(pieces[1:])[1:] if len(pieces) > 1 else ""
        match = None
        if "->" in answer_text:
            left, right = answer_text.split("->", 1)
            answer_text, match = left.strip(), unescape(right.strip(), f"{title} match")
        question.answers.append(Answer(unescape(answer_text.strip(), f"{title} answer"), marker == "=" or
                                       (weight is not None and not weight.startswith("-")), weight,
                                       unescape(feedback.strip(), f"{title} feedback"), match))
    if any(a.match is not None for a in question.answers):
        if not all(a.match is not None and a.correct for a in question.answers) or len(question.answers) < 3:
            raise GiftError(f"{title}: a matching question needs at least 3 '=a -> b' pairs")
        question.kind = "match"
    elif any(a.weight for a in question.answers):
        total = sum(float(a.weight) for a in question.answers if a.correct)
        if abs(total - 100) > 0.01:
            raise GiftError(f"{title}: right answers weigh {total}, not 100")
        question.kind = "multiple"
    else:
        if sum(a.correct for a in question.answers) != 1:
            raise GiftError(f"{title}: a choice question needs exactly one =answer")
        question.kind = "cloze" if question.tail else "single"
    return question


def parse_gift(text: str) -> list[Question]:
    questions, category = [], ""
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("$CATEGORY:"):
            category = line[len("$CATEGORY:"):].strip()
            continue
        try:
            questions.append(parse_question(line, category))
        except GiftError as exc:
            raise GiftError(f"line {number}: {exc}") from None
    return questions
