"""The test-wise guesser: each knowledge-free strategy finds the cue it is written for, a
quiz without cues stays at chance, and the banks of before issue 11 (kept as fixtures)
fail on every leak the review found."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from crosstrain.quiz import guess
from crosstrain.quiz.bank import load_bank
from crosstrain.quiz.guess import Question, Quiz, attack, binomial_tail, evaluate, quizzes_of

OLD_BANKS = Path(__file__).parent / "fixtures" / "old-banks"


def test_binomial_tail_by_hand():
    assert binomial_tail(2, 3, 0.5) == pytest.approx(0.5)  # (3 + 1) / 8
    assert binomial_tail(3, 3, 0.5) == pytest.approx(0.125)
    assert binomial_tail(0, 10, 0.3) == 1.0
    assert binomial_tail(1, 4, 0.25) == pytest.approx(1 - 0.75 ** 4)


def _single(i, options, key, stem="Which move fits?"):
    return Question(f"bank.q{i}", "single", stem, tuple(options), frozenset({key}))


def _tf(i, statement, answer, item_id=None):
    return Question(item_id or f"bank.s{i}", "true_false", "True or false? " + statement, answer=answer,
                    statement=statement)


def _fair_options(r, i):
    words = ["plan", "ask", "report", "call", "test", "wait", "share", "review", "price", "brief"]
    return [" ".join(r.choice(words) for _ in range(r.randint(3, 7))) + f" {i}-{k}" for k in range(4)]


def fair_quiz(seed=1, n=60) -> Quiz:
    """Random keys, random lengths, balanced answers: nothing to exploit."""
    r = random.Random(seed)
    questions = []
    for i in range(n):
        if i % 2:
            questions.append(_single(i, _fair_options(r, i), r.randrange(4)))
        else:
            questions.append(_tf(i, f"statement {i} about {r.choice(['plans', 'teams', 'reports'])}", r.random() < 0.5))
    return Quiz("fair", "en", tuple(questions))


def test_a_quiz_without_cues_stays_at_chance():
    for seed in range(5):
        leaks = [r for r in attack([fair_quiz(seed)]) if r.leak]
        assert leaks == [], leaks


def _leaks(quiz, strategy):
    result = evaluate(quiz, strategy)
    assert result is not None
    return result.leak


def test_longest_option():
    quiz = Quiz("q", "en", tuple(_single(i, ["a b", "c d e", "f g", "the whole careful long answer here"], 3)
                                 for i in range(25)))
    assert _leaks(quiz, guess.longest_option)
    assert _leaks(quiz, guess.key_position_after_last)


def test_least_repeated_option():
    recycled = ["Wait for the quarterly report", "Lower the price", "Ask the boss"]
    quiz = Quiz("q", "en", tuple(_single(i, [f"unique answer {i}", *recycled], 0) for i in range(25)))
    assert _leaks(quiz, guess.least_repeated_option)


def test_recycled_statement_is_false():
    distractors = [f"myth {k}" for k in range(3)]
    questions = [_single(i, [f"fact {i}", *distractors], 0) for i in range(12)]
    questions += [_tf(100 + i, f"fact {i}", True) for i in range(12)]
    questions += [_tf(200 + k, distractors[k], False) for k in range(3)] * 4
    assert _leaks(Quiz("q", "en", tuple(questions)), guess.recycled_statement_false)


def test_absolute_words_and_negation():
    questions = [_tf(i, "Marketers always decide alone" if i % 2 else "Marketers usually share the plan", i % 2 == 0)
                 for i in range(30)]
    quiz = Quiz("q", "en", tuple(questions))
    assert _leaks(quiz, guess.absolute_words_false)
    assert _leaks(quiz, guess.hedged_true)
    negated = Quiz("q", "en", tuple(_tf(i, "Sales does not need data" if i % 2 else "Sales needs data", i % 2 == 0)
                                    for i in range(30)))
    assert _leaks(negated, guess.negation_false)


def test_stem_overlap():
    quiz = Quiz("q", "en", tuple(
        _single(i, ["ship the campaign brief early", "wait for approval", "lower prices", "hire an agency"], 0,
                stem="The campaign brief is late. What should Lan do with the campaign brief?")
        for i in range(25)))
    assert _leaks(quiz, guess.stem_overlap)


def test_runs_and_fixed_answers():
    quiz = Quiz("q", "en", tuple(_tf(i, f"claim {i}", i < 14) for i in range(24)))
    assert _leaks(quiz, guess.same_as_last_answer)
    alternating = Quiz("q", "en", tuple(_tf(i, f"claim {i}", i % 2 == 0) for i in range(24)))
    assert _leaks(alternating, guess.opposite_of_last_answer)
    spread = Quiz("q", "en", tuple(_single(i, [f"o{i}{k}" for k in range(4)], i % 4) for i in range(40)))
    spread_result = evaluate(spread, guess.avoid_last_key_position)  # at most 1/3 against 1/4: reported, not fatal
    assert spread_result.accuracy == pytest.approx(1 / 3) and spread_result.chance == 0.25
    true_heavy = Quiz("q", "en", tuple(_tf(i, f"claim {i}", i % 5 != 0) for i in range(30)))
    assert _leaks(true_heavy, guess.always_true)


def test_modal_key_count():
    quiz = Quiz("q", "en", tuple(Question(f"b.m{i}", "multiple", "Choose all", tuple(f"o{i}{k}" for k in range(5)),
                                          frozenset({i % 5})) for i in range(30)))
    assert _leaks(quiz, guess.modal_key_count)


def test_id_pattern():
    questions = [_tf(i, f"claim {i}", True, f"bank.tf.kp{i}") for i in range(12)]
    questions += [_tf(50 + i, f"claim {50 + i}", False, f"bank.tf.mc{i}") for i in range(12)]
    r = random.Random(3)
    r.shuffle(questions)
    assert _leaks(Quiz("q", "en", tuple(questions)), guess.id_pattern)


def _old_banks():
    banks = [load_bank(p)[0] for p in sorted(OLD_BANKS.glob("*.yml"))]
    assert all(b and b.items for b in banks)
    return banks


@pytest.mark.parametrize("strategy", ["least_repeated_option", "recycled_statement_false", "same_as_last_answer",
                                      "id_pattern"])
@pytest.mark.parametrize("language", guess.GUESS_LANGUAGES)
def test_the_old_banks_fail(strategy, language):
    """The leaks issue 11 found, each caught in every language over the published set."""
    banks = _old_banks()
    scope = [("all banks", [i for b in banks for i in b.items])]
    results = {r.strategy: r for r in attack(quizzes_of(scope, (language,)))}
    assert results[strategy].leak, results[strategy]


def test_statement_is_read_without_the_fixed_words():
    banks = _old_banks()
    tf = next(i for b in banks for i in b.items if i.type == "true_false")
    for language in guess.GUESS_LANGUAGES:
        q = guess.question(tf, language)
        assert q.statement and q.statement in q.stem.replace("**", "")
        assert not q.statement.startswith(("True or false", "Đúng hay sai", "判断正误", "判斷正誤"))
