"""Cross-training modules (content/modules/<id>.yml): objectives, readings, activities,
a timed agenda and the quiz items that test each objective."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosstrain.errors import Origin
from crosstrain.inputs import input_files
from crosstrain.model import AUDIENCES
from crosstrain.yamlsource import FieldReader, describe, load_located

Text = dict
# The quiz score (percent) that passes a module when its file sets no `mastery_score`: what
# an LMS records as passed/failed for the module's SCORM package.
DEFAULT_MASTERY_SCORE = 80


@dataclass(frozen=True)
class Reading:
    essay: str
    paragraphs: tuple[str, ...]
    why: Text
    origin: Origin


@dataclass(frozen=True)
class Lesson:
    title: Text
    readings: tuple[Reading, ...]
    takeaways: tuple[Text, ...]


# The level an objective's verb asks for (Bloom), from its English text: an objective that
# says "explain" is not tested by recognising a sentence.
VERB_LEVELS = {
    "remember": ("define", "list", "name", "recall", "recognise", "recognize", "state", "label"),
    "understand": ("explain", "compare", "describe", "summarise", "summarize", "classify", "distinguish",
                   "interpret", "contrast", "illustrate", "tell", "identify"),
    "apply": ("apply", "use", "plan", "choose", "decide", "handle", "run", "escalate", "write",
              "prepare", "carry", "demonstrate", "solve", "turn", "give", "set", "build", "agree"),
}
LEVEL_ORDER = ("remember", "understand", "apply")


def verb_level(text: str) -> str | None:
    """The level of the objective's first verb, or None when it is not in the table."""
    words = text.lower().replace("’", "'").split()
    for word in words[:2]:
        for level, verbs in VERB_LEVELS.items():
            if word.strip(",.:;") in verbs:
                return level
    return None


@dataclass(frozen=True)
class Objective:
    id: str
    text: Text
    items: tuple[str, ...]  # items named in the module file; items also name their objectives
    origin: Origin
    level: str = "understand"  # as declared, else as the verb says


@dataclass(frozen=True)
class Prompt:
    prompt: Text
    expected: Text


@dataclass(frozen=True)
class Activity:
    id: str
    title: Text
    minutes: int
    instructions: Text
    facilitation: Text
    debrief: Text


@dataclass(frozen=True)
class Objection:
    objection: Text
    response: Text


@dataclass(frozen=True)
class AgendaStep:
    minutes: int
    title: Text
    say: Text


@dataclass(frozen=True)
class Module:
    id: str
    audience: str
    duration: int
    title: Text
    summary: Text
    objectives: tuple[Objective, ...]
    lessons: tuple[Lesson, ...]
    discussion: tuple[Prompt, ...]
    activities: tuple[Activity, ...]
    objections: tuple[Objection, ...]
    agenda: tuple[AgendaStep, ...]
    materials: tuple[Text, ...]
    origin: Origin
    agenda_origin: Origin
    mastery_score: int = DEFAULT_MASTERY_SCORE


@dataclass(frozen=True)
class ModuleProblem:
    origin: Origin
    subject: str
    message: str


class _Reader(FieldReader):
    """A module file: texts, minutes, lists of ids."""

    def number(self, data, key) -> int:
        value = data.get(key[-1]) if isinstance(data, dict) else None
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            self.fail(key, "expected a whole number of minutes above 0")
            return 0
        return value

    def level(self, data: dict, key, text: dict) -> str:
        """The declared level, else the verb's; a declared level below the verb's is refused."""
        said = verb_level(text.get("en", ""))
        declared = data.get("level")
        if declared is None:
            if said is None:
                self.fail(key + ("level",), "the objective's verb is not one we know; add `level:` "
                                            f"({', '.join(LEVEL_ORDER)})")
            return said or "understand"
        if declared not in LEVEL_ORDER:
            self.fail(key + ("level",), f"expected one of: {', '.join(LEVEL_ORDER)}")
            return "understand"
        if said and LEVEL_ORDER.index(declared) < LEVEL_ORDER.index(said):
            self.fail(key + ("level",), f"declared {declared!r}, but the verb asks for {said!r}")
        return declared

    def percent(self, data, key, default: int) -> int:
        value = data.get(key[-1], default) if isinstance(data, dict) else default
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            self.fail(key, "expected a whole percentage from 0 to 100 (the quiz score that passes)")
            return default
        return value

    def ids(self, data, key, required: bool = True) -> tuple[str, ...]:
        values = self.list(data, key, required)
        for i, v in enumerate(values):
            if not isinstance(v, str):
                self.fail(key + (i,), f"expected an id, found {describe(v)}")
        return tuple(str(v) for v in values)


def load_module(path: Path) -> tuple[Module | None, list[ModuleProblem]]:
    doc = load_located(path)
    data = doc.data if isinstance(doc.data, dict) else {}
    r = _Reader(doc)
    subject = str(data.get("id") or path.stem)
    if data.get("id") != path.stem:
        r.fail(("id",), f"must be the file name without .yml ({path.stem!r})")
    if data.get("audience") not in AUDIENCES:
        r.fail(("audience",), f"must be one of {', '.join(AUDIENCES)}")
    objectives = tuple(
        Objective(str(o.get("id")), text, r.ids(o, ("objectives", i, "items"), required=False),
                  doc.origin(("objectives", i)), r.level(o, ("objectives", i), text))
        for i, o in r.entries(data, ("objectives",))
        for text in [r.text(o, ("objectives", i, "text"))])
    lessons = []
    for i, lesson in r.entries(data, ("lessons",)):
        readings = tuple(
            Reading(str(x.get("essay")), r.ids(x, ("lessons", i, "readings", j, "paragraphs"), required=False),
                    r.text(x, ("lessons", i, "readings", j, "why")), doc.origin(("lessons", i, "readings", j)))
            for j, x in r.entries(lesson, ("lessons", i, "readings")))
        takeaways = tuple(_plain(r, t, ("lessons", i, "takeaways", j))
                          for j, t in enumerate(r.list(lesson, ("lessons", i, "takeaways"))))
        lessons.append(Lesson(r.text(lesson, ("lessons", i, "title")), readings, takeaways))
    discussion = tuple(Prompt(r.text(d, ("discussion", i, "prompt")), r.text(d, ("discussion", i, "expected")))
                       for i, d in r.entries(data, ("discussion",)))
    activities = tuple(
        Activity(str(a.get("id")), r.text(a, ("activities", i, "title")), r.number(a, ("activities", i, "minutes")),
                 r.text(a, ("activities", i, "instructions")), r.text(a, ("activities", i, "facilitation")),
                 r.text(a, ("activities", i, "debrief")))
        for i, a in r.entries(data, ("activities",)))
    objections = tuple(Objection(r.text(o, ("objections", i, "objection")), r.text(o, ("objections", i, "response")))
                       for i, o in r.entries(data, ("objections",)))
    agenda = tuple(AgendaStep(r.number(s, ("agenda", i, "minutes")), r.text(s, ("agenda", i, "title")),
                              r.text(s, ("agenda", i, "say")))
                   for i, s in r.entries(data, ("agenda",)))
    materials = tuple(_plain(r, m, ("materials", i)) for i, m in enumerate(r.list(data, ("materials",))))
    module = Module(
        id=str(data.get("id") or path.stem), audience=str(data.get("audience")),
        duration=r.number(data, ("duration",)), title=r.text(data, ("title",)), summary=r.text(data, ("summary",)),
        objectives=objectives, lessons=tuple(lessons), discussion=discussion, activities=activities,
        objections=objections, agenda=agenda, materials=materials,
        origin=Origin(path, 1), agenda_origin=doc.origin(("agenda",)),
        mastery_score=r.percent(data, ("mastery_score",), DEFAULT_MASTERY_SCORE),
    )
    return module, [ModuleProblem(origin, subject, message) for origin, message in r.problems]


def _plain(r: _Reader, value, key) -> Text:
    """A text given directly as a list entry: {vi: …, en: …, zh: …}."""
    return r.text({key[-1]: value}, key)


def load_modules(modules_dir: Path) -> tuple[list[Module], list[ModuleProblem]]:
    modules, problems = [], []
    for path in input_files(modules_dir, (".yml",)).raise_first():
        module, found = load_module(path)
        problems += found
        if module is not None:
            modules.append(module)
    return modules, problems
