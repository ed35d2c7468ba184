"""Raw text is text: markup in an essay stays inert, bad files fail clearly and alone."""

from __future__ import annotations

import re

from crosstrain.cli import main
from tests.conftest import build

HOSTILE = """Bài viết thử nghiệm về marketing và bán hàng cho đội ngũ mới

Đoạn mở đầu nói về việc đào tạo marketing cho sales, với nhiều câu văn bình thường để nhận diện tiếng Việt.
<script>alert(1)</script>
<img src=x onerror="alert(2)">
* Và lẽ đương nhiên, người làm marketing cũng phải lắng nghe sales!
[bấm vào đây](javascript:alert(3))
javascript:alert(4)
# Không phải tiêu đề, chỉ là một dòng bắt đầu bằng dấu thăng trong văn bản gốc.
"""


def test_markup_in_raw_text_stays_inert(project):
    (project.raw / "hostile-essay.txt").write_text(HOSTILE, encoding="utf-8")
    build(project)
    for page in project.site.rglob("hostile-essay/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert not re.search(r"<img[^>]*onerror", html)
        assert 'href="javascript:' not in html.lower()
        assert "* Và lẽ đương nhiên" in html  # literal, not a list item
        assert "<h1>Không phải tiêu đề" not in html
    essay_yml = (project.essays / "hostile-essay" / "essay.yml").read_text(encoding="utf-8")
    assert "unsafe-link" in essay_yml and "javascript:alert(4)" in essay_yml


def _ingest(project, capsys):
    code = main(["--root", str(project.root), "ingest"])
    return code, capsys.readouterr().err


def test_empty_file_is_a_clear_error(project, capsys):
    (project.raw / "empty.txt").write_bytes(b"  \n\n")
    code, err = _ingest(project, capsys)
    assert code == 1
    assert re.search(r"error: .*empty\.txt: the file is empty", err)
    assert not (project.essays / "empty").exists()
    # the other essays were still ingested
    assert (project.essays / "marketing-workflow" / "vi.md").is_file()


def test_boilerplate_only_file_is_a_clear_error(project, capsys):
    (project.raw / "only-widgets.txt").write_text(
        "Leave a Comment\nPost a Comment\nBài viết gần đây\nerror: Content is protected !!\n", encoding="utf-8")
    code, err = _ingest(project, capsys)
    assert code == 1
    assert "only-widgets.txt: nothing is left after removing boilerplate" in err
    assert not (project.essays / "only-widgets").exists()


def test_undecodable_file_is_a_clear_error(project, capsys):
    (project.raw / "binary.txt").write_bytes(bytes(range(256)) * 20)
    code, err = _ingest(project, capsys)
    assert code == 1
    assert "binary.txt: cannot decode the bytes as text in any common encoding" in err
    assert not (project.essays / "binary").exists()
