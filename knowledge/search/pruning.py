"""The fast path's first stage: the exact best matches, found without scoring every entry.

The matcher's relevance is a logistic function of a weighted sum of features (`Matcher._score`).
For every entry sharing a term with the question, numpy computes from the index's postings, at
once for all of them, the features that depend only on which of the question's terms the entry
holds and where:

- coverage and text coverage exactly (the summed weight of the terms held anywhere, in the text);
- the question similarity exactly: each phrasing's shared weight against its own total weight,
  the closest phrasing per entry;
- question coverage bounded by the largest shared weight of a phrasing (it is that of the closest);
- the answer-type mismatch exactly (what kinds of answer the entry's text provides);
- fuzzy (`fuzz.token_sort_ratio`, an Indel ratio: at most 2·min(a, b)/(a + b) for strings of
  lengths a and b) bounded from the lengths of the entry's phrasings.

That is an upper bound of each entry's relevance. Entries are scored fully in order of their bound,
and scoring stops when the next bound falls below the k-th best relevance found (MaxScore's
stopping rule, with a per-entry bound in place of per-term ones; Turtle and Flood, 1995). So no
entry sharing a term with the question that could rank among the first k is skipped: the fast
path's top k are those of scoring every such entry (tests/test_pruning.py checks it against
`Matcher.rank(..., exhaustive=True)` and against scoring every entry).

Features the bound does not know are taken to lie in [0, 1] and to count their full positive
weight, which is safe but loose.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import numpy as np
from numpy.typing import NDArray

from knowledge.search.index import IN_TEXT, Index

#: Features whose bound depends on the entry (the rest are equal for every entry or bounded by 1).
_ENTRY_FEATURES = ("coverage", "question_similarity", "question_coverage", "text_coverage", "fuzzy", "answer_type_mismatch")
#: Features equal for every entry of one question.
_QUESTION_FEATURES = ("unknown_share", "rare_unknown", "bias")
#: Slack against rounding: a bound is never below the score it bounds.
_EPSILON = 1e-9
#: Entries taken from the ordered candidates at a time (each is scored only if it can still compete).
_CHUNK = 32

Floats = NDArray[np.float64]
Slots = NDArray[np.intp]


class HasRelevance(Protocol):
    entry_id: int
    relevance: float


S = TypeVar("S", bound=HasRelevance)


@dataclass(frozen=True, slots=True)
class RelevanceBound:
    """The question's side of the bound: the relevance model's weights of the entry features (never
    below zero where only an upper bound is known), and what is equal for every entry."""

    constant: float
    coverage: float
    question_coverage: float
    text_coverage: float
    similarity: float
    fuzzy: float
    mismatch: float
    asks_for: str | None
    total: float
    query_length: int


def _logit(relevance: float) -> float:
    """The weighted feature sum giving this relevance, rounded down (so pruning stays safe)."""
    if relevance <= 0.0:
        return -math.inf
    if relevance >= 1.0:
        return 36.0  # logistic(z) rounds to 1.0 from z ≈ 36.7 on: every such entry ties
    return math.log(relevance / (1.0 - relevance)) - _EPSILON


def relevance_bound(
    weights: dict[str, float],
    query: dict[int, float],
    total: float,
    rare_unknown: float,
    query_text: str,
    asks_for: str | None = None,
) -> RelevanceBound:
    """The bound for one question (`query`: term ids → weights, unknown words below zero)."""
    question = {
        "unknown_share": sum(w for t, w in query.items() if t < 0) / total,
        "rare_unknown": rare_unknown,
        "bias": 1.0,
    }
    constant = sum(weights.get(name, 0.0) * question[name] for name in _QUESTION_FEATURES)
    constant += sum(max(w, 0.0) for name, w in weights.items() if name not in _ENTRY_FEATURES + _QUESTION_FEATURES)
    return RelevanceBound(
        constant=constant,
        coverage=max(weights.get("coverage", 0.0), 0.0),
        question_coverage=max(weights.get("question_coverage", 0.0), 0.0),
        text_coverage=max(weights.get("text_coverage", 0.0), 0.0),
        similarity=max(weights.get("question_similarity", 0.0), 0.0),
        fuzzy=max(weights.get("fuzzy", 0.0), 0.0),
        mismatch=weights.get("answer_type_mismatch", 0.0),
        asks_for=asks_for,
        total=total,
        query_length=len(query_text),
    )


def entry_bounds(index: Index, query: dict[int, float], bound: RelevanceBound) -> tuple[Slots, Floats]:
    """The live entries sharing a term with the question (slots), and for each the most its
    weighted feature sum can be (relevance is the logistic of it, a monotone function)."""
    terms = [t for t in query if t >= 0]
    weights = np.array([query[t] for t in terms], dtype=np.float64)
    slots_total = len(index.alive)
    postings = [np.frombuffer(index.postings_of(t), dtype=np.intc) for t in terms]
    codes = np.concatenate(postings) if postings else np.zeros(0, dtype=np.intc)
    if not len(codes):
        return np.zeros(0, dtype=np.intp), np.zeros(0)
    posting_weights = np.repeat(weights, [len(p) for p in postings])
    owners = codes >> 2
    held = np.bincount(owners, posting_weights, minlength=slots_total)
    text = np.bincount(owners, posting_weights * (codes & IN_TEXT), minlength=slots_total)
    alive = np.frombuffer(index.alive, dtype=np.uint8)
    found = np.flatnonzero((held > 0.0) & (alive != 0))

    similarity, shared = _closest_phrasings(index, terms, weights, bound.total, slots_total)
    total = bound.total
    z = (
        bound.constant
        + (bound.coverage * held[found] + bound.question_coverage * shared[found] + bound.text_coverage * text[found]) / total
        + bound.similarity * similarity[found]
        + bound.fuzzy * _fuzzy_bound(index, found, bound.query_length)
        + _EPSILON
    )
    if bound.mismatch and bound.asks_for is not None:
        bit = index.provides_bit(bound.asks_for)
        masks = np.frombuffer(index.provides_masks, dtype=np.uint8)[found]
        z += bound.mismatch * ((masks & bit) == 0)
    elif bound.mismatch > 0.0:
        z += bound.mismatch  # unknown here: at most its weight
    return found, z


def _closest_phrasings(
    index: Index, terms: list[int], weights: Floats, total: float, slots_total: int
) -> tuple[Floats, Floats]:
    """Per slot: the similarity of its closest phrasing (2·shared/(total + own), as the matcher
    computes it) and the largest weight a phrasing of it shares with the question."""
    holding = [np.frombuffer(index.phrasings_holding(t), dtype=np.intc) for t in terms]
    similarity, shared_most = np.zeros(slots_total), np.zeros(slots_total)
    phrasings = np.concatenate(holding) if holding else np.zeros(0, dtype=np.intc)
    if not len(phrasings):
        return similarity, shared_most
    _, _, phrasing_slot, _ = index.phrasing_layout()
    shared = np.bincount(phrasings, np.repeat(weights, [len(h) for h in holding]), minlength=len(phrasing_slot))
    touched = np.flatnonzero(shared)
    shared = shared[touched]
    own = index.phrasing_totals()[touched]
    owners = np.frombuffer(phrasing_slot, dtype=np.intc)[touched]
    np.maximum.at(similarity, owners, 2.0 * shared / (total + own))
    np.maximum.at(shared_most, owners, shared)
    return similarity, shared_most


def _fuzzy_bound(index: Index, slots: Slots, query_length: int) -> Floats:
    """Per slot: the most `token_sort_ratio` (÷100) of the question and one of its phrasings can
    be, from their lengths (sorting tokens joined by single spaces keeps a string's length)."""
    start, count, _, length = index.phrasing_layout()
    counts = np.frombuffer(count, dtype=np.intc)[slots]
    result = np.zeros(len(slots))
    has = counts > 0
    if not has.any() or query_length <= 0:
        return result
    counts = counts[has]
    firsts = np.frombuffer(start, dtype=np.intc)[slots[has]]
    ends = np.cumsum(counts)
    offsets = ends - counts
    numbers = np.arange(int(ends[-1])) - np.repeat(offsets, counts) + np.repeat(firsts, counts)
    lengths = np.frombuffer(length, dtype=np.intc)[numbers].astype(np.float64)
    ratios = 2.0 * np.minimum(lengths, query_length) / (lengths + query_length)
    result[has] = np.maximum.reduceat(ratios, offsets)
    return result


def safe_top(
    index: Index,
    query: dict[int, float],
    bound: RelevanceBound,
    score: Callable[[int], S],
    k: int,
    minimum: float = 0.0,
) -> list[S]:
    """Every entry scored that could be among the k most relevant, best first (ties by entry id).

    `query` holds the known terms' weights; `score` scores one entry fully. Entries less relevant
    than `minimum` do not count (Lucene's 'minimum competitive score'): below the suggestion floor
    no entry is shown, so which of them ranks first changes nothing."""
    floor = _logit(minimum)
    slots, bounds = entry_bounds(index, query, bound)
    competing = bounds >= floor
    slots, bounds = slots[competing], bounds[competing]
    order = np.argsort(-bounds, kind="stable")
    best: list[tuple[float, int]] = []  # a min-heap of (relevance, -entry id): the k best so far
    scored: list[S] = []
    threshold = floor
    for chunk in range(0, len(order), _CHUNK):
        taken = order[chunk : chunk + _CHUNK]
        for slot, most in zip(slots[taken].tolist(), bounds[taken].tolist(), strict=True):
            if most < threshold:
                return _ranked(scored)
            result = score(index.entry_at(slot))
            scored.append(result)
            item = (result.relevance, -result.entry_id)
            if len(best) < k:
                heapq.heappush(best, item)
            elif item > best[0]:
                heapq.heapreplace(best, item)
            if len(best) >= k:
                threshold = max(floor, _logit(best[0][0]))
    return _ranked(scored)


def _ranked(scored: list[S]) -> list[S]:
    return sorted(scored, key=lambda s: (-s.relevance, s.entry_id))
