"""The analysis on disk: a report folder for the trainer, and the aggregates the site and
the checker read (stats/ in the project). Both hold aggregates only: no learner name,
e-mail or single attempt, and nothing computed from fewer than MIN_LEARNERS attempts."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from crosstrain.analyse.run import Analysis
from crosstrain.analyse.stats import ItemStats, ObjectiveGain, OptionStats, QuizStats
from crosstrain.errors import CrosstrainError
from crosstrain.store import write_if_changed

GAINS = "gains.json"


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def quiz_from_dict(data: dict) -> QuizStats:
    items = tuple(ItemStats(**{**i, "options": tuple(OptionStats(**o) for o in i["options"]),
                               "flags": tuple(i["flags"])}) for i in data["items"])
    return QuizStats(**{**data, "items": items})


def _round(value):
    return round(value, 4) if isinstance(value, float) else value


def _rounded(data):
    if isinstance(data, dict):
        return {k: _rounded(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_rounded(v) for v in data]
    return _round(data)


def write_stats(folder: Path, analysis: Analysis) -> list[Path]:
    """<quiz>.json per quiz and, when some attempts were module pre-tests or post-tests,
    gains.json; figures rounded to 4 places. Other quizzes' files are kept, so rooms can be
    analysed one at a time."""
    written = []
    for quiz in analysis.quizzes:
        path = folder / f"{quiz.quiz}.json"
        write_if_changed(path, _dump(_rounded(asdict(quiz))))
        written.append(path)
    if analysis.gains:
        path = folder / GAINS
        write_if_changed(path, _dump(_rounded([asdict(g) for g in analysis.gains])))
        written.append(path)
    return written


def load_stats(folder: Path) -> tuple[list[QuizStats], list[ObjectiveGain]]:
    """What write_stats wrote; ([], []) when there is no such folder."""
    quizzes, gains = [], []
    if not folder.is_dir():
        return quizzes, gains
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if path.name == GAINS:
                gains = [ObjectiveGain(**g) for g in data]
            else:
                quizzes.append(quiz_from_dict(data))
        except (ValueError, TypeError, KeyError) as exc:
            raise CrosstrainError(path, f"not a statistics file written by crosstrain analyse ({exc})",
                                  "run crosstrain analyse RESPONSES --site again") from None
    return quizzes, gains


def _pct(value) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


def _num(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def report_text(analysis: Analysis) -> str:
    """A plain-text report: per quiz its reliability and item table, then the gains."""
    lines = [f"{analysis.attempts} attempt(s) analysed from {analysis.files} file(s); "
             f"{len(analysis.errors)} problem(s)", ""]
    for quiz in analysis.quizzes:
        lines.append(f"## {quiz.quiz} ({quiz.n} attempts)")
        if not quiz.shown:
            lines += ["fewer than 5 attempts: no figures", ""]
            continue
        lines.append(f"mean {quiz.mean:.2f} / {len(quiz.items)}, sd {quiz.sd:.2f}, "
                     f"alpha (KR-20) {_num(quiz.alpha)}, SEM {_num(quiz.sem)}")
        lines.append(f"{'item':<48} {'p':>5} {'r_it':>6} {'D27':>6}  flags")
        for i in quiz.items:
            lines.append(f"{i.item:<48} {i.facility:5.2f} {_num(i.discrimination):>6} {i.upper_lower:6.2f}  "
                         + ", ".join(i.flags))
            for o in i.options:
                if o.flag:
                    lines.append(f"{'':<6}option {o.index + 1}: chosen by {_pct(o.rate)} "
                                 f"(top group {_pct(o.upper)}) -> {o.flag}")
        lines.append("")
    if analysis.gains:
        lines.append("## gain per objective (Hake)")
        for g in analysis.gains:
            lines.append(f"{g.module}.{g.objective}: pre {_pct(g.pre)} (n={g.pre_n}), post {_pct(g.post)} "
                         f"(n={g.post_n}), gain {_num(g.gain)}")
    return "\n".join(lines) + "\n"


def write_report(out: Path, analysis: Analysis) -> None:
    write_stats(out, analysis)
    write_if_changed(out / "report.txt", report_text(analysis))
