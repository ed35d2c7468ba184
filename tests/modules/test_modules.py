"""Modules on the site: every locale, learner pages without trainer notes, trainer pages
with them, and excerpts that are the essay pages' own paragraphs."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape

import pytest

from crosstrain.locales import LOCALES
from crosstrain.modules import load_modules
from crosstrain.quiz.bank import load_banks
from crosstrain.render.quizviews import localized
from tests.conftest import ROOT
from tests.site_build.test_site import page

MODULES = load_modules(ROOT / "content" / "modules")[0]


def test_at_least_three_modules_with_the_required_parts():
    assert {m.id for m in MODULES} >= {"marketing-for-sales", "sales-for-marketing", "working-together"}
    for module in MODULES:
        assert 3 <= len(module.objectives) <= 5
        assert module.activities and module.agenda and module.discussion and module.objections
        assert sum(s.minutes for s in module.agenda) == module.duration


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_learner_and_trainer_views(built, loc):
    for module in MODULES:
        learner = unescape(page(built, loc.code, f"modules/{module.id}/index.html"))
        trainer = unescape(page(built, loc.code, f"trainers/modules/{module.id}/index.html"))
        handout = unescape(page(built, loc.code, f"trainers/handouts/{module.id}/index.html"))
        for note in (module.activities[0].facilitation, module.discussion[0].expected, module.objections[0].response):
            text = localized(note, loc.code)
            assert text in trainer
            assert text not in learner and text not in handout
        assert localized(module.activities[0].instructions, loc.code) in learner
        assert localized(module.objectives[0].text, loc.code) in learner
        assert f"quizzes/module-{module.id}-pre/" in learner and f"quizzes/module-{module.id}-post/" in learner


def _paragraphs(html: str) -> dict[str, str]:
    return {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)).replace(" ¶", "").strip()
            for m in re.finditer(r'<p id="(p\d+)"[^>]*>(.*?)</p>', html, re.S)}


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_excerpts_equal_the_essay_paragraphs(built, loc):
    checked = 0
    for module in MODULES:
        html = page(built, loc.code, f"modules/{module.id}/index.html")
        for m in re.finditer(r'data-essay="([^"]+)" data-paragraph="(p\d+)"><p>(.*?)</p></blockquote>', html, re.S):
            essay, pid, excerpt = m.groups()
            essay_page = _paragraphs(page(built, loc.code, f"essays/{essay}/index.html"))
            if pid in essay_page:  # headings are shown in bold, paragraphs word for word
                assert re.sub(r"<[^>]+>", "", excerpt).strip() == essay_page[pid]
                checked += 1
    assert checked > 10


def test_tracks_page_orders_modules_and_essays(built):
    html = page(built, "en", "tracks/index.html")
    sales = html[html.index('id="sales"'):html.index('id="marketing"')]
    assert sales.index("modules/marketing-for-sales/") < sales.index("modules/working-together/")
    assert "min" in sales


def _quiz_data(built, path):
    html = page(built, "en", path)
    return json.loads(re.search(r'<script type="application/json" id="ct-quiz-data">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.id)
def test_pre_and_post_tests_are_parallel_forms(built, module):
    """Separate pages, no shared item, every objective in both with the same kinds of item."""
    pre = _quiz_data(built, f"quizzes/module-{module.id}-pre/index.html")
    post = _quiz_data(built, f"quizzes/module-{module.id}-post/index.html")
    assert (pre["form"], post["form"], pre["module"]) == ("pre", "post", module.id)
    assert not {i["id"] for i in pre["items"]} & {i["id"] for i in post["items"]}
    items = {i.id: i for b in load_banks(ROOT / "quizzes")[0] for i in b.items}
    for objective in module.objectives:
        kinds = []
        for form in (pre, post):
            mine = [i for i in form["items"] if objective.id in i["objectives"]]
            assert len(mine) >= 2, (objective.id, form["form"])
            kinds.append(Counter(items[i["id"]].generator for i in mine))
        assert kinds[0].keys() & kinds[1].keys(), (objective.id, kinds)
