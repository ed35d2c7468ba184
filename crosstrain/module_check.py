"""Module rules: a module a trainer can run as written, and whose objectives are tested."""

from __future__ import annotations

from crosstrain.checks import problem, rule
from crosstrain.locales import AUTHORED_LANGUAGES

MIN_ITEMS_PER_OBJECTIVE = 3


@rule("M001", "module file is incomplete or malformed")
def module_schema(corpus):
    """A module needs id (its file name), audience, duration, title, summary, objectives,
    lessons, discussion, activities, objections, agenda, materials, pre_quiz and post_quiz,
    and every text in vi, en and zh, or some locale shows a gap.

    Fix: add what the message names; compare with another module in content/modules/."""
    for p in corpus.module_problems:
        yield problem("M001", p.origin, p.subject, p.message)


@rule("M002", "reading cites an essay or paragraph that does not exist")
def readings_exist(corpus):
    """Readings are rendered as excerpts of essay paragraphs; a missing one leaves a hole in
    the lesson.

    Fix: use an essay slug from content/essays/ and paragraph ids from its original text."""
    for module in corpus.modules:
        for lesson in module.lessons:
            for reading in lesson.readings:
                essay = corpus.essays.get(reading.essay)
                if essay is None:
                    yield problem("M002", reading.origin, module.id, f"no essay {reading.essay!r}")
                    continue
                if not reading.paragraphs:
                    yield problem("M002", reading.origin, module.id, "a reading needs at least one paragraph")
                for pid in reading.paragraphs:
                    if essay.original.block(pid) is None:
                        yield problem("M002", reading.origin, module.id, f"essay {reading.essay} has no paragraph {pid}")


@rule("M003", "agenda timings do not add up to the duration")
def agenda_adds_up(corpus):
    """A trainer runs the session from the agenda; if its steps do not fill the stated
    duration exactly, the session overruns or ends early.

    Fix: adjust the steps' minutes (or the duration) until they match."""
    for module in corpus.modules:
        total = sum(step.minutes for step in module.agenda)
        if total != module.duration:
            yield problem("M003", module.agenda_origin, module.id,
                          f"agenda adds up to {total} minutes, the duration is {module.duration}")


@rule("M004", "module objective tested by fewer than 3 items")
def objectives_tested(corpus):
    """Each learning objective needs at least three quiz items, complete in every language,
    so a learner's score on it means something in every locale.

    Fix: list more item ids under the objective's `items:` (see quizzes/*.yml)."""
    items = {i.id: i for b in corpus.banks for i in b.items}
    for module in corpus.modules:
        for objective in module.objectives:
            usable = [i for i in objective.items if i in items
                      and all(items[i].stem.get(lang, "").strip() for lang in AUTHORED_LANGUAGES)]
            if len(usable) < MIN_ITEMS_PER_OBJECTIVE:
                yield problem("M004", objective.origin, f"{module.id}.{objective.id}",
                              f"tested by {len(usable)} complete item(s); at least {MIN_ITEMS_PER_OBJECTIVE} needed")


@rule("M005", "module names a quiz item that does not exist")
def items_exist(corpus):
    """Module quizzes are assembled from the banks by item id; an unknown id drops a question.

    Fix: use an id from quizzes/*.yml (ids change only when notes entries are renamed)."""
    known = {i.id for b in corpus.banks for i in b.items}
    for module in corpus.modules:
        for item_id in module.quiz_items():
            if item_id not in known:
                yield problem("M005", module.origin, module.id, f"no quiz item {item_id!r}")
