"""A test-wise guesser: knowledge-free strategies run against every quiz as a learner sees it.

An item that someone who has not read the essay can answer from its wording, its place or
the other items around it measures test-wiseness, not understanding. Each strategy below
is a rule such a person could follow; it is run on every bank and every rendered quiz page
in every language, and its accuracy is compared with what blind guessing gets (a binomial
tail gives the p-value). A strategy that beats chance by more than 15 points on 20 or more
items with p < 0.01 is an error (checker rule Q024).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable

from crosstrain.quiz.flaws import NEGATION, fold_option

MARGIN = 0.15  # points above chance that make a strategy a leak
MIN_ITEMS = 20
P_VALUE = 0.01


@dataclass(frozen=True)
class Question:
    """One item in one language as a guesser sees it: no explanation, no feedback. The
    features strategies read are computed once, when first asked for (a quiz is attacked
    by every strategy)."""

    id: str
    type: str
    stem: str
    options: tuple[str, ...] = ()  # in the order shown
    keys: frozenset = frozenset()  # choice items: the correct option positions
    answer: bool | None = None  # true_false
    statement: str = ""  # true_false: the statement judged, without the fixed wording around it
    language: str = "en"

    @cached_property
    def lengths(self) -> tuple[int, ...]:
        return tuple(_length(o) for o in self.options)

    @cached_property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold_option(o) for o in self.options)

    @cached_property
    def folded_statement(self) -> str:
        return fold_option(self.statement)

    @cached_property
    def stem_tokens(self) -> set[str]:
        return tokens(self.stem, self.language)

    @cached_property
    def option_tokens(self) -> tuple[set[str], ...]:
        return tuple(tokens(o, self.language) for o in self.options)


@dataclass(frozen=True)
class Quiz:
    """A scope the guesser attacks: a bank or a rendered page, in one language, in order."""

    name: str
    language: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Guess:
    """A strategy's expected score on one question (ties are split evenly) and blind chance."""

    score: float
    chance: float


@dataclass(frozen=True)
class Result:
    quiz: str
    language: str
    strategy: str
    items: int
    accuracy: float
    chance: float
    p_value: float

    @property
    def leak(self) -> bool:
        return self.items >= MIN_ITEMS and self.accuracy - self.chance > MARGIN and self.p_value < P_VALUE


# --- text features --------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")

ABSOLUTE = {
    "en": re.compile(r"\b(always|never|only|all|every|none|must|completely|entirely|absolutely|any|nothing|"
                     r"everyone|everything|no one|whole|solely)\b", re.IGNORECASE),
    "vi": re.compile(r"\b(luôn|luôn luôn|không bao giờ|chỉ|tất cả|mọi|hoàn toàn|tuyệt đối|bất kỳ|bất cứ|"
                     r"duy nhất|nhất định|bắt buộc|toàn bộ)\b", re.IGNORECASE),
    "zh": re.compile(r"总是|從不|从不|从来|從來|只有|只|仅|僅|所有|一切|完全|绝对|絕對|必须|必須|一定|任何|唯一|全部|總是"),
}
HEDGE = {
    "en": re.compile(r"\b(usually|often|can|may|might|sometimes|some|generally|tends?|likely|most)\b", re.IGNORECASE),
    "vi": re.compile(r"\b(thường|có thể|đôi khi|một số|nhiều khi|phần lớn|hầu hết|thường thì)\b", re.IGNORECASE),
    "zh": re.compile(r"通常|往往|可能|可以|有时|有時|一些|一般|大多|多半|常常"),
}


def _family(language: str) -> str:
    return "zh" if language.startswith("zh") else language


def tokens(text: str, language: str) -> set[str]:
    """Words for vi and en (syllables for vi), character pairs for Chinese."""
    if _family(language) == "zh":
        han = "".join(_HAN.findall(text))
        pairs = {han[i:i + 2] for i in range(len(han) - 1)}
        return pairs | {w.lower() for w in _WORD.findall(_HAN.sub(" ", text)) if len(w) > 1}
    return {w.lower() for w in _WORD.findall(text) if len(w) > 1 or not w.isascii()}


def _length(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


# --- strategies ------------------------------------------------------------------------------
# Each takes a quiz and yields a Guess for every question it has an opinion on.

Strategy = Callable[[Quiz], Iterable[Guess]]


def _choice(quiz: Quiz, types=("single", "cloze")):
    return [q for q in quiz.questions if q.type in types and q.options and len(q.keys) == 1]


def _pick(question: Question, scores: list[float], best=max) -> Guess:
    """Pick the option(s) with the best score; ties share the guess."""
    target = best(scores)
    tied = [i for i, s in enumerate(scores) if s == target]
    hit = sum(1 for i in tied if i in question.keys)
    return Guess(hit / len(tied), 1 / len(question.options))


def longest_option(quiz: Quiz):
    for q in _choice(quiz):
        yield _pick(q, list(q.lengths))


def shortest_option(quiz: Quiz):
    for q in _choice(quiz):
        yield _pick(q, list(q.lengths), min)


def middle_length_option(quiz: Quiz):
    """When writers avoid both the longest and the shortest key, a middle one is the key."""
    for q in _choice(quiz):
        lengths = q.lengths
        middle = [0 if length in (max(lengths), min(lengths)) else 1 for length in lengths]
        if any(middle):
            yield _pick(q, middle)


def _texts_seen(quiz: Quiz) -> Counter:
    seen = Counter()
    for q in quiz.questions:
        for option in q.folded:
            seen[option] += 1
        if q.statement:
            seen[q.folded_statement] += 1
    return seen


def least_repeated_option(quiz: Quiz):
    """Distractors recycled across a bank give the key away as the option seen only once."""
    seen = _texts_seen(quiz)
    for q in _choice(quiz):
        counts = [seen[o] for o in q.folded]
        if len(set(counts)) > 1:
            yield _pick(q, counts, min)


def recycled_statement_false(quiz: Quiz):
    """A true/false statement that also stands as an option elsewhere: a recycled distractor
    (seen twice or more) is judged false, a text seen once as an option true."""
    as_option = Counter(o for q in quiz.questions for o in q.folded)
    for q in quiz.questions:
        if q.type == "true_false" and as_option[q.folded_statement]:
            guess_true = as_option[q.folded_statement] == 1
            yield Guess(1.0 if guess_true == q.answer else 0.0, 0.5)


def option_stated_elsewhere(quiz: Quiz):
    """An option that is also another item's true/false statement or stem: the one the
    quiz repeats is likely the key."""
    stated = Counter(q.folded_statement for q in quiz.questions if q.statement)
    for q in _choice(quiz):
        marks = [stated[o] for o in q.folded]
        if any(marks) and not all(marks):
            yield _pick(q, marks)


def absolute_words_false(quiz: Quiz):
    """Statements with always / never / only are false; options with them are wrong."""
    pattern = ABSOLUTE[_family(quiz.language)]
    for q in quiz.questions:
        if q.type == "true_false":
            yield Guess(1.0 if (not pattern.search(q.statement)) == q.answer else 0.0, 0.5)
    for q in _choice(quiz):
        marks = [0 if pattern.search(o) else 1 for o in q.options]
        if any(marks) and not all(marks):
            yield _pick(q, marks)


def hedged_true(quiz: Quiz):
    """Statements with usually / can / may are true; hedged options are right."""
    pattern = HEDGE[_family(quiz.language)]
    for q in quiz.questions:
        if q.type == "true_false":
            yield Guess(1.0 if bool(pattern.search(q.statement)) == q.answer else 0.0, 0.5)


def negation_false(quiz: Quiz):
    """A statement that says 'not' is false."""
    pattern = NEGATION[_family(quiz.language)]
    for q in quiz.questions:
        if q.type == "true_false":
            said_not = bool(pattern.search(q.statement.lower())) or "**" in q.statement
            yield Guess(1.0 if said_not != q.answer else 0.0, 0.5)


def stem_overlap(quiz: Quiz):
    """The option that repeats most of the stem's words."""
    for q in _choice(quiz):
        scores = [len(q.stem_tokens & o) for o in q.option_tokens]
        if len(set(scores)) > 1:
            yield _pick(q, scores)


def _position(k: int) -> Strategy:
    def fixed(quiz: Quiz):
        for q in _choice(quiz):
            if k < len(q.options):
                yield Guess(1.0 if k in q.keys else 0.0, 1 / len(q.options))
    fixed.__name__ = f"always_option_{'ABCDE'[k]}"
    return fixed


def always_true(quiz: Quiz):
    for q in quiz.questions:
        if q.type == "true_false":
            yield Guess(1.0 if q.answer else 0.0, 0.5)


def always_false(quiz: Quiz):
    for q in quiz.questions:
        if q.type == "true_false":
            yield Guess(0.0 if q.answer else 1.0, 0.5)


def same_as_last_answer(quiz: Quiz):
    """With instant feedback a learner knows the previous answer: runs of one answer pay."""
    last = None
    for q in quiz.questions:
        if q.type == "true_false":
            if last is not None:
                yield Guess(1.0 if q.answer == last else 0.0, 0.5)
            last = q.answer


def opposite_of_last_answer(quiz: Quiz):
    """Answers that alternate too regularly: guess the opposite of the previous one."""
    last = None
    for q in quiz.questions:
        if q.type == "true_false":
            if last is not None:
                yield Guess(1.0 if q.answer != last else 0.0, 0.5)
            last = q.answer


def avoid_last_key_position(quiz: Quiz):
    """Keys spread too evenly never repeat a position: guess any other position."""
    last = None
    for q in _choice(quiz):
        n = len(q.options)
        if last is not None and last < n:
            key = next(iter(q.keys))
            yield Guess(0.0 if key == last else 1 / (n - 1), 1 / n)
        last = next(iter(q.keys))


def key_position_after_last(quiz: Quiz):
    """Guess the key where the previous item's key was (bunched keys pay)."""
    last = None
    for q in _choice(quiz):
        if last is not None and last < len(q.options):
            yield Guess(1.0 if last in q.keys else 0.0, 1 / len(q.options))
        last = next(iter(q.keys))


def modal_key_count(quiz: Quiz):
    """In 'choose all that apply', pick as many options as most other such items have keys."""
    multiple = [q for q in quiz.questions if q.type == "multiple" and q.options]
    counts = Counter(len(q.keys) for q in multiple)
    for q in multiple:
        others = counts.copy()
        others[len(q.keys)] -= 1
        if sum(others.values()) == 0:
            continue
        k = max(sorted(others), key=lambda c: others[c])
        n = len(q.options)
        score = 1 / math.comb(n, k) if k == len(q.keys) else 0.0
        yield Guess(score, 1 / (2 ** n - 1))


def _id_pattern(item_id: str) -> str:
    """An id without its essay and its own number: `slug.tf.kp3` -> `tf.kp`."""
    parts = item_id.split(".")[1:] or [item_id]
    return ".".join(re.sub(r"\d+", "", p) for p in parts)


def id_pattern(quiz: Quiz):
    """Question names are visible in LMS exports: items whose names share a pattern share
    an answer (leave-one-out majority of the pattern)."""
    groups = defaultdict(list)
    for q in quiz.questions:
        if q.type == "true_false":
            groups[_id_pattern(q.id)].append(q.answer)
    for q in quiz.questions:
        if q.type != "true_false":
            continue
        others = Counter(groups[_id_pattern(q.id)])
        others[q.answer] -= 1
        if sum(others.values()) < 2 or others[True] == others[False]:
            continue
        yield Guess(1.0 if (others[True] > others[False]) == q.answer else 0.0, 0.5)


STRATEGIES: tuple[Strategy, ...] = (
    longest_option, shortest_option, middle_length_option, least_repeated_option, recycled_statement_false, option_stated_elsewhere,
    absolute_words_false, hedged_true, negation_false, stem_overlap, always_true, always_false,
    same_as_last_answer, opposite_of_last_answer, key_position_after_last, avoid_last_key_position,
    modal_key_count, id_pattern,
    *(_position(k) for k in range(5)),
)


# --- statistics ---------------------------------------------------------------------------------


def binomial_tail(successes: int, trials: int, p: float) -> float:
    """P(X >= successes) for X ~ Binomial(trials, p), summed in log space (no overflow)."""
    if successes <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)
    terms = [math.lgamma(trials + 1) - math.lgamma(k + 1) - math.lgamma(trials - k + 1) + k * log_p
             + (trials - k) * log_q for k in range(successes, trials + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))


def evaluate(quiz: Quiz, strategy: Strategy) -> Result | None:
    guesses = list(strategy(quiz))
    if not guesses:
        return None
    n = len(guesses)
    accuracy = sum(g.score for g in guesses) / n
    chance = sum(g.chance for g in guesses) / n
    return Result(quiz.name, quiz.language, strategy.__name__, n, accuracy, chance,
                  binomial_tail(round(accuracy * n), n, chance))


def attack(quizzes: Iterable[Quiz], strategies: tuple[Strategy, ...] = STRATEGIES) -> list[Result]:
    """Every strategy against every quiz."""
    return [r for quiz in quizzes for s in strategies if (r := evaluate(quiz, s)) is not None]


# --- the quizzes learners see ---------------------------------------------------------------

GUESS_LANGUAGES = ("vi", "en", "zh", "zh-Hant")


def statement_of(stem: str, language: str) -> str:
    """The statement a true/false stem asks about, without the fixed words around it."""
    from crosstrain.quiz.generate import phrase_template

    before, _, after = phrase_template("tf.stem", language).partition("{statement}")
    text = stem[len(before):] if before and stem.startswith(before) else stem
    text = text[:len(text) - len(after)] if after and text.endswith(after) else text
    return text.replace("**", "")


def question(item, language: str) -> Question:
    from crosstrain.render.quizviews import localized

    def t(text: dict) -> str:
        return localized(text, language)

    stem = t(item.stem)
    if item.type == "true_false":
        return Question(item.id, item.type, stem, answer=bool(item.answer), statement=statement_of(stem, language),
                        language=language)
    if item.type in ("single", "multiple", "cloze"):
        return Question(item.id, item.type, stem, tuple(t(o.text) for o in item.options), frozenset(item.keys),
                        language=language)
    return Question(item.id, item.type, stem, tuple(t(o.text) for o in item.options), language=language)


def quizzes_of(scopes: list[tuple[str, list]], languages=GUESS_LANGUAGES) -> list[Quiz]:
    """Each (name, items in the order shown) in each language."""
    made: dict[tuple[str, str], Question] = {}  # an item is in its bank and in the whole set

    def asked(item, language: str) -> Question:
        key = (item.id, language)
        if key not in made:
            made[key] = question(item, language)
        return made[key]

    return [Quiz(name, language, tuple(asked(i, language) for i in items))
            for name, items in scopes for language in languages]
