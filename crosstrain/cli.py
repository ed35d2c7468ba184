"""The `crosstrain` command: a thin layer that wires the pipeline's functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crosstrain.errors import CrosstrainError
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


def _generate(project: Project, progress: Progress) -> int:
    from crosstrain.quiz.generate import generate_banks

    progress.stage("generate")
    changed = generate_banks(project.root, progress.step)
    progress.done(f"{len(changed)} bank(s) changed")
    return 0


def _check(project: Project, progress: Progress, strict: bool = False, quiet: bool = False) -> int:
    from crosstrain.checks import run_rules
    from crosstrain.corpus import load_corpus, summary
    from crosstrain.report import report

    progress.stage("check")
    corpus = load_corpus(project.root)
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
    return _generate(project, Progress())


def cmd_build(project: Project, args) -> int:
    """Whole pipeline: ingest, generate, check, render, then mkdocs build --strict into site/
    (swapped in only on success). Example: crosstrain build"""
    progress = Progress()
    if (_ingest(project, progress) or _generate(project, progress)
            or _check(project, progress, quiet=True) or _render(project, progress)):
        print("error: build stopped; site/ was left as it was", file=sys.stderr)
        return 1
    progress.stage("mkdocs build + search index")
    publish_site(project, lambda staging: build_site(project, staging))
    progress.done(f"site in {project.site}")
    return 0


def cmd_check(project: Project, args) -> int:
    """Check content, translations and quiz banks; print `path:line: CODE: subject: message`,
    a summary, and how to fix each failing rule. Exit 1 on any error (on warnings too with
    --strict). Example: crosstrain check --strict"""
    return _check(project, Progress(), strict=args.strict)


def cmd_status(project: Project, args) -> int:
    """Translation coverage per essay and locale; with --hashes SLUG, each original
    paragraph's sha256 (what a translation records). Example: crosstrain status"""
    from crosstrain.store import load_essays
    from crosstrain.translate.status import coverage_table

    essays = load_essays(project.essays)
    if args.hashes:
        essay = next((e for e in essays if e.slug == args.hashes), None)
        if essay is None:
            raise CrosstrainError(project.essays, f"no essay {args.hashes!r}")
        for block in essay.original.blocks:
            print(f"{block.id}\t{block.sha256}")
        return 0
    print(coverage_table(essays))
    return 0


def cmd_export(project: Project, args) -> int:
    """Export every quiz bank in every locale as Moodle GIFT into --out (default exports/gift).
    Example: crosstrain export gift --out /tmp/gift"""
    from crosstrain.corpus import load_corpus
    from crosstrain.locales import LOCALE_CODES
    from crosstrain.quiz.export import gift_bank
    from crosstrain.store import write_if_changed

    if args.format != "gift":
        raise CrosstrainError("crosstrain export", f"unknown format {args.format!r}", "use: gift")
    out = args.out or project.root / "exports" / "gift"
    corpus = load_corpus(project.root)
    count = 0
    for bank in corpus.banks:
        for code in LOCALE_CODES:
            write_if_changed(out / code / f"{bank.name}.gift.txt", gift_bank(bank, code))
            count += 1
    print(f"wrote {count} GIFT files to {out}")
    return 0


COMMANDS = {"ingest": cmd_ingest, "generate": cmd_generate, "check": cmd_check, "render": cmd_render,
            "build": cmd_build, "status": cmd_status, "export": cmd_export}
OPTIONS = {
    "ingest": [("--explain", dict(metavar="FILE", type=Path,
                                  help="print each line of FILE with its fate; writes nothing"))],
    "check": [("--strict", dict(action="store_true", help="warnings fail too"))],
    "status": [("--hashes", dict(metavar="SLUG", help="print the paragraph hashes of one essay"))],
    "export": [("format", dict(choices=["gift"], help="export format")),
               ("--out", dict(type=Path, help="output folder (default: exports/gift)"))],
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


if __name__ == "__main__":
    sys.exit(main())
