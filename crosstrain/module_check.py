"""Module rules: a module a trainer can run as written, and whose objectives are tested."""

from __future__ import annotations

from crosstrain.checks import problem, rule
from crosstrain.locales import AUTHORED_LANGUAGES
from crosstrain.quiz.forms import FORMS, at_level, build_forms, objective_items

MIN_ITEMS_PER_OBJECTIVE = 3
MIN_PER_FORM = 2


@rule("M001", "module file is incomplete or malformed")
def module_schema(corpus):
    """A module needs id (its file name), audience, duration, title, summary, objectives,
    lessons, discussion, activities, objections, agenda and materials,
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

    Fix: tag more notes entries with `objectives: [<module>.<objective>]` (or list item ids
    under the objective's `items:`) and run `crosstrain generate`."""
    for module, objective, found in _objectives(corpus):
        usable = [i for i in found if all(i.stem.get(lang, "").strip() for lang in AUTHORED_LANGUAGES)]
        if len(usable) < MIN_ITEMS_PER_OBJECTIVE:
            yield problem("M004", objective.origin, f"{module.id}.{objective.id}",
                          f"tested by {len(usable)} complete item(s); at least {MIN_ITEMS_PER_OBJECTIVE} needed")


@rule("M005", "module names a quiz item that does not exist")
def items_exist(corpus):
    """Module quizzes are assembled from the banks by item id; an unknown id drops a question.

    Fix: use an id from quizzes/*.yml (ids change only when notes entries are renamed)."""
    known = {i.id for b in corpus.banks for i in b.items}
    for module in corpus.modules:
        for objective in module.objectives:
            for item_id in objective.items:
                if item_id not in known:
                    yield problem("M005", objective.origin, module.id, f"no quiz item {item_id!r}")


@rule("M006", "objective tested below the level its verb names")
def objective_level(corpus):
    """An objective that says "explain" or "apply" is not reached by recognising a sentence
    from the essay: at least three of its items must be at its level (remember < understand
    < apply), which the objective declares with `level:` or its verb implies.

    Fix: tag situations (apply) or reasons (understand) in content/notes with the objective,
    or write authored items at that level."""
    for module, objective, found in _objectives(corpus):
        high = [i for i in found if at_level(i, objective.level)]
        if len(found) >= MIN_ITEMS_PER_OBJECTIVE and len(high) < MIN_ITEMS_PER_OBJECTIVE:
            yield problem("M006", objective.origin, f"{module.id}.{objective.id}",
                          f"asks for {objective.level!r}; {len(high)} of its {len(found)} items are at that level, "
                          f"{MIN_ITEMS_PER_OBJECTIVE} needed")


@rule("M007", "pre-test or post-test does not test every objective twice")
def forms_cover_objectives(corpus):
    """The pre-test and the post-test are parallel forms: each must score every objective
    on at least two items, or the gain per objective is one item's luck.

    Fix: give the objective at least four items (two of each kind pair up across the forms)."""
    items = {i.id: i for b in corpus.banks for i in b.items}
    for module in corpus.modules:
        forms = build_forms(module, items)
        for objective in module.objectives:
            for name in FORMS:
                count = sum(objective.id in forms.tests.get(i.id, ()) for i in forms.form(name))
                if count < MIN_PER_FORM:
                    yield problem("M007", objective.origin, f"{module.id}.{objective.id}",
                                  f"the {name}-test has {count} item(s) on it; at least {MIN_PER_FORM} needed")


def _objectives(corpus):
    items = {i.id: i for b in corpus.banks for i in b.items}
    for module in corpus.modules:
        found = objective_items(module, items)
        for objective in module.objectives:
            yield module, objective, found[objective.id]
