"""Is this a real word of Dutch, English or Russian? So that typo correction leaves real words alone.

Without it, a word the store has never seen is 'corrected' to the nearest one it has: 'hulp' to
'help', 'studeren' to 'sturen', 'lift' to 'ligt', turning an unknown (and telling) word into a
known one. The word lists are pyspellchecker's frequency dictionaries; only sorted arrays of 32-bit
hashes and counts of the common words are kept (under 1 MB), and a hash collision can only make one
unknown word pass for a real one, which is harmless.

Building that table from pyspellchecker's dictionaries costs a second and, through its API, about
120 MB at its peak (a dict of every word of each language). So the lists are read from its packaged
files a pair at a time (the same words and counts: tests/test_spelling.py compares both ways), and
the table is saved next to the database (`use_cache`): a later start reads 1 MB instead.

The counts are not comparable across languages as they come: the Russian list's counts are about
12x lower than the Dutch ones at the same rank (rank 1,000: 1,788 against 21,711; English is 4x
higher), so Russian everyday words ('погода', 'работа') weighed like rare names. Russian counts are
therefore replaced by the Dutch count at the same rank (`RANK_SCALE`): the same rank in its list
means the same weight, and the thresholds set on Dutch (COMMON_WORD, EVERYDAY_WORD) hold for Russian.

Belarusian has no frequency list on PyPI (see hunspell.py); its words come from the Belarusian
Grammar Database's spelling dictionary, which has no counts but writes names with a capital. Its
other words (not names: everyday words and terms) that no Dutch, English or Russian list has get
`BELARUSIAN_COUNT` as their frequency, so that the words of a Belarusian question the store does not
have weigh as everyday words, not as names. They are no `is_word`, though: Russian is told from
Belarusian in Latin letters by `is_word` (matcher, translit.py), and typo correction may still bring
them onto the store's words, which helps: a Belarusian word onto its Russian twin in the store
('рэальныя' onto 'реальные'), a Łacinka 'колкі' onto 'колькі'. Guarding them as real words cost 4
confident answers of the development sets' Belarusian messages and prevented no wrong one.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import pkgutil
import re
import tempfile
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

import numpy

from knowledge.text.analysis import fold

logger = logging.getLogger(__name__)

_fold = fold.__wrapped__  # uncached: a hundred thousand words would only push questions' words out

#: Words seen at least 100 times in the dictionaries' corpora count as real: rarer ones are too
#: often misspellings themselves. The Russian list is short and already filtered.
MIN_COUNT = {"nl": 100, "en": 100, "ru": 1}
#: Languages whose counts are replaced by those of another language's list at the same rank.
RANK_SCALE = {"ru": "nl"}
#: The Hunspell dictionary (knowledge/lexicon) of Belarusian, and the frequency its words get: that
#: of a Dutch word of rank ~1,800, so an unknown one weighs 0.62 of a name (matcher.everyday_factor),
#: not the 0.5 of the commonest words: the dictionary has rare words and terms too, which a story
#: around a question seldom uses but a question about something else may. Measured on the development
#: sets (Belarusian confident and right): 1,000 +0, 5,000 +1, 10,000 +3, 20,000 +3 and one Russian
#: more; no confident wrong or near-domain answer added at any of them.
BELARUSIAN_DICTIONARY = "be_BY"
BELARUSIAN_COUNT = 10_000
#: Bump when the table's making changes (the pyspellchecker version is part of the key already).
_TABLE_VERSION = 3
#: The bit of each list in a word's language mask (`languages_of`): which lists have it as a real word.
LANGUAGE_BITS = {"nl": 1, "en": 2, "ru": 4}
#: One "word": count pair of pyspellchecker's JSON files.
_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*(\d+)')

#: The table: sorted hashes, their counts, and their language masks (LANGUAGE_BITS; 0 for Belarusian).
Table = tuple["array[int]", "array[int]", "array[int]"]
_loaded: Table | None = None
_cache: Path | None = None


def is_word(word: str) -> bool:
    """True for a word (folded: see analysis.fold) that is common in Dutch, English or Russian."""
    hashes, counts, _ = _table()
    code = zlib.crc32(word.encode("utf-8"))
    i = bisect_left(hashes, code)
    return i < len(hashes) and hashes[i] == code and counts[i] > 0


def languages_of(word: str) -> frozenset[str]:
    """The lists (nl, en, ru) that have the word (folded) as a real word: 'released' English only,
    'vrijgelaten' Dutch only, 'roman' and 'help' both; empty for a name or a word of none."""
    hashes, _, masks = _table()
    code = zlib.crc32(word.encode("utf-8"))
    i = bisect_left(hashes, code)
    if i < len(hashes) and hashes[i] == code:
        return frozenset(language for language, bit in LANGUAGE_BITS.items() if masks[i] & bit)
    return frozenset()


def frequency(word: str) -> int:
    """How often the word occurs in the dictionaries' corpora, Russian on the Dutch list's scale (the
    highest of the three languages); 0 below 100. Names are rare there: 'iran' and 'sofia' are below
    1,000, 'weer' 500,000. A Belarusian word of no other list: BELARUSIAN_COUNT."""
    hashes, counts, _ = _table()
    code = zlib.crc32(word.encode("utf-8"))
    i = bisect_left(hashes, code)
    if i < len(hashes) and hashes[i] == code:
        return counts[i] or BELARUSIAN_COUNT  # 0 marks the Belarusian words (see _with_belarusian)
    return 0


def use_cache(path: Path | None) -> None:
    """Keep the table in this file (read it from there when it is current, else write it there). A
    process that holds the table already writes it for a new store at once, so that the next process
    on that store (a command-line run beside the bot) reads it instead of building it again."""
    global _cache
    _cache = path
    if _loaded is not None and path is not None and not _has_current_cache():
        _write_cache(_loaded)


def _has_current_cache() -> bool:
    if _cache is None:
        return False
    key = _key().encode("utf-8") + b"\n"
    try:
        with _cache.open("rb") as cached:
            return cached.read(len(key)) == key
    except OSError:
        return False


def _table() -> Table:
    global _loaded
    if _loaded is None:
        _loaded = _read_cache() or _build()
    return _loaded


def _key() -> str:
    try:
        version = metadata.version("pyspellchecker")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"{_TABLE_VERSION}:{version}:{sorted(MIN_COUNT.items())}:{sorted(RANK_SCALE.items())}:{BELARUSIAN_DICTIONARY}"


def _read_cache() -> Table | None:
    if _cache is None or not _cache.is_file():
        return None
    try:
        raw = _cache.read_bytes()
        start = raw.find(b"\n") + 1
        body = memoryview(raw)[start:]  # no copies: the table is 10 MB
        if not start or raw[: start - 1].decode("utf-8") != _key() or len(body) % 9:
            return None
        size = len(body) // 9
        hashes, counts, masks = array("I"), array("I"), array("B")
        hashes.frombytes(body[: 4 * size])
        counts.frombytes(body[4 * size : 8 * size])
        masks.frombytes(body[8 * size :])
        del body, raw
    except (OSError, UnicodeDecodeError) as error:
        logger.warning("Ignoring an unreadable word list cache: %s", type(error).__name__)
        return None
    ordered = numpy.frombuffer(hashes, dtype=numpy.uint32)
    if not hashes or not bool(numpy.all(ordered[1:] > ordered[:-1])):
        return None
    return hashes, counts, masks


def _build() -> Table:
    """One language at a time, a pair at a time: only the table (and a list's counts) is held whole."""
    found: dict[int, int] = {}
    held: dict[int, int] = {}  # the language mask of each hash
    for language, least in MIN_COUNT.items():
        pairs: Iterable[tuple[str, int]] = language_counts(language)
        if language in RANK_SCALE:
            pairs = rank_scaled(list(pairs), reference_curve(RANK_SCALE[language]))
        for word, count in pairs:
            if count < least:
                continue
            code = zlib.crc32((word if word.isascii() else _fold(word)).encode("utf-8"))
            found[code] = max(found.get(code, 0), min(count, 0xFFFFFFFF))
            held[code] = held.get(code, 0) | LANGUAGE_BITS.get(language, 0)
    if not found:
        raise RuntimeError("pyspellchecker gave no word lists: typo correction would rewrite real words")
    codes = sorted(found)
    table = array("I", codes), array("I", (found[c] for c in codes)), array("B", (held[c] for c in codes))
    del found, held
    if BELARUSIAN_DICTIONARY:
        table = _with_belarusian(table)
    _write_cache(table)
    return table


def _with_belarusian(table: Table) -> Table:
    """The table with the Belarusian words it lacks, at a count of 0 (no count: see frequency). A
    million forms: their hashes are gathered and merged as arrays (5 MB), not as a dict (100 MB)."""
    forms = array("I", (zlib.crc32(word.encode("utf-8")) for word in belarusian_words()))
    hashes = numpy.frombuffer(table[0], dtype=numpy.uint32)
    new = numpy.setdiff1d(numpy.unique(numpy.frombuffer(forms, dtype=numpy.uint32)), hashes, assume_unique=True)
    merged = numpy.concatenate([hashes, new])
    counts = numpy.concatenate([numpy.frombuffer(table[1], dtype=numpy.uint32), numpy.zeros(len(new), numpy.uint32)])
    masks = numpy.concatenate([numpy.frombuffer(table[2], dtype=numpy.uint8), numpy.zeros(len(new), numpy.uint8)])
    order = numpy.argsort(merged, kind="stable")
    return array("I", merged[order].tobytes()), array("I", counts[order].tobytes()), array("B", masks[order].tobytes())


def belarusian_words() -> Iterator[str]:
    """The folded forms of the Belarusian dictionary's words that are no names, one word each (forms
    with an apostrophe, 'сям'я', are two tokens and left out)."""
    from knowledge.text.hunspell import shipped_forms

    for form in shipped_forms(BELARUSIAN_DICTIONARY, names=False):
        if "'" not in form and "’" not in form:
            yield _fold(form)


def reference_curve(language: str) -> list[int]:
    """The counts of a language's list from the most common word down."""
    return sorted((count for _, count in language_counts(language)), reverse=True)


def rank_scaled(pairs: list[tuple[str, int]], curve: list[int]) -> Iterator[tuple[str, int]]:
    """Each word with the count the reference `curve` has at the word's rank in its own list (words
    of one count share the best rank of them): one scale for all languages, the order kept."""
    if not curve:
        yield from pairs
        return
    rank_of: dict[int, int] = {}
    for rank, count in enumerate(sorted((count for _, count in pairs), reverse=True)):
        rank_of.setdefault(count, rank)
    for word, count in pairs:
        yield word, curve[min(rank_of[count], len(curve) - 1)]


def _write_cache(table: Table) -> None:
    if _cache is None:
        return
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=_cache.parent, prefix=_cache.name + ".", suffix=".tmp", delete=False) as out:
            temporary = Path(out.name)
            out.write(_key().encode("utf-8") + b"\n" + table[0].tobytes() + table[1].tobytes() + table[2].tobytes())
        os.replace(temporary, _cache)
    except OSError as error:
        logger.warning("Could not save the word list cache: %s", error.strerror or error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def language_counts(language: str) -> Iterator[tuple[str, int]]:
    """pyspellchecker's words of `language` with their counts as `SpellChecker(language=...)` holds
    them (lower-cased, the counts of words differing only in case summed), read from its packaged
    list without building its dictionary."""
    raw = pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")
    if raw is None:
        return
    text = gzip.decompress(raw).decode("utf-8")
    del raw
    merged: dict[str, int] = {}  # lower-cased forms of the words with capitals: summed at the end
    for match in _PAIR.finditer(text):
        word = _unescape(match.group(1))
        if word != word.lower():
            merged[word.lower()] = 0
    for match in _PAIR.finditer(text):
        word, count = _unescape(match.group(1)).lower(), int(match.group(2))
        if word in merged:
            merged[word] += count
        else:
            yield word, count
    yield from merged.items()


def _unescape(word: str) -> str:
    return json.loads(f'"{word}"') if "\\" in word else word
