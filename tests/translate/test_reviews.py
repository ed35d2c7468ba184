"""`crosstrain status` says when a person last reviewed each locale (content/reviews.yml)."""

from __future__ import annotations

import pytest

from crosstrain.cli import main
from crosstrain.errors import CrosstrainError
from crosstrain.translate.status import load_reviews
from tests.conftest import ROOT


def test_every_locale_has_a_review_date():
    reviews = load_reviews(ROOT / "content" / "reviews.yml")
    assert set(reviews) == {"vi", "en", "zh", "zh-Hant"}
    assert all(len(r.date) == 10 for r in reviews.values())


def test_status_prints_the_last_review_per_locale(project, capsys):
    (project.root / "content" / "reviews.yml").write_text("vi: {date: 2026-11-30, scope: strings}\n", encoding="utf-8")
    assert main(["--root", str(project.root), "status"]) == 0
    out = capsys.readouterr().out
    assert "vi       2026-11-30  strings" in out and "zh-Hant  never" in out


def test_a_review_without_a_date_names_its_line(tmp_path):
    path = tmp_path / "reviews.yml"
    path.write_text("vi: {date: 2026-11-30}\nzh: {scope: all}\n", encoding="utf-8")
    with pytest.raises(CrosstrainError) as error:
        load_reviews(path)
    assert str(error.value).startswith(f"{path}:2: zh: the review needs a date")
