"""Modules as one locale's pages show them: texts in the reader's language, readings as
excerpts of the very paragraphs the essay pages show."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from crosstrain.modules import Module, Reading
from crosstrain.render.markup import label_html
from crosstrain.render.quizviews import localized
from crosstrain.render.views import EssayView, ShownBlock


@dataclass(frozen=True)
class ReadingView:
    reading: Reading
    essay: EssayView
    blocks: tuple[ShownBlock, ...]


@dataclass(frozen=True)
class ModuleView:
    module: Module
    locale_code: str
    essays: dict[str, EssayView]

    def t(self, text: dict) -> str:
        return localized(text, self.locale_code)

    @property
    def id(self) -> str:
        return self.module.id

    @property
    def title(self) -> str:
        return self.t(self.module.title)

    def readings(self, lesson) -> list[ReadingView]:
        out = []
        for reading in lesson.readings:
            view = self.essays[reading.essay]
            wanted = set(reading.paragraphs)
            out.append(ReadingView(reading, view, tuple(b for b in view.blocks if b.id in wanted)))
        return out

    @property
    def reading_minutes(self) -> int:
        slugs = {r.essay for lesson in self.module.lessons for r in lesson.readings}
        return sum(self.essays[s].minutes for s in slugs)


def excerpt_html(block: ShownBlock) -> Markup:
    """The paragraph as the essay page shows it, label included."""
    if block.label:
        return label_html(block.label) + block.html
    return block.html
