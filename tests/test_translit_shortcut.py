"""The transliteration test stops reading a message's words once it cannot pass (`_falls_short`):
it must decide as reading every word does, and read fewer words for a Dutch or English message."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.text.analysis import fold
from knowledge.text.translit import _LATIN_WORD, FOREIGN_SHARE, SHARE, transliterate_message


def every_word_read(
    words: list[str],
    is_russian: Callable[[str], bool],
    latin_frequency: Callable[[str], int],
    known_latin: Callable[[str], bool],
    convert: Callable[[str], str],
    store_latin: Callable[[str], bool],
) -> list[str] | None:
    """The test as it was before the shortcut: every Latin word read first."""
    latin = [w for w in words if _LATIN_WORD.match(w)]
    if len(latin) < 2 or len(latin) < SHARE * len(words):
        return None
    cyrillic = {w: fold(convert(w)) for w in latin}
    russian = {w for w in latin if len(w) > 1 and is_russian(cyrillic[w]) and latin_frequency(w) <= latin_frequency(cyrillic[w])}
    foreign = {w for w in latin if w not in russian and not latin_frequency(w) and not store_latin(w)}
    telling = [w for w in latin if len(w) > 1]  # a word of one letter counts neither way
    if len(russian) < 2 or sum(w in russian or w in foreign for w in telling) < FOREIGN_SHARE * len(telling):
        return None
    return [w if not _LATIN_WORD.match(w) or (w not in russian and known_latin(w)) else cyrillic[w] for w in words]


WORDS = ["u", "v", "da", "net", "sankcii", "het", "een", "de", "mama", "tata", "eu", "x", "protiv", "welke", "12"]


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=9),
    russian=st.sets(st.sampled_from(WORDS)),
    frequent=st.dictionaries(st.sampled_from(WORDS + [w.upper() for w in WORDS]), st.integers(0, 3)),
    known=st.sets(st.sampled_from(WORDS)),
    store=st.sets(st.sampled_from(WORDS)),
)
def test_the_shortcut_decides_as_reading_every_word(
    words: list[str], russian: set[str], frequent: dict[str, int], known: set[str], store: set[str]
) -> None:
    # The 'reading' of a word is its upper case: whether it is Russian and how common, drawn apart.
    def convert(w: str) -> str:
        return w.upper()

    def is_russian(c: str) -> bool:
        return c.lower() in russian

    def latin_frequency(w: str) -> int:
        return frequent.get(w, 0)

    args = (is_russian, latin_frequency, known.__contains__, convert, store.__contains__)
    expected = every_word_read(words, *args)
    assert transliterate_message(words, *args) == expected


def test_a_dutch_message_is_turned_down_after_reading_a_few_words() -> None:
    read: list[str] = []

    def convert(w: str) -> str:
        read.append(w)
        return w

    words = "welke sancties gelden er in de europese unie voor belarus".split()
    common = {"welke", "gelden", "er", "in", "de", "europese", "unie", "voor"}
    args = (lambda c: False, lambda w: 100 if w in common else 0, lambda w: False, convert, lambda w: False)
    assert every_word_read(words, *args) is None
    read.clear()
    assert transliterate_message(words, *args) is None
    assert 0 < len(read) < len(words) // 2
