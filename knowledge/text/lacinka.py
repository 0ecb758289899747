"""Belarusian written in Latin letters, read back into Cyrillic for matching through Belarusian.

People write Belarusian in Latin letters in three ways: the traditional Łacinka ('mianie
pieraśledujuć ludzi', 'ŭ Niderlandach'), the same typed on a phone without its diacritics ('mianie
pierasledujuc', 'bielarusy u niderlandach'), and English-style spellings ('shto', 'bjaspechna',
'Tsikhanouskaya'). The conversion itself is latynkatar's (PyPI, LGPL-3, maintained by the Łatynkatar
group, who run latynkatar.org): it reads both the Czech-style and the Polish-style Łacinka, with
soft 'l' and hard 'ł', 'ch' for 'х', 'ie'/'ia' after consonants and 'je'/'ja' after vowels. (cyrtranslit's
Belarusian table reverses its own scheme only: 'mianie' → 'міаніе'; belat's schemes are GOST and
official ones, none of them the Łacinka people write.) latynkatar corrects nothing, by design, so
what keyboards lose is put back here: a spelling is tried as written and then with the letters a
phone or an English habit turns it into ('l' for 'ł', 'c' for 'ć' or 'č', 'sh' for 'š', 'e' for 'ie',
'ya' for 'ja'), and the first reading that is a word (of the store, the lexicon or the word lists:
`known`) is taken, else the first one. Taraškievica's soft sign before a consonant ('сьл', 'зьв'),
which the official spelling of the store's texts does not write, goes, unless only the form with it
is a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import combinations

from latynkatar import LatCyrConverter

from knowledge.text.analysis import fold

#: Letters that only Belarusian Łacinka (of the Latin-letter languages askers write) uses.
LACINKA_LETTERS = re.compile(r"[ŭłćśźńĺŬŁĆŚŹŃĹ]")
_DIACRITICS = re.compile(r"[ŭłćśźńĺčšžŬŁĆŚŹŃĹČŠŽ]")
#: Frequent Belarusian words in Latin letters that no Russian, Dutch or English sentence has (as
#: `translit.prepare` and folding leave them: 'čamu' is 'chamu'). 'chto' (Belarusian 'who', Russian
#: 'what'), 'ja' (Dutch 'yes') and 'jak' alone are no sign: Russian, Dutch and Polish write them too.
FUNCTION_WORDS = frozenset(
    "ci heta hety hetaja hetyja hetym hetaha kali chamu camu mianie ciapier taksama treba kab dzie jany "
    "josc jakija jakaja jakoje jaki tamu vielmi mahchyma dziakuj kaho chaho shto pra suprac suprats "
    "yakiya yakaya yakoye yaki heta hetaya tsi chamu".split()
)
_VOWELS = frozenset("aeiouyąę")
#: At most this many spellings of one word are tried (most likely first: those with fewest changes).
MAX_SPELLINGS = 64
_SOFT_BEFORE_CONSONANT = re.compile(r"ь(?=[бвгджзйклмнпрстфхцчшў])")


_WORD = re.compile(r"[^\W_]+")


def tokens_as_written(text: str) -> list[str]:
    """The words of a text lower-cased with their diacritics ('pieraśledujuć'), split where
    `analysis.tokens` splits them, an apostrophe inside a word (a soft sign) aside."""
    return _WORD.findall(re.sub(r"(?<=\w)['’ʼ](?=\w)", "", unicodedata.normalize("NFC", text.lower())))


def has_diacritics(text: str) -> bool:
    """The message is typed with Łacinka's (or the Czech-style scheme's) diacritics."""
    return bool(_DIACRITICS.search(text))


def looks_belarusian(text: str, words: list[str]) -> bool:
    """True when a Latin-letter message shows it is Belarusian: a letter of Łacinka's own, or a word
    only Belarusian has (FUNCTION_WORDS; `words` folded as `translit.prepare` leaves them)."""
    return bool(LACINKA_LETTERS.search(text)) or any(w in FUNCTION_WORDS for w in words)


@lru_cache(maxsize=100_000)
def _convert(spelling: str) -> tuple[str, str]:
    """latynkatar's Cyrillic of one spelling, folded and without the apostrophe it writes between a
    consonant and 'j': without Taraškievica's soft sign before a consonant, and as written."""
    cyrillic = fold(LatCyrConverter(spelling).convert().replace("'", ""))
    return _SOFT_BEFORE_CONSONANT.sub("", cyrillic), cyrillic


def _units(word: str, plain: bool, hard_l: bool) -> list[tuple[str, ...]]:
    """The word as pieces, each with the Łacinka spellings it may stand for, the likeliest first.
    `plain`: the message has no diacritics at all (so 'ch' is more likely 'ч', as in English-style
    spelling, than Łacinka's 'х'); `hard_l`: it has no 'ł' (so 'l' is more likely 'л' than 'ль')."""
    units: list[tuple[str, ...]] = []
    i = 0
    options: tuple[str, ...]
    while i < len(word):
        rest, before = word[i:], word[i - 1] if i else ""
        nxt = word[i + 1 : i + 2]
        closing = not nxt or nxt not in _VOWELS  # before a consonant or at the end: softness is written
        if rest.startswith(("shch", "sch")):
            step, options = (4 if rest.startswith("shch") else 3), ("šč",)
        elif rest.startswith("sh"):
            step, options = 2, ("š",)
        elif rest.startswith("zh"):
            step, options = 2, ("ž", "zh")
        elif rest.startswith("kh"):
            step, options = 2, ("ch",)
        elif rest.startswith("ch"):
            step, options = 2, ("č", "ch") if plain else ("ch", "č")
        elif rest.startswith("ts"):
            step, options = 2, ("c", "ts")
        elif word[i] == "x":
            step, options = 1, ("ch", "ks")
        elif word[i] == "q":
            step, options = 1, ("k",)
        elif word[i] == "w":
            step, options = 1, ("v", "ŭ")
        elif word[i] == "ĺ":
            step, options = 1, ("l",)
        elif word[i] == "c":
            step, options = 1, ("c", "ć", "č") if closing else ("c", "č")
        elif word[i] == "s":
            step, options = 1, ("s", "ś", "š") if closing else ("s", "š")
        elif word[i] == "z":
            step, options = 1, ("z", "ź", "ž") if closing else ("z", "ž")
        elif word[i] == "n" and closing and nxt:
            step, options = 1, ("n", "ń")
        elif word[i] == "l":
            if hard_l and nxt == "j" and word[i + 2 : i + 3] in _VOWELS:
                step, options = 2, ("łi", "lj")  # 'ljudzi': soft 'l' with an iotated vowel
            elif hard_l and nxt in ("e", "i"):
                step, options = 1, ("l", "ł")  # 'le', 'li' are 'ле', 'лі' in Cyrillic and in Łacinka alike
            else:
                step, options = 1, ("ł", "l") if hard_l else ("l", "ł")
        elif word[i] == "y" and nxt in ("a", "e", "o", "u"):
            # English-style 'ya'/'yu': iotation at the start and after a vowel, softness after a consonant.
            step, options = 1, ("j", "y") if not before or before in _VOWELS else ("y", "i")
        elif word[i] == "j" and nxt in ("a", "e", "o", "u") and before and before not in _VOWELS:
            step, options = 1, ("i", "j")  # 'bjaspechna' for 'biaspiečna'
        elif word[i] == "e" and not before:
            step, options = 1, ("e", "je")  # 'ES' for 'ЕС' (Łacinka 'Jeŭrasajuz')
        elif word[i] == "e" and before not in _VOWELS and before not in "jł":
            step, options = 1, ("e", "ie")  # informal 'belarusy' for Łacinka 'biełarusy'
        else:
            step, options = 1, (word[i],)
        units.append(options)
        i += step
    return units


def spellings(word: str, plain: bool = False, hard_l: bool = False) -> Iterator[str]:
    """Łacinka spellings of a lower-cased Latin word, the word as the message's style reads it first,
    then with one, two changed pieces (at most MAX_SPELLINGS)."""
    units = _units(word, plain, hard_l)
    choices = [i for i, options in enumerate(units) if len(options) > 1]
    given = 0
    for changes in range(3):
        for positions in combinations(choices, changes):
            for picks in _picks([len(units[p]) - 1 for p in positions]):
                chosen = dict(zip(positions, picks, strict=True))
                yield "".join(options[chosen.get(i, 0)] for i, options in enumerate(units))
                given += 1
                if given >= MAX_SPELLINGS:
                    return


def _picks(alternatives: list[int]) -> Iterator[tuple[int, ...]]:
    """Every way of taking one of the non-first options (numbered from 1) at each position."""
    if not alternatives:
        yield ()
        return
    for first in range(1, alternatives[0] + 1):
        for rest in _picks(alternatives[1:]):
            yield (first, *rest)


def to_cyrillic(
    word: str, known: tuple[Callable[[str], bool], ...] = (), plain: bool = False, hard_l: bool = False
) -> str:
    """One Latin word (lower case, diacritics kept) in folded Belarusian Cyrillic: the first reading of
    its spellings that the first of `known` accepts, else that the next one does (a stricter test
    first: a word list, before a lexicon that holds stems too), else the word's reading as written
    ('biełarusy' → 'беларусы')."""
    spelled = spellings(unicodedata.normalize("NFC", word.lower()), plain, hard_l)
    if not known:
        return _convert(next(spelled))[0]
    readings = [_convert(spelling) for spelling in spelled]
    for accepts in known:
        for reading, with_sign in readings:
            if accepts(reading):
                return reading
            # The soft sign dropped before a consonant may be the word's own ('пісьмо'): that form too.
            if with_sign != reading and accepts(with_sign):
                return with_sign
    return readings[0][0]
