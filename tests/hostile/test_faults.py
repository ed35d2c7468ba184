"""Faults of the disk and of the process: a full or read-only disk is a message and leaves
nothing half-written; a killed build leaves a site that the next build recovers; the site is
readable by a web server; the same input builds the same bytes."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess

import pytest

import crosstrain.store
from crosstrain.cli import main
from crosstrain.pipeline import recover_site
from tests.conftest import build, copy_project


def run(project, capsys, command="ingest"):
    code = main(["--root", str(project.root), command])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.err


def _failing_open(error: int, after_bytes: int = 10):
    """open() whose writes fail with `error` after a few bytes, as a full disk does."""
    real_open = open

    class Handle:
        def __init__(self, path, mode):
            self.inner = real_open(path, mode)

        def write(self, data):
            self.inner.write(data[:after_bytes])
            self.inner.flush()
            raise OSError(error, os.strerror(error), self.inner.name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.inner.close()

    return lambda path, mode="r", *args, **kwargs: Handle(path, mode)


@pytest.mark.parametrize("error, message", [(errno.ENOSPC, "the disk is full [ENOSPC]"),
                                            (errno.EROFS, "the file system is read-only [EROFS]")])
def test_disk_fault_during_ingest_leaves_no_partial_file(tmp_path, capsys, monkeypatch, error, message):
    project = copy_project(tmp_path, with_essays=False)
    monkeypatch.setattr(crosstrain.store, "open", _failing_open(error), raising=False)
    code, err = run(project, capsys)
    assert code == 1
    assert message in err and "essays" in err
    written = [p for p in project.essays.rglob("*") if p.is_file()] if project.essays.exists() else []
    assert written == []  # no 0-byte .md, no .tmp


def test_an_edited_file_survives_a_full_disk(project, capsys, monkeypatch):
    record = sorted(project.essays.glob("*/essay.yml"))[0]
    before = record.read_bytes()
    (project.raw / f"{record.parent.name}.txt").write_text(
        (project.raw / f"{record.parent.name}.txt").read_text(encoding="utf-8") + "\nMột đoạn văn mới được thêm vào cuối bài viết này.\n",
        encoding="utf-8")
    monkeypatch.setattr(crosstrain.store, "open", _failing_open(errno.ENOSPC), raising=False)
    code, _ = run(project, capsys)
    assert code == 1
    assert record.read_bytes() == before
    assert not list(record.parent.glob(".*tmp"))


@pytest.mark.parametrize("error, message", [(errno.EROFS, "read-only"), (errno.EBUSY, "in use"),
                                            (errno.EPERM, "not permitted")])
def test_unwritable_docs_is_a_message(project, capsys, monkeypatch, error, message):
    monkeypatch.setattr(crosstrain.store, "open", _failing_open(error), raising=False)
    code, err = run(project, capsys, "render")
    assert code == 1
    assert f"{project.docs}" in err and message in err


def test_unswappable_site_is_a_message_and_keeps_the_old_site(project, capsys, monkeypatch):
    import crosstrain.cli as cli

    project.site.mkdir()
    (project.site / "index.html").write_text("old", encoding="utf-8")

    def busy(staging):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(project.site))

    monkeypatch.setattr(cli, "build_site", lambda p, staging: busy(staging))
    code, err = run(project, capsys, "build")
    assert code == 1 and "in use" in err
    assert (project.site / "index.html").read_text(encoding="utf-8") == "old"
    assert not list(project.root.glob(".site-*"))


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_a_kill_between_the_renames_is_recovered(tmp_path):
    project = copy_project(tmp_path, with_essays=False)
    pid = _dead_pid()
    old = project.root / f".site-old-{pid}"
    old.mkdir()
    (old / "index.html").write_text("previous site", encoding="utf-8")
    stale_new = project.root / f".site-new-{pid}-abc123"
    stale_new.mkdir()
    running = project.root / f".site-new-{os.getpid()}-running"  # a build still running
    running.mkdir()
    recover_site(project)
    assert (project.site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not old.exists() and not stale_new.exists()
    assert running.exists()


def test_a_failed_build_without_a_site_does_not_claim_one_was_kept(project, capsys):
    (project.content / "glossary.yml").write_text("terms: 5\n", encoding="utf-8")
    code, err = run(project, capsys, "build")
    assert code == 1
    assert "no site/ was written" in err and "left as it was" not in err


def _tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_is_readable_by_others_and_byte_identical(hostile):
    """The payload site, built once by the fixture, then built again from the same input."""
    modes = {(p.stat().st_mode & 0o777) for p in [hostile.site, *hostile.site.rglob("*")]}
    assert modes <= {0o755, 0o644}, modes
    first = _tree(hostile.site)
    build(hostile)
    assert _tree(hostile.site) == first
