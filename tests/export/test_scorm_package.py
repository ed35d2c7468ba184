"""Every SCORM package: a complete SCORM 1.2 manifest (structure checked against the IMS
CP 1.1.2 / ADL CP 1.2 / IMS MD 1.2 rules we rely on: the XSDs are not shipped), every file
listed and every listed file present, no URL leaving the package, pages that pass HTML checks
(axe: tests/browser/test_scorm_pages.py)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import PurePosixPath

import pytest

from crosstrain.corpus import load_corpus
from crosstrain.export.scorm import NS_ADLCP, NS_CP, NS_MD
from crosstrain.locales import LOCALE_CODES, locale
from crosstrain.modules import DEFAULT_MASTERY_SCORE, load_module
from tests.conftest import ROOT

CORPUS = load_corpus(ROOT, with_essays=False)
NAMES = ([f"module-{m.id}.{c}.zip" for m in CORPUS.modules for c in LOCALE_CODES]
         + [f"{b.name}.{c}.zip" for b in CORPUS.banks for c in LOCALE_CODES])
CP, ADL, MD = (f"{{{ns}}}" for ns in (NS_CP, NS_ADLCP, NS_MD))
_URL_ATTR = re.compile(r'(?<![\w-])(?:href|src|action|srcset|poster|data)\s*=\s*"([^"]*)"', re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.I)


def unzip(packages, name) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(packages[name]))
    return {n: archive.read(n) for n in archive.namelist()}


def test_one_package_per_module_and_essay_quiz_and_locale(packages):
    assert sorted(packages) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_manifest_is_complete(packages, name):
    files = unzip(packages, name)
    manifest = ET.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == CP + "manifest" and manifest.get("identifier")
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    lang = locale(name.rsplit(".", 2)[1]).html_lang
    assert manifest.find(f"{CP}metadata/{MD}lom/{MD}general/{MD}title/{MD}langstring").text
    assert manifest.findtext(f"{CP}metadata/{MD}lom/{MD}general/{MD}language") == lang
    organizations = manifest.find(f"{CP}organizations")
    default = organizations.get("default")
    organization = next(o for o in organizations.findall(f"{CP}organization") if o.get("identifier") == default)
    assert organization.findtext(f"{CP}title")
    resources = {r.get("identifier"): r for r in manifest.findall(f"{CP}resources/{CP}resource")}
    identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers)), "identifiers must be unique"
    items = organization.findall(f"{CP}item")
    assert items
    for item in items:
        assert item.findtext(f"{CP}title")
        resource = resources[item.get("identifierref")]
        assert resource.get(ADL + "scormtype") == "sco" and resource.get("type") == "webcontent"
        assert resource.get("href") in files
        mastery = item.findtext(ADL + "masteryscore")
        assert mastery is None or 0 <= int(mastery) <= 100
    assert any(i.findtext(ADL + "masteryscore") for i in items), "the quiz item carries the mastery score"
    for resource in resources.values():
        for dependency in resource.findall(f"{CP}dependency"):
            assert dependency.get("identifierref") in resources
    listed = {f.get("href") for r in resources.values() for f in r.findall(f"{CP}file")}
    assert listed == set(files) - {"imsmanifest.xml"}, "every file listed, every listed file present"


def relative_urls(name: str, text: str) -> list[str]:
    found = _URL_ATTR.findall(text) if name.endswith(".html") else []
    return found + _CSS_URL.findall(text)


@pytest.mark.parametrize("name", NAMES)
def test_no_url_leaves_the_package(packages, name):
    files = unzip(packages, name)
    for path, data in files.items():
        text = data.decode("utf-8")
        if path.endswith((".html", ".css")):
            for url in relative_urls(path, text):
                assert not _EXTERNAL.match(url), f"{path}: {url} leaves the package"
                target = url.split("#")[0].split("?")[0]
                if target:
                    resolved = str(PurePosixPath(path).parent / target).removeprefix("./")
                    assert resolved in files, f"{path}: {url} is not in the package"
        # scripts and styles must not reach out either (fetch, XHR, imports, absolute URLs)
        assert not re.search(r"https?://(?!www\.(?:imsproject|imsglobal|adlnet|w3)\.org/)", text), path


class _Checker(HTMLParser):
    """HTML checks the site's pages follow too: one <main>, unique ids, labelled controls,
    no inline script or on* handler (the coming Content-Security-Policy)."""

    def __init__(self):
        super().__init__()
        self.ids, self.problems, self.labels, self.controls, self.script_open = [], [], set(), [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                self.problems.append(f"duplicate id {a['id']}")
            self.ids.append(a["id"])
        if any(k.startswith("on") for k in a):
            self.problems.append(f"inline handler on <{tag}>")
        if tag == "script":
            self.script_open = a
            if "src" not in a and a.get("type") != "application/json":
                self.problems.append("inline script")

    def handle_data(self, data):
        if self.script_open is not None and self.script_open.get("type") == "application/json":
            if re.search(r"[<>&\u2028\u2029]", data):
                self.problems.append("unescaped character in embedded JSON")

    def handle_endtag(self, tag):
        if tag == "script":
            self.script_open = None


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith((".en.zip", ".zh-Hant.zip"))])
def test_pages_pass_html_checks(packages, name):
    for path, data in unzip(packages, name).items():
        if path.endswith(".html"):
            text = data.decode("utf-8")
            assert text.startswith("<!DOCTYPE html>") and text.count("<main") == 1
            assert re.search(r'<html lang="[a-zA-Z-]+">', text) and re.search(r"<title>[^<]+</title>", text)
            checker = _Checker()
            checker.feed(text)
            assert checker.problems == [], f"{name}/{path}"


@pytest.mark.parametrize("module", CORPUS.modules, ids=lambda m: m.id)
def test_quiz_item_carries_the_module_mastery_score(packages, module):
    manifest = ET.fromstring(unzip(packages, f"module-{module.id}.en.zip")["imsmanifest.xml"])
    assert [i.findtext(ADL + "masteryscore") for i in manifest.iter(CP + "item")] == [None, *[str(module.mastery_score)] * 2]


@pytest.mark.parametrize("value,problem", [(70, None), ("80", "percentage"), (101, "percentage"), (-1, "percentage")])
def test_mastery_score_in_the_module_file(tmp_path, value, problem):
    source = sorted((ROOT / "content" / "modules").glob("*.yml"))[0]
    path = tmp_path / source.name
    path.write_text(source.read_text(encoding="utf-8") + f"\nmastery_score: {value!r}\n".replace("'", '"'),
                    encoding="utf-8")
    module, problems = load_module(path)
    if problem is None:
        assert module.mastery_score == value and problems == []
    else:
        assert [p.message for p in problems if problem in p.message] and module.mastery_score == DEFAULT_MASTERY_SCORE
