"""`build` runs the checks `check` runs, before it regenerates anything: an error stops it,
and a hand edit to a generated item is reported, not silently reverted."""

from __future__ import annotations

import json
import re

from crosstrain.cli import main
from crosstrain.quiz.bank import AUTHORED_MARKER, load_banks


def run(project, capsys, command):
    code = main(["--root", str(project.root), command])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err + out.out


def test_glossary_string_where_a_list_belongs_stops_the_build(project, capsys):
    path = project.content / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('match: {vi: ["SEO"]', 'match: {vi: "SEO"', 1),
                    encoding="utf-8")
    banks = {p: p.read_bytes() for p in (project.root / "quizzes").glob("*.yml")}
    code, err = run(project, capsys, "build")
    assert code == 1
    assert re.search(re.escape(str(path)) + r":\d+: term seo: match.vi: expected a list", err)
    assert not project.site.exists()
    assert {p: p.read_bytes() for p in banks} == banks


def test_hand_edit_to_a_generated_item_is_reported_not_reverted(project, capsys):
    path = sorted((project.root / "quizzes").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    head, generated = text.split(AUTHORED_MARKER, 1)
    # swap the key of the first generated choice item: a plausible hand edit
    edited = generated.replace("correct: true", "correct: TEMP", 1).replace("correct: false", "correct: true", 1) \
        .replace("correct: TEMP", "correct: false", 1)
    assert edited != generated
    path.write_text(head + AUTHORED_MARKER + edited, encoding="utf-8")
    code, out = run(project, capsys, "build")
    assert code == 1
    assert "Q014" in out and str(path) in out
    assert path.read_text(encoding="utf-8") == head + AUTHORED_MARKER + edited
    check_code, check_out = run(project, capsys, "check")
    assert check_code == 1 and "Q014" in check_out


def test_bank_cache_is_json_and_an_entry_for_other_bytes_is_a_miss(project):
    quizzes, cache = project.root / "quizzes", project.root / ".cache" / "crosstrain" / "banks"
    banks, _ = load_banks(quizzes, cache)
    entries = sorted(cache.iterdir())
    assert entries and all(p.suffix == ".json" for p in entries)
    assert not list(cache.glob("*.pickle"))
    for entry in entries:
        json.loads(entry.read_text(encoding="utf-8"))
    # A crafted cache (a restored CI cache): pickles are never read, a JSON entry whose
    # recorded hash does not match its name is a miss, damaged entries are misses.
    import pickle

    (cache / "evil.pickle").write_bytes(pickle.dumps(print))
    for entry in entries:
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["sha256"] = "0" * 64
        data["data"]["items"] = []
        entry.write_text(json.dumps(data), encoding="utf-8")
    again, _ = load_banks(quizzes, cache)
    assert [len(b.items) for b in again] == [len(b.items) for b in banks]
    for entry in entries:
        entry.write_bytes(b"\x80garbage")
    again, _ = load_banks(quizzes, cache)
    assert [len(b.items) for b in again] == [len(b.items) for b in banks]
