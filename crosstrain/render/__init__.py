"""Stage: content/ (+ quizzes/) -> docs/<locale>/*.md, plain Markdown any MkDocs engine builds."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from crosstrain.analyse.views import HEIGHT, MARGIN, WIDTH, GainRow, QuizResults, current, num, pct, scatter, y_of
from crosstrain.corpus import Corpus, load_corpus
from crosstrain.glossary import Term, blocks_by_term, sort_key
from crosstrain.locales import LOCALES, Locale
from crosstrain.model import AUDIENCES, Essay
from crosstrain.render.essaybody import essay_body
from crosstrain.render.markup import json_for_html, md_inline, yaml_string
from crosstrain.render.moduleviews import ModuleView, excerpt_html
from crosstrain.quiz.forms import FORMS, build_forms, module_form_bank
from crosstrain.render.queryscript import ASSET as QUERY_MAP_ASSET, query_map
from crosstrain.render.quizviews import LETTERS, ItemView, QuizView
from crosstrain.render.strings import Strings, table
from crosstrain.render.views import EssayView
from crosstrain.store import essay_folders, load_essay, write_if_changed
from crosstrain.translate import derive, resolve
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
        forms = build_forms(module.module, items)
        objectives = tuple((o.id, module.t(o.text)) for o in module.module.objectives)
        for form in FORMS:
            bank = module_form_bank(module.module, form, forms)
            quizzes.append(QuizView(bank, t(f"quiz.{form}_title", title=module.title),
                                    _item_views(bank, t.locale, forms.tests), objectives, form))
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
    return json_for_html({k: t(k) for k in keys})


def render_locale(env: Environment, corpus: Corpus, loc: Locale, text_cache: dict) -> dict[str, str]:
    """Every page of one locale, as {path under docs/<locale>/: Markdown}."""
    views = essay_views(corpus, loc.code, text_cache)
    return {**essay_pages(env, views, loc), **index_pages(env, corpus, views, loc)}


def essay_pages(env: Environment, views: list[EssayView], loc: Locale) -> dict[str, str]:
    """One locale's page for each essay."""
    t = Strings(loc.code)
    template = env.get_template("essay.md.j2")
    return {f"essays/{view.slug}.md": template.render(view=view, body=essay_body(view, t), t=t, locale=loc)
            for view in views}


def index_pages(env: Environment, corpus: Corpus, views: list[EssayView], loc: Locale) -> dict[str, str]:
    """One locale's pages about the whole corpus: home, library, glossary, modules, tracks,
    quizzes, trainers. Of the essays they need only what EssayView summarises, and the
    paragraphs of the essays that modules read."""
    t = Strings(loc.code)
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
    # imported here: the exports render pages with this module's views
    from crosstrain.export.files import locale_exports

    exports = locale_exports(env, quizzes, modules, loc.code, strings_json)
    pages.update({f"trainers/{path}": content for path, content in exports.items()})
    key_template = env.get_template("answer_key.md.j2")
    results = results_pages(env, corpus, quizzes, modules, common)
    pages.update(results)
    item_stats = {s.item: (quiz, s) for quiz in results_by_quiz(corpus) for s in quiz.items}
    for quiz in quizzes:
        pages[f"quizzes/{quiz.bank.name}.md"] = quiz_template.render(
            quiz=quiz, letters=LETTERS, script_strings=strings_json, **common)
        pages[f"trainers/answer-keys/{quiz.bank.name}.md"] = key_template.render(
            quiz=quiz, item_stats={k: v for k, v in item_stats.items() if v[0].quiz == quiz.bank.name}, num=num, pct=pct,
            **common)
    pages["trainers/index.md"] = env.get_template("trainers.md.j2").render(
        quizzes=quizzes, modules=modules, exports=exports, has_results="trainers/stats/index.md" in results,
        **common)
    if loc.language == "zh":  # search.js looks a query up in this locale's script and words
        pages[QUERY_MAP_ASSET] = query_map(loc.code)
    return pages


def results_by_quiz(corpus: Corpus) -> list:
    """The learners' results (stats/) of the quizzes as they are now."""
    return current(corpus.stats, {i.id: i for b in corpus.banks for i in b.items})


def results_pages(env: Environment, corpus: Corpus, quizzes: list[QuizView], modules: list[ModuleView],
                  common: dict) -> dict[str, str]:
    """The trainers' results pages: one per quiz with results, and an index with the gain
    per module objective. Aggregates only (crosstrain.analyse.stats)."""
    shown = results_by_quiz(corpus)
    if not shown and not corpus.gains:
        return {}
    t = common["t"]
    titles = {q.bank.name: q.title for q in quizzes}
    objectives = {(m.id, o.id): m.t(o.text) for m in modules for o in m.module.objectives}
    module_titles = {m.id: m.title for m in modules}
    template = env.get_template("stats.md.j2")
    figures = dict(num=num, pct=pct, width=WIDTH, height=HEIGHT, margin=MARGIN, y_of=y_of)
    pages, listed = {}, []
    for stats in shown:
        results = QuizResults(stats, titles.get(stats.quiz, stats.quiz))
        listed.append(results)
        pages[f"trainers/stats/{stats.quiz}.md"] = template.render(results=results, dots=scatter(stats),
                                                                   **figures, **common)
    gains = {}
    for gain in corpus.gains:
        gains.setdefault(module_titles.get(gain.module, gain.module), []).append(
            GainRow(gain, objectives.get((gain.module, gain.objective), gain.objective)))
    pages["trainers/stats/index.md"] = env.get_template("stats_index.md.j2").render(
        results=listed, gains=sorted(gains.items()), **figures, **common)
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
    return sum(write_if_changed(docs_dir / path, text) for path, text in sorted(pages.items()))


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


# Large corpora render in two steps, each by a pool of processes (rendering is CPU-bound).
# First, workers each load a share of the essays and write their pages in every locale,
# computing each text's reading time and glossary matches once. Then one worker per
# locale writes the index pages (library, glossary, modules…) from what the first step
# sent back: the essays without their paragraphs, and those per-text figures.
PARALLEL_FROM_ESSAYS = 50
# Essays per share: small enough that a worker with cheaper essays takes another, large
# enough that a share's overhead stays small.
ESSAYS_PER_SHARE = 125
_FORKED: dict = {}


def _summary(essay: Essay) -> Essay:
    """The essay without its paragraphs: enough for the index pages, cheap to send back."""
    return replace(essay, texts={code: replace(text, blocks=()) for code, text in essay.texts.items()})


def _worker_environment() -> Environment:
    if "env" not in _FORKED:
        _FORKED["env"] = environment(template_cache_dir())
    return _FORKED["env"]


def _render_essay_share(job: tuple[int, list[str]]) -> tuple[list[str], int, dict[str, Essay], dict]:
    number, folders = job
    essays = [load_essay(Path(folder)) for folder in folders]
    corpus = replace(_FORKED["corpus"], essays={e.slug: e for e in essays})
    text_cache: dict = {}
    paths: list[str] = []
    written = 0
    # Shares start at different locales: files created in one folder at the same time wait
    # for each other, and creating files is the slow part of writing a large site.
    for loc in LOCALES[number % len(LOCALES):] + LOCALES[:number % len(LOCALES)]:
        views = essay_views(corpus, loc.code, text_cache)
        pages = {f"{loc.code}/{path}": text for path, text in essay_pages(_worker_environment(), views, loc).items()}
        for view in views:  # what the index pages will ask for
            view.minutes, view.term_matches
        written += write_pages(_FORKED["docs"], pages)
        paths += pages
    return paths, written, {folder: _summary(e) for folder, e in zip(folders, essays)}, text_cache


def _render_index_worker(code: str) -> tuple[list[str], int]:
    corpus, loc = _FORKED["corpus"], next(l for l in LOCALES if l.code == code)
    views = essay_views(corpus, code, _FORKED["text_cache"])
    pages = {f"{code}/{path}": text for path, text in index_pages(_worker_environment(), corpus, views, loc).items()}
    return list(pages), write_pages(_FORKED["docs"], pages)


def _in_pool(workers: int, function, jobs: list) -> list:
    """function over jobs in forked workers that share what the parent holds in _FORKED."""
    gc.freeze()  # the workers only read it: their garbage collections skip it
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            return pool.map(function, jobs, chunksize=1)
    finally:
        gc.unfreeze()


def render(root: Path, docs_dir: Path, progress: Progress | None = None) -> tuple[int, int]:
    workers = min(len(LOCALES), os.cpu_count() or 1)
    folders = essay_folders(root / "content" / "essays")
    if len(folders) < PARALLEL_FROM_ESSAYS or workers < 2 or "fork" not in mp.get_all_start_methods():
        return write_tree(docs_dir, render_pages(load_corpus(root), progress))
    corpus = load_corpus(root, with_essays=False)
    environment(template_cache_dir())  # create the shared cache folder before the workers start
    # Every zh-Hant page converts with OpenCC and the phrase table: they are loaded once,
    # here, rather than in each worker.
    derive("", "zh-Hant")
    share_count = max(workers, min(len(folders) // ESSAYS_PER_SHARE, 4 * workers))
    size = -(-len(folders) // share_count)
    shares = list(enumerate([str(f) for f in folders[k:k + size]] for k in range(0, len(folders), size)))
    _FORKED.update(corpus=corpus, docs=docs_dir)
    try:
        if progress:
            progress(1, 2, f"{len(folders)} essays")
        results = _in_pool(workers, _render_essay_share, shares)
        summaries = {folder: essay for _, _, share, _ in results for folder, essay in share.items()}
        # modules show the paragraphs they read: those essays are loaded whole
        read = {r.essay for m in corpus.modules for lesson in m.lessons for r in lesson.readings}
        corpus.essays = {e.slug: load_essay(f) if e.slug in read else e
                         for f, e in ((f, summaries[str(f)]) for f in folders)}
        _FORKED["text_cache"] = {key: value for *_, cache in results for key, value in cache.items()}
        if progress:
            progress(2, 2, "index pages")
        results += [(paths, written, {}, {}) for paths, written in
                    _in_pool(workers, _render_index_worker, [loc.code for loc in LOCALES])]
    finally:
        _FORKED.clear()
    keep = {path for paths, *_ in results for path in paths}
    return sum(written for _, written, *_ in results), remove_stale(docs_dir, keep)
