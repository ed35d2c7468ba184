"""One project full of hostile texts, built once for every exposure test."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
import yaml

from crosstrain.quiz.bank import AUTHORED_MARKER
from tests.browser.conftest import _Quiet
from tests.conftest import build, copy_project
from tests.hostile.payloads import ALL, PAYLOADS

TITLE = f"Tiêu đề {PAYLOADS[3]} {PAYLOADS[1]}"
ESSAY = f"""{TITLE}

Tác giả: {PAYLOADS[1]} {PAYLOADS[3]}
Nguồn: {PAYLOADS[2]} {PAYLOADS[5]}

Đoạn mở đầu nói về việc đào tạo marketing cho sales với KPI rõ ràng, với nhiều câu văn bình thường để nhận diện tiếng Việt. {ALL}

Đoạn thứ hai cũng bàn về marketing và bán hàng, có những ký tự đặc biệt {PAYLOADS[4]} và {PAYLOADS[6]}.
"""


def _texts(text: str) -> dict:
    return {"vi": text, "en": text, "zh": text}


def add_payloads(project) -> None:
    """Payloads in an essay (title, author, source, body), a module, the glossary and an
    authored quiz item (stem, options, feedback, explanation)."""
    (project.raw / "payload-essay.txt").write_text(ESSAY, encoding="utf-8")
    # a file name is text too: it may become a title or a slug
    (project.raw / "\"><img src=x onerror=alert('xss-file')>.txt").write_text(
        "Marketing và bán hàng cần phối hợp với nhau mỗi ngày, theo một quy trình rõ ràng và mục tiêu chung.\n",
        encoding="utf-8")

    module = project.content / "modules" / "working-together.yml"
    data = yaml.safe_load(module.read_text(encoding="utf-8"))
    data["title"] = _texts(f"Module {PAYLOADS[1]} {PAYLOADS[3]}")
    data["summary"] = _texts(ALL)
    data["objectives"][0]["text"] = _texts(PAYLOADS[2] + PAYLOADS[0])
    module.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    glossary = project.content / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace(
        'term: {vi: "KPI (chỉ số đo lường hiệu quả)"',
        'term: {vi: ' + yaml.safe_dump(PAYLOADS[1] + " KPI", default_style='"').strip(), 1).replace(
        "definition:\n      vi: \"Chỉ số đo lường được", "definition:\n      vi: \"" + PAYLOADS[2].replace('"', '\\"') + " Chỉ số đo lường được", 1),
        encoding="utf-8")

    bank = next(p for p in sorted((project.root / "quizzes").glob("*.yml"))
                if "generator: authored" in p.read_text(encoding="utf-8"))
    text = bank.read_text(encoding="utf-8")
    head, rest = text.split("\nitems:\n", 1)
    authored, generated = rest.split(AUTHORED_MARKER, 1)
    items = yaml.safe_load(authored)
    item = items[0]
    item["id"] = item["id"] + "x"
    item["stem"] = _texts(f"{PAYLOADS[0]} {PAYLOADS[3]}?")
    for n, option in enumerate(item["options"]):
        option["text"] = _texts(f"{n} {PAYLOADS[(n + 1) % len(PAYLOADS)]}")
        option["feedback"] = _texts(f"{PAYLOADS[4]} {PAYLOADS[5]} {PAYLOADS[6]}")
    item["explanation"] = _texts(ALL)
    dumped = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=10000)
    bank.write_text(head + "\nitems:\n" + authored + dumped + AUTHORED_MARKER + generated, encoding="utf-8")


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    add_payloads(project)
    build(project)
    return project


def pages(project):
    return sorted(p for p in project.site.rglob("*.html"))


SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)


# --- the payload site in Chromium ------------------------------------------------------

WATCH = """
window.__ct_violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__ct_violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


@pytest.fixture(scope="session")
def hostile_url(hostile):
    handler = functools.partial(_Quiet, directory=str(hostile.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.problems = []
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" or "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    yield page
    context.close()
