"""Stage: content/ (+ quizzes/) -> docs/<locale>/*.md, plain Markdown any MkDocs engine builds."""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from crosstrain.corpus import Corpus, load_corpus
from crosstrain.glossary import Term, blocks_by_term, sort_key
from crosstrain.locales import LOCALES, Locale
from crosstrain.model import AUDIENCES
from crosstrain.render.essaybody import essay_body
from crosstrain.render.markup import md_inline, yaml_string
from crosstrain.quiz.export import gift_bank
from crosstrain.render.moduleviews import ModuleView, excerpt_html
from crosstrain.render.quizviews import LETTERS, ItemView, QuizView
from crosstrain.render.strings import Strings, table
from crosstrain.render.views import EssayView
from crosstrain.store import write_if_changed
from crosstrain.translate import resolve
from crosstrain.usercache import user_cache_dir

Progress = Callable[[int, int, str], None]
# The home page suggests a few readings per track; the library lists them all.
HOME_READINGS = 6
# A glossary entry links this many essays at most: the ones that use the term most.
GLOSSARY_PLACES = 10


@dataclass(frozen=True)
class GlossaryEntry:
    term: Term
    name: str
    definition: str
    places: list[tuple[EssayView, list[str]]]  # essays and the paragraph ids it occurs in
    more: int = 0  # essays beyond those listed


def template_cache_dir() -> Path:
    """Compiled templates are cached per user (keyed by the templates' source, so projects
    can share it): compiling costs more than rendering a small corpus."""
    return user_cache_dir("templates")


def environment(cache_dir: Path | None = None) -> Environment:
    cache = None
    if cache_dir:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            cache = FileSystemBytecodeCache(str(cache_dir))
        except OSError:  # a read-only home: compile every time
            cache = None
    env = Environment(
        loader=PackageLoader("crosstrain", "templates"),
        bytecode_cache=cache,
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md_inline, yaml=yaml_string)
    env.globals.update(excerpt_html=excerpt_html)
    return env


def essay_views(corpus: Corpus, locale_code: str, text_cache: dict) -> list[EssayView]:
    terms = tuple(corpus.glossary)
    return [EssayView(e, resolve(e, locale_code), locale_code, terms, text_cache) for e in corpus.essays.values()]


def library_groups(views: list[EssayView], t: Strings) -> list[tuple[str, list[tuple[str, list[EssayView]]]]]:
    """[(audience, [(tag label, essays)])], audiences in fixed order, tags by label."""
    groups = []
    untagged = t("library.untagged")
    for audience in AUDIENCES:
        by_tag: dict[str, list[EssayView]] = {}
        for view in (v for v in views if v.essay.audience == audience):
            labels = [t(f"tag.{tag}") if t.has(f"tag.{tag}") else tag for tag in view.essay.tags]
            for label in labels or [untagged]:
                by_tag.setdefault(label, []).append(view)
        if by_tag:
            groups.append((audience, sorted(by_tag.items(), key=lambda item: (item[0] == untagged, item[0]))))
    return groups


def glossary_entries(corpus: Corpus, views: list[EssayView], locale_code: str) -> list[GlossaryEntry]:
    places: dict[str, list[tuple[EssayView, list[str]]]] = {}
    for view in views:
        found = blocks_by_term(view.term_matches)
        for term_id, block_ids in found.items():
            places.setdefault(term_id, []).append((view, block_ids))
    entries = []
    for term in corpus.glossary:
        # the essays that use the term most come first; a common term in a large corpus
        # would otherwise list every essay
        found = sorted(places.get(term.id, []), key=lambda place: -len(place[1]))
        entries.append(GlossaryEntry(term, term.name(locale_code), term.meaning(locale_code),
                                     found[:GLOSSARY_PLACES], max(0, len(found) - GLOSSARY_PLACES)))
    key = sort_key(locale_code, [e.name for e in entries])
    return sorted(entries, key=lambda e: key(e.name))


def _item_views(bank, locale_code: str, tests: dict | None = None) -> tuple[ItemView, ...]:
    return tuple(
        ItemView(item, number, locale_code, f"../../essays/{item.source.essay}/#{item.source.paragraphs[0]}",
                 tuple((tests or {}).get(item.id, ())))
        for number, item in enumerate(bank.items, start=1))


def quiz_views(corpus: Corpus, views: list[EssayView], modules: list[ModuleView], t: Strings) -> list[QuizView]:
    """One quiz per essay bank, then one per module (its items drawn from the banks)."""
    titles = {v.slug: v.title for v in views}
    quizzes = [QuizView(bank, t("quiz.title", title=titles.get(bank.essay, bank.name)), _item_views(bank, t.locale))
               for bank in corpus.banks]
    items = {i.id: i for b in corpus.banks for i in b.items}
    for module in modules:
        bank, tests = module.quiz_bank(items)
        objectives = tuple((o.id, module.t(o.text)) for o in module.module.objectives)
        quizzes.append(QuizView(bank, t("quiz.title", title=module.title), _item_views(bank, t.locale, tests),
                                objectives))
    return quizzes


@dataclass(frozen=True)
class TrackStep:
    module: ModuleView | None = None
    essay: EssayView | None = None


def tracks(modules: list[ModuleView], views: list[EssayView]) -> list[tuple[str, list[TrackStep]]]:
    """For each role: its modules (own audience first), each followed by the essays it reads,
    then the role's other essays."""
    by_slug = {v.slug: v for v in views}
    out = []
    for audience in ("sales", "marketing"):
        steps, seen = [], set()
        for module in sorted((m for m in modules if m.module.audience in (audience, "all")),
                             key=lambda m: m.module.audience != audience):
            steps.append(TrackStep(module=module))
            for lesson in module.module.lessons:
                for reading in lesson.readings:
                    if reading.essay not in seen:
                        seen.add(reading.essay)
                        steps.append(TrackStep(essay=by_slug[reading.essay]))
        steps += [TrackStep(essay=v) for v in views if v.slug not in seen and v.essay.audience in (audience, "all")]
        out.append((audience, steps))
    return out


def _track_minutes(steps: list[TrackStep]) -> int:
    return sum(s.module.module.duration if s.module else s.essay.minutes for s in steps)


def agenda_rows(module: ModuleView) -> list[dict]:
    rows, start = [], 0
    for step in module.module.agenda:
        rows.append({"start": start, "end": start + step.minutes, "step": step})
        start += step.minutes
    return rows


def script_strings(t: Strings) -> Markup:
    """The quiz script's interface strings, as JSON for a <script type=application/json>."""
    keys = sorted(k for k in table(t.locale) if k.startswith("quiz."))
    return Markup(json.dumps({k: t(k) for k in keys}, ensure_ascii=False).replace("</", "<\\/"))


def render_locale(env: Environment, corpus: Corpus, loc: Locale, text_cache: dict) -> dict[str, str]:
    """Every page of one locale, as {path under docs/<locale>/: Markdown}."""
    t = Strings(loc.code)
    views = essay_views(corpus, loc.code, text_cache)
    common = {"t": t, "locale": loc}
    pages = {
        "index.md": env.get_template("home.md.j2").render(
            tracks={a: sorted((v for v in views if v.essay.audience in (a, "all")),
                              key=lambda v: v.essay.audience != a)[:HOME_READINGS]
                    for a in ("sales", "marketing")},
            essay_count=len(views), languages=sorted({e.language for e in corpus.essays.values()}), **common),
        "essays/index.md": env.get_template("library.md.j2").render(groups=library_groups(views, t), **common),
        "glossary.md": env.get_template("glossary.md.j2").render(
            entries=glossary_entries(corpus, views, loc.code), **common),
    }
    essay_template = env.get_template("essay.md.j2")
    for view in views:
        pages[f"essays/{view.slug}.md"] = essay_template.render(view=view, body=essay_body(view, t), **common)
    modules = [ModuleView(m, loc.code, {v.slug: v for v in views}) for m in corpus.modules]
    pages["modules/index.md"] = env.get_template("modules.md.j2").render(modules=modules, **common)
    learner, trainer, handout = (env.get_template(n) for n in ("module.md.j2", "module_trainer.md.j2", "handout.md.j2"))
    for module in modules:
        pages[f"modules/{module.id}.md"] = learner.render(view=module, **common)
        pages[f"trainers/modules/{module.id}.md"] = trainer.render(view=module, agenda=agenda_rows(module), **common)
        pages[f"trainers/handouts/{module.id}.md"] = handout.render(view=module, **common)
    paths = tracks(modules, views)
    pages["tracks.md"] = env.get_template("tracks.md.j2").render(
        tracks=paths, totals={a: _track_minutes(steps) for a, steps in paths}, **common)
    quizzes = quiz_views(corpus, views, modules, t)
    pages["quizzes/index.md"] = env.get_template("quizzes.md.j2").render(quizzes=quizzes, **common)
    quiz_template = env.get_template("quiz.md.j2")
    strings_json = script_strings(t)
    key_template = env.get_template("answer_key.md.j2")
    for quiz in quizzes:
        pages[f"quizzes/{quiz.bank.name}.md"] = quiz_template.render(
            quiz=quiz, letters=LETTERS, script_strings=strings_json, **common)
        pages[f"trainers/answer-keys/{quiz.bank.name}.md"] = key_template.render(quiz=quiz, **common)
        pages[f"trainers/gift/{quiz.bank.name}.gift.txt"] = gift_bank(quiz.bank, loc.code)
    pages["trainers/index.md"] = env.get_template("trainers.md.j2").render(quizzes=quizzes, modules=modules, **common)
    return pages


def render_pages(corpus: Corpus, progress: Progress | None = None) -> dict[str, str]:
    """All generated pages: {path under docs/: text}. Pure: same content, same bytes."""
    env = environment(template_cache_dir())
    pages: dict[str, str] = {}
    text_cache: dict = {}
    for index, loc in enumerate(LOCALES, start=1):
        if progress:
            progress(index, len(LOCALES), loc.code)
        for path, text in render_locale(env, corpus, loc, text_cache).items():
            pages[f"{loc.code}/{path}"] = text
    return pages


def write_pages(docs_dir: Path, pages: dict[str, str]) -> int:
    return sum(write_if_changed(docs_dir / path, text, atomic=False) for path, text in sorted(pages.items()))


def remove_stale(docs_dir: Path, keep: set[str]) -> int:
    """Delete generated files that are no longer generated, and folders left empty."""
    deleted = 0
    if not docs_dir.is_dir():
        return deleted
    # os.walk with plain strings: Path objects for every page cost more than the deleting
    for folder, _dirs, files in os.walk(docs_dir, topdown=False):
        relative = os.path.relpath(folder, docs_dir).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in files:
            if prefix + name not in keep:
                os.unlink(os.path.join(folder, name))
                deleted += 1
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    return deleted


def write_tree(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Write changed pages, delete pages no longer generated; (written, deleted)."""
    return write_pages(docs_dir, pages), remove_stale(docs_dir, set(pages))


# Large corpora render one locale per process: rendering is CPU-bound and the locales are
# independent. The corpus reaches the workers by fork, not by pickling.
PARALLEL_FROM_ESSAYS = 50
_FORKED: dict = {}


def _render_locale_worker(code: str) -> tuple[list[str], int]:
    corpus, docs_dir = _FORKED["corpus"], _FORKED["docs"]
    env = environment(template_cache_dir())
    loc = next(l for l in LOCALES if l.code == code)
    pages = {f"{code}/{path}": text for path, text in render_locale(env, corpus, loc, {}).items()}
    return sorted(pages), write_pages(docs_dir, pages)


def render(root: Path, docs_dir: Path, progress: Progress | None = None) -> tuple[int, int]:
    corpus = load_corpus(root)
    workers = min(len(LOCALES), os.cpu_count() or 1)
    if len(corpus.essays) < PARALLEL_FROM_ESSAYS or workers < 2 or "fork" not in mp.get_all_start_methods():
        return write_tree(docs_dir, render_pages(corpus, progress))
    environment(template_cache_dir())  # create the shared cache folder before the workers start
    _FORKED.update(corpus=corpus, docs=docs_dir)
    keep: set[str] = set()
    written = 0
    # The corpus is a million objects the workers only read: frozen, the workers' garbage
    # collections skip them instead of walking (and so copying) every inherited page.
    gc.freeze()
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            codes = [loc.code for loc in LOCALES]
            for index, (paths, count) in enumerate(pool.imap(_render_locale_worker, codes), start=1):
                if progress:
                    progress(index, len(codes), codes[index - 1])
                keep.update(paths)
                written += count
    finally:
        gc.unfreeze()
        _FORKED.clear()
    return written, remove_stale(docs_dir, keep)
