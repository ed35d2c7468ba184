"""Moodle's quiz Responses report (Results > Responses, downloaded as CSV) as attempts.

The report (mod/quiz/report/responses) has the user columns, State, Started on, Completed,
Time taken, Grade/N, then per question slot N: "Question N" (the question summary: for a
multiple-choice question its text, ": ", then its choices joined by "; " in the order that
attempt showed them; for true/false the text alone; for matching the text, then
"{stems} -> {choices}"), "Response N" (the chosen choice, the chosen choices joined by
"; ", True/False, or "stem -> choice; …") and "Right answer N", in the same form.

The report does not carry question names, so questions are matched to our items by their
text (the GIFT file of one locale) and their choices: a question whose text is in no bank
is refused as not ours, and one whose choices or right answer differ from the item's is
refused as changed since the export. Learners' names and e-mails are never read.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from crosstrain.analyse.records import Attempt, Response
from crosstrain.errors import CrosstrainError, Origin
from crosstrain.locales import LOCALE_CODES
from crosstrain.quiz.fingerprint import quiz_fingerprint
from crosstrain.quiz.model import CHOICE_TYPES, Bank, Item
from crosstrain.render.quizviews import localized
from crosstrain.render.strings import table

_COLUMN = re.compile(r"^(Question|Response|Right answer) (\d+)$")
_FINISHED = {"finished", "đã hoàn thành", "已完成", "完成"}
_HINT_EXPORT = "import the GIFT file from the trainers' area (crosstrain export gift) and export the report again"


def norm(text: str) -> str:
    """Text as compared with Moodle's: Markdown bold dropped (Moodle shows it in capitals),
    blanks alike, case and spacing ignored."""
    text = re.sub(r"_{3,}", "_", text.replace("**", ""))
    return " ".join(text.casefold().split())


class ItemIndex:
    """Every item's question text in every locale, as Moodle would show it."""

    def __init__(self, banks: list[Bank]):
        self.by_stem: dict[str, list[tuple[Item, str]]] = {}
        self.bank_of = {item.id: bank.name for bank in banks for item in bank.items}
        for item in (i for bank in banks for i in bank.items):
            for code in LOCALE_CODES:
                stem = localized(item.stem, code)
                if stem:
                    self.by_stem.setdefault(norm(stem), []).append((item, code))
        self.truths = {}
        for code in LOCALE_CODES:
            strings = table(code)
            self.truths[norm(strings.get("quiz.true", ""))] = True
            self.truths[norm(strings.get("quiz.false", ""))] = False
        self.truths.update({"true": True, "false": False})

    def find(self, summary: str) -> tuple[Item, str, str] | None:
        """(item, locale, rest of the summary after the question text)."""
        text = norm(summary)
        if text in self.by_stem:
            item, code = self.by_stem[text][0]
            return item, code, ""
        for match in re.finditer(r": | \{", summary):
            head = norm(summary[:match.start()])
            if head in self.by_stem:
                item, code = self.by_stem[head][0]
                return item, code, summary[match.start():]
        return None


def _texts(item: Item, code: str, options) -> list[str]:
    return [norm(localized(o.text, code)) for o in options]


def segment(text: str, candidates: list[str]) -> list[int] | None:
    """Which candidates, in which order, `text` joins with "; " (Moodle's separator, which
    our option texts may contain themselves); None if it is no such join."""
    text = norm(text)
    if not text:
        return []
    for k in sorted(range(len(candidates)), key=lambda k: -len(candidates[k])):
        option = candidates[k]
        if not option:
            continue
        if text == option:
            return [k]
        if text.startswith(option + "; "):
            rest = segment(text[len(option) + 2:], candidates)
            if rest is not None and k not in rest:
                return [k, *rest]
    return None


def _pairs(text: str, stems: list[str], choices: list[str]) -> dict[int, int] | None:
    """{stem index: choice index} from a matching summary "stem -> choice; …"."""
    combos = [(a, b) for a in range(len(stems)) for b in range(len(choices))]
    found = segment(text, [f"{stems[a]} -> {choices[b]}" for a, b in combos])
    return None if found is None else {combos[k][0]: combos[k][1] for k in found}


def _match_parts(item: Item, code: str) -> tuple[list[str], list[str], list[int]]:
    """Stems, choices and the right choice per stem, as our GIFT export writes the item
    (an order item is a matching of positions 1, 2, … to its steps)."""
    options = _texts(item, code, item.options)
    if item.type == "order":
        return [str(n) for n in range(1, len(options) + 1)], options, list(item.answer)
    return _texts(item, code, item.prompts), options, list(item.answer)


def _changed(item: Item, code: str, rest: str, right: str | None) -> bool:
    """Whether the question Moodle showed differs from our item (choices or right answer)."""
    if item.type == "true_false":
        return right is not None and norm(right) not in ("", "-") and norm(right) != norm(str(item.answer))
    if item.type in CHOICE_TYPES:
        options = _texts(item, code, item.options)
        shown = segment(rest[2:], options)
        if shown is None or sorted(shown) != list(range(len(options))):
            return True
        return right is not None and sorted(segment(right, options) or []) != item.keys
    stems, choices, answer = _match_parts(item, code)
    shown = re.fullmatch(r"\s*\{(.*)\} -> \{(.*)\}\s*", rest, re.S)
    if not shown or sorted(segment(shown.group(1), stems) or []) != list(range(len(stems))) \
            or segment(shown.group(2), choices) is None:
        return True
    return right is not None and _pairs(right, stems, choices) != dict(enumerate(answer))


def _response(item: Item, code: str, text: str, truths: dict):
    """Our canonical response from Moodle's response summary; ValueError if it names a
    choice the item does not have."""
    text = text.strip()
    if text in ("", "-"):
        return None
    if item.type == "true_false":
        return truths[norm(text)]
    if item.type in CHOICE_TYPES:
        options = _texts(item, code, item.options)
        found = [options.index(norm(text))] if item.type != "multiple" else segment(text, options)
        if found is None:
            raise ValueError(text)
        return sorted(found)
    stems, choices, _ = _match_parts(item, code)
    chosen = _pairs(text, stems, choices)
    if chosen is None:
        raise ValueError(text)
    if len(chosen) != len(stems):
        return None  # partly answered: counted as not answered
    return [chosen[k] for k in range(len(stems))]


def grade(item: Item, response) -> bool:
    """As the quiz page grades (overrides/assets/javascripts/quiz.js)."""
    if response is None:
        return False
    if item.type == "true_false":
        return response is item.answer
    if item.type in ("order", "match"):
        return list(response) == list(item.answer)
    return list(response) == item.keys


def read_report(path: Path, index: ItemIndex) -> tuple[list[Attempt], list[CrosstrainError]]:
    """Attempts from a Responses report; errors for rows or questions that cannot be used."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        return [], [CrosstrainError(path, "empty file", "download the Responses report as CSV from Moodle")]
    header = rows[0]
    slots: dict[int, dict[str, int]] = {}
    for col, name in enumerate(header):
        m = _COLUMN.match(name.strip())
        if m:
            slots.setdefault(int(m.group(2)), {})[m.group(1)] = col
    if not slots:
        return [], [CrosstrainError(Origin(path, 1), "no 'Response N' columns: not a Moodle Responses report",
                                    "in Moodle: Quiz > Results > Responses, download as CSV")]
    missing = [n for n, cols in sorted(slots.items()) if "Question" not in cols or "Response" not in cols]
    if missing:
        return [], [CrosstrainError(Origin(path, 1), f"no 'Question {missing[0]}' column: the report needs the question texts",
                                    "in the report options tick 'Question text' and 'Response', then download again")]
    state = next((c for c, name in enumerate(header) if name.strip() == "State"), None)
    attempts, errors = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if state is not None and row[state].strip().casefold() not in _FINISHED:
            continue  # an attempt still in progress, or the report's average row
        origin = Origin(path, line)
        try:
            attempts.append(_attempt(row, slots, index, origin, path))
        except CrosstrainError as exc:
            errors.append(exc)
            if exc.message.startswith(("question", "the bank")):
                break  # the same questions fail on every row
    return attempts, errors


def _attempt(row: list[str], slots: dict, index: ItemIndex, origin: Origin, path: Path) -> Attempt:
    responses, banks, found, locales = [], set(), [], set()
    for number, cols in sorted(slots.items()):
        summary = row[cols["Question"]] if cols["Question"] < len(row) else ""
        hit = index.find(summary)
        if hit is None:
            raise CrosstrainError(origin, f"question {number} is in none of our banks: {summary[:60]!r}", _HINT_EXPORT)
        item, code, rest = hit
        right = row[cols["Right answer"]] if "Right answer" in cols and cols["Right answer"] < len(row) else None
        if _changed(item, code, rest, right):
            raise CrosstrainError(origin, f"the bank changed since this export: question {number} ({item.id}) "
                                          "has other choices or another right answer now",
                                  "analyse only attempts made on the current bank: " + _HINT_EXPORT)
        try:
            response = _response(item, code, row[cols["Response"]], index.truths)
        except (ValueError, KeyError):
            raise CrosstrainError(origin, f"response {number} names a choice {item.id} does not have",
                                  "export the report again from the same quiz") from None
        responses.append(Response(item.id, response, grade(item, response), item.objectives))
        found.append(item)
        banks.add(index.bank_of[item.id])
        locales.add(code)
    if len(banks) != 1:
        raise CrosstrainError(origin, f"questions from several banks ({', '.join(sorted(banks))})",
                              "analyse one bank's quiz per report")
    return Attempt(quiz=banks.pop(), locale=sorted(locales)[0], fingerprint=quiz_fingerprint(found),
                   finished="", responses=tuple(responses), origin=origin)
