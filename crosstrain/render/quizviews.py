"""Quiz banks as one locale's pages show them: texts in the reader's language, links to
the exact source paragraph, and the data the quiz script needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from crosstrain.quiz.fingerprint import quiz_fingerprint
from crosstrain.quiz.model import BLANK, Bank, Item
from crosstrain.render.markup import json_for_html
from crosstrain.translate import derive

_BOLD = re.compile(r"\*\*(.+?)\*\*")
LETTERS = "ABCDEFGH"


def localized(text: dict, locale_code: str) -> str:
    """An item text in a locale; zh-Hant is derived from zh (crosstrain.translate.derive)."""
    if locale_code == "zh-Hant":
        return derive(text.get("zh", ""), "zh-Hant")
    return text.get(locale_code, "")


def quiz_html(text: str) -> Markup:
    """Item text is plain text with **bold** as its only markup (for emphasised negations)."""
    escaped = str(escape(text))
    return Markup(_BOLD.sub(r"<strong>\1</strong>", escaped).replace(BLANK, '<span class="ct-blank">＿＿＿</span>'))


@dataclass(frozen=True)
class ItemView:
    item: Item
    number: int
    locale_code: str
    source_url: str  # relative URL of the cited paragraph in the reader's locale
    objectives: tuple[str, ...] = ()

    def t(self, text: dict) -> Markup:
        return quiz_html(localized(text, self.locale_code))

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def dom_id(self) -> str:
        return "q-" + re.sub(r"[^a-z0-9-]", "-", self.item.id)

    @property
    def key_text(self) -> Markup:
        """The answer, in words, for the no-JavaScript answer key and the printed key."""
        item = self.item
        if item.type == "true_false":
            return Markup("")  # the template words it with the strings table
        if item.type == "order":
            return Markup(" → ").join(self.t(item.options[i].text) for i in item.answer)
        if item.type == "match":
            return Markup("; ").join(
                Markup("{} — {}").format(self.t(p.text), self.t(item.options[item.answer[i]].text))
                for i, p in enumerate(item.prompts))
        # the option texts, not letters: options are shuffled on every attempt
        return Markup("; ").join(self.t(item.options[i].text) for i in item.keys)

    def script_data(self) -> dict:
        item = self.item
        return {
            "id": item.id, "type": item.type, "objectives": list(self.objectives),
            "keys": item.keys, "answer": item.answer,
            "feedback": [localized(o.feedback, self.locale_code) for o in item.options],
        }


@dataclass(frozen=True)
class QuizView:
    bank: Bank
    title: str
    items: tuple[ItemView, ...]
    objectives: tuple[tuple[str, str], ...] = ()  # (id, text) for module quizzes
    form: str = ""  # a module's "pre" or "post" test

    @property
    def fingerprint(self) -> str:
        """What saved progress is tied to: a change to any item discards it in the browser."""
        return quiz_fingerprint([view.item for view in self.items])

    def data_json(self) -> Markup:
        """The key, for the quiz script, in a <script type=application/json>."""
        data = {"bank": self.bank.name, "items": [i.script_data() for i in self.items],
                "objectives": dict(self.objectives), "fingerprint": self.fingerprint}
        if self.form:
            data.update(module=self.bank.module, form=self.form)
        return json_for_html(data)
