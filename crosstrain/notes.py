"""Structured notes on an essay (content/notes/<slug>.yml): what the quiz generators read."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.inputs import input_files
from crosstrain.yamlsource import FieldReader, describe, load_located

Text = dict  # {"vi": …, "en": …, "zh": …}

_ENTRY_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# An id is a question's name in the exports: none of these may tell a learner the answer.
_TELLING_ID = re.compile(r"(^|-)(true|false|right|wrong|key|trap|correct|incorrect|myth|mc|kp|yes|no)(-|$|\d)")


@dataclass(frozen=True)
class Cite:
    """Where in the original an entry comes from: a paragraph id and an exact quote of it."""

    paragraph: str
    quote: str
    origin: Origin


@dataclass(frozen=True)
class KeyPoint:
    id: str
    cite: Cite
    text: Text


@dataclass(frozen=True)
class Step:
    cite: Cite
    text: Text


@dataclass(frozen=True)
class Process:
    id: str
    title: Text
    steps: tuple[Step, ...]
    sequence: bool = False  # a real order in time; a parallel list has none to ask for


@dataclass(frozen=True)
class Side:
    id: str
    label: Text


@dataclass(frozen=True)
class Attribute:
    side: str
    cite: Cite
    text: Text


@dataclass(frozen=True)
class Contrast:
    id: str
    title: Text
    sides: tuple[Side, ...]
    attributes: tuple[Attribute, ...]


@dataclass(frozen=True)
class Misconception:
    id: str
    cite: Cite
    text: Text  # the false statement
    correction: Text


LEVELS = ("remember", "understand", "apply")  # Bloom's first three, the ones items here reach
PERTURBATIONS = ("swap-sides", "negate-condition", "change-step-position", "change-quantity",
                 "swap-cause-effect", "change-actor")


@dataclass(frozen=True)
class Choice:
    """An option of a case: a move the essay supports, or a trap, with why it is (not)."""

    text: Text
    why: Text
    cite: Cite | None = None  # for a trap: the paragraph that refutes it


@dataclass(frozen=True)
class Case:
    """One choice item of the cognitive model: a workplace situation (apply) or a question
    of why / what follows (understand), the essay's answers and the tempting wrong moves."""

    id: str
    model: str  # "situation" or "reason"
    level: str
    objectives: tuple[str, ...]
    cite: Cite
    select: str  # "one" or "all"
    stem: Text
    answers: tuple[Choice, ...]
    traps: tuple[Choice, ...]


@dataclass(frozen=True)
class Statement:
    """A claim in a true and a false form that differ by one documented perturbation; a
    bank shows one of the two."""

    id: str
    level: str
    objectives: tuple[str, ...]
    cite: Cite
    perturbation: str
    true: Text
    false: Text
    why: Text


@dataclass(frozen=True)
class Notes:
    essay: str
    key_points: tuple[KeyPoint, ...]
    processes: tuple[Process, ...]
    contrasts: tuple[Contrast, ...]
    misconceptions: tuple[Misconception, ...]
    terms: tuple[str, ...]
    origin: Origin
    cases: tuple[Case, ...] = ()
    statements: tuple[Statement, ...] = ()

    def cites(self):
        for entry in (*self.key_points, *self.misconceptions, *self.cases, *self.statements):
            yield entry.cite
        for case in self.cases:
            yield from (trap.cite for trap in case.traps if trap.cite)
        for process in self.processes:
            yield from (step.cite for step in process.steps)
        for contrast in self.contrasts:
            yield from (a.cite for a in contrast.attributes)


class _Reader(FieldReader):
    """A notes file: texts, and cites (a paragraph id and an exact quote)."""

    def cite(self, data: dict, key) -> Cite:
        paragraph = self.string(data, key + ("paragraph",), "a paragraph id like p3")
        quote = self.string(data, key + ("quote",), "the quoted text")
        return Cite(paragraph, quote, self.doc.origin(key))

    def choice(self, data: dict, key, cited: bool) -> Choice:
        return Choice(self.text(data, key + ("text",)), self.text(data, key + ("why",)),
                      self.cite(data, key) if cited else None)

    def case(self, data: dict, key, model: str) -> Case:
        select = data.get("select")
        if select not in ("one", "all"):
            self.fail(key + ("select",), "expected 'one' (one answer) or 'all' (choose all that apply)")
        answers = [self.choice(a, k, False) for k, a in self.items(data, key + ("answers",))]
        traps = [self.choice(t, k, True) for k, t in self.items(data, key + ("traps",))]
        if select == "one" and len(answers) != 1:
            self.fail(key + ("answers",), f"'select: one' needs exactly 1 answer, found {len(answers)}")
        if select == "all" and not 1 <= len(answers) <= 3:
            self.fail(key + ("answers",), f"'select: all' needs 1 to 3 answers, found {len(answers)}")
        if not 4 <= len(answers) + len(traps) <= 5:
            self.fail(key + ("traps",), f"answers and traps make {len(answers) + len(traps)} options; write 4 or 5")
        return Case(self.entry_id(data, key), model, self.level(data, key), self.objectives(data, key),
                    self.cite(data, key), str(select), self.text(data, key + ("stem",)), tuple(answers), tuple(traps))

    def statement(self, data: dict, key) -> Statement:
        # YAML reads an unquoted `true:` key as a boolean: take it as the word it was
        data = {("true" if k is True else "false" if k is False else k): v for k, v in data.items()}
        if data.get("perturbation") not in PERTURBATIONS:
            self.fail(key + ("perturbation",), f"expected one of: {', '.join(PERTURBATIONS)}")
        return Statement(self.entry_id(data, key), self.level(data, key), self.objectives(data, key),
                         self.cite(data, key), str(data.get("perturbation")), self.text(data, key + ("true",)),
                         self.text(data, key + ("false",)), self.text(data, key + ("why",)))

    def entry_id(self, data: dict, key) -> str:
        value = data.get("id")
        if not isinstance(value, str) or not _ENTRY_ID.fullmatch(value):
            self.fail(key + ("id",), "expected a kebab-case id (a-z, 0-9, -)")
        elif _TELLING_ID.search(value):
            self.fail(key + ("id",), f"{value!r} hints at the answer (ids are shown as question names); "
                                     "name the topic instead")
        return str(value)

    def level(self, data: dict, key) -> str:
        if data.get("level") not in LEVELS:
            self.fail(key + ("level",), f"expected one of: {', '.join(LEVELS)}")
        return str(data.get("level"))

    def objectives(self, data: dict, key) -> tuple[str, ...]:
        value = self.list(data, key + ("objectives",), required=False)
        if not all(isinstance(v, str) and "." in v for v in value):
            self.fail(key + ("objectives",), "expected a list of <module-id>.<objective-id>")
        return tuple(str(v) for v in value)

    def items(self, data: dict, key) -> list[tuple[tuple, dict]]:
        """The entries of a list of mappings, each with its key; wrong types are reported."""
        return [(key + (i,), self.as_mapping(item, key + (i,)))
                for i, item in enumerate(self.list(data, key, required=False))]


def load_notes(path: Path) -> Notes:
    doc = load_located(path)
    r = _Reader(doc)
    if not isinstance(doc.data, dict):
        r.fail((), "expected a mapping with essay, key_points, processes, contrasts, misconceptions")
    data = doc.data if isinstance(doc.data, dict) else {}
    essay = r.string(data, ("essay",), "the essay's slug")
    key_points = tuple(KeyPoint(str(d.get("id")), r.cite(d, k), r.text(d, k + ("text",)))
                       for k, d in r.items(data, ("key_points",)))
    processes = tuple(
        Process(str(d.get("id")), r.text(d, k + ("title",)),
                tuple(Step(r.cite(s, sk), r.text(s, sk + ("text",))) for sk, s in r.items(d, k + ("steps",))),
                d.get("sequence") is True)
        for k, d in r.items(data, ("processes",)))
    contrasts = []
    for k, d in r.items(data, ("contrasts",)):
        sides = tuple(Side(str(s.get("id")), r.text(s, sk + ("label",))) for sk, s in r.items(d, k + ("sides",)))
        side_ids = {s.id for s in sides}
        attributes = []
        for ak, a in r.items(d, k + ("attributes",)):
            if a.get("side") not in side_ids:
                r.fail(ak + ("side",), f"side must be one of {sorted(side_ids)}")
            attributes.append(Attribute(str(a.get("side")), r.cite(a, ak), r.text(a, ak + ("text",))))
        contrasts.append(Contrast(str(d.get("id")), r.text(d, k + ("title",)), sides, tuple(attributes)))
    misconceptions = tuple(
        Misconception(str(d.get("id")), r.cite(d, k), r.text(d, k + ("text",)), r.text(d, k + ("correction",)))
        for k, d in r.items(data, ("misconceptions",)))
    terms = r.list(data, ("terms",), required=False)
    for i, term in enumerate(terms):
        if not isinstance(term, str):
            r.fail(("terms", i), f"expected a glossary term id, found {describe(term)}")
    cases = tuple(r.case(d, k, model) for model, name in (("situation", "situations"), ("reason", "reasons"))
                  for k, d in r.items(data, (name,)))
    statements = tuple(r.statement(d, k) for k, d in r.items(data, ("statements",)))
    ids = Counter(entry.id for entry in (*cases, *statements))
    for k, d in [*r.items(data, ("situations",)), *r.items(data, ("reasons",)), *r.items(data, ("statements",))]:
        if ids[d.get("id")] > 1:
            r.fail(k + ("id",), f"id {d.get('id')!r} is used more than once in this file")
    if r.problems:
        raise CrosstrainError(path, "invalid notes:\n  " + "\n  ".join(f"{o}: {m}" for o, m in r.problems))
    return Notes(essay, key_points, processes, tuple(contrasts), misconceptions,
                 tuple(terms), Origin(path, 1), cases, statements)


def load_all_notes(notes_dir: Path) -> dict[str, Notes]:
    notes = [load_notes(p) for p in input_files(notes_dir, (".yml",)).raise_first()]
    return {n.essay: n for n in notes}
