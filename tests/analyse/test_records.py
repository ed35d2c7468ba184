"""Reading attempt files and codes: bad ones are reported as path:line and skipped."""

from __future__ import annotations

import base64
import json
import zlib

from crosstrain.analyse.records import CODE_PREFIX
from crosstrain.analyse.run import analyse
from crosstrain.quiz.bank import load_banks
from tests.analyse.simulate import bank_records, write_records
from tests.conftest import ROOT

BANKS = load_banks(ROOT / "quizzes")[0]
BANK = BANKS[0]


def encode(record: dict) -> str:
    """As attempt.js does: JSON, raw deflate, base64url without padding."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = packer.compress(json.dumps(record).encode()) + packer.flush()
    return CODE_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_files_and_codes_are_read(tmp_path):
    records = bank_records(BANK, 12, seed=1)
    write_records(tmp_path / "files", records[:6])
    (tmp_path / "codes.txt").write_text("\n".join(encode(r) for r in records[6:]) + "\n\n", encoding="utf-8")
    result = analyse([tmp_path / "files", tmp_path / "codes.txt"], BANKS)
    assert result.errors == []
    assert result.attempts == 12 and result.files == 7
    (quiz,) = result.quizzes
    assert quiz.quiz == BANK.name and quiz.n == 12 and len(quiz.items) == len(BANK.items)


def test_bad_files_are_reported_and_skipped(tmp_path):
    records = bank_records(BANK, 7, seed=2)
    write_records(tmp_path, records[:5])
    (tmp_path / "broken.json").write_text('{"format": "crosstrain-attempt/1",\n "quiz": ', encoding="utf-8")
    changed = dict(records[5], fingerprint="0" * 64)
    (tmp_path / "old.json").write_text(json.dumps(changed), encoding="utf-8")
    unknown = json.loads(json.dumps(records[6]))
    unknown["responses"][0]["item"] = "no-such-bank.q1"
    (tmp_path / "unknown.json").write_text(json.dumps(unknown), encoding="utf-8")
    bad_response = json.loads(json.dumps(records[6]))
    bad_response["responses"][0]["response"] = [99]
    (tmp_path / "bad-response.json").write_text(json.dumps(bad_response), encoding="utf-8")
    (tmp_path / "codes.txt").write_text(encode(records[6]) + "\nhello\n" + encode(records[6])[:40] + "\n", encoding="utf-8")
    result = analyse([tmp_path], BANKS)
    messages = sorted(str(e) for e in result.errors)
    assert any("broken.json:2: not valid JSON" in m for m in messages), messages
    assert any("old.json:1:" in m and "the bank changed since this attempt" in m for m in messages)
    assert any("unknown.json:1:" in m and "no-such-bank.q1 is in none of our banks" in m for m in messages)
    assert any("bad-response.json:1:" in m and "does not fit the item" in m for m in messages)
    assert any("codes.txt:2: not an attempt code" in m for m in messages)
    assert any("codes.txt:3: the attempt code is damaged" in m for m in messages)
    assert len(messages) == 6
    assert result.attempts == 6  # five files and the good code


def test_schema_violation_names_the_field(tmp_path):
    record = bank_records(BANK, 1, seed=3)[0]
    del record["locale"]
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    (error,) = analyse([tmp_path / "a.json"], BANKS).errors
    assert "not an attempt record" in str(error) and "'locale' is a required property" in str(error)


def test_a_quiz_id_cannot_name_a_path(tmp_path):
    """The quiz id names the statistics file and the results page."""
    record = bank_records(BANK, 1, seed=4)[0]
    record["quiz"] = "../../outside"
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    (error,) = analyse([tmp_path / "a.json"], BANKS).errors
    assert "not an attempt record: quiz" in str(error)


def test_cli_reports_a_bad_file_and_analyses_the_others(project, tmp_path, capsys):
    from crosstrain.cli import main

    write_records(tmp_path / "room", bank_records(BANK, 6, seed=5))
    (tmp_path / "room" / "bad.json").write_text("{", encoding="utf-8")
    status = main(["--root", str(project.root), "analyse", str(tmp_path / "room"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1
    assert f"error: {tmp_path / 'room' / 'bad.json'}:1: not valid JSON" in err and "Traceback" not in err
    report = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
    assert report.startswith("6 attempt(s) analysed from 7 file(s); 1 problem(s)") and f"## {BANK.name} (6 attempts)" in report
