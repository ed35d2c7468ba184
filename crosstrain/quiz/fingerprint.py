"""One content hash per quiz: what learners' saved progress, attempt records, LMS packages
and response reports are tied to, so that an answer given to one version of a quiz is never
counted against another."""

from __future__ import annotations

import hashlib
import json

from crosstrain.quiz.bank import item_to_dict
from crosstrain.quiz.model import Item


def quiz_fingerprint(items: list[Item] | tuple[Item, ...]) -> str:
    """sha256 (hex) of the items in the quiz's canonical order, every language and key
    included: any change to a text, an option, a key or the item order changes it."""
    canonical = json.dumps([item_to_dict(i) for i in items], ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
