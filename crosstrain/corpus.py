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
    notes: dict = field(default_factory=dict)
    banks: list = field(default_factory=list)
    schema_problems: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    module_problems: list = field(default_factory=list)
    stats: list = field(default_factory=list)  # QuizStats from stats/ (crosstrain analyse --site)
    gains: list = field(default_factory=list)  # ObjectiveGain from stats/
    _folded: dict = field(default_factory=dict, repr=False)

    def folded(self, slug: str, paragraph: str) -> str:
        """An original paragraph's text, NFC and whitespace-folded, computed once."""
        key = (slug, paragraph)
        if key not in self._folded:
            from crosstrain.quiz.check import fold_space

            self._folded[key] = fold_space(self.essays[slug].original.block(paragraph).text)
        return self._folded[key]


def load_corpus(root: Path, with_essays: bool = True) -> Corpus:
    """Everything under content/ and quizzes/; without the essays when the caller loads
    them itself (the parallel render loads them in its workers)."""
    from crosstrain.glossary import load_glossary
    from crosstrain.notes import load_all_notes
    from crosstrain.quiz.bank import load_banks

    content = root / "content"
    essays = {e.slug: e for e in load_essays(content / "essays")} if with_essays else {}
    glossary = load_glossary(content / "glossary.yml")
    from crosstrain.modules import load_modules

    banks, schema_problems = load_banks(root / "quizzes", root / ".cache" / "crosstrain" / "banks")
    modules, module_problems = load_modules(content / "modules")
    from crosstrain.analyse.store import load_stats

    stats, gains = load_stats(root / "stats")
    return Corpus(root=root, essays=essays, glossary=glossary, notes=load_all_notes(content / "notes"),
                  banks=banks, schema_problems=schema_problems, modules=modules, module_problems=module_problems,
                  stats=stats, gains=gains)


def summary(corpus: Corpus) -> list[str]:
    """The lines the checker prints after the problems: what it looked at."""
    from crosstrain.quiz.check import bank_summary

    texts = sum(len(e.texts) for e in corpus.essays.values())
    return [*bank_summary(corpus),
            f"checked {len(corpus.essays)} essays ({texts} texts), {len(corpus.notes)} notes, "
            f"{len(corpus.glossary)} glossary terms, {sum(len(b.items) for b in corpus.banks)} quiz items, "
            f"{len(corpus.modules)} modules"]
