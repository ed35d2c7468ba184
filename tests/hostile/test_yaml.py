"""Hand-edited YAML (notes, glossary, modules, banks, essay texts): an alias bomb is refused
at once, a wrong type is a `path:line: problem` message, exit 1, never a traceback."""

from __future__ import annotations

import re
import time

import pytest
import yaml

from crosstrain.cli import main
from crosstrain.quiz.bank import AUTHORED_MARKER

BOMB = "".join(f"{a}: &{a} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
               for p, a in zip(["", *"abcdefgh"], "abcdefghi"))


def run(project, capsys, command="check"):
    code = main(["--root", str(project.root), command])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err + out.out


def _notes(project):
    return project.content / "notes" / "digital-marketing-thinking.yml"


@pytest.mark.parametrize("where", ["notes", "glossary", "module", "bank", "essay"])
def test_alias_bomb_is_refused_at_once(project, capsys, where):
    if where == "notes":
        path = _notes(project)
        path.write_text(path.read_text(encoding="utf-8") + BOMB.replace("a:", "x_a:"), encoding="utf-8")
    elif where == "glossary":
        path = project.content / "glossary.yml"
        path.write_text(BOMB + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif where == "module":
        path = sorted((project.content / "modules").glob("*.yml"))[0]
        path.write_text(path.read_text(encoding="utf-8") + BOMB.replace("a:", "x_a:"), encoding="utf-8")
    elif where == "bank":
        path = sorted((project.root / "quizzes").glob("*.yml"))[0]
        path.write_text(path.read_text(encoding="utf-8").replace("bank:", BOMB + "bank:", 1), encoding="utf-8")
    else:
        path = sorted(project.essays.glob("*/essay.yml"))[0]
        path.write_text(path.read_text(encoding="utf-8") + "bomb:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines()),
                        encoding="utf-8")
    started = time.perf_counter()
    code, err = run(project, capsys)
    assert time.perf_counter() - started < 30
    assert code == 1
    assert re.search(re.escape(str(path)) + r":\d+: .*aliases .* are not allowed", err), err[-2000:]


def _edit_notes(project, old: str, new: str):
    path = _notes(project)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


NOTES_CASES = [
    # (what the text had, what an author wrote, what the message must say)
    (re.compile(r"  steps:\n(?:  [- ].*\n|    .*\n)+"), '  steps: "x"\n', "steps: expected a list, found the text 'x'"),
    (re.compile(r"  sides:\n(?:  [- ].*\n|    .*\n)+"), "  sides: {a: 1}\n", "sides: expected a list, found a mapping"),
    (re.compile(r"  attributes:\n(?:  [- ].*\n|    .*\n)+"), '  attributes: ["x"]\n',
     "attributes.0: expected a mapping (key: value lines), found the text 'x'"),
    (re.compile(r"^terms:\n(?:- .*\n)+", re.M), "terms: 5\n", "terms: expected a list, found the number 5"),
    (re.compile(r"  quote: .*\n"), "  quote: 42\n", "quote: expected the quoted text, found the number 42"),
    (re.compile(r"^essay: .*\n", re.M), "essay: [a, b]\n", "essay: expected the essay's slug, found a list"),
]


@pytest.mark.parametrize("pattern, replacement, message", NOTES_CASES)
def test_notes_with_wrong_types(project, capsys, pattern, replacement, message):
    path = _notes(project)
    text = path.read_text(encoding="utf-8")
    assert pattern.search(text), pattern
    path.write_text(pattern.sub(replacement, text, count=1), encoding="utf-8")
    code, err = run(project, capsys)
    assert code == 1
    assert re.search(re.escape(str(path)) + r":\d+: .*" + re.escape(message), err), err[-2000:]


GLOSSARY_CASES = [
    ('term: {vi: "KPI (chỉ số đo lường hiệu quả)", en: "KPI (key performance indicator)", zh: "KPI（关键绩效指标）"}',
     'term: "x"', "term: expected a mapping with vi, en and zh, found the text 'x'"),
    ('en: ["KPI", "KPIs"]', "en: 7", "match.en: expected a list of texts"),
    ('match: {vi: ["SEO"]', 'match: {vi: "SEO"', "match.vi: expected a list of texts"),
    ('match: {vi: ["KPI"], en: ["KPI", "KPIs"], zh: ["KPI", "关键绩效指标"], zh_hant: ["KPI", "關鍵績效指標"]}',
     "match: [KPI]", "match: expected a mapping of locale"),
]


@pytest.mark.parametrize("old, new, message", GLOSSARY_CASES)
def test_glossary_with_wrong_types(project, capsys, old, new, message):
    path = project.content / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, err = run(project, capsys)
    assert code == 1
    assert re.search(re.escape(str(path)) + r":\d+: .*" + re.escape(message), err), err[-2000:]


def test_module_with_wrong_types(project, capsys):
    path = sorted((project.content / "modules").glob("*.yml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["lessons"][0]["readings"] = ["not a mapping"]
    data["activities"] = "x"
    data["objectives"][0]["items"] = [{"id": 1}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, err = run(project, capsys)
    assert code == 1
    for message in ("lessons.0.readings.0: expected a mapping", "activities: expected a list, found the text 'x'",
                    "objectives.0.items.0: expected an id, found a mapping"):
        assert message in err, err[-2000:]


def _break_authored_part(project):
    path = next(p for p in sorted((project.root / "quizzes").glob("*.yml"))
                if "generator: authored" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    head, tail = text.split(AUTHORED_MARKER, 1)
    path.write_text(head + "- id: broken\n  stem: {vi: [unclosed\n" + AUTHORED_MARKER + tail, encoding="utf-8")
    line = head.count("\n") + 2
    return path, line


@pytest.mark.parametrize("command", ["generate", "check"])
def test_yaml_syntax_error_in_a_bank_authored_part(project, capsys, command):
    path, line = _break_authored_part(project)
    code, err = run(project, capsys, command)
    assert code == 1
    assert re.search(re.escape(str(path)) + r":\d+: .*not valid YAML", err), err[-2000:]


def test_essay_text_front_matter_alias_is_refused(project, capsys):
    text_file = sorted(project.essays.glob("*/en.md"))[0]
    text = text_file.read_text(encoding="utf-8")
    text_file.write_text(text.replace("---\n", "---\nx: &a [1]\ny: *a\n", 1), encoding="utf-8")
    code, err = run(project, capsys)
    assert code == 1 and "aliases" in err and str(text_file) in err
