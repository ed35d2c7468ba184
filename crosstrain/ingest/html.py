"""A saved web page -> the article's text and its metadata, with trafilatura and htmldate.

trafilatura finds the main text of pages of any site (our own reduction only knew
<article>/<main>), and its title, author, date (through htmldate) and site name. What it
returns goes through the same cleaning as a pasted text, so the paragraph model and the
ids are the same for both. A page trafilatura finds no text in falls back to our reduction.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from crosstrain.ingest.chrome import is_paragraph, legal_contact, site_from_copyright
from crosstrain.ingest.detect import detect
from crosstrain.ingest.meta import meta_line

# trafilatura reports pages it finds too short on its logger; ingest reports for itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def _trafilatura():
    """trafilatura and its settings, imported on the first HTML page: loading it takes about
    a second, which every other command and every plain-text ingest would pay."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    # It gives up on a main text under 250 characters and falls back to a flat copy of the
    # page; a Chinese article says in 250 characters what takes 800 in Vietnamese.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    return trafilatura, config


# An "author" that is a byline's label or date was misread from the byline.
_NOT_A_NAME = re.compile(r"\d|đăng|ngày|posted|published|updated|发布|發布|發佈|时间|時間", re.I)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    site: str | None = None


def extract_page(markup: str, visible_text: str) -> Page | None:
    """The article of a page, or None when trafilatura finds none. `visible_text` is the
    page's whole visible text, read for a byline that the extractor drops with the chrome."""
    trafilatura, config = _trafilatura()
    document = trafilatura.bare_extraction(
        markup, output_format="python", with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, include_links=False, deduplicate=False,
        # htmldate's extensive search guesses from any number on the page ("© 2024" gave
        # 2024-01-01); the byline below is a better guess than that
        date_extraction_params={"extensive_search": False, "original_date": True}, config=config,
    )
    # Without a single paragraph it found a menu or a footer, not an article.
    if document is None or not any(is_paragraph(line) for line in (document.text or "").split("\n")):
        return None
    text = document.text
    title = (document.title or "").strip() or None
    if title and title not in text.split("\n")[:5]:
        text = title + "\n" + text  # the cleaning step takes the title from the text's head
    detected = detect(visible_text)
    language = detected.language if detected else "en"
    metas = [m for line in visible_text.split("\n") if (m := meta_line(line.strip(), language)) is not None]
    author = next((m.author for m in metas if m.author), None) or document.author
    if author and _NOT_A_NAME.search(author):
        author = None
    # a page without og:site_name still names its site in its copyright line
    site = (document.sitename or "").strip() or next(
        (found for line in reversed(visible_text.split("\n"))
         if legal_contact(line.strip()) and (found := site_from_copyright(line.strip()))), None)
    # htmldate reads the page's metadata; without it, the date a reader sees in the byline
    return Page(text=text, title=title, author=author,
                date=document.date or next((m.date for m in metas if m.date), None), site=site)
