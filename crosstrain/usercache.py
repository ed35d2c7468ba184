"""Per-user caches under ~/.cache/crosstrain: results that depend only on their inputs (and
the pinned library that computed them), so every project and checkout can share them.
A cache that cannot be read or written is skipped, never an error."""

from __future__ import annotations

import json
import os
from pathlib import Path


def user_cache_dir(*parts: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base.joinpath("crosstrain", *parts)


def read_json(name: str) -> dict:
    try:
        data = json.loads(user_cache_dir(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(name: str, data: dict) -> None:
    path = user_cache_dir(name)
    # a temporary file per process: parallel render workers may write at the same time
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
