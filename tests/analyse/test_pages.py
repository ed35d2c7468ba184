"""The trainers' results pages: tables and static SVG charts, aggregates only, no names."""

from __future__ import annotations

import json

from crosstrain.analyse.run import analyse
from crosstrain.analyse.store import write_stats
from crosstrain.cli import main
from crosstrain.corpus import load_corpus
from crosstrain.quiz.bank import load_banks
from crosstrain.render import render_pages
from tests.analyse.simulate import bank_records, plant_flagged_stats, write_records

BANK = "marketing-workflow"


def test_results_pages_show_aggregates_and_charts(project):
    plant_flagged_stats(project.root)
    pages = render_pages(load_corpus(project.root))
    for code in ("vi", "en", "zh", "zh-Hant"):
        page = pages[f"{code}/trainers/stats/{BANK}.md"]
        assert page.count("<svg") >= 2 and "<script" not in page and "http" not in page.replace("http://www.w3.org", "")
        assert "Learner" not in page  # the simulated learners' names
        assert f'href="{BANK}/"' in pages[f"{code}/trainers/stats/index.md"]
        assert 'href="stats/"' in pages[f"{code}/trainers/index.md"]
        assert f"../../stats/{BANK}/#item-" in pages[f"{code}/trainers/answer-keys/{BANK}.md"]
    assert "possible wrong key" in pages[f"en/trainers/stats/{BANK}.md"]
    assert "Cronbach" in pages[f"en/trainers/stats/{BANK}.md"]


def test_no_results_no_pages(project):
    pages = render_pages(load_corpus(project.root))
    assert not any("/trainers/stats/" in p for p in pages)
    assert 'href="stats/"' not in pages["en/trainers/index.md"]


def test_fewer_than_five_learners_reach_no_page(project):
    banks = load_banks(project.root / "quizzes")[0]
    bank = next(b for b in banks if b.name == BANK)
    write_records(project.root / "few", bank_records(bank, 4, seed=1))
    write_stats(project.root / "stats", analyse([project.root / "few"], banks))
    assert json.loads((project.root / "stats" / f"{BANK}.json").read_text())["items"] == []
    pages = render_pages(load_corpus(project.root))
    assert not any(p.endswith(f"stats/{BANK}.md") for p in pages)


def test_gain_per_objective_on_the_index(project):
    banks = load_banks(project.root / "quizzes")[0]
    bank = next(b for b in banks if b.name == BANK)
    module = load_corpus(project.root).modules[0]
    objective = module.objectives[0].id
    pre = bank_records(bank, 30, seed=1, quiz=f"module-{module.id}-pre")
    post = bank_records(bank, 30, seed=2, quiz=f"module-{module.id}-post", easy=tuple(i.id for i in bank.items))
    for record in pre + post:  # the quiz page tags each item with the objectives it tests
        for response in record["responses"]:
            response["objectives"] = [objective]
    write_records(project.root / "pre", pre)
    write_records(project.root / "post", post)
    assert main(["--root", str(project.root), "analyse", str(project.root / "pre"), str(project.root / "post"),
                 "--out", str(project.root / "report"), "--site"]) == 0
    gains = json.loads((project.root / "stats" / "gains.json").read_text())
    assert [g["objective"] for g in gains] == [objective] and gains[0]["gain"] == 1.0
    pages = render_pages(load_corpus(project.root))
    index = pages["en/trainers/stats/index.md"]
    text = next(o for o in module.objectives if o.id == objective).text["en"]
    assert text in index and "<svg" in index
    assert "1.00" in index
    assert (project.root / "report" / "report.txt").read_text().count("gain 1.00") == 1
