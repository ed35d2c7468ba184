"""The paragraphs of an essay page, as Markdown with inline HTML.

Built with string formatting, not a Jinja loop: an essay has dozens of blocks and a corpus
thousands of essays, and the loop's attribute lookups and escaping were most of the time
the render stage took. The page around the body stays in essay.md.j2.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from crosstrain.render.markup import label_html, md_inline
from crosstrain.render.strings import Strings
from crosstrain.render.views import EssayView, ShownBlock


def essay_body(view: EssayView, t: Strings) -> Markup:
    text_lang, original_lang = view.text_lang, view.original_lang
    # looked up once per page, not once per paragraph
    anchor_label = str(escape(t("essay.paragraph_link", id="@ID@")))
    stale_text, stale_link = escape(t("essay.stale")), escape(t("essay.stale_link"))

    def stale_note(shown: ShownBlock) -> str:
        return (f'<p class="ct-stale" role="note">{stale_text} <a href="{escape(view.original_url(shown.id))}" '
                f'hreflang="{original_lang}">{stale_link}</a></p>\n')

    out: list[str] = []
    for shown in view.blocks:
        block_id = shown.id
        if shown.is_heading:
            out.append(f'## {md_inline(shown.block.text)} {{ #{block_id} lang="{text_lang}" }}\n\n')
            if shown.stale:
                out.append(stale_note(shown) + "\n")
            if shown.original:
                out.append(f'<p class="ct-orig ct-orig-heading" data-pagefind-ignore lang="{original_lang}">'
                           f"{escape(shown.original.text)}</p>\n\n")
            continue
        if shown.original:
            out.append(f'<div class="ct-pair{" ct-pair--stale" if shown.stale else ""}">')
        label = label_html(shown.label) if shown.label else ""
        out.append(f'<p id="{block_id}" class="ct-block ct-{shown.kind}" lang="{text_lang}">{label}{shown.html} '
                   f'<a class="headerlink" href="#{block_id}" aria-label="{anchor_label.replace("@ID@", block_id)}">'
                   "¶</a></p>\n")
        if shown.stale:
            out.append(stale_note(shown))
        if shown.original:
            out.append(f'<p class="ct-orig" data-pagefind-ignore lang="{original_lang}">'
                       f"{escape(shown.original.text)}</p>\n</div>\n")
        out.append("\n")
    return Markup("".join(out))
