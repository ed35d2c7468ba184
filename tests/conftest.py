"""Shared fixtures: the real project, throw-away copies of it, and one built site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crosstrain.pipeline import Project, build_site, ingest_step, publish_site, render_step

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "content" / "raw"


def copy_project(target: Path, with_essays: bool = True) -> Project:
    """A copy of the project's inputs (never its generated folders) to run stages on."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "crosstrain", target / "crosstrain",
                    ignore=shutil.ignore_patterns("__pycache__"))
    content = target / "content"
    content.mkdir()
    for item in (ROOT / "content").iterdir():
        if item.name == "essays" and not with_essays:
            continue
        (shutil.copytree if item.is_dir() else shutil.copy)(item, content / item.name)
    if (ROOT / "quizzes").is_dir():
        shutil.copytree(ROOT / "quizzes", target / "quizzes")
    return Project(target)


def build(project: Project) -> None:
    report = ingest_step(project)
    assert not report.errors, report.errors
    render_step(project.root)
    publish_site(project, lambda staging: build_site(project, staging))


@pytest.fixture
def project(tmp_path) -> Project:
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Project:
    """The real content built once into a temporary copy: tests read, never write, it."""
    project = copy_project(tmp_path_factory.mktemp("built"))
    build(project)
    return project


# Debian's Chromium via Playwright, one for the whole session: two sync Playwright
# instances cannot run at once, so every folder of browser tests shares this one.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium") and not shutil.os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium; .ci/run does it)")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()
