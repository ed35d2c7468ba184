"""GIFT export: every exported item round-trips through a strict GIFT parser, and the
output is what it was before the exports moved to crosstrain/export/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crosstrain.corpus import load_corpus
from crosstrain.locales import LOCALE_CODES
from crosstrain.export.gift import gift_bank
from crosstrain.quiz.bank import load_banks
from crosstrain.quiz.model import Bank, Option
from crosstrain.render.quizviews import localized
from tests.conftest import ROOT
from tests.quiz.gift_parser import parse_gift

CORPUS = load_corpus(ROOT)


def plain(text: str) -> str:
    return text.replace("**", "")


@pytest.mark.parametrize("locale", LOCALE_CODES)
@pytest.mark.parametrize("bank", CORPUS.banks, ids=lambda b: b.name)
def test_every_item_round_trips(bank, locale):
    questions = parse_gift(gift_bank(bank, locale))
    assert [q.title for q in questions] == [i.id for i in bank.items]
    for item, q in zip(bank.items, questions):
        t = lambda text: localized(text, locale)  # noqa: E731
        assert q.category == f"$course$/top/crosstrain/{bank.name}/{locale}"
        assert q.general == t(item.explanation)
        if item.type == "true_false":
            assert q.kind == "true_false" and q.answers[0].text == ("TRUE" if item.answer else "FALSE")
            assert plain(q.text) == plain(t(item.stem))
        elif item.type in ("single", "multiple", "cloze"):
            assert q.kind == item.type
            assert [a.text for a in q.answers] == [t(o.text) for o in item.options]
            assert [a.correct for a in q.answers] == [o.correct for o in item.options]
            assert [a.feedback for a in q.answers] == [t(o.feedback) for o in item.options]
        elif item.type == "match":
            assert [(a.text, a.match) for a in q.answers] == [
                (t(p.text), t(item.options[item.answer[i]].text)) for i, p in enumerate(item.prompts)]
        elif item.type == "order":
            assert q.kind == "match"
            assert [a.match for a in q.answers] == [t(item.options[i].text) for i in item.answer]
            assert [a.text for a in q.answers] == [str(n) for n in range(1, len(item.answer) + 1)]


def test_special_characters_survive_escaping():
    item = next(i for i in CORPUS.banks[0].items if i.type == "single")
    nasty = {"vi": "Giá = 5 {USD}: ~ giảm # 2\\3\ndòng mới", "en": "Price = 5 {USD}: ~ off # 2\\3\nnew line",
             "zh": "价格 = 5 {USD}：~ 折扣 # 2\\3\n新行"}
    options = (Option(nasty, True, {"vi": "a:b", "en": "a:b", "zh": "a:b"}),) + item.options[1:]
    options = tuple(replace(o, correct=(k == 0)) for k, o in enumerate(options))
    weird = replace(item, id="test.special", stem=nasty, options=options, explanation=nasty)
    bank = Bank("special", None, None, (weird,), CORPUS.banks[0].origin)
    for locale in ("vi", "en", "zh"):
        (q,) = parse_gift(gift_bank(bank, locale))
        assert q.text == nasty[locale] and q.answers[0].text == nasty[locale]
        assert q.general == nasty[locale] and q.answers[0].feedback == "a:b"


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("locale", LOCALE_CODES)
def test_gift_output_is_byte_identical_to_before_the_move(locale):
    """The expected files were written by crosstrain/quiz/export.py before it moved to
    crosstrain/export/gift.py, from a fixed bank with one item of each type; zh-Hant's was
    written again when derived zh-Hant moved to Taiwan wording (s2twp and the phrase table)."""
    banks, problems = load_banks(FIXTURES / "quizzes")
    assert not problems
    expected = (FIXTURES / "gift" / locale / "sample.gift.txt").read_text(encoding="utf-8")
    assert gift_bank(banks[0], locale) == expected
