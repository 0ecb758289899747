"""Fit the matcher's confidence model, so a confidence of 0.8 means right about 8 times in 10.

Training data comes from the store itself, never from the evaluation set:
- positives: every curated or official question of an entry, asked with that phrasing left out of
  the index (leave-one-out), labelled by whether the top match is still its entry;
- negatives: out-of-scope questions in lexicon/calibration_negatives.yaml.
A logistic regression over the matcher's features gives the weights; the thresholds are chosen
for few wrong confident answers. Run `python -m knowledge.calibration` after changing features.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import yaml

from knowledge.matcher import FEATURES, Calibration, Matcher, Ranking
from knowledge.models import Entry
from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.store import Store

Sample = tuple[dict[str, float], int, float]  # features of the top match, label, margin to runner-up


def training_samples(matcher: Matcher, entries: list[Entry], negatives: list[str]) -> list[Sample]:
    samples: list[Sample] = []
    for entry in entries:
        texts = ([entry.question] if entry.question else []) + [a.text for a in entry.alternates]
        for position, text in enumerate(texts):
            ranking = matcher.rank(text, limit=2, exclude=(entry.id or 0, position))
            if ranking.scored:
                top = ranking.scored[0]
                samples.append((top.features, int(top.entry_id == entry.id), _margin(ranking)))
    for text in negatives:
        ranking = matcher.rank(text, limit=2)
        if ranking.scored:
            samples.append((ranking.scored[0].features, 0, _margin(ranking)))
    return samples


def _margin(ranking: Ranking) -> float:
    scored = ranking.scored
    return scored[0].confidence - (scored[1].confidence if len(scored) > 1 else 0.0)


def fit_logistic(samples: list[Sample], l2: float = 0.01, steps: int = 4000, rate: float = 0.5) -> dict[str, float]:
    """Plain batch gradient descent: a handful of features, a few hundred samples."""
    weights = {name: 0.0 for name in FEATURES}
    n = len(samples)
    for _ in range(steps):
        gradient = {name: 0.0 for name in FEATURES}
        for features, label, _ in samples:
            z = sum(weights[k] * features[k] for k in FEATURES)
            error = 1.0 / (1.0 + math.exp(-z)) - label
            for k in FEATURES:
                gradient[k] += error * features[k]
        for k in FEATURES:
            penalty = 0.0 if k == "bias" else l2 * weights[k]
            weights[k] -= rate * (gradient[k] / n + penalty)
    return {k: round(v, 4) for k, v in weights.items()}


def calibrate(write_to: Path | None = None) -> tuple[Calibration, dict[str, float]]:
    store = Store.in_memory()
    seed_store(store)
    service = AnswerService(store)
    entries = store.entries()
    negatives_path = resources.files("knowledge") / "lexicon" / "calibration_negatives.yaml"
    negatives = yaml.safe_load(negatives_path.read_text(encoding="utf-8"))

    # Two rounds: the margins of the first fit feed the threshold choice of the second.
    samples = training_samples(service.matcher, entries, negatives)
    weights = fit_logistic(samples)
    service.matcher.calibration = service.matcher.calibration.model_copy(update={"weights": weights})
    samples = training_samples(service.matcher, entries, negatives)
    scored = [(1.0 / (1.0 + math.exp(-sum(weights[k] * f[k] for k in FEATURES))), label, margin) for f, label, margin in samples]
    answer_threshold = _threshold_for_precision(scored, precision=0.97)
    negatives_conf = sorted(c for c, label, _ in scored[-len(negatives):])
    suggest_threshold = round(min(answer_threshold * 0.6, negatives_conf[int(0.8 * (len(negatives_conf) - 1))] + 0.01), 3)
    calibration = Calibration(
        weights=weights,
        answer_threshold=answer_threshold,
        suggest_threshold=suggest_threshold,
        margin=service.matcher.calibration.margin,
        unknown_weight=service.matcher.calibration.unknown_weight,
    )
    stats = _stats(scored, calibration)
    if write_to:
        write_to.write_text(json.dumps(calibration.model_dump(), indent=2) + "\n", encoding="utf-8")
    return calibration, stats


def _threshold_for_precision(scored: list[tuple[float, int, float]], precision: float) -> float:
    """The lowest confidence above which at least `precision` of top matches are right."""
    best = 0.95
    for candidate in [round(0.30 + 0.01 * i, 2) for i in range(66)]:
        above = [label for conf, label, _ in scored if conf >= candidate]
        if above and sum(above) / len(above) >= precision:
            best = candidate
            break
    return best


def _stats(scored: list[tuple[float, int, float]], calibration: Calibration) -> dict[str, float]:
    answered = [label for conf, label, margin in scored if conf >= calibration.answer_threshold]
    positives = sum(label for _, label, _ in scored)
    return {
        "samples": len(scored),
        "answered": len(answered),
        "answered_right": sum(answered),
        "recall_of_right_top1": round(sum(answered) / max(positives, 1), 3),
        "precision": round(sum(answered) / max(len(answered), 1), 3),
    }


if __name__ == "__main__":
    target = Path(str(resources.files("knowledge") / "lexicon" / "calibration.json"))
    result, figures = calibrate(write_to=target)
    print(json.dumps(result.model_dump(), indent=2))
    print(figures)
