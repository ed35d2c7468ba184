"""Stage 1: content/raw/* -> content/essays/<slug>/ (clean text, stable ids, provenance)."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from crosstrain.errors import CrosstrainError
from crosstrain.inputs import (
    Listing,
    body_digest,
    check_paragraphs,
    check_text,
    duplicate_warning,
    input_files,
    read_input,
    without_controls,
)
from crosstrain.ingest.clean import clean
from crosstrain.ingest.decode import read_raw
from crosstrain.ingest.detect import detect
from crosstrain.ingest.ids import assign_ids
from crosstrain.ingest.rules import Rule
from crosstrain.ingest.segment import segment, unwrap
from crosstrain.locales import locale_for
from crosstrain.model import ORIGINAL, Essay, EssayText
from crosstrain.store import (
    ESSAY_FILE,
    essay_record,
    dump_yaml,
    format_text,
    read_record,
    read_text,
    write_if_changed,
)

RAW_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass
class IngestReport:
    written: list[str] = field(default_factory=list)  # slugs whose files changed
    unchanged: list[str] = field(default_factory=list)
    errors: list[CrosstrainError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def slugify(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def essay_slug(raw_path: Path) -> str:
    """Readable slug from the file name; Chinese-only names get a stable hashed one."""
    return slugify(raw_path.stem) or "essay-" + hashlib.sha256(raw_path.name.encode()).hexdigest()[:10]


def raw_files(raw_dir: Path) -> Listing:
    return input_files(raw_dir, RAW_SUFFIXES, name_documents=True)


def build_essay(raw_path: Path, rules: tuple[Rule, ...], previous: Essay | None,
                warnings: list[str], read=read_raw, structural: bool = True) -> Essay:
    """The essay a raw file holds; pure apart from reading the raw file (with `read`).
    `read` and `structural` (see clean) let scripts/bench.py measure the older ways."""
    data = read_input(raw_path)
    if not data.strip():
        raise CrosstrainError(raw_path, "the file is empty", "put the essay's text in it or remove it")
    decoded = read(raw_path, data)
    decoded = replace(decoded, text=without_controls(decoded.text, raw_path, warnings))
    check_text(decoded.text, raw_path)
    page = decoded.page
    detected = detect(decoded.text)
    if detected is None:
        raise CrosstrainError(
            raw_path, "the text is not in Vietnamese, English or Chinese",
            "only essays in these languages can be ingested; remove the file",
        )
    cleaned = clean(decoded.text, rules, detected.language, structural)
    blank_after = _lines_before_blank(decoded.text)
    body = unwrap(cleaned.body, blank_after, detected.language)
    if not body:
        raise CrosstrainError(
            raw_path, "nothing is left after removing boilerplate (menus, comments, share links)",
            "check that the file holds the essay itself, or narrow a rule in content/ingest-rules.yml",
        )
    for message in cleaned.warnings:
        warnings.append(f"{raw_path}: {message}")
    previous_blocks = previous.original.blocks if previous else ()
    segmented = segment(body)
    check_paragraphs(len(segmented), raw_path)
    blocks, last_number = assign_ids(
        segmented, previous_blocks, previous.last_block_number if previous else 0
    )
    loc = locale_for(detected.language, detected.script)
    title = cleaned.title or raw_path.stem
    text = EssayText(locale=loc.code, role=ORIGINAL, title=title, blocks=tuple(blocks))
    essay = Essay(
        slug=essay_slug(raw_path),
        title=title,
        title_source=cleaned.title_source,
        language=detected.language,
        script=detected.script,
        original_locale=loc.code,
        raw_file=raw_path.name,
        raw_sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        # the byline the reader sees names the author (an extractor misreads bylines); the
        # date and site a page declares (htmldate, og:site_name) come before its text's
        author=cleaned.author or (page.author if page else None),
        source=cleaned.source,
        date=(page.date if page else None) or cleaned.date,
        site=(page.site if page else None) or cleaned.site,
        mixed_script_chars=detected.mixed_script_chars,
        stripped=tuple(cleaned.stripped),
        last_block_number=last_number,
        texts={loc.code: text},
    )
    return essay


def _lines_before_blank(text: str) -> set[int]:
    lines = text.split("\n")
    return {n for n, line in enumerate(lines, start=1) if n < len(lines) and not lines[n].strip()}


def _previous(folder: Path) -> tuple[Essay | None, dict]:
    """What an earlier ingest wrote: its blocks (for stable ids) and the curated keys.
    A deleted original text is written again as on a first ingest: the same raw text gives
    the same ids, so its translations still fit."""
    record_path = folder / ESSAY_FILE
    if not record_path.is_file():
        return None, {}
    record = read_record(record_path)
    original_path = folder / record["original"]
    original = (read_text(original_path) if original_path.is_file()
                else EssayText(locale=original_path.stem, role=ORIGINAL, title=record["title"], blocks=()))
    essay = Essay(
        slug=record["slug"], title=record["title"], language=record["language"],
        script=record.get("script"), original_locale=original.locale,
        raw_file=record["raw"]["file"], raw_sha256=record["raw"]["sha256"],
        encoding=record["raw"]["encoding"],
        last_block_number=int(record.get("last_block_number", 0)) if original.blocks else 0,
        texts={original.locale: original},
    )
    return essay, record.get("curated") or {"audience": "all", "tags": []}


def ingest_file(raw_path: Path, essays_dir: Path, rules: tuple[Rule, ...],
                warnings: list[str]) -> tuple[str, bool, str]:
    """Ingest one raw file; returns its slug, whether any file changed and its body's digest."""
    folder = essays_dir / essay_slug(raw_path)
    previous, curated = _previous(folder)
    essay = build_essay(raw_path, rules, previous, warnings)
    curated = curated or {"audience": "all", "tags": []}
    if previous and previous.original_locale != essay.original_locale:
        stale = folder / f"{previous.original_locale}.md"
        if stale.is_file() and read_text(stale).role == ORIGINAL:
            stale.unlink()
    changed = write_if_changed(folder / f"{essay.original_locale}.md", format_text(essay.original))
    header = ("# Written by `crosstrain ingest` from content/raw/; edit only the keys under\n"
              "# `curated:` (audience, tags, title), which a re-ingest keeps.\n")
    changed |= write_if_changed(folder / ESSAY_FILE, header + dump_yaml(essay_record(essay, curated)))
    return essay.slug, changed, body_digest(essay.original.blocks)


# Large corpora are ingested by a pool of processes: files are independent and decoding,
# detection and segmentation are CPU-bound.
PARALLEL_FROM_FILES = 50


def _ingest_one(job: tuple[Path, Path, tuple[Rule, ...]]):
    """(slug, changed, body digest, warnings, error) for one raw file; runs in a worker process."""
    raw_path, essays_dir, rules = job
    warnings: list[str] = []
    try:
        slug, changed, digest = ingest_file(raw_path, essays_dir, rules, warnings)
        return slug, changed, digest, warnings, None
    except CrosstrainError as exc:
        return None, False, None, warnings, exc


def ingest(raw_dir: Path, essays_dir: Path, rules: tuple[Rule, ...], progress=None) -> IngestReport:
    """Ingest every raw file; a bad file is reported and skipped, the others go on."""
    report = IngestReport()
    listing = raw_files(raw_dir)
    report.errors += listing.errors
    report.warnings += listing.warnings
    files = listing.files
    slugs: dict[str, Path] = {}
    jobs = []
    for raw_path in files:
        slug = essay_slug(raw_path)
        if slug in slugs:
            report.errors.append(CrosstrainError(
                raw_path, f"gives the same slug {slug!r} as {slugs[slug].name}", "rename one of the files"))
            continue
        slugs[slug] = raw_path
        jobs.append((raw_path, essays_dir, rules))
    workers = min(4, os.cpu_count() or 1)
    if len(jobs) >= PARALLEL_FROM_FILES and workers > 1 and "fork" in mp.get_all_start_methods():
        with mp.get_context("fork").Pool(workers) as pool:
            results = list(_with_progress(pool.imap(_ingest_one, jobs, chunksize=16), jobs, progress))
    else:
        results = list(_with_progress(map(_ingest_one, jobs), jobs, progress))
    bodies: dict[str, Path] = {}
    for (raw_path, _, _), (slug, changed, digest, warnings, error) in zip(jobs, results):
        report.warnings += warnings
        if error is not None:
            report.errors.append(error)
        else:
            (report.written if changed else report.unchanged).append(slug)
            if digest in bodies:
                report.warnings.append(duplicate_warning(bodies[digest], raw_path))
            bodies.setdefault(digest, raw_path)
    if essays_dir.is_dir():
        for folder in sorted(essays_dir.iterdir()):
            if (folder / ESSAY_FILE).is_file() and folder.name not in slugs:
                report.warnings.append(
                    f"{folder}: no raw file in {raw_dir} gives this essay; delete the folder if the essay was withdrawn")
    return report


def _with_progress(results, jobs, progress):
    for index, result in enumerate(results, start=1):
        if progress:
            progress(index, len(jobs), jobs[index - 1][0].name)
        yield result
