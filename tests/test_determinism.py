"""Reruns change nothing: ingest is idempotent, render is byte-identical, raw is untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crosstrain.errors import CrosstrainError
from crosstrain.pipeline import ingest_step, render_step
from crosstrain.store import load_essays


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ingest_twice_changes_nothing(project):
    first = ingest_step(project)
    snapshot = tree(project.content)
    second = ingest_step(project)
    assert tree(project.content) == snapshot
    assert second.written == [] and not first.errors


def test_committed_essays_are_what_ingest_writes(project):
    """content/essays in git is exactly what ingest makes of content/raw."""
    before = tree(project.essays)
    report = ingest_step(project)
    assert report.written == []
    assert tree(project.essays) == before


def test_render_twice_is_byte_identical(project):
    render_step(project.root)
    first = tree(project.docs)
    (project.docs / "vi" / "stray.md").write_text("left over", encoding="utf-8")
    render_step(project.root)
    assert tree(project.docs) == first


def test_raw_files_unchanged_after_full_build(built):
    for essay in load_essays(built.essays):
        digest = hashlib.sha256((built.raw / essay.raw_file).read_bytes()).hexdigest()
        assert digest == essay.raw_sha256


def test_process_pools_give_the_same_trees(project, tmp_path, monkeypatch):
    """The parallel paths (used from 50 essays) write exactly what the sequential ones do."""
    import crosstrain.ingest as ingest_module
    import crosstrain.render as render_module
    from tests.conftest import copy_project

    # essays no module reads: the parallel index pages see them only as summaries
    extra = {"extra-vi.txt": "Ghi chú về KPI\n\nĐội bán hàng đo KPI mỗi tuần để biết tỷ lệ chuyển đổi.\n",
             "extra-zh.txt": "关于客户的笔记\n\n销售团队每周跟进客户关系管理中的数据和转化率。\n"}
    for name, text in extra.items():
        (project.raw / name).write_text(text, encoding="utf-8")
    assert not ingest_step(project).errors
    render_step(project.root)
    sequential_docs = tree(project.docs)
    originals = {p: p.read_bytes() for p in project.essays.glob("*/*.md") if "role: original" in p.read_text("utf-8")}

    (tmp_path / "parallel").mkdir()
    other = copy_project(tmp_path / "parallel")
    for name, text in extra.items():
        (other.raw / name).write_text(text, encoding="utf-8")
    for path in originals:
        (other.essays / path.relative_to(project.essays)).unlink(missing_ok=True)  # ingest writes them again
    monkeypatch.setattr(ingest_module, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(render_module, "PARALLEL_FROM_ESSAYS", 1)
    report = ingest_step(other)
    assert not report.errors and len(report.written) == len(originals)
    for path, data in originals.items():
        assert (other.essays / path.relative_to(project.essays)).read_bytes() == data
    render_step(other.root)
    assert tree(other.docs) == sequential_docs


def test_a_damaged_essay_stops_the_parallel_render_with_its_name(project, monkeypatch):
    """Workers load the essays of a large corpus: their errors reach the user unchanged."""
    import crosstrain.render as render_module

    monkeypatch.setattr(render_module, "PARALLEL_FROM_ESSAYS", 1)
    record = project.essays / "marketing-vs-sales" / "essay.yml"
    record.write_text(record.read_text(encoding="utf-8") + "curated: [unclosed\n", encoding="utf-8")
    with pytest.raises(CrosstrainError) as caught:
        render_step(project.root)
    assert str(record) in str(caught.value) and "not valid YAML" in str(caught.value)
