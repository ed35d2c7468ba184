"""Render writes only what changed and removes what it no longer generates."""

from __future__ import annotations

from crosstrain.render import remove_stale, write_tree


def test_stale_pages_and_empty_folders_are_removed(tmp_path):
    docs = tmp_path / "docs"
    pages = {"vi/index.md": "a", "en/essays/one.md": "b", "en/essays/two.md": "c"}
    assert write_tree(docs, pages) == (3, 0)
    (docs / "en" / "old" / "deep").mkdir(parents=True)
    (docs / "en" / "old" / "deep" / "gone.md").write_text("x", encoding="utf-8")
    (docs / "zh").mkdir()
    del pages["en/essays/two.md"]
    assert write_tree(docs, pages) == (0, 2)
    left = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*"))
    assert left == ["en", "en/essays", "en/essays/one.md", "vi", "vi/index.md"]


def test_nothing_to_remove_without_a_docs_folder(tmp_path):
    assert remove_stale(tmp_path / "missing", set()) == 0
