"""`crosstrain analyse`: read every response file, check each attempt against the current
banks, and compute the statistics per quiz and the gain per module objective."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crosstrain.analyse.moodle import ItemIndex, read_report
from crosstrain.analyse.records import Attempt, read_attempt_file, read_codes, response_files
from crosstrain.analyse.stats import ObjectiveGain, QuizStats, objective_gains, quiz_stats
from crosstrain.errors import CrosstrainError
from crosstrain.quiz.fingerprint import quiz_fingerprint
from crosstrain.quiz.model import CHOICE_TYPES, Bank, Item

Progress = Callable[[int, int, str], None]


@dataclass
class Analysis:
    quizzes: list[QuizStats] = field(default_factory=list)
    gains: list[ObjectiveGain] = field(default_factory=list)
    errors: list[CrosstrainError] = field(default_factory=list)
    files: int = 0
    attempts: int = 0


def _well_formed(item: Item, response) -> bool:
    if response is None:
        return True
    if item.type == "true_false":
        return isinstance(response, bool)
    if not isinstance(response, list) or isinstance(response, bool):
        return False
    if item.type in CHOICE_TYPES:
        return response == sorted(set(response)) and all(0 <= r < len(item.options) for r in response) \
            and (item.type == "multiple" or len(response) == 1)
    if item.type == "order":
        return sorted(response) == list(range(len(item.options)))
    return len(response) == len(item.prompts) and all(0 <= r < len(item.options) for r in response)


def check_attempt(attempt: Attempt, items: dict[str, Item], fingerprints: dict) -> list[Item]:
    """The attempt's items, in its order; CrosstrainError if it does not fit the banks.
    `fingerprints` caches the content hash of each list of item ids."""
    ids = attempt.item_ids
    unknown = [i for i in ids if i not in items]
    if unknown:
        raise CrosstrainError(attempt.origin, f"quiz {attempt.quiz}: item {unknown[0]} is in none of our banks",
                              "analyse attempts from this site's quizzes only")
    found = [items[i] for i in ids]
    if ids not in fingerprints:
        fingerprints[ids] = quiz_fingerprint(found)
    if fingerprints[ids] != attempt.fingerprint:
        raise CrosstrainError(attempt.origin, f"quiz {attempt.quiz}: the bank changed since this attempt (content hash differs)",
                              "its answers would be counted against other questions; analyse it with the site version it was taken on")
    for item, r in zip(found, attempt.responses):
        if not _well_formed(item, r.response):
            raise CrosstrainError(attempt.origin, f"quiz {attempt.quiz}: response to {item.id} does not fit the item",
                                  "download the attempt again from the quiz page")
    return found


def read_attempts(paths: list[Path], banks: list[Bank], progress: Progress | None = None) -> tuple[list[Attempt], list[CrosstrainError], int]:
    """Every attempt in the files (JSON records, .csv Moodle reports, other files: codes)."""
    files = response_files(paths)
    attempts: list[Attempt] = []
    errors: list[CrosstrainError] = []
    index = None
    for number, path in enumerate(files, start=1):
        if progress:
            progress(number, len(files), path.name)
        try:
            if path.suffix == ".json":
                attempts.append(read_attempt_file(path))
            elif path.suffix == ".csv":
                index = index or ItemIndex(banks)
                found, bad = read_report(path, index)
                attempts += found
                errors += bad
            else:
                found, bad = read_codes(path)
                attempts += found
                errors += bad
        except CrosstrainError as exc:
            errors.append(exc)
        except OSError as exc:
            errors.append(CrosstrainError(path, f"cannot read: {exc.strerror}", "check the path"))
    return attempts, errors, len(files)


def analyse(paths: list[Path], banks: list[Bank], progress: Progress | None = None) -> Analysis:
    attempts, errors, files = read_attempts(paths, banks, progress)
    items = {i.id: i for b in banks for i in b.items}
    # per quiz, the attempts on each version of it (content hash)
    versions: dict[str, dict[str, tuple[list[Item], list[Attempt]]]] = {}
    fingerprints: dict = {}
    for attempt in attempts:
        try:
            found = check_attempt(attempt, items, fingerprints)
        except CrosstrainError as exc:
            errors.append(exc)
            continue
        versions.setdefault(attempt.quiz, {}).setdefault(attempt.fingerprint, (found, []))[1].append(attempt)
    by_quiz: dict[str, list[Attempt]] = {}
    quizzes = []
    for quiz, by_version in sorted(versions.items()):
        # a module quiz assembled differently over time: the version most attempts answer
        fingerprint, (found, chosen) = max(by_version.items(), key=lambda kv: len(kv[1][1]))
        for other, (_, rest) in by_version.items():
            if other != fingerprint:
                errors += [CrosstrainError(a.origin, f"quiz {quiz}: another version of the quiz than most attempts",
                                           "analyse the attempts of each version separately") for a in rest]
        by_quiz[quiz] = chosen
        quizzes.append(quiz_stats(quiz, fingerprint, found, chosen))
    return Analysis(quizzes, objective_gains(by_quiz), errors, files, sum(len(v) for v in by_quiz.values()))
