"""The results rules name the planted items, from stats/ or from `check --responses DIR`;
statistics of an earlier version of a bank are ignored."""

from __future__ import annotations

import shutil

from crosstrain.checks import run_rules
from crosstrain.cli import main
from crosstrain.corpus import load_corpus
from tests.analyse.simulate import plant_flagged_stats


def results_problems(root):
    return [p for p in run_rules(load_corpus(root), families="R")]


def test_planted_items_are_named_with_their_line(project):
    expected = plant_flagged_stats(project.root)
    found = results_problems(project.root)
    for code, item_id in expected.items():
        named = [p for p in found if p.code == code and p.subject == item_id]
        assert named, (code, item_id, [(p.code, p.subject) for p in found])
        assert named[0].origin.path.name == "marketing-workflow.yml" and named[0].origin.line
        assert named[0].severity == "warning"


def test_check_with_responses_folder(project, capsys, monkeypatch):
    expected = plant_flagged_stats(project.root)
    shutil.rmtree(project.root / "stats")
    monkeypatch.chdir(project.root)
    assert main(["--root", str(project.root), "check"]) == 0
    assert "R002" not in capsys.readouterr().out
    status = main(["--root", str(project.root), "check", "--strict", "--responses", str(project.root / "responses")])
    out = capsys.readouterr().out
    assert status == 1
    assert f"R002: {expected['R002']}" in out and f"R003: {expected['R003']}" in out


def test_statistics_of_an_older_bank_are_ignored(project):
    plant_flagged_stats(project.root)
    bank = project.root / "quizzes" / "marketing-workflow.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("difficulty: 2", "difficulty: 3", 1), encoding="utf-8")
    assert results_problems(project.root) == []
