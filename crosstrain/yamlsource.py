"""YAML that remembers where each value came from, so errors can name the line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from crosstrain.errors import CrosstrainError, Origin

try:  # libyaml is ten times faster where the wheel carries it
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

Key = tuple  # a path into the document: ("items", 3, "stem", "vi")


@dataclass(frozen=True)
class Located:
    """A parsed YAML document and the line of every mapping, sequence and scalar in it."""

    path: Path
    data: object
    lines: dict[Key, int]

    def origin(self, key: Key) -> Origin:
        """The line of the deepest part of `key` that exists."""
        for end in range(len(key), -1, -1):
            line = self.lines.get(tuple(key[:end]))
            if line is not None:
                return Origin(self.path, line)
        return Origin(self.path, 1)


def _walk(node, key: Key, lines: dict[Key, int], constructor, line: int | None = None) -> object:
    # A mapping value is reported at its key's line: "agenda:", not the first item under it.
    lines[key] = line or node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for k_node, v_node in node.value:
            k = constructor.construct_object(k_node, deep=True)
            out[k] = _walk(v_node, key + (k,), lines, constructor, k_node.start_mark.line + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, key + (i,), lines, constructor) for i, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)


def load_located(path: Path) -> Located:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CrosstrainError(path, "not UTF-8 text", "save the file as UTF-8") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Key, int] = {}
        data = _walk(node, (), lines, loader) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CrosstrainError(
            Origin(path, mark.line + 1 if mark else None),
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            "fix the indentation or quoting on that line",
        ) from None
    finally:
        loader.dispose()
    return Located(path, data, lines)


class FieldReader:
    """Reads user-written YAML field by field, collecting every problem with its line
    instead of stopping at the first: (origin, "key.path: what is wrong")."""

    def __init__(self, doc: Located):
        self.doc = doc
        self.problems: list[tuple[Origin, str]] = []

    def fail(self, key: Key, message: str) -> None:
        self.problems.append((self.doc.origin(key), f"{'.'.join(map(str, key))}: {message}"))

    def text(self, data, key: Key) -> dict:
        """A {vi, en, zh} text; every language must be there and non-empty."""
        from crosstrain.locales import AUTHORED_LANGUAGES

        value = data.get(key[-1]) if isinstance(data, dict) else None
        if not isinstance(value, dict):
            self.fail(key, "expected a mapping with vi, en and zh")
            return {}
        for language in AUTHORED_LANGUAGES:
            if not isinstance(value.get(language), str) or not value[language].strip():
                self.fail(key + (language,), f"the {language} text is missing")
        return {k: str(v) for k, v in value.items()}

    def list(self, data, key: Key, required: bool = True) -> list:
        value = data.get(key[-1]) if isinstance(data, dict) else None
        if value is None:
            if required:
                self.fail(key, "is missing")
            return []
        if not isinstance(value, list):
            self.fail(key, "expected a list")
            return []
        return value
