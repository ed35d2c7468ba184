"""What authors drop in the input folders: links out of the project, special files, huge or
binary-looking files, other languages, documents ingest cannot read, copies."""

from __future__ import annotations

import os
import shutil

import pytest

from crosstrain.cli import main
from tests.conftest import copy_project

VI = ("Bài viết này nói về marketing và bán hàng, về cách hai đội phối hợp với nhau mỗi ngày "
      "để đạt được mục tiêu chung của công ty.")


@pytest.fixture
def small(tmp_path):
    """A project with one seed essay: ingest runs on one file, not five."""
    project = copy_project(tmp_path, with_essays=False)
    for raw in sorted(project.raw.iterdir())[1:]:
        raw.unlink()
    return project


def run(project, capsys, *command):
    code = main(["--root", str(project.root), *(command or ("ingest",))])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.err + out.out


def test_symlink_to_a_file_outside_is_refused(small, capsys, tmp_path_factory):
    secret = tmp_path_factory.mktemp("outside") / "passwd.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" + VI, encoding="utf-8")
    os.symlink(secret, small.raw / "passwd.txt")
    code, err = run(small, capsys)
    assert code == 1
    assert "passwd.txt: is a symbolic link" in err
    assert not (small.essays / "passwd").exists()


@pytest.mark.parametrize("folder", ["notes", "modules"])
def test_symlink_in_a_yaml_folder_is_refused(project, capsys, folder):
    target = project.content / folder
    first = sorted(target.glob("*.yml"))[0]
    moved = project.root / first.name
    shutil.move(first, moved)
    os.symlink(moved, first)
    code, err = run(project, capsys, "check")
    assert code == 1
    assert f"{first}: is a symbolic link" in err


def test_symlinked_glossary_and_bank_are_refused(project, capsys):
    for path in (project.content / "glossary.yml", sorted((project.root / "quizzes").glob("*.yml"))[0]):
        moved = project.root / ("moved-" + path.name)
        shutil.move(path, moved)
        os.symlink(moved, path)
        code, err = run(project, capsys, "check")
        assert code == 1 and f"{path}: is a symbolic link" in err
        path.unlink()
        shutil.move(moved, path)


def test_fifo_is_refused_without_hanging(small, capsys):
    os.mkfifo(small.raw / "pipe.txt")
    code, err = run(small, capsys)
    assert code == 1 and "pipe.txt: is not a regular file" in err


def test_a_translation_file_that_is_a_link_is_refused(project, capsys):
    folder = sorted(project.essays.iterdir())[0]
    outside = project.root / "outside.md"
    translation = next(p for p in folder.glob("*.md"))
    shutil.move(translation, outside)
    os.symlink(outside, translation)
    code, err = run(project, capsys, "check")
    assert code == 1 and "is a symbolic link" in err


def test_a_large_file_is_refused_with_the_way_to_raise_the_limit(small, capsys, monkeypatch):
    monkeypatch.setenv("CROSSTRAIN_MAX_FILE_MB", "0.01")
    (small.raw / "big.txt").write_text((VI + "\n\n") * 200, encoding="utf-8")
    code, err = run(small, capsys)
    assert code == 1
    assert "big.txt: is 0.0" in err and "CROSSTRAIN_MAX_FILE_MB" in err


def test_too_many_paragraphs_and_too_long_lines_are_refused(small, capsys, monkeypatch):
    monkeypatch.setenv("CROSSTRAIN_MAX_PARAGRAPHS", "50")
    (small.raw / "many.txt").write_text("Tiêu đề\n\n" + (VI + "\n\n") * 80, encoding="utf-8")
    (small.raw / "wide.txt").write_text("Tiêu đề\n\n" + VI * 400 + "\n", encoding="utf-8")
    code, err = run(small, capsys)
    assert code == 1
    assert "many.txt: 80 paragraphs, above the limit of 50" in err and "CROSSTRAIN_MAX_PARAGRAPHS" in err
    assert "wide.txt:3: a line of" in err and "CROSSTRAIN_MAX_LINE_CHARS" in err


def test_a_bad_limit_setting_is_a_message(small, capsys, monkeypatch):
    monkeypatch.setenv("CROSSTRAIN_MAX_PARAGRAPHS", "lots")
    code, err = run(small, capsys)
    assert code == 1 and "CROSSTRAIN_MAX_PARAGRAPHS: expected a number" in err


def test_control_characters_are_removed_and_reported(small, capsys):
    (small.raw / "controls.txt").write_text(
        "Tiêu đề bài viết\n\n" + VI + "\x00\x1b[31m đỏ\x07\n\n" + VI + "\n", encoding="utf-8")
    code, err = run(small, capsys)
    assert code == 0
    assert "controls.txt:3: removed 3 control character(s) (first: U+0000)" in err
    text = (small.essays / "controls" / "vi.md").read_text(encoding="utf-8")
    assert not any(ord(c) < 32 and c not in "\n" for c in text)
    assert "[31m đỏ" in text


@pytest.mark.parametrize("text, language", [
    ("日本のマーケティングについて。営業とマーケティングは、毎日いっしょに働くことが大切です。"
     "お客様の声を聞いて、チームで目標を決めましょう。", "Japanese"),
    ("마케팅과 영업은 매일 함께 일해야 합니다. 고객의 목소리를 듣고 팀의 목표를 정하세요. "
     "이것은 한국어 에세이입니다.", "Korean"),
])
def test_unsupported_languages_are_named(small, capsys, text, language):
    (small.raw / "foreign.txt").write_text(text + "\n\n" + text + "\n", encoding="utf-8")
    code, err = run(small, capsys)
    assert code == 1 and f"foreign.txt: the text is in {language}" in err
    assert not (small.essays / "foreign").exists()


def test_documents_ingest_cannot_read_are_named(small, capsys):
    (small.raw / "brief.docx").write_bytes(b"PK\x03\x04")
    (small.raw / "slides.pdf").write_bytes(b"%PDF-1.4")
    code, err = run(small, capsys)
    assert code == 0
    assert "brief.docx: skipped: a Word document cannot be ingested" in err
    assert "slides.pdf: skipped: a PDF cannot be ingested" in err


def test_two_files_with_the_same_body_are_both_named(small, capsys):
    body = "\n\n".join([VI, VI + " Thêm một câu.", VI + " Và câu nữa."]) + "\n"
    (small.raw / "copy-one.txt").write_text("Tiêu đề một\n\n" + body, encoding="utf-8")
    (small.raw / "copy-two.txt").write_text("Tiêu đề khác\n\n" + body, encoding="utf-8")
    code, err = run(small, capsys)
    assert code == 0
    assert "copy-two.txt: has the same body as copy-one.txt" in err
