"""Moodle's quiz Responses report (CSV download) read back into attempts on our items.

The fixture follows the report's columns (mod/quiz/report/responses: user columns, State,
Started on, Completed, Time taken, Grade/10.00, then Question N / Response N / Right
answer N): six finished attempts and one in progress on the English GIFT file of a bank's
authored items; the question column lists the choices in each attempt's shuffled order."""

from __future__ import annotations

import csv
import json

from crosstrain.analyse.moodle import ItemIndex, norm, read_report
from crosstrain.analyse.run import analyse
from crosstrain.quiz.bank import load_banks
from crosstrain.render.quizviews import localized
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "analyse" / "fixtures" / "moodle-responses.csv"
BANKS = load_banks(ROOT / "quizzes")[0]


def rows():
    with FIXTURE.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def item_with_stem(summary: str):
    return next(i for b in BANKS for i in b.items if norm(summary).startswith(norm(localized(i.stem, "en"))))


def test_report_maps_back_to_our_items_and_options():
    attempts, errors = read_report(FIXTURE, ItemIndex(BANKS))
    assert errors == []
    assert len(attempts) == 6  # the attempt in progress is left out
    table = rows()
    header = table[0]
    for attempt, row in zip(attempts, table[1:]):
        assert attempt.quiz == "marketing-vs-sales" and attempt.locale == "en"
        for n, response in enumerate(attempt.responses, start=1):
            item = item_with_stem(row[header.index(f"Question {n}")])
            assert response.item == item.id
            given = row[header.index(f"Response {n}")]
            if item.type == "true_false":
                assert response.response is (given == "True")
            else:
                assert norm(localized(item.options[response.response[0]].text, "en")) == norm(given)
            assert response.correct == (given == row[header.index(f"Right answer {n}")])


def test_names_and_emails_never_reach_the_statistics(tmp_path):
    from crosstrain.analyse.store import write_stats

    result = analyse([FIXTURE], BANKS)
    assert result.errors == [] and result.attempts == 6
    write_stats(tmp_path, result)
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    for row in rows()[1:]:
        for cell in row[:3]:
            assert cell not in text


def test_questions_not_ours_are_refused(tmp_path):
    table = rows()
    table[1][table[0].index("Question 2")] = "Which colour is the sky?: Blue; Green"
    bad = tmp_path / "other.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    attempts, errors = read_report(bad, ItemIndex(BANKS))
    assert attempts == [] and len(errors) == 1
    assert str(errors[0]).startswith(f"{bad}:2: question 2 is in none of our banks")


def test_a_changed_bank_is_refused(tmp_path):
    table = rows()
    column = table[0].index("Right answer 1")
    item = item_with_stem(table[1][table[0].index("Question 1")])
    wrong = next(o for k, o in enumerate(item.options) if k not in item.keys)
    for row in table[1:]:
        row[column] = localized(wrong.text, "en")
    bad = tmp_path / "changed.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    attempts, errors = read_report(bad, ItemIndex(BANKS))
    assert attempts == [] and "the bank changed since this export" in str(errors[0])


def test_report_without_question_texts_says_what_to_tick(tmp_path):
    table = rows()
    keep = [k for k, name in enumerate(table[0]) if not name.startswith("Question ")]
    bad = tmp_path / "no-text.csv"
    bad.write_text("\n".join(",".join(json.dumps(r[k]) for k in keep) for r in table) + "\n", encoding="utf-8")
    attempts, errors = read_report(bad, ItemIndex(BANKS))
    assert attempts == [] and "tick 'Question text'" in str(errors[0]) and str(errors[0]).startswith(f"{bad}:1:")


def _row_for(item, response_pairs):
    """A one-question report row as Moodle writes a matching question (our order items are
    exported as matching positions 1, 2, … to steps)."""
    t = lambda text: localized(text, "en")  # noqa: E731
    if item.type == "order":
        stems = [str(n) for n in range(1, len(item.options) + 1)]
    else:
        stems = [t(p.text) for p in item.prompts]
    choices = [t(o.text) for o in item.options]
    question = f"{t(item.stem)} {{{'; '.join(stems)}}} -> {{{'; '.join(reversed(choices))}}}"
    right = "; ".join(f"{stems[k]} -> {choices[a]}" for k, a in enumerate(item.answer))
    response = "; ".join(f"{stems[k]} -> {choices[a]}" for k, a in response_pairs)
    return question, response, right


def test_matching_and_order_questions_map_back(tmp_path):
    for kind in ("match", "order"):
        item = next(i for b in BANKS for i in b.items if i.type == kind)
        wrong = [(k, a) for k, a in enumerate(reversed(list(item.answer)))]
        header = ["Last name", "First name", "Email address", "State", "Question 1", "Response 1", "Right answer 1"]
        table = [header] + [["X", "Y", "x@example.com", "Finished", *_row_for(item, pairs)]
                            for pairs in (list(enumerate(item.answer)), wrong)]
        path = tmp_path / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(table)
        (right, reversed_), errors = read_report(path, ItemIndex(BANKS))
        assert errors == []
        assert right.responses[0].response == list(item.answer) and right.responses[0].correct
        assert reversed_.responses[0].response == list(reversed(list(item.answer))) and not reversed_.responses[0].correct
