"""Reading and writing quiz banks (quizzes/<name>.yml), with schema problems kept as data."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.inputs import input_files, read_input, read_input_text
from crosstrain.quiz.model import Bank, Item, Option, Source
from crosstrain.store import write_atomic
from crosstrain.yamlsource import Located, load_located

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
AUTHORED_MARKER = "# --- generated items below: written by `crosstrain generate` from content/notes; edit the notes, not these ---"


@dataclass(frozen=True)
class SchemaProblem:
    origin: Origin
    subject: str
    message: str


@lru_cache(maxsize=1)
def validator():
    # imported here: jsonschema costs more to import than a cached check takes
    import jsonschema

    schema = json.loads(resources.files("crosstrain.quiz").joinpath("schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _option(data: dict) -> Option:
    return Option(text=data["text"], correct=bool(data.get("correct", False)), feedback=data.get("feedback") or {})


def item_from_dict(data: dict, origin: Origin, key: tuple) -> Item:
    source = data["source"]
    return Item(
        id=data["id"], type=data["type"], generator=data["generator"], difficulty=data["difficulty"],
        source=Source(source["essay"], tuple(source["paragraphs"]), source["quote"], dict(source["sha256"])),
        stem=data["stem"], explanation=data["explanation"],
        options=tuple(_option(o) for o in data.get("options") or ()),
        prompts=tuple(_option(o) for o in data.get("prompts") or ()),
        answer=data.get("answer"), objectives=tuple(data.get("objectives") or ()),
        level=data.get("level", ""), perturbation=data.get("perturbation", ""),
        origin=origin, key=key,
    )


def _message(error) -> str:
    where = ".".join(str(p) for p in error.relative_path)
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    if error.validator == "propertyNames":
        return f"{where}: unknown language {error.instance!r} (use vi, en, zh)"
    return f"{where}: {error.message}" if where else error.message


def load_bank(path: Path, cache_dir: Path | None = None) -> tuple[Bank | None, list[SchemaProblem]]:
    """The bank's valid items, and one problem per schema violation (never an exception)."""
    try:
        doc, errors = (load_located(path), None) if cache_dir is None else _load_cached(path, cache_dir)
    except CrosstrainError as exc:
        return None, [SchemaProblem(exc.origin, path.stem, exc.message)]
    if errors is None:
        errors = _schema_errors(doc, path)
        if cache_dir is not None:
            _remember(path, cache_dir, doc, errors)
    problems = [SchemaProblem(doc.origin(tuple(key)), subject, message) for key, subject, message, _ in errors]
    broken = {index for *_, index in errors if index is not None}
    data = doc.data if isinstance(doc.data, dict) else {}
    items = []
    for index, raw in enumerate(data.get("items") or []):
        if index not in broken and isinstance(raw, dict):
            items.append(item_from_dict(raw, doc.origin(("items", index)), ("items", index)))
    bank = Bank(str(data.get("bank", path.stem)), data.get("essay"), data.get("module"), tuple(items),
                Origin(path, 1))
    return bank, problems


def _schema_errors(doc: Located, path: Path) -> list[list]:
    """[key path, subject, message, item index or None] per schema violation: plain data,
    so that a cache can keep it."""
    errors = []
    for error in sorted(validator().iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        key = list(error.absolute_path)
        index = key[1] if len(key) > 1 and key[0] == "items" and isinstance(key[1], int) else None
        subject = path.stem
        if index is not None:
            raw = doc.data["items"][index]
            subject = raw.get("id", f"items[{index}]") if isinstance(raw, dict) else f"items[{index}]"
            message = _message(error) if key[2:] or error.validator != "required" else error.message
        else:
            message = _message(error)
        errors.append([key, str(subject), message, index])
    return errors


@lru_cache(maxsize=1)
def _code_version() -> str:
    """Changes whenever the code that turns YAML into items does, so old caches die."""
    digest = hashlib.sha256()
    for name in ("bank.py", "model.py", "schema.json"):
        digest.update(resources.files("crosstrain.quiz").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(path: Path) -> str:
    return hashlib.sha256(read_input(path) + _code_version().encode()).hexdigest()


def _load_cached(path: Path, cache_dir: Path) -> tuple[Located, list | None]:
    """The parsed bank and its schema errors, remembered by the sha256 of its bytes and of
    this code: parsing YAML and validating it cost far more than checking, and most checks
    run on banks that did not change. The cache holds plain JSON (data, lines, errors),
    which loading cannot turn into code; an entry is used only when it names the very bytes
    being read, and a damaged one is only a miss."""
    key = _cache_key(path)
    try:
        entry = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        if isinstance(entry, dict) and entry.get("sha256") == key and isinstance(entry.get("errors"), list):
            lines = {tuple(k): int(line) for k, line in entry["lines"]}
            return Located(path, entry["data"], lines), entry["errors"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return load_located(path), None


def _remember(path: Path, cache_dir: Path, doc: Located, errors: list) -> None:
    key = _cache_key(path)
    entry = {"sha256": key, "data": doc.data, "lines": [[list(k), line] for k, line in doc.lines.items()],
             "errors": errors}
    try:
        text = json.dumps(entry, ensure_ascii=False)
    except (TypeError, ValueError):  # a date or another non-JSON value: nothing to cache
        return
    if json.loads(text)["data"] != doc.data:  # an integer key would come back as a string
        return
    write_atomic(cache_dir / f"{key}.json", text.encode("utf-8"), quiet=True)


def load_banks(quizzes_dir: Path, cache_dir: Path | None = None) -> tuple[list[Bank], list[SchemaProblem]]:
    banks, problems = [], []
    for path in input_files(quizzes_dir, (".yml",)).raise_first():
        bank, found = load_bank(path, cache_dir)
        problems += found
        if bank is not None:
            banks.append(bank)
    return banks, problems


# --- writing ----------------------------------------------------------------------------


def item_to_dict(item: Item) -> dict:
    data = {"id": item.id, "type": item.type, "generator": item.generator, "difficulty": item.difficulty}
    if item.level:
        data["level"] = item.level
    if item.perturbation:
        data["perturbation"] = item.perturbation
    if item.objectives:
        data["objectives"] = list(item.objectives)
    data["source"] = {"essay": item.source.essay, "paragraphs": list(item.source.paragraphs),
                      "quote": item.source.quote, "sha256": dict(item.source.sha256)}
    data["stem"] = dict(item.stem)
    for name in ("prompts", "options"):
        options = getattr(item, name)
        if options:
            data[name] = [_option_dict(o, item.type) for o in options]
    if item.answer is not None:
        data["answer"] = item.answer
    data["explanation"] = dict(item.explanation)
    return data


def _option_dict(option: Option, item_type: str) -> dict:
    out = {"text": dict(option.text)}
    if item_type in ("single", "multiple", "cloze"):
        out["correct"] = option.correct
    if option.feedback:
        out["feedback"] = dict(option.feedback)
    return out


def dump_items(items: list[Item]) -> str:
    if not items:
        return ""
    return yaml.dump([item_to_dict(i) for i in items], Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100000)


def bank_text(name: str, essay: str, authored_part: str, generated: list[Item]) -> str:
    """A bank file: header, the authored part kept as it was, then the generated items."""
    head = (f"# Quiz bank for the essay {essay}. Items above the marker line are written by people\n"
            f"# (generator: authored) and kept as they are; the rest is regenerated.\n"
            f"bank: {name}\nessay: {essay}\nitems:\n")
    return head + authored_part + AUTHORED_MARKER + "\n" + dump_items(generated)


def authored_part(path: Path) -> str:
    """The text of a bank's authored items (between `items:` and the marker), verbatim."""
    if not path.is_file():
        return ""
    load_located(path)  # a syntax error or an alias is reported here, with its line
    text = read_input_text(path)
    start = text.find("\nitems:\n")
    end = text.find(AUTHORED_MARKER)
    if start < 0 or end < 0:
        raise CrosstrainError(path, "cannot find the `items:` line and the generated-items marker",
                              f"keep the line {AUTHORED_MARKER!r} after the authored items")
    return text[start + len("\nitems:\n"):end]
