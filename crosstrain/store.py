"""Reading and writing content/essays/<slug>/: essay.yml plus one block file per locale.

A block file is Markdown-looking text with YAML front matter; every block starts with an
attribute line `{#p3 kind=p line=12}` and runs to the next blank line. Blocks never
contain blank lines, so the format needs no escaping.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import replace
from pathlib import Path

import yaml

from crosstrain.errors import CrosstrainError, Origin
from crosstrain.inputs import input_files, read_input_text
from crosstrain.yamlsource import refuse_aliases
from crosstrain.model import AUDIENCES, BLOCK_KINDS, Block, Essay, EssayText, StrippedLine

ESSAY_FILE = "essay.yml"
_HEADER = re.compile(r"^\{#(?P<id>p[1-9][0-9]*)(?P<attrs>(?: [a-z0-9_]+=[^ }]+)*)\}$")
_ATTR = re.compile(r" ([a-z0-9_]+)=([^ }]+)")


# libyaml's C loader and dumper: the pure-Python ones dominate ingest and render time.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def load_yaml(text: str):
    """Parsed YAML; an alias is refused (yaml.YAMLError with its line), never expanded."""
    refuse_aliases(text)
    return yaml.load(text, Loader=_Loader)


def write_atomic(path: Path, data: bytes, quiet: bool = False) -> None:
    """Write a file whole or not at all: into a temporary file beside it, then renamed over
    it. A full disk, a kill or a read-only folder leaves the old file (or none), never a
    truncated one, and no temporary file. quiet: a failure is ignored (caches)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if not quiet:
            raise


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write only when the content differs, so reruns leave mtimes and trees untouched;
    always atomically (write_atomic)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")  # bytes: a generated zip
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True


# --- block files ---------------------------------------------------------------------


def format_text(text: EssayText) -> str:
    meta = {"title": text.title, "locale": text.locale, "role": text.role}
    if text.translated_from:
        meta["translated_from"] = text.translated_from
        meta["status"] = text.status
    out = ["---", dump_yaml(meta).rstrip("\n"), "---", ""]
    for block in text.blocks:
        attrs = f" kind={block.kind}"
        if block.line is not None:
            attrs += f" line={block.line}"
        if block.source_sha256:
            attrs += f" source_sha256={block.source_sha256}"
        out += [f"{{#{block.id}{attrs}}}", block.text, ""]
    return "\n".join(out)


def parse_text(source: str, path: Path) -> EssayText:
    lines = source.split("\n")
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        raise CrosstrainError(Origin(path, 1), "missing YAML front matter between '---' lines")
    end = lines.index("---", 1)
    try:
        meta = load_yaml("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        raise CrosstrainError(Origin(path, 2), f"front matter is not valid YAML: {exc}") from None
    for key in ("title", "locale", "role"):
        if not meta.get(key):
            raise CrosstrainError(Origin(path, 2), f"front matter lacks '{key}'")
    blocks: list[Block] = []
    seen: set[str] = set()
    i = end + 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        header = _HEADER.match(lines[i])
        if not header:
            raise CrosstrainError(
                Origin(path, i + 1),
                f"expected a block header like '{{#p3 kind=p}}', found {lines[i][:40]!r}",
                "separate blocks with one blank line; a paragraph may not contain blank lines",
            )
        attrs = dict(_ATTR.findall(header["attrs"]))
        block_id, line_no = header["id"], i + 1
        if block_id in seen:
            raise CrosstrainError(Origin(path, line_no), f"block id {block_id} appears twice")
        seen.add(block_id)
        kind = attrs.get("kind", "p")
        if kind not in BLOCK_KINDS:
            raise CrosstrainError(Origin(path, line_no), f"unknown kind {kind!r} for {block_id}")
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip():
            body.append(lines[i])
            i += 1
        if not body:
            raise CrosstrainError(Origin(path, line_no), f"block {block_id} is empty")
        blocks.append(
            Block(
                id=block_id,
                kind=kind,
                text="\n".join(body),
                line=int(attrs["line"]) if "line" in attrs else None,
                source_sha256=attrs.get("source_sha256"),
                origin=Origin(path, line_no),
            )
        )
    return EssayText(
        locale=str(meta["locale"]),
        role=str(meta["role"]),
        title=str(meta["title"]),
        blocks=tuple(blocks),
        status=str(meta.get("status", "draft")),
        translated_from=meta.get("translated_from"),
        origin=Origin(path, 1),
    )


def read_text(path: Path) -> EssayText:
    return parse_text(read_input_text(path), path)


# --- essay.yml -----------------------------------------------------------------------

# Keys a maintainer may edit by hand; ingest keeps them across re-ingests.
CURATED_KEYS = ("audience", "tags", "title")


def essay_record(essay: Essay, curated: dict) -> dict:
    return {
        "slug": essay.slug,
        "title": essay.title,
        "title_source": essay.title_source,
        "language": essay.language,
        "script": essay.script,
        "original": f"{essay.original_locale}.md",
        "mixed_script_chars": list(essay.mixed_script_chars),
        "author": essay.author,
        "source": essay.source,
        # written only when the text holds them, so records of texts without them stay as they were
        **{key: value for key in ("date", "site") if (value := getattr(essay, key))},
        "raw": {"file": essay.raw_file, "sha256": essay.raw_sha256, "encoding": essay.encoding},
        "last_block_number": essay.last_block_number,
        "curated": curated,
        "stripped": [{"line": s.line, "rule": s.rule, "text": s.text} for s in essay.stripped],
    }


def read_record(path: Path) -> dict:
    try:
        data = load_yaml(read_input_text(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CrosstrainError(
            Origin(path, mark.line + 1 if mark else None), f"not valid YAML: {exc}"
        ) from None
    if not isinstance(data, dict) or "slug" not in data:
        raise CrosstrainError(path, "not an essay record (no 'slug')", "run `crosstrain ingest`")
    return data


def load_essay(folder: Path) -> Essay:
    """An essay with every text file in its folder."""
    record_path = folder / ESSAY_FILE
    record = read_record(record_path)
    curated = record.get("curated") or {}
    texts = {}
    for md in input_files(folder, (".md",)).raise_first():
        text = read_text(md)
        if text.locale != md.stem:
            raise CrosstrainError(
                Origin(md, 2), f"locale {text.locale!r} does not match the file name {md.name}"
            )
        texts[text.locale] = text
    original_locale = Path(record["original"]).stem
    if original_locale not in texts:
        raise CrosstrainError(record_path, f"original text {record['original']} is missing",
                              "run `crosstrain ingest`")
    if curated.get("title"):
        texts[original_locale] = replace(texts[original_locale], title=curated["title"])
    audience = curated.get("audience", "all")
    if audience not in AUDIENCES:
        raise CrosstrainError(record_path, f"curated.audience is {audience!r}",
                              f"use one of: {', '.join(AUDIENCES)}")
    essay = Essay(
        slug=record["slug"],
        title=curated.get("title") or record["title"],
        title_source="curated" if curated.get("title") else record.get("title_source", "raw"),
        language=record["language"],
        script=record.get("script"),
        original_locale=original_locale,
        raw_file=record["raw"]["file"],
        raw_sha256=record["raw"]["sha256"],
        encoding=record["raw"]["encoding"],
        author=curated.get("author") or record.get("author"),
        source=record.get("source"),
        date=str(curated.get("date") or record.get("date") or "") or None,
        site=curated.get("site") or record.get("site"),
        mixed_script_chars=tuple(record.get("mixed_script_chars") or ()),
        tags=tuple(curated.get("tags") or ()),
        audience=audience,
        stripped=tuple(StrippedLine(**s) for s in record.get("stripped") or ()),
        last_block_number=int(record.get("last_block_number", 0)),
        texts=texts,
        origin=Origin(record_path),
    )
    return essay


def essay_folders(essays_dir: Path) -> list[Path]:
    if not essays_dir.is_dir():
        return []
    folders = [d for d in sorted(essays_dir.iterdir()) if (d / ESSAY_FILE).is_file()]
    for folder in folders:
        if folder.is_symlink():
            raise CrosstrainError(folder, "is a symbolic link; essays are read only from folders inside the project",
                                  "copy the folder in its place instead of linking it")
    return folders


def load_essays(essays_dir: Path) -> list[Essay]:
    return [load_essay(d) for d in essay_folders(essays_dir)]
