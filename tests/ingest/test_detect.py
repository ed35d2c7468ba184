"""Language and script detection, and its per-user cache of character scripts."""

from __future__ import annotations

import pytest

from crosstrain import usercache
from crosstrain.ingest.detect import Detected, detect

TRADITIONAL = "數位行銷的思維：從理想到現實，市場人員如何建立執行力。这段话混入了简体字。"


def test_script_and_mixed_characters_with_a_cold_and_a_warm_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_LOADED", {})
    cold = detect(TRADITIONAL)
    assert cold.language == "zh" and cold.script == "Hant"
    assert {"这", "话", "简", "体"} <= set(cold.mixed_script_chars)
    assert any((tmp_path / "crosstrain").glob("opencc-scripts-*.json"))
    monkeypatch.setattr(usercache, "_LOADED", {})  # a new process: the cache is read from disk
    assert detect(TRADITIONAL) == cold
    assert detect("简体中文的营销数据").script == "Hans"


@pytest.mark.parametrize("text, expected", [
    ("Nhân viên bán hàng cần hiểu khách hàng và thị trường.", Detected("vi", None)),
    ("Sales staff need to understand customers and the market.", Detected("en", None)),
    ("Les vendeurs doivent comprendre les clients et le marché très bien.", None),
])
def test_latin_languages(text, expected):
    assert detect(text) == expected
