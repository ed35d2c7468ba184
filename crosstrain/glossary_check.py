"""Glossary rules."""

from __future__ import annotations

from crosstrain.checks import WARNING, problem, rule
from crosstrain.glossary import find_terms, mentions, occurrences
from crosstrain.model import TRANSLATION


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


@rule("G002", "translated paragraph does not use the glossary's term", WARNING)
def term_not_translated_consistently(corpus):
    """When a paragraph of the original uses a glossary term, its translation should use
    one of the term's forms in the translation's language (what CAT tools call term
    consistency): a reader who looks the term up, or meets it in a quiz, must find the same
    words in the essay.

    Fix: use the glossary's wording in the translated paragraph, or, if the translation's
    wording is the right one, add it to the term's `match` forms for that locale (and its
    `term` name if it is the usual one)."""
    for essay in corpus.essays.values():
        original = essay.original
        found = find_terms(corpus.glossary, original.blocks, original.locale)
        in_block: dict[str, list[str]] = {}
        for match in found:
            in_block.setdefault(match.block_id, [])
            if match.term_id not in in_block[match.block_id]:
                in_block[match.block_id].append(match.term_id)
        terms = {t.id: t for t in corpus.glossary}
        for text in essay.texts.values():
            if text.role != TRANSLATION:
                continue
            for block in text.blocks:
                for term_id in in_block.get(block.id, ()):
                    forms = terms[term_id].match.get(text.locale, ())
                    if not mentions(block.text, forms):
                        yield problem("G002", block.origin, f"{essay.slug}#{block.id}@{text.locale}",
                                      f"the original uses term {term_id}; this paragraph has none of its "
                                      f"{text.locale} forms ({', '.join(forms)})")
