"""Deterministic quiz generators: content/notes + glossary -> items. Same input, same bytes.

Each generator is one rule (its name is recorded as the item's `generator`). Option order
comes from a seed derived from the item id; key positions are then balanced across the
bank, counting the authored items too.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from crosstrain.glossary import Term, occurrences
from crosstrain.locales import AUTHORED_LANGUAGES
from crosstrain.model import Essay
from crosstrain.notes import Cite, Notes
from crosstrain.quiz.flaws import emphasise_negations, fold_option, unemphasised_negations
from crosstrain.quiz.model import BLANK, Item, Option, Source

OPTIONS_PER_CHOICE = 4


@lru_cache(maxsize=1)
def _phrases() -> dict:
    return yaml.safe_load(resources.files("crosstrain.quiz").joinpath("phrases.yml").read_text("utf-8"))


def phrase(key: str, **values: dict) -> dict:
    """A phrase in every language; each value is a {language: text} to fill in."""
    return {lang: _phrases()[key][lang].format(**{k: v[lang] for k, v in values.items()})
            for lang in AUTHORED_LANGUAGES}


def rng(item_id: str) -> random.Random:
    return random.Random(int(hashlib.sha256(item_id.encode()).hexdigest()[:16], 16))


def source(essay: Essay, cites: list[Cite]) -> Source:
    paragraphs = list(dict.fromkeys(c.paragraph for c in cites))
    return Source(essay.slug, tuple(paragraphs), cites[0].quote,
                  {p: essay.original.block(p).sha256 for p in paragraphs})


def _key_longest_in(key: dict, distractors: list[dict]) -> int:
    """In how many languages the key is longer than every distractor."""
    return sum(all(len(d[lang]) < len(key[lang]) for d in distractors) for lang in AUTHORED_LANGUAGES)


def pick_distractors(item_id: str, key: dict, pool: list[dict], count: int) -> list[dict]:
    """`count` distractors, in a seeded order, preferring sets that do not leave the key as
    the longest option (a cue test-wise learners use)."""
    pool = [d for d in pool if all(fold_option(d[l]) != fold_option(key[l]) for l in AUTHORED_LANGUAGES)]
    rng(item_id).shuffle(pool)
    combos = [list(c) for c in itertools.islice(itertools.combinations(pool, count), 200)]
    return min(combos, key=lambda c: _key_longest_in(key, c), default=[])


# --- the rules ---------------------------------------------------------------------------


def gen_order(essay: Essay, notes: Notes) -> list[Item]:
    items = []
    for process in notes.processes:
        if len(process.steps) < 3:
            continue
        item_id = f"{essay.slug}.order.{process.id}"
        order = list(range(len(process.steps)))
        shuffled, seeded = order[:], rng(item_id)
        while shuffled == order:  # a list already in order would give the answer away
            seeded.shuffle(shuffled)
        options = tuple(Option(text=process.steps[i].text) for i in shuffled)
        answer = [shuffled.index(i) for i in order]
        steps = {lang: " → ".join(s.text[lang] for s in process.steps) for lang in AUTHORED_LANGUAGES}
        items.append(Item(
            id=item_id, type="order", generator="order-process", difficulty=3 if len(order) > 5 else 2,
            source=source(essay, [s.cite for s in process.steps]),
            stem=phrase("order.stem", title=process.title), options=options, answer=answer,
            explanation=phrase("order.explanation", steps=steps),
        ))
    return items


def gen_single(essay: Essay, notes: Notes) -> list[Item]:
    """Which statement matches the essay: distractors are this essay's misconceptions only,
    never true statements of other essays, which would make the item ambiguous."""
    items = []
    pool = [m.text for m in notes.misconceptions]
    corrections = {id(m.text): m.correction for m in notes.misconceptions}
    if len(pool) < OPTIONS_PER_CHOICE - 1:
        return items
    for point in notes.key_points:
        item_id = f"{essay.slug}.single.{point.id}"
        distractors = pick_distractors(item_id, point.text, pool, OPTIONS_PER_CHOICE - 1)
        options = [Option(point.text, True, phrase("single.key_feedback"))]
        options += [Option(d, False, corrections[id(d)]) for d in distractors]
        items.append(Item(
            id=item_id, type="single", generator="single-statement", difficulty=2,
            source=source(essay, [point.cite]), stem=phrase("single.stem"),
            options=tuple(options), explanation=point.text,
        ))
    return items


def gen_true_false(essay: Essay, notes: Notes) -> list[Item]:
    """A statement to judge: key points are true, misconceptions false. Negations in the
    statement are emphasised, as in any stem."""

    def item(entry, answer: bool, generator: str, difficulty: int, explanation: dict) -> Item:
        statement = {lang: emphasise_negations(entry.text[lang], lang) for lang in AUTHORED_LANGUAGES}
        return Item(id=f"{essay.slug}.tf.{entry.id}", type="true_false", generator=generator,
                    difficulty=difficulty, source=source(essay, [entry.cite]),
                    stem=phrase("tf.stem", statement=statement), answer=answer, explanation=explanation)

    return ([item(p, True, "true-false-key-point", 1, phrase("tf.true_explanation", statement=p.text))
             for p in notes.key_points]
            + [item(m, False, "true-false-misconception", 2, phrase("tf.false_explanation", correction=m.correction))
               for m in notes.misconceptions])


def gen_multiple(essay: Essay, notes: Notes) -> list[Item]:
    """Select every attribute of one side of a contrast; the others come from the other side."""
    items = []
    for contrast in notes.contrasts:
        for side in contrast.sides:
            mine = [a for a in contrast.attributes if a.side == side.id]
            theirs = [a for a in contrast.attributes if a.side != side.id]
            if len(mine) < 2 or len(theirs) < 2:
                continue
            item_id = f"{essay.slug}.multiple.{contrast.id}.{side.id}"
            r = rng(item_id)
            right = r.sample(mine, min(3, len(mine)))
            wrong = r.sample(theirs, 5 - len(right))
            chosen = right + wrong
            r.shuffle(chosen)
            labels = {s.id: s.label for s in contrast.sides}
            options = tuple(
                Option(a.text, a.side == side.id,
                       phrase("multiple.right_feedback", side=side.label) if a.side == side.id
                       else phrase("multiple.wrong_feedback", other=labels[a.side]))
                for a in chosen)
            attributes = {l: "; ".join(a.text[l] for a in mine) for l in AUTHORED_LANGUAGES}
            items.append(Item(
                id=item_id, type="multiple", generator="multiple-contrast", difficulty=2,
                source=source(essay, [a.cite for a in right]),
                stem=phrase("multiple.stem", title=contrast.title, side=side.label),
                options=options, explanation=phrase("multiple.explanation", side=side.label, attributes=attributes),
            ))
    return items


def _essay_terms(essay: Essay, notes: Notes, glossary: dict[str, Term]) -> list[tuple[Term, str]]:
    """The essay's glossary terms that occur in its original, with their first paragraph."""
    found = occurrences(list(glossary.values()), essay.original.blocks, essay.original_locale)
    return [(glossary[t], found[t][0]) for t in notes.terms if t in glossary and t in found]


def _term_cite(essay: Essay, term: Term, paragraph: str) -> Cite:
    text = essay.original.block(paragraph).text
    form = next(f for f in term.match[essay.original_locale] if f in text)
    return Cite(paragraph, form, None)


def gen_match(essay: Essay, notes: Notes, glossary: dict[str, Term]) -> list[Item]:
    terms = _essay_terms(essay, notes, glossary)
    items = []
    for number, start in enumerate(range(0, len(terms) - 3, 4), start=1):
        group = terms[start:start + 4]
        item_id = f"{essay.slug}.match.terms-{number}"
        order = list(range(len(group)))
        rng(item_id).shuffle(order)
        prompts = tuple(Option({l: t.name(l) for l in AUTHORED_LANGUAGES}) for t, _ in group)
        options = tuple(Option({l: group[i][0].meaning(l) for l in AUTHORED_LANGUAGES}) for i in order)
        answer = [order.index(i) for i in range(len(group))]
        pairs = {l: " ".join(f"{t.name(l)}: {t.meaning(l)}" for t, _ in group) for l in AUTHORED_LANGUAGES}
        items.append(Item(
            id=item_id, type="match", generator="match-term-definition", difficulty=2,
            source=source(essay, [_term_cite(essay, t, p) for t, p in group]),
            stem=phrase("match.stem"), prompts=prompts, options=options, answer=answer,
            explanation=phrase("match.explanation", pairs=pairs),
        ))
    return items


def _surface(term: Term, language: str) -> str:
    """The shortest everyday form of a term, as it would stand in a sentence."""
    forms = [f for f in term.match.get(language, ()) if f.strip()] or [term.name(language)]
    return min(forms, key=lambda f: (len(f), f))


def gen_cloze(essay: Essay, notes: Notes, glossary: dict[str, Term], limit: int = 4) -> list[Item]:
    """A definition with its term blanked; options are terms of the same category first."""
    items = []
    others = sorted(glossary.values(), key=lambda t: t.id)
    # A definition that says "not" would read as a negative stem.
    plain = [(t, p) for t, p in _essay_terms(essay, notes, glossary)
             if not any(unemphasised_negations(t.meaning(l), l) for l in AUTHORED_LANGUAGES)]
    for term, paragraph in plain[:limit]:
        item_id = f"{essay.slug}.cloze.{term.id}"
        key = {l: _surface(term, l) for l in AUTHORED_LANGUAGES}
        same = [t for t in others if t.id != term.id and t.category == term.category]
        rest = [t for t in others if t.id != term.id and t.category != term.category]
        pool_terms = same if len(same) >= OPTIONS_PER_CHOICE - 1 else same + rest
        by_text = {}
        for t in pool_terms:
            by_text.setdefault(tuple(_surface(t, l) for l in AUTHORED_LANGUAGES), t)
        pool = [{l: s for l, s in zip(AUTHORED_LANGUAGES, k)} for k in by_text]
        distractors = pick_distractors(item_id, key, pool, OPTIONS_PER_CHOICE - 1)
        if len(distractors) < OPTIONS_PER_CHOICE - 1:
            continue
        distractor_terms = [by_text[tuple(d[l] for l in AUTHORED_LANGUAGES)] for d in distractors]
        sentence = phrase("cloze.definition", definition={l: term.meaning(l) for l in AUTHORED_LANGUAGES})
        options = [Option(key, True, phrase("cloze.key_feedback", term=key))]
        options += [Option(d, False, phrase("cloze.wrong_feedback", term=d,
                                            definition={l: t.meaning(l) for l in AUTHORED_LANGUAGES}))
                    for d, t in zip(distractors, distractor_terms)]
        filled = {l: sentence[l].replace(BLANK, key[l], 1) for l in AUTHORED_LANGUAGES}
        items.append(Item(
            id=item_id, type="cloze", generator="cloze-term-definition", difficulty=2,
            source=source(essay, [_term_cite(essay, term, paragraph)]),
            stem=phrase("cloze.stem", sentence=sentence), options=tuple(options),
            explanation=phrase("cloze.explanation", sentence=filled),
        ))
    return items


# --- a bank --------------------------------------------------------------------------------


def balance_keys(items: list[Item], authored: list[Item]) -> list[Item]:
    """Place each single-key item's key where the bank (authored items included) has the
    fewest keys so far, so no position is a pattern a learner can exploit."""
    counts = Counter()
    for item in authored:
        if item.type in ("single", "cloze") and len(item.options) == OPTIONS_PER_CHOICE and len(item.keys) == 1:
            counts[item.keys[0]] += 1
    balanced = []
    for item in items:
        if item.type not in ("single", "cloze"):
            balanced.append(item)
            continue
        options = list(item.options)
        key = next(o for o in options if o.correct)
        others = [o for o in options if not o.correct]
        position = min(range(len(options)), key=lambda p: (counts[p], p))
        counts[position] += 1
        balanced.append(replace(item, options=tuple(others[:position] + [key] + others[position:])))
    return balanced


def generate_items(essay: Essay, notes: Notes, glossary: list[Term], authored: list[Item]) -> list[Item]:
    terms = {t.id: t for t in glossary}
    items = (gen_single(essay, notes) + gen_cloze(essay, notes, terms) + gen_multiple(essay, notes)
             + gen_true_false(essay, notes) + gen_order(essay, notes) + gen_match(essay, notes, terms))
    return balance_keys(items, authored)


def generate_banks(root: Path, progress=None) -> list[Path]:
    """Write quizzes/<slug>.yml for every essay with notes; returns the files that changed."""
    from crosstrain.corpus import load_corpus
    from crosstrain.notes import load_all_notes
    from crosstrain.quiz.bank import authored_part, bank_text, item_from_dict
    from crosstrain.store import write_if_changed

    corpus = load_corpus(root)
    notes = load_all_notes(root / "content" / "notes")
    quizzes = root / "quizzes"
    changed = []
    for index, (slug, essay_notes) in enumerate(sorted(notes.items()), start=1):
        if progress:
            progress(index, len(notes), slug)
        essay = corpus.essays.get(slug)
        if essay is None:
            from crosstrain.errors import CrosstrainError

            raise CrosstrainError(essay_notes.origin, f"notes for {slug!r}, but there is no such essay",
                                  "rename the notes file after an essay folder in content/essays/")
        path = quizzes / f"{slug}.yml"
        kept = authored_part(path)
        parsed = yaml.safe_load(kept) if kept.strip() else []
        authored = [item_from_dict(d, None, ()) for d in parsed or []]
        text = bank_text(slug, slug, kept, generate_items(essay, essay_notes, corpus.glossary, authored))
        if write_if_changed(path, text):
            changed.append(path)
    return changed
