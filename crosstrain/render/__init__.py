"""Stage: content/ (+ quizzes/) -> docs/<locale>/*.md, plain Markdown any MkDocs engine builds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from crosstrain.locales import LOCALES, Locale
from crosstrain.model import AUDIENCES, Essay
from crosstrain.render.markup import html_text, md_inline, reading_minutes, split_label, yaml_string
from crosstrain.render.strings import Strings
from crosstrain.store import load_essays, write_if_changed
from crosstrain.translate import SHOWN_FALLBACK, SHOWN_ORIGINAL, Resolved, resolve

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class EssayView:
    """An essay as one locale's pages show it."""

    essay: Essay
    shown: Resolved
    minutes: int

    @property
    def slug(self) -> str:
        return self.essay.slug

    @property
    def title(self) -> str:
        return self.shown.text.title

    @property
    def blocks(self):
        return self.shown.text.blocks

    @property
    def text_lang(self) -> str:
        """<html lang> value of the text shown (differs from the page's on a fallback)."""
        return _locale(self.shown.text.locale).html_lang

    @property
    def status(self) -> str:
        return self.shown.status


def _locale(code: str) -> Locale:
    return next(loc for loc in LOCALES if loc.code == code)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("crosstrain", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md_inline, html_text=html_text, yaml=yaml_string)
    env.globals.update(split_label=split_label, audiences=AUDIENCES, locales=LOCALES)
    return env


def essay_views(essays: list[Essay], locale_code: str) -> list[EssayView]:
    views = []
    for essay in essays:
        shown = resolve(essay, locale_code)
        views.append(EssayView(essay, shown, reading_minutes([b.text for b in shown.text.blocks])))
    return views


def _library_groups(views: list[EssayView], t: Strings) -> list[tuple[str, list[tuple[str, list[EssayView]]]]]:
    """[(audience, [(tag label, essays)])], audiences in fixed order, tags by label."""
    groups = []
    for audience in AUDIENCES:
        members = [v for v in views if v.essay.audience == audience]
        if not members:
            continue
        by_tag: dict[str, list[EssayView]] = {}
        for view in members:
            labels = [t(f"tag.{tag}") if t.has(f"tag.{tag}") else tag for tag in view.essay.tags]
            for label in labels or [t("library.untagged")]:
                by_tag.setdefault(label, []).append(view)
        untagged = t("library.untagged")
        ordered = sorted(by_tag.items(), key=lambda item: (item[0] == untagged, item[0]))
        groups.append((audience, ordered))
    return groups


def render_locale(env: Environment, essays: list[Essay], loc: Locale) -> dict[str, str]:
    """Every page of one locale, as {path under docs/<locale>/: Markdown}."""
    t = Strings(loc.code)
    views = essay_views(essays, loc.code)
    common = {"t": t, "locale": loc}
    pages = {
        "index.md": env.get_template("home.md.j2").render(
            essays=views,
            languages=sorted({e.language for e in essays}),
            **common,
        ),
        "essays/index.md": env.get_template("library.md.j2").render(
            groups=_library_groups(views, t), **common
        ),
    }
    essay_template = env.get_template("essay.md.j2")
    for view in views:
        pages[f"essays/{view.slug}.md"] = essay_template.render(
            view=view,
            original_name=t(f"language.{view.essay.original_locale}"),
            fallback=view.status == SHOWN_FALLBACK,
            is_original=view.status == SHOWN_ORIGINAL,
            **common,
        )
    return pages


def render_pages(essays: list[Essay], progress: Progress | None = None) -> dict[str, str]:
    """All generated pages: {path under docs/: text}. Pure: same content, same bytes."""
    env = environment()
    pages: dict[str, str] = {}
    for index, loc in enumerate(LOCALES, start=1):
        if progress:
            progress(index, len(LOCALES), loc.code)
        for path, text in render_locale(env, essays, loc).items():
            pages[f"{loc.code}/{path}"] = text
    return pages


def write_tree(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Write changed pages, delete pages no longer generated; (written, deleted)."""
    written = sum(write_if_changed(docs_dir / path, text) for path, text in sorted(pages.items()))
    deleted = 0
    if docs_dir.is_dir():
        for existing in sorted(docs_dir.rglob("*"), reverse=True):
            relative = existing.relative_to(docs_dir).as_posix()
            if existing.is_file() and relative not in pages:
                existing.unlink()
                deleted += 1
            elif existing.is_dir() and not any(existing.iterdir()):
                existing.rmdir()
    return written, deleted


def render(content_dir: Path, docs_dir: Path, progress: Progress | None = None) -> tuple[int, int]:
    essays = load_essays(content_dir / "essays")
    return write_tree(docs_dir, render_pages(essays, progress))
