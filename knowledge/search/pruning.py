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
  lengths a and b) bounded from the lengths of the entry's phrasings; for the entries whose bound
  still reaches the k-th best, computed exactly in one batch (`process.cdist`) before any is scored.

That is an upper bound of each entry's relevance. Entries are scored fully in order of their bound,
and scoring stops when the next bound falls below the k-th best relevance found (MaxScore's
stopping rule, with a per-entry bound in place of per-term ones; Turtle and Flood, 1995). So no
entry sharing a term with the question that could rank among the first k is skipped: the fast
path's top k are those of scoring every such entry (tests/test_pruning.py checks it against
`Matcher.rank(..., exhaustive=True)` and against scoring every entry).

A common term brings tens of thousands of entries at once: each is first screened by its pattern
(which of the next few terms it holds, and where: one byte) against a table of the 256 patterns'
loose bounds, after the first few hundred of the best patterns are scored to raise the bar.

What the first stage returns is a defined set, whatever it scored on the way: the k best at or
above the floor, and the seeds (`decision_set`). So scoring fewer entries cannot change an answer.

Features the bound does not know are taken to lie in [0, 1] and to count their full positive
weight, which is safe but loose.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from knowledge.search.index import IN_PHRASING, IN_TEXT, Index, token_sorted

#: Features whose bound depends on the entry (the rest are equal for every entry or bounded by 1).
_ENTRY_FEATURES = ("coverage", "question_similarity", "question_coverage", "text_coverage", "fuzzy", "answer_type_mismatch")
#: Features equal for every entry of one question.
_QUESTION_FEATURES = ("unknown_share", "rare_unknown", "bias")
#: Slack against rounding: a bound is never below the score it bounds.
_EPSILON = 1e-9
#: How many entries of the index's cheap ranking (most weighted terms shared) are scored first.
SEEDS = 6
#: Entries bounded finely at first (then four times more each round), best coarse bound first.
#: Each round costs ~40 numpy calls whatever its size, so a round of a hundred costs little more
#: than one of thirty: 128 took 7% less CPU a question than 32 at 100,000 entries (16, 64, 256 and
#: 1,024 tried; paired in-process runs). Which entries are scored changes no answer (`decision_set`).
_CHUNK = 128
#: Entries whose fuzzy feature is computed exactly at once (best fine bound first).
_FUZZY_BATCH = 16
#: Terms (from the one an entry is first met at) whose fields make up its pattern in the screen
#: (`_Query.screen`): two bits each, so one byte an entry and a table of 256 patterns.
_PATTERN_TERMS = 4
#: A term's new entries are screened by pattern from this many on (the table and the probe cost
#: ~30 numpy calls: fewer entries are bounded at once).
_SCREEN_FROM = 1024
#: How many entries of the best patterns are bounded and scored first, to raise the bar, when
#: more than `_PROBE_ABOVE` pass the screen at the bar as it is.
_PROBE = 512
_PROBE_ABOVE = 4096

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
    query_text: str

    @property
    def query_length(self) -> int:
        return len(self.query_text)


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
        query_text=query_text,
    )


class _Query:
    """One question against one index: its terms (rarest first) and the index's arrays as numpy views."""

    def __init__(self, index: Index, query: dict[int, float], bound: RelevanceBound) -> None:
        self.index, self.bound = index, bound
        self.terms = sorted((t for t in query if t >= 0), key=lambda t: (-query[t], t))
        self.weights = [query[t] for t in self.terms]
        self.postings = [np.frombuffer(index.postings_of(t), dtype=np.intc) for t in self.terms]
        self.alive = np.frombuffer(index.alive, dtype=np.uint8).view(np.bool_)
        start, count, _, length = index.phrasing_layout()
        self.phrasing_start = np.frombuffer(start, dtype=np.intc)
        self.phrasing_count = np.frombuffer(count, dtype=np.intc)
        self.phrasing_length = np.frombuffer(length, dtype=np.intc)

    def most(self, held: float) -> float:
        """The bound of an entry holding at most `held` of the question's weight, wherever."""
        b, total = self.bound, self.bound.total
        return (
            b.constant
            + (b.coverage + b.question_coverage + b.text_coverage) * held / total
            + b.similarity * 2 * held / (total + held)
            + b.fuzzy
            + max(b.mismatch, 0.0)
            + _EPSILON
        )

    def holdings(self, slots: Slots, first: int = 0, own: NDArray[np.intc] | None = None) -> tuple[Floats, Floats, Floats]:
        """For each of these slots the question's weight it holds anywhere, in some phrasing, in its
        text (looked up in each term's fields per slot). Entries first met at term `first` (rarest
        first) hold none of the rarer ones: only the terms from it on are looked up, and that term's
        own fields are `own`, from its postings, when given."""
        held, phrased, text = np.zeros(len(slots)), np.zeros(len(slots)), np.zeros(len(slots))
        for number in range(first, len(self.terms)):
            term, weight = self.terms[number], self.weights[number]
            flags = own if number == first and own is not None else self.index.term_flags(term)[slots]
            held += weight * (flags != 0)
            phrased += weight * ((flags & IN_PHRASING) != 0)
            text += weight * (flags & IN_TEXT)
        return held, phrased, text

    def patterns(self, slots: Slots, first: int, own: NDArray[np.intc]) -> tuple[NDArray[np.uint8], Floats]:
        """Each of these slots' pattern (first met at term `first`, holding it in the fields `own`):
        one byte, the fields of the terms from `first` on (`_PATTERN_TERMS` of them, two bits each);
        and for each of the 256 patterns a bound of the loose bound of an entry having it (any later
        terms taken as held everywhere). An entry costs a few byte operations where its holdings
        cost ~30 float ones."""
        numbers = range(first, min(first + _PATTERN_TERMS, len(self.terms)))
        code = own.astype(np.uint8)
        for shift, number in enumerate(numbers[1:], start=1):
            flags = self.index.term_flags(self.terms[number]).take(slots)
            flags <<= 2 * shift
            code |= flags
        later = sum(self.weights[numbers.stop :])
        patterns = np.arange(256)
        held, phrased, text = (np.full(256, later, dtype=np.float64) for _ in range(3))
        for shift, number in enumerate(numbers):
            fields, weight = (patterns >> (2 * shift)) & (IN_TEXT | IN_PHRASING), self.weights[number]
            held += weight * (fields != 0)
            phrased += weight * ((fields & IN_PHRASING) != 0)
            text += weight * ((fields & IN_TEXT) != 0)
        # `loose` rises with each holding, so a pattern's bound is at least that of any entry having
        # it; the slack covers sums added in another order than `holdings` adds them.
        bounds: Floats = self.loose(held, phrased, text) + _EPSILON
        return code, bounds

    def loose(self, held: Floats, phrased: Floats, text: Floats) -> Floats:
        """The bound from the holdings alone, looking nothing up: no phrasing shares more than
        `phrased`, and fuzzy ≤ 1. Never below `coarse`, and cheaper: it screens entries for it
        (dropping entries between lookups, term by term, was tried: more numpy calls than it saved)."""
        b, total = self.bound, self.bound.total
        return (
            b.constant
            + (b.coverage * held + b.question_coverage * phrased + b.text_coverage * text) / total
            + b.similarity * 2 * phrased / (total + phrased)
            + b.fuzzy
            + self._mismatch_bound(None)
            + _EPSILON
        )

    def coarse(self, slots: Slots, held: Floats, phrased: Floats, text: Floats) -> Floats:
        """The bound from the holdings and each entry's phrasing ranges (`Index.phrasing_ranges`):
        a phrasing shares at most `phrased` and at most its own total weight, and its total and its
        length lie within the entry's smallest and largest; the answer-type term exactly."""
        b, total = self.bound, self.bound.total
        lowest, highest, shortest, longest = self.index.phrasing_ranges()
        most = np.minimum(phrased, highest[slots])
        # 2·min(phrased, own)/(total + own) rises with own up to `phrased` and falls after it, so
        # over the entry's range of own totals it is largest at `phrased` brought into that range.
        own = np.clip(phrased, lowest[slots], highest[slots])
        similarity = 2 * np.minimum(phrased, own) / (total + own)
        fuzzy: Floats | float = 0.0
        if b.fuzzy:
            # An Indel ratio 2·min(a, q)/(a + q) is largest at a = q: the length brought into range.
            query = float(b.query_length)
            length = np.clip(query, shortest[slots], longest[slots])
            fuzzy = np.where(length + query > 0, 2 * np.minimum(length, query) / np.maximum(length + query, 1.0), 0.0)
        return (
            b.constant
            + (b.coverage * held + b.question_coverage * most + b.text_coverage * text) / total
            + b.similarity * similarity
            + b.fuzzy * fuzzy
            + self._mismatch_bound(slots)
            + _EPSILON
        )

    def fine(self, slots: Slots, held: Floats, text: Floats) -> Floats:
        """The bound with each phrasing of the entries looked at: its shared weight against its own
        total (question similarity exactly, question coverage by the largest share) and its length
        (fuzzy)."""
        rest, fuzzy = self.fine_parts(slots, held, text)
        bounded: Floats = rest + self.bound.fuzzy * fuzzy
        return bounded

    def fine_parts(self, slots: Slots, held: Floats, text: Floats, first: int = 0) -> tuple[Floats, Floats]:
        """The fine bound without its fuzzy term, and the fuzzy feature's bound from lengths (of
        entries holding none of the terms rarer than term `first`)."""
        b, total = self.bound, self.bound.total
        counts = self.phrasing_count.take(slots)
        similarity, shared_most, fuzzy = np.zeros(len(slots)), np.zeros(len(slots)), np.zeros(len(slots))
        has = counts > 0
        if has.any():
            # Most entries have phrasings: then no mask is applied (fewer numpy calls, the same values).
            every = bool(has.all())
            if not every:
                counts = counts[has]
            ends = np.cumsum(counts)
            offsets = ends - counts
            firsts = self.phrasing_start.take(slots if every else slots[has])
            numbers = np.repeat(firsts - offsets, counts) + np.arange(int(ends[-1]), dtype=np.intc)
            shared = np.zeros(len(numbers))
            byte, bit = numbers >> 3, (numbers & 7).astype(np.uint8)
            phrasing_bits = self.index.phrasing_bits
            for term, weight in zip(self.terms[first:], self.weights[first:], strict=True):
                holding = phrasing_bits(term).take(byte)
                holding >>= bit
                holding &= 1
                shared += weight * holding
            own = self.index.phrasing_totals().take(numbers)
            closest = np.maximum.reduceat(2.0 * shared / (total + own), offsets)
            largest = np.maximum.reduceat(shared, offsets)
            if every:
                similarity, shared_most = closest, largest
            else:
                similarity[has], shared_most[has] = closest, largest
            if b.query_length > 0:
                lengths = self.phrasing_length.take(numbers).astype(np.float64)
                ratios = np.maximum.reduceat(2.0 * np.minimum(lengths, b.query_length) / (lengths + b.query_length), offsets)
                if every:
                    fuzzy = ratios
                else:
                    fuzzy[has] = ratios
        rest = (
            b.constant
            + (b.coverage * held + b.question_coverage * shared_most + b.text_coverage * text) / total
            + b.similarity * similarity
            + self._mismatch_bound(slots)
            + _EPSILON
        )
        return rest, fuzzy

    def exact_fuzzy(self, slots: list[int]) -> Floats:
        """The fuzzy feature of these entries exactly (their best phrasing's token_sort_ratio, as
        `Matcher._score` takes it; leaving a phrasing out, as calibration does, only lowers it), in
        one call for all their phrasings: fuzz.ratio of the sorted texts, the same value."""
        texts: list[str] = []
        counts = np.zeros(len(slots), dtype=np.intp)
        for number, slot in enumerate(slots):
            phrasings = self.index.phrasing_texts_at(slot)
            counts[number] = len(phrasings)
            texts.extend(phrasings)
        fuzzy = np.zeros(len(slots))
        if not texts:
            return fuzzy
        query = token_sorted(self.bound.query_text)
        ratios = process.cdist([query], texts, scorer=fuzz.ratio, dtype=np.float64)[0]
        has = counts > 0
        offsets = (np.cumsum(counts) - counts)[has]
        fuzzy[has] = np.maximum.reduceat(ratios, offsets) / 100 + _EPSILON
        return fuzzy

    def _mismatch_bound(self, slots: Slots | None) -> Floats | float:
        """The answer-type term: exact where the entries are known, else at most its weight."""
        b = self.bound
        if b.asks_for is None or not b.mismatch:
            return 0.0
        if slots is None:
            return max(b.mismatch, 0.0)
        masks = np.frombuffer(self.index.provides_masks, dtype=np.uint8)[slots]
        mismatched: Floats = b.mismatch * ((masks & self.index.provides_bit(b.asks_for)) == 0)
        return mismatched


def entry_bounds(index: Index, query: dict[int, float], bound: RelevanceBound) -> tuple[Slots, Floats, Floats]:
    """Every live entry sharing a term with the question (slots), with its coarse and its fine
    bound of the weighted feature sum (relevance is the logistic of it, a monotone function)."""
    search = _Query(index, query, bound)
    if not search.postings:
        return np.zeros(0, dtype=np.intp), np.zeros(0), np.zeros(0)
    slots = np.unique(np.concatenate(search.postings) >> 2).astype(np.intp)
    slots = slots[search.alive[slots]]
    held, phrased, text = search.holdings(slots)
    return slots, search.coarse(slots, held, phrased, text), search.fine(slots, held, text)


class _Best(Generic[S]):
    """The k most relevant scored so far, and the bar an entry's bound must reach to compete."""

    def __init__(self, k: int, floor: float) -> None:
        self.k, self.floor, self.threshold = k, floor, floor
        self.heap: list[tuple[float, int]] = []  # a min-heap of (relevance, -entry id)
        self.scored: dict[int, S] = {}

    def add(self, result: S) -> None:
        self.scored[result.entry_id] = result
        item = (result.relevance, -result.entry_id)
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, item)
        elif item > self.heap[0]:
            heapq.heapreplace(self.heap, item)
        if len(self.heap) >= self.k:
            self.threshold = max(self.floor, _logit(self.heap[0][0]))


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
    no entry is shown, so which of them ranks first changes nothing.

    Terms are taken rarest first; the entries in a term's postings not met before are bounded
    (coarsely, then finely for those still competing) and scored in order of their bound while it
    reaches the k-th best. Before each term: an entry not met yet holds only the terms still to
    come, so once their weight together cannot reach the k-th best, no such entry can (MaxScore)."""
    search = _Query(index, query, bound)
    best: _Best[S] = _Best(k, _logit(minimum))
    # The entries sharing the most weighted terms are scored first whatever their bound: they set
    # the bar early, and the decision sees them beside the k best (as it always has).
    seeds = index.candidates(query, SEEDS)
    for entry_id in seeds:
        best.add(score(entry_id))
    seen = ~search.alive  # tombstones count as met: never considered
    remaining = sum(search.weights)
    for number, (weight, codes) in enumerate(zip(search.weights, search.postings, strict=True)):
        if search.most(remaining) < best.threshold:
            break
        remaining -= weight
        slots = (codes >> 2).astype(np.intp)
        new = ~seen[slots]
        codes, slots = codes[new], slots[new]
        if len(slots):
            _consider(search, slots, number, codes & (IN_TEXT | IN_PHRASING), best, score)
        # Marked after (`_consider` does not read it), and only when the next term is walked (the
        # check the loop makes next): the last term's entries, often tens of thousands, are not.
        if number + 1 < len(search.weights) and not search.most(remaining) < best.threshold:
            seen[slots] = True
    return decision_set(list(best.scored.values()), seeds, k, minimum)


def decision_set(scored: list[S], seeds: list[int], k: int, minimum: float) -> list[S]:
    """What the decision sees, best first (ties by entry id): the k most relevant at or above
    `minimum` and the seeds. Both are defined by the question and the index alone (the k best
    exactly, by the pruning above), so an entry scored on the way and neither of them cannot
    change an answer, and neither can scoring fewer."""
    ranked = sorted(scored, key=lambda s: (-s.relevance, s.entry_id))
    keep = set(seeds)
    keep.update(s.entry_id for s in ranked[:k] if s.relevance >= minimum)
    return [s for s in ranked if s.entry_id in keep]


def _consider(
    search: _Query, slots: Slots, first: int, own: NDArray[np.intc], best: _Best[S], score: Callable[[int], S]
) -> None:
    """Score those of these entries (first met at term `first`, holding it in the fields `own`) that
    can still reach the k best. Many entries (a common term's): each one's pattern of fields first
    (`_Query.patterns`); the `_PROBE` of the best patterns are taken first, and scoring them raises
    the bar; the rest are screened by their pattern's bound against it, so that only those that can
    still reach it are bounded further ('Hoe veilig zijn Belarussen in Nederland eigenlijk?' at
    100,000 entries: 43,000 of its rarest term's 47,000 passed the seeds' bar; of the entries the 30
    slowest benchmark questions walk, 1 in 27 passes the final bar)."""
    if len(slots) < _SCREEN_FROM:
        _rounds(search, slots, first, own, best, score)
        return
    code, bounds = search.patterns(slots, first, own)
    at = np.flatnonzero((bounds >= best.threshold).take(code))
    if len(at) > _PROBE_ABOVE:
        # The bar is low for so many: the best patterns first, until they hold `_PROBE` entries
        # (those first in slot order); then the rest against the bar their scores raised.
        order = np.argsort(-bounds, kind="stable")
        taken = np.cumsum(np.bincount(code, minlength=256)[order])
        chosen = np.zeros(256, dtype=np.bool_)
        chosen[order[: int(np.searchsorted(taken, _PROBE)) + 1]] = True
        probe = np.flatnonzero(chosen.take(code))[:_PROBE]
        _rounds(search, slots[probe], first, own[probe], best, score)
        rest = (bounds >= best.threshold).take(code)
        rest[probe] = False
        at = np.flatnonzero(rest)
    if len(at):
        _rounds(search, slots[at], first, own[at], best, score)


def _rounds(
    search: _Query, slots: Slots, first: int, own: NDArray[np.intc], best: _Best[S], score: Callable[[int], S]
) -> None:
    """Score those of these entries (first met at term `first`, holding it in the fields `own`) that
    can still reach the k best: by coarse bound, a few first and then more at a time (each time only
    those still reaching the bar, which rises as entries are scored), finely bounded, best first.
    Each round takes the best coarse bounds left by partial selection (`argpartition`): a full sort
    of thousands of bounds is wasted when a few rounds end it. The coarse bound is computed only for
    the entries whose bound from the holdings alone (`loose`, no lookups) reaches the bar."""
    held, phrased, text = search.holdings(slots, first, own)
    near = np.flatnonzero(search.loose(held, phrased, text) >= best.threshold)
    slots, held, phrased, text = slots[near], held[near], phrased[near], text[near]
    coarse = search.coarse(slots, held, phrased, text)
    left = np.flatnonzero(coarse >= best.threshold)
    size = _CHUNK
    while len(left):
        if len(left) > size:
            chosen = np.argpartition(-coarse[left], size - 1)[:size]
            part = left[chosen]
            taken = np.zeros(len(left), dtype=np.bool_)
            taken[chosen] = True
            left = left[~taken]
        else:
            part, left = left, left[:0]
        size *= 4
        part = part[coarse[part] >= best.threshold]
        if not len(part):
            return  # the best coarse bounds left: none of the rest reaches the bar either
        rest, fuzzy = search.fine_parts(slots[part], held[part], text[part], first)
        fine = rest + search.bound.fuzzy * fuzzy
        ranked = np.argsort(-fine, kind="stable")
        _score_tightened(search, slots[part][ranked], rest[ranked], fine[ranked], best, score)
        left = left[coarse[left] >= best.threshold]


def _score_tightened(
    search: _Query, slots: Slots, rest: Floats, fine: Floats, best: _Best[S], score: Callable[[int], S]
) -> None:
    """Score those of these entries (best fine bound first) whose bound with the exact fuzzy feature
    still reaches the bar: a few at a time, the fuzzy feature of each batch in one call."""
    weight = search.bound.fuzzy
    for start in range(0, len(slots), _FUZZY_BATCH):
        end = start + _FUZZY_BATCH
        if fine[start] < best.threshold:
            return  # ordered by the fine bound: none of the rest reaches the bar either
        reach = np.flatnonzero(fine[start:end] >= best.threshold) + start
        entry_at, scored = search.index.entry_at, best.scored
        pending = [
            (i, slot) for i, slot in zip(reach.tolist(), slots[reach].tolist(), strict=True) if entry_at(slot) not in scored
        ]
        if not pending:
            continue
        batch = [slot for _, slot in pending]
        tight = rest[[i for i, _ in pending]]
        if weight:
            tight = tight + weight * search.exact_fuzzy(batch)
        for i in np.argsort(-tight, kind="stable").tolist():
            if tight[i] >= best.threshold:
                best.add(score(search.index.entry_at(batch[i])))
