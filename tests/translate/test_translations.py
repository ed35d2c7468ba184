"""Translations: aligned with their originals, derived scripts regenerated, staleness seen."""

from __future__ import annotations

import subprocess

import pytest

from crosstrain.checks import run_rules
from crosstrain.corpus import load_corpus
from crosstrain.model import DERIVED, TRANSLATION
from crosstrain.pipeline import render_step
from crosstrain.store import load_essays
from crosstrain.translate import convert_script, derived_by, resolve
from tests.conftest import ROOT

ESSAYS = load_essays(ROOT / "content" / "essays")


@pytest.mark.parametrize("essay", ESSAYS, ids=lambda e: e.slug)
def test_translations_have_exactly_the_original_ids(essay):
    translations = [t for t in essay.texts.values() if t.role == TRANSLATION]
    assert translations, "every seed essay is translated"
    ids = [b.id for b in essay.original.blocks]
    for text in translations:
        assert [b.id for b in text.blocks] == ids, text.locale
        assert all(b.text.strip() for b in text.blocks)
        assert all(b.source_sha256 == essay.original.block(b.id).sha256 for b in text.blocks)
        assert text.translated_from == essay.original_locale


def test_every_seed_reads_in_four_locales():
    for essay in ESSAYS:
        for code in ("vi", "en", "zh", "zh-Hant"):
            assert resolve(essay, code).status != "untranslated", (essay.slug, code)


def test_derived_texts_are_never_committed():
    tracked = subprocess.run(["git", "ls-files", "content/essays"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    for essay in ESSAYS:
        for text in essay.texts.values():
            assert text.role != DERIVED
    assert all(not path.endswith(".derived.md") for path in tracked)


def test_opencc_derivation_is_deterministic():
    essay = next(e for e in ESSAYS if e.slug == "marketing-workflow")
    first = convert_script(essay.texts["zh"], "zh-Hant")
    second = convert_script(essay.texts["zh"], "zh-Hant")
    assert first == second and first.derived_by == derived_by("zh-Hant")
    assert "為" in "".join(b.text for b in first.blocks) or "裡" in "".join(b.text for b in first.blocks)
    chinese = next(e for e in ESSAYS if e.slug == "digital-marketing-thinking")
    simplified = resolve(chinese, "zh")
    assert simplified.status == "derived" and simplified.text.derived_by == derived_by("zh")
    assert "并" in chinese.original.blocks[12].text or "并" in "".join(b.text for b in chinese.original.blocks)
    assert "數字營銷" not in "".join(b.text for b in simplified.text.blocks)


def test_editing_one_paragraph_marks_exactly_it_stale(project):
    path = project.essays / "marketing-vs-sales" / "vi.md"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("Đào tạo nội bộ\n", "Đào tạo nội bộ thường xuyên\n", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    problems = [p for p in run_rules(load_corpus(project.root)) if p.code == "T002"]
    assert sorted(p.subject for p in problems) == ["marketing-vs-sales#p7@en", "marketing-vs-sales#p7@zh"]
    assert all(p.severity == "warning" for p in problems)
    render_step(project.root)
    for locale in ("en", "zh", "zh-Hant"):
        page = (project.docs / locale / "essays" / "marketing-vs-sales.md").read_text(encoding="utf-8")
        assert page.count('class="ct-stale"') == 1, locale
    original = (project.docs / "vi" / "essays" / "marketing-vs-sales.md").read_text(encoding="utf-8")
    assert "ct-stale" not in original


def test_translation_citing_a_missing_paragraph_is_an_error(project):
    path = project.essays / "marketing-multitask" / "en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("{#p9 ", "{#p99 "), encoding="utf-8")
    problems = run_rules(load_corpus(project.root))
    codes = {(p.code, p.subject, p.severity) for p in problems}
    assert ("T001", "marketing-multitask#p99@en", "error") in codes
    assert ("T003", "marketing-multitask#p9@en", "warning") in codes
    t001 = next(p for p in problems if p.code == "T001")
    assert t001.origin.path == path and t001.origin.line == int(
        next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.startswith("{#p99")))
