"""Ingest of the five seed essays, checked against what a reader sees in the raw files."""

from __future__ import annotations

import pytest

from crosstrain.ingest.decode import read_raw
from crosstrain.store import load_essay
from tests.conftest import ROOT

ESSAYS = ROOT / "content" / "essays"

EXPECTED = {
    "marketing-multitask": dict(
        title="Tại sao làm Marketing cần phải Multi task và linh hoạt?",
        author="Bach", source=None, language="vi", script=None, blocks=9,
        stripped=[("by Bach", "author-by"), ("Bài viết gần đây", "related-posts-vi"),
                  ("Leave a Comment", "related-posts-vi"),
                  ("error: Content is protected !!", "related-posts-vi")],
    ),
    "marketing-workflow": dict(
        title="Những quy trình cơ bản khi làm marketing",
        author=None, source=None, language="vi", script=None, blocks=29,
        stripped=[("Xem thêm: Những công việc cơ bản khi làm marketing phải biết", "see-also-link"),
                  ("Xem thêm: Các bạn sinh viên marketing cần chuẩn bị và làm những gì", "see-also-link")],
    ),
    "digital-marketing-thinking": dict(
        title=None, author=None, source=None, language="zh", script="Hant", blocks=33,
        stripped=[("《免責聲明:本站部分內容來源互聯網,旨在分享,如有關于作品內容、版權或其它問題請及時聯系!》",
                   "disclaimer-zh")],
    ),
    "marketing-vs-sales": dict(
        title="Sự khác biệt giữa Marketing & Sale và cách hòa hợp giữa hai bộ phận trong công việc",
        author=None, source="startup.gov.vn", language="vi", script=None, blocks=14,
        stripped=[("Tỉnh đoàn hưng yên", "site-header"), ("Thành phố hưng yên", "site-header"),
                  ("Sự khác biệt giữa Marketing & Sale và cách hòa hợp giữa hai bộ phận trong công việc",
                   "repeated-title"),
                  ("Nguồn: startup.gov.vn", "source-label"), ("BÀI VIẾT LIÊN QUAN", "related-posts-vi")],
    ),
    "sales-learn-marketing": dict(
        title='SALES MUỐN CÓ "SỐ", PHẢI HỌC MARKETING',
        author=None, source=None, language="vi", script=None, blocks=7,
        stripped=[("(Share tự do!)", "share-free-vi"), ("No comments:", "comment-form"),
                  ("Post a Comment", "comment-form")],
    ),
}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_seed_metadata(slug):
    essay = load_essay(ESSAYS / slug)
    expected = EXPECTED[slug]
    if expected["title"]:
        assert essay.title == expected["title"]
        assert essay.title_source == "raw"
    assert essay.author == expected["author"]
    assert essay.source == expected["source"]
    assert (essay.language, essay.script) == (expected["language"], expected["script"])
    assert len(essay.original.blocks) == expected["blocks"]
    assert [(s.text, s.rule) for s in essay.stripped] == expected["stripped"]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_no_body_line_is_lost(slug):
    """Every raw line is either in the body, the title, or recorded as stripped."""
    essay = load_essay(ESSAYS / slug)
    raw = read_raw(ROOT / "content" / "raw" / essay.raw_file).text
    accounted = {b.text for b in essay.original.blocks} | {s.text for s in essay.stripped}
    accounted.add(essay.title)
    lost = [line.strip() for line in raw.split("\n") if line.strip() and line.strip() not in accounted]
    assert lost == []


def test_chinese_seed_records_mixed_script():
    essay = load_essay(ESSAYS / "digital-marketing-thinking")
    assert essay.original_locale == "zh-Hant"
    assert {"并", "么", "于"} <= set(essay.mixed_script_chars)


def test_numbered_steps_keep_their_structure():
    workflow = load_essay(ESSAYS / "marketing-workflow").original
    kinds = [b.kind for b in workflow.blocks]
    assert kinds.count("step") == 8
    assert workflow.blocks[1].text == "1. Tiếp nhận công việc" and workflow.blocks[1].kind == "step"
    assert [b.kind for b in workflow.blocks[2:5]] == ["part", "part", "part"]
    chinese = load_essay(ESSAYS / "digital-marketing-thinking").original
    steps = [b.text[:2] for b in chinese.blocks if b.kind == "step"]
    assert steps == ["第一", "第二", "第三"]
    assert sum(1 for b in chinese.blocks if b.kind == "li") == 5


def test_seeds_ingest_byte_for_byte_as_before(tmp_path):
    """Their paragraph ids are cited by notes, quizzes and translations: a new detector that
    strips or keeps one more seed line would break them."""
    import shutil

    from crosstrain.ingest import ingest
    from crosstrain.ingest.rules import load_rules

    shutil.copytree(ROOT / "content" / "essays", tmp_path / "essays")
    report = ingest(ROOT / "content" / "raw", tmp_path / "essays", load_rules(ROOT / "content" / "ingest-rules.yml"))
    assert report.errors == [] and report.written == []
    for folder in sorted(ESSAYS.iterdir()):
        for file in sorted(folder.iterdir()):
            assert (tmp_path / "essays" / folder.name / file.name).read_bytes() == file.read_bytes(), file
