"""Russian (and Belarusian) written in Latin letters, brought back to Cyrillic for matching.

People type 'skolko chelovek pod sankciyami ES' on a phone without a Cyrillic keyboard. That is
informal transliteration ('volapuk'): 'c' and 'ts' for 'ц', 'h' and 'kh' for 'х', 'y' for 'ы' and
'й', 'ya'/'ja' for 'я', soft signs left out. The well-kept library for this, cyrtranslit, reverses
its own formal scheme only: it reads 'sankciyami' as 'санккиями' and 'politzaklyuchennye' as
'политзаключенне', which no stem of the store matches. So this is a small greedy table of the
informal spellings; what it gets slightly wrong (a missing soft sign: 'сколко') the speller then
brings onto the store's Cyrillic words, as it does for any typo.

A message is taken for transliterated Russian only when most of its words become Russian words
(by pyspellchecker's list) or words of the store, and are not more common as Dutch or English
words: 'in', 'no' or 'na' alone never turn a Dutch question into Russian. Belarusian in Latin
letters is read by lacinka.py and told by the same test (`transliterate_message`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from knowledge.text.analysis import fold

_MULTI = (
    ("shch", "щ"),
    ("tsya", "тся"),
    ("tsja", "тся"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("ya", "я"),
    ("ja", "я"),
    ("yo", "е"),
    ("jo", "е"),
    ("iy", "ий"),
    ("yy", "ый"),
    ("ij", "ий"),
)
_SINGLE = dict(zip("abvgdezijklmnoprstufhcwxqy", "абвгдезийклмнопрстуфхцвкскы", strict=False))
_SINGLE["x"] = "кс"
_SINGLE["q"] = "к"
_VOWELS = set("aeiouy")
_VOWEL_LETTERS = tuple("aeiou")
_LATIN_WORD = re.compile(r"^[a-zł]+$")
#: Share of a message's words that must read as Russian for the message to count as transliterated.
SHARE = 0.5
#: Share of its Latin words that must be Russian or of no other language (see transliterate_message).
FOREIGN_SHARE = 0.7


#: Letters of the Czech-style scheme (and Belarusian Łacinka) that folding would reduce to plain ones.
_HACEK = str.maketrans(
    {
        "č": "ch",
        "š": "sh",
        "ž": "zh",
        "ŭ": "u",
        "ć": "c",
        "ś": "s",
        "ź": "z",
        "ł": "l",
        "Č": "Ch",
        "Š": "Sh",
        "Ž": "Zh",
        "Ŭ": "U",
        "Ć": "C",
        "Ś": "S",
        "Ź": "Z",
        "Ł": "L",
    }
)
_SOFT_SIGN = re.compile(r"(?<=[A-Za-z])['’ʼ](?=[A-Za-z])")
#: Chat transliteration writes 'ч' as the digit that looks like it ('4to', 'ho4u', '4elovek'): a 4
#: against a letter is that, never a number ('4 personen' keeps it; '4e' reads 'че', as 'что' is said).
_CHE_DIGIT = re.compile(r"(?<=[A-Za-z])4|4(?=[A-Za-z])")


def prepare(text: str) -> str:
    """Latin-letter text as transliteration reads it: 'č' and '4' as 'ch', and an apostrophe inside a
    word (the soft sign: 'tjur'mah') no longer splitting it."""
    return _CHE_DIGIT.sub("ch", _SOFT_SIGN.sub("", text.translate(_HACEK)))


@lru_cache(maxsize=100_000)
def to_cyrillic(word: str) -> str:
    """One folded Latin word in Cyrillic by the informal table ('sankcii' → 'санкции')."""
    out: list[str] = []
    i = 0
    while i < len(word):
        # 'et'/'ek' opening a word are 'эт'/'эк' ('eto', 'etim', 'ekonomika'); 'esli', 'evropa' keep 'е'.
        if i == 0 and word[:2] in ("et", "ek"):
            out.append("э")
            i += 1
            continue
        # 'ye' / 'je': 'е' at the start and after a vowel ('yesli'), 'ые' after a consonant ('novye').
        if word[i] in "yj" and word[i + 1 : i + 2] == "e":
            out.append("е" if i == 0 or word[i - 1] in _VOWELS else "ые")
            i += 2
            continue
        for latin, cyrillic in _MULTI:
            # 'iy' + vowel is 'и' + 'я'/'ю' ('sankciyami'), not 'ий' + vowel.
            if word.startswith(latin, i) and not (latin[1] in "yj" and word[i + 2 : i + 3] in _VOWEL_LETTERS):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            letter = word[i]
            if letter == "y":
                # 'y' after a vowel is 'й' ('moy'), otherwise 'ы' ('vybory').
                out.append("й" if i and word[i - 1] in _VOWELS else "ы")
            else:
                out.append(_SINGLE.get(letter, letter))
            i += 1
    return "".join(out)


def transliterate_message(
    words: list[str],
    is_russian: Callable[[str], bool],
    latin_frequency: Callable[[str], int],
    known_latin: Callable[[str], bool],
    convert: Callable[[str], str] = to_cyrillic,
    store_latin: Callable[[str], bool] | None = None,
) -> list[str] | None:
    """The words in Cyrillic when the message is Russian in Latin letters, else None.

    `is_russian(cyrillic)` says whether a Cyrillic word is Russian (or the store's); a word counts
    for Russian when it is and its Latin form is no more common as a word than its Cyrillic one.
    Latin words the store knows that are no Russian word stay as they are (a Dutch term, a name).
    """
    latin = [w for w in words if _LATIN_WORD.match(w)]
    if len(latin) < 2 or len(latin) < SHARE * len(words):
        return None
    # A Latin word of the store itself (`store_latin`, by default `known_latin`) is Dutch or English,
    # though a synonym's Latin-letter Russian variant ('tyurme') is not.
    in_store = store_latin or known_latin

    def read(word: str) -> str:
        return fold(convert(word))

    if _falls_short(latin, is_russian, latin_frequency, in_store, read):
        return None
    cyrillic = {w: read(w) for w in latin}
    # A word of one letter ('u', 'v', 'i') is a word of too many languages to tell which one it is.
    russian = {w for w in latin if _reads_russian(w, cyrillic[w], is_russian, latin_frequency)}
    # Words of no Dutch or English (nor of the store) count with them: the Russian word list is short.
    foreign = {w for w in latin if w not in russian and not latin_frequency(w) and not in_store(w)}
    # A word of one letter ('u', 'ŭ', 'v', 'i') tells neither way: it counts for no language, nor against one.
    telling = [w for w in latin if len(w) > 1]
    if len(russian) < 2 or sum(w in russian or w in foreign for w in telling) < FOREIGN_SHARE * len(telling):
        return None
    result = []
    for word in words:
        if not _LATIN_WORD.match(word) or (word not in russian and known_latin(word)):
            result.append(word)
        else:
            result.append(cyrillic[word])
    return result


def _reads_russian(word: str, cyrillic: str, is_russian: Callable[[str], bool], latin_frequency: Callable[[str], int]) -> bool:
    """The word counts for Russian (see `transliterate_message`): longer than a letter, its reading a
    Russian word, and that reading no less common than the word as written."""
    return len(word) > 1 and is_russian(cyrillic) and latin_frequency(word) <= latin_frequency(cyrillic)


def _falls_short(
    latin: list[str],
    is_russian: Callable[[str], bool],
    latin_frequency: Callable[[str], int],
    in_store: Callable[[str], bool],
    read: Callable[[str], str],
) -> bool:
    """True when the message cannot pass `transliterate_message`'s test however its words not yet
    read turn out: reading a word is the costly part (up to 64 Łacinka spellings of each Dutch or
    English word of every message, the first time it is asked), and a Dutch or English message
    fails after a few. Words are read one at a time, those that count only if they read as Russian
    first and of them the shortest (fewest spellings; the everyday words, read for an earlier
    message already), until the count cannot be reached; False means every word must be read."""
    occurrences: dict[str, int] = {}
    for word in latin:
        if len(word) > 1:  # one letter tells neither way (see transliterate_message)
            occurrences[word] = occurrences.get(word, 0) + 1
    # A word of no other language counts whether it reads as Russian or as foreign; the rest only as Russian.
    counts_anyway = {w for w in occurrences if not latin_frequency(w) and not in_store(w)}
    may_count, may_be_russian = sum(occurrences.values()), len(occurrences)
    needed = FOREIGN_SHARE * may_count
    for word in sorted(occurrences, key=lambda w: (w in counts_anyway, len(w))):
        if may_be_russian < 2 or may_count < needed:
            return True
        if _reads_russian(word, read(word), is_russian, latin_frequency):
            continue
        may_be_russian -= 1
        if word not in counts_anyway:
            may_count -= occurrences[word]
    return may_be_russian < 2 or may_count < needed
