"""Attempt records as data: read from downloaded JSON files, pasted codes and Moodle
response reports. A bad file or line is reported as `path:line: problem (what to do)` and
skipped; the others are still read."""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.locales import LOCALE_CODES

FORMAT = "crosstrain-attempt/1"
# A pasted code: this prefix, then the attempt's JSON (without the learner's name),
# deflated (raw) and base64url-encoded without padding.
CODE_PREFIX = "CT1."


class Response(NamedTuple):
    """One answer (a tuple: a room of 10,000 attempts has half a million of them)."""

    item: str
    response: object  # canonical option indexes, a boolean, or None (see attempt.schema.json)
    correct: bool
    objectives: tuple[str, ...] = ()
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Attempt:
    quiz: str
    locale: str
    fingerprint: str
    finished: str
    responses: tuple[Response, ...]
    origin: Origin

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(r.item for r in self.responses)


@lru_cache(maxsize=1)
def validator():
    import jsonschema

    schema = json.loads(resources.files("crosstrain.analyse").joinpath("attempt.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


_TOP = {"format", "quiz", "locale", "fingerprint", "learner", "started", "finished", "responses"}
_TOP_REQUIRED = {"format", "quiz", "locale", "fingerprint", "finished", "responses"}
_RESPONSE = {"item", "objectives", "response", "correct", "seconds"}
_HEX64 = re.compile(r"[0-9a-f]{64}")
_QUIZ_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")  # it names files and pages


def _response_fits(r) -> bool:
    """The response's fields and their types; its value is checked against the item later
    (crosstrain.analyse.run), which the schema cannot do."""
    if type(r) is not dict or not r.keys() <= _RESPONSE or "response" not in r:
        return False
    item, objectives = r.get("item"), r.get("objectives", ())
    return (type(item) is str and item != "" and type(r.get("correct")) is bool
            and type(r.get("seconds", 0)) in (int, float) and r.get("seconds", 0) >= 0
            and (objectives == () or (type(objectives) is list and all(type(o) is str for o in objectives))))


def _fits(data) -> bool:
    """A quick check of what attempt.schema.json requires (response values apart):
    validating thousands of records with jsonschema takes minutes, so it runs only to say
    what is wrong."""
    return (isinstance(data, dict) and data.keys() <= _TOP and _TOP_REQUIRED <= data.keys()
            and data["format"] == FORMAT and isinstance(data["quiz"], str)
            and _QUIZ_ID.fullmatch(data["quiz"]) is not None
            and data["locale"] in LOCALE_CODES and isinstance(data["fingerprint"], str)
            and _HEX64.fullmatch(data["fingerprint"]) is not None
            and isinstance(data["finished"], str) and isinstance(data.get("started", ""), str)
            and isinstance(data.get("learner", ""), str) and len(data.get("learner", "")) <= 200
            and isinstance(data["responses"], list) and len(data["responses"]) > 0
            and all(_response_fits(r) for r in data["responses"]))


def attempt_from_dict(data, origin: Origin) -> Attempt:
    """An attempt from its JSON data; CrosstrainError naming the first schema violation."""
    error = None if _fits(data) else next(iter(sorted(validator().iter_errors(data), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise CrosstrainError(origin, f"not an attempt record: {where}: {error.message[:200]}",
                              "download it again from the quiz page; see crosstrain/analyse/attempt.schema.json")
    return Attempt(
        quiz=data["quiz"], locale=data["locale"], fingerprint=data["fingerprint"], finished=data["finished"],
        responses=tuple(Response(r["item"], r["response"], r["correct"], tuple(r.get("objectives", ())),
                                 r.get("seconds")) for r in data["responses"]),
        origin=origin)


def decode_code(code: str, origin: Origin) -> Attempt:
    """An attempt from the code a learner pasted (see CODE_PREFIX)."""
    body = code.strip()[len(CODE_PREFIX):]
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)), -15)
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, zlib.error, ValueError):
        raise CrosstrainError(origin, "the attempt code is damaged (cut short or changed)",
                              "ask the learner to copy the whole code again from the quiz page") from None
    return attempt_from_dict(data, origin)


def read_attempt_file(path: Path) -> Attempt:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CrosstrainError(path, "not UTF-8 text", "download the attempt again from the quiz page") from None
    except json.JSONDecodeError as exc:
        raise CrosstrainError(Origin(path, exc.lineno), f"not valid JSON: {exc.msg}",
                              "download the attempt again from the quiz page") from None
    return attempt_from_dict(data, Origin(path, 1))


def read_codes(path: Path) -> tuple[list[Attempt], list[CrosstrainError]]:
    """A text file of pasted codes, one per line; blank lines are skipped."""
    attempts, errors = [], []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return [], [CrosstrainError(path, "not UTF-8 text", "save the codes as UTF-8 plain text")]
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        origin = Origin(path, number)
        if not text.startswith(CODE_PREFIX):
            errors.append(CrosstrainError(origin, f"not an attempt code (codes start with {CODE_PREFIX})",
                                          "keep one code per line, nothing else"))
            continue
        try:
            attempts.append(decode_code(text, origin))
        except CrosstrainError as exc:
            errors.append(exc)
    return attempts, errors


def response_files(paths: list[Path]) -> list[Path]:
    """The files to read: each file named, and the files inside each folder named, sorted."""
    out = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)
    return out
