"""Stable paragraph ids: a re-ingest keeps the id of every paragraph it can recognise."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from crosstrain.ingest.segment import RawBlock
from crosstrain.model import Block

# An edited paragraph keeps its id when at least this much of it is unchanged.
_SAME_PARAGRAPH = 0.6
_MAX_PAIRINGS = 400


def assign_ids(
    new: Sequence[RawBlock], previous: Sequence[Block], last_number: int
) -> tuple[list[Block], int]:
    """Blocks with ids, and the highest number ever given out.

    Unchanged paragraphs keep their ids; an edited one keeps its id when it is similar
    enough to the one it replaces; a new one gets a number never used before, so a
    translation of a deleted paragraph can never point at an unrelated new one.
    """
    last_number = max([last_number, *(b.number for b in previous)])
    ids: list[str | None] = [None] * len(new)
    matcher = difflib.SequenceMatcher(
        a=[b.text for b in previous], b=[b.text for b in new], autojunk=False
    )
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(a1 - a0):
                ids[b0 + offset] = previous[a0 + offset].id
        elif tag == "replace":
            # Pair each edited paragraph with the most similar replaced one, best pairs first.
            # Large rewrites compare by position only, to keep the cost linear.
            candidates = (
                [(a, b) for a in range(a0, a1) for b in range(b0, b1)]
                if (a1 - a0) * (b1 - b0) <= _MAX_PAIRINGS
                else list(zip(range(a0, a1), range(b0, b1)))
            )
            pairs = sorted(
                ((difflib.SequenceMatcher(a=previous[a].text, b=new[b].text, autojunk=False).ratio(), a, b)
                 for a, b in candidates),
                reverse=True,
            )
            used: set[int] = set()
            for ratio, a, b in pairs:
                if ratio >= _SAME_PARAGRAPH and a not in used and ids[b] is None:
                    ids[b] = previous[a].id
                    used.add(a)
    blocks = []
    for raw, block_id in zip(new, ids):
        if block_id is None:
            last_number += 1
            block_id = f"p{last_number}"
        blocks.append(Block(id=block_id, kind=raw.kind, text=raw.text, line=raw.line))
    return blocks, last_number
