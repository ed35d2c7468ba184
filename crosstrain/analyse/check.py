"""Results rules: what learners' answers say about items (stats/ written by `crosstrain
analyse --site`, or `crosstrain check --responses DIR`). Only statistics of the current
version of a quiz count; every figure comes from at least 5 attempts."""

from __future__ import annotations

from crosstrain.analyse.stats import DEAD, EASY, HARD, MISKEY, NEGATIVE
from crosstrain.checks import WARNING, problem, rule
from crosstrain.analyse.views import current


def flagged(corpus, flag: str):
    """(item, its statistics) for every current item the data flags with `flag`."""
    items = {i.id: i for b in corpus.banks for i in b.items}
    for quiz in current(corpus.stats, items):
        for s in quiz.items:
            if flag in s.flags:
                yield items[s.item], s, quiz


def _option(stats, flag):
    return [o for o in stats.options if o.flag == flag]


@rule("R001", "the best learners get the item wrong more often than the others", WARNING)
def negative_discrimination(corpus):
    """Learners who do well on the rest of the quiz get this item wrong more often than
    those who do badly (corrected point-biserial below 0): the key, the stem or the
    source is probably wrong or ambiguous.

    Fix: reread the item against its source paragraph; correct the key or reword the stem."""
    for item, s, quiz in flagged(corpus, NEGATIVE):
        yield problem("R001", item.origin, item.id,
                      f"discrimination {s.discrimination:.2f} in {quiz.quiz} ({s.n} attempts)")


@rule("R002", "the top group prefers a distractor to the key (possible mis-key)", WARNING)
def possible_miskey(corpus):
    """Among the top 27 % of learners a wrong option is chosen more often than the key:
    the key may be wrong, or the distractor may also be right.

    Fix: check the key and the named option against the source; fix the key or the option."""
    for item, s, quiz in flagged(corpus, MISKEY):
        for o in _option(s, MISKEY):
            yield problem("R002", item.origin, item.id,
                          f"option {o.index + 1} chosen by {100 * o.upper:.0f} % of the top group in {quiz.quiz}")


@rule("R003", "a distractor almost nobody chooses", WARNING)
def dead_distractor(corpus):
    """A wrong option chosen by fewer than 5 % of learners does not work: the item is
    easier than it looks, and guessing pays more.

    Fix: replace the option with a wrong move learners really make (a trap of the
    situation in content/notes, or the authored item's distractor)."""
    for item, s, quiz in flagged(corpus, DEAD):
        for o in _option(s, DEAD):
            yield problem("R003", item.origin, item.id,
                          f"option {o.index + 1} chosen by {100 * o.rate:.1f} % in {quiz.quiz}")


@rule("R004", "nearly everyone or nearly no one gets the item right", WARNING)
def extreme_facility(corpus):
    """An item that more than 95 % get right tells the trainer nothing; one that fewer than
    20 % get right is harder than guessing suggests, often unclear or untaught.

    Fix: make the distractors more plausible, or clarify the stem and check the lesson
    teaches it."""
    for flag in (EASY, HARD):
        for item, s, quiz in flagged(corpus, flag):
            yield problem("R004", item.origin, item.id, f"facility {100 * s.facility:.0f} % in {quiz.quiz}")
