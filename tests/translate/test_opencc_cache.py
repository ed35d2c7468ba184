"""Short texts derived through the per-user cache give what `derive` gives."""

from __future__ import annotations

from crosstrain.translate import derive, derive_cached
from crosstrain.translate.chinese import phrase_table


def test_cached_derivation_matches_derive(tmp_path, monkeypatch):
    from crosstrain import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_LOADED", {})
    forms = ["客户关系管理", "转化率", "数据"]
    expected = {f: derive(f, "zh-Hant") for f in forms}
    assert derive_cached(forms, "zh-Hant") == expected
    cache = next((tmp_path / "crosstrain").glob(f"derive-zh-Hant-{phrase_table().digest}-*.json"))
    assert "客戶關係管理" in cache.read_text(encoding="utf-8")
    monkeypatch.setattr(usercache, "_LOADED", {})  # a new process: derived forms come from the file
    assert derive_cached(forms, "zh-Hant") == expected
    assert derive_cached(["轉化率"], "zh") == {"轉化率": "转化率"}  # directions kept apart
