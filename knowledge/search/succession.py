"""A newer answer to an older entry's question: the same question asked again in a later document.

A freshly imported answer to Kamervragen has only its official question and its text: no curated
phrasings, no translations. An asker's words, above all in English, Russian or Belarusian, reach it
only through the analyser, so it ranks far below the older entry on the same question, whose
phrasings moderators wrote in four languages, even when it reverses that entry's position ('Het
kabinet heeft geen speciale meldpunten' in 2021, 'Ja. Het kabinet zal een meldpunt openen' in 2024).

The newer entry inherits the older one's reach when its official question is the older entry's
question as the matcher itself sees it: asked as a question, the older entry answers it confidently
(the calibrated confidence and lead an answer needs, the newer document left out), and the two share
terms of their own beyond the subject's names. The older phrasings are never attached to the newer
entry; the decision only learns that a question the older entry answers is answered, as of a later
date, by the newer one (decision._positions). An entry with phrasings of its own is reachable by
itself and compares like with like (decision._strong_newer, _restates): no succession is looked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from knowledge.search.index import ALTERNATE, QUESTION, TEXT
from knowledge.search.matcher import Matcher, Scored

#: A newer question and the older entry's question (or text) share at least this many terms of
#: their own (the subject's names not counted): a question matched only through its frame ('Bent u
#: bereid ...') or one word ('meldpunt') of another subject's question is no successor.
SHARED_TERMS = 2
#: Newer questions kept with the older entry they ask again (or none), per index generation.
KEPT = 4_000


class Bars(NamedTuple):
    """What the decision judges by, passed with each look (kept, it would tie the decider to this in
    a cycle, and a swapped-out index must be freed by reference counting alone)."""

    #: The terms of the subject's names ('Belarus'), which say nothing of what is asked.
    subject_terms: set[int]
    #: The terms of every other country's name.
    other_countries: frozenset[str]
    #: The top match answers over the runner-up, by an answer's bars (confidence and lead).
    answers: Callable[[Scored, Scored | None], bool]


class Succession:
    """Tells the newer entries that ask an older entry's question again (see the module); kept by
    the decider, so as long as its index (the answers found are kept per index generation)."""

    def __init__(
        self,
        matcher: Matcher,
        is_note: Callable[[int], bool],
        document_of: Callable[[int], str],
        question_of: Callable[[int], str | None] | None,
    ) -> None:
        self.matcher = matcher
        self.index = matcher.index
        self._is_note = is_note
        self._document_of = document_of
        self._question_of = question_of
        # Per entry, with the index generation it was found at: the older entry its question asks
        # again (answered_by), and the newest entry asking its own question again (newest).
        self._answered: dict[int, tuple[int, int | None]] = {}
        self._newest: dict[int, tuple[int, int | None]] = {}

    def newest(self, older: Scored, bars: Bars) -> int | None:
        """The newest entry of a later document that asks `older`'s question again (none: None)."""
        if self._question_of is None:
            return None
        return self._kept(self._newest, older.entry_id, lambda entry_id: self._newest_asking(entry_id, bars))

    def _newest_asking(self, older: int, bars: Bars) -> int | None:
        index = self.index
        own = self._own_terms(older, {QUESTION}, bars)
        if len(own) < SHARED_TERMS or self._is_note(older):
            return None
        found = [
            (index.date_of(entry_id), entry_id)
            for entry_id in index.later_asking(own, index.date_of(older), SHARED_TERMS)
            if self._kept(self._answered, entry_id, lambda newer: self.answered_by(newer, bars)) == older
        ]
        return max(found)[1] if found else None

    def _kept(self, kept: dict[int, tuple[int, int | None]], entry_id: int, find: Callable[[int], int | None]) -> int | None:
        """`find(entry_id)`, worked out once per index generation."""
        generation = self.index.generation
        found = kept.get(entry_id)
        if found is None or found[0] != generation:
            if len(kept) > KEPT:
                kept.clear()
            found = kept[entry_id] = (generation, find(entry_id))
        return found[1]

    def answered_by(self, entry_id: int, bars: Bars) -> int | None:
        """The older entry the matcher answers `entry_id`'s question with, confidently and with a clear
        lead (an answer's bars), its own document left out; None when the entry has phrasings, is a
        note, or no older entry is that answer."""
        assert self._question_of is not None
        index = self.index
        kinds = {kind for kind, _ in index.fields(entry_id)}
        question = self._question_of(entry_id)
        if not question or QUESTION not in kinds or ALTERNATE in kinds or self._is_note(entry_id):
            return None
        document = self._document_of(entry_id)
        ranking = self.matcher.rank(question, limit=10)
        rest = [s for s in ranking.scored if self._document_of(s.entry_id) != document and not self._is_note(s.entry_id)]
        if not rest or index.date_of(rest[0].entry_id) >= index.date_of(entry_id):
            return None
        top, runner_up = rest[0], (rest[1] if len(rest) > 1 else None)
        if not bars.answers(top, runner_up):
            return None
        asked = self._own_terms(entry_id, {QUESTION}, bars)
        older = self._own_terms(top.entry_id, {QUESTION, TEXT}, bars)
        if len(asked & older) < SHARED_TERMS:
            return None
        strings = index.terms.strings
        if {strings[t] for t in asked - older} & bars.other_countries:
            return None  # the same question of another country's people
        return top.entry_id

    def _own_terms(self, entry_id: int, kinds: set[int], bars: Bars) -> set[int]:
        """The terms of an entry's fields of these kinds, the subject's names left out."""
        terms = {t for kind, ids in self.index.fields(entry_id) if kind in kinds for t in ids}
        return terms - bars.subject_terms
