"""Generation is deterministic, keeps authored items verbatim, and meets the bank targets."""

from __future__ import annotations

from collections import Counter

from crosstrain.corpus import load_corpus
from crosstrain.quiz.bank import AUTHORED_MARKER
from crosstrain.quiz.generate import generate_banks
from tests.conftest import ROOT


def bank_files(root):
    return {p.name: p.read_bytes() for p in sorted((root / "quizzes").glob("*.yml"))}


def test_generate_reproduces_the_committed_banks(project):
    before = bank_files(project.root)
    assert generate_banks(project.root) == []
    assert bank_files(project.root) == before


def test_generate_twice_is_byte_identical_from_scratch(project):
    for path in (project.root / "quizzes").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index(AUTHORED_MARKER) + len(AUTHORED_MARKER)] + "\n", encoding="utf-8")
    generate_banks(project.root)
    first = bank_files(project.root)
    generate_banks(project.root)
    assert bank_files(project.root) == first == bank_files(ROOT)


def test_authored_items_are_never_overwritten(project):
    path = project.root / "quizzes" / "marketing-workflow.yml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("items:\n", "items:\n# a trainer's note, kept as written\n", 1)
    path.write_text(edited, encoding="utf-8")
    generate_banks(project.root)
    after = path.read_text(encoding="utf-8")
    assert after.split(AUTHORED_MARKER)[0] == edited.split(AUTHORED_MARKER)[0]
    assert "# a trainer's note, kept as written" in after


def test_bank_targets():
    corpus = load_corpus(ROOT)
    items = [i for b in corpus.banks for i in b.items]
    assert len(items) >= 150
    per_essay = Counter(i.source.essay for i in items)
    assert all(per_essay[slug] >= 20 for slug in corpus.essays), per_essay
    assert sum(1 for i in items if i.generator == "authored") >= 10
    for bank in corpus.banks:
        types = {i.type for i in bank.items}
        notes = corpus.notes[bank.essay]
        expected = {"single", "true_false", "cloze", "match"}
        if any(len(p.steps) >= 3 for p in notes.processes):
            expected.add("order")
        if notes.contrasts:
            expected.add("multiple")
        assert expected <= types, (bank.name, expected - types)
