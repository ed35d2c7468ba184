"""Everything the checker and the renderer read, loaded once from content/ and quizzes/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crosstrain.model import Essay
from crosstrain.store import load_essays


@dataclass
class Corpus:
    root: Path
    essays: dict[str, Essay]
    glossary: list = field(default_factory=list)
    banks: list = field(default_factory=list)
    modules: list = field(default_factory=list)


def load_corpus(root: Path) -> Corpus:
    from crosstrain.glossary import load_glossary

    content = root / "content"
    essays = {e.slug: e for e in load_essays(content / "essays")}
    glossary = load_glossary(content / "glossary.yml")
    return Corpus(root=root, essays=essays, glossary=glossary)


def summary(corpus: Corpus) -> list[str]:
    """The lines the checker prints after the problems: what it looked at."""
    texts = sum(len(e.texts) for e in corpus.essays.values())
    return [f"checked {len(corpus.essays)} essays ({texts} texts), {len(corpus.glossary)} glossary terms"]
