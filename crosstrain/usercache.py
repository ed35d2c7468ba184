"""Per-user caches under ~/.cache/crosstrain: results that depend only on their inputs and
the pinned library that computed them, so every project and checkout can share them.
A cache that cannot be read or written is skipped, never an error."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path


def user_cache_dir(*parts: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base.joinpath("crosstrain", *parts)


@lru_cache(maxsize=None)
def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


# Each cache file is read once per process (render and ingest workers ask per essay).
_LOADED: dict[Path, dict] = {}


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict) -> None:
    # a temporary file per process: parallel workers may write at the same time
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def cached_strings(name: str, distribution: str, keys: Iterable[str],
                   compute: Callable[[list[str]], dict[str, str]]) -> dict[str, str]:
    """A string for each key, from the cache `name` of the installed `distribution`'s
    version; `compute` is called only for keys the cache lacks, and its results are saved."""
    keys = list(keys)
    path = user_cache_dir(f"{name}-{_version(distribution)}.json")
    if path not in _LOADED:
        _LOADED[path] = _read(path)
    known = _LOADED[path]
    missing = sorted({key for key in keys if not isinstance(known.get(key), str)})
    if missing:
        known.update(compute(missing))
        _write(path, known)
    return {key: known[key] for key in keys}
