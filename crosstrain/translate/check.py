"""Translation rules: alignment with the original, staleness, coverage."""

from __future__ import annotations

from crosstrain.checks import WARNING, problem, rule
from crosstrain.model import TRANSLATION


def _translations(corpus):
    for essay in corpus.essays.values():
        for text in essay.texts.values():
            if text.role == TRANSLATION:
                yield essay, text


@rule("T001", "translated paragraph cites a paragraph the original does not have")
def unknown_paragraph(corpus):
    """A translation block must carry the id of the original paragraph it renders.

    Fix: give the block the id of the paragraph it translates (see the original's
    `<locale>.md`), or delete it if that paragraph was removed from the essay."""
    for essay, text in _translations(corpus):
        known = {b.id for b in essay.original.blocks}
        for block in text.blocks:
            if block.id not in known:
                yield problem("T001", block.origin, f"{essay.slug}#{block.id}@{text.locale}",
                              f"the original ({essay.original_locale}) has no paragraph {block.id}")


@rule("T002", "original paragraph changed after it was translated", WARNING)
def stale_paragraph(corpus):
    """Each translated block records the sha256 of the original paragraph it was made from.
    When the original is edited, the hash no longer matches and the translation may say
    something the original no longer says.

    Fix: update the translation, then set its `source_sha256` to the hash that
    `crosstrain status --hashes` prints for the paragraph."""
    for essay, text in _translations(corpus):
        for block in text.blocks:
            original = essay.original.block(block.id)
            if original is not None and block.source_sha256 != original.sha256:
                yield problem("T002", block.origin, f"{essay.slug}#{block.id}@{text.locale}",
                              "the original paragraph changed after this was translated")


@rule("T003", "original paragraph has no translation", WARNING)
def missing_paragraph(corpus):
    """A translation should render every paragraph of the original; a missing one leaves a
    gap the reader cannot see.

    Fix: add a block with the missing id (and the original's hash) to the translation."""
    for essay, text in _translations(corpus):
        have = {b.id for b in text.blocks}
        for block in essay.original.blocks:
            if block.id not in have:
                yield problem("T003", text.origin, f"{essay.slug}#{block.id}@{text.locale}",
                              f"paragraph {block.id} of the original is not translated")


@rule("T004", "translation is not marked as made from the essay's original")
def wrong_source_language(corpus):
    """`translated_from` in a translation's front matter must name the essay's original
    locale, so readers are told the truth about where the text came from.

    Fix: set `translated_from:` to the original's locale (the stem of `original:` in
    essay.yml)."""
    for essay, text in _translations(corpus):
        if text.translated_from != essay.original_locale:
            yield problem("T004", text.origin, f"{essay.slug}@{text.locale}",
                          f"translated_from is {text.translated_from!r}, the original is {essay.original_locale!r}")


def derived_hant_texts(corpus):
    """(origin, subject, Simplified text, which field) for every text the zh-Hant site derives from zh:
    essays without a Traditional text, quiz items, modules and glossary terms."""
    from crosstrain.translate import SHOWN_DERIVED, resolve
    from crosstrain.translate.vocabulary import chinese_fields

    for essay in corpus.essays.values():
        shown = resolve(essay, "zh-Hant")
        if shown.status == SHOWN_DERIVED:
            yield shown.base.origin, f"{essay.slug}@zh-Hant", shown.base.title, "title"
            for block in shown.base.blocks:
                yield block.origin, f"{essay.slug}#{block.id}@zh-Hant", block.text, "paragraph"
    things = [*((item.origin, item.id, item) for bank in corpus.banks for item in bank.items),
              *((module.origin, module.id, module) for module in corpus.modules),
              *((term.origin, term.id, term) for term in corpus.glossary)]
    for origin, subject, thing in things:
        for where, text in chinese_fields(thing):
            yield origin, subject, text, where


@rule("T005", "derived zh-Hant text uses a mainland-only word")
def mainland_vocabulary(corpus):
    """zh-Hant pages are derived from zh for readers in Taiwan; a word only mainland
    writers use (營銷, 信息, 視頻 …) reads as foreign there, even in Traditional characters.
    The list is OpenCC's own Taiwan phrase dictionary (zh-mainland-seed.txt) plus the
    reviewed words under `mainland_only` in crosstrain/translate/zh-phrases.yml.

    Fix: add the word's Taiwan form under `to_hant: phrases:` in zh-phrases.yml (or reword
    the zh text); if Taiwan writes the word too in this sense, list it under `also_taiwan`."""
    from crosstrain.translate import derive
    from crosstrain.translate.vocabulary import mainland_hits

    for origin, subject, text, where in derived_hant_texts(corpus):
        hits = mainland_hits(derive(text, "zh-Hant"))
        if hits:
            yield problem("T005", origin, subject,
                          f"{where}: mainland-only {', '.join(dict.fromkeys(hits))} in the derived zh-Hant text")
