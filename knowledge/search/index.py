"""An in-memory inverted index over entries, compact enough for 100,000 of them.

Each entry is indexed as a few fields (its question, each alternate question, its text) made of
term ids, packed into one array per entry. Postings are arrays of entry slots; a removed or
changed entry leaves a tombstone until the next compaction, so changes never need a rebuild.
Terms so common that walking their postings would cost milliseconds also get a bitmap, so they
can refine candidates found through rarer terms without being walked.

Analysis is the expensive part of building an index, so each entry's analysed form can be saved
(`encode`) and loaded back (`add_encoded`) from the store's index cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import chain
from typing import Any

from knowledge.models import Entry
from knowledge.text.analysis import LANGUAGES, Analyzer, provides
from knowledge.text.sentences import sentence_spans
from knowledge.text.spelling import Speller

#: Bump when analysis changes in code (the lexicon files are part of the fingerprint already).
ANALYZER_VERSION = 7
#: How many candidates the index returns (by weighted shared terms) and the scorer looks at fully.
CANDIDATES = 40
#: A term in more entries than this (and than COMMON_SHARE of them) is 'common': its postings are
#: not walked, its bitmap is tested on the best REFINED candidates found through rarer terms.
COMMON_MINIMUM = 300
COMMON_SHARE = 0.005
REFINED = 300
#: How deep the slow path (exact_candidates) looks, to check that the shortcuts lose nothing.
EXACT_CANDIDATES = 1000
#: Common terms whose per-field bitmaps are kept (12.5 KB each at 100,000 entries).
FIELD_BITMAPS = 256
#: Scoring views kept in memory (a few hundred bytes each).
VIEWS = 20_000
TEXT, QUESTION, ALTERNATE = 0, 1, 2
#: Each posting is `slot << 2 | fields`: which fields of the entry hold the term (see pruning.py).
IN_TEXT, IN_PHRASING = 1, 2
_KIND_CODES = {TEXT: "t", QUESTION: "q", ALTERNATE: "a"}
_KINDS = {code: kind for kind, code in _KIND_CODES.items()}
_PROVIDES = ("count", "time", "fate")
_NONZERO = re.compile(rb"[^\x00]")
_EMPTY = array("i")


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
    phrasing_texts: list[str]
    phrasing_totals: list[float]
    provides: frozenset[str]


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
        self._packed: list[array[int] | None] = []
        self._meta: list[tuple[int, int, frozenset[str]] | None] = []  # (date, provides mask, topics)
        self._alive = bytearray()
        # Postings of entries holding the term in a phrasing (question, alternate), and of those
        # holding it in their text only: the first stage can leave the weaker kind out (pruning.py).
        self._postings: dict[int, array[int]] = {}
        self._text_only: dict[int, array[int]] = {}
        self._df: dict[int, int] = defaultdict(int)
        self._bitmaps: dict[int, bytearray] = {}
        self._tombstones = 0
        self._weights: dict[int | None, float] = {}
        self._field_bitmaps: dict[int, tuple[int, int]] = {}
        self._views: dict[int, ScoringView] = {}
        self._by_topic: dict[str, set[int]] = defaultdict(set)
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
        fields: list[tuple[int, tuple[str, ...]]] = []
        if entry.question:
            fields.append((QUESTION, self._analyse(entry.question, entry.language.value)))
        fields += [(ALTERNATE, self._analyse(a.text, a.language.value)) for a in entry.alternates]
        if not fields:
            # A freshly imported paragraph has no questions yet: its sentences stand in for them, so
            # that a question close to one sentence is recognised as such, not diluted by the rest.
            sentences = [entry.text[start:end] for start, end in sentence_spans(entry.text)]
            fields += [(ALTERNATE, self._analyse(s, entry.language.value)) for s in sentences if len(sentences) > 1]
        fields.insert(0, (TEXT, self._analyse(entry.text, entry.language.value)))
        encoded = _encode(provides(entry.text), fields)
        self.add_encoded(entry.id, encoded, date, frozenset(entry.topics))
        return encoded

    def add_encoded(self, entry_id: int, encoded: str, date: int = 0, topics: frozenset[str] = frozenset()) -> None:
        """Index an entry from its saved analysis (see `add`), without analysing it again."""
        self.remove(entry_id)
        kinds_provided, fields = _decode(encoded)
        packed = array("i")
        all_terms: dict[int, int] = {}
        for kind, words in fields:
            ids = [self.terms.id(w) for w in words]
            packed.append(kind)
            packed.append(len(ids))
            packed.extend(ids)
            flag = IN_TEXT if kind == TEXT else IN_PHRASING
            for term in ids:
                all_terms[term] = all_terms.get(term, 0) | flag
        slot = len(self._entry_of)
        self._changed()
        self._slot_of[entry_id] = slot
        self._entry_of.append(entry_id)
        self._packed.append(packed)
        mask = sum(1 << i for i, name in enumerate(_PROVIDES) if name in kinds_provided)
        self._meta.append((date, mask, topics))
        self._alive.append(1)
        for topic in topics:
            self._by_topic[topic].add(entry_id)
        for term, flags in all_terms.items():
            lists = self._postings if flags & IN_PHRASING else self._text_only
            postings = lists.get(term)
            if postings is None:
                postings = lists[term] = array("i")
            postings.append(slot << 2 | flags)
            self._df[term] += 1
            bitmap = self._bitmaps.get(term)
            if bitmap is not None:
                _set_bit(bitmap, slot)
            elif self._df[term] > self._common_threshold():
                self._bitmaps[term] = self._bitmap_of(term)

    def remove(self, entry_id: int) -> None:
        slot = self._slot_of.pop(entry_id, None)
        if slot is None:
            return
        self._changed()
        packed = self._packed[slot]
        assert packed is not None
        for term in set(_terms_of(packed)):
            self._df[term] -= 1
            bitmap = self._bitmaps.get(term)
            if bitmap is not None:
                bitmap[slot >> 3] &= ~(1 << (slot & 7)) & 0xFF
        meta = self._meta[slot]
        for topic in meta[2] if meta else ():
            self._by_topic[topic].discard(entry_id)
        self._alive[slot] = 0
        self._packed[slot] = None
        self._meta[slot] = None
        self._tombstones += 1
        if self._tombstones > 1000 and self._tombstones > len(self._slot_of):
            self._compact()

    def _compact(self) -> None:
        """Drop tombstones: re-add the live entries into fresh slots."""
        live = [(entry_id, self._packed[slot], self._meta[slot]) for entry_id, slot in self._slot_of.items()]
        encoded = [(entry_id, self._encode_packed(packed, meta[1]), meta) for entry_id, packed, meta in live if packed and meta]
        tokens = self.tokens
        self.__init__(self.analyzer)  # type: ignore[misc]
        self.tokens = tokens
        for entry_id, text, meta in encoded:
            self.add_encoded(entry_id, text, meta[0], meta[2])

    def _analyse(self, text: str, language: str) -> tuple[str, ...]:
        analysis = self.analyzer.analyse(text, language if language in LANGUAGES else "nl")
        new = set(analysis.tokens) - self.tokens
        if new:
            self.tokens.update(new)
            self._speller = None
        return analysis.terms

    def encoded(self, entry_id: int) -> str:
        slot = self._slot_of[entry_id]
        packed, meta = self._packed[slot], self._meta[slot]
        assert packed is not None and meta is not None
        return self._encode_packed(packed, meta[1])

    def _encode_packed(self, packed: array[int], mask: int) -> str:
        kinds = frozenset(name for i, name in enumerate(_PROVIDES) if mask & (1 << i))
        return _encode(kinds, [(kind, tuple(self.terms.strings[t] for t in ids)) for kind, ids in _fields_of(packed)])

    # --- snapshots ---------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, object]:
        """The whole index as plain data (bytes, lists, dicts) for marshal: fast to write and load."""
        offsets, flat = array("q"), array("i")
        for packed in self._packed:
            offsets.append(-1 if packed is None else len(flat))
            if packed is not None:
                flat.extend(packed)
        return {
            "terms": self.terms.strings,
            "entry_of": self._entry_of.tobytes(),
            "offsets": offsets.tobytes(),
            "flat": flat.tobytes(),
            "meta": [None if m is None else (m[0], m[1], tuple(sorted(m[2]))) for m in self._meta],
            "alive": bytes(self._alive),
            "postings": {term: postings.tobytes() for term, postings in self._postings.items()},
            "text_only": {term: postings.tobytes() for term, postings in self._text_only.items()},
            "df": dict(self._df),
            "bitmaps": {term: bytes(bitmap) for term, bitmap in self._bitmaps.items()},
            "tombstones": self._tombstones,
            "tokens": sorted(self.tokens),
        }

    @classmethod
    def from_snapshot(cls, analyzer: Analyzer, data: dict[str, Any]) -> Index:
        """Rebuild from `snapshot()` data, consuming it part by part so the raw data and the index
        are not both held in memory at their full size."""
        index = cls(analyzer)
        index.terms.strings = list(data.pop("terms"))
        index.terms.ids = {term: i for i, term in enumerate(index.terms.strings)}
        index._entry_of = _array("q", data.pop("entry_of"))
        offsets, flat = _array("q", data.pop("offsets")), _array("i", data.pop("flat"))
        ends = iter([o for o in offsets if o >= 0][1:] + [len(flat)])
        index._packed = [None if o < 0 else flat[o : next(ends)] for o in offsets]
        del flat, offsets
        index._meta = [None if m is None else (m[0], m[1], frozenset(m[2])) for m in data.pop("meta")]
        index._alive = bytearray(data.pop("alive"))
        postings = data.pop("postings")
        while postings:
            term, raw = postings.popitem()
            index._postings[term] = _array("i", raw)
        postings = data.pop("text_only")
        while postings:
            term, raw = postings.popitem()
            index._text_only[term] = _array("i", raw)
        index._df = defaultdict(int, data.pop("df"))
        bitmaps = data.pop("bitmaps")
        while bitmaps:
            term, raw = bitmaps.popitem()
            index._bitmaps[term] = bytearray(raw)
        index._tombstones = data.pop("tombstones")
        index.tokens = set(data.pop("tokens"))
        index._slot_of = {index._entry_of[slot]: slot for slot in range(len(index._alive)) if index._alive[slot]}
        for entry_id, slot in index._slot_of.items():
            meta = index._meta[slot]
            for topic in meta[2] if meta else ():
                index._by_topic[topic].add(entry_id)
        if not len(index._packed) == len(index._meta) == len(index._alive) == len(index._entry_of):
            raise ValueError("inconsistent index snapshot")
        return index

    # --- reading -----------------------------------------------------------------------------------

    def fields(self, entry_id: int) -> list[tuple[int, array[int]]]:
        """The entry's fields as (kind, term ids), text first: the cheap view the scorer reads."""
        packed = self._packed[self._slot_of[entry_id]]
        assert packed is not None
        return list(_fields_of(packed))

    def provides_of(self, entry_id: int) -> frozenset[str]:
        meta = self._meta[self._slot_of[entry_id]]
        mask = meta[1] if meta else 0
        return frozenset(name for i, name in enumerate(_PROVIDES) if mask & (1 << i))

    def date_of(self, entry_id: int) -> int:
        meta = self._meta[self._slot_of[entry_id]]
        return meta[0] if meta else NO_DATE

    def on_topic(self, topics: Iterable[str]) -> set[int]:
        """Entries sharing any of these topics."""
        return set().union(*(self._by_topic.get(topic, set()) for topic in topics))

    def topics_of(self, entry_id: int) -> frozenset[str]:
        meta = self._meta[self._slot_of[entry_id]]
        return meta[2] if meta else frozenset()

    def _changed(self) -> None:
        """Weights depend on every entry: forget the cached ones."""
        if self._weights:
            self._weights.clear()
        if self._views:
            self._views.clear()
        if self._field_bitmaps:
            self._field_bitmaps.clear()

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
            fields = self.fields(entry_id)
            phrasings = [frozenset(ids) for _, ids in fields[1:]]
            found = self._views[entry_id] = ScoringView(
                text_terms=frozenset(fields[0][1]),
                phrasings=phrasings,
                phrasing_texts=[self.terms.text(ids) for _, ids in fields[1:]],
                phrasing_totals=[sum(self.weight(t) for t in terms) for terms in phrasings],
                provides=self.provides_of(entry_id),
            )
        return found

    # --- for the safe first stage (pruning.py) -----------------------------------------------------

    def postings_of(self, term: int) -> tuple[array[int], array[int]]:
        """The term's postings, `slot << 2 | fields` in slot order (tombstones included: see `alive`):
        of entries holding it in a phrasing, and of those holding it in their text only."""
        return self._postings.get(term, _EMPTY), self._text_only.get(term, _EMPTY)

    def _all_postings(self, term: int) -> Iterable[int]:
        return chain(self._postings.get(term, _EMPTY), self._text_only.get(term, _EMPTY))

    @property
    def alive(self) -> bytearray:
        return self._alive

    def entry_at(self, slot: int) -> int:
        return self._entry_of[slot]

    def bitmap(self, term: int) -> int:
        """The live entries holding the term, as the bits of an integer (bit i: slot i)."""
        bitmap = self._bitmaps.get(term)
        if bitmap is None:
            bitmap = self._bitmaps[term] = self._bitmap_of(term)
        return int.from_bytes(bitmap, "little")

    def field_bitmaps(self, term: int) -> tuple[int, int]:
        """The live entries holding the term in a phrasing, and in their text (bits of integers),
        made when first asked for and kept until the index changes."""
        found = self._field_bitmaps.get(term)
        if found is None:
            alive = self._alive
            phrased = bytearray(len(alive) // 8 + 1)
            text = bytearray(len(alive) // 8 + 1)
            for code in self._postings.get(term, _EMPTY):
                slot = code >> 2
                if alive[slot]:
                    phrased[slot >> 3] |= 1 << (slot & 7)
                    if code & IN_TEXT:
                        text[slot >> 3] |= 1 << (slot & 7)
            for code in self._text_only.get(term, _EMPTY):
                slot = code >> 2
                if alive[slot]:
                    text[slot >> 3] |= 1 << (slot & 7)
            if len(self._field_bitmaps) >= FIELD_BITMAPS:
                self._field_bitmaps.clear()
            found = self._field_bitmaps[term] = (int.from_bytes(phrased, "little"), int.from_bytes(text, "little"))
        return found

    def is_common(self, term: int) -> bool:
        """Walking this term's postings costs more than looking an entry up in them."""
        return self._df.get(term, 0) > self._common_threshold()

    def knows(self, term: int | None) -> bool:
        return term is not None and self._df.get(term, 0) > 0

    def candidates(self, terms: Iterable[int], limit: int = CANDIDATES) -> list[int]:
        """Entries sharing the most weighted terms with the question, best first.

        Postings of rare terms are walked; common terms only add their weight to the entries that
        rare terms found (a bitmap test each). A question of common terms only is answered from the
        entries that share all of its rarest two terms.
        """
        known = sorted({t for t in terms if self.knows(t)}, key=lambda t: self._df[t])
        if not known:
            return []
        threshold = self._common_threshold()
        rare = [t for t in known if self._df[t] <= threshold]
        common = [t for t in known if self._df[t] > threshold]
        scores: dict[int, float] = defaultdict(float)
        if rare:
            alive = self._alive
            for term in rare:
                weight = self.weight(term)
                for code in self._all_postings(term):
                    if alive[code >> 2]:
                        scores[code >> 2] += weight
        else:
            for slot in self._shared_by_all(common, limit * 20):
                scores[slot] = 0.0
        if common and len(scores) > REFINED:
            scores = dict(sorted(scores.items(), key=lambda item: -item[1])[:REFINED])
        for term in common:
            weight, bitmap = self.weight(term), self._bitmaps[term]
            size = len(bitmap)  # entries added after the bitmap's last set bit may lie beyond it
            for slot in scores:
                if slot >> 3 < size and bitmap[slot >> 3] >> (slot & 7) & 1:
                    scores[slot] += weight
        ranked = sorted(scores.items(), key=lambda item: -item[1])[:limit]
        return [self._entry_of[slot] for slot, _ in ranked]

    def exact_candidates(self, terms: Iterable[int], limit: int = EXACT_CANDIDATES) -> list[int]:
        """The slow path, for comparison: every posting walked, exact weighted sums, a deep list."""
        scores: dict[int, float] = defaultdict(float)
        for term in {t for t in terms if self.knows(t)}:
            weight = self.weight(term)
            for code in self._all_postings(term):
                if self._alive[code >> 2]:
                    scores[code >> 2] += weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self._entry_of[slot] for slot, _ in ranked]

    def _shared_by_all(self, common: list[int], limit: int) -> list[int]:
        """Entries holding as many of the (rarest first) common terms as still leave `limit` of them.

        Enumeration starts at an offset that depends on the terms, so that no part of the store
        (such as its oldest entries) is favoured when more entries qualify than are taken.
        """
        shared = int.from_bytes(self._bitmaps[common[0]], "little")
        for term in common[1:]:
            narrower = shared & int.from_bytes(self._bitmaps[term], "little")
            if narrower.bit_count() < limit // 4:
                break
            shared = narrower
        data = shared.to_bytes((shared.bit_length() + 7) // 8 or 1, "little")
        start = hash(tuple(common)) % len(data)
        slots: list[int] = []
        for m in _NONZERO.finditer(data[start:] + data[:start]):
            byte = (m.start() + start) % len(data)
            value = data[byte]
            slots.extend(byte * 8 + bit for bit in range(8) if value >> bit & 1)
            if len(slots) >= limit:
                break
        return slots[:limit]

    def _common_threshold(self) -> int:
        return max(COMMON_MINIMUM, int(COMMON_SHARE * len(self._slot_of)))

    def _bitmap_of(self, term: int) -> bytearray:
        bitmap = bytearray(len(self._alive) // 8 + 1)
        for code in self._all_postings(term):
            if self._alive[code >> 2]:
                _set_bit(bitmap, code >> 2)
        return bitmap

    # --- typo correction ---------------------------------------------------------------------------

    def correct_tokens(self, words: Iterable[str]) -> list[str]:
        """Typos and compounds written apart or together, brought onto words the index has seen."""
        if self._speller is None:
            self._speller = Speller(self.tokens | self._known_tokens, self.analyzer.function_words)
        return self._speller.correct(words)


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


def _array(typecode: str, raw: bytes) -> array[int]:
    values = array(typecode)
    values.frombytes(raw)
    return values


def _set_bit(bitmap: bytearray, slot: int) -> None:
    byte = slot >> 3
    if byte >= len(bitmap):
        bitmap.extend(bytes(byte - len(bitmap) + 1024))
    bitmap[byte] |= 1 << (slot & 7)
