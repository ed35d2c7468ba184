"""Paragraph ids survive re-ingests: edits keep ids, new paragraphs get unused numbers."""

from __future__ import annotations

from crosstrain.ingest.ids import assign_ids
from crosstrain.ingest.segment import RawBlock
from crosstrain.model import Block


def raw(*texts):
    return [RawBlock("p", t, i) for i, t in enumerate(texts, start=1)]


def test_first_ingest_numbers_in_order():
    blocks, last = assign_ids(raw("a a a", "b b b", "c c c"), (), 0)
    assert [b.id for b in blocks] == ["p1", "p2", "p3"] and last == 3


def test_insert_edit_and_delete_keep_the_other_ids():
    previous, last = assign_ids(raw("Alpha paragraph one.", "Beta paragraph two.", "Gamma paragraph three."), (), 0)
    new = raw("A new opening paragraph here.", "Alpha paragraph one.", "Beta paragraph two, edited.")
    blocks, last = assign_ids(new, previous, last)
    assert [b.id for b in blocks] == ["p4", "p1", "p2"]
    assert last == 4


def test_deleted_ids_are_never_reused():
    previous = [Block("p1", "p", "One."), Block("p2", "p", "Two.")]
    blocks, last = assign_ids(raw("One.", "Something entirely different and new."), previous, 5)
    assert [b.id for b in blocks] == ["p1", "p6"] and last == 6


def test_reingest_after_edit_keeps_ids(project):
    from crosstrain.pipeline import ingest_step
    from crosstrain.store import load_essay

    before = load_essay(project.essays / "marketing-multitask").original
    path = project.raw / "marketing-multitask.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Hơn nữa, đó còn là sự chủ động.",
                                 "Một đoạn mới chen vào giữa bài.\n\nHơn nữa, đó còn là sự chủ động thật sự."),
                    encoding="utf-8")
    ingest_step(project)
    after = load_essay(project.essays / "marketing-multitask").original
    old = {b.id: b.text for b in before.blocks}
    new = {b.id: b.text for b in after.blocks}
    assert set(old) <= set(new)
    assert new["p10"] == "Một đoạn mới chen vào giữa bài."
    edited = next(i for i, t in old.items() if t.startswith("Hơn nữa"))
    assert new[edited].startswith("Hơn nữa, đó còn là sự chủ động thật sự.")
