"""Classical test theory on attempt records (Crocker & Algina; Moodle's quiz statistics).

Per item: facility p (share answering right), the corrected point-biserial (the item
against the rest of the test, so an item does not correlate with itself), the upper-lower
27 % index, and how often each option was chosen overall and by the top and bottom groups.
Per quiz: KR-20 (Cronbach's alpha for right/wrong items) and the standard error of
measurement. Per module objective: pre-test and post-test means and Hake's normalised gain.

Every figure is an aggregate, and none is computed from fewer than MIN_LEARNERS attempts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from crosstrain.analyse.records import Attempt
from crosstrain.quiz.model import CHOICE_TYPES, Item

MIN_LEARNERS = 5
GROUP_SHARE = 0.27  # Kelley's upper and lower groups
DEAD_DISTRACTOR = 0.05  # a distractor chosen by fewer learners does not work
TOO_EASY, TOO_HARD = 0.95, 0.20

# flags, as the checker's rules and the pages name them
NEGATIVE = "negative_discrimination"
MISKEY = "possible_miskey"
DEAD = "dead_distractor"
EASY, HARD = "too_easy", "too_hard"


@dataclass(frozen=True)
class OptionStats:
    index: int
    key: bool
    rate: float  # share of all attempts that chose it
    upper: float  # share of the top 27 % that chose it
    lower: float
    flag: str | None = None  # DEAD or MISKEY


@dataclass(frozen=True)
class ItemStats:
    item: str
    type: str
    n: int
    facility: float
    discrimination: float | None  # corrected point-biserial; None when every answer was alike
    upper_lower: float
    options: tuple[OptionStats, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class QuizStats:
    quiz: str
    fingerprint: str
    n: int
    items: tuple[ItemStats, ...]  # empty when n < MIN_LEARNERS
    mean: float | None = None  # raw score
    sd: float | None = None
    alpha: float | None = None  # KR-20
    sem: float | None = None

    @property
    def shown(self) -> bool:
        return self.n >= MIN_LEARNERS


@dataclass(frozen=True)
class ObjectiveGain:
    module: str
    objective: str
    pre_n: int
    pre: float | None
    post_n: int
    post: float | None
    gain: float | None  # Hake: (post - pre) / (1 - pre), from the group means


def _pearson(n: int, sx: float, sy: float, sxx: float, syy: float, sxy: float) -> float | None:
    vx, vy = n * sxx - sx * sx, n * syy - sy * sy
    if vx <= 0 or vy <= 0:
        return None
    return (n * sxy - sx * sy) / math.sqrt(vx * vy)


def quiz_stats(quiz: str, fingerprint: str, items: list[Item], attempts: list[Attempt]) -> QuizStats:
    """Statistics of one quiz from its attempts, which all answer `items` in this order."""
    n = len(attempts)
    if n < MIN_LEARNERS:
        return QuizStats(quiz, fingerprint, n, ())
    k = len(items)
    # scores[i][j]: attempt j got item i right; chosen[i][j]: the options it chose
    scores = [[0] * n for _ in range(k)]
    chosen: list[list] = [[()] * n for _ in range(k)]
    choice = [item.type in CHOICE_TYPES for item in items]
    for j, attempt in enumerate(attempts):
        for i, r in enumerate(attempt.responses):
            if r.correct:
                scores[i][j] = 1
            if choice[i] and r.response:
                chosen[i][j] = r.response
    totals = [sum(column) for column in zip(*scores)]
    order = sorted(range(n), key=totals.__getitem__)
    group = max(1, round(GROUP_SHARE * n))
    lower, upper = order[:group], order[-group:]
    sum_t = sum(totals)
    sum_tt = sum(t * t for t in totals)
    mean = sum_t / n
    variance = sum_tt / n - mean * mean
    item_stats, pq = [], 0.0
    for i, item in enumerate(items):
        column = scores[i]
        right = sum(column)
        p = right / n
        pq += p * (1 - p)
        sxt = sum(t for t, x in zip(totals, column) if x)
        # rest score = total - x; x*x = x
        s_rest, s_rest2 = sum_t - right, sum_tt - 2 * sxt + right
        r = _pearson(n, right, s_rest, right, s_rest2, sxt - right)
        ul = (sum(column[j] for j in upper) - sum(column[j] for j in lower)) / group
        item_stats.append(_item_stats(item, chosen[i], n, p, r, ul, upper, lower))
    alpha = k / (k - 1) * (1 - pq / variance) if k > 1 and variance > 0 else None
    sd = math.sqrt(max(variance, 0.0))
    sem = sd * math.sqrt(1 - alpha) if alpha is not None and alpha <= 1 else None
    return QuizStats(quiz, fingerprint, n, tuple(item_stats), mean, sd, alpha, sem)


def _item_stats(item: Item, chosen: list, n, p, r, ul, upper, lower) -> ItemStats:
    flags = []
    if r is not None and r < 0:
        flags.append(NEGATIVE)
    if p > TOO_EASY:
        flags.append(EASY)
    elif p < TOO_HARD:
        flags.append(HARD)
    options: tuple[OptionStats, ...] = ()
    if item.type in CHOICE_TYPES:
        count = len(item.options)
        everyone, top, bottom = [0] * count, [0] * count, [0] * count
        for response in chosen:
            for o in response:
                everyone[o] += 1
        for group, tally in ((upper, top), (lower, bottom)):
            for j in group:
                for o in chosen[j]:
                    tally[o] += 1
        size = len(upper)
        keys = item.keys
        key_upper = min(top[o] for o in keys) if keys else 0
        built = []
        for o in range(count):
            flag = None
            if o not in keys:
                if top[o] > key_upper:
                    flag = MISKEY
                elif everyone[o] / n < DEAD_DISTRACTOR:
                    flag = DEAD
            built.append(OptionStats(o, o in keys, everyone[o] / n, top[o] / size, bottom[o] / size, flag))
        options = tuple(built)
        flags += sorted({o.flag for o in options if o.flag})
    return ItemStats(item.id, item.type, n, p, r, ul, options, tuple(flags))


def _objective_means(attempts: list[Attempt]) -> dict[str, list[float]]:
    """Per objective, each attempt's share of right answers on the items testing it."""
    out: dict[str, list[float]] = {}
    for attempt in attempts:
        tally: dict[str, list[int]] = {}
        for r in attempt.responses:
            for o in r.objectives:
                counts = tally.setdefault(o, [0, 0])
                counts[0] += r.correct
                counts[1] += 1
        for o, (right, total) in tally.items():
            out.setdefault(o, []).append(right / total)
    return out


def objective_gains(by_quiz: dict[str, list[Attempt]]) -> list[ObjectiveGain]:
    """Pre/post means and Hake's gain per objective, for every module with a pre-test or a
    post-test (crosstrain.quiz.forms.form_quiz_id) among the attempts."""
    from crosstrain.quiz.forms import form_of_quiz, form_quiz_id

    modules = sorted({form[0] for q in by_quiz if (form := form_of_quiz(q))})
    gains = []
    for module in modules:
        pre = _objective_means(by_quiz.get(form_quiz_id(module, "pre"), []))
        post = _objective_means(by_quiz.get(form_quiz_id(module, "post"), []))
        for objective in sorted(set(pre) | set(post)):
            a, b = pre.get(objective, []), post.get(objective, [])
            m_pre = sum(a) / len(a) if len(a) >= MIN_LEARNERS else None
            m_post = sum(b) / len(b) if len(b) >= MIN_LEARNERS else None
            gain = None
            if m_pre is not None and m_post is not None and m_pre < 1:
                gain = (m_post - m_pre) / (1 - m_pre)
            gains.append(ObjectiveGain(module, objective, len(a), m_pre, len(b), m_post, gain))
    return gains
