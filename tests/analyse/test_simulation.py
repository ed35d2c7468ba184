"""Item statistics recover the item parameters of a simulated 2PL population, and flag the
planted defects: a mis-keyed item, a dead distractor, an objective that was not learnt."""

from __future__ import annotations

import random

from crosstrain.analyse.stats import DEAD, MISKEY, NEGATIVE, objective_gains, quiz_stats
from crosstrain.quiz.fingerprint import quiz_fingerprint
from tests.analyse.simulate import simulate, single_item

ITEMS = 30


def ranks(values):
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    for rank, i in enumerate(order):
        out[i] = rank
    return out


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    return cov / (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5


def parameters(seed=7):
    rng = random.Random(seed)
    return [(rng.uniform(0.3, 2.5), rng.uniform(-1.5, 1.5)) for _ in range(ITEMS)]


def test_estimates_rank_correlate_with_true_parameters():
    params = parameters()
    items = [single_item(i) for i in range(ITEMS)]
    stats = quiz_stats("sim", quiz_fingerprint(items), items, simulate("sim", items, params, 2000, seed=1))
    facility = [s.facility for s in stats.items]
    discrimination = [s.discrimination for s in stats.items]
    assert spearman(facility, [-b for _, b in params]) >= 0.9
    assert spearman(discrimination, [a for a, _ in params]) >= 0.9
    assert 0.7 < stats.alpha < 1 and stats.sem > 0


def test_planted_miskey_and_dead_distractor_are_flagged():
    params = parameters()
    params[3] = (1.8, 0.0)  # a good item, mis-keyed: learners who know pick option 1, the key says 0
    params[5] = (1.2, 0.3)
    items = [single_item(i) for i in range(ITEMS)]
    attempts = simulate("sim", items, params, 500, seed=2, knows={3: 1}, dead={5: 3})
    stats = quiz_stats("sim", quiz_fingerprint(items), items, attempts)
    miskeyed, with_dead = stats.items[3], stats.items[5]
    assert miskeyed.discrimination < 0 and NEGATIVE in miskeyed.flags and MISKEY in miskeyed.flags
    assert miskeyed.options[1].flag == MISKEY
    assert DEAD in with_dead.flags and with_dead.options[3].flag == DEAD and with_dead.options[3].rate == 0
    others = [s for i, s in enumerate(stats.items) if i not in (3, 5)]
    assert not any(MISKEY in s.flags or NEGATIVE in s.flags for s in others)


def test_objective_without_gain_shows_about_zero():
    items = [single_item(i, objectives=("o1",) if i < 10 else ("o2",)) for i in range(20)]
    params = parameters()[:20]
    pre = simulate("module-m-pre", items, params, 2000, seed=3)
    post = simulate("module-m-post", items, params, 2000, seed=4, shift=1.5, shift_objective="o1")
    gains = {g.objective: g for g in objective_gains({"module-m-pre": pre, "module-m-post": post})}
    assert gains["o1"].gain > 0.3
    assert abs(gains["o2"].gain) < 0.1  # sampling noise only
    assert gains["o2"].pre_n == gains["o2"].post_n == 2000


def test_fewer_than_five_learners_give_no_figures():
    items = [single_item(i) for i in range(5)]
    attempts = simulate("sim", items, parameters()[:5], 4, seed=5)
    stats = quiz_stats("sim", quiz_fingerprint(items), items, attempts)
    assert stats.n == 4 and stats.items == () and stats.alpha is None and not stats.shown
    gains = objective_gains({"module-m-pre": attempts, "module-m-post": attempts})
    assert all(g.pre is None and g.gain is None for g in gains)
