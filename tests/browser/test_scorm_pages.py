"""SCORM package pages opened straight from the unzipped folder (file://, no LMS): the quiz
works as on the site, nothing is requested outside the folder, axe finds no violation."""

from __future__ import annotations

import io
import zipfile

import pytest

from crosstrain.corpus import load_corpus
from tests.conftest import ROOT
from tests.export.packages import all_packages

AXE = ROOT / "tests" / "export" / "node_modules" / "axe-core" / "axe.min.js"
CORPUS = load_corpus(ROOT, with_essays=False)


@pytest.mark.parametrize("name", [f"module-{CORPUS.modules[0].id}.vi.zip", f"{CORPUS.banks[0].name}.zh.zip"])
def test_pages_pass_axe_offline_and_standalone(name, page, tmp_path):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: cd tests/export && npm ci (.ci/run does it)")
    folder = tmp_path / "package"
    zipfile.ZipFile(io.BytesIO(all_packages()[name])).extractall(folder)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    for html_file in sorted(folder.glob("*.html")):
        page.goto(html_file.as_uri())
        assert page.console_errors == [], html_file.name  # before axe, whose own requests file:// refuses
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == [], html_file.name
        if page.locator("[data-ct-quiz]").count():
            assert page.locator(".ct-check").count() == page.locator("[data-ct-item]").count()
        page.console_errors.clear()
    assert all(u.startswith(folder.as_uri()) for u in requests if not u.startswith("data:")), requests
