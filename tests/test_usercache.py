"""The per-user cache: computes only what it lacks, survives a damaged file, reads each
file once per process."""

from __future__ import annotations

import pytest

from crosstrain import usercache


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_LOADED", {})
    return tmp_path / "crosstrain"


def upper(calls: list):
    def compute(missing):
        calls.append(list(missing))
        return {key: key.upper() for key in missing}
    return compute


def test_only_missing_keys_are_computed_and_saved_per_library_version(cache_home, monkeypatch):
    calls = []
    assert usercache.cached_strings("demo", "pyyaml", ["a", "b"], upper(calls)) == {"a": "A", "b": "B"}
    assert usercache.cached_strings("demo", "pyyaml", ["b", "c"], upper(calls)) == {"b": "B", "c": "C"}
    assert calls == [["a", "b"], ["c"]]
    saved = list(cache_home.glob("demo-*.json"))
    assert len(saved) == 1 and saved[0].name == f"demo-{usercache._version('pyyaml')}.json"
    monkeypatch.setattr(usercache, "_LOADED", {})  # a new process reads the file
    assert usercache.cached_strings("demo", "pyyaml", ["a", "c"], upper(calls)) == {"a": "A", "c": "C"}
    assert calls == [["a", "b"], ["c"]]


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", '{"a": 7}'])
def test_a_damaged_file_is_recomputed(cache_home, damage):
    cache_home.mkdir(parents=True)
    (cache_home / f"demo-{usercache._version('pyyaml')}.json").write_text(damage, encoding="utf-8")
    calls = []
    assert usercache.cached_strings("demo", "pyyaml", ["a"], upper(calls)) == {"a": "A"}
    assert calls == [["a"]]


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    monkeypatch.setattr(usercache, "_LOADED", {})
    assert usercache.cached_strings("demo", "pyyaml", ["a"], upper([])) == {"a": "A"}
