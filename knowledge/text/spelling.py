"""Bring a question's words onto the words the store knows: typos, and compounds written apart or together.

Dutch writes compounds as one word, and users often don't ('mensen rechten', 'detentie
omstandigheden') or coin ones the documents don't use ('krantenbericht', 'sanctiepakket'). Only the
question is touched, and only towards words the store or the lexicon already has, so an unknown
word never becomes a known one by accident: a split needs both parts known, a join needs the joined
word known, and a real word (see dictionary.py) is only corrected to another form of itself.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.text import dictionary

#: Shortest part of a compound that counts as a word ('eu', 'pro', 'over' are not parts).
MIN_PART = 4
#: Shortest word worth splitting, and the most words joined into one.
MIN_COMPOUND = 8
MAX_JOINED = 3
#: Known words within reach that are weighed before giving up on a correction.
CLOSEST = 5
#: Corrections remembered per speller (then forgotten all at once): askers repeat their typos.
CLOSEST_KEPT = 10_000
#: Dutch links the parts of many compounds with an -s- ('verkiezingsuitslag').
_LINKS = ("s",)


class Speller:
    """Corrects words against a vocabulary; `known` words are never changed."""

    def __init__(
        self, vocabulary: Iterable[str], function_words: Iterable[str] = (), is_word: Callable[[str], bool] = dictionary.is_word
    ) -> None:
        self.known = frozenset(vocabulary)
        self.function_words = frozenset(function_words)
        self.is_word = is_word
        self._lengths: _ByLength | None = None
        self._short_function_words: list[str] | None = None
        self._closest_found: dict[str, str | None] = {}

    def correct(self, words: Iterable[str]) -> list[str]:
        words = list(words)
        corrected: list[str] = []
        i = 0
        while i < len(words):
            joined = self._join_at(words, i)
            if joined:
                corrected.append(joined[0])
                i += joined[1]
                continue
            word = words[i]
            i += 1
            if word in self.known or not word.isalpha():
                corrected.append(word)
            elif len(word) < 4:
                corrected.append(self._function_word(word) or word)
            else:
                corrected.extend(self._split(word) or [self._closest(word) or word])
        return corrected

    def _function_word(self, word: str) -> str | None:
        """A short word no store or language knows that is one typo from a function word ('hw' how,
        'mny' many, 'cna' can, 'dos' does): that word, which carries no topic. Too short to be
        corrected to anything else, but left as it is it weighs like a name and makes a clear match
        doubtful. Two-letter words keep their first letter ('ar' are, not 'or')."""
        if len(word) < 2 or self.is_word(word):
            return None
        if self._short_function_words is None:
            self._short_function_words = sorted(w for w in self.function_words if w.isalpha() and 2 <= len(w) <= 5)
        within = [
            (OSA.distance(word, candidate), candidate)
            for candidate in self._short_function_words
            if abs(len(candidate) - len(word)) <= 1 and (len(word) > 2 or candidate[0] == word[0])
        ]
        # A letter dropped is the commonest slip: 'mny' is 'many' before it is 'any', 'hav' 'have', not 'had'.
        close = sorted((not _letters_in_order(word, candidate), candidate) for distance, candidate in within if distance == 1)
        return close[0][1] if close else None

    def _join_at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """'mensen rechten' → 'mensenrechten', when the store has the compound."""
        for length in range(min(MAX_JOINED, len(words) - i), 1, -1):
            parts = words[i : i + length]
            if any(p in self.function_words or not p.isalpha() for p in parts):
                continue
            joined = "".join(parts)
            if len(joined) >= MIN_COMPOUND and joined in self.known:
                return joined, length
        return None

    def _split(self, word: str) -> list[str] | None:
        """'krantenbericht' → 'kranten', 'bericht', when both parts are words the store knows."""
        if len(word) < MIN_COMPOUND:
            return None
        splits = []
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = self._word(word[:cut]), word[cut:]
            if head and self._is_part(tail):
                splits.append([head, tail])
        # The most even split: 'mensenrechten|schendingen', not 'mensen|rechtenschendingen'.
        return max(splits, key=lambda parts: min(map(len, parts)), default=None)

    def _word(self, head: str) -> str | None:
        if self._is_part(head):
            return head
        for link in _LINKS:
            if head.endswith(link) and self._is_part(head[: -len(link)]):
                return head[: -len(link)]
        return None

    def _is_part(self, part: str) -> bool:
        return len(part) >= MIN_PART and part in self.known and part not in self.function_words

    def _closest(self, word: str) -> str | None:
        """The nearest known word one or two typos away (a swap of two letters is one) that is
        convincing. Remembered per word (the vocabulary never changes: a new index, a new speller)."""
        if word in self._closest_found:
            return self._closest_found[word]
        if len(self._closest_found) >= CLOSEST_KEPT:
            self._closest_found.clear()
        found = self._closest_found[word] = self._find_closest(word)
        return found

    def _find_closest(self, word: str) -> str | None:
        max_edits = 1 if len(word) < 7 else 2
        # The CLOSEST nearest, ties in alphabetical order (as one search over the whole sorted
        # vocabulary gives them).
        choices = sorted(self._within(word, max_edits), key=lambda c: (c[1], c[0]))[:CLOSEST]
        for candidate, _ in sorted(choices, key=lambda c: (c[1], -fuzz.ratio(word, c[0]), c[0])):
            if self._convincing(word, candidate):
                return candidate
        return None

    def _within(self, word: str, max_edits: int) -> list[tuple[str, float]]:
        """The known words at most `max_edits` typos from `word` (OSA distance), with it. Only words
        within max_edits of its length can be that close, and only those whose letters differ from
        its letters by at most max_edits (`_ByLength.screen`): OSA runs on ~1% of the vocabulary."""
        if self._lengths is None:
            self._lengths = _ByLength(self.known)
        near = self._lengths.screen(word, max_edits)
        if not near:
            return []
        return [(c, d) for c, d, _ in process.extract(word, near, scorer=OSA.distance, score_cutoff=max_edits, limit=None)]

    def _convincing(self, word: str, candidate: str) -> bool:
        # A longer word one letter from a function word is an everyday form of it ('tells') only when
        # the language knows it; otherwise it is a term of its own ('калію' potash, not 'калі' when),
        # and made a function word it loses what the question is about.
        if candidate in self.function_words and len(word) > len(candidate) and not self.is_word(word):
            return False
        # One typo in a short word is a different word too often ('iran'/'iraq'): demand a shared start.
        if candidate[0] != word[0] and len(word) < 6:
            return False
        # A real word is only another form of a known one ('steunt'/'steun'), never another word
        # ('hulp'/'help', 'studeren'/'sturen'): that would hide what the question is about.
        if self.is_word(word) and not _same_beginning(word, candidate):
            return False
        return fuzz.ratio(word, candidate) >= 75


def _letters_in_order(word: str, longer: str) -> bool:
    """`word` is `longer` with letters left out."""
    letters = iter(longer)
    return all(ch in letters for ch in word)


def _same_beginning(a: str, b: str) -> bool:
    """Differing only in the last two letters or so: an inflection, not another word."""
    shared = len(os.path.commonprefix([a, b]))
    return shared >= max(MIN_PART, min(len(a), len(b)) - 2)


class _ByLength:
    """The vocabulary sorted by length, each word with a 64-bit mask of its letters, so that the
    words a typo or two away are found without an edit distance to each of thousands.

    A letter of one word missing from the other costs at least one edit (an insertion, deletion or
    substitution; a swap of two letters keeps both), so `word` and `known` are at least
    max(|letters(word) - letters(known)|, |letters(known) - letters(word)|) apart. With letters as
    bits of a mask that count is a popcount, and never more than the true one (two letters sharing
    a bit only hide a difference): the screen keeps every word within reach, and drops ~99%."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.words = sorted(vocabulary, key=lambda w: (len(w), w))
        counts = Counter(ch for w in self.words for ch in w)
        # The commonest letters first: the 64 bits go to the letters that tell words apart most.
        self._bits = {ch: i % 64 for i, (ch, _) in enumerate(counts.most_common())}
        self._masks = np.array([self._mask(w) for w in self.words], dtype=np.uint64)
        longest = len(self.words[-1]) if self.words else 0
        # _starts[n]: the first word at least n letters long.
        self._starts = [0] * (longest + 2)
        at = 0
        for n in range(longest + 2):
            while at < len(self.words) and len(self.words[at]) < n:
                at += 1
            self._starts[n] = at

    def _first(self, length: int) -> int:
        """Where the words at least `length` letters long begin."""
        return self._starts[max(length, 0)] if length < len(self._starts) else len(self.words)

    def _mask(self, word: str) -> int:
        mask = 0
        for ch in word:
            mask |= 1 << self._bits.get(ch, ord(ch) % 64)
        return mask

    def screen(self, word: str, max_edits: int) -> list[str]:
        """The words of length within max_edits of `word`'s whose letters differ by at most max_edits
        (in length and then alphabetical order)."""
        start, end = self._first(len(word) - max_edits), self._first(len(word) + max_edits + 1)
        if start >= end:
            return []
        masks: NDArray[np.uint64] = self._masks[start:end]
        query = np.uint64(self._mask(word))
        apart = np.maximum(np.bitwise_count(masks & ~query), np.bitwise_count(query & ~masks))
        return [self.words[start + i] for i in np.flatnonzero(apart <= max_edits).tolist()]
