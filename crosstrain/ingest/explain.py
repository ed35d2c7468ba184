"""`crosstrain ingest --explain FILE`: every input line with its fate, so an author can see
why a line went or stayed. Nothing is written."""

from __future__ import annotations

from pathlib import Path

from crosstrain.errors import CrosstrainError
from crosstrain.ingest import _previous, build_essay, essay_slug
from crosstrain.ingest.decode import read_raw
from crosstrain.ingest.rules import Rule


def explain(raw_path: Path, rules: tuple[Rule, ...], essays_dir: Path) -> list[str]:
    """One line per line of the input text: `number  fate | text`. Block ids are those a real
    ingest would give (an essay ingested before keeps its ids)."""
    if not raw_path.is_file():
        raise CrosstrainError(raw_path, "no such file", "give the path of a raw text or HTML page")
    previous, _ = _previous(essays_dir / essay_slug(raw_path))
    warnings: list[str] = []
    essay = build_essay(raw_path, rules, previous, warnings)
    text = read_raw(raw_path).text
    stripped = {s.line: s.rule for s in essay.stripped}
    starts = {b.line: b for b in essay.original.blocks}
    out = [f"{raw_path}: {essay.language}{'-' + essay.script if essay.script else ''}, "
           f"{len(essay.original.blocks)} blocks, {len(essay.stripped)} lines stripped"]
    if raw_path.suffix.lower() in (".html", ".htm"):
        out.append("(an HTML page: the lines below are the text extracted from it)")
    for key in ("title", "author", "date", "site", "source"):
        out.append(f"{key}: {getattr(essay, key) or '-'}")
    title_seen, current = False, None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if number in stripped:
            fate = f"stripped: {stripped[number]}"
        elif number in starts:
            current = starts[number]
            fate = f"kept as block {current.id} ({current.kind})"
        elif not title_seen and line.strip() == essay.title:
            title_seen, fate = True, "title"
        elif current is not None:
            fate = f"joined to block {current.id}"
        else:
            fate = "title" if line.strip() == essay.title else "?"
        out.append(f"{number:>5}  {fate:<32} | {line.strip()}")
    out += [f"warning: {w}" for w in warnings]
    return out
