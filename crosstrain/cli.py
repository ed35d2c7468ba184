"""The `crosstrain` command: a thin layer that wires the pipeline's functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crosstrain.errors import CrosstrainError, os_problem
from crosstrain.pipeline import Progress, Project, build_site, ingest_step, publish_site, render_step


def _ingest(project: Project, progress: Progress) -> int:
    progress.stage("ingest")
    report = ingest_step(project, progress)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    progress.done(f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.errors)} failed")
    return 1 if report.errors else 0


def _generate(project: Project, progress: Progress) -> list[Path]:
    from crosstrain.quiz.generate import generate_banks

    progress.stage("generate")
    changed = generate_banks(project.root, progress.step)
    progress.done(f"{len(changed)} bank(s) changed")
    return changed


def _check(project: Project, progress: Progress, strict: bool = False, quiet: bool = False,
           responses: Path | None = None) -> int:
    from crosstrain.checks import run_rules
    from crosstrain.corpus import load_corpus, summary
    from crosstrain.report import report

    progress.stage("check")
    corpus = load_corpus(project.root)
    if responses is not None:
        corpus.stats = _analysis(project, [responses], corpus.banks, level="warning").quizzes
    problems = run_rules(corpus)
    text, status = report(problems, summary(corpus), strict=strict)
    if not quiet or status:
        sys.stdout.write(text)
    progress.done(f"{len(problems)} problem(s)")
    return status


def _render(project: Project, progress: Progress) -> int:
    progress.stage("render")
    written, deleted = render_step(project.root, progress)
    progress.done(f"{written} pages written, {deleted} removed")
    return 0


def cmd_ingest(project: Project, args) -> int:
    """Clean content/raw/* into content/essays/<slug>/; with --explain FILE, write nothing and
    print each line of FILE with its fate (kept as block pN / stripped: reason).
    Example: crosstrain ingest --explain content/raw/my-article.txt"""
    if args.explain:
        from crosstrain.ingest.explain import explain
        from crosstrain.ingest.rules import load_rules

        print("\n".join(explain(args.explain, load_rules(project.rules), project.essays)))
        return 0
    return _ingest(project, Progress())


def cmd_render(project: Project, args) -> int:
    """Generate docs/ from content/. Example: crosstrain render"""
    return _render(project, Progress())


def cmd_generate(project: Project, args) -> int:
    """Write quizzes/<slug>.yml from content/notes (authored items are kept as they are).
    Example: crosstrain generate"""
    _generate(project, Progress())
    return 0


def cmd_build(project: Project, args) -> int:
    """Whole pipeline: ingest, check, generate, check again if a bank changed, render, then
    mkdocs build --strict into site/ (swapped in only on success). Example: crosstrain build"""
    progress = Progress()
    try:
        # The check runs before generate: regenerating first would overwrite a hand edit to
        # a generated item (Q014) and hide what `crosstrain check` reports.
        stopped = (_ingest(project, progress) or _check(project, progress, quiet=True)
                   or (_generate(project, progress) and _check(project, progress, quiet=True))
                   or _render(project, progress))
        if not stopped:
            progress.stage("mkdocs build + search index")
            publish_site(project, lambda staging: build_site(project, staging))
            progress.done(f"site in {project.site}")
            return 0
    except (CrosstrainError, OSError) as exc:
        print(f"error: {exc if isinstance(exc, CrosstrainError) else os_problem(exc)}", file=sys.stderr)
    kept = "site/ was left as it was" if project.site.exists() else "no site/ was written"
    print(f"error: build stopped; {kept}", file=sys.stderr)
    return 1


def cmd_check(project: Project, args) -> int:
    """Check content, translations and quiz banks; print `path:line: CODE: subject: message`,
    a summary, and how to fix each failing rule. Exit 1 on any error (on warnings too with
    --strict). Example: crosstrain check --strict"""
    return _check(project, Progress(), strict=args.strict, responses=args.responses)


def _analysis(project: Project, paths: list[Path], banks: list, level: str = "error"):
    """The analysis of the response files; bad files are reported and skipped."""
    from crosstrain.analyse.run import analyse

    progress = Progress()
    progress.stage("analyse")
    result = analyse(paths, banks, progress.step)
    for error in result.errors:
        print(f"{level}: {error}", file=sys.stderr)
    progress.done(f"{result.attempts} attempt(s) from {result.files} file(s), {len(result.errors)} skipped")
    return result


def cmd_analyse(project: Project, args) -> int:
    """Item analysis, reliability and pre/post gain from attempt files, pasted codes (one per
    line in a text file) and Moodle Responses reports (.csv); writes a report folder (--out,
    default reports/analysis) and, with --site, the aggregates the trainers' pages show
    (stats/). Bad files are reported and skipped; exit 1 if any was.
    Example: crosstrain analyse attempts/ moodle.csv --site"""
    from crosstrain.analyse.store import write_report, write_stats
    from crosstrain.quiz.bank import load_banks

    banks, _ = load_banks(project.root / "quizzes")
    result = _analysis(project, args.responses, banks)
    out = args.out or project.root / "reports" / "analysis"
    write_report(out, result)
    print(f"report in {out / 'report.txt'}")
    if args.site:
        write_stats(project.root / "stats", result)
        print(f"statistics for the trainers' pages in {project.root / 'stats'} (run crosstrain render)")
    return 1 if result.errors else 0


def cmd_status(project: Project, args) -> int:
    """Translation coverage per essay and locale, and the date of each locale's last
    human review (content/reviews.yml); with --hashes SLUG, each original
    paragraph's sha256 (what a translation records). Example: crosstrain status"""
    from crosstrain.store import load_essays
    from crosstrain.translate.status import coverage_table, load_reviews, review_lines

    essays = load_essays(project.essays)
    if args.hashes:
        essay = next((e for e in essays if e.slug == args.hashes), None)
        if essay is None:
            raise CrosstrainError(project.essays, f"no essay {args.hashes!r}")
        for block in essay.original.blocks:
            print(f"{block.id}\t{block.sha256}")
        return 0
    print(coverage_table(essays))
    print("\n".join(review_lines(load_reviews(project.root / "content" / "reviews.yml"))))
    return 0


def cmd_export(project: Project, args) -> int:
    """Export quizzes and modules for an LMS into --out (default exports/FORMAT): gift (a file
    per bank and locale), moodle-xml (a file per bank, all languages), scorm (a SCORM 1.2
    package per module and locale, and per essay quiz and locale).
    Example: crosstrain export scorm --out /tmp/scorm"""
    from crosstrain.export.files import export_format
    from crosstrain.store import write_if_changed

    out = args.out or project.root / "exports" / args.format
    files = export_format(project.root, args.format, ordering_fallback=args.ordering_as_matching,
                          site_url=args.site_url)
    for path, content in sorted(files.items()):
        write_if_changed(out / path, content)
    print(f"wrote {len(files)} {args.format} file(s) to {out}")
    return 0


COMMANDS = {"ingest": cmd_ingest, "generate": cmd_generate, "check": cmd_check, "render": cmd_render,
            "build": cmd_build, "status": cmd_status, "export": cmd_export, "analyse": cmd_analyse}
OPTIONS = {
    "ingest": [("--explain", dict(metavar="FILE", type=Path,
                                  help="print each line of FILE with its fate; writes nothing"))],
    "check": [("--strict", dict(action="store_true", help="warnings fail too")),
              ("--responses", dict(type=Path, metavar="DIR", help="also flag items from the learners' answers in DIR"))],
    "analyse": [("responses", dict(type=Path, nargs="+", metavar="RESPONSES",
                                   help="attempt files (.json), code lists, Moodle reports (.csv), or folders of them")),
                ("--out", dict(type=Path, help="report folder (default: reports/analysis)")),
                ("--site", dict(action="store_true", help="also write stats/ for the trainers' pages"))],
    "status": [("--hashes", dict(metavar="SLUG", help="print the paragraph hashes of one essay"))],
    "export": [("format", dict(choices=["gift", "moodle-xml", "scorm"], help="export format")),
               ("--out", dict(type=Path, help="output folder (default: exports/FORMAT)")),
               ("--ordering-as-matching", dict(action="store_true",
                                               help="moodle-xml: order items as matching questions, for Moodle "
                                                    "sites without the ordering question type")),
               ("--site-url", dict(metavar="URL", help="moodle-xml: the published site's address, to link "
                                                       "each question's source paragraph"))],
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="crosstrain", description=__doc__)
    top.add_argument("--root", type=Path, default=Path.cwd(),
                     help="project folder holding content/ and mkdocs.yml (default: current folder)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, func in COMMANDS.items():
        summary = func.__doc__.split("\n")[0]
        command = sub.add_parser(name, help=summary, description=func.__doc__)
        for flag, options in OPTIONS.get(name, []):
            command.add_argument(flag, **options)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project(args.root.resolve())
    try:
        return COMMANDS[args.command](project, args)
    except CrosstrainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a read-only or full disk, a folder in use: a message, not a traceback
        print(f"error: {os_problem(exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
