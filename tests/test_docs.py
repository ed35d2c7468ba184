"""The README documents every command and every checker rule (as sqlite-utils does)."""

from __future__ import annotations

from crosstrain.checks import load_rules
from crosstrain.cli import COMMANDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    for name, func in COMMANDS.items():
        assert f"crosstrain {name}" in README, name
        assert "Example: crosstrain" in func.__doc__, f"{name}: help should end with an example"


def test_every_rule_is_in_the_readme_table():
    for code, registered in load_rules().items():
        assert f"| {code} | {registered.severity} | {registered.summary} |" in README, code


def test_readme_states_the_two_commands_first():
    head = README[: README.index("## Architecture")]
    assert "make site" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
