#!/usr/bin/env python3
"""Benchmark: build synthetic corpora of 10, 100 and 1,000 essays and print cost per stage.

Not a test: it prints figures so that cost growth is visible. Usage:
    .venv/bin/python scripts/bench.py [--sizes 10 100 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crosstrain.ingest.decode import read_raw  # noqa: E402
from crosstrain.locales import LOCALES  # noqa: E402
from crosstrain.pipeline import Project, ingest_step, mkdocs_build, pagefind_index, render_step  # noqa: E402

QUERIES = {"vi": "khach hang", "en": "customer", "zh": "客户", "zh-Hant": "客戶"}


def seed_paragraphs() -> dict[str, list[str]]:
    """Real sentences from the seed essays, to make text with realistic characters."""
    by_language: dict[str, list[str]] = {"vi": [], "zh": []}
    for raw in sorted((ROOT / "content" / "raw").glob("*.txt")):
        lines = [line for line in read_raw(raw).text.split("\n") if len(line) > 60]
        language = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in lines[0]) else "vi"
        by_language[language] += lines
    return by_language


def make_corpus(raw_dir: Path, count: int) -> None:
    rng = random.Random(count)
    paragraphs = seed_paragraphs()
    for index in range(count):
        language = "zh" if index % 4 == 3 else "vi"
        pool = paragraphs[language]
        title = f"Bài số {index}: " if language == "vi" else f"第{index}篇："
        body = [rng.choice(pool) for _ in range(rng.randint(6, 14))]
        text = title + pool[index % len(pool)][:40] + "\n\n" + "\n\n".join(body) + "\n\nLeave a Comment\n"
        (raw_dir / f"essay-{index:04d}.txt").write_text(text, encoding="utf-8")


def project_copy(target: Path) -> Project:
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    # mkdocs runs in the copy, where `crosstrain/` (named by the hook path) must be the package
    shutil.copytree(ROOT / "crosstrain", target / "crosstrain", ignore=shutil.ignore_patterns("__pycache__"))
    (target / "content" / "raw").mkdir(parents=True)
    # the real rules and glossary: term tooltips and the glossary page are part of render's work
    for name in ("ingest-rules.yml", "glossary.yml"):
        shutil.copy(ROOT / "content" / name, target / "content" / name)
    return Project(target)


def index_sizes(site: Path) -> dict[str, int]:
    """Bytes of each language's Pagefind index (metadata, index chunks, page fragments)."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    sizes = {}
    for lang, info in entry["languages"].items():
        prefix = info["hash"].split("_")[0] + "_"
        sizes[lang] = sum(p.stat().st_size for p in (site / "pagefind").rglob(f"*{prefix}*") if p.is_file())
    return sizes


def query_bytes(site: Path) -> dict[str, int] | None:
    """Bytes a browser fetches from /pagefind/ to run one query per locale (needs Chromium)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    fetched = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu",
                                              "--disable-background-networking"])
            for locale, query in QUERIES.items():
                page = browser.new_page()
                page.goto(base + ("/" if locale == "vi" else f"/{locale}/"))
                sizes = []
                page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"])
                        if "/pagefind/" in r.url else None)
                page.evaluate("""async (q) => { const pf = await import('/pagefind/pagefind.js');
                    await pf.init(); const r = await pf.search(q);
                    await Promise.all(r.results.slice(0, 5).map(x => x.data())); }""", query)
                fetched[locale] = sum(sizes)
                page.close()
            browser.close()
    except Exception as exc:  # no Chromium here: say so rather than guess
        print(f"  (query bytes not measured: {exc.__class__.__name__})", file=sys.stderr)
        return None
    finally:
        server.shutdown()
    return fetched


def search_figures(site: Path) -> dict:
    return {"index": index_sizes(site), "query": query_bytes(site)}


def timed(func) -> float:
    # Each stage starts with the disk idle: otherwise the previous stage's writeback lands in
    # this stage's time.
    os.sync()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def median_run(count: int, repeat: int, workdir: Path) -> dict:
    """Each figure is the median of `repeat` builds on fresh copies: single runs on a shared
    machine vary by a tenth or more."""
    runs = [run(count, workdir, measure_search=(n == 0)) for n in range(repeat)]
    figures = {key: statistics.median(r[key] for r in runs)
               for key in ("ingest", "render", "mkdocs", "ms_per_page", "own_share", "search_s")}
    return {**runs[0], **figures, "peak_mb_self": max(r["peak_mb_self"] for r in runs),
            "peak_mb_mkdocs": max(r["peak_mb_mkdocs"] for r in runs)}


def run(count: int, workdir: Path, measure_search: bool = True) -> dict:
    # Builds are kept until the whole benchmark ends: ext4 skips the inodes of recently
    # deleted files when it creates new ones, so deleting one build's 15,000 files made the
    # next build's first stages several times slower (and not the later mkdocs stage).
    tmp = tempfile.mkdtemp(prefix=f"bench-{count}-", dir=workdir)
    project = project_copy(Path(tmp))
    make_corpus(project.raw, count)
    ingest_s = timed(lambda: ingest_step(project))
    render_s = timed(lambda: render_step(project.root))
    pages = sum(1 for _ in project.docs.rglob("*.md"))
    mkdocs_s = timed(lambda: mkdocs_build(project, project.site))
    search_s = timed(lambda: pagefind_index(project.site))
    search = search_figures(project.site) if measure_search else None
    return {
        "search_s": search_s,
        "search": search,
        "essays": count,
        "pages": pages,
        "ingest": ingest_s,
        "render": render_s,
        "mkdocs": mkdocs_s,
        "ms_per_page": 1000 * (ingest_s + render_s + mkdocs_s) / pages,
        "own_share": (ingest_s + render_s) / mkdocs_s,
        "peak_mb_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_mb_mkdocs": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def bench_checker(target_items: int = 20000) -> None:
    """Checker speed: the real items copied (with new ids) into banks of 200 items."""
    from dataclasses import replace

    from crosstrain.checks import run_rules
    from crosstrain.corpus import load_corpus
    from crosstrain.errors import Origin
    from crosstrain.quiz.bank import dump_items, load_banks
    from crosstrain.quiz.model import Bank

    corpus = load_corpus(ROOT)
    real = [i for b in corpus.banks for i in b.items]
    copies = [replace(i, id=f"{i.id}.copy{n}") for n in range(target_items // len(real) + 1) for i in real]
    copies = copies[:target_items]
    banks = [Bank(f"bench-{k}", None, None, tuple(copies[k:k + 200]), Origin(Path(f"bench-{k}.yml"), 1))
             for k in range(0, len(copies), 200)]
    corpus.banks, corpus.notes = banks, {}
    start = time.perf_counter()
    problems = run_rules(corpus, families="Q")
    rules_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        for bank in banks:
            (Path(tmp) / f"{bank.name}.yml").write_text(
                f"bank: {bank.name}\nitems:\n" + dump_items(list(bank.items)), encoding="utf-8")
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        load_banks(Path(tmp), cache)
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        load_banks(Path(tmp), cache)
        warm_s = time.perf_counter() - start
    n = len(copies)
    print(f"checker on {n} items ({len(problems)} problems):")
    print(f"  rules                      {rules_s:6.2f} s  {n / rules_s:>9,.0f} items/s")
    print(f"  parse + schema, cold cache {cold_s:6.2f} s  {n / cold_s:>9,.0f} items/s")
    print(f"  parse + schema, warm cache {warm_s:6.2f} s  {n / warm_s:>9,.0f} items/s")
    print(f"  whole check, warm cache    {rules_s + warm_s:6.2f} s  {n / (rules_s + warm_s):>9,.0f} items/s")


def bench_guesser() -> None:
    """The test-wise guesser against the real banks and module tests: what a person who has
    not read the essays scores with each knowledge-free strategy, against chance."""
    from crosstrain.corpus import load_corpus
    from crosstrain.quiz.bank_rules import rendered_quizzes
    from crosstrain.quiz.guess import STRATEGIES, attack, quizzes_of

    corpus = load_corpus(ROOT)
    scopes = [(name, items) for name, _, items in rendered_quizzes(corpus)]
    scopes.append(("all banks", [i for b in corpus.banks for i in b.items]))
    start = time.perf_counter()
    results = attack(quizzes_of(scopes))
    seconds = time.perf_counter() - start
    items = sum(len(items) for _, items in scopes)
    print(f"test-wise guesser: {len(STRATEGIES)} strategies × {len(scopes)} quizzes × 4 locales "
          f"({items} items per locale) in {seconds:.2f} s; leaks: {sum(r.leak for r in results)}")
    print(f"  {'strategy (all banks)':<26} {'locale':<8} {'items':>5} {'accuracy':>8} {'chance':>7} {'p':>8}")
    for r in results:
        if r.quiz == "all banks":
            print(f"  {r.strategy:<26} {r.language:<8} {r.items:>5} {r.accuracy:>8.0%} {r.chance:>7.0%} "
                  f"{r.p_value:>8.2g}{'  LEAK' if r.leak else ''}")
    worst = max((r for r in results if r.items >= 10), key=lambda r: r.accuracy - r.chance, default=None)
    if worst:
        print(f"  largest margin on any quiz of 10+ items: {worst.strategy} on {worst.quiz} ({worst.language}), "
              f"{worst.accuracy:.0%} vs chance {worst.chance:.0%} on {worst.items} items, p = {worst.p_value:.2g}")


def bench_analyse(attempts: int = 10000, items: int = 50) -> None:
    """`crosstrain analyse` on attempt files of a 2PL-simulated room: one quiz of `items`
    real items (copied with new ids as one bank), one JSON file per attempt."""
    from dataclasses import replace

    from crosstrain.analyse.run import analyse
    from crosstrain.errors import Origin
    from crosstrain.quiz.bank import load_banks
    from crosstrain.quiz.model import Bank
    from tests.analyse.simulate import bank_records

    real = [i for b in load_banks(ROOT / "quizzes")[0] for i in b.items]
    chosen = tuple(replace(real[n % len(real)], id=f"bench.q{n}") for n in range(items))
    bank = Bank("bench", None, None, chosen, Origin(Path("bench.yml"), 1))
    with tempfile.TemporaryDirectory(prefix="crosstrain-bench-analyse-") as tmp:
        folder = Path(tmp)
        for n, record in enumerate(bank_records(bank, attempts, seed=14)):
            (folder / f"{n:05d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        result = analyse([folder], [bank])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not result.errors, result.errors[:3]
    quiz = result.quizzes[0]
    # CPU time too: on a shared machine the wall clock mostly measures the neighbours
    print(f"analyse {attempts:,} attempts x {items} items: {seconds:.2f} s ({cpu:.2f} s CPU; goal 5 s), "
          f"{attempts / seconds:,.0f} attempts/s; alpha {quiz.alpha:.2f}")


def bench_ingest_quality() -> None:
    """Line-level separation of article and page chrome over tests/ingest/corpus/, and on its
    HTML pages trafilatura against our own reduction; "before issue 12" is the site rules
    and our reduction alone."""
    from crosstrain.ingest.evaluate import HTML_SUFFIXES, corpus_pages, score_page, totals
    from crosstrain.ingest.rules import load_rules

    rules = load_rules(ROOT / "content" / "ingest-rules.yml")
    pages = corpus_pages(ROOT / "tests" / "ingest" / "corpus")
    html = [p for p in pages if p.suffix in HTML_SUFFIXES]
    runs = [("all, before issue 12", pages, False, False), ("all pages", pages, True, True),
            ("HTML, trafilatura", html, True, True), ("HTML, our reduction", html, False, True)]
    print("ingest quality (tests/ingest/corpus): body lines kept, chrome lines removed, metadata")
    print(f"{'pages':<22} {'n':>3} {'body':>5} {'chrome':>6} {'recall':>7} {'precision':>9} "
          f"{'chrome gone':>11} {'chrome/100 body':>15} {'meta wrong':>10} {'ms/page':>8}")
    score_page(html[0], rules)  # once untimed: trafilatura is imported on the first page
    for label, chosen, extractor, structural in runs:
        started = time.perf_counter()
        scores = [score_page(p, rules, extractor, structural) for p in chosen]
        ms = 1000 * (time.perf_counter() - started) / max(1, len(chosen))
        f = totals(scores)
        print(f"{label:<22} {f['pages']:>3} {f['body_lines']:>5} {f['chrome_lines']:>6} {f['body_recall']:>7.1%} "
              f"{f['body_precision']:>9.1%} {f['chrome_removed']:>11.1%} {f['chrome_per_100_body']:>15.1f} "
              f"{f['metadata_wrong']:>10} {ms:>8.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--checker-items", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3, help="builds per size; figures are medians")
    parser.add_argument("--attempts", type=int, default=10000, help="attempts for the analysis figure")
    args = parser.parse_args()
    print(f"{len(LOCALES)} locales; median of {args.repeat} builds; times in seconds; "
          "peak memory in MB (resident)")
    header = f"{'essays':>7} {'pages':>6} {'ingest':>8} {'render':>8} {'mkdocs':>8} {'ms/page':>8} {'ours/mkdocs':>11} {'peak ours':>9} {'peak mkdocs':>11}"
    print(header)
    results = []
    with tempfile.TemporaryDirectory(prefix="crosstrain-bench-") as workdir:
        for size in args.sizes:
            print(f"building {size} essays × {args.repeat} …", file=sys.stderr, flush=True)
            r = median_run(size, args.repeat, Path(workdir))
            results.append(r)
            print(f"{r['essays']:>7} {r['pages']:>6} {r['ingest']:>8.2f} {r['render']:>8.2f} {r['mkdocs']:>8.2f} "
                  f"{r['ms_per_page']:>8.1f} {r['own_share']:>10.1%} {r['peak_mb_self']:>9.0f} "
                  f"{r['peak_mb_mkdocs']:>11.0f}", flush=True)
    if len(results) >= 2:
        growth = results[-1]["ms_per_page"] / results[-2]["ms_per_page"]
        print(f"ms/page growth from {results[-2]['essays']} to {results[-1]['essays']} essays: {growth:.2f}x")
    if results:
        print("\nsearch (Pagefind): seconds to index; index KB per locale; KB fetched for one query")
        for r in results:
            index = " ".join(f"{k}={v / 1024:.0f}" for k, v in sorted(r["search"]["index"].items()))
            query = r["search"]["query"]
            fetched = " ".join(f"{k}={v / 1024:.0f}" for k, v in sorted(query.items())) if query else "not measured"
            print(f"{r['essays']:>7} essays  {r['search_s']:5.2f} s  index: {index}  query: {fetched}")
    print()
    bench_checker(args.checker_items)
    print()
    bench_guesser()
    print()
    bench_analyse(args.attempts)
    print()
    bench_ingest_quality()
    return 0


if __name__ == "__main__":
    sys.exit(main())
