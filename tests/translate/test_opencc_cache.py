"""Short texts converted through the per-user OpenCC cache give what OpenCC gives."""

from __future__ import annotations

from crosstrain.translate import opencc_convert, opencc_convert_cached


def test_cached_conversion_matches_opencc(tmp_path, monkeypatch):
    from crosstrain import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_LOADED", {})
    forms = ["客户关系管理", "转化率", "数据"]
    expected = {f: opencc_convert(f, "s2tw") for f in forms}
    assert opencc_convert_cached(forms, "s2tw") == expected
    assert "客戶關係管理" in next((tmp_path / "crosstrain").glob("opencc-s2tw-*.json")).read_text(encoding="utf-8")
    monkeypatch.setattr(usercache, "_LOADED", {})  # a new process: converted forms come from the file
    assert opencc_convert_cached(forms, "s2tw") == expected
    assert opencc_convert_cached(["轉化率"], "t2s") == {"轉化率": "转化率"}  # configs kept apart
