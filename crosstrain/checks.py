"""The checker's registry: every rule declared once, with a code, a summary and its docs.

Rules are generator functions that take the loaded `Corpus` and yield `Problem`s; they
print nothing. One reporter (crosstrain.report) prints them. Codes are grouped by family
(C content, T translation, G glossary, Q quiz, M module, R learners' results); a retired code is never reused.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass

from crosstrain.errors import Origin

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    origin: Origin
    subject: str  # what is wrong: an item id, "essay-slug#p3@en", a term id
    message: str


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    severity: str
    check: Callable
    family: str

    @property
    def advice(self) -> str:
        """The rule's docstring: why it exists and how to fix a failure."""
        return inspect.cleandoc(self.check.__doc__ or "")


RULES: dict[str, Rule] = {}


def rule(code: str, summary: str, severity: str = ERROR):
    """Register a rule; `yield problem(origin, subject, message)` from inside it."""

    def register(func):
        if code in RULES:
            raise ValueError(f"rule code {code} is declared twice")
        RULES[code] = Rule(code, summary, severity, func, code[0])
        return func

    return register


def problem(code: str, origin: Origin, subject: str, message: str) -> Problem:
    return Problem(code, RULES[code].severity, origin, subject, message)


# Modules that declare rules; importing them fills RULES.
RULE_MODULES = ("crosstrain.translate.check", "crosstrain.glossary_check", "crosstrain.quiz.check", "crosstrain.quiz.bank_rules",
                "crosstrain.module_check", "crosstrain.analyse.check")


def load_rules() -> dict[str, Rule]:
    for name in RULE_MODULES:
        importlib.import_module(name)
    return RULES


def run_rules(corpus, families: str | None = None) -> list[Problem]:
    """Every problem every registered rule finds, sorted by place."""
    load_rules()
    found: list[Problem] = []
    for code in sorted(RULES):
        registered = RULES[code]
        if families and registered.family not in families:
            continue
        found.extend(registered.check(corpus))
    return sorted(found, key=lambda p: (str(p.origin.path), p.origin.line or 0, p.code, p.subject))
