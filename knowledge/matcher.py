"""Score entries against a question and decide: answer, suggest, or no answer.

Candidates come from the index; each is scored on several features (how much of the question the
entry covers, how close its best question-like phrasing is, how much its text covers), which a
logistic model fitted on held-out phrasings turns into a calibrated confidence (see calibration.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from knowledge.analysis import Analysis, Analyzer, tokens
from knowledge.dictionary import frequency
from knowledge.index import Index

FEATURES = (
    "coverage",
    "question_similarity",
    "question_coverage",
    "text_coverage",
    "fuzzy",
    "unknown_share",
    "answer_type_mismatch",
    "rare_unknown",
    "bias",
)
CONFIDENCE_FEATURES = (
    "relevance",
    "gap",
    "coverage",
    "unknown_share",
    "question_similarity",
    "answer_type_mismatch",
    "rare_unknown",
    "bias",
)
#: Unknown words rarer than this in everyday language are names or terms the store does not know
#: ('Iran', 'Navalny'): far stronger signs of another subject than unknown everyday words.
COMMON_WORD = 1000


class Calibration(BaseModel):
    """Two logistic models and the decision thresholds.

    `relevance` scores each candidate (is this the entry asked for?) and ranks them; `confidence`
    turns the top candidate's relevance, its lead over the runner-up and the question's unknown
    words into the probability that the top match is right.
    """

    relevance: dict[str, float]
    confidence: dict[str, float]
    answer_threshold: float = 0.6
    suggest_threshold: float = 0.25
    unknown_weight: float = 0.7

    @classmethod
    def load(cls) -> Calibration:
        path = resources.files("knowledge") / "lexicon" / "calibration.json"
        return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class Scored:
    entry_id: int
    features: dict[str, float]
    relevance: float
    best_field: int  # index into the entry's questions, -1 for the text


@dataclass
class Ranking:
    analysis: Analysis
    scored: list[Scored]
    confidence: float = 0.0

    def confidence_features(self) -> dict[str, float]:
        return confidence_features(self.scored)


def confidence_features(scored: list[Scored]) -> dict[str, float]:
    if not scored:
        return {name: 0.0 for name in CONFIDENCE_FEATURES}
    top = scored[0]
    runner_up = scored[1].relevance if len(scored) > 1 else 0.0
    return {
        "relevance": top.relevance,
        "gap": top.relevance - runner_up,
        "coverage": top.features["coverage"],
        "unknown_share": top.features["unknown_share"],
        "question_similarity": top.features["question_similarity"],
        "answer_type_mismatch": top.features["answer_type_mismatch"],
        "rare_unknown": top.features["rare_unknown"],
        "bias": 1.0,
    }


def logistic(weights: dict[str, float], features: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


class Matcher:
    """Ranks entries for a question with calibrated confidences."""

    def __init__(self, index: Index, calibration: Calibration | None = None) -> None:
        self.index = index
        self.analyzer: Analyzer = index.analyzer
        self.calibration = calibration or Calibration.load()

    def analyse(self, question: str) -> Analysis:
        corrected = self.index.correct_tokens(tokens(question))
        return self.analyzer.analyse(" ".join(corrected))

    def rank(
        self, question: str, limit: int = 10, exclude: tuple[int, int] | None = None, *, exhaustive: bool = False
    ) -> Ranking:
        """Best entries first. `exclude` leaves one (entry, question field) out, for calibration;
        `exhaustive` takes the slow path (exact candidates, scored 25 times deeper), to compare."""
        analysis = self.analyse(question)
        if not analysis.terms:
            return Ranking(analysis, [])
        weights = self._query_weights(analysis)
        total = sum(weights.values())
        candidates = self.index.exact_candidates(weights) if exhaustive else self.index.candidates(weights)
        query_text = " ".join(analysis.terms)
        rare = self._rare_unknown_share(analysis)
        scored = [self._score(entry_id, analysis, query_text, weights, total, rare, exclude) for entry_id in candidates]
        scored.sort(key=lambda s: (-s.relevance, s.entry_id))
        ranking = Ranking(analysis, scored[: max(limit, 2)])
        ranking.confidence = logistic(self.calibration.confidence, ranking.confidence_features())
        ranking.scored = ranking.scored[:limit]
        return ranking

    def confidence_of(self, group: list[Scored], runner_up: Scored | None) -> float:
        """Confidence that one of a group of equivalent matches is right: its lead is over the next one."""
        features = confidence_features([group[0]] + ([runner_up] if runner_up else []))
        features["gap"] = min(s.relevance for s in group) - (runner_up.relevance if runner_up else 0.0)
        return logistic(self.calibration.confidence, features)

    def _query_weights(self, analysis: Analysis) -> dict[int, float]:
        """Query term ids with their weights; words no entry has get ids below zero (and less weight)."""
        weights: dict[int, float] = {}
        unknown = -1
        for term in dict.fromkeys(analysis.terms):
            term_id = self.index.terms.get(term)
            if self.index.knows(term_id):
                weights[term_id] = self.index.weight(term_id)  # type: ignore[index]
            else:
                weights[unknown] = self.calibration.unknown_weight * self.index.weight(None)
                unknown -= 1
        return weights

    def _rare_unknown_share(self, analysis: Analysis) -> float:
        """Share of the question's terms that are words neither the store nor everyday language knows."""
        rare = 0
        for word in set(analysis.tokens):
            if len(word) < 3 or not (word.isascii() and word.isalpha()) or frequency(word) >= COMMON_WORD:
                continue
            terms = self.analyzer.analyse(word).terms
            if terms and not any(self.index.knows(self.index.terms.get(t)) for t in terms):
                rare += 1
        return min(1.0, rare / len(analysis.terms))

    def _score(
        self,
        entry_id: int,
        analysis: Analysis,
        query_text: str,
        weights: dict[int, float],
        total: float,
        rare_unknown: float,
        exclude: tuple[int, int] | None,
    ) -> Scored:
        view = self.index.view(entry_id)
        query = weights.keys()
        best_similarity, best_coverage, best_field = 0.0, 0.0, -1
        question_terms: set[int] = set()
        phrasings: list[str] = []
        for position, terms in enumerate(view.phrasings):
            if exclude == (entry_id, position):
                continue
            question_terms |= terms
            shared = sum(weights[t] for t in terms & query)
            field_total = view.phrasing_totals[position]
            similarity = 2 * shared / (total + field_total) if total + field_total else 0.0
            if similarity > best_similarity:
                best_similarity, best_coverage, best_field = similarity, shared / total, position
            phrasings.append(view.phrasing_texts[position])
        best_fuzzy = 0.0
        if phrasings:
            choice = process.extractOne(query_text, phrasings, scorer=fuzz.token_sort_ratio)
            best_fuzzy = choice[1] / 100 if choice else 0.0
        known = question_terms | view.text_terms
        features = {
            "coverage": sum(weights[t] for t in known & query) / total,
            "question_similarity": best_similarity,
            "question_coverage": best_coverage,
            "text_coverage": sum(weights[t] for t in view.text_terms & query) / total,
            "fuzzy": best_fuzzy,
            "unknown_share": sum(w for t, w in weights.items() if t < 0) / total,
            "answer_type_mismatch": float(analysis.asks_for is not None and analysis.asks_for not in view.provides),
            "rare_unknown": rare_unknown,
            "bias": 1.0,
        }
        return Scored(entry_id, features, logistic(self.calibration.relevance, features), best_field)
