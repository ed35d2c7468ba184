"""Derived Chinese: Taiwan vocabulary and character fixes, protected terms, and the
checker rule that keeps mainland-only words out of derived zh-Hant text."""

from __future__ import annotations

import pytest

from crosstrain.translate import derive, resolve
from crosstrain.translate.chinese import parse_table, phrase_table
from crosstrain.translate.vocabulary import mainland_hits, mainland_words, seed_words
from crosstrain.store import load_essays
from tests.conftest import ROOT


@pytest.mark.parametrize("simplified, taiwan", [
    ("数字营销需要反馈", "數位行銷需要回饋"),  # the project's table
    ("上传视频和信息", "上傳影片和資訊"),  # OpenCC's Taiwan phrases (s2twp)
    ("2天后发布", "2天後發布"),  # 後, not 天后 the goddess; 發布, not s2twp's 釋出
    ("三天后再说", "三天後再說"),
    ("并为客户", "並為客戶"),  # 並 "and" …
    ("合并为一个团队", "合併為一個團隊"),  # … 併 "merge"
    ("划分权限，最后审核文件", "劃分權限，最後審核文件"),  # protected: not 許可權, 稽核, 檔案
    ("而不是只评创意", "而不是只評創意"),
    ("通过会议沟通，草图通过后再通过审核", "透過會議溝通，草圖通過後再通過審核"),  # 透過 "by means of"
    ("只会“烧钱”", "只會「燒錢」"),  # Taiwan quotes
])
def test_simplified_to_taiwan(simplified, taiwan):
    assert derive(simplified, "zh-Hant") == taiwan


def test_traditional_to_simplified_keeps_the_aspect_particle():
    assert derive("隔著一道牆，有著顯著的差別，著名", "zh") == "隔着一道墙，有着显著的差别，著名"
    assert derive("「緊密相連」", "zh") == "“紧密相连”"  # mainland quotes


def test_originals_in_traditional_are_never_converted():
    essay = next(e for e in load_essays(ROOT / "content" / "essays") if e.original_locale == "zh-Hant")
    shown = resolve(essay, "zh-Hant")
    assert shown.status == "original" and shown.text is essay.original


def test_mainland_list_is_seeded_from_opencc_less_taiwan_words():
    seed = seed_words()
    assert "視頻" in seed and "數字" not in seed  # OpenCC lists 數字 -> 數字 數位: Taiwan writes it too
    words = mainland_words(phrase_table())
    assert {"營銷", "反饋", "視頻", "模塊"} <= set(words)
    assert "權限" not in words  # protected: Taiwan writes it
    assert mainland_hits("數字營銷與視頻") == ["數字營銷", "視頻"]


def test_every_mainland_word_of_the_table_has_a_taiwan_phrase():
    table = phrase_table()
    for word in table.mainland_only:
        assert mainland_hits(derive(derive(word, "zh"), "zh-Hant")) == [], word


def test_table_parses_protected_phrases_and_fixes():
    table = parse_table("to_hant: {phrases: {甲: 乙}, protected: [权限], fixes: [['a', 'b']]}\n")
    assert table.to_hant.phrases == {"甲": "乙"} and table.to_hant.protected == ("权限",)
    assert table.to_hant.pattern.pattern == "权限|甲"
    assert table.to_hans.pattern is None and table.digest


def test_taiwan_interface_strings_are_written_in_taiwan_usage():
    from crosstrain.render.strings import table

    strings = table("zh-Hant")
    for key, value in strings.items():
        assert mainland_hits(value) == [], (key, value)
        assert "“" not in value and "”" not in value, (key, "Taiwan quotes with 「」")
    assert strings["tag.leadership"] == "領導力" and strings["module.quiz"] == "模組測驗"


def test_search_query_map_covers_both_scripts_and_regions():
    import json

    from crosstrain.render.queryscript import query_map

    to_hans, to_hant = json.loads(query_map("zh")), json.loads(query_map("zh-Hant"))
    sources, targets = to_hans["chars"]
    assert targets[sources.index("戶")] == "户"
    assert to_hans["phrases"]["行銷"] == "营销"
    sources, targets = to_hant["chars"]
    assert targets[sources.index("户")] == "戶"
    assert to_hant["phrases"]["营销"] == to_hant["phrases"]["營銷"] == "行銷"


def test_seed_file_is_what_the_installed_opencc_gives():
    """After an OpenCC upgrade, run scripts/seed_mainland_words.py to refresh the seed."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("seed", ROOT / "scripts" / "seed_mainland_words.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    seed = ROOT / "crosstrain" / "translate" / "zh-mainland-seed.txt"
    assert seed.read_text(encoding="utf-8") == script.seed_text()
