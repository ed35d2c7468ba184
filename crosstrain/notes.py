"""Structured notes on an essay (content/notes/<slug>.yml): what the quiz generators read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.inputs import input_files
from crosstrain.yamlsource import FieldReader, describe, load_located

Text = dict  # {"vi": …, "en": …, "zh": …}


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


@dataclass(frozen=True)
class Notes:
    essay: str
    key_points: tuple[KeyPoint, ...]
    processes: tuple[Process, ...]
    contrasts: tuple[Contrast, ...]
    misconceptions: tuple[Misconception, ...]
    terms: tuple[str, ...]
    origin: Origin

    def cites(self):
        for entry in (*self.key_points, *self.misconceptions):
            yield entry.cite
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
                tuple(Step(r.cite(s, sk), r.text(s, sk + ("text",))) for sk, s in r.items(d, k + ("steps",))))
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
    if r.problems:
        raise CrosstrainError(path, "invalid notes:\n  " + "\n  ".join(f"{o}: {m}" for o, m in r.problems))
    return Notes(essay, key_points, processes, tuple(contrasts), misconceptions,
                 tuple(terms), Origin(path, 1))


def load_all_notes(notes_dir: Path) -> dict[str, Notes]:
    notes = [load_notes(p) for p in input_files(notes_dir, (".yml",)).raise_first()]
    return {n.essay: n for n in notes}
