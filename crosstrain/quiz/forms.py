"""A module's pre-test and post-test: parallel forms built from the items that test its
objectives, so the gain per objective between the two measures learning, not memory of
the same questions.

An item tests an objective when the module file lists it under the objective or when the
item names `<module-id>.<objective-id>` in its `objectives`. For each objective its items
are grouped by item model and dealt alternately to the two forms: both forms test every
objective with the same kinds of item, never with the same item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosstrain.modules import LEVEL_ORDER, Module
from crosstrain.quiz.generate import MAX_RUN, interleave, max_run
from crosstrain.quiz.model import Bank, Item

FORMS = ("pre", "post")


@dataclass(frozen=True)
class Forms:
    module: str
    pre: tuple[Item, ...]
    post: tuple[Item, ...]
    tests: dict  # item id -> objective ids of this module that it tests

    def form(self, name: str) -> tuple[Item, ...]:
        return self.pre if name == "pre" else self.post



def objective_items(module: Module, items: dict[str, Item]) -> dict[str, list[Item]]:
    """Each objective's items: listed in the module file or naming the objective."""
    out = {}
    for objective in module.objectives:
        ref = f"{module.id}.{objective.id}"
        named = [items[i] for i in objective.items if i in items]
        tagged = [i for i in items.values() if ref in i.objectives]
        out[objective.id] = list({i.id: i for i in [*named, *sorted(tagged, key=lambda i: i.id)]}.values())
    return out


def at_level(item: Item, level: str) -> bool:
    return item.level in LEVEL_ORDER and LEVEL_ORDER.index(item.level) >= LEVEL_ORDER.index(level)


def build_forms(module: Module, items: dict[str, Item]) -> Forms:
    by_objective = objective_items(module, items)
    tests: dict[str, list[str]] = {}
    for objective_id, found in by_objective.items():
        for item in found:
            tests.setdefault(item.id, []).append(objective_id)
    dealt: dict[str, list[Item]] = {"pre": [], "post": []}
    placed = set()
    for objective in module.objectives:
        fresh = [i for i in by_objective[objective.id] if i.id not in placed]
        # the same kinds of item in both forms: deal each item model's items in turn
        fresh.sort(key=lambda i: (i.generator, i.type, i.id))
        for index, item in enumerate(fresh):
            form = _lighter(dealt, objective.id, tests) if index % 2 == 0 else _other(dealt, fresh[index - 1])
            dealt[form].append(item)
            placed.add(item.id)
    _balance_truths(dealt, tests)
    return Forms(module.id, _display_order(dealt["pre"]), _display_order(dealt["post"]),
                 {k: tuple(v) for k, v in tests.items()})


def _imbalance(trues: int, falses: int) -> int:
    """How far a form's true/false answers are from half true (one off is fine)."""
    return max(0, abs(trues - falses) - 1)


def _balance_truths(dealt: dict, tests: dict) -> None:
    """Swap items that test the same objectives between the forms while that brings both
    forms' true/false answers nearer to half true: "always false" must not pay on a form.
    Each swap moves one answer across, so the counts are kept, not recounted."""
    def counts(items):
        truths = [i.answer for i in items if i.type == "true_false"]
        return [sum(truths), len(truths) - sum(truths)]

    tally = {f: counts(dealt[f]) for f in FORMS}

    def effect(item) -> tuple[int, int]:
        return (1, 0) if item.type == "true_false" and item.answer else (0, 1) if item.type == "true_false" else (0, 0)

    for a, x in enumerate(dealt["pre"]):
        if not sum(_imbalance(*tally[f]) for f in FORMS):
            return
        for b, y in enumerate(dealt["post"]):
            if "true_false" not in (x.type, y.type) or effect(x) == effect(y) or \
                    sorted(tests[x.id]) != sorted(tests[y.id]):
                continue
            (xt, xf), (yt, yf) = effect(x), effect(y)
            pre = [tally["pre"][0] - xt + yt, tally["pre"][1] - xf + yf]
            post = [tally["post"][0] - yt + xt, tally["post"][1] - yf + xf]
            if _imbalance(*pre) + _imbalance(*post) < _imbalance(*tally["pre"]) + _imbalance(*tally["post"]):
                dealt["pre"][a], dealt["post"][b] = y, x
                tally = {"pre": pre, "post": post}
                break


def _lighter(dealt: dict, objective_id: str, tests: dict) -> str:
    """The form with fewer items for this objective so far (pre on a tie)."""
    counts = {f: sum(objective_id in tests[i.id] for i in dealt[f]) for f in FORMS}
    return min(FORMS, key=lambda f: (counts[f], FORMS.index(f)))


def _other(dealt: dict, previous: Item) -> str:
    return "post" if previous in dealt["pre"] else "pre"


def _display_order(items: list[Item]) -> tuple[Item, ...]:
    """Item types in turn; then true/false items re-ordered so that no answer runs more
    than MAX_RUN times in a row, a pattern a learner with instant feedback would follow."""
    ordered = interleave(items)
    truths = [i for i in ordered if i.type == "true_false"]
    if max_run([i.answer for i in truths]) <= MAX_RUN:
        return tuple(ordered)
    yes = [i for i in truths if i.answer]
    no = [i for i in truths if not i.answer]
    fixed = []
    while yes or no:
        if len(yes) != len(no):
            take = yes if len(yes) > len(no) else no
        else:
            take = no if fixed and fixed[-1].answer else yes
        fixed.append(take.pop(0))
    it = iter(fixed)
    return tuple(next(it) if i.type == "true_false" else i for i in ordered)


def form_quiz_id(module_id: str, name: str) -> str:
    """`module-<id>-pre`: names a form's page, its saved progress, its attempts and exports."""
    return f"module-{module_id}-{name}"


_FORM_QUIZ_ID = re.compile(r"module-(?P<module>.+)-(?P<form>pre|post)")


def form_of_quiz(quiz_id: str) -> tuple[str, str] | None:
    """(module id, "pre" or "post") for a module form's quiz id, else None."""
    m = _FORM_QUIZ_ID.fullmatch(quiz_id)
    return (m.group("module"), m.group("form")) if m else None


def module_form_bank(module: Module, name: str, forms: Forms) -> Bank:
    """A form as a bank of its own (see form_quiz_id)."""
    return Bank(form_quiz_id(module.id, name), None, module.id, forms.form(name), module.origin)
