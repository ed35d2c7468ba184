"""Export quiz banks to Moodle GIFT, one file per bank and locale.

GIFT reference: https://docs.moodle.org/en/GIFT_format. Moodle has no ordering question in
GIFT, so an order item is exported as a matching question (position -> step), and the file
says so in a comment above it.
"""

from __future__ import annotations

from crosstrain.quiz.model import BLANK, Bank, Item
from crosstrain.render.quizviews import localized

# Moodle accepts only these percentages for partial credit.
_MOODLE_WEIGHTS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
                   "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5")


def escape(text: str) -> str:
    """GIFT's special characters are ~ = # { } : and the backslash itself; line breaks are \\n."""
    out = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _formatted(text: str) -> str:
    """Text with **bold** (emphasised negations) goes out as Moodle's [markdown] format."""
    return "[markdown]" + escape(text) if "**" in text else escape(text)


def _weight(count: int) -> str:
    exact = 100 / count
    return min(_MOODLE_WEIGHTS, key=lambda w: abs(float(w) - exact))


def gift_item(item: Item, locale_code: str, number: int) -> str:
    t = lambda text: localized(text, locale_code)  # noqa: E731
    title = f"::{escape(item.id)}::"
    general = f"####{escape(t(item.explanation))}"
    feedback = lambda o: f"#{escape(t(o.feedback))}" if t(o.feedback) else ""  # noqa: E731
    stem = t(item.stem)
    if item.type == "true_false":
        return f"{title}{_formatted(stem)} {{{'TRUE' if item.answer else 'FALSE'}{general}}}"
    if item.type == "single":
        answers = " ".join(("=" if o.correct else "~") + escape(t(o.text)) + feedback(o) for o in item.options)
        return f"{title}{_formatted(stem)} {{{answers} {general}}}"
    if item.type == "multiple":
        right = sum(1 for o in item.options if o.correct)
        wrong = len(item.options) - right
        answers = " ".join(
            f"~%{_weight(right) if o.correct else '-' + _weight(wrong)}%" + escape(t(o.text)) + feedback(o)
            for o in item.options)
        return f"{title}{_formatted(stem)} {{{answers} {general}}}"
    if item.type == "cloze":
        before, _, after = stem.partition(BLANK)
        answers = " ".join(("=" if o.correct else "~") + escape(t(o.text)) + feedback(o) for o in item.options)
        return f"{title}{_formatted(before)}{{{answers} {general}}}{escape(after) or ' '}"
    if item.type == "match":
        pairs = " ".join(f"={escape(t(p.text))} -> {escape(t(item.options[item.answer[i]].text))}"
                         for i, p in enumerate(item.prompts))
        return f"{title}{_formatted(stem)} {{{pairs} {general}}}"
    if item.type == "order":
        pairs = " ".join(f"={position} -> {escape(t(item.options[index].text))}"
                         for position, index in enumerate(item.answer, start=1))
        return (f"// {item.id}: an ordering question, exported as matching (GIFT has no ordering type):\n"
                f"// match each position (1 = first) with its step.\n"
                f"{title}{_formatted(stem)} {{{pairs} {general}}}")
    raise ValueError(f"no GIFT form for item type {item.type!r}")


def gift_bank(bank: Bank, locale_code: str) -> str:
    lines = [f"// crosstrain quiz bank {bank.name}, locale {locale_code}",
             "// Import in Moodle: Question bank > Import > GIFT format.",
             "", f"$CATEGORY: $course$/top/crosstrain/{bank.name}/{locale_code}", ""]
    for number, item in enumerate(bank.items, start=1):
        lines += [gift_item(item, locale_code, number), ""]
    return "\n".join(lines)
