"""Export quiz banks as Moodle XML: one file per bank carrying every language.

Format of record: Moodle's question/format/xml/format.php (qformat_xml) and, for order
items, the `ordering` question type (qtype_ordering, a plugin standard in Moodle 4.4+):
- single, multiple -> `multichoice` (per-option feedback; `multiple` gets Moodle's partial
  credit weights, the same as the GIFT export);
- true_false -> `truefalse`;
- match -> `matching` (one `subquestion` per prompt);
- order -> `ordering` (answers listed in the right order; ordering_fallback=True writes a
  `matching` question "position -> step" instead, for sites without the plugin);
- cloze -> `gapselect` (the blank is the gap [[1]]; gapselect has no per-choice feedback,
  so the right option's feedback goes to `correctfeedback` and each wrong option's, named,
  to `incorrectfeedback`).
Every text is `<span lang=".." class="multilang">…</span>` once per locale (Moodle's
multilang filter, which must be enabled for content and headings, shows the learner's
language). Question names are our item ids; categories are per essay bank, per module
and per module objective.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable

from crosstrain.export.gift import moodle_weight
from crosstrain.export.item import LocalItem
from crosstrain.locales import LOCALE_CODES
from crosstrain.quiz.model import BLANK, Bank, Item
from crosstrain.render.quizviews import quiz_html

# Moodle's language pack codes for our locales (what `lang` must say for the multilang filter).
MOODLE_LANG = {"vi": "vi", "en": "en", "zh": "zh_cn", "zh-Hant": "zh_tw"}
GAP = "[[1]]"

Cite = Callable[[Item, str], str]  # (item, locale) -> HTML of the source line in that locale


def multilang(texts: dict[str, str]) -> str:
    """One text per locale, as the multilang filter wants it (locale order: vi first, so a
    site without the filter still shows one language and not all four run together)."""
    return "".join(f'<span lang="{MOODLE_LANG[code]}" class="multilang">{texts[code]}</span>'
                   for code in LOCALE_CODES)


def _views(item: Item) -> tuple[LocalItem, ...]:
    return tuple(LocalItem(item, code) for code in LOCALE_CODES)


def _each(views: tuple[LocalItem, ...], text: Callable[[LocalItem], str]) -> str:
    return multilang({view.locale: text(view) for view in views})


def _html(text: str) -> str:
    return str(quiz_html(text))


def _plain(text: str) -> str:
    return html.escape(text, quote=False)


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html", **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, ({"format": fmt} if fmt else {}) | attrs)
    ET.SubElement(element, "text").text = value
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def category(bank: Bank, item: Item, objectives: dict[str, list[str]]) -> str:
    """Moodle category path: per essay bank; per module, then per objective the item tests."""
    if bank.module:
        tested = objectives.get(item.id)
        return f"$course$/top/crosstrain/modules/{bank.module}" + (f"/{tested[0]}" if tested else "")
    return f"$course$/top/crosstrain/essays/{bank.essay or bank.name}"


def _header(quiz: ET.Element, views: tuple[LocalItem, ...], qtype: str, stem: str, cite: Cite) -> ET.Element:
    item = views[0].item
    q = ET.SubElement(quiz, "question", type=qtype)
    _text(q, "name", item.id, fmt=None)
    _text(q, "questiontext", stem)
    _text(q, "generalfeedback", _each(views, lambda v: f"<p>{_html(v.explanation)}</p>{cite(item, v.locale)}"))
    _value(q, "defaultgrade", "1")
    _value(q, "penalty", "0.3333333")
    _value(q, "hidden", "0")
    _value(q, "idnumber", item.id)
    return q


def _feedback(element: ET.Element, text: str) -> None:
    _text(element, "feedback", text)


def _combined(q: ET.Element, correct: str = "", incorrect: str = "") -> None:
    _text(q, "correctfeedback", correct)
    _text(q, "partiallycorrectfeedback", "")
    _text(q, "incorrectfeedback", incorrect)


def question(quiz: ET.Element, item: Item, cite: Cite, ordering_fallback: bool = False) -> None:
    views = _views(item)
    stem = _each(views, lambda v: _html(v.stem))
    if item.type in ("single", "multiple"):
        q = _header(quiz, views, "multichoice", stem, cite)
        _value(q, "single", "true" if item.type == "single" else "false")
        _value(q, "shuffleanswers", "true")
        _value(q, "answernumbering", "ABCD")
        _combined(q)
        right = len(item.keys)
        wrong = len(item.options) - right
        for i, option in enumerate(item.options):
            if item.type == "single":
                fraction = "100" if option.correct else "0"
            else:
                fraction = moodle_weight(right) if option.correct else "-" + moodle_weight(wrong)
            answer = _text(q, "answer", _each(views, lambda v: _html(v.options[i].text)), fraction=fraction)
            _feedback(answer, _each(views, lambda v: _html(v.options[i].feedback)))
    elif item.type == "true_false":
        q = _header(quiz, views, "truefalse", stem, cite)
        for value in (True, False):
            answer = _text(q, "answer", "true" if value else "false", fmt="moodle_auto_format",
                           fraction="100" if item.answer is value else "0")
            _feedback(answer, "")
    elif item.type == "match" or (item.type == "order" and ordering_fallback):
        q = _header(quiz, views, "matching", stem, cite)
        _value(q, "shuffleanswers", "true")
        _combined(q)
        for n in range(len(item.answer) if item.type == "order" else len(item.prompts)):
            sub = _text(q, "subquestion", _each(views, lambda v: _html(v.pairs[n][0])))
            # matching answers are plain text in Moodle; the filter still picks the language
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = _each(views, lambda v: _plain(v.pairs[n][1]))
    elif item.type == "order":
        q = _header(quiz, views, "ordering", stem, cite)
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"),
                           ("numberingstyle", "none")):
            _value(q, tag, value)
        _combined(q)
        for position, index in enumerate(item.answer, start=1):
            _text(q, "answer", _each(views, lambda v: _html(v.options[index].text)), fraction=str(position))
    elif item.type == "cloze":
        stem = _each(views, lambda v: _html(v.stem).replace(str(quiz_html(BLANK)), GAP))
        q = _header(quiz, views, "gapselect", stem, cite)
        _value(q, "shuffleanswers", "1")
        key = item.keys[0]
        order = [key] + [i for i in range(len(item.options)) if i != key]  # choice 1 fills the gap
        _combined(q, _each(views, lambda v: _html(v.options[key].feedback)),
                  _each(views, lambda v: "".join(
                      f'<p data-option="{i}"><strong>{_html(v.options[i].text)}</strong>: {_html(v.options[i].feedback)}</p>'
                      for i in order[1:] if v.options[i].feedback)))
        for i in order:
            choice = ET.SubElement(q, "selectoption")
            ET.SubElement(choice, "text").text = _each(views, lambda v: _plain(v.options[i].text))
            _value(choice, "group", "1")
    else:
        raise ValueError(f"no Moodle XML form for item type {item.type!r}")


def moodle_bank(bank: Bank, cite: Cite, objectives: dict[str, list[str]] | None = None,
                ordering_fallback: bool = False) -> str:
    """The whole bank as one Moodle XML document; `objectives` maps item id -> the module
    objectives it tests (module banks only)."""
    quiz = ET.Element("quiz")
    current = None
    for item in bank.items:
        path = category(bank, item, objectives or {})
        if path != current:
            cat = ET.SubElement(quiz, "question", type="category")
            _text(cat, "category", path, fmt=None)
            current = path
        question(quiz, item, cite, ordering_fallback)
    ET.indent(quiz)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<!-- crosstrain quiz bank {bank.name}: Moodle XML, every language in multilang spans. -->\n"
            + ET.tostring(quiz, encoding="unicode") + "\n")
