"""Finding glossary terms in text: the longest form wins, Latin forms match whole words,
Chinese forms match anywhere, and the first occurrence on a page is the one marked."""

from __future__ import annotations

import random
import re

import pytest

from crosstrain.errors import Origin
from crosstrain.glossary import Term, blocks_by_term, find_terms, first_marks, with_tooltips
from crosstrain.model import Block


def term(term_id: str, **forms: tuple[str, ...]) -> Term:
    match = {"vi": (), "en": (), "zh": (), "zh-Hant": ()}
    match.update({k.replace("_", "-"): v for k, v in forms.items()})
    return Term(term_id, {"vi": term_id, "en": term_id, "zh": term_id}, {"vi": "d", "en": "d", "zh": "d"},
                match, "concept", Origin("glossary.yml", 1))


def blocks(*texts: str) -> list[Block]:
    return [Block(id=f"p{n}", kind="p", text=text) for n, text in enumerate(texts, start=1)]


TERMS = [
    term("kpi", en=("KPI", "KPIs")),
    term("sales", en=("sales",), vi=("bán hàng",)),
    term("salesfunnel", en=("sales funnel",)),
    term("brand", zh=("品牌",)),
    term("brandvalue", zh=("品牌价值",)),
]


def found(text: str, locale: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.term_id) for m in find_terms(TERMS, blocks(text), locale)]


def test_longest_form_wins():
    assert found("our sales funnel and sales", "en") == [("sales funnel", "salesfunnel"), ("sales", "sales")]
    assert found("品牌价值高于品牌", "zh") == [("品牌价值", "brandvalue"), ("品牌", "brand")]


def test_latin_forms_match_whole_words_only():
    assert found("KPIs, KPI and KPIx or xKPI", "en") == [("KPIs", "kpi"), ("KPI", "kpi")]
    assert found("wholesales", "en") == []


def test_chinese_forms_match_inside_running_text():
    assert found("建立品牌。", "zh") == [("品牌", "brand")]


def test_vietnamese_forms_with_diacritics():
    assert found("Nhân viên bán hàng giỏi", "vi") == [("bán hàng", "sales")]


def test_only_the_locale_forms_are_used():
    assert found("sales 品牌", "vi") == []


def test_occurrences_and_first_marks():
    matches = find_terms(TERMS, blocks("sales and KPI", "KPI again", "sales"), "en")
    assert blocks_by_term(matches) == {"sales": ["p1", "p3"], "kpi": ["p1", "p2"]}
    assert first_marks(matches, {"p1", "p2", "p3"}) == {"p1": [(0, 5, "sales"), (10, 13, "kpi")]}
    # a term first seen in a heading is marked in the first paragraph that has it
    assert first_marks(matches, {"p2", "p3"}) == {"p2": [(0, 3, "kpi")], "p3": [(0, 5, "sales")]}


def test_tooltips_escape_text_and_definition():
    html = with_tooltips("<b>KPI</b>", [(3, 6, "kpi")], {"kpi": 'a "key" <metric>'})
    assert html == '&lt;b&gt;<abbr title="a &#34;key&#34; &lt;metric&gt;">KPI</abbr>&lt;/b&gt;'


def naive(terms: list[Term], text: str, locale: str) -> list[tuple[int, int, str]]:
    """The plain alternation of every form, longest first: what the trie must agree with."""
    pairs = sorted(((f, t.id) for t in terms for f in t.match[locale]), key=lambda p: (-len(p[0]), p[0], p[1]))
    parts = []
    for form, _ in pairs:
        body = re.escape(form)
        if form[0].isascii() and form[0].isalnum():
            body = r"(?<!\w)" + body
        if form[-1].isascii() and form[-1].isalnum():
            body += r"(?!\w)"
        parts.append(f"({body})")
    pattern = re.compile("|".join(parts))
    return [(m.start(), m.end(), pairs[m.lastindex - 1][1]) for m in pattern.finditer(text)]


@pytest.mark.parametrize("locale", ["en", "vi", "zh"])
def test_agrees_with_a_plain_alternation_on_random_text(locale):
    rng = random.Random(locale)
    forms = [f for t in TERMS for f in t.match[locale]]
    alphabet = "".join(sorted(set("".join(forms)))) + " x.,\n"
    for _ in range(500):
        texts = ["".join(rng.choice(forms) if rng.random() < 0.4 else
                         "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3))) for _ in range(6))
                 for _ in range(rng.randint(1, 3))]
        got = [(m.block_id, m.start, m.end, m.term_id) for m in find_terms(TERMS, blocks(*texts), locale)]
        expected = [(f"p{n}", *found) for n, text in enumerate(texts, start=1)
                    for found in naive(TERMS, text, locale)]
        assert got == expected, texts


def test_glossary_page_lists_the_essays_that_use_a_term_most(project):
    """In a large corpus a common term would list every essay: the page links the ten
    that use it most and counts the others."""
    from crosstrain.corpus import load_corpus
    from crosstrain.glossary import occurrences
    from crosstrain.pipeline import ingest_step, render_step
    from crosstrain.render import GLOSSARY_PLACES
    from crosstrain.translate import resolve

    extra = GLOSSARY_PLACES + 3
    for n in range(extra):
        uses = "\n\n".join(["Đo KPI của đội bán hàng mỗi tuần để biết kết quả."] * (1 + n % 4))
        (project.raw / f"kpi-note-{n:02d}.txt").write_text(
            f"Ghi chú số {n} về chỉ số\n\n{uses}\n\nCuối cùng, hãy xem lại mục tiêu của tháng.\n", encoding="utf-8")
    assert not ingest_step(project).errors
    render_step(project.root)
    page = (project.docs / "vi" / "glossary.md").read_text(encoding="utf-8")
    entry = page.split("{ #kpi }")[1].split("\n## ")[0]
    listed = re.findall(r"^- \[.*?\]\(essays/([^)#]+)\.md\)", entry, re.M)
    assert len(listed) == GLOSSARY_PLACES
    counts = [entry.split(f"essays/{slug}.md)", 1)[1].split("\n")[0].count("](essays/") for slug in listed]
    assert counts == sorted(counts, reverse=True), "the essays that use the term most come first"
    more = re.search(r'<p class="ct-term-more">và (\d+) bài khác</p>', entry)
    corpus = load_corpus(project.root)
    shown = [resolve(essay, "vi").text for essay in corpus.essays.values()]
    using = sum(1 for text in shown if "kpi" in occurrences(corpus.glossary, text.blocks, text.locale))
    assert more and len(listed) + int(more[1]) == using


def test_chinese_names_sort_by_pinyin_through_a_user_cache(tmp_path, monkeypatch):
    from crosstrain.glossary import sort_key

    from crosstrain import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_LOADED", {})
    names = ["转化率", "品牌", "客户关系管理", "银行"]  # zhuǎn, pǐn, kè, yín (银行: háng, not xíng)
    expected = ["客户关系管理", "品牌", "银行", "转化率"]
    assert sorted(names, key=sort_key("zh", names)) == expected
    cache = next((tmp_path / "crosstrain").glob("pinyin-*.json"))
    assert "yin hang" in cache.read_text(encoding="utf-8")
    monkeypatch.setattr(usercache, "_LOADED", {})  # a new process: the pinyin comes from the file
    assert sorted(names, key=sort_key("zh-Hant", names)) == expected


def test_latin_form_next_to_a_chinese_character_matches():
    terms = [term("kpi", zh=("KPI",)), term("b2b", zh=("B2B",)), term("sem", zh=("SEM",))]
    text = "KPI包括网站访问量；B2B公司；SEM如何做"
    assert [m.term_id for m in find_terms(terms, blocks(text), "zh")] == ["kpi", "b2b", "sem"]
    # still whole words among Latin and Vietnamese letters
    assert find_terms(terms, blocks("KPIs, AKPI, SEMả"), "zh") == ()
