"""Taking quizzes in a real browser: scoring, feedback, keyboard ordering, progress, room mode."""

from __future__ import annotations

import json

import pytest

from crosstrain.locales import DEFAULT_LOCALE, LOCALES
from crosstrain.quiz.bank import load_banks
from tests.conftest import ROOT

BANK = "marketing-workflow"
BANKS = [b.name for b in load_banks(ROOT / "quizzes")[0]]
MODULE = "marketing-for-sales"
MODULE_TESTS = [f"module-{m.stem}-{form}" for m in sorted((ROOT / "content" / "modules").glob("*.yml"))
                for form in ("pre", "post")]


def quiz_url(site_url, locale_code=DEFAULT_LOCALE.code, bank=BANK, query=""):
    prefix = "" if locale_code == DEFAULT_LOCALE.code else f"/{locale_code}"
    return f"{site_url}{prefix}/quizzes/{bank}/{query}"


def quiz_data(page):
    return json.loads(page.locator("#ct-quiz-data").text_content())


def order_by_keyboard(page, fs, answer):
    """Move each step into place with the ↑ buttons, pressing Enter on the focused button."""
    for target, wanted in enumerate(answer):
        current = [int(x) for x in fs.locator("[data-ct-option]").evaluate_all(
            "els => els.map(e => e.getAttribute('data-ct-option'))")]
        position = current.index(wanted)
        if position == target:
            continue
        fs.locator(f'[data-ct-option="{wanted}"] .ct-move').first.focus()
        for _ in range(position - target):
            page.keyboard.press("Enter")


def answer(page, right: bool, items=None):
    """Answer the quiz's items (or the given ones) rightly or wrongly, and check each."""
    data = quiz_data(page)
    for item in data["items"] if items is None else items:
        fs = page.locator(f'[data-ct-item="{item["id"]}"]')
        kind = item["type"]
        if kind == "true_false":
            value = str(item["answer"] if right else not item["answer"]).lower()
            fs.locator(f'input[value="{value}"]').check()
        elif kind in ("single", "cloze", "multiple"):
            count = fs.locator("input").count()
            chosen = item["keys"] if right else [i for i in range(count) if i not in item["keys"]][:1]
            for index in chosen:
                fs.locator(f'input[value="{index}"]').check()
        elif kind == "order":
            wanted = item["answer"] if right else list(reversed(item["answer"]))
            order_by_keyboard(page, fs, wanted)
        elif kind == "match":
            count = len(item["answer"])
            for prompt, option in enumerate(item["answer"]):
                value = option if right else (option + 1) % count
                fs.locator(f'select[data-ct-prompt="{prompt}"]').select_option(str(value))
        fs.locator(".ct-check").click()


def test_all_right_scores_100(page, site_url):
    page.goto(quiz_url(site_url, "en"))
    answer(page, right=True)
    total = len(quiz_data(page)["items"])
    assert page.locator(".ct-score-total").text_content() == f"Score: {total} of {total} (100%)"
    assert page.locator(".ct-verdict--wrong").count() == 0
    assert page.console_errors == []


def test_all_wrong_scores_0_with_explanations(page, site_url):
    page.goto(quiz_url(site_url, "vi"))
    answer(page, right=False)
    total = len(quiz_data(page)["items"])
    assert page.locator(".ct-score-total").text_content() == f"Điểm: 0/{total} (0%)"
    assert page.locator(".ct-verdict--wrong").count() == total
    assert page.locator(".ct-key[open]").count() == total
    first_key = page.locator(".ct-key").first
    assert first_key.is_visible() and first_key.locator("a").get_attribute("href").startswith("../../essays/")


def test_order_item_solved_with_keyboard(page, site_url):
    page.goto(quiz_url(site_url, "en"))
    item = next(i for i in quiz_data(page)["items"] if i["type"] == "order")
    fs = page.locator(f'[data-ct-item="{item["id"]}"]')
    order_by_keyboard(page, fs, item["answer"])
    fs.locator(".ct-check").focus()
    page.keyboard.press("Enter")
    assert fs.locator(".ct-verdict--right").count() == 1


def test_progress_survives_reload_and_reset_clears_it(page, site_url):
    page.goto(quiz_url(site_url, "zh"))
    first = quiz_data(page)["items"][0]
    fs = page.locator(f'[data-ct-item="{first["id"]}"]')
    fs.locator(f'input[value="{first["keys"][0]}"]').check()
    fs.locator(".ct-check").click()
    page.reload()
    fs = page.locator(f'[data-ct-item="{first["id"]}"]')
    assert fs.locator(".ct-verdict--right").count() == 1
    assert fs.locator(f'input[value="{first["keys"][0]}"]').is_checked()
    stored = page.evaluate(f"localStorage.getItem('crosstrain:zh:{BANK}')")
    assert first["id"] in stored
    page.locator("[data-ct-action=reset]").click()
    assert page.evaluate(f"localStorage.getItem('crosstrain:zh:{BANK}')") is None
    assert fs.locator(".ct-verdict").count() == 0 and not fs.locator("input:checked").count()


def test_room_mode_reveals_and_navigates(page, site_url):
    page.goto(quiz_url(site_url, "en", query="?mode=room"))
    assert page.evaluate("document.body.classList.contains('ct-room')")
    items = page.locator("[data-ct-item]")
    assert page.locator(".ct-item.ct-current").count() == 1
    assert items.nth(0).is_visible() and not items.nth(1).is_visible()
    page.locator(".ct-reveal").click()
    assert items.nth(0).locator(".ct-key").is_visible()
    assert items.nth(0).locator(".ct-right").count() >= 1
    page.keyboard.press("ArrowRight")
    assert items.nth(1).is_visible() and not items.nth(0).is_visible()
    assert page.locator(".ct-room-counter").text_content() == f"Question 2 of {items.count()}"
    for _ in range(items.count()):
        page.keyboard.press("ArrowRight")
    final = page.locator(".ct-room-final")
    assert final.is_visible() and final.locator("li").count() == items.count()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.body.classList.contains('ct-room')")
    assert page.console_errors == []


def test_without_javascript_questions_and_answer_key_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(quiz_url(site_url, "en"))
    assert tab.locator("fieldset.ct-item legend").first.is_visible()
    assert tab.locator("details.ct-key").count() == tab.locator("fieldset.ct-item").count()
    assert not tab.locator("details.ct-key[open]").count()
    context.close()


@pytest.mark.parametrize("locale", [loc.code for loc in LOCALES])
def test_no_console_errors_on_quiz_pages(page, site_url, locale):
    urls = [quiz_url(site_url, locale, bank) for bank in BANKS + MODULE_TESTS]
    urls.append(quiz_url(site_url, locale, "").rstrip("/") + "/")
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
    assert page.console_errors == []


def test_post_test_shows_the_gain_per_objective(page, site_url):
    """Pre-test all wrong, post-test all right: every objective goes from 0 % to 100 %."""
    page.goto(quiz_url(site_url, "en", f"module-{MODULE}-post"))
    answer(page, right=True)
    assert "No pre-test result" in page.locator(".ct-gain").text_content()
    page.goto(quiz_url(site_url, "en", f"module-{MODULE}-pre"))
    answer(page, right=False)
    objectives = quiz_data(page)["objectives"]
    page.goto(quiz_url(site_url, "en", f"module-{MODULE}-post"))  # saved answers: scored on load
    rows = page.locator(".ct-gain tbody tr")
    assert rows.count() == len(objectives)
    for k in range(rows.count()):
        cells = rows.nth(k).locator("th, td").all_text_contents()
        assert cells[0] in objectives.values() and cells[1:] == ["0%", "100%", "+100"], cells
    assert page.console_errors == []
