"""An in-memory inverted index over entries, updated entry by entry (no rebuild on a change).

Each entry is indexed as a few fields: its question, each alternate question, and its text. The
index answers two things fast: which entries share terms with a question (candidates), and how
rare each term is (its weight). It also corrects typos against the words it has seen.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.analysis import Analyzer, Lang, provides
from knowledge.models import Entry

#: How many candidates the scorer looks at: enough for recall, few enough to stay fast.
CANDIDATES = 200


@dataclass(frozen=True)
class Field:
    """One indexed piece of an entry: a question-like phrasing or the text."""

    kind: str  # "question", "alternate" or "text"
    language: Lang
    terms: frozenset[str]
    order: tuple[str, ...]  # the terms in reading order, for fuzzy comparison


@dataclass
class IndexedEntry:
    entry_id: int
    document_key: str
    questions: list[Field]
    text: Field
    all_terms: frozenset[str] = field(default_factory=frozenset)
    provides: frozenset[str] = field(default_factory=frozenset)
    topics: frozenset[str] = field(default_factory=frozenset)


class Index:
    """Term → entries, term weights, and the vocabulary for typo correction."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.entries: dict[int, IndexedEntry] = {}
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.token_counts: dict[str, int] = defaultdict(int)
        self._vocabulary: list[str] | None = None
        self._known_tokens = set(analyzer.lexicon.synonyms) | {
            w for words in analyzer.lexicon.stopwords.values() for w in words
        } | set(analyzer.lexicon.greetings) | {w for phrase in analyzer.lexicon.phrases for w in phrase}

    def __len__(self) -> int:
        return len(self.entries)

    # --- building ----------------------------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        """Index an entry, replacing what was indexed for it before."""
        if entry.id is None:
            raise ValueError("only stored entries (with an id) can be indexed")
        self.remove(entry.id)
        questions: list[Field] = []
        if entry.question:
            questions.append(self._field("question", entry.question, entry.language.value))
        for alternate in entry.alternates:
            questions.append(self._field("alternate", alternate.text, alternate.language.value))
        text = self._field("text", entry.text, entry.language.value)
        all_terms = frozenset().union(text.terms, *(q.terms for q in questions))
        indexed = IndexedEntry(
            entry.id, entry.document_key, questions, text, all_terms, provides(entry.text), frozenset(entry.topics)
        )
        self.entries[entry.id] = indexed
        for term in all_terms:
            self.postings[term].add(entry.id)

    def add_all(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            self.add(entry)

    def remove(self, entry_id: int) -> None:
        indexed = self.entries.pop(entry_id, None)
        if indexed is None:
            return
        for term in indexed.all_terms:
            ids = self.postings.get(term)
            if ids is not None:
                ids.discard(entry_id)
                if not ids:
                    del self.postings[term]

    def _field(self, kind: str, text: str, language: str) -> Field:
        lang: Lang = language if language in ("nl", "en", "ru") else "nl"  # type: ignore[assignment]
        analysis = self.analyzer.analyse(text, lang)
        for token in analysis.tokens:
            if token not in self.token_counts:
                self._vocabulary = None
            self.token_counts[token] += 1
        return Field(kind, analysis.language, frozenset(analysis.terms), analysis.terms)

    # --- reading -----------------------------------------------------------------------------------

    def weight(self, term: str) -> float:
        """BM25's idf: rare terms weigh more; a term no entry has weighs most."""
        n = max(len(self.entries), 1)
        df = len(self.postings.get(term, ()))
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def knows(self, term: str) -> bool:
        return term in self.postings

    def candidates(self, terms: Iterable[str], limit: int = CANDIDATES) -> list[int]:
        """Entries sharing the most weighted terms with the question, best first."""
        scores: dict[int, float] = defaultdict(float)
        for term in set(terms):
            ids = self.postings.get(term)
            if not ids:
                continue
            w = self.weight(term)
            for entry_id in ids:
                scores[entry_id] += w
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [entry_id for entry_id, _ in ranked[:limit]]

    def correct_tokens(self, words: Iterable[str]) -> list[str]:
        """Replace words the index has never seen by the closest word it has (one or two typos)."""
        corrected: list[str] = []
        for word in words:
            if word in self.token_counts or word in self._known_tokens or len(word) < 4 or not word.isalpha():
                corrected.append(word)
                continue
            corrected.append(self._closest_word(word) or word)
        return corrected

    def _closest_word(self, word: str) -> str | None:
        if self._vocabulary is None:
            self._vocabulary = sorted(set(self.token_counts) | self._known_tokens)
        max_edits = 1 if len(word) < 7 else 2
        choice = process.extractOne(
            word,
            self._vocabulary,
            scorer=Levenshtein.distance,
            score_cutoff=max_edits,
        )
        if choice is None:
            return None
        candidate = choice[0]
        # One typo in a short word is a different word too often ('iran'/'iraq'): demand a shared start.
        if candidate[0] != word[0] and len(word) < 6:
            return None
        return candidate if fuzz.ratio(word, candidate) >= 75 else None
