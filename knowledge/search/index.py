"""An in-memory inverted index over entries, compact enough for 100,000 of them.

Each entry is indexed as a few fields (its question, each alternate question, its text) made of
term ids, packed into one array per entry. Postings are arrays of entry slots (with the fields
holding the term), and each term also lists the phrasings (question or alternate) holding it, so
that the first stage (pruning.py) can compute per entry, in numpy, how much of a question it holds
and how close its closest phrasing is. A removed or changed entry leaves a tombstone until the next
compaction, so changes never need a rebuild.

Analysis is the expensive part of building an index, so each entry's analysed form can be saved
(`encode`) and loaded back (`add_encoded`) from the store's index cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from knowledge.models import Entry
from knowledge.text.analysis import LANGUAGES, Analyzer, provides
from knowledge.text.sentences import sentence_spans
from knowledge.text.spelling import Speller

#: Bump when analysis changes in code (the lexicon files are part of the fingerprint already).
ANALYZER_VERSION = 9
#: How many candidates `candidates` returns by default (entries sharing the most weighted terms).
CANDIDATES = 40
#: How deep the slow path (exact_candidates) looks, to check that the shortcuts lose nothing.
EXACT_CANDIDATES = 1000
#: Scoring views kept in memory (a few hundred bytes each).
VIEWS = 20_000
#: Terms whose fields per slot are kept as a dense array (one byte a slot), until the index changes.
FLAG_ARRAYS = 64
#: `candidates` takes a term's entries this many first, then four times more each time.
_FIRST_CHUNK = 512
TEXT, QUESTION, ALTERNATE = 0, 1, 2
#: Each posting is `slot << 2 | fields`: which fields of the entry hold the term (see pruning.py).
IN_TEXT, IN_PHRASING = 1, 2
_KIND_CODES = {TEXT: "t", QUESTION: "q", ALTERNATE: "a"}
_KINDS = {code: kind for kind, code in _KIND_CODES.items()}
_PROVIDES = ("count", "time", "fate", "practical")
_EMPTY = array("i")
#: Per slot: the smallest and largest phrasing total weight, the shortest and longest phrasing text.
Ranges = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]


#: An entry's document date as the index keeps it (an ordinal); 0 when the document gives none.
NO_DATE = 0


def date_ordinal(date: dt.date | None) -> int:
    """A document date as the index keeps it: its ordinal, or NO_DATE."""
    return date.toordinal() if date else NO_DATE


def analyzer_fingerprint() -> str:
    """Identifies the analysis that produced cached entries: code version and lexicon files."""
    digest = hashlib.sha256(str(ANALYZER_VERSION).encode())
    folder = resources.files("knowledge") / "lexicon"
    for name in ("synonyms.yaml", "stopwords.yaml"):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ScoringView:
    """An entry's fields as sets and strings, with each phrasing's total weight."""

    text_terms: frozenset[int]
    phrasings: list[frozenset[int]]
    #: Each phrasing's terms sorted, joined by spaces (`token_sorted`): what fuzz.token_sort_ratio
    #: compares, so the fuzzy feature is fuzz.ratio of it, without sorting every phrasing each time.
    phrasing_texts: list[str]
    phrasing_totals: list[float]
    provides: frozenset[str]
    #: Per term, the phrasings holding it (ascending): the scorer walks the question's few terms,
    #: not each of an entry's tens of phrasings.
    term_phrasings: dict[int, list[int]]


class Terms:
    """Term strings ↔ small integer ids."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.strings: list[str] = []

    def id(self, term: str) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.strings)
            self.strings.append(term)
        return found

    def get(self, term: str) -> int | None:
        return self.ids.get(term)

    def text(self, ids: Iterable[int]) -> str:
        return " ".join(self.strings[i] for i in ids)


class Index:
    """Term → entries, term weights, candidates, and the vocabulary for typo correction."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.terms = Terms()
        self._slot_of: dict[int, int] = {}
        self._entry_of = array("q")
        # Each entry's fields packed (kind, length, term ids...), all entries in one array: a slot's
        # run starts at _packed_start[slot] and is _packed_length[slot] long (a tombstone's stays
        # until the next compaction).
        self._packed = array("i")
        self._packed_start = array("q")
        self._packed_length = array("i")
        self._date = array("i")  # per slot: the document's date (an ordinal, 0 when unknown)
        self._topics: dict[int, frozenset[str]] = {}  # by slot, for the entries with topics
        self._alive = bytearray()
        self._provides = bytearray()  # per slot: the provides mask (see _PROVIDES)
        # Postings: `slot << 2 | fields` of the entries holding the term, in slot order.
        self._postings: dict[int, array[int]] = {}
        # Phrasings (an entry's question and alternates, numbered in slot order): which hold each
        # term, whose entry each is, and how long its text is (terms joined by spaces).
        self._in_phrasings: dict[int, array[int]] = {}
        self._phrasing_start = array("i")  # per slot: its first phrasing's number
        self._phrasing_count = array("i")  # per slot
        self._phrasing_slot = array("i")  # per phrasing
        self._phrasing_length = array("i")  # per phrasing
        self._phrasing_totals: NDArray[np.float64] | None = None
        self._phrasing_ranges: Ranges | None = None
        self._flags: dict[int, NDArray[np.uint8]] = {}
        self._phrasing_bits: dict[int, NDArray[np.uint8]] = {}
        self._df: dict[int, int] = defaultdict(int)
        self._tombstones = 0
        self._weights: dict[int | None, float] = {}
        self._views: dict[int, ScoringView] = {}
        self._texts_at: dict[int, list[str]] = {}  # phrasing texts by slot, for the first stage
        self._by_topic: dict[str, set[int]] = defaultdict(set)
        #: Counts the changes: what is worked out over the whole index is kept until this moves.
        self.generation = 0
        self.tokens: set[str] = set()
        self._speller: Speller | None = None
        lexicon = analyzer.lexicon
        self._known_tokens = set(lexicon.synonyms) | analyzer.function_words | {w for phrase in lexicon.phrases for w in phrase}

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, entry_id: int) -> bool:
        return entry_id in self._slot_of

    def entry_ids(self) -> list[int]:
        return list(self._slot_of)

    # --- building ----------------------------------------------------------------------------------

    def add(self, entry: Entry, date: int = NO_DATE) -> str:
        """Analyse and index an entry (replacing what was indexed for it); returns its encoded form."""
        if entry.id is None:
            raise ValueError("only stored entries (with an id) can be indexed")
        encoded, words = analyse_entry(self.analyzer, entry)
        self.learn_tokens(words)
        self.add_encoded(entry.id, encoded, date, frozenset(entry.topics))
        return encoded

    def learn_tokens(self, words: Iterable[str]) -> None:
        """Words of indexed texts, for typo correction (an entry analysed elsewhere brings its own)."""
        new = set(words) - self.tokens
        if new:
            self.tokens.update(new)
            self._speller = None

    def add_encoded(self, entry_id: int, encoded: str, date: int = 0, topics: frozenset[str] = frozenset()) -> None:
        """Index an entry from its saved analysis (see `add`), without analysing it again."""
        self.remove(entry_id)
        kinds_provided, fields = _decode(encoded)
        packed = array("i")
        all_terms: dict[int, int] = {}
        slot = len(self._entry_of)
        first_phrasing = phrasing = len(self._phrasing_slot)
        for kind, words in fields:
            ids = [self.terms.id(w) for w in words]
            packed.append(kind)
            packed.append(len(ids))
            packed.extend(ids)
            flag = IN_TEXT if kind == TEXT else IN_PHRASING
            for term in ids:
                all_terms[term] = all_terms.get(term, 0) | flag
            if kind != TEXT:
                for term in dict.fromkeys(ids):
                    holding = self._in_phrasings.get(term)
                    if holding is None:
                        holding = self._in_phrasings[term] = array("i")
                    holding.append(phrasing)
                self._phrasing_slot.append(slot)
                self._phrasing_length.append(sum(map(len, words)) + len(words) - 1 if words else 0)
                phrasing += 1
        self._changed()
        self._slot_of[entry_id] = slot
        self._entry_of.append(entry_id)
        self._packed_start.append(len(self._packed))
        self._packed_length.append(len(packed))
        self._packed.extend(packed)
        mask = sum(1 << i for i, name in enumerate(_PROVIDES) if name in kinds_provided)
        self._date.append(date)
        if topics:
            self._topics[slot] = topics
        self._alive.append(1)
        self._provides.append(mask)
        self._phrasing_start.append(first_phrasing)
        self._phrasing_count.append(phrasing - first_phrasing)
        for topic in topics:
            self._by_topic[topic].add(entry_id)
        for term, flags in all_terms.items():
            postings = self._postings.get(term)
            if postings is None:
                postings = self._postings[term] = array("i")
            postings.append(slot << 2 | flags)
            self._df[term] += 1

    def remove(self, entry_id: int) -> None:
        slot = self._slot_of.pop(entry_id, None)
        if slot is None:
            return
        self._changed()
        for term in set(_terms_of(self._packed_of(slot))):
            self._df[term] -= 1
        for topic in self._topics.pop(slot, ()):
            self._by_topic[topic].discard(entry_id)
        self._alive[slot] = 0
        self._tombstones += 1
        if self._tombstones > 1000 and self._tombstones > len(self._slot_of):
            self._compact()

    def _compact(self) -> None:
        """Drop tombstones: re-add the live entries into fresh slots."""
        live = [
            (entry_id, self.encoded(entry_id), self._date[slot], self._topics.get(slot, frozenset()))
            for entry_id, slot in self._slot_of.items()
        ]
        tokens = self.tokens
        self.__init__(self.analyzer)  # type: ignore[misc]
        self.tokens = tokens
        for entry_id, text, date, topics in live:
            self.add_encoded(entry_id, text, date, topics)

    def encoded(self, entry_id: int) -> str:
        slot = self._slot_of[entry_id]
        return self._encode_packed(self._packed_of(slot), self._provides[slot])

    def _packed_of(self, slot: int) -> array[int]:
        start = self._packed_start[slot]
        return self._packed[start : start + self._packed_length[slot]]

    def _encode_packed(self, packed: array[int], mask: int) -> str:
        kinds = frozenset(name for i, name in enumerate(_PROVIDES) if mask & (1 << i))
        return _encode(kinds, [(kind, tuple(self.terms.strings[t] for t in ids)) for kind, ids in _fields_of(packed)])

    # --- snapshots ---------------------------------------------------------------------------------

    def snapshot(self) -> tuple[dict[str, object], list[tuple[str, array[int]]]]:
        """The whole index as plain data for marshal (the small parts) and arrays written as they lie
        in memory (the large ones, read back with `array.fromfile`: no copy of them is ever held)."""
        header: dict[str, object] = {
            "terms": self.terms.strings,
            "topics": {slot: tuple(sorted(topics)) for slot, topics in self._topics.items()},
            "df": dict(self._df),
            "tombstones": self._tombstones,
            "tokens": sorted(self.tokens),
            "postings_terms": list(self._postings),
            "phrasings_terms": list(self._in_phrasings),
        }
        arrays: list[tuple[str, array[int]]] = [
            ("entry_of", self._entry_of),
            ("packed", self._packed),
            ("packed_start", self._packed_start),
            ("packed_length", self._packed_length),
            ("date", self._date),
            ("alive", array("B", self._alive)),
            ("provides", array("B", self._provides)),
            ("phrasing_start", self._phrasing_start),
            ("phrasing_count", self._phrasing_count),
            ("phrasing_slot", self._phrasing_slot),
            ("phrasing_length", self._phrasing_length),
        ]
        arrays += [("postings", p) for p in self._postings.values()]
        arrays += [("phrasings", p) for p in self._in_phrasings.values()]
        return header, arrays

    @classmethod
    def from_snapshot(cls, analyzer: Analyzer, header: dict[str, Any], read: Callable[[str], array[int]]) -> Index:
        """Rebuild from `snapshot()`: the header, and `read(typecode)` giving its arrays in order."""
        index = cls(analyzer)
        index.terms.strings = list(header["terms"])
        index.terms.ids = {term: i for i, term in enumerate(index.terms.strings)}
        index._topics = {int(slot): frozenset(topics) for slot, topics in header["topics"].items()}
        index._df = defaultdict(int, header["df"])
        index._tombstones = int(header["tombstones"])
        index.tokens = set(header["tokens"])
        index._entry_of, index._packed, index._packed_start = read("q"), read("i"), read("q")
        index._packed_length, index._date = read("i"), read("i")
        index._alive, index._provides = bytearray(read("B")), bytearray(read("B"))
        index._phrasing_start, index._phrasing_count = read("i"), read("i")
        index._phrasing_slot, index._phrasing_length = read("i"), read("i")
        posting_terms, phrasing_terms = header["postings_terms"], header["phrasings_terms"]
        index._postings = {term: read("i") for term in posting_terms}
        index._in_phrasings = {term: read("i") for term in phrasing_terms}
        count = len(index._entry_of)
        per_slot: list[array[int] | bytearray] = [index._packed_start, index._packed_length, index._date, index._alive]
        per_slot += [index._provides, index._phrasing_start, index._phrasing_count]
        if any(len(values) != count for values in per_slot) or len(index._phrasing_slot) != len(index._phrasing_length):
            raise ValueError("inconsistent index snapshot")
        ends = (start + length for start, length in zip(index._packed_start, index._packed_length, strict=True))
        if max(ends, default=0) > len(index._packed) or any(not 0 <= slot < count for slot in index._topics):
            raise ValueError("inconsistent index snapshot")
        index._slot_of = {index._entry_of[slot]: slot for slot in range(count) if index._alive[slot]}
        for slot, topics in index._topics.items():
            for topic in topics:
                index._by_topic[topic].add(index._entry_of[slot])
        return index

    # --- reading -----------------------------------------------------------------------------------

    def fields(self, entry_id: int) -> list[tuple[int, array[int]]]:
        """The entry's fields as (kind, term ids), text first: the cheap view the scorer reads."""
        return list(_fields_of(self._packed_of(self._slot_of[entry_id])))

    def provides_of(self, entry_id: int) -> frozenset[str]:
        mask = self._provides[self._slot_of[entry_id]]
        return frozenset(name for i, name in enumerate(_PROVIDES) if mask & (1 << i))

    def date_of(self, entry_id: int) -> int:
        return self._date[self._slot_of[entry_id]]

    def on_topic(self, topics: Iterable[str]) -> set[int]:
        """Entries sharing any of these topics."""
        return set().union(*(self._by_topic.get(topic, set()) for topic in topics))

    def topics_of(self, entry_id: int) -> frozenset[str]:
        return self._topics.get(self._slot_of[entry_id], frozenset())

    def _changed(self) -> None:
        """Weights depend on every entry: forget the cached ones."""
        self.generation += 1
        if self._weights:
            self._weights.clear()
        if self._views:
            self._views.clear()
        if self._texts_at:
            self._texts_at.clear()
        self._phrasing_totals = None
        self._phrasing_ranges = None
        if self._flags:
            self._flags.clear()
        if self._phrasing_bits:
            self._phrasing_bits.clear()

    def weight(self, term: int | None) -> float:
        """BM25's idf: rare terms weigh more; a term no entry has weighs most."""
        cached = self._weights.get(term)
        if cached is None:
            n = max(len(self._slot_of), 1)
            df = self._df.get(term, 0) if term is not None else 0
            cached = self._weights[term] = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
        return cached

    def view(self, entry_id: int) -> ScoringView:
        """What the scorer needs of an entry, built once and kept until the index changes."""
        found = self._views.get(entry_id)
        if found is None:
            if len(self._views) > VIEWS:
                self._views.clear()
            slot = self._slot_of[entry_id]
            # The packed fields as one list (slicing it costs less than slicing the array).
            packed = self._packed_of(slot).tolist()
            at = 2 + packed[1]
            text_terms = frozenset(packed[2:at])
            phrasings = []
            while at < len(packed):
                end = at + 2 + packed[at + 1]
                phrasings.append(frozenset(packed[at + 2 : end]))
                at = end
            # The first stage may have read the phrasings' texts already (`phrasing_texts_at`).
            texts = self._texts_at.get(slot)
            if texts is None:
                texts = self._sorted_phrasings(slot)
            holding: dict[int, list[int]] = {}
            for position, terms in enumerate(phrasings):
                for term in terms:
                    holding.setdefault(term, []).append(position)
            found = self._views[entry_id] = ScoringView(
                text_terms=text_terms,
                phrasings=phrasings,
                phrasing_texts=texts,
                phrasing_totals=[sum(map(self.weight, terms)) for terms in phrasings],
                provides=self.provides_of(entry_id),
                term_phrasings=holding,
            )
        return found

    # --- for the safe first stage (pruning.py) -----------------------------------------------------

    def postings_of(self, term: int) -> array[int]:
        """The term's postings, `slot << 2 | fields` in slot order (tombstones included: see `alive`)."""
        return self._postings.get(term, _EMPTY)

    def term_flags(self, term: int) -> NDArray[np.uint8]:
        """Per slot, the fields holding the term (IN_TEXT | IN_PHRASING; 0: none): a lookup in
        constant time. Kept for the terms asked most recently until the index changes."""
        found = self._flags.pop(term, None)
        if found is None:
            codes = np.frombuffer(self._postings.get(term, _EMPTY), dtype=np.intc)
            found = np.zeros(len(self._alive), dtype=np.uint8)
            found[codes >> 2] = codes & (IN_TEXT | IN_PHRASING)
            if len(self._flags) >= FLAG_ARRAYS:
                del self._flags[next(iter(self._flags))]  # the least recently asked
        self._flags[term] = found  # most recently asked last
        return found

    def phrasing_bits(self, term: int) -> NDArray[np.uint8]:
        """The phrasings holding the term as a bitmap (bit p of byte p >> 3, lowest bit first):
        looked up in constant time. Kept for the terms asked most recently until the index changes."""
        found = self._phrasing_bits.pop(term, None)
        if found is None:
            holding = np.zeros(len(self._phrasing_slot) + 1, dtype=np.bool_)
            holding[np.frombuffer(self._in_phrasings.get(term, _EMPTY), dtype=np.intc)] = True
            found = np.packbits(holding, bitorder="little")
            if len(self._phrasing_bits) >= FLAG_ARRAYS:
                del self._phrasing_bits[next(iter(self._phrasing_bits))]  # the least recently asked
        self._phrasing_bits[term] = found  # most recently asked last
        return found

    def phrasings_holding(self, term: int) -> array[int]:
        """The phrasings holding the term, by number, ascending (tombstones' included)."""
        return self._in_phrasings.get(term, _EMPTY)

    @property
    def alive(self) -> bytearray:
        """Per slot: 1 for a live entry, 0 for a tombstone."""
        return self._alive

    @property
    def provides_masks(self) -> bytearray:
        """Per slot: which kinds of answer the entry's text provides (bit i: _PROVIDES[i])."""
        return self._provides

    def provides_bit(self, kind: str) -> int:
        return 1 << _PROVIDES.index(kind) if kind in _PROVIDES else 0

    def later_providing(self, kind: str, since: int) -> list[int]:
        """The live entries of a document dated after `since` (an ordinal) whose text provides `kind`:
        where a newer figure of an answer's can be (decision._later_figure), without a look at the rest."""
        if not self._entry_of:
            return []
        dates = np.frombuffer(self._date, dtype=np.intc)
        masks = np.frombuffer(self._provides, dtype=np.uint8)
        alive = np.frombuffer(self._alive, dtype=np.uint8)
        slots = np.flatnonzero((dates > since) & (masks & self.provides_bit(kind) > 0) & (alive > 0))
        return [self._entry_of[slot] for slot in slots]

    def later_asking(self, terms: Iterable[int], since: int, least: int) -> list[int]:
        """The live entries of a document dated after `since` (an ordinal) whose question or
        phrasings hold at least `least` of `terms`: where a newer answer to an entry's question can
        be (succession.py), without a look at the rest."""
        if not self._entry_of:
            return []
        dates = np.frombuffer(self._date, dtype=np.intc)
        alive = np.frombuffer(self._alive, dtype=np.uint8)
        held = np.zeros(len(self._alive), dtype=np.intc)
        for term in set(terms):
            held += (self.term_flags(term) & IN_PHRASING) != 0
        slots = np.flatnonzero((held >= least) & (dates > since) & (alive > 0))
        return [self._entry_of[slot] for slot in slots]

    def entry_at(self, slot: int) -> int:
        return self._entry_of[slot]

    def phrasing_texts_at(self, slot: int) -> list[str]:
        """The slot's phrasings as the scorer reads them (`ScoringView.phrasing_texts`), without
        building its scoring view: for the first stage's exact fuzzy bound of entries it may never score."""
        texts = self._texts_at.get(slot)
        if texts is None:
            view = self._views.get(self._entry_of[slot])
            if view is not None:
                return view.phrasing_texts
            if len(self._texts_at) > VIEWS:
                self._texts_at.clear()
            texts = self._texts_at[slot] = self._sorted_phrasings(slot)
        return texts

    def _sorted_phrasings(self, slot: int) -> list[str]:
        """The slot's phrasings as texts of their terms sorted (`token_sorted` of `Terms.text`).
        A term is one word, never empty nor with a space (the index's own encoding, `_encode` and
        `_decode`, splits fields at spaces), so sorting the terms sorts the text's words. Read
        from the packed fields as a list: slicing it costs less than slicing the array."""
        strings = self.terms.strings
        packed = self._packed_of(slot).tolist()
        texts = []
        at = 2 + packed[1]  # past the text, the first field
        while at < len(packed):
            end = at + 2 + packed[at + 1]
            words = [strings[t] for t in packed[at + 2 : end]]
            words.sort()
            texts.append(" ".join(words))
            at = end
        return texts

    def phrasing_layout(self) -> tuple[array[int], array[int], array[int], array[int]]:
        """Per slot its first phrasing and how many it has; per phrasing its slot and text length."""
        return self._phrasing_start, self._phrasing_count, self._phrasing_slot, self._phrasing_length

    def phrasing_totals(self) -> NDArray[np.float64]:
        """Each phrasing's total weight (the `weight`s of its distinct terms, as in
        ScoringView.phrasing_totals), for all phrasings at once; kept until the index changes."""
        if self._phrasing_totals is None:
            totals = np.zeros(len(self._phrasing_slot))
            for term, holding in self._in_phrasings.items():
                if holding:
                    totals[np.frombuffer(holding, dtype=np.intc)] += self.weight(term)
            self._phrasing_totals = totals
        return self._phrasing_totals

    def phrasing_ranges(self) -> Ranges:
        """Per slot, the smallest and largest total weight of its phrasings and their shortest and
        longest text (all 0 for an entry without phrasings): what the first stage's coarse bound
        knows of an entry's phrasings before looking at any. Kept until the index changes."""
        if self._phrasing_ranges is None:
            slots = len(self._alive)
            lowest, highest, shortest, longest = (np.zeros(slots) for _ in range(4))
            counts = np.frombuffer(self._phrasing_count, dtype=np.intc)
            has = np.flatnonzero(counts > 0)
            if len(has):
                starts = np.frombuffer(self._phrasing_start, dtype=np.intc)[has]
                totals = self.phrasing_totals()
                lengths = np.frombuffer(self._phrasing_length, dtype=np.intc).astype(np.float64)
                # A slot's phrasings are numbered consecutively from its start, in slot order.
                lowest[has], highest[has] = np.minimum.reduceat(totals, starts), np.maximum.reduceat(totals, starts)
                shortest[has], longest[has] = np.minimum.reduceat(lengths, starts), np.maximum.reduceat(lengths, starts)
            self._phrasing_ranges = (lowest, highest, shortest, longest)
        return self._phrasing_ranges

    def knows(self, term: int | None) -> bool:
        return term is not None and self._df.get(term, 0) > 0

    def candidates(self, terms: Iterable[int], limit: int = CANDIDATES) -> list[int]:
        """Entries sharing the most weighted terms with the question, best first; ties in the order
        met, walking the terms rarest first (equally rare ones by id, so the order never rests on a
        set's) and each term's entries holding it in a phrasing, then those holding it in their text
        only, by slot.

        Term at a time with MaxScore's stop: once the terms left weigh less than the `limit`-th best
        sum, no entry not met yet can enter (nor tie: it would be met later). A term's entries are
        taken a chunk at a time (`_CHUNKS`), the best updated after each: once the `limit`-th best
        sum is that of holding every term from this one on, no entry met later in this term can
        enter either (a tie loses: it was met later). A question of a few common terms is decided by
        the first chunk of its rarest term, where it walked tens of thousands of entries."""
        known = sorted({t for t in terms if self.knows(t)}, key=lambda t: (self._df[t], t))
        weights = [self.weight(t) for t in known]
        alive = np.frombuffer(self._alive, dtype=np.uint8)
        seen = np.zeros(len(self._alive), dtype=np.bool_)
        best = np.zeros(0, dtype=np.intp)
        best_sums, best_order = np.zeros(0), np.zeros(0, dtype=np.int64)
        for number, term in enumerate(known):
            if len(best) >= limit and sum(weights[number:]) < best_sums[-1] - 1e-9:
                break
            codes = np.frombuffer(self._postings[term], dtype=np.intc)
            phrased = (codes & IN_PHRASING) != 0
            # In the order met: those holding it in a phrasing, then in the text only; the second
            # part is made only when a chunk reaches it (most questions stop in the first).
            ordered = codes[phrased]
            # The largest sum an entry first met here can have: this term's weight and every later
            # one's, added in the order the sums add them (float addition of weights ≥ 0 is
            # monotone, so no entry's sum exceeds it).
            full = 0.0
            for weight in weights[number:]:
                full += weight
            # `seen` is read chunk by chunk (a slot is in a term's postings once) and marked after
            # the term: when its entries stop at a chunk and no later term can pass either (the
            # common case: the first chunk of the rarest term decides), the term is never walked whole.
            for begin, end in _chunks(len(codes)):
                if len(best) >= limit and best_sums[-1] >= full:
                    break  # the rest of this term's entries cannot pass the limit-th best, nor tie
                if end > len(ordered):
                    ordered = np.concatenate([ordered, codes[~phrased]])
                slots = (ordered[begin:end] >> 2).astype(np.intp)
                order = np.arange(begin, end, dtype=np.int64) + number * len(alive)
                keep = ~seen[slots] & (alive[slots] != 0)
                slots, order = slots[keep], order[keep]
                best, best_sums, best_order = self._best_of(
                    slots, order, weights, known, number, limit, best, best_sums, best_order
                )
            if number + 1 < len(known) and not (len(best) >= limit and sum(weights[number + 1 :]) < best_sums[-1] - 1e-9):
                seen[codes >> 2] = True  # the next term is walked (the check the loop makes next)
        return [self._entry_of[slot] for slot in best.tolist()]

    def _best_of(
        self,
        slots: NDArray[np.intp],
        order: NDArray[np.int64],
        weights: list[float],
        known: list[int],
        number: int,
        limit: int,
        best: NDArray[np.intp],
        best_sums: NDArray[np.float64],
        best_order: NDArray[np.int64],
    ) -> tuple[NDArray[np.intp], NDArray[np.float64], NDArray[np.int64]]:
        """The `limit` best (largest sum, then first met) of `best` and these entries first met at
        term `number` (`candidates`)."""
        # An entry first met at this term holds none of the rarer ones (it would have been met
        # there): its sum starts at this term, rarest first as the sums always were (adding the
        # rarer terms' zeros changed nothing, to the last bit).
        sums = np.zeros(len(slots))
        sums += weights[number]  # every one of them holds this term
        to_come = sum(weights[number + 1 :])
        for weight, later in zip(weights[number + 1 :], known[number + 1 :], strict=True):
            if len(best) >= limit:
                # One that cannot pass the limit-th best even with every term to come cannot
                # enter (a tie would not either: it was met later): not looked up further.
                reach = np.flatnonzero(sums + to_come >= best_sums[-1] - 1e-9)
                if len(reach) < len(slots):
                    slots, order, sums = slots[reach], order[reach], sums[reach]
            to_come -= weight
            sums += weight * (self.term_flags(later)[slots] != 0)
        slots, sums = np.concatenate([best, slots]), np.concatenate([best_sums, sums])
        order = np.concatenate([best_order, order])
        if len(sums) > limit:
            # Only those reaching the limit-th largest sum can rank: sort those alone.
            reach = sums >= np.partition(sums, len(sums) - limit)[len(sums) - limit]
            slots, sums, order = slots[reach], sums[reach], order[reach]
        ranked = np.lexsort((order, -sums))[:limit]
        return slots[ranked], sums[ranked], order[ranked]

    def exact_candidates(self, terms: Iterable[int], limit: int = EXACT_CANDIDATES) -> list[int]:
        """The slow path, for comparison: every posting walked, exact weighted sums, a deep list."""
        scores: dict[int, float] = defaultdict(float)
        for term in {t for t in terms if self.knows(t)}:
            weight = self.weight(term)
            for code in self._postings.get(term, _EMPTY):
                if self._alive[code >> 2]:
                    scores[code >> 2] += weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self._entry_of[slot] for slot, _ in ranked]

    # --- typo correction ---------------------------------------------------------------------------

    def correct_tokens(self, words: Iterable[str]) -> list[str]:
        """Typos and compounds written apart or together, brought onto words the index has seen."""
        if self._speller is None:
            self._speller = Speller(self.tokens | self._known_tokens, self.analyzer.function_words)
        return self._speller.correct(words)


def token_sorted(text: str) -> str:
    """The text's words sorted and joined by single spaces: fuzz.ratio of two such texts is
    fuzz.token_sort_ratio of the texts themselves (which sorts both on every call)."""
    return " ".join(sorted(text.split()))


def _chunks(length: int) -> Iterable[tuple[int, int]]:
    """Ranges covering 0..length: `_FIRST_CHUNK` first, then four times larger each time."""
    begin, size = 0, _FIRST_CHUNK
    while begin < length:
        yield begin, min(begin + size, length)
        begin, size = begin + size, size * 4


def analyse_entry(analyzer: Analyzer, entry: Entry) -> tuple[str, set[str]]:
    """An entry's analysis as `Index.add_encoded` takes it, and the words of its texts: a function
    of the analyzer and the entry alone, so that a rebuild can run it in other processes."""
    words: set[str] = set()

    def analyse(text: str, language: str) -> tuple[str, ...]:
        analysis = analyzer.analyse(text, language if language in LANGUAGES else "nl")
        words.update(analysis.tokens)
        return analysis.terms

    fields: list[tuple[int, tuple[str, ...]]] = []
    if entry.question:
        fields.append((QUESTION, analyse(entry.question, entry.language.value)))
    fields += [(ALTERNATE, analyse(a.text, a.language.value)) for a in entry.alternates]
    if not fields:
        # A freshly imported paragraph has no questions yet: its sentences stand in for them, so
        # that a question close to one sentence is recognised as such, not diluted by the rest.
        sentences = [entry.text[start:end] for start, end in sentence_spans(entry.text)]
        fields += [(ALTERNATE, analyse(s, entry.language.value)) for s in sentences if len(sentences) > 1]
    fields.insert(0, (TEXT, analyse(entry.text, entry.language.value)))
    return _encode(provides(entry.text), fields), words


def _encode(kinds: frozenset[str], fields: list[tuple[int, tuple[str, ...]]]) -> str:
    """'count,time' then one line per field: a kind letter and its terms."""
    lines = [",".join(sorted(kinds))] + [_KIND_CODES[kind] + " ".join(words) for kind, words in fields]
    return "\n".join(lines)


def _decode(encoded: str) -> tuple[frozenset[str], list[tuple[int, list[str]]]]:
    first, *lines = encoded.split("\n")
    kinds = frozenset(k for k in first.split(",") if k)
    return kinds, [(_KINDS[line[0]], line[1:].split()) for line in lines if line]


def _fields_of(packed: array[int]) -> Iterable[tuple[int, array[int]]]:
    i = 0
    while i < len(packed):
        kind, length = packed[i], packed[i + 1]
        yield kind, packed[i + 2 : i + 2 + length]
        i += 2 + length


def _terms_of(packed: array[int]) -> Iterable[int]:
    for _, ids in _fields_of(packed):
        yield from ids
