"""Language and script detection, and its per-user cache of character scripts."""

from __future__ import annotations

import importlib

import pytest

from crosstrain.ingest.detect import Detected, detect

# the package's `detect` attribute is the function; the module is needed for its cache
detect_module = importlib.import_module("crosstrain.ingest.detect")

TRADITIONAL = "數位行銷的思維：從理想到現實，市場人員如何建立執行力。这段话混入了简体字。"


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    detect_module._known_scripts.cache_clear()
    yield tmp_path
    detect_module._known_scripts.cache_clear()


def test_script_and_mixed_characters_with_a_cold_and_a_warm_cache(empty_cache):
    cold = detect(TRADITIONAL)
    assert cold.language == "zh" and cold.script == "Hant"
    assert {"这", "话", "简", "体"} <= set(cold.mixed_script_chars)
    detect_module._known_scripts.cache_clear()  # a new process: the cache is read from disk
    assert next((empty_cache / "crosstrain").glob("scripts-opencc-*.json")).stat().st_size > 0
    assert detect(TRADITIONAL) == cold


def test_a_damaged_cache_is_recomputed(empty_cache):
    folder = empty_cache / "crosstrain"
    folder.mkdir()
    from importlib.metadata import version

    (folder / f"scripts-opencc-{version('opencc')}.json").write_text('{"數": 7', encoding="utf-8")
    assert detect("简体中文的营销数据").script == "Hans"


@pytest.mark.parametrize("text, expected", [
    ("Nhân viên bán hàng cần hiểu khách hàng và thị trường.", Detected("vi", None)),
    ("Sales staff need to understand customers and the market.", Detected("en", None)),
    ("Les vendeurs doivent comprendre les clients et le marché très bien.", None),
])
def test_latin_languages(text, expected):
    assert detect(text) == expected
