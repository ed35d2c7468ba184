"""End to end: take a quiz in Chromium choosing options by their shuffled position, download
the attempt and copy its code, and analyse both: the options come back in canonical order."""

from __future__ import annotations

import json

from crosstrain.analyse.records import read_attempt_file, read_codes, validator
from crosstrain.analyse.run import analyse
from crosstrain.quiz.bank import load_banks
from crosstrain.quiz.fingerprint import quiz_fingerprint
from tests.browser.test_quiz import answer, quiz_data, quiz_url
from tests.conftest import ROOT

BANK = "marketing-workflow"


def take_by_position(page):
    """Answer every single-choice item with the option shown SECOND (after shuffling), the
    others rightly; {item id: canonical index of the option clicked}."""
    clicked, others = {}, []
    for item in quiz_data(page)["items"]:
        if item["type"] not in ("single", "cloze"):
            others.append(item)
            continue
        fs = page.locator(f'[data-ct-item="{item["id"]}"]')
        shown = fs.locator("[data-ct-option]").nth(1)
        clicked[item["id"]] = int(shown.get_attribute("data-ct-option"))
        shown.locator("input").check()
        fs.locator(".ct-check").click()
    answer(page, right=True, items=others)
    return clicked


def test_download_and_code_map_back_to_canonical_options(page, site_url, tmp_path):
    page.goto(quiz_url(site_url, "en", BANK))
    data = quiz_data(page)
    bank = next(b for b in load_banks(ROOT / "quizzes")[0] if b.name == BANK)
    assert data["fingerprint"] == quiz_fingerprint(bank.items)
    box = page.locator("[data-ct-attempt]")
    assert box.count() == 0 or box.is_hidden()
    clicked = take_by_position(page)
    assert box.is_visible()
    box.locator("input[type=text]").fill("Nguyễn Văn A")
    with page.expect_download() as download:
        box.locator("[data-ct-action=download-attempt]").click()
    path = tmp_path / "attempt.json"
    download.value.save_as(path)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert list(validator().iter_errors(record)) == []
    assert record["quiz"] == BANK and record["locale"] == "en" and record["learner"] == "Nguyễn Văn A"
    responses = {r["item"]: r for r in record["responses"]}
    items = {i.id: i for i in bank.items}
    for item_id, canonical in clicked.items():
        assert responses[item_id]["response"] == [canonical]
        assert responses[item_id]["correct"] == (canonical in items[item_id].keys)
    # the shuffle was real: some option shown second was not the bank's second option
    assert any(canonical != 1 for canonical in clicked.values())

    box.locator("[data-ct-action=show-code]").click()
    code = box.locator("[data-ct-code]")
    code.wait_for(state="visible")
    (tmp_path / "codes.txt").write_text(code.input_value() + "\n", encoding="utf-8")
    (from_code,), errors = read_codes(tmp_path / "codes.txt")
    assert errors == []
    from_file = read_attempt_file(path)
    assert from_code.responses == from_file.responses  # the code carries the same answers, not the name
    assert "Nguyễn" not in json.dumps([r.item for r in from_code.responses])

    result = analyse([path, tmp_path / "codes.txt"], load_banks(ROOT / "quizzes")[0])
    assert result.errors == [] and result.attempts == 2
    assert result.quizzes[0].quiz == BANK and not result.quizzes[0].shown  # 2 learners: no figures
    assert page.console_errors == []
