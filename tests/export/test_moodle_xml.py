"""Moodle XML: well-formed, and every item of every bank (module banks too) parsed back
equals the bank: type, options, keys, feedback, in every language."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import partial

import pytest

from crosstrain.cli import main
from crosstrain.corpus import load_corpus
from crosstrain.export.files import citation
from crosstrain.export.moodle_xml import MOODLE_LANG, moodle_bank
from crosstrain.locales import LOCALE_CODES
from crosstrain.quiz.forms import FORMS, build_forms, module_form_bank
from crosstrain.render.quizviews import localized, quiz_html
from tests.conftest import ROOT

CORPUS = load_corpus(ROOT, with_essays=False)
ITEMS = {i.id: i for b in CORPUS.banks for i in b.items}
MODULE_BANKS = [(module_form_bank(m, form, forms), dict(forms.tests)) for m in CORPUS.modules
                for forms in [build_forms(m, ITEMS)] for form in FORMS]
BANKS = [(b, {}) for b in CORPUS.banks] + MODULE_BANKS
_SPAN = re.compile(r'<span lang="([a-z_]+)" class="multilang">(.*?)</span>(?=<span lang=|$)', re.S)
FROM_MOODLE = {v: k for k, v in MOODLE_LANG.items()}


def languages(text: str | None) -> dict[str, str]:
    """A multilang text back to {locale: text}; it must hold all four, nothing else."""
    found = {FROM_MOODLE[lang]: body for lang, body in _SPAN.findall(text or "")}
    assert "".join(f'<span lang="{MOODLE_LANG[c]}" class="multilang">{found[c]}</span>' for c in LOCALE_CODES) == text
    return found


def expected(text: dict) -> dict[str, str]:
    return {code: str(quiz_html(localized(text, code))) for code in LOCALE_CODES}


def plain(text: dict) -> dict[str, str]:
    return {code: html.escape(localized(text, code), quote=False) for code in LOCALE_CODES}


def questions(bank, tests, cite=citation, **options):
    root = ET.fromstring(moodle_bank(bank, cite, tests, **options))
    assert root.tag == "quiz"
    category, out = None, []
    for q in root:
        if q.get("type") == "category":
            category = q.findtext("category/text")
        else:
            out.append((category, q))
    return out


@pytest.mark.parametrize("bank,tests", BANKS, ids=lambda b: getattr(b, "name", ""))
def test_every_item_round_trips(bank, tests):
    parsed = questions(bank, tests)
    assert [q.findtext("name/text") for _, q in parsed] == [i.id for i in bank.items]
    for item, (category, q) in zip(bank.items, parsed):
        assert q.findtext("idnumber") == item.id
        if bank.module:
            assert category == f"$course$/top/crosstrain/modules/{bank.module}" + (
                f"/{tests[item.id][0]}" if tests.get(item.id) else "")
        else:
            assert category == f"$course$/top/crosstrain/essays/{bank.essay}"
        general = languages(q.findtext("generalfeedback/text"))
        for code in LOCALE_CODES:
            assert general[code] == f"<p>{quiz_html(localized(item.explanation, code))}</p>{citation(item, code)}"
        stem = languages(q.findtext("questiontext/text"))
        answers = q.findall("answer")
        if item.type in ("single", "multiple"):
            assert q.get("type") == "multichoice" and stem == expected(item.stem)
            assert q.findtext("single") == ("true" if item.type == "single" else "false")
            assert [languages(a.findtext("text")) for a in answers] == [expected(o.text) for o in item.options]
            assert [float(a.get("fraction")) > 0 for a in answers] == [o.correct for o in item.options]
            assert [languages(a.findtext("feedback/text")) for a in answers] == [
                expected(o.feedback) for o in item.options]
        elif item.type == "true_false":
            assert q.get("type") == "truefalse" and stem == expected(item.stem)
            assert {a.findtext("text"): a.get("fraction") for a in answers} == {
                "true": "100" if item.answer else "0", "false": "0" if item.answer else "100"}
        elif item.type == "match":
            assert q.get("type") == "matching" and stem == expected(item.stem)
            subs = q.findall("subquestion")
            assert [languages(s.findtext("text")) for s in subs] == [expected(p.text) for p in item.prompts]
            assert [languages(s.findtext("answer/text")) for s in subs] == [
                plain(item.options[item.answer[i]].text) for i in range(len(item.prompts))]
        elif item.type == "order":
            assert q.get("type") == "ordering" and stem == expected(item.stem)
            assert [languages(a.findtext("text")) for a in answers] == [expected(item.options[i].text)
                                                                         for i in item.answer]
            assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, len(item.answer) + 1)]
        elif item.type == "cloze":
            assert q.get("type") == "gapselect"
            for code, text in stem.items():
                assert text == str(quiz_html(localized(item.stem, code))).replace(str(quiz_html("___")), "[[1]]")
            choices = q.findall("selectoption")
            key = item.keys[0]
            order = [key] + [i for i in range(len(item.options)) if i != key]
            assert [languages(c.findtext("text")) for c in choices] == [plain(item.options[i].text) for i in order]
            assert {c.findtext("group") for c in choices} == {"1"}
            assert languages(q.findtext("correctfeedback/text")) == expected(item.options[key].feedback)
            wrong = languages(q.findtext("incorrectfeedback/text"))
            for code in LOCALE_CODES:
                shown = re.findall(r'<p data-option="(\d+)"><strong>(.*?)</strong>: (.*?)</p>', wrong[code])
                assert shown == [(str(i), expected(item.options[i].text)[code], expected(item.options[i].feedback)[code])
                                 for i in order[1:] if localized(item.options[i].feedback, code)]
        else:
            pytest.fail(f"untested item type {item.type}")


def test_order_items_as_matching_for_sites_without_the_ordering_type():
    bank, tests = next((b, t) for b, t in BANKS if any(i.type == "order" for i in b.items))
    for item, (_, q) in zip(bank.items, questions(bank, tests, ordering_fallback=True)):
        if item.type == "order":
            assert q.get("type") == "matching"
            subs = q.findall("subquestion")
            assert [languages(s.findtext("text")) for s in subs] == [
                {c: str(n) for c in LOCALE_CODES} for n in range(1, len(item.answer) + 1)]
            assert [languages(s.findtext("answer/text")) for s in subs] == [plain(item.options[i].text)
                                                                            for i in item.answer]


def test_every_item_type_is_covered():
    assert {i.type for b, _ in BANKS for i in b.items} == {"single", "multiple", "true_false", "order", "match",
                                                          "cloze"}


def test_sources_link_to_the_published_site_when_its_address_is_given():
    bank = CORPUS.banks[0]
    item = bank.items[0]
    cite = partial(citation, site_url="https://training.example.com/kb/")
    (_, q), *_ = questions(bank, {}, cite=cite)
    general = languages(q.findtext("generalfeedback/text"))
    paragraph = item.source.paragraphs[0]
    assert f'href="https://training.example.com/kb/essays/{item.source.essay}/#{paragraph}"' in general["vi"]
    assert f'href="https://training.example.com/kb/zh-Hant/essays/{item.source.essay}/#{paragraph}"' in general["zh-Hant"]


def test_a_site_url_that_is_no_web_address_is_refused(capsys):
    assert main(["--root", str(ROOT), "export", "moodle-xml", "--site-url", "training.example.com"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: --site-url") and "not a web address" in err and "Traceback" not in err
