"""Short texts converted through the per-user OpenCC cache give what OpenCC gives."""

from __future__ import annotations

from crosstrain.translate import opencc_convert, opencc_convert_cached


def test_cached_conversion_matches_opencc_and_survives_a_damaged_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forms = ["客户关系管理", "转化率", "数据"]
    expected = {f: opencc_convert(f, "s2tw") for f in forms}
    assert opencc_convert_cached(forms, "s2tw") == expected
    cache = next((tmp_path / "crosstrain").glob("opencc-*.json"))
    assert "客戶關係管理" in cache.read_text(encoding="utf-8")
    assert opencc_convert_cached(forms, "s2tw") == expected  # now from the cache
    assert opencc_convert_cached(["轉化率"], "t2s") == {"轉化率": "转化率"}  # configs kept apart
    cache.write_text("[1, 2", encoding="utf-8")
    assert opencc_convert_cached(forms, "s2tw") == expected
