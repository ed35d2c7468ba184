"""Quiz items as data classes; banks are YAML files in quizzes/.

Item types and how their answer is stored:
- single, cloze: options, exactly one with `correct: true` (cloze stems hold a blank ___)
- multiple: options, at least one right and one wrong
- true_false: `answer: true|false`, the stem is the statement
- order: options in display order; `answer` lists option indexes in the right order
- match: `prompts` and `options` (at least one more option than prompts, so the last
  pair is never free); `answer[i]` is the option index matching prompt i
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosstrain.errors import Origin

TYPES = ("single", "multiple", "true_false", "order", "match", "cloze")
CHOICE_TYPES = ("single", "multiple", "cloze")
AUTHORED = "authored"
LEVELS = ("remember", "understand", "apply")
BLANK = "___"

Text = dict  # {"vi": …, "en": …, "zh": …}


@dataclass(frozen=True, slots=True)
class Option:
    text: Text
    correct: bool = False
    feedback: Text = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Source:
    essay: str
    paragraphs: tuple[str, ...]
    quote: str
    sha256: dict  # paragraph id -> sha256 of its text when the item was made


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    type: str
    generator: str
    difficulty: int
    source: Source
    stem: Text
    explanation: Text
    options: tuple[Option, ...] = ()
    prompts: tuple[Option, ...] = ()
    answer: object = None
    objectives: tuple[str, ...] = ()
    level: str = ""  # remember / understand / apply (Bloom): what the item asks a learner to do
    perturbation: str = ""  # a false statement: how it was made from the true one
    origin: Origin | None = field(default=None, compare=False)
    key: tuple = field(default=(), compare=False)  # its path in the bank document

    @property
    def keys(self) -> list[int]:
        """Indexes of the correct options of a choice item."""
        return [i for i, o in enumerate(self.options) if o.correct]


@dataclass(frozen=True, slots=True)
class Bank:
    name: str
    essay: str | None
    module: str | None
    items: tuple[Item, ...]
    origin: Origin
