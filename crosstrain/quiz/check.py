"""Quiz rules: every item grounded in its source, whole in every language, free of the
item-writing flaws that let a learner guess. One function per rule, registered by code."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from crosstrain.checks import WARNING, problem, rule
from crosstrain.locales import AUTHORED_LANGUAGES
from crosstrain.quiz.flaws import fold_option, says_all_or_none, unemphasised_negations
from crosstrain.quiz.model import AUTHORED, BLANK, CHOICE_TYPES

MIN_OPTIONS, MAX_OPTIONS = 3, 5
SHARE_LIMIT = 0.4  # of a bank's single-key items: key in one position, or key the longest
MIN_ITEMS_FOR_SHARE_RULES = 5


def _items(corpus):
    for bank in corpus.banks:
        for item in bank.items:
            yield bank, item


def fold_space(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text.replace("\u00a0", " ")).split())


def _texts(item):
    """(field name, {language: text}) for every translatable text of an item."""
    yield "stem", item.stem
    yield "explanation", item.explanation
    for name in ("prompts", "options"):
        for index, option in enumerate(getattr(item, name)):
            yield f"{name}[{index}].text", option.text
            if option.feedback or item.type in ("single", "multiple", "cloze"):
                yield f"{name}[{index}].feedback", option.feedback


@rule("Q001", "item or bank does not follow the bank schema")
def schema(corpus):
    """Every item needs id, type (single, multiple, true_false, order, match, cloze),
    generator, difficulty 1-3, source (essay, paragraphs, quote, sha256), stem, explanation
    and the fields of its type; texts are keyed by vi, en, zh only.

    Fix: compare the item with a valid one in the same bank; the message names the field.
    The schema is crosstrain/quiz/schema.json."""
    for p in corpus.schema_problems:
        yield problem("Q001", p.origin, p.subject, p.message)


@rule("Q002", "item id used more than once across the banks")
def duplicate_ids(corpus):
    """Ids link results, exports and module objectives to an item; two items with one id
    make all of those ambiguous.

    Fix: rename one of them (generated ids come from the notes' entry ids)."""
    first = {}
    for bank, item in _items(corpus):
        if item.id in first:
            yield problem("Q002", item.origin, item.id, f"id already used at {first[item.id]}")
        else:
            first[item.id] = item.origin


@rule("Q003", "text missing in a language")
def missing_language(corpus):
    """Learners read every item in vi, en or zh (zh-Hant is derived); a missing text shows
    an empty question or option in that locale.

    Fix: write the missing translation; keep options in the same order in every language."""
    for bank, item in _items(corpus):
        for name, text in _texts(item):
            missing = [lang for lang in AUTHORED_LANGUAGES if not str(text.get(lang, "")).strip()]
            if missing:
                yield problem("Q003", item.origin, item.id, f"{name}: no {', '.join(missing)} text")


@rule("Q004", "answer key does not fit the item type")
def key_shape(corpus):
    """single and cloze: exactly one correct option; multiple: at least one right and one
    wrong; 3-5 options for choice items; true_false: a boolean answer; order: the answer is
    a permutation of the options; match: each prompt matched to a different option.

    Fix: correct the `correct:` flags or the `answer:` list."""
    for bank, item in _items(corpus):
        for message in _key_problems(item):
            yield problem("Q004", item.origin, item.id, message)


def _is_permutation(answer, size: int) -> bool:
    return isinstance(answer, list) and sorted(answer) == list(range(size)) and size >= 2


def _key_problems(item):
    count = len(item.options)
    if item.type in CHOICE_TYPES and not MIN_OPTIONS <= count <= MAX_OPTIONS:
        yield f"{count} options; a {item.type} item needs {MIN_OPTIONS} to {MAX_OPTIONS}"
    keys = len(item.keys)
    if item.type in ("single", "cloze") and keys != 1:
        yield f"{keys} correct options; a {item.type} item needs exactly one"
    if item.type == "multiple" and not 0 < keys < count:
        yield f"{keys} of {count} options correct; a multiple item needs at least one right and one wrong"
    if item.type == "true_false" and not isinstance(item.answer, bool):
        yield f"answer is {item.answer!r}; a true_false item needs true or false"
    if item.type == "order" and not _is_permutation(item.answer, count):
        yield f"answer {item.answer!r} is not an ordering of the {count} options"
    if item.type == "match":
        answer = item.answer if isinstance(item.answer, list) else []
        if len(item.prompts) < 2 or len(item.prompts) > count:
            yield f"{len(item.prompts)} prompts but {count} options; each prompt needs its own option"
        elif (len(answer) != len(item.prompts) or len(set(answer)) != len(answer)
              or not all(isinstance(a, int) and 0 <= a < count for a in answer)):
            yield f"answer {item.answer!r} does not match each prompt to a different option"
    if item.type == "cloze":
        for lang in AUTHORED_LANGUAGES:
            if item.stem.get(lang, "").count(BLANK) != 1:
                yield f"stem ({lang}) needs exactly one blank {BLANK}"


@rule("Q005", "two options look the same")
def duplicate_options(corpus):
    """Options that differ only in case, width (full-/half-width), Unicode form or spacing
    look identical to a learner, and one of them is wrong by accident.

    Fix: reword or remove one of them."""
    for bank, item in _items(corpus):
        for name in ("options", "prompts"):
            options = getattr(item, name)
            for lang in AUTHORED_LANGUAGES:
                seen = {}
                for index, option in enumerate(options):
                    folded = fold_option(option.text.get(lang, ""))
                    if folded and folded in seen:
                        yield problem("Q005", item.origin, item.id,
                                      f"{name} {seen[folded] + 1} and {index + 1} read the same in {lang}")
                    seen.setdefault(folded, index)


@rule("Q006", "source does not exist, or the quote is not in it")
def source_exists(corpus):
    """An item must be grounded: its essay and every cited paragraph exist, and the quote
    occurs verbatim (after NFC and whitespace folding) in one of the cited paragraphs of
    the original. Otherwise the "see the source" link points at nothing, or at a text that
    does not support the answer.

    Fix: cite the paragraph that holds the quote (ids are in content/essays/<slug>/<locale>.md),
    or copy the quote from it character for character."""
    for bank, item in _items(corpus):
        essay = corpus.essays.get(item.source.essay)
        if essay is None:
            yield problem("Q006", item.origin, item.id, f"no essay {item.source.essay!r}")
            continue
        texts = []
        for pid in item.source.paragraphs:
            block = essay.original.block(pid)
            if block is None:
                yield problem("Q006", item.origin, item.id, f"essay {essay.slug} has no paragraph {pid}")
            else:
                texts.append(corpus.folded(essay.slug, pid))
        quote = fold_space(item.source.quote)
        if texts and not any(quote in text for text in texts):
            yield problem("Q006", item.origin, item.id,
                          f"quote {item.source.quote[:40]!r} is not in {', '.join(item.source.paragraphs)}")


@rule("Q007", "item made from a paragraph that has changed since")
def stale_source(corpus):
    """Each item records the sha256 of the paragraphs it was made from; a different hash
    means the original changed and the item may no longer be true to it. An error: a quiz
    must not test what the essay no longer says (`crosstrain build` regenerates generated
    items first, so only authored items need a person).

    Fix: review the item against the paragraph; for generated items edit the notes and run
    `crosstrain generate`; for authored items update `sha256` after review."""
    for bank, item in _items(corpus):
        essay = corpus.essays.get(item.source.essay)
        if essay is None:
            continue
        for pid in item.source.paragraphs:
            block = essay.original.block(pid)
            if block is None:
                continue
            recorded = item.source.sha256.get(pid)
            if recorded != block.sha256:
                yield problem("Q007", item.origin, item.id,
                              f"{pid} changed since the item was made" if recorded else f"no sha256 recorded for {pid}")


@rule("Q008", "'all/none of the above' option")
def all_or_none(corpus):
    """"All of the above" and "none of the above" (tất cả các đáp án trên, 以上都是,
    以上皆非…) test option logic rather than knowledge, and break when options are shuffled.

    Fix: replace the option with a plausible distractor."""
    for bank, item in _items(corpus):
        texts = [("stem", item.stem)] + [(f"options[{i}]", o.text) for i, o in enumerate(item.options)]
        for name, text in texts:
            for lang, value in text.items():
                found = says_all_or_none(str(value))
                if found:
                    yield problem("Q008", item.origin, item.id, f"{name} ({lang}): {found!r}")


def _single_key_items(bank):
    return [i for i in bank.items if i.type in ("single", "cloze") and len(i.keys) == 1]


@rule("Q009", "the key is the longest option too often")
def key_longest(corpus):
    """When the right answer is usually the longest option, test-wise learners score without
    reading. The limit is 40 % of a bank's single-key items, in every language.

    Fix: lengthen a distractor or shorten the key in some of the items listed."""
    for bank in corpus.banks:
        items = _single_key_items(bank)
        if len(items) < MIN_ITEMS_FOR_SHARE_RULES:
            continue
        for lang in AUTHORED_LANGUAGES:
            longest = [i for i in items
                       if max(range(len(i.options)), key=lambda k: len(i.options[k].text.get(lang, ""))) == i.keys[0]]
            if len(longest) > SHARE_LIMIT * len(items):
                yield problem("Q009", bank.origin, bank.name,
                              f"the key is the longest option ({lang}) in {len(longest)} of {len(items)} items: "
                              + ", ".join(i.id for i in longest[:5]) + ("…" if len(longest) > 5 else ""))


@rule("Q010", "keys bunch in one position")
def key_position(corpus):
    """If one position (say, the second option) holds most keys, learners can guess it.
    The limit is 40 % of a bank's single-key items in any one position.

    Fix: move the key in some items; `crosstrain generate` balances generated items."""
    for bank in corpus.banks:
        items = _single_key_items(bank)
        if len(items) < MIN_ITEMS_FOR_SHARE_RULES:
            continue
        positions = Counter(i.keys[0] for i in items)
        position, count = positions.most_common(1)[0]
        if count > SHARE_LIMIT * len(items):
            yield problem("Q010", bank.origin, bank.name,
                          f"{count} of {len(items)} keys are option {position + 1}")


_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


def _question(stem: str) -> str:
    """The sentence that asks: a situation may tell what did not happen, the question must
    not hide a "not"."""
    sentences = [s for s in _SENTENCE_END.split(stem.strip()) if s.strip()]
    return sentences[-1] if sentences else stem


@rule("Q011", "negative stem without emphasis")
def negative_stem(corpus):
    """A "not" that a reader can miss turns a right answer into a wrong one. Negations in
    the question (a true/false statement, or the asking sentence of a stem) must stand out:
    in capitals (NOT, KHÔNG) or in **bold** (**不**).

    Fix: rewrite the stem positively, or emphasise the negation."""
    for bank, item in _items(corpus):
        for lang in AUTHORED_LANGUAGES:
            stem = item.stem.get(lang, "")
            found = unemphasised_negations(stem if item.type == "true_false" else _question(stem), lang)
            if found:
                yield problem("Q011", item.origin, item.id, f"stem ({lang}) has {found[0]!r} without emphasis")


@rule("Q012", "essay without quiz items", WARNING)
def essay_coverage(corpus):
    """Every essay should be testable: a learner who reads it expects a quiz. A warning,
    not an error: a newly dropped-in essay builds and reads before anyone writes its notes
    (`crosstrain check --strict` makes it fail).

    Fix: write content/notes/<slug>.yml and run `crosstrain generate`, or add authored
    items to quizzes/<slug>.yml."""
    tested = {item.source.essay for _, item in _items(corpus)}
    for slug, essay in corpus.essays.items():
        if slug not in tested:
            yield problem("Q012", essay.origin, slug, "no quiz item cites this essay")


@rule("N001", "note cites a paragraph that does not exist or does not hold its quote")
def note_sources(corpus):
    """Notes feed the generators; a quote that is not in its paragraph makes every item
    built from it ungrounded.

    Fix: correct `paragraph:` or copy the `quote:` from the original text exactly."""
    for slug, notes in corpus.notes.items():
        essay = corpus.essays.get(slug)
        if essay is None:
            yield problem("N001", notes.origin, slug, "no essay with this slug")
            continue
        for cite in notes.cites():
            block = essay.original.block(cite.paragraph)
            if block is None:
                yield problem("N001", cite.origin, slug, f"no paragraph {cite.paragraph}")
            elif fold_space(cite.quote) not in corpus.folded(slug, cite.paragraph):
                yield problem("N001", cite.origin, slug, f"quote {cite.quote[:40]!r} is not in {cite.paragraph}")


@rule("N002", "note names a glossary term that does not exist")
def note_terms(corpus):
    """Term ids in notes pick the glossary entries for match and cloze items.

    Fix: use an id from content/glossary.yml, or add the term there."""
    known = {t.id for t in corpus.glossary}
    for slug, notes in corpus.notes.items():
        for term in notes.terms:
            if term not in known:
                yield problem("N002", notes.origin, slug, f"unknown glossary term {term!r}")


def bank_summary(corpus) -> list[str]:
    """A table of items per bank, per type, and texts per language."""
    types = ("single", "multiple", "true_false", "order", "match", "cloze")
    width = max([len(b.name) for b in corpus.banks] + [4])
    lines = [f"{'bank':<{width}} {'items':>5} " + " ".join(f"{t[:6]:>6}" for t in types)
             + "  authored  " + " ".join(f"{l:>4}" for l in AUTHORED_LANGUAGES)]
    totals = Counter()
    for bank in corpus.banks:
        by_type = Counter(i.type for i in bank.items)
        authored = sum(1 for i in bank.items if i.generator == AUTHORED)
        by_lang = {l: sum(1 for i in bank.items if i.stem.get(l, "").strip()) for l in AUTHORED_LANGUAGES}
        totals.update(by_type)
        totals["items"] += len(bank.items)
        totals["authored"] += authored
        for lang, n in by_lang.items():
            totals[lang] += n
        lines.append(f"{bank.name:<{width}} {len(bank.items):>5} " + " ".join(f"{by_type[t]:>6}" for t in types)
                     + f"  {authored:>8}  " + " ".join(f"{by_lang[l]:>4}" for l in AUTHORED_LANGUAGES))
    lines.append(f"{'total':<{width}} {totals['items']:>5} " + " ".join(f"{totals[t]:>6}" for t in types)
                 + f"  {totals['authored']:>8}  " + " ".join(f"{totals[l]:>4}" for l in AUTHORED_LANGUAGES))
    return lines


_VERDICT = {
    "en": (re.compile(r"^(correct|right|yes)\b", re.I), re.compile(r"^(wrong|incorrect|no|not this one)\b", re.I)),
    "vi": (re.compile(r"^(đúng|chính xác)\b", re.I), re.compile(r"^(sai|không|chưa đúng)\b", re.I)),
    "zh": (re.compile(r"^(正确|正確|对|對)(?=[。：:，,！!\s])"), re.compile(r"^(错误|錯誤|错|錯|不对|不對|不正确|不正確)")),
}


@rule("Q013", "option feedback contradicts the key")
def feedback_contradicts_key(corpus):
    """Feedback that opens with "Correct"/"Đúng"/"正确" on a wrong option (or "Wrong"/"Sai"/
    "错误" on the key) means the key or the feedback was changed without the other; a
    learner is told two different things.

    Fix: check which option is right according to the source, then fix `correct:` or the
    feedback."""
    for bank, item in _items(corpus):
        for index, option in enumerate(item.options):
            for lang, (positive, negative) in _VERDICT.items():
                feedback = option.feedback.get(lang, "").strip()
                if option.correct and negative.search(feedback):
                    yield problem("Q013", item.origin, item.id,
                                  f"option {index + 1} is the key but its feedback ({lang}) says it is wrong")
                    break
                if not option.correct and positive.search(feedback):
                    yield problem("Q013", item.origin, item.id,
                                  f"option {index + 1} is not a key but its feedback ({lang}) says it is right")
                    break


@rule("Q014", "generated item differs from what its notes generate")
def generated_drift(corpus):
    """Generated items are a pure function of content/notes and the glossary; a generated
    item that differs (a swapped key, an edited option) was edited by hand, or the notes
    changed without `crosstrain generate`. Either way the bank no longer says what the
    notes say.

    Fix: make the change in content/notes/<slug>.yml and run `crosstrain generate`; to keep
    a hand-made item, move it above the marker line and set `generator: authored`."""
    from crosstrain.quiz.generate import generate_items, missing_cites

    for bank in corpus.banks:
        notes = corpus.notes.get(bank.essay or "")
        essay = corpus.essays.get(bank.essay or "")
        if notes is None or essay is None or missing_cites(essay, notes):
            continue  # N001 names the cites that no longer hold
        authored = [i for i in bank.items if i.generator == AUTHORED]
        expected = {i.id: i for i in generate_items(essay, notes, corpus.glossary, authored)}
        for item in bank.items:
            if item.generator == AUTHORED:
                continue
            made = expected.get(item.id)
            if made is None:
                yield problem("Q014", item.origin, item.id, "the notes no longer generate this item")
            elif made != item:
                yield problem("Q014", item.origin, item.id, f"differs from the generated item in {_first_difference(made, item)}")


def _first_difference(made, found) -> str:
    for name in ("type", "stem", "options", "prompts", "answer", "source", "explanation", "difficulty", "generator"):
        if getattr(made, name) != getattr(found, name):
            if name == "options" and [o.correct for o in made.options] != [o.correct for o in found.options]:
                return "its key"
            return name
    return "objectives"
