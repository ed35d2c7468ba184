"""The one reporter: `path:line: CODE: subject: message`, a summary, then fix advice."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from crosstrain.checks import ERROR, RULES, WARNING, Problem


def _shown_path(path: Path) -> Path:
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def format_problem(p: Problem) -> str:
    where = f"{_shown_path(p.origin.path)}:{p.origin.line}" if p.origin.line else str(_shown_path(p.origin.path))
    return f"{where}: {p.code}: {p.subject}: {p.message}"


def github_annotation(p: Problem) -> str:
    level = "error" if p.severity == ERROR else "warning"
    line = f",line={p.origin.line}" if p.origin.line else ""
    return f"::{level} file={p.origin.path}{line}::{p.code} {p.subject}: {p.message}"


def report(problems: list[Problem], summary_lines: list[str], strict: bool = False) -> tuple[str, int]:
    """The report text and the exit status (1 on errors; on warnings too with strict)."""
    lines = [format_problem(p) for p in problems]
    if os.environ.get("GITHUB_ACTIONS"):
        lines += [github_annotation(p) for p in problems]
    counts = Counter(p.severity for p in problems)
    lines += ["", *summary_lines]
    lines.append(f"{counts[ERROR]} error(s), {counts[WARNING]} warning(s)")
    failing = sorted({p.code for p in problems})
    if failing:
        lines += ["", "How to fix:"]
        for code in failing:
            registered = RULES[code]
            advice = registered.advice.replace("\n", "\n    ")
            lines.append(f"  {code} {registered.summary}\n    {advice}")
    failed = counts[ERROR] > 0 or (strict and counts[WARNING] > 0)
    return "\n".join(lines) + "\n", 1 if failed else 0
