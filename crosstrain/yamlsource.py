"""YAML that remembers where each value came from, so errors can name the line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.inputs import read_input_text

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


class AliasRefused(yaml.MarkedYAMLError):
    """An alias (`*name`) in user YAML. Aliases let a few lines expand to gigabytes (the
    "billion laughs"), and no file of ours needs them: they are refused, not expanded."""

    def __init__(self, mark):
        super().__init__(problem="aliases (*name, <<: *name) are not allowed; write the value out in full",
                         problem_mark=mark)


def _walk(node, key: Key, lines: dict[Key, int], constructor, seen: set[int],
          line: int | None = None) -> object:
    # A mapping value is reported at its key's line: "agenda:", not the first item under it.
    lines[key] = line or node.start_mark.line + 1
    # The composer gives an alias the very node its anchor names: meeting a node twice is
    # an alias, refused before it can be expanded.
    if id(node) in seen:
        raise AliasRefused(node.start_mark if line is None else yaml.Mark("", 0, line - 1, 0, None, None))
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        out = {}
        for k_node, v_node in node.value:
            if k_node.tag == "tag:yaml.org,2002:merge":
                raise AliasRefused(k_node.start_mark)
            k = _walk(k_node, key + ("<key>",), {}, constructor, seen)
            out[k] = _walk(v_node, key + (k,), lines, constructor, seen, k_node.start_mark.line + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, key + (i,), lines, constructor, seen) for i, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)


def _first_alias(text: str) -> AliasRefused | None:
    """Where the first alias is used (the composer only knows where its anchor is)."""
    try:
        refuse_aliases(text)
    except AliasRefused as exc:
        return exc
    return None


def refuse_aliases(text: str) -> None:
    """Raise AliasRefused if the YAML text uses an alias; cheap when it has no '*' at all."""
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise AliasRefused(event.start_mark)


def load_located(path: Path) -> Located:
    text = read_input_text(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Key, int] = {}
        data = _walk(node, (), lines, loader, set()) if node is not None else None
    except yaml.YAMLError as exc:
        if isinstance(exc, AliasRefused):
            exc = _first_alias(text) or exc
        mark = getattr(exc, "problem_mark", None)
        raise CrosstrainError(
            Origin(path, mark.line + 1 if mark else None),
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            "fix that line" if isinstance(exc, AliasRefused) else "fix the indentation or quoting on that line",
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
            found = value.get(language)
            if found is not None and not isinstance(found, str):
                self.fail(key + (language,), f"expected the {language} text, found {describe(found)}")
            elif not found or not found.strip():
                self.fail(key + (language,), f"the {language} text is missing")
        return {k: str(v) for k, v in value.items()}

    def string(self, data, key: Key, what: str = "text") -> str:
        """A required string field: a number, list or mapping is named as the wrong type."""
        value = data.get(key[-1]) if isinstance(data, dict) else None
        if value is None or value == "":
            self.fail(key, "is missing")
            return ""
        if not isinstance(value, str):
            self.fail(key, f"expected {what}, found {describe(value)}")
            return str(value)
        return value

    def as_mapping(self, value, key: Key) -> dict:
        """A list entry that must be a mapping; anything else is reported and read as {}."""
        if isinstance(value, dict):
            return value
        self.fail(key, f"expected a mapping (key: value lines), found {describe(value)}")
        return {}

    def entries(self, data, key: Key, required: bool = True) -> list[tuple[int, dict]]:
        """(index, mapping) for each entry of a list of mappings; a wrong entry is reported."""
        return [(i, self.as_mapping(v, key + (i,))) for i, v in enumerate(self.list(data, key, required))]

    def list(self, data, key: Key, required: bool = True) -> list:
        value = data.get(key[-1]) if isinstance(data, dict) else None
        if value is None:
            if required:
                self.fail(key, "is missing")
            return []
        if not isinstance(value, list):
            self.fail(key, f"expected a list, found {describe(value)}")
            return []
        return value


def describe(value) -> str:
    """A wrong value as an author would name it: 'the number 5', 'the text "x"'."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {str(value)[:40]!r}"
