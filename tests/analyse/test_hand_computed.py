"""Alpha, SEM, facility and discrimination on an example small enough to compute by hand."""

from __future__ import annotations

import math

from crosstrain.analyse.records import Attempt, Response
from crosstrain.analyse.stats import DEAD, quiz_stats
from crosstrain.errors import Origin
from crosstrain.quiz.fingerprint import quiz_fingerprint
from tests.analyse.simulate import single_item

# learners' right (1) and wrong (0) answers: a perfect Guttman pattern
MATRIX = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]


def attempts(items):
    out = []
    for row, scores in enumerate(MATRIX):
        # right: the key (option 0); wrong: option 2
        responses = tuple(Response(item.id, [0 if x else 2], bool(x)) for item, x in zip(items, scores))
        out.append(Attempt("hand", "en", quiz_fingerprint(items), "", responses, Origin(f"l{row}.json")))
    return out


def test_by_hand():
    items = [single_item(i) for i in range(4)]
    stats = quiz_stats("hand", quiz_fingerprint(items), items, attempts(items))
    # p = 4/5, 3/5, 2/5, 1/5
    assert [round(s.facility, 6) for s in stats.items] == [0.8, 0.6, 0.4, 0.2]
    # totals 4 3 2 1 0: mean 2, variance 2; sum pq = 0.8; KR-20 = 4/3 (1 - 0.8/2) = 0.8
    assert math.isclose(stats.mean, 2) and math.isclose(stats.sd, math.sqrt(2))
    assert math.isclose(stats.alpha, 0.8)
    assert math.isclose(stats.sem, math.sqrt(2) * math.sqrt(0.2))
    # item 1 against the rest (3 2 1 0 0): cov 0.24, var 0.16 and 1.36
    assert math.isclose(stats.items[0].discrimination, 0.24 / math.sqrt(0.16 * 1.36))
    # groups of round(0.27 * 5) = 1: the top learner got all right, the bottom none
    assert all(s.upper_lower == 1 for s in stats.items)
    first = stats.items[0].options
    assert [o.rate for o in first] == [0.8, 0.0, 0.2, 0.0]
    assert [o.flag for o in first] == [None, DEAD, None, DEAD]
