"""Every checker rule: a defect injected into a copy of the real content is caught, with
the right code, item and line; the real content passes every rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from crosstrain.checks import ERROR, load_rules, run_rules
from crosstrain.cli import main
from crosstrain.corpus import load_corpus
from tests.analyse.simulate import plant_flagged_stats
from tests.conftest import ROOT

BANK = "marketing-workflow"


def edit_bank(project, mutate, bank=BANK):
    """Apply `mutate(items)` to a bank's items (as plain data) and write it back."""
    path = project.root / "quizzes" / f"{bank}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data["items"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    return path


def item(items, item_id):
    return next(i for i in items if i["id"] == item_id)


def first(items, kind, generator=None):
    return next(i for i in items if i["type"] == kind and (generator is None or i["generator"] == generator))


def edit_text(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(project, code):
    return [p for p in run_rules(load_corpus(project.root)) if p.code == code]


def set_single_keys(items, position):
    for it in items:
        if it["type"] == "single" and it["generator"] != "authored":
            keyed = next(o for o in it["options"] if o["correct"])
            others = [o for o in it["options"] if not o["correct"]]
            it["options"] = others[:position] + [keyed] + others[position:]


def lengthen_keys(items):
    for it in items:
        if it["type"] in ("single", "cloze"):
            for o in it["options"]:
                if o["correct"]:
                    o["text"] = {k: v + " " + v + " " + v for k, v in o["text"].items()}


def gen(items, kind, generator=None):
    """The first generated item of a type (and item model)."""
    return next(i for i in items if i["type"] == kind and i["generator"] != "authored"
                and (generator is None or i["generator"] == generator))


def gen_id(kind, generator=None, bank=BANK):
    data = yaml.safe_load((ROOT / "quizzes" / f"{bank}.yml").read_text(encoding="utf-8"))
    return gen(data["items"], kind, generator)["id"]


SINGLE = gen_id("single")
MULTIPLE = gen_id("multiple")
TF = gen_id("true_false")


def reuse_distractor(items):
    """One trap's text copied into two more items of the bank."""
    singles = [i for i in items if i["type"] == "single" and i["generator"] != "authored"][:3]
    text = next(o for o in singles[0]["options"] if not o["correct"])["text"]
    for it in singles[1:]:
        next(o for o in it["options"] if not o["correct"])["text"] = dict(text)


def statement_from_option(items):
    option = next(o for o in item(items, SINGLE)["options"] if not o["correct"])["text"]
    item(items, TF)["stem"]["en"] = "True or false? " + option["en"]


def same_key_count(items):
    for it in items:
        if it["type"] == "multiple":
            for k, o in enumerate(it["options"]):
                o["correct"] = k < 2


def drop_spare(items):
    it = gen(items, "match")
    spare = next(k for k in range(len(it["options"])) if k not in it["answer"])
    it["options"].pop(spare)
    it["answer"] = [a - (a > spare) for a in it["answer"]]


def leak_key(items):
    it = item(items, SINGLE)
    key = next(o for o in it["options"] if o["correct"])["text"]
    it["stem"] = {k: v + " " + key[k] for k, v in it["stem"].items()}


def restate_key(items):
    it = item(items, SINGLE)
    it["explanation"] = dict(next(o for o in it["options"] if o["correct"])["text"])


def all_true_everywhere(project):
    for bank in ("marketing-workflow", "marketing-vs-sales", "digital-marketing-thinking", "marketing-multitask",
                 "sales-learn-marketing"):
        edit_bank(project, lambda items: [i.update(answer=True) for i in items if i["type"] == "true_false"], bank)


def only_recall(project, banks=("sales-learn-marketing", "marketing-vs-sales", "digital-marketing-thinking")):
    for bank in banks:
        edit_bank(project, lambda items: [i.update(level="remember") for i in items], bank)


def untag_objective(project, ref="marketing-for-sales.o1", keep=1):
    """Leave the objective three items (two listed by the module, one tagged): the two
    forms cannot both score it twice."""
    left = [keep]

    def cut(items):
        for it in items:
            if ref in it.get("objectives", []):
                if left[0] > 0:
                    left[0] -= 1
                else:
                    it["objectives"].remove(ref)
    for path in sorted((project.root / "quizzes").glob("*.yml")):
        edit_bank(project, cut, path.stem)


# (rule code, how to break the content, the subject the problem must name)
DEFECTS = {
    "Q001": (lambda p: edit_bank(p, lambda items: item(items, SINGLE).pop("stem")), SINGLE),
    "Q002": (lambda p: edit_bank(p, lambda items: item(items, TF).update(id=SINGLE)), SINGLE),
    "Q003": (lambda p: edit_bank(p, lambda items: item(items, SINGLE)["options"][1]["text"].pop("zh")), SINGLE),
    "Q004": (lambda p: edit_bank(p, lambda items: [o.update(correct=True) for o in item(items, SINGLE)["options"][:2]]), SINGLE),
    "Q005": (lambda p: edit_bank(p, lambda items: item(items, SINGLE)["options"][1]["text"].update(
        en=item(items, SINGLE)["options"][0]["text"]["en"].upper().replace("A", "Ａ"))), SINGLE),
    "Q006": (lambda p: edit_bank(p, lambda items: item(items, SINGLE)["source"].update(quote="một phần rất quan trọng")), SINGLE),
    "Q007": (lambda p: edit_bank(p, lambda items: item(items, f"{BANK}.authored.1")["source"]["sha256"].update(
        {item(items, f"{BANK}.authored.1")["source"]["paragraphs"][0]: "0" * 64})), f"{BANK}.authored.1"),
    "Q008": (lambda p: edit_bank(p, lambda items: item(items, f"{BANK}.authored.1")["options"][3]["text"].update(zh="以上都是")), f"{BANK}.authored.1"),
    "Q009": (lambda p: edit_bank(p, lengthen_keys), BANK),
    "Q010": (lambda p: edit_bank(p, lambda items: set_single_keys(items, 0)), BANK),
    "Q011": (lambda p: edit_bank(p, lambda items: item(items, f"{BANK}.authored.1")["stem"].update(
        en="Which of these is not part of step 2?")), f"{BANK}.authored.1"),
    "Q012": (lambda p: (p.root / "quizzes" / f"{BANK}.yml").unlink(), BANK),
    "Q013": (lambda p: edit_bank(p, lambda items: [o.update(correct=not o["correct"]) for o in item(items, f"{BANK}.authored.1")["options"][:2]]), f"{BANK}.authored.1"),
    "Q014": (lambda p: edit_bank(p, lambda items: [o.update(correct=not o["correct"]) for o in item(items, MULTIPLE)["options"][:2]]), MULTIPLE),
    "Q015": (lambda p: edit_bank(p, reuse_distractor), None),
    "Q016": (lambda p: edit_bank(p, statement_from_option), TF),
    "Q017": (lambda p: edit_bank(p, lambda items: [i.update(answer=True) for i in items if i["type"] == "true_false"]), BANK),
    "Q018": (lambda p: edit_bank(p, same_key_count), BANK),
    "Q019": (lambda p: edit_bank(p, drop_spare), None),
    "Q020": (lambda p: edit_bank(p, leak_key), SINGLE),
    "Q021": (lambda p: edit_bank(p, restate_key), SINGLE),
    "Q022": (lambda p: edit_bank(p, lambda items: item(items, SINGLE)["stem"].update(
        vi="Vì sao kế hoạch là một phần KHÔNG tách rời của công việc?")), SINGLE),
    "Q023": (lambda p: only_recall(p, (BANK,)), BANK),
    "Q024": (all_true_everywhere, "all banks"),
    "N001": (lambda p: edit_text(p.root / "content" / "notes" / f"{BANK}.yml", "quote: giúp đảm bảo rằng", "quote: giúp bảo đảm rằng"), BANK),
    "N002": (lambda p: edit_text(p.root / "content" / "notes" / f"{BANK}.yml", "terms:\n- ", "terms:\n- no-such-term\n- "), BANK),
    "T001": (lambda p: edit_text(p.essays / BANK / "en.md", "{#p29 ", "{#p99 "), f"{BANK}#p99@en"),
    "T002": (lambda p: edit_text(p.essays / BANK / "vi.md", "Lưu trữ công việc, kết quả công việc", "Lưu trữ công việc và kết quả"), f"{BANK}#p26@en"),
    "T003": (lambda p: edit_text(p.essays / BANK / "zh.md", "{#p29 ", "{#p99 "), f"{BANK}#p29@zh"),
    "T004": (lambda p: edit_text(p.essays / BANK / "en.md", "translated_from: vi", "translated_from: zh"), f"{BANK}@en"),
    # a word in Traditional characters inside a zh text: the derivation leaves it as it is
    "T005": (lambda p: edit_text(p.root / "content" / "modules" / "marketing-for-sales.yml",
                                 'zh: "销售人员的市场营销思维"', 'zh: "销售人员的數字營銷思维"'), "marketing-for-sales"),
    "G002": (lambda p: edit_text(p.essays / BANK / "en.md", "KPI", "key figure"), f"{BANK}#p19@en"),
    "G001": (lambda p: edit_text(p.root / "content" / "glossary.yml", "match: {vi: [\"KPI\"], en: [\"KPI\", \"KPIs\"], zh: [\"KPI\", \"关键绩效指标\"], zh_hant: [\"KPI\", \"關鍵績效指標\"]}",
                                 "match: {vi: [\"chỉ số KPX\"], en: [\"KPX\"], zh: [\"甲乙丙\"], zh_hant: [\"甲乙丙\"]}"), "kpi"),
    "M001": (lambda p: edit_text(p.root / "content" / "modules" / "marketing-for-sales.yml", "audience: sales", "audience: everyone"), "marketing-for-sales"),
    "M002": (lambda p: edit_text(p.root / "content" / "modules" / "marketing-for-sales.yml", "paragraphs: [p1, p2]", "paragraphs: [p1, p98]"), "marketing-for-sales"),
    "M003": (lambda p: edit_text(p.root / "content" / "modules" / "marketing-for-sales.yml", "duration: 90", "duration: 95"), "marketing-for-sales"),
    "M004": (lambda p: [edit_bank(p, lambda items: items.clear(), b.stem) for b in sorted((p.root / "quizzes").glob("*.yml"))], "marketing-for-sales.o1"),
    "M005": (lambda p: edit_text(p.root / "content" / "modules" / "marketing-for-sales.yml",
                                 "- sales-learn-marketing.authored.1", "- sales-learn-marketing.authored.99"), "marketing-for-sales"),
    "M006": (lambda p: only_recall(p, tuple(b.stem for b in sorted((p.root / "quizzes").glob("*.yml")))), "marketing-for-sales.o1"),
    "M007": (untag_objective, "marketing-for-sales.o1"),
    # learners' results (issue 14): simulated answers with planted defects, in stats/
    **{code: (lambda p: plant_flagged_stats(p.root), None) for code in ("R001", "R002", "R003", "R004")},
}


def test_every_rule_has_docs_and_a_defect():
    rules = load_rules()
    assert set(rules) == set(DEFECTS), set(rules) ^ set(DEFECTS)
    for code, registered in rules.items():
        assert registered.advice.strip() and "Fix:" in registered.advice, code


@pytest.mark.parametrize("code", sorted(DEFECTS))
def test_real_content_passes(code):
    """The good fixture: the committed content raises nothing under this rule."""
    assert [p for p in run_rules(load_corpus(ROOT)) if p.code == code] == []


@pytest.mark.parametrize("code", sorted(DEFECTS))
def test_injected_defect_is_caught(project, code):
    break_it, subject = DEFECTS[code]
    break_it(project)
    found = problems_of(project, code)
    assert found, f"{code} did not catch its defect"
    if subject:
        assert subject in {p.subject for p in found}, [p.subject for p in found]


def test_problem_names_the_line_of_the_item(project):
    path = edit_bank(project, lambda items: [o.update(correct=True) for o in item(items, SINGLE)["options"]])
    found = problems_of(project, "Q004")[0]
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                if text == f"- id: {SINGLE}")
    assert (found.origin.path, found.origin.line) == (path, line)


def test_schema_error_names_the_field_line(project):
    path = edit_bank(project, lambda items: item(items, TF).update(difficulty=7))
    found = problems_of(project, "Q001")[0]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[found.origin.line - 1].strip() == "difficulty: 7"
    assert found.subject == TF and "difficulty" in found.message


def test_cli_report_and_exit_status(project, capsys):
    edit_bank(project, lambda items: [o.update(correct=k < 2) for k, o in enumerate(item(items, SINGLE)["options"])])
    status = main(["--root", str(project.root), "check"])
    out = capsys.readouterr().out
    assert status == 1
    assert re.search(rf"quizzes/{BANK}\.yml:\d+: Q004: {re.escape(SINGLE)}: 2 correct options", out)
    assert "How to fix:" in out and re.search(r"^[1-9]\d* error\(s\)", out, re.M)
    assert re.search(rf"^{BANK}\s+\d+", out, re.M), "summary table per bank"


def test_warnings_fail_only_with_strict(project, capsys):
    path = project.essays / BANK / "zh.md"  # drop the last translated paragraph: T003 only
    path.write_text(re.sub(r"\{#p29 [^}]*\}\n[^\n]+\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["--root", str(project.root), "check"]) == 0
    assert main(["--root", str(project.root), "check", "--strict"]) == 1


# --- mutations of the real content, as a maintainer would make them ---


def test_changing_a_word_in_a_quoted_span_names_the_items(project):
    quoted = [i["id"] for i in yaml.safe_load((ROOT / "quizzes" / f"{BANK}.yml").read_text(encoding="utf-8"))["items"]
              if "giúp đảm bảo rằng" in i["source"]["quote"]]
    edit_text(project.essays / BANK / "vi.md", "giúp đảm bảo rằng các hoạt động", "giúp bảo đảm rằng các hoạt động")
    found = run_rules(load_corpus(project.root))
    q006 = {p.subject for p in found if p.code == "Q006"}
    assert set(quoted) <= q006
    assert any(p.severity == ERROR for p in found)


def test_deleting_a_paragraph_names_the_items(project):
    path = project.essays / BANK / "vi.md"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\{#p9 kind=part line=\d+\}\n[^\n]+\n\n", "", text)
    path.write_text(text, encoding="utf-8")
    q006 = [p for p in run_rules(load_corpus(project.root)) if p.code == "Q006"]
    assert any("no paragraph p9" in p.message for p in q006)


def test_swapping_a_key_names_the_item(project):
    def swap(items):
        options = item(items, SINGLE)["options"]
        keyed = next(i for i, o in enumerate(options) if o["correct"])
        options[keyed]["correct"], options[(keyed + 1) % len(options)]["correct"] = False, True
    edit_bank(project, swap)
    subjects = {(p.code, p.subject) for p in run_rules(load_corpus(project.root))}
    assert ("Q014", SINGLE) in subjects


def test_module_problems_name_the_line(project):
    path = project.root / "content" / "modules" / "marketing-for-sales.yml"
    DEFECTS["M003"][0](project)
    (found,) = problems_of(project, "M003")
    assert found.origin.path == path
    assert path.read_text(encoding="utf-8").split("\n")[found.origin.line - 1].startswith("agenda")
    DEFECTS["M002"][0](project)
    (cited,) = problems_of(project, "M002")
    assert "no paragraph p98" in cited.message
    assert "essay:" in path.read_text(encoding="utf-8").split("\n")[cited.origin.line - 1]


def test_the_old_banks_fail_the_new_rules(project):
    """The banks from before issue 11 (tests/quiz/fixtures/old-banks) break every rule
    written against their leaks."""
    import shutil

    for path in (ROOT / "tests" / "quiz" / "fixtures" / "old-banks").glob("*.yml"):
        shutil.copy(path, project.root / "quizzes" / path.name)
    codes = {p.code for p in run_rules(load_corpus(project.root), families="Q")}
    assert {"Q015", "Q016", "Q017", "Q018", "Q019", "Q020", "Q021", "Q022", "Q023", "Q024"} <= codes, codes
