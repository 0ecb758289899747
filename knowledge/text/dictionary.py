"""Is this a real word of Dutch, English or Russian? So that typo correction leaves real words alone.

Without it, a word the store has never seen is 'corrected' to the nearest one it has: 'hulp' to
'help', 'studeren' to 'sturen', 'lift' to 'ligt', turning an unknown (and telling) word into a
known one. The word lists are pyspellchecker's frequency dictionaries, read through its public API
(SpellChecker.word_frequency) at first use; only sorted arrays of 32-bit hashes and counts of the
common words are kept (under 1 MB), and a hash collision can only make one unknown word pass for a
real one, which is harmless.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache

from spellchecker import SpellChecker

from knowledge.text.analysis import fold

_fold = fold.__wrapped__  # uncached: a hundred thousand words would only push questions' words out

#: Words seen at least 100 times in the dictionaries' corpora count as real: rarer ones are too
#: often misspellings themselves. The Russian list is short and already filtered.
MIN_COUNT = {"nl": 100, "en": 100, "ru": 1}


def is_word(word: str) -> bool:
    """True for a word (folded: see analysis.fold) that is common in Dutch, English or Russian."""
    return frequency(word) > 0


def frequency(word: str) -> int:
    """How often the word occurs in the dictionaries' corpora (the highest of the three languages);
    0 below 100. Names are rare there: 'iran' and 'sofia' are below 1,000, 'weer' 500,000."""
    hashes, counts = _table()
    code = zlib.crc32(word.encode("utf-8"))
    i = bisect_left(hashes, code)
    return counts[i] if i < len(hashes) and hashes[i] == code else 0


@lru_cache(maxsize=1)
def _table() -> tuple[array[int], array[int]]:
    """One language at a time, so that only one of pyspellchecker's dictionaries is held at once."""
    found: dict[int, int] = {}
    for language, least in MIN_COUNT.items():
        for word, count in SpellChecker(language=language, distance=1).word_frequency.items():
            if count < least:
                continue
            code = zlib.crc32((word if word.isascii() else _fold(word)).encode("utf-8"))
            found[code] = max(found.get(code, 0), min(count, 0xFFFFFFFF))
    if not found:
        raise RuntimeError("pyspellchecker gave no word lists: typo correction would rewrite real words")
    codes = sorted(found)
    return array("I", codes), array("I", (found[c] for c in codes))
