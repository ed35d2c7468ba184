"""Every export of one locale as {path: content}: the render puts them in the trainers'
area of that locale, and `crosstrain export FORMAT` writes one format of every locale."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from crosstrain.export.gift import gift_bank
from crosstrain.export.moodle_xml import moodle_bank
from crosstrain.export.scorm import module_package, package_files, quiz_package, zip_bytes
from crosstrain.errors import CrosstrainError
from crosstrain.locales import DEFAULT_LOCALE, LOCALE_CODES
from crosstrain.quiz.model import Item
from crosstrain.render.strings import Strings

# format -> the folder its files have in the trainers' area (and in a locale's exports)
FORMATS = {"gift": "gift", "moodle-xml": "moodle", "scorm": "scorm"}


def citation(item: Item, locale_code: str, site_url: str | None = None) -> str:
    """The source line of a Moodle question's general feedback: the essay and paragraphs the
    item comes from, linked to the paragraph on the published site when its URL is known."""
    text = escape(Strings(locale_code)("export.source", essay=item.source.essay,
                                       paragraphs=", ".join(item.source.paragraphs)))
    if site_url:
        prefix = "" if locale_code == DEFAULT_LOCALE.code else f"{locale_code}/"
        href = f"{site_url.rstrip('/')}/{prefix}essays/{item.source.essay}/#{item.source.paragraphs[0]}"
        text = Markup('<a href="{}">{}</a>').format(href, text)
    return f'<p class="ct-source">{text}</p>'


def locale_exports(env: Environment, quizzes, modules, locale_code: str, strings_json: Markup,
                   ordering_fallback: bool = False, site_url: str | None = None) -> dict[str, str | bytes]:
    """{format folder/file name: text or zip bytes} for one locale's quizzes (QuizView) and
    modules (ModuleView). Moodle XML carries every language, so it is the same in each."""
    out: dict[str, str | bytes] = {}
    module_quizzes: dict[str, list] = {}
    for quiz in quizzes:
        if quiz.bank.module:
            module_quizzes.setdefault(quiz.bank.module, []).append(quiz)
    for quiz in quizzes:
        name = quiz.bank.name
        out[f"gift/{name}.gift.txt"] = gift_bank(quiz.bank, locale_code)
        tests = {view.item.id: list(view.objectives) for view in quiz.items}
        out[f"moodle/{name}.xml"] = moodle_bank(quiz.bank, partial(citation, site_url=site_url), tests,
                                                ordering_fallback)
        if not quiz.bank.module:
            package = quiz_package(env, quiz, locale_code, strings_json)
            out[f"scorm/{package.name}.zip"] = zip_bytes(package_files(package))
    for module in modules:
        package = module_package(env, module, module_quizzes[module.id], strings_json)
        out[f"scorm/{package.name}.zip"] = zip_bytes(package_files(package))
    return out


def export_format(root: Path, fmt: str, ordering_fallback: bool = False,
                  site_url: str | None = None) -> dict[str, str | bytes]:
    """One format, every locale: {path under the output folder: content}. GIFT and SCORM
    go per locale (gift/<locale>/<bank>.gift.txt, <package>.<locale>.zip); Moodle XML once.
    site_url (the published site, http or https) turns Moodle sources into links."""
    if site_url and not re.match(r"https?://[^\s/]+", site_url):
        raise CrosstrainError("--site-url", f"{site_url!r} is not a web address",
                              "give the published site's address, e.g. https://training.example.com/")
    # the render's views are what the site shows; imported here, as the render imports us
    from crosstrain.corpus import load_corpus
    from crosstrain.render import environment, essay_views, quiz_views, script_strings
    from crosstrain.render.moduleviews import ModuleView

    corpus = load_corpus(root)
    env = environment()
    folder = FORMATS[fmt]
    out: dict[str, str | bytes] = {}
    text_cache: dict = {}
    for code in LOCALE_CODES:
        t = Strings(code)
        views = essay_views(corpus, code, text_cache)
        modules = [ModuleView(m, code, {v.slug: v for v in views}) for m in corpus.modules]
        files = locale_exports(env, quiz_views(corpus, views, modules, t), modules, code, script_strings(t),
                               ordering_fallback, site_url)
        for path, content in files.items():
            kind, _, name = path.partition("/")
            if kind == folder:
                out[name if fmt != "gift" else f"{code}/{name}"] = content
    return out
