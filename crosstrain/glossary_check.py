"""Glossary rules."""

from __future__ import annotations

from crosstrain.checks import WARNING, problem, rule
from crosstrain.glossary import occurrences


@rule("G001", "glossary term occurs in no essay", WARNING)
def term_never_used(corpus):
    """A term the essays never use cannot be shown as a tooltip and its "appears in" list
    is empty; usually its `match` forms miss the spelling the essays use.

    Fix: add the essays' spelling to the term's `match` forms, or remove the term."""
    used: set[str] = set()
    for essay in corpus.essays.values():
        for text in essay.texts.values():
            used |= set(occurrences(corpus.glossary, text.blocks, text.locale))
    for term in corpus.glossary:
        if term.id not in used:
            yield problem("G001", term.origin, term.id, "no essay text contains any of its match forms")
