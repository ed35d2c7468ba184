"""Bank-level quiz rules: what a test-wise learner exploits across items, not within one.

Each rule looks at a bank (or a quiz page) as a whole: distractors recycled from item to
item, options that reappear as statements, answer patterns in the order shown, uniform key
counts, free last pairs, keys leaked by the stem, explanations that only repeat the key,
emphasis on words that negate nothing, too few items above recall, and, last, the
test-wise guesser itself (crosstrain/quiz/guess.py).
"""

from __future__ import annotations

import re
from collections import defaultdict

from crosstrain.checks import problem, rule
from crosstrain.locales import AUTHORED_LANGUAGES
from crosstrain.quiz.flaws import NEGATION, fold_option
from crosstrain.quiz.generate import MAX_RUN, max_run
from crosstrain.quiz.guess import statement_of, attack, quizzes_of, tokens
from crosstrain.quiz.model import CHOICE_TYPES

MAX_DISTRACTOR_USES = 2
TRUE_SHARE = (0.4, 0.6)
MIN_ITEMS_FOR_SHARE = 5
MIN_NEW_WORDS = 3  # an explanation must add at least this many words the key and stem lack
MIN_HIGHER_SHARE = 0.5  # of a bank's items at understand or apply


def rendered_quizzes(corpus):
    """Every quiz as a page shows it: each bank, each module form, in display order."""
    from crosstrain.quiz.forms import FORMS, build_forms, module_form_bank

    scopes = [(bank.name, bank, list(bank.items)) for bank in corpus.banks]
    items = {i.id: i for b in corpus.banks for i in b.items}
    for module in corpus.modules:
        forms = build_forms(module, items)
        for name in FORMS:
            bank = module_form_bank(module, name, forms)
            scopes.append((bank.name, bank, list(bank.items)))
    return scopes


@rule("Q015", "a distractor is reused across a bank")
def distractor_reuse(corpus):
    """A wrong option that comes back item after item teaches learners to avoid it: the
    option seen only once is then the key. A distractor may stand in at most two items of
    a bank.

    Fix: write traps for the situation at hand in content/notes (situations, reasons)."""
    for bank in corpus.banks:
        reported = set()
        for lang in AUTHORED_LANGUAGES:
            uses = defaultdict(list)
            for item in bank.items:
                if item.type in CHOICE_TYPES:
                    for option in item.options:
                        if not option.correct:
                            uses[fold_option(option.text.get(lang, ""))].append(item)
            for text, items in uses.items():
                ids = tuple(dict.fromkeys(i.id for i in items))
                if text and len(ids) > MAX_DISTRACTOR_USES and ids not in reported:
                    reported.add(ids)
                    yield problem("Q015", items[-1].origin, items[-1].id,
                                  f"distractor ({lang}) {text[:60]!r} stands in {len(ids)} items: " + ", ".join(ids))


@rule("Q016", "an option is repeated as another item's statement")
def option_as_statement(corpus):
    """When a true/false statement is word for word an option elsewhere on the page, one
    item answers the other (a distractor there is a false statement here).

    Fix: give true/false items statements of their own (content/notes `statements`)."""
    for bank in corpus.banks:
        options = {}
        for item in bank.items:
            for option in item.options:
                options.setdefault(fold_option(option.text.get("en", "")), item)
        for item in bank.items:
            if item.type != "true_false":
                continue
            statement = fold_option(statement_of(item.stem.get("en", ""), "en"))
            other = options.get(statement)
            if other is not None and other.id != item.id:
                yield problem("Q016", item.origin, item.id, f"its statement is an option of {other.id}")


@rule("Q017", "answers form a pattern in the order shown")
def answer_pattern(corpus):
    """True/false answers must be balanced (40-60 % true on a page of five or more, else
    within one) and no answer may run more than three times in a row as displayed; no key
    position may either. Otherwise "always true" or "same as the last one" pays.

    Fix: `crosstrain generate` balances generated statements; move authored items, or add
    statements so the page can balance."""
    for name, bank, items in rendered_quizzes(corpus):
        truths = [i.answer for i in items if i.type == "true_false"]
        if truths:
            share = sum(truths) / len(truths)
            if (len(truths) >= MIN_ITEMS_FOR_SHARE and not TRUE_SHARE[0] <= share <= TRUE_SHARE[1]) or \
                    (len(truths) < MIN_ITEMS_FOR_SHARE and abs(2 * sum(truths) - len(truths)) > 1):
                yield problem("Q017", bank.origin, name,
                              f"{sum(truths)} of {len(truths)} true/false answers are True ({share:.0%})")
            if max_run(truths) > MAX_RUN:
                yield problem("Q017", bank.origin, name,
                              f"{max_run(truths)} true/false items in a row have the same answer")
        positions = [i.keys[0] for i in items if i.type in ("single", "cloze") and len(i.keys) == 1]
        if max_run(positions) > MAX_RUN:
            yield problem("Q017", bank.origin, name, f"{max_run(positions)} items in a row have the key in one position")


@rule("Q018", "every multiple-response item has the same number of keys")
def uniform_key_count(corpus):
    """If every "choose all that apply" item has three keys, learners pick three. Key
    counts must vary across a bank's multiple items (when it has three or more).

    Fix: vary the number of answers (1-3) of `select: all` situations in content/notes."""
    for bank in corpus.banks:
        counts = [len(i.keys) for i in bank.items if i.type == "multiple"]
        if len(counts) >= 3 and len(set(counts)) == 1:
            yield problem("Q018", bank.origin, bank.name,
                          f"all {len(counts)} multiple items have {counts[0]} keys of their options")


@rule("Q019", "a match item has no extra option")
def match_without_spare(corpus):
    """With as many options as prompts, the last pair is free and each right pair makes
    the next easier. A match item needs at least one option more than it has prompts.

    Fix: add a definition that fits none of the prompts (the generator adds one)."""
    for bank in corpus.banks:
        for item in bank.items:
            if item.type == "match" and len(item.options) <= len(item.prompts):
                yield problem("Q019", item.origin, item.id,
                              f"{len(item.prompts)} prompts and {len(item.options)} options; add a spare option")


def _term_forms(corpus) -> dict[str, set[str]]:
    """Folded text of each glossary form -> folded forms of the same term, per term."""
    forms = {}
    for term in corpus.glossary:
        names = {fold_option(f) for lang in AUTHORED_LANGUAGES
                 for f in (term.name(lang), *term.match.get(lang, ())) if f.strip()}
        for name in names:
            forms[name] = names
    return forms


@rule("Q020", "the stem gives the key away")
def answer_leak(corpus):
    """A stem that contains the key (or, for a term, any of the term's glossary forms) is
    answered by matching words, not by understanding.

    Fix: reword the stem or the definition so it does not name the answer."""
    forms = _term_forms(corpus)
    for bank in corpus.banks:
        for item in bank.items:
            if item.type not in CHOICE_TYPES:
                continue
            for lang in AUTHORED_LANGUAGES:
                stem = fold_option(item.stem.get(lang, ""))
                for index in item.keys:
                    key = fold_option(item.options[index].text.get(lang, ""))
                    leaked = [f for f in forms.get(key, {key}) if len(f) >= 2 and f in stem] if key else []
                    if leaked:
                        yield problem("Q020", item.origin, item.id, f"stem ({lang}) contains the key {leaked[0]!r}")
                        break
                else:
                    continue
                break


_ANSWER_WORDS = re.compile(r"^(correct|true|false|yes|no|right|wrong|đúng|sai|正确|正確|错误|錯誤|对|對|不对)\W*",
                           re.IGNORECASE)


def _new_words(text: str, known: set[str], lang: str) -> int:
    return len(tokens(_ANSWER_WORDS.sub("", text), lang) - known)


@rule("Q021", "the explanation adds nothing to the key")
def empty_explanation(corpus):
    """"Correct. This is what the essay says." teaches nothing. An explanation (and the
    feedback on a key) must say why the answer is right, in words the key and the stem do
    not already hold.

    Fix: say the essay's reason, and why the most tempting distractor is wrong."""
    for bank in corpus.banks:
        for item in bank.items:
            for lang in AUTHORED_LANGUAGES:
                known = tokens(item.stem.get(lang, ""), lang)
                for index in item.keys if item.type in CHOICE_TYPES else ():
                    known |= tokens(item.options[index].text.get(lang, ""), lang)
                if _new_words(item.explanation.get(lang, ""), known, lang) < MIN_NEW_WORDS:
                    yield problem("Q021", item.origin, item.id, f"explanation ({lang}) only restates the key")
                    break
                generic = [i for i in (item.keys if item.type in CHOICE_TYPES else ())
                           if _new_words(item.options[i].feedback.get(lang, ""), known, lang) < MIN_NEW_WORDS - 1]
                if generic:
                    yield problem("Q021", item.origin, item.id,
                                  f"feedback on the key ({lang}) says nothing the key does not")
                    break


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CAPS_NEGATION = re.compile(r"\b(KHÔNG|CHẲNG|CHƯA|NOT|NEVER|CANNOT|EXCEPT)\b")


def false_emphasis(text: str, lang: str) -> list[str]:
    """Emphasised words (bold, or a negation in capitals) that negate nothing in context:
    "KHÔNG tách rời" means inseparable, "**不**断" is "constantly"."""
    plain = _BOLD.sub(lambda m: m.group(1), text)
    lowered = plain.lower()
    real = {m.start() for m in NEGATION[lang].finditer(lowered)}
    out = []
    offset = 0
    for m in _BOLD.finditer(text):
        start = m.start() - offset
        offset += 4
        if start not in real:
            out.append(m.group(1))
    if lang != "zh":
        out += [m.group(0) for m in _CAPS_NEGATION.finditer(plain) if m.start() not in real]
    return out


@rule("Q022", "emphasis on a word that negates nothing")
def emphasis_without_negation(corpus):
    """Capitals and bold mark a negation so that no reader misses it; on a word that
    negates nothing (a phrase like "không tách rời", "不断") they mislead and hint.

    Fix: remove the emphasis; the generator emphasises only real negations."""
    for bank in corpus.banks:
        for item in bank.items:
            for lang in AUTHORED_LANGUAGES:
                wrong = false_emphasis(item.stem.get(lang, ""), lang)
                if wrong:
                    yield problem("Q022", item.origin, item.id, f"stem ({lang}) emphasises {wrong[0]!r}")


@rule("Q023", "too few items above recall")
def recall_heavy(corpus):
    """Objectives say explain, compare, apply; a bank that is mostly recognition of
    sentences does not measure them. At least half of a bank's items must be at the
    understand or apply level.

    Fix: add situations (apply) or reasons (understand) to content/notes."""
    for bank in corpus.banks:
        if not bank.items:
            continue
        higher = sum(i.level in ("understand", "apply") for i in bank.items)
        if higher < MIN_HIGHER_SHARE * len(bank.items):
            yield problem("Q023", bank.origin, bank.name,
                          f"{higher} of {len(bank.items)} items are at understand or apply level")


@rule("Q024", "a knowledge-free strategy beats chance")
def guessable(corpus):
    """Someone who has not read the essay must score near chance. The test-wise guesser
    (crosstrain/quiz/guess.py: longest option, least-repeated option, cross-item lookup,
    absolute words, stem overlap, fixed position, runs, modal key count, id patterns) is run
    on every bank, every module test and the whole published set, in every locale; a
    strategy more than 15 points above chance on 20 or more items with p < 0.01 is a leak.

    Fix: the message names the strategy; remove the cue it exploits (see the rules above)."""
    rendered = rendered_quizzes(corpus)
    scopes = [(name, items) for name, _, items in rendered]
    scopes.append(("all banks", [i for b in corpus.banks for i in b.items]))
    origins = {name: bank.origin for name, bank, _ in rendered}
    fallback = corpus.banks[0].origin if corpus.banks else None
    for result in attack(quizzes_of(scopes)):
        if result.leak:
            yield problem("Q024", origins.get(result.quiz, fallback), result.quiz,
                          f"{result.strategy} ({result.language}): {result.accuracy:.0%} on {result.items} items, "
                          f"chance {result.chance:.0%}, p = {result.p_value:.1e}")
