"""One view of a quiz item in one locale, shared by every export format."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from crosstrain.quiz.model import BLANK, Item
from crosstrain.render.quizviews import localized


@dataclass(frozen=True)
class LocalOption:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class LocalItem:
    """An item's texts in one locale (zh-Hant derived from zh, as on the site); the answer
    (keys, order, matches) is the same in every locale and stays on `item`."""

    item: Item
    locale: str

    def t(self, text: dict) -> str:
        return localized(text, self.locale)

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def type(self) -> str:
        return self.item.type

    @property
    def stem(self) -> str:
        return self.t(self.item.stem)

    @property
    def explanation(self) -> str:
        return self.t(self.item.explanation)

    @cached_property  # formats read it once per option: build it once
    def options(self) -> tuple[LocalOption, ...]:
        return tuple(LocalOption(self.t(o.text), o.correct, self.t(o.feedback)) for o in self.item.options)

    @cached_property
    def prompts(self) -> tuple[str, ...]:
        return tuple(self.t(p.text) for p in self.item.prompts)

    @property
    def cloze_parts(self) -> tuple[str, str]:
        """A cloze stem as the text before and after its blank."""
        before, _, after = self.stem.partition(BLANK)
        return before, after

    @cached_property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """A match item as (prompt, its option); an order item as (position, step), 1 = first."""
        options = self.options
        if self.type == "match":
            return tuple((p, options[self.item.answer[i]].text) for i, p in enumerate(self.prompts))
        if self.type == "order":
            return tuple((str(n), options[i].text) for n, i in enumerate(self.item.answer, start=1))
        raise ValueError(f"item {self.id}: a {self.type} item has no pairs")
