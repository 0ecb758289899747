"""The fast path's first stage: the exact best matches, found without scoring every entry.

The matcher's relevance is a logistic function of a weighted sum of features, and the features an
entry can reach are bounded by which of the question's terms it holds and in which fields (a
curated question or alternate, or the text only): `RelevanceBound`. That is MaxScore (Turtle and
Flood, 1995; Lucene and PISA use it and its block-max variants) with a field-aware bound:

1. Postings of rare terms are walked; each entry found gets an upper bound from them, assuming it
   also holds every common term in every field. Entries are scored fully in order of that bound
   (tightened first by looking the entry up in the common terms' postings) until the bound of the
   next falls below the k-th best relevance found.
2. Entries holding common terms only can beat that only if the common terms' weights allow it; if
   they do, the common terms whose weights together cannot reach it are left out (MaxScore's
   non-essential terms) and the others' postings are walked, as in step 1.

So no entry that shares a term with the question and could rank among the first k is skipped: the
fast path's top k are those of scoring every such entry (`Matcher.rank(..., exhaustive=True)`
scores the 1,000 sharing the most weight; tests/test_pruning.py checks both agree).

The bound must hold for every feature of `Matcher._score`: features it does not know are taken to
lie in [0, 1] and to count their full positive weight, which is safe but loose.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from knowledge.search.index import IN_PHRASING, IN_TEXT, Index

#: Features whose bound depends on the entry (the rest are equal for every entry or bounded by 1).
_ENTRY_FEATURES = ("coverage", "question_similarity", "question_coverage", "text_coverage", "fuzzy")
#: Features equal for every entry of one question.
_QUESTION_FEATURES = ("unknown_share", "rare_unknown", "bias")
#: How many entries of the index's cheap ranking are scored first, to set the bar.
SEEDS = 6
_NONZERO = re.compile(rb"[^\x00]")
#: Slack against rounding: a bound is never below the score it bounds.
_EPSILON = 1e-9


class HasRelevance(Protocol):
    entry_id: int
    relevance: float


S = TypeVar("S", bound=HasRelevance)


@dataclass(frozen=True, slots=True)
class RelevanceBound:
    """The most relevance an entry can reach, from the summed query weights of the terms it holds:
    anywhere, in some phrasing (question or alternate), and in its text.

    coverage = held/total and text_coverage = text/total exactly; a phrasing's shared weight is at
    most `phrased`, its own total at least its shared weight (query weights never exceed the index's
    weight of a term), so question_similarity = 2·shared/(total + own) ≤ 2·phrased/(total + phrased)
    and question_coverage ≤ phrased/total.
    """

    constant: float
    coverage: float
    question_coverage: float
    text_coverage: float
    similarity: float
    fuzzy: float
    total: float
    query_length: int

    def logit(self, held: float, phrased: float, text: float) -> float:
        """The bound on the weighted feature sum (relevance is its logistic, a monotone function)."""
        total = self.total
        return (
            self.constant
            + (self.coverage * held + self.question_coverage * phrased + self.text_coverage * text) / total
            + self.similarity * 2 * phrased / (total + phrased)
            + self.fuzzy
            + _EPSILON
        )

    def refined(self, held: float, phrased: float, text: float, totals: list[float], lengths: list[int]) -> float:
        """A tighter bound from the entry's phrasings: each one's own total weight (similarity is at
        most 2·min(phrased, own)/(total + own)) and length (fuzzy.token_sort_ratio, an Indel ratio,
        is at most 2·min(a, b)/(a + b) for strings of lengths a and b)."""
        total, length = self.total, self.query_length
        similarity = max((2 * min(phrased, own) / (total + own) for own in totals), default=0.0)
        fuzzy = max((2 * min(length, n) / (length + n) for n in lengths if n), default=0.0)
        return (
            self.constant
            + (self.coverage * held + self.question_coverage * phrased + self.text_coverage * text) / total
            + self.similarity * similarity
            + self.fuzzy * fuzzy
            + _EPSILON
        )


def _logit(relevance: float) -> float:
    """The weighted feature sum giving this relevance, rounded down (so pruning stays safe)."""
    if relevance <= 0.0:
        return -math.inf
    if relevance >= 1.0:
        return 36.0  # logistic(z) rounds to 1.0 from z ≈ 36.7 on: every such entry ties
    return math.log(relevance / (1.0 - relevance)) - _EPSILON


def relevance_bound(
    weights: dict[str, float], query: dict[int, float], total: float, rare_unknown: float, query_text: str
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
        total=total,
        query_length=len(query_text),
    )


@dataclass
class _Held:
    """What one entry holds of the question's terms, by summed weight: anywhere, in some phrasing,
    in its text."""

    held: float = 0.0
    phrased: float = 0.0
    text: float = 0.0


#: A posting list: a term's entries holding it in a phrasing (PHRASED) or in their text only.
PHRASED, TEXT_ONLY = 0, 1
List = tuple[int, int]


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
    terms = sorted((t for t in query if t >= 0), key=lambda t: (query[t], t))
    common = [t for t in terms if index.is_common(t)]
    rare = [t for t in terms if not index.is_common(t)]
    best: list[tuple[float, int]] = []  # a min-heap of (relevance, -entry id): the k best so far
    scored: dict[int, S] = {}

    def threshold() -> float:
        """The k-th best relevance so far, as a bound on the feature sum."""
        return max(floor, _logit(best[0][0])) if len(best) >= k else floor

    def consider(found: dict[int, _Held], unseen: list[List]) -> None:
        """Score the found entries in order of their bound, assuming them in every `unseen` list
        until they are looked up there, while the bound can still reach the k best."""
        extra = _sums(query, unseen)
        logit, least = bound.logit, threshold()
        heap = [
            (-z, slot)
            for slot, h in found.items()
            if (z := logit(h.held + extra.held, h.phrased + extra.phrased, h.text + extra.text)) >= least
        ]
        heapq.heapify(heap)  # best bound first; only as many are taken as can still compete
        while heap:
            negative, slot = heapq.heappop(heap)
            if -negative < threshold():
                break
            held = found[slot]
            if unseen:
                held = _look_up(index, query, unseen, slot, held)
                if logit(held.held, held.phrased, held.text) < threshold():
                    continue
            entry_id = index.entry_at(slot)
            if entry_id in scored:
                continue
            view = index.view(entry_id)
            lengths = [len(text) for text in view.phrasing_texts]
            if bound.refined(held.held, held.phrased, held.text, view.phrasing_totals, lengths) < threshold():
                continue
            take(entry_id)

    def take(entry_id: int) -> None:
        result = scored[entry_id] = score(entry_id)
        item = (result.relevance, -entry_id)
        if len(best) < k:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)

    # A first threshold from the few entries a cheap heuristic ranks first (index.candidates), so
    # that the lists to walk are chosen against a realistic k-th best, not against nothing.
    for entry_id in index.candidates(query, SEEDS):
        take(entry_id)
    found = _walk(index, query, [(t, kind) for t in rare for kind in (PHRASED, TEXT_ONLY)], skip=None)
    consider(found, [(t, kind) for t in common for kind in (PHRASED, TEXT_ONLY)])
    if common:
        # Entries holding common terms only: they compete only if they hold more weight than
        # `least` (the bound being monotone in it). Intersecting the common terms' bitmaps finds
        # exactly those, without walking a posting (WAND's pivot, computed on whole bitmaps).
        least = _most_held_below(bound, threshold(), sum(query[t] for t in common))
        if least is not None:
            items, level = _linear_items(index, query, bound, common, least, threshold())
            slots = _reaching(items, level) & _holding_more(index, query, common, least)
            consider(_holdings(index, query, common, slots, found), [])
    return sorted(scored.values(), key=lambda s: (-s.relevance, s.entry_id))


def _most_held_below(bound: RelevanceBound, threshold: float, most: float) -> float | None:
    """The largest weight an entry may hold and still not reach `threshold` (None: even `most` does
    not reach it), found by bisection of the monotone bound."""
    if bound.logit(most, most, most) < threshold:
        return None
    low, high = 0.0, most  # bound(low) < threshold ≤ bound(high), unless even nothing reaches it
    if bound.logit(0.0, 0.0, 0.0) >= threshold:
        return -1.0
    for _ in range(50):
        middle = (low + high) / 2
        if bound.logit(middle, middle, middle) < threshold:
            low = middle
        else:
            high = middle
    return low


def _linear_items(
    index: Index, query: dict[int, float], bound: RelevanceBound, terms: list[int], near: float, threshold: float
) -> tuple[list[tuple[float, int]], float]:
    """The bound made linear, per field: a term counts B·weight for an entry holding it in a
    phrasing and A·weight for one holding it in its text only (the similarity term, concave, is
    bounded by its tangent at `near`); an entry competes only if its items sum to `level`."""
    total, s = bound.total, bound.similarity
    slope = 2 * total / (total + near) ** 2
    text_only = (bound.coverage + bound.text_coverage) / total
    phrased = (bound.coverage + bound.question_coverage + bound.text_coverage) / total + s * slope
    constant = bound.constant + bound.fuzzy + s * (2 * near / (total + near) - slope * near) + _EPSILON
    items: list[tuple[float, int]] = []
    for term in terms:
        in_phrasing, in_text = index.field_bitmaps(term)
        items.append((phrased * query[term], in_phrasing))
        items.append((text_only * query[term], in_text & ~in_phrasing))
    return items, threshold - constant


def _reaching(items: list[tuple[float, int]], level: float) -> int:
    """Bits set in item bitmaps whose weights sum to at least `level` (items of one term are
    disjoint, so an entry sums at most one of them per term)."""
    ordered = sorted(items, key=lambda item: -item[0])
    weights = [w for w, _ in ordered]
    remaining = [sum(weights[i:]) for i in range(len(weights))]
    least = level - _EPSILON
    result = 0

    def extend(start: int, bits: int | None, held: float) -> None:
        nonlocal result
        for j in range(start, len(ordered)):
            if held + remaining[j] < least:
                return
            narrowed = ordered[j][1] if bits is None else bits & ordered[j][1]
            if not narrowed:
                continue
            if held + weights[j] >= least:
                result |= narrowed
            else:
                extend(j + 1, narrowed, held + weights[j])

    if least <= 0:
        for _, bits in ordered:
            result |= bits
        return result
    extend(0, None, 0.0)
    return result


def _holding_more(index: Index, query: dict[int, float], terms: list[int], least: float) -> int:
    """Slots of the entries whose held weight of `terms` exceeds `least`: the union, over the
    smallest sets of terms weighing more than that, of their bitmaps' intersection."""
    ordered = sorted(terms, key=lambda t: -query[t])
    weights = [query[t] for t in ordered]
    bitmaps = [index.bitmap(t) for t in ordered]  # any field
    remaining = [sum(weights[i:]) for i in range(len(weights))]
    result = 0

    def extend(start: int, bits: int | None, held: float) -> None:
        nonlocal result
        for j in range(start, len(ordered)):
            if held + remaining[j] <= least:
                return
            narrowed = bitmaps[j] if bits is None else bits & bitmaps[j]
            if not narrowed:
                continue
            if held + weights[j] > least:
                result |= narrowed
            else:
                extend(j + 1, narrowed, held + weights[j])

    extend(0, None, 0.0)
    return result


def _holdings(
    index: Index, query: dict[int, float], terms: list[int], slots: int, skip: dict[int, _Held]
) -> dict[int, _Held]:
    """What each of these entries (bits of `slots`) holds of `terms`, from the terms' bitmaps."""
    found: dict[int, _Held] = {slot: _Held() for slot in _set_bits(slots) if slot not in skip}
    for term in terms:
        weight = query[term]
        phrased, text = index.field_bitmaps(term)
        for slot in _set_bits(slots & (phrased | text)):
            held = found.get(slot)
            if held is not None:
                held.held += weight
        for slot in _set_bits(slots & phrased):
            held = found.get(slot)
            if held is not None:
                held.phrased += weight
        for slot in _set_bits(slots & text):
            held = found.get(slot)
            if held is not None:
                held.text += weight
    return found


_BITS_OF_BYTE = [tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)]


def _set_bits(bits: int) -> list[int]:
    """The positions of the set bits, lowest first."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8 or 1, "little")
    table = _BITS_OF_BYTE
    return [
        byte * 8 + bit for byte in (m.start() for m in _NONZERO.finditer(data)) for bit in table[data[byte]]
    ]


def _sums(query: dict[int, float], lists: list[List]) -> _Held:
    """The most an entry can hold through these lists (it is in at most one list of each term)."""
    terms = {term for term, _ in lists}
    held = sum(query[t] for t in terms)
    phrased = sum(query[t] for t in {term for term, kind in lists if kind == PHRASED})
    return _Held(held, phrased, held)


def _walk(
    index: Index, query: dict[int, float], lists: Iterable[List], skip: dict[int, _Held] | None
) -> dict[int, _Held]:
    """Entries in any of these posting lists, with the weight held in each field (`skip`: seen)."""
    alive = index.alive
    found: dict[int, _Held] = {}
    get = found.get
    for term, kind in lists:
        weight = query[term]
        for code in index.postings_of(term)[kind]:
            slot = code >> 2
            if not alive[slot] or (skip is not None and slot in skip):
                continue
            held = get(slot)
            if held is None:
                held = found[slot] = _Held()
            held.held += weight
            if kind == PHRASED:
                held.phrased += weight
                if code & IN_TEXT:
                    held.text += weight
            else:
                held.text += weight
    return found


def _look_up(index: Index, query: dict[int, float], lists: list[List], slot: int, partial: _Held) -> _Held:
    """The entry's holdings with these posting lists looked up (each sorted by slot)."""
    held = _Held(partial.held, partial.phrased, partial.text)
    code = slot << 2
    for term, kind in lists:
        postings = index.postings_of(term)[kind]
        i = bisect_left(postings, code)
        if i < len(postings) and postings[i] >> 2 == slot:
            weight = query[term]
            held.held += weight
            if postings[i] & IN_PHRASING:
                held.phrased += weight
            if postings[i] & IN_TEXT:
                held.text += weight
    return held
