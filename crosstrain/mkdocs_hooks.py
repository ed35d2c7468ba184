"""The one MkDocs hook: keeps `mkdocs serve` in step with content/, and lends the theme
our strings table. Everything else is plain Markdown in docs/, so any MkDocs-compatible
engine can build it."""

from __future__ import annotations

import logging
from pathlib import Path

from crosstrain.render.strings import all_tables

_serving = False
log = logging.getLogger("mkdocs.plugins.crosstrain")


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    # Editing content/ re-runs render (in on_pre_build), which rewrites changed pages only.
    server.watch(str(Path(config.config_file_path).parent / "content"))
    server.watch(str(Path(config.config_file_path).parent / "quizzes"))
    return server


def on_pre_build(config):
    if _serving:
        from crosstrain.pipeline import Project, ingest_step, render_step

        root = Path(config.config_file_path).parent
        report = ingest_step(Project(root))  # a raw file dropped in while serving
        for error in report.errors:
            log.warning("crosstrain: %s", error)
        render_step(root)


def on_env(env, config, files):
    env.globals["ct_strings"] = all_tables()
    return env


# Each locale's build writes its own 404.html over the site root's; servers show the root
# one for every missing page, so it must be the default locale's.
_default_404: str | None = None


def on_post_template(output, template_name, config):
    global _default_404
    from crosstrain.locales import DEFAULT_LOCALE

    if template_name == "404.html":
        output = _valid_markup(output)
        if config.theme["language"] == DEFAULT_LOCALE.code:
            _default_404 = output
    return output


def on_post_build(config):
    if _default_404 is not None:
        (Path(config.site_dir) / "404.html").write_text(_default_404, encoding="utf-8")


def on_post_page(output, page, config):
    return _valid_markup(output)


def _valid_markup(output: str) -> str:
    """Two fixes to Material's markup that the W3C validator reports on every page:
    `autocomplete` on its checkbox toggles, and a table-of-contents label pointing at a
    toggle that only exists on pages listed in the navigation."""
    output = output.replace('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"')
    output = output.replace('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"')
    if 'id="__toc"' not in output:
        output = output.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return output
