"""Is this a real word of Dutch, English or Russian? So that typo correction leaves real words alone.

Without it, a word the store has never seen is 'corrected' to the nearest one it has: 'hulp' to
'help', 'studeren' to 'sturen', 'lift' to 'ligt', turning an unknown (and telling) word into a
known one. The word lists are pyspellchecker's frequency dictionaries, read from that package at
first use; only sorted arrays of 32-bit hashes and counts of the common words are kept (under 1 MB),
and a hash collision can only make one unknown word pass for a real one, which is harmless.
"""

from __future__ import annotations

import gzip
import re
import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from importlib import resources

from knowledge.analysis import fold

_fold = fold.__wrapped__  # uncached: a hundred thousand words would only push questions' words out

#: Words seen at least 100 times in the dictionaries' corpora (counts of three digits or more)
#: count as real: rarer ones are too often misspellings themselves. The Russian list is short and
#: already filtered. Matching the digits in the pattern skips the rare majority without parsing it.
_ENTRIES = {"nl": re.compile(rb'"([^"]+)": (\d{3,})'), "en": re.compile(rb'"([^"]+)": (\d{3,})'), "ru": re.compile(rb'"([^"]+)": (\d+)')}


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
def _table() -> tuple[array, array]:
    """Read entry by entry from the compressed lists: no 300,000-key dict is ever built."""
    folder = resources.files("spellchecker") / "resources"
    found: dict[int, int] = {}
    for language, entry in _ENTRIES.items():
        data = gzip.decompress((folder / f"{language}.json.gz").read_bytes())
        for match in entry.finditer(data):
            word = match[1] if match[1].isascii() else _fold(match[1].decode("utf-8")).encode("utf-8")
            code = zlib.crc32(word)
            found[code] = max(found.get(code, 0), min(int(match[2]), 0xFFFFFFFF))
    codes = sorted(found)
    return array("I", codes), array("I", (found[c] for c in codes))
