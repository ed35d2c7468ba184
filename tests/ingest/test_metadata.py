"""Title, author, date and site found by ingest reach essay.yml (curated keys win) and the
essay page of every locale."""

from __future__ import annotations

import shutil

import yaml

from crosstrain.ingest import ingest
from crosstrain.ingest.rules import load_rules
from crosstrain.locales import LOCALES
from crosstrain.render import environment, essay_pages
from crosstrain.render.views import EssayView
from crosstrain.store import load_essay
from crosstrain.translate import resolve
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "ingest" / "corpus"


def _ingest(tmp_path, page: str):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    shutil.copy(CORPUS / page, raw / page)
    report = ingest(raw, tmp_path / "essays", load_rules(ROOT / "content" / "ingest-rules.yml"))
    assert report.errors == []
    return tmp_path / "essays" / report.written[0] if report.written else tmp_path / "essays" / report.unchanged[0]


def test_metadata_is_recorded_and_curated_keys_win(tmp_path):
    folder = _ingest(tmp_path, "vi-byline.html")
    record = yaml.safe_load((folder / "essay.yml").read_text("utf-8"))
    assert (record["title"], record["author"], str(record["date"]), record["site"]) == (
        "Viết email chào hàng không bị bỏ qua", "Minh Thư", "2025-04-08", "Nhật Ký Bán Hàng")
    record["curated"].update(author="Nguyễn Minh Thư", date="2025-04-09", site="nhatkybanhang.vn")
    (folder / "essay.yml").write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    _ingest(tmp_path, "vi-byline.html")  # a re-ingest keeps the curated keys
    essay = load_essay(folder)
    assert (essay.author, essay.date, essay.site) == ("Nguyễn Minh Thư", "2025-04-09", "nhatkybanhang.vn")


def test_metadata_on_the_essay_page_in_every_locale(tmp_path):
    essay = load_essay(_ingest(tmp_path, "zh-hant-page.html"))
    shown = {"vi": "14 tháng 2, 2025", "en": "February 14, 2025", "zh": "2025年2月14日", "zh-Hant": "2025年2月14日"}
    for loc in LOCALES:
        view = EssayView(essay, resolve(essay, loc.code), loc.code)
        page = essay_pages(environment(), [view], loc)[f"essays/{essay.slug}.md"]
        assert f'<time datetime="2025-02-14">{shown[loc.code]}</time>' in page
        assert "<dd>行銷小日子</dd>" in page and "<dd>林佳蓉</dd>" in page


def test_texts_without_date_or_site_write_no_such_keys(tmp_path):
    record = yaml.safe_load((_ingest(tmp_path, "vi-clean.txt") / "essay.yml").read_text("utf-8"))
    assert "date" not in record and "site" not in record
