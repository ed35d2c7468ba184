"""Loading and validating content/ingest-rules.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.inputs import read_input_text

ACTIONS = ("drop", "drop-list", "author", "source")
ZONES = ("anywhere", "edges")
EDGE_LINES = 8  # how many lines at each end of a file count as its edges


@dataclass(frozen=True)
class Rule:
    id: str
    languages: tuple[str, ...]
    pattern: re.Pattern
    action: str
    zone: str
    why: str

    def applies_to(self, language: str) -> bool:
        return "any" in self.languages or language in self.languages


def load_rules(path: Path) -> tuple[Rule, ...]:
    """All rules, or one error listing every broken rule at once."""
    try:
        data = yaml.compose(read_input_text(path))
    except (OSError, yaml.YAMLError) as exc:
        raise CrosstrainError(path, f"cannot read the ingest rules: {exc}") from None
    problems: list[str] = []
    rules: list[Rule] = []
    seen: set[str] = set()
    items = _mapping(data).get("rules") if data is not None else None
    if items is None or not isinstance(items, yaml.SequenceNode):
        raise CrosstrainError(path, "expected a top-level 'rules:' list")
    for node in items.value:
        where = Origin(path, node.start_mark.line + 1)
        item = {k: v.value if isinstance(v, yaml.ScalarNode) else [s.value for s in v.value]
                for k, v in _mapping(node).items()}
        rule_id = item.get("id", "?")
        missing = [k for k in ("id", "lang", "match", "action", "why") if k not in item]
        if missing:
            problems.append(f"{where}: rule {rule_id}: missing {', '.join(missing)}")
            continue
        if rule_id in seen:
            problems.append(f"{where}: rule id {rule_id} is used twice")
        seen.add(rule_id)
        if item["action"] not in ACTIONS:
            problems.append(f"{where}: rule {rule_id}: action must be one of {', '.join(ACTIONS)}")
        zone = item.get("zone", "anywhere")
        if zone not in ZONES:
            problems.append(f"{where}: rule {rule_id}: zone must be one of {', '.join(ZONES)}")
        try:
            pattern = re.compile(item["match"], re.IGNORECASE)
        except re.error as exc:
            problems.append(f"{where}: rule {rule_id}: bad regular expression: {exc}")
            continue
        if item["action"] in ("author", "source") and "value" not in pattern.groupindex:
            problems.append(f"{where}: rule {rule_id}: an {item['action']} rule needs a (?P<value>…) group")
        langs = item["lang"] if isinstance(item["lang"], list) else [item["lang"]]
        rules.append(Rule(rule_id, tuple(langs), pattern, item["action"], zone, item["why"]))
    if problems:
        raise CrosstrainError(path, "invalid ingest rules:\n  " + "\n  ".join(problems))
    return tuple(rules)


def _mapping(node) -> dict:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value}
