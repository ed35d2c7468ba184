"""The trainers' results pages as one locale shows them: figures formatted, chart
coordinates computed here, SVG drawn by the templates (partials/charts.j2)."""

from __future__ import annotations

from dataclasses import dataclass

from crosstrain.analyse.stats import ItemStats, ObjectiveGain, QuizStats
from crosstrain.quiz.fingerprint import quiz_fingerprint

# scatter plot: facility (0..1) across, discrimination (-0.5..1) up, in a 480 x 300 box
WIDTH, HEIGHT, MARGIN = 480, 300, 40
D_MIN, D_MAX = -0.5, 1.0


def current(quizzes: list[QuizStats], items: dict) -> list[QuizStats]:
    """Statistics of the quizzes as they are now: shown (5 attempts or more), every item
    still in the banks, and the same content hash (an edited item is another question)."""
    return [q for q in quizzes if q.shown and all(s.item in items for s in q.items)
            and quiz_fingerprint([items[s.item] for s in q.items]) == q.fingerprint]


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


def num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


@dataclass(frozen=True)
class Dot:
    number: int
    x: float
    y: float
    flagged: bool
    label: str


def scatter(stats: QuizStats) -> list[Dot]:
    inner_w, inner_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    dots = []
    for number, s in enumerate(stats.items, start=1):
        d = min(D_MAX, max(D_MIN, s.discrimination if s.discrimination is not None else 0.0))
        dots.append(Dot(number, round(MARGIN + s.facility * inner_w, 1),
                        round(MARGIN + (D_MAX - d) / (D_MAX - D_MIN) * inner_h, 1), bool(s.flags),
                        f"{number}: p={s.facility:.2f}, r={num(s.discrimination)}"))
    return dots


def y_of(d: float) -> float:
    """Where a discrimination value sits on the scatter plot's vertical axis."""
    return round(MARGIN + (D_MAX - d) / (D_MAX - D_MIN) * (HEIGHT - 2 * MARGIN), 1)


@dataclass(frozen=True)
class GainRow:
    gain: ObjectiveGain
    objective: str  # its text in the reader's locale


@dataclass(frozen=True)
class QuizResults:
    stats: QuizStats
    title: str

    @property
    def flagged(self) -> list[tuple[int, ItemStats]]:
        return [(n, s) for n, s in enumerate(self.stats.items, start=1) if s.flags and s.options]
