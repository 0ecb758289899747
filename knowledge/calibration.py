"""Fit the matcher's two models, so that a confidence of 0.8 means right about 8 times in 10.

Training data comes from the store itself, never from the evaluation set:
- in scope: every curated or official question of an entry, asked with that phrasing left out of
  the index (leave-one-out);
- out of scope: the questions in lexicon/calibration_negatives.yaml.
The relevance model learns from every candidate (is it the entry asked for?); the confidence model
from the top candidate of each question (is it right?). The answer threshold is the lowest
confidence at which confident answers stay at least 97% right on this data.
Run `python -m knowledge.calibration` after changing the features or the shipped sources.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import yaml

from knowledge.matcher import CONFIDENCE_FEATURES, FEATURES, Calibration, Matcher, confidence_features, logistic
from knowledge.models import Entry
from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.store import Store

Example = tuple[dict[str, float], int]
PRECISION = 0.97
#: A wrong confident answer costs more than a suggestion: wrong top matches weigh this much more.
NEGATIVE_WEIGHT = 2.0


def training_questions(entries: list[Entry], negatives: list[str]) -> list[tuple[str, int | None, tuple[int, int] | None]]:
    """(question, the entry it asks for or None, the field to leave out)."""
    questions: list[tuple[str, int | None, tuple[int, int] | None]] = []
    for entry in entries:
        texts = ([entry.question] if entry.question else []) + [a.text for a in entry.alternates]
        questions += [(text, entry.id, (entry.id or 0, position)) for position, text in enumerate(texts)]
    return questions + [(text, None, None) for text in negatives]


def relevance_examples(matcher: Matcher, questions: list[tuple[str, int | None, tuple[int, int] | None]]) -> list[Example]:
    examples: list[Example] = []
    for text, wanted, exclude in questions:
        for scored in matcher.rank(text, limit=20, exclude=exclude).scored:
            examples.append((scored.features, int(scored.entry_id == wanted)))
    return examples


def confidence_examples(matcher: Matcher, questions: list[tuple[str, int | None, tuple[int, int] | None]]) -> list[Example]:
    examples: list[Example] = []
    for text, wanted, exclude in questions:
        ranking = matcher.rank(text, limit=3, exclude=exclude)
        label = int(bool(ranking.scored) and ranking.scored[0].entry_id == wanted)
        examples.append((confidence_features(ranking.scored), label))
    return examples


def fit_logistic(
    examples: list[Example],
    names: tuple[str, ...],
    l2: float = 0.001,
    steps: int = 2000,
    rate: float = 1.5,
    negative_weight: float = 1.0,
) -> dict[str, float]:
    """Batch gradient descent with a little L2: a handful of features, a few thousand examples."""
    weights = {name: 0.0 for name in names}
    n = max(len(examples), 1)
    for _ in range(steps):
        gradient = {name: 0.0 for name in names}
        for features, label in examples:
            error = (logistic(weights, features) - label) * (1.0 if label else negative_weight)
            for name in names:
                gradient[name] += error * features[name]
        for name in names:
            penalty = 0.0 if name == "bias" else l2 * weights[name]
            weights[name] -= rate * (gradient[name] / n + penalty)
    return {name: round(value, 4) for name, value in weights.items()}


def calibrate(write_to: Path | None = None) -> tuple[Calibration, dict[str, float]]:
    store = Store.in_memory()
    seed_store(store)
    service = AnswerService(store)
    negatives_path = resources.files("knowledge") / "lexicon" / "calibration_negatives.yaml"
    negatives = yaml.safe_load(negatives_path.read_text(encoding="utf-8"))
    questions = training_questions(store.entries(), negatives)
    matcher = service.matcher

    relevance = fit_logistic(relevance_examples(matcher, questions), FEATURES)
    matcher.calibration = matcher.calibration.model_copy(update={"relevance": relevance})
    examples = confidence_examples(matcher, questions)
    confidence = fit_logistic(examples, CONFIDENCE_FEATURES, negative_weight=NEGATIVE_WEIGHT)
    scored = [(logistic(confidence, features), label) for features, label in examples]
    answer_threshold = _threshold_for_precision(scored, PRECISION)
    calibration = matcher.calibration.model_copy(
        update={"confidence": confidence, "answer_threshold": answer_threshold, "suggest_threshold": _suggest_floor(matcher, negatives)}
    )
    if write_to:
        write_to.write_text(json.dumps(calibration.model_dump(), indent=2) + "\n", encoding="utf-8")
    return calibration, _figures(scored, answer_threshold)


def _threshold_for_precision(scored: list[tuple[float, int]], precision: float) -> float:
    """The lowest confidence above which at least `precision` of the top matches are right."""
    for candidate in [round(0.30 + 0.01 * i, 2) for i in range(66)]:
        above = [label for confidence, label in scored if confidence >= candidate]
        if above and sum(above) / len(above) >= precision:
            return candidate
    return 0.95


def _suggest_floor(matcher: Matcher, negatives: list[str]) -> float:
    """Relevance below which a candidate is not worth suggesting: above most out-of-scope top matches."""
    tops = sorted(r.scored[0].relevance for r in (matcher.rank(q, limit=1) for q in negatives) if r.scored)
    if not tops:
        return 0.3
    return round(min(0.5, tops[int(0.8 * (len(tops) - 1))] + 0.01), 3)


def _figures(scored: list[tuple[float, int]], threshold: float) -> dict[str, float]:
    answered = [label for confidence, label in scored if confidence >= threshold]
    brier = sum((confidence - label) ** 2 for confidence, label in scored) / max(len(scored), 1)
    return {
        "questions": len(scored),
        "top1_right": sum(label for _, label in scored),
        "answered": len(answered),
        "answered_right": sum(answered),
        "brier": round(brier, 4),
        "log_loss": round(-sum(math.log(max(c if y else 1 - c, 1e-9)) for c, y in scored) / max(len(scored), 1), 4),
    }


if __name__ == "__main__":
    target = Path(str(resources.files("knowledge") / "lexicon" / "calibration.json"))
    result, figures = calibrate(write_to=target)
    print(json.dumps(result.model_dump(), indent=2))
    print(figures)
