"""`crosstrain ingest --explain FILE` tells the fate of every line and writes nothing."""

from __future__ import annotations

import shutil

from crosstrain.cli import main
from tests.conftest import ROOT

PAGE = ROOT / "tests" / "ingest" / "corpus" / "vi-preload.txt"


def test_every_line_with_its_fate(tmp_path, capsys):
    (tmp_path / "content").mkdir()
    shutil.copy(ROOT / "content" / "ingest-rules.yml", tmp_path / "content" / "ingest-rules.yml")
    assert main(["--root", str(tmp_path), "ingest", "--explain", str(PAGE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "title: Lập kế hoạch nội dung cho cả quý trong một buổi chiều" in out
    assert "date: 2025-04-14" in out
    fates = {line.split("|", 1)[1].strip(): line.split("|", 1)[0].split(None, 1)[1].strip()
             for line in out if "|" in line and line[:5].strip().isdigit()}
    assert fates["preload"] == "stripped: stray-word"
    assert fates["12,432 lượt xem"] == "stripped: counter"
    assert fates["Lập kế hoạch nội dung cho cả quý trong một buổi chiều"] == "title"
    assert fates["chien-luoc-noi-dung.jpg)"] == "stripped: image-leftover"
    assert sum(f.startswith("kept as block p") for f in fates.values()) == 4
    assert len(fates) == len([line for line in PAGE.read_text("utf-8").splitlines() if line.strip()])
    assert not (tmp_path / "content" / "essays").exists()


def test_a_missing_file_is_one_clear_line(tmp_path, capsys):
    assert main(["--root", str(ROOT), "ingest", "--explain", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no such file" in err and "Traceback" not in err
