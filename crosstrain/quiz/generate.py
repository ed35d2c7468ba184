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
from crosstrain.notes import Case, Cite, Notes
from crosstrain.quiz.flaws import emphasise_negations, fold_option, unemphasised_negations
from crosstrain.quiz.model import BLANK, Item, Option, Source

CLOZE_OPTIONS = 4
MATCH_PROMPTS = 4
MAX_RUN = 3  # the longest run of one true/false answer a page may show


@lru_cache(maxsize=1)
def _phrases() -> dict:
    return yaml.safe_load(resources.files("crosstrain.quiz").joinpath("phrases.yml").read_text("utf-8"))


def phrase_template(key: str, locale_code: str) -> str:
    """A phrase's wording in a locale, its {placeholders} unfilled (zh-Hant: from zh)."""
    if locale_code == "zh-Hant":
        from crosstrain.translate import derive

        return derive(_phrases()[key]["zh"], "zh-Hant")
    return _phrases()[key][locale_code]


def phrase(key: str, **values: dict) -> dict:
    """A phrase in every language; each value is a {language: text} to fill in."""
    return {lang: _phrases()[key][lang].format(**{k: v[lang] for k, v in values.items()})
            for lang in AUTHORED_LANGUAGES}


def rng(item_id: str) -> random.Random:
    return random.Random(int(hashlib.sha256(item_id.encode()).hexdigest()[:16], 16))


def missing_cites(essay: Essay, notes: Notes) -> list[Cite]:
    """Cites of paragraphs the essay no longer has: nothing can be generated from them."""
    return [c for c in notes.cites() if essay.original.block(c.paragraph) is None]


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


# --- the item models ------------------------------------------------------------------------
# After Gierl & Haladyna's automatic item generation: the notes hold a small cognitive model of
# the essay (situations, reasons, statements, sequences, terms) and each function below is an
# item model that turns one kind of entry into items.


def _case_explanation(case: Case) -> dict:
    """Why the key is right (the first answer's reason) and why the most tempting trap, the
    first one written, is wrong: never the key restated."""
    return phrase("case.explanation", key_why=case.answers[0].why, trap=case.traps[0].text,
                  trap_why=case.traps[0].why)


def gen_cases(essay: Essay, notes: Notes) -> list[Item]:
    """Situations (apply) and reasons (understand): the essay's answers and the traps that fit
    this very case, so no distractor is recycled from item to item."""
    items = []
    for case in notes.cases:
        item_id = f"{essay.slug}.{case.id}"
        options = [Option(a.text, True, a.why) for a in case.answers]
        options += [Option(t.text, False, t.why) for t in case.traps]
        rng(item_id).shuffle(options)
        cites = [case.cite] + [t.cite for t in case.traps if t.cite]
        items.append(Item(
            id=item_id, type="single" if case.select == "one" else "multiple", generator=f"case-{case.model}",
            difficulty=3 if case.level == "apply" else 2, level=case.level, objectives=case.objectives,
            source=source(essay, cites), stem=case.stem, options=tuple(options),
            explanation=_case_explanation(case),
        ))
    return items


def truth_sequence(seed: str, count: int) -> list[bool]:
    """`count` answers, half true (the odd one out decided by the seed), in a seeded order with
    no run longer than three and about as many changes of answer as repeats: neither "always
    True", "same as the last one" nor "the opposite of the last one" pays off."""
    trues = count // 2 + (count % 2 and rng(seed + ":odd").random() < 0.5)
    answers = [True] * trues + [False] * (count - trues)
    r = rng(seed)
    best, best_distance = answers[:], None
    for _ in range(200):
        r.shuffle(answers)
        if max_run(answers) > MAX_RUN:
            continue
        changes = sum(a != b for a, b in zip(answers, answers[1:]))
        distance = abs(changes - (count - 1) / 2)
        if best_distance is None or distance < best_distance:
            best, best_distance = answers[:], distance
        if distance < 1:
            break
    return best


def max_run(values: list) -> int:
    longest = run = 0
    for i, value in enumerate(values):
        run = run + 1 if i and value == values[i - 1] else 1
        longest = max(longest, run)
    return longest


def gen_statements(essay: Essay, notes: Notes) -> list[Item]:
    """True/false from statements: each is shown in its true or its perturbed form, which
    differ by one documented change, so the wording cannot tell them apart."""
    answers = truth_sequence(essay.slug, len(notes.statements))
    items = []
    for statement, answer in zip(notes.statements, answers):
        shown = statement.true if answer else statement.false
        text = {lang: emphasise_negations(shown[lang], lang) for lang in AUTHORED_LANGUAGES}
        items.append(Item(
            id=f"{essay.slug}.{statement.id}", type="true_false", generator="statement",
            difficulty=2 if statement.level == "remember" else 3, level=statement.level,
            objectives=statement.objectives, perturbation="" if answer else statement.perturbation,
            source=source(essay, [statement.cite]), stem=phrase("tf.stem", statement=text), answer=answer,
            explanation=statement.why,
        ))
    return items


def gen_order(essay: Essay, notes: Notes) -> list[Item]:
    """Only from processes marked as a real sequence: a parallel list has no order to ask for."""
    items = []
    for process in notes.processes:
        if not process.sequence or len(process.steps) < 3:
            continue
        item_id = f"{essay.slug}.{process.id}"
        order = list(range(len(process.steps)))
        shuffled, seeded = order[:], rng(item_id)
        while shuffled == order:  # a list already in order would give the answer away
            seeded.shuffle(shuffled)
        options = tuple(Option(text=process.steps[i].text) for i in shuffled)
        answer = [shuffled.index(i) for i in order]
        steps = {lang: " → ".join(s.text[lang] for s in process.steps) for lang in AUTHORED_LANGUAGES}
        items.append(Item(
            id=item_id, type="order", generator="order-sequence", difficulty=3 if len(order) > 5 else 2,
            level="understand", source=source(essay, [s.cite for s in process.steps]),
            stem=phrase("order.stem", title=process.title), options=options, answer=answer,
            explanation=phrase("order.explanation", steps=steps),
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


def _names_term(term: Term, text: dict) -> bool:
    """Whether a text names the term in any of its forms, in any language: a definition that
    does cannot be matched or blanked without giving the answer away."""
    for lang in AUTHORED_LANGUAGES:
        folded = fold_option(text[lang])
        forms = [term.name(lang), *term.match.get(lang, ())]
        if any(f.strip() and fold_option(f) in folded for f in forms):
            return True
    return False


def _definitions(terms: list[Term]) -> list[Term]:
    return [t for t in terms if not _names_term(t, {l: t.meaning(l) for l in AUTHORED_LANGUAGES})]


def gen_match(essay: Essay, notes: Notes, glossary: dict[str, Term]) -> list[Item]:
    """Terms to definitions, with one definition more than there are terms (of a glossary term
    of the same kind that the essay does not use), so the last pair is never free."""
    terms = _definitions([t for t, _ in _essay_terms(essay, notes, glossary)])
    paragraphs = dict((t.id, p) for t, p in _essay_terms(essay, notes, glossary))
    used = {t.id for t in terms} | set(notes.terms)
    spare = _definitions(sorted((t for t in glossary.values() if t.id not in used), key=lambda t: t.id))
    items = []
    for number, start in enumerate(range(0, len(terms) - 2, MATCH_PROMPTS), start=1):
        group = terms[start:start + MATCH_PROMPTS]
        if len(group) < 3:
            break
        item_id = f"{essay.slug}.terms-{number}"
        r = rng(item_id)
        kin = [t for t in spare if t.category in {g.category for g in group}] or spare
        extra = r.choice(kin)
        spare = [t for t in spare if t.id != extra.id] or spare
        meanings = group + [extra]
        order = list(range(len(meanings)))
        r.shuffle(order)
        prompts = tuple(Option({l: t.name(l) for l in AUTHORED_LANGUAGES}) for t in group)
        options = tuple(Option({l: meanings[i].meaning(l) for l in AUTHORED_LANGUAGES}) for i in order)
        answer = [order.index(i) for i in range(len(group))]
        pairs = {l: ("" if l == "zh" else " ").join(f"{t.name(l)}{'：' if l == 'zh' else ': '}{t.meaning(l)}"
                                                     for t in group) for l in AUTHORED_LANGUAGES}
        items.append(Item(
            id=item_id, type="match", generator="match-term-definition", difficulty=2, level="remember",
            source=source(essay, [_term_cite(essay, t, paragraphs[t.id]) for t in group]),
            stem=phrase("match.stem"), prompts=prompts, options=options, answer=answer,
            explanation=phrase("match.explanation", pairs=pairs,
                               extra_term={l: extra.name(l) for l in AUTHORED_LANGUAGES}),
        ))
    return items


def _surface(term: Term, language: str) -> str:
    """The shortest everyday form of a term, as it would stand in a sentence."""
    forms = [f for f in term.match.get(language, ()) if f.strip()] or [term.name(language)]
    return min(forms, key=lambda f: (len(f), f))


def gen_cloze(essay: Essay, notes: Notes, glossary: dict[str, Term], limit: int = 4) -> list[Item]:
    """A definition with its term blanked, only where the definition does not name the term;
    the other options are terms of the same kind, so the blank cannot be filled by category."""
    items = []
    others = sorted(glossary.values(), key=lambda t: t.id)
    # A definition that says "not" would read as a negative stem.
    plain = [(t, p) for t, p in _essay_terms(essay, notes, glossary)
             if not any(unemphasised_negations(t.meaning(l), l) for l in AUTHORED_LANGUAGES)
             and not _names_term(t, {l: t.meaning(l) for l in AUTHORED_LANGUAGES})]
    for term, paragraph in plain[:limit]:
        item_id = f"{essay.slug}.term-{term.id}"
        key = {l: _surface(term, l) for l in AUTHORED_LANGUAGES}
        same = [t for t in others if t.id != term.id and t.category == term.category]
        if len(same) < CLOZE_OPTIONS - 1:
            continue  # terms of another kind would be ruled out by their kind alone
        by_text = {}
        for t in same:
            by_text.setdefault(tuple(_surface(t, l) for l in AUTHORED_LANGUAGES), t)
        pool = [{l: s for l, s in zip(AUTHORED_LANGUAGES, k)} for k in by_text]
        distractors = pick_distractors(item_id, key, pool, CLOZE_OPTIONS - 1)
        if len(distractors) < CLOZE_OPTIONS - 1:
            continue
        distractor_terms = [by_text[tuple(d[l] for l in AUTHORED_LANGUAGES)] for d in distractors]
        definition = {l: term.meaning(l) for l in AUTHORED_LANGUAGES}
        sentence = phrase("cloze.definition", definition=definition)
        tempting = distractor_terms[0]
        # why the key fits and the likeliest confusion does not: said on the key and after
        explanation = phrase("cloze.explanation", term=key, definition=definition,
                             other={l: _surface(tempting, l) for l in AUTHORED_LANGUAGES},
                             other_definition={l: tempting.meaning(l) for l in AUTHORED_LANGUAGES})
        options = [Option(key, True, explanation)]
        options += [Option(d, False, phrase("cloze.wrong_feedback", term=d,
                                            definition={l: t.meaning(l) for l in AUTHORED_LANGUAGES}))
                    for d, t in zip(distractors, distractor_terms)]
        items.append(Item(
            id=item_id, type="cloze", generator="cloze-term-definition", difficulty=2, level="remember",
            source=source(essay, [_term_cite(essay, term, paragraph)]),
            stem=phrase("cloze.stem", sentence=sentence), options=tuple(options), explanation=explanation,
        ))
    return items


# --- a bank --------------------------------------------------------------------------------


def balance_keys(items: list[Item], authored: list[Item]) -> list[Item]:
    """Place each single-key item's key where the bank (authored items included) has the
    fewest keys so far, so no position is a pattern a learner can exploit."""
    counts = Counter()
    for item in authored:
        if item.type in ("single", "cloze") and len(item.keys) == 1:
            counts[item.keys[0]] += 1
    balanced = []
    for item in items:
        if item.type not in ("single", "cloze"):
            balanced.append(item)
            continue
        options = list(item.options)
        key = next(o for o in options if o.correct)
        others = [o for o in options if not o.correct]
        # any position the bank has used least (or once more than least), chosen by the seed:
        # always the emptiest one would make "not where the last key was" a pattern
        fewest = min(counts[p] for p in range(len(options)))
        open_positions = [p for p in range(len(options)) if counts[p] <= fewest + 1]
        position = rng(item.id + ":key").choice(open_positions)
        counts[position] += 1
        balanced.append(replace(item, options=tuple(others[:position] + [key] + others[position:])))
    return balanced


def interleave(items: list[Item]) -> list[Item]:
    """The bank's display order: item types taken in turn, so a page is not eight true/false
    items in a row and the position of an item says nothing about its kind."""
    by_type: dict[str, list[Item]] = {}
    for item in items:
        by_type.setdefault(item.type, []).append(item)
    queues = sorted(by_type.values(), key=len, reverse=True)
    out = []
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out


def generate_items(essay: Essay, notes: Notes, glossary: list[Term], authored: list[Item]) -> list[Item]:
    terms = {t.id: t for t in glossary}
    items = (gen_cases(essay, notes) + gen_statements(essay, notes) + gen_order(essay, notes)
             + gen_match(essay, notes, terms) + gen_cloze(essay, notes, terms))
    return interleave(balance_keys(items, authored))


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
        missing = missing_cites(essay, essay_notes)
        if missing:
            from crosstrain.errors import CrosstrainError

            raise CrosstrainError(missing[0].origin, f"cites paragraph {missing[0].paragraph}, which {slug} does not have",
                                  "cite a paragraph id from the essay's original text, then run `crosstrain generate`")
        path = quizzes / f"{slug}.yml"
        kept = authored_part(path)
        parsed = yaml.safe_load(kept) if kept.strip() else []
        authored = [item_from_dict(d, None, ()) for d in parsed or []]
        text = bank_text(slug, slug, kept, generate_items(essay, essay_notes, corpus.glossary, authored))
        if write_if_changed(path, text):
            changed.append(path)
    return changed
