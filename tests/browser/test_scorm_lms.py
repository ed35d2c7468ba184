"""SCORM packages in an LMS: scorm-again's Scorm12API (a real SCORM 1.2 runtime, npm,
pinned in tests/export/package.json) on a host page, the package in an iframe under a deep
sub-path, as LMSs serve them. We take the quiz and read what the runtime recorded."""

from __future__ import annotations

import functools
import http.server
import io
import json
import shutil
import threading
import urllib.parse
import zipfile

import pytest

from crosstrain.corpus import load_corpus
from tests.browser.conftest import _Quiet
from tests.browser.test_quiz import answer
from tests.conftest import ROOT
from tests.export.packages import all_packages

RUNTIME = ROOT / "tests" / "export" / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CONTENT = "lms/course/42/mod_scorm/content/1"  # any sub-path must work
MODULE = load_corpus(ROOT, with_essays=False).modules[0]
HOST_JS = """
var params = new URLSearchParams(location.search);
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
window.API.loadFromJSON(JSON.parse(params.get("start") || "{}"));
window.lmsCalls = [];
["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
  window.API.on(name, function () { window.lmsCalls.push(name); });
});
document.getElementById("sco").src = params.get("sco");
"""
HOST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.js"></script></head>
<body><iframe id="sco" title="course" width="1100" height="900"></iframe><script src="host.js"></script></body></html>"""


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    if not RUNTIME.exists():
        pytest.skip("scorm-again is not installed: cd tests/export && npm ci (.ci/run does it)")
    root = tmp_path_factory.mktemp("lms")
    (root / "lms").mkdir()
    shutil.copy(RUNTIME, root / "lms" / "scorm12.js")
    (root / "lms" / "host.js").write_text(HOST_JS)
    (root / "lms" / "host.html").write_text(HOST)
    zipfile.ZipFile(io.BytesIO(all_packages()[f"module-{MODULE.id}.en.zip"])).extractall(root / CONTENT)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()


def launch(page, lms, sco: str, start: dict):
    base, _ = lms
    query = urllib.parse.urlencode({"sco": f"/{CONTENT}/{sco}", "start": json.dumps(start)})
    page.goto(f"{base}/lms/host.html?{query}")
    page.wait_for_function("window.lmsCalls && window.lmsCalls.indexOf('LMSInitialize') >= 0")
    return next(f for f in page.frames if f.url.endswith(sco))


def leave(page) -> dict:
    """Unload the SCO (the learner leaves it) and return the runtime's cmi as JSON."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.lmsCalls.indexOf('LMSFinish') >= 0")
    return page.evaluate("JSON.parse(JSON.stringify(window.API.cmi))")


class Subset:
    """A quiz frame seen by tests.browser.test_quiz.answer with only some of its items."""

    def __init__(self, page, frame, ids):
        self.frame, self.keyboard, self.ids = frame, page.keyboard, ids

    def locator(self, selector):
        if selector != "#ct-quiz-data":
            return self.frame.locator(selector)
        data = json.loads(self.frame.locator(selector).text_content())
        data["items"] = [i for i in data["items"] if i["id"] in self.ids]
        return type("Data", (), {"text_content": lambda _self: json.dumps(data)})()


def letters(indexes):
    return ",".join("abcdefghijklmnopqrstuvwxyz"[i] for i in indexes)


def canonical(item, right: bool) -> str:
    """What answer() gives, in the SCORM 1.2 form scorm.js reports (bank order letters)."""
    kind = item["type"]
    if kind == "true_false":
        return "t" if (item["answer"] if right else not item["answer"]) else "f"
    if kind == "order":
        return letters(item["answer"] if right else list(reversed(item["answer"])))
    if kind == "match":
        count = len(item["answer"])
        return ",".join(f"{p + 1}.{'abcdefghij'[o if right else (o + 1) % count]}" for p, o in enumerate(item["answer"]))
    if right:
        return letters(item["keys"])
    return letters([i for i in range(len(item["feedback"])) if i not in item["keys"]][:1])


TYPES = {"single": "choice", "multiple": "choice", "cloze": "choice", "true_false": "true-false",
         "order": "sequencing", "match": "matching"}


def children(array) -> list[dict]:
    """A CMI array as scorm-again's JSON gives it: {"0": {...}, "1": {...}}."""
    return [array[k] for k in sorted(array, key=int)] if isinstance(array, dict) else list(array)


def interactions(cmi) -> list[dict]:
    return children(cmi["interactions"])


def sco_data(lms) -> dict:
    html = (lms[1] / CONTENT / "post-test.html").read_text(encoding="utf-8")
    return json.loads(html.split('id="ct-scorm-data">', 1)[1].split("</script>", 1)[0])


def test_module_page_reports_completed(page, lms):
    launch(page, lms, "index.html", {})
    cmi = leave(page)
    assert cmi["core"]["lesson_status"] == "completed"
    assert [e for e in page.console_errors if "favicon.ico" not in e and "Failed to load resource" not in e] == []


def test_quiz_reports_score_interactions_and_resumes(page, lms):
    start = {"student_data": {"mastery_score": str(MODULE.mastery_score)}}
    frame = launch(page, lms, "post-test.html", start)
    items = json.loads(frame.locator("#ct-quiz-data").text_content())["items"]
    first, rest = items[: len(items) // 2], items[len(items) // 2:]
    answer(Subset(page, frame, {i["id"] for i in first}), right=True)
    cmi = leave(page)
    assert cmi["core"]["lesson_status"] == "incomplete" and cmi["core"]["exit"] == "suspend"
    recorded = interactions(cmi)
    assert [r["id"] for r in recorded] == [i["id"] for i in first]
    for row, item in zip(recorded, first):
        assert row["result"] == "correct"
        assert row["student_response"] == canonical(item, True)
        assert row["type"] == TYPES[item["type"]]
        assert [p["pattern"] for p in children(row["correct_responses"])] == [canonical(item, True)]
        assert [o["id"] for o in children(row["objectives"])] == item["objectives"]
    suspend = cmi["suspend_data"]
    assert json.loads(suspend)["f"] == sco_data(lms)["fingerprint"]

    # the learner comes back: the LMS hands the suspend data to a new session
    start = {"suspend_data": suspend, "core": {"entry": "resume", "lesson_status": "incomplete"},
             "student_data": {"mastery_score": str(MODULE.mastery_score)}}
    frame = launch(page, lms, "post-test.html", start)
    assert frame.locator(".ct-done").count() == len(first)
    answer(Subset(page, frame, {i["id"] for i in rest}), right=False)
    cmi = leave(page)
    percent = round(100 * len(first) / len(items))
    assert cmi["core"]["score"]["raw"] == str(percent)
    assert (cmi["core"]["score"]["min"], cmi["core"]["score"]["max"]) == ("0", "100")
    assert cmi["core"]["lesson_status"] == ("passed" if percent >= MODULE.mastery_score else "failed")
    assert cmi["core"]["exit"] == ""
    recorded = interactions(cmi)
    assert [r["id"] for r in recorded] == [i["id"] for i in rest]
    assert all(r["result"] == "wrong" for r in recorded)
    assert [r["student_response"] for r in recorded] == [canonical(i, False) for i in rest]
    assert [e for e in page.console_errors if "favicon.ico" not in e and "Failed to load resource" not in e] == []


def test_progress_of_another_quiz_version_is_not_resumed(page, lms):
    """suspend_data saved by an earlier version of the quiz (another fingerprint) is ignored:
    its answers would be graded against changed items."""
    frame = launch(page, lms, "post-test.html", {})
    first = json.loads(frame.locator("#ct-quiz-data").text_content())["items"][:1]
    answer(Subset(page, frame, {i["id"] for i in first}), right=True)
    suspend = json.loads(leave(page)["suspend_data"])
    assert suspend["s"]["answers"]
    stale = json.dumps({"f": "0" * 64, "s": suspend["s"]})
    frame = launch(page, lms, "post-test.html", {"suspend_data": stale, "core": {"entry": "resume"}})
    assert frame.locator(".ct-done").count() == 0
    assert leave(page)["core"]["exit"] == "suspend"
