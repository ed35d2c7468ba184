"""The stages wired in order, each a plain function of paths: what the CLI and hook call."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from crosstrain.errors import CrosstrainError
from crosstrain.ingest import IngestReport, ingest
from crosstrain.ingest.rules import load_rules
from crosstrain.render import render


@dataclass(frozen=True)
class Project:
    """Where a project's folders are; all derived from its root."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def raw(self) -> Path:
        return self.content / "raw"

    @property
    def essays(self) -> Path:
        return self.content / "essays"

    @property
    def rules(self) -> Path:
        return self.content / "ingest-rules.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


class Progress:
    """Progress on a terminal (one updating line), plain log lines elsewhere (CI, pipes)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() and not os.environ.get("CI")

    def stage(self, name: str):
        self.name = name
        self.started = time.perf_counter()
        self._print(f"{name} …")

    def step(self, index: int, total: int, item: str):
        if self.live:
            self.stream.write(f"\r{self.name}: {index}/{total} {item[:50]:<50}")
            self.stream.flush()
        elif index == total or index % max(1, total // 10) == 0:
            self._print(f"{self.name}: {index}/{total}")

    def done(self, summary: str = ""):
        seconds = time.perf_counter() - self.started
        if self.live:
            self.stream.write("\r\x1b[K")
        self._print(f"{self.name}: done in {seconds:.2f} s{' — ' + summary if summary else ''}")

    def _print(self, text: str):
        print(text, file=self.stream, flush=True)


def ingest_step(project: Project, progress: Progress | None = None) -> IngestReport:
    rules = load_rules(project.rules)
    return ingest(project.raw, project.essays, rules, progress.step if progress else None)


def render_step(root: Path, progress: Progress | None = None) -> tuple[int, int]:
    project = Project(root)
    return render(project.root, project.docs, progress.step if progress else None)


def mkdocs_build(project: Project, site_dir: Path) -> None:
    """Run `mkdocs build --strict` into site_dir; raise with its output on failure."""
    # Not --quiet: it also silences the warnings that --strict turns into failures.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(project.config), "--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=project.root, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        problems = [line for line in (result.stderr + result.stdout).splitlines()
                    if line.startswith(("WARNING", "ERROR", "Aborted", "Error", "Config value"))]
        raise CrosstrainError(
            project.config,
            "mkdocs build --strict failed:\n  " + "\n  ".join(problems or result.stderr.splitlines()[-20:]),
        )


def pagefind_index(site_dir: Path) -> None:
    """Index the built site with Pagefind (extended: Chinese segmentation, folded diacritics);
    it writes one index per <html lang> into site/pagefind/."""
    # permalink pilcrows (¶) would otherwise show in every result title and excerpt
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent",
               "--exclude-selectors", ".headerlink"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise CrosstrainError(site_dir, "pagefind failed:\n  " + (result.stderr or result.stdout).strip()[-2000:])


def stable_pagefind_entry(site_dir: Path) -> None:
    """Pagefind writes its entry file's languages in a different order on each run; sorted,
    the same site gives the same bytes (caches, diffs and deploys see no change)."""
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                         encoding="utf-8")


def build_site(project: Project, site_dir: Path) -> None:
    """docs/ -> a complete static site in site_dir: pages, then their search index."""
    mkdocs_build(project, site_dir)
    pagefind_index(site_dir)
    stable_pagefind_entry(site_dir)


# Folders beside site/ while a build publishes: .site-new-<pid>-* is being built,
# .site-old-<pid> is the previous site between the two renames of the swap.
_STAGING = re.compile(r"^\.site-(?P<kind>new|old)-(?P<pid>[0-9]+)(?:-.*)?$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def recover_site(project: Project) -> None:
    """Undo what a killed build left: put the previous site back if the kill came between
    the two renames of the swap, and delete the folders of builds that are not running."""
    leftovers = []
    for path in project.root.glob(".site-*"):
        found = _STAGING.match(path.name)
        if found and path.is_dir() and not path.is_symlink() and not _alive(int(found["pid"])):
            leftovers.append((found["kind"], path))
    for kind, path in sorted(leftovers, key=lambda k: k[1].stat().st_mtime, reverse=True):
        if kind == "old" and not project.site.exists():
            path.rename(project.site)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _publishable(folder: Path) -> None:
    """Folders 0755, files 0644: a web server running as another user must read the site
    (mkdtemp makes its folder 0700)."""
    for current, dirs, files in os.walk(folder):
        os.chmod(current, 0o755)
        for name in files:
            os.chmod(os.path.join(current, name), 0o644)


def publish_site(project: Project, build: callable) -> None:
    """Build into a temporary folder beside site/ and swap it in only when the build passed."""
    project.root.mkdir(parents=True, exist_ok=True)
    recover_site(project)
    staging = Path(tempfile.mkdtemp(prefix=f".site-new-{os.getpid()}-", dir=project.root))
    try:
        build(staging)
        _publishable(staging)
        old = None
        if project.site.exists():
            old = project.root / f".site-old-{os.getpid()}"
            project.site.rename(old)
        # a kill here leaves no site/: recover_site, at the start of the next build, puts
        # the old one back
        staging.rename(project.site)
        if old is not None:
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
