"""Responses simulated with a two-parameter logistic IRT model (known item parameters)."""

from __future__ import annotations

import math
import random

from crosstrain.analyse.records import Attempt, Response
from crosstrain.errors import Origin
from crosstrain.quiz.fingerprint import quiz_fingerprint
from crosstrain.quiz.model import Item, Option, Source

OPTIONS = 4


def single_item(number: int, key: int = 0, objectives: tuple[str, ...] = ()) -> Item:
    """A synthetic single-choice item with four options, `key` right."""
    options = tuple(Option({"vi": f"lựa chọn {number}-{o}", "en": f"option {number}-{o}", "zh": f"选项{number}-{o}"},
                           correct=o == key) for o in range(OPTIONS))
    return Item(id=f"sim.q{number}", type="single", generator="authored", difficulty=2,
                source=Source("sim", ("p1",), "x", {"p1": "0" * 64}),
                stem={"vi": f"Câu {number}?", "en": f"Question {number}?", "zh": f"问题{number}？"},
                explanation={"vi": "-", "en": "-", "zh": "-"}, options=options, objectives=objectives)


def p_right(theta: float, a: float, b: float) -> float:
    return 1 / (1 + math.exp(-a * (theta - b)))


def simulate(quiz: str, items: list[Item], params: list[tuple[float, float]], learners: int, seed: int,
             knows: dict[int, int] | None = None, dead: dict[int, int] | None = None, shift: float = 0.0,
             shift_objective: str | None = None) -> list[Attempt]:
    """Attempts of `learners` simulated learners (ability ~ N(0, 1)). An item i in `knows`
    is mis-keyed: a learner who knows the answer picks option knows[i], not the bank's key.
    An item i in `dead` has a distractor dead[i] that nobody picks. Learners' ability on
    the items of `shift_objective` is raised by `shift` (a post-test after teaching)."""
    rng = random.Random(seed)
    knows, dead = knows or {}, dead or {}
    fingerprint = quiz_fingerprint(items)
    attempts = []
    for n in range(learners):
        theta = rng.gauss(0, 1)
        responses = []
        for i, (item, (a, b)) in enumerate(zip(items, params)):
            boost = shift if shift_objective in item.objectives else 0.0
            right_option = knows.get(i, item.keys[0])
            if rng.random() < p_right(theta + boost, a, b):
                chosen = right_option
            else:
                wrong = [o for o in range(OPTIONS) if o != right_option and o != dead.get(i)]
                chosen = rng.choice(wrong)
            responses.append(Response(item.id, [chosen], chosen in item.keys, item.objectives))
        attempts.append(Attempt(quiz, "en", fingerprint, "2026-11-30T10:00:00Z", tuple(responses),
                                Origin(f"sim-{n}.json")))
    return attempts


def _response(item: Item, right: bool, rng: random.Random, knows: int | None = None, dead: int | None = None):
    """A response to a real bank item: right or wrong, in canonical option indexes."""
    if item.type == "true_false":
        return item.answer if right else not item.answer
    if item.type in ("single", "cloze"):
        right_option = knows if knows is not None else item.keys[0]
        if right:
            return [right_option]
        return [rng.choice([o for o in range(len(item.options)) if o not in (right_option, dead)])]
    if item.type == "multiple":
        return list(item.keys) if right else [next(o for o in range(len(item.options)) if o not in item.keys)]
    answer = list(item.answer)
    if right:
        return answer
    if item.type == "order":
        return answer[::-1]
    return [(a + 1) % len(item.options) for a in answer]


def bank_records(bank, learners: int, seed: int, knows: dict[str, int] | None = None,
                 dead: dict[str, int] | None = None, quiz: str | None = None, locale: str = "en",
                 easy: tuple[str, ...] = ()) -> list[dict]:
    """Attempt records (JSON data, as attempt.js writes them) for a real bank, from a 2PL
    population with one parameter pair per item drawn from the seed. Items in `knows` are
    answered with that option by learners who know the answer (a planted mis-key); items
    in `dead` have that distractor chosen by nobody; items in `easy` are answered right by all."""
    rng = random.Random(seed)
    knows, dead = knows or {}, dead or {}
    params = {i.id: (rng.uniform(0.8, 2.0), rng.uniform(-1.0, 1.0)) for i in bank.items}
    records = []
    for n in range(learners):
        theta = rng.gauss(0, 1)
        responses = []
        for item in bank.items:
            right = item.id in easy or rng.random() < p_right(theta, *params[item.id])
            response = _response(item, right, rng, knows.get(item.id), dead.get(item.id))
            correct = (response == item.keys) if item.type in ("single", "cloze", "multiple") else \
                (response is item.answer if item.type == "true_false" else response == list(item.answer))
            responses.append({"item": item.id, "objectives": list(item.objectives), "response": response,
                              "correct": correct, "seconds": 20})
        records.append({"format": "crosstrain-attempt/1", "quiz": quiz or bank.name, "locale": locale,
                        "fingerprint": quiz_fingerprint(bank.items), "learner": f"Learner {n}",
                        "finished": "2026-11-30T10:00:00Z", "responses": responses})
    return records


def write_records(folder, records) -> list:
    import json

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, record in enumerate(records):
        path = folder / f"attempt-{n}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def miskeyed_single(bank) -> tuple[Item, int]:
    """A single-choice item of the bank and a wrong option of it, to plant a mis-key."""
    item = next(i for i in bank.items if i.type == "single")
    return item, next(o for o in range(len(item.options)) if o not in item.keys)


def plant_flagged_stats(root, bank_name: str = "marketing-workflow") -> dict[str, str]:
    """Write stats/ (as `crosstrain analyse --site` does) for 300 simulated learners of a
    real bank with a mis-keyed item, a dead distractor and an item everyone gets right;
    {rule code: the item id it must name}."""
    from crosstrain.analyse.run import analyse
    from crosstrain.analyse.store import write_stats
    from crosstrain.quiz.bank import load_banks

    banks = load_banks(root / "quizzes")[0]
    bank = next(b for b in banks if b.name == bank_name)
    miskeyed, option = miskeyed_single(bank)
    singles = [i for i in bank.items if i.type == "single" and i.id != miskeyed.id]
    with_dead, easy = singles[0], singles[1]
    distractor = next(o for o in range(len(with_dead.options)) if o not in with_dead.keys)
    records = bank_records(bank, 300, seed=11, knows={miskeyed.id: option}, dead={with_dead.id: distractor},
                           easy=(easy.id,))
    folder = root / "responses"
    write_records(folder, records)
    write_stats(root / "stats", analyse([folder], banks))
    return {"R001": miskeyed.id, "R002": miskeyed.id, "R003": with_dead.id, "R004": easy.id}
