"""`crosstrain export FORMAT` writes every file; the trainers' area of every locale lists
each module's and essay quiz's SCORM package and Moodle XML file, with how to import them."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from markupsafe import escape

from crosstrain.cli import main
from crosstrain.corpus import load_corpus
from crosstrain.locales import DEFAULT_LOCALE, LOCALES
from crosstrain.render import environment, render_locale
from crosstrain.render.strings import Strings
from tests.conftest import ROOT
from tests.export.packages import all_packages

CORPUS = load_corpus(ROOT)


def test_export_verb_writes_every_format(tmp_path, capsys):
    for fmt, pattern in (("moodle-xml", "*.xml"), ("scorm", "*.zip"), ("gift", "*/*.gift.txt")):
        assert main(["--root", str(ROOT), "export", fmt, "--out", str(tmp_path / fmt)]) == 0
        written = sorted(p.relative_to(tmp_path / fmt).as_posix() for p in (tmp_path / fmt).glob(pattern))
        assert f"wrote {len(written)} {fmt} file(s)" in capsys.readouterr().out
        banks = [b.name for b in CORPUS.banks] + [f"module-{m.id}-{form}" for m in CORPUS.modules for form in ("pre", "post")]
        packages = len(CORPUS.banks) + len(CORPUS.modules)  # a module's package holds both its tests
        expected = {"moodle-xml": len(banks), "scorm": 4 * packages, "gift": 4 * len(banks)}[fmt]
        assert len(written) == expected
    archive = zipfile.ZipFile(tmp_path / "scorm" / f"module-{CORPUS.modules[0].id}.en.zip")
    assert archive.testzip() is None and archive.namelist()[0] == "imsmanifest.xml"


def test_unknown_format_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(ROOT), "export", "qti"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("loc", LOCALES, ids=lambda loc: loc.code)
def test_trainers_area_lists_packages_and_xml(loc):
    pages = render_locale(environment(), CORPUS, loc, {})
    t = Strings(loc.code)
    trainers = pages["trainers/index.md"]
    links = set(re.findall(r'href="((?:scorm|moodle)/[^"]+)"', trainers))
    for module in CORPUS.modules:
        assert f"scorm/module-{module.id}.{loc.code}.zip" in links
        assert f"moodle/module-{module.id}-pre.xml" in links and f"moodle/module-{module.id}-post.xml" in links
    for bank in CORPUS.banks:
        assert {f"scorm/{bank.name}.{loc.code}.zip", f"moodle/{bank.name}.xml"} <= links
    for link in links:  # every link has its file in this locale's trainers' folder
        assert f"trainers/{link}" in pages
    zipfile.ZipFile(io.BytesIO(pages[f"trainers/scorm/module-{CORPUS.modules[0].id}.{loc.code}.zip"])).testzip()
    for key in ("trainers.lms.moodle_howto", "trainers.lms.scorm_howto"):
        assert str(escape(t(key))) in trainers


def test_built_site_serves_the_trainers_files(built):
    """mkdocs publishes the rendered zips and XML files beside the trainers' page."""
    for loc in LOCALES:
        folder = built.site / ("" if loc == DEFAULT_LOCALE else loc.code) / "trainers"
        for module in CORPUS.modules:
            archive = zipfile.ZipFile(folder / "scorm" / f"module-{module.id}.{loc.code}.zip")
            assert archive.testzip() is None and "imsmanifest.xml" in archive.namelist()
            assert (folder / "moodle" / f"module-{module.id}-post.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_package_quiz_says_where_results_go():
    files = zipfile.ZipFile(io.BytesIO(all_packages()[f"{CORPUS.banks[0].name}.vi.zip"]))
    page = files.read("index.html").decode("utf-8")
    lead = re.search(r'<p class="ct-lead">(.*?)</p>', page).group(1)
    assert lead == str(escape(Strings("vi")("export.quiz_lead")))
