"""Export quiz banks to Moodle GIFT, one file per bank and locale.

GIFT reference: https://docs.moodle.org/en/GIFT_format. Moodle has no ordering question in
GIFT, so an order item is exported as a matching question (position -> step), and the file
says so in a comment above it.
"""

from __future__ import annotations

from crosstrain.export.item import LocalItem
from crosstrain.quiz.model import Bank, Item

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


def moodle_weight(count: int) -> str:
    """The Moodle partial-credit percentage nearest to an equal share of 100 among `count` options."""
    exact = 100 / count
    return min(_MOODLE_WEIGHTS, key=lambda w: abs(float(w) - exact))


def gift_item(item: Item, locale_code: str, number: int) -> str:
    view = LocalItem(item, locale_code)
    title = f"::{escape(item.id)}::"
    general = f"####{escape(view.explanation)}"
    feedback = lambda o: f"#{escape(o.feedback)}" if o.feedback else ""  # noqa: E731
    stem = view.stem
    if item.type == "true_false":
        return f"{title}{_formatted(stem)} {{{'TRUE' if item.answer else 'FALSE'}{general}}}"
    if item.type == "single":
        answers = " ".join(("=" if o.correct else "~") + escape(o.text) + feedback(o) for o in view.options)
        return f"{title}{_formatted(stem)} {{{answers} {general}}}"
    if item.type == "multiple":
        right = sum(1 for o in view.options if o.correct)
        wrong = len(view.options) - right
        answers = " ".join(
            f"~%{moodle_weight(right) if o.correct else '-' + moodle_weight(wrong)}%" + escape(o.text) + feedback(o)
            for o in view.options)
        return f"{title}{_formatted(stem)} {{{answers} {general}}}"
    if item.type == "cloze":
        before, after = view.cloze_parts
        answers = " ".join(("=" if o.correct else "~") + escape(o.text) + feedback(o) for o in view.options)
        return f"{title}{_formatted(before)}{{{answers} {general}}}{escape(after) or ' '}"
    if item.type == "match":
        pairs = " ".join(f"={escape(prompt)} -> {escape(option)}" for prompt, option in view.pairs)
        return f"{title}{_formatted(stem)} {{{pairs} {general}}}"
    if item.type == "order":
        pairs = " ".join(f"={position} -> {escape(step)}" for position, step in view.pairs)
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
