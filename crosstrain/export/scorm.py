"""SCORM 1.2 packages: one zip per module and locale, and one per essay quiz and locale.

A package is a list of pages, each its own SCO (the LMS's table of contents moves between
them, so every page opens and closes its own SCORM session): the module page (objectives,
readings, discussion, activities) reports "completed" when opened; a quiz page reports its
score, passed/failed against the mastery score, its interactions, and keeps its progress in
cmi.suspend_data (overrides/assets/javascripts/scorm.js). The pages are the site's own
templates turned into plain HTML, with our CSS and scripts inside the package: every link
is relative, nothing is fetched from outside, so the LMS can serve it from any sub-path.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import markdown
from markupsafe import Markup

from crosstrain.locales import locale
from crosstrain.modules import DEFAULT_MASTERY_SCORE
from crosstrain.quiz.fingerprint import quiz_fingerprint
from crosstrain.render.moduleviews import ModuleView
from crosstrain.render.quizviews import LETTERS, ItemView, QuizView
from crosstrain.render.strings import Strings

ASSETS = Path(__file__).resolve().parents[2] / "overrides" / "assets"
# Our CSS and scripts, copied into every package under assets/ (scorm.js before quiz.js:
# it must be listening when the quiz asks for saved progress).
STYLES = ("stylesheets/crosstrain.css",)
QUIZ_SCRIPTS = ("javascripts/scorm.js", "javascripts/quiz-state.js", "javascripts/gain.js", "javascripts/quiz.js")
PAGE_SCRIPTS = ("javascripts/scorm.js",)
PACKAGE_CSS = Path(__file__).resolve().parents[1] / "templates" / "scorm" / "package.css"
# The Markdown extensions mkdocs.yml uses, less toc's permalinks (links a package doesn't
# need) and md_in_html: no template puts Markdown inside HTML, and it triples the cost.
_MARKDOWN = ("abbr", "admonition", "attr_list", "tables", "toc")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# A fixed date in every zip entry: the same content gives the same package, byte for byte.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

NS_CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
NS_ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS_MD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{NS_CP} imscp_rootv1p1p2.xsd {NS_MD} imsmd_rootv1p2p1.xsd "
                   f"{NS_ADLCP} adlcp_rootv1p2.xsd")


@dataclass(frozen=True)
class Page:
    """One SCO: its file in the package, its title in the LMS's table of contents, its HTML."""
    href: str
    title: str
    html: str
    mastery_score: int | None = None  # set on quiz pages: the score (percent) that passes


@dataclass(frozen=True)
class Package:
    name: str  # file name without .zip
    identifier: str
    title: str
    description: str
    locale_code: str
    pages: tuple[Page, ...]


class PackageStrings(Strings):
    """The site's interface strings, less the few that would be untrue inside an LMS (the
    quiz lead promises a source link and results kept in the browser)."""

    INSTEAD = {"quiz.lead": "export.quiz_lead"}

    def __call__(self, key: str, **values) -> str:
        return super().__call__(self.INSTEAD.get(key, key), **values)


def json_for_html(data) -> Markup:
    """JSON for a <script type=application/json>: < > & U+2028 U+2029 escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return Markup(text)


def markdown_html(text: str) -> Markup:
    """A rendered site page (Markdown with HTML blocks) as HTML, without its front matter."""
    return Markup(markdown.markdown(_FRONT_MATTER.sub("", text), extensions=list(_MARKDOWN)))


def _page(env, title: str, body: Markup, loc_code: str, scripts: tuple[str, ...], data=None) -> str:
    return env.get_template("scorm/page.html.j2").render(
        title=title, body=body, lang=locale(loc_code).html_lang, styles=[Path(s).name for s in STYLES],
        scripts=[Path(s).name for s in scripts], data=json_for_html(data) if data is not None else None)


def quiz_page(env, quiz: QuizView, locale_code: str, strings_json: Markup, mastery_score: int,
              href: str = "quiz.html") -> Page:
    """A quiz as a SCO; its items link to no source page (the package holds none)."""
    t = PackageStrings(locale_code)
    items = tuple(ItemView(v.item, v.number, v.locale_code, "", v.objectives) for v in quiz.items)
    quiz = QuizView(quiz.bank, quiz.title, items, quiz.objectives, quiz.form)
    body = markdown_html(env.get_template("quiz.md.j2").render(
        quiz=quiz, letters=LETTERS, script_strings=strings_json, t=t, locale=locale(t.locale)))
    data = {"sco": "quiz", "bank": quiz.bank.name, "fingerprint": quiz_fingerprint(quiz.bank.items),
            "mastery_score": mastery_score, "items": [v.item.id for v in items]}
    return Page(href, quiz.title, _page(env, quiz.title, body, t.locale, QUIZ_SCRIPTS, data), mastery_score)


def module_page(env, module: ModuleView, href: str = "index.html") -> Page:
    t = Strings(module.locale_code)
    body = markdown_html(env.get_template("scorm/module.md.j2").render(view=module, t=t))
    return Page(href, module.title, _page(env, module.title, body, module.locale_code, PAGE_SCRIPTS, {"sco": "page"}))


def module_package(env, module: ModuleView, quizzes: list[QuizView], strings_json: Markup) -> Package:
    """The module's learner page, then its quizzes (the pre-test and the post-test)."""
    pages = (module_page(env, module),) + tuple(
        quiz_page(env, quiz, module.locale_code, strings_json, module.module.mastery_score,
                  f"{quiz.form or 'quiz'}-test.html" if quiz.form else "quiz.html")
        for quiz in quizzes)
    return Package(f"module-{module.id}.{module.locale_code}", f"crosstrain-module-{module.id}-{module.locale_code}",
                   module.title, module.t(module.module.summary), module.locale_code, pages)


def quiz_package(env, quiz: QuizView, locale_code: str, strings_json: Markup) -> Package:
    page = quiz_page(env, quiz, locale_code, strings_json, DEFAULT_MASTERY_SCORE, "index.html")
    return Package(f"{quiz.bank.name}.{locale_code}", f"crosstrain-quiz-{quiz.bank.name}-{locale_code}",
                   quiz.title, quiz.title, locale_code, (page,))


def asset_files() -> dict[str, bytes]:
    files = {f"assets/{Path(a).name}": (ASSETS / a).read_bytes() for a in (*STYLES, *QUIZ_SCRIPTS)}
    files["assets/package.css"] = PACKAGE_CSS.read_bytes()
    return files


def manifest(package: Package, assets: list[str]) -> str:
    """imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 + ADL CP + IMS MD 1.2): one item and one
    SCO resource per page, each depending on one asset resource with the shared files."""
    ET.register_namespace("", NS_CP)
    ET.register_namespace("adlcp", NS_ADLCP)
    ET.register_namespace("imsmd", NS_MD)
    ET.register_namespace("xsi", NS_XSI)
    cp = lambda tag: f"{{{NS_CP}}}{tag}"  # noqa: E731
    md = lambda tag: f"{{{NS_MD}}}{tag}"  # noqa: E731
    lang = locale(package.locale_code).html_lang
    root = ET.Element(cp("manifest"), {"identifier": package.identifier, "version": "1.0",
                                       f"{{{NS_XSI}}}schemaLocation": SCHEMA_LOCATION})
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, cp("schemaversion")).text = "1.2"
    general = ET.SubElement(ET.SubElement(metadata, md("lom")), md("general"))
    ET.SubElement(ET.SubElement(general, md("title")), md("langstring"), {"xml:lang": lang}).text = package.title
    ET.SubElement(general, md("language")).text = lang
    ET.SubElement(ET.SubElement(general, md("description")), md("langstring"),
                  {"xml:lang": lang}).text = package.description
    organizations = ET.SubElement(root, cp("organizations"), default="organization")
    organization = ET.SubElement(organizations, cp("organization"), identifier="organization")
    ET.SubElement(organization, cp("title")).text = package.title
    resources = ET.SubElement(root, cp("resources"))
    for number, page in enumerate(package.pages, start=1):
        item = ET.SubElement(organization, cp("item"), identifier=f"item-{number}",
                             identifierref=f"sco-{number}", isvisible="true")
        ET.SubElement(item, cp("title")).text = page.title
        if page.mastery_score is not None:
            ET.SubElement(item, f"{{{NS_ADLCP}}}masteryscore").text = str(page.mastery_score)
        resource = ET.SubElement(resources, cp("resource"), {
            "identifier": f"sco-{number}", "type": "webcontent", f"{{{NS_ADLCP}}}scormtype": "sco",
            "href": page.href})
        ET.SubElement(resource, cp("file"), href=page.href)
        ET.SubElement(resource, cp("dependency"), identifierref="assets")
    shared = ET.SubElement(resources, cp("resource"), {
        "identifier": "assets", "type": "webcontent", f"{{{NS_ADLCP}}}scormtype": "asset"})
    for path in assets:
        ET.SubElement(shared, cp("file"), href=path)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def package_files(package: Package) -> dict[str, bytes]:
    assets = asset_files()
    files = {page.href: page.html.encode("utf-8") for page in package.pages} | assets
    files["imsmanifest.xml"] = manifest(package, sorted(assets)).encode("utf-8")
    return files


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A deterministic zip: sorted entries, fixed dates, the manifest first (some LMSs look
    for it there)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files, key=lambda n: (n != "imsmanifest.xml", n)):
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()
