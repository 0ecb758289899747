"""Belarusian: telling it from Russian, and a light stemmer for it.

Snowball has no Belarusian stemmer, and the Russian one mangles Belarusian endings ('санкцыі',
'палітвязняў', 'Нідэрландах'). The PyPI options are a lemmatizer built on a corpus dictionary
(lemmatizer-be, one maintainer, a large data download, no stems for words outside its dictionary)
and orthography converters that do not stem. For matching, a light suffix stripper is the
well-tried approach for Slavic languages without a Snowball stemmer (Savoy's light stemmers for
Czech, Polish, Bulgarian in IR evaluations): it removes one inflectional ending, keeps stems of at
least three letters, and never has to know the word. Questions and curated Belarusian phrasings go
through the same stripper, so whatever it does to a word it does on both sides.

Detection works on the raw text, because folding turns 'ў' into 'у' and 'й' into 'и': Russian never
writes 'і', 'ў' or an apostrophe inside a Cyrillic word, and a handful of frequent Belarusian words
('што', 'гэта', 'ці', 'як') settle texts without those letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BELARUSIAN_LETTERS = re.compile(r"[іІўЎ]|[\u0400-\u04ff]['’ʼ][\u0400-\u04ff]")
#: Frequent Belarusian words that Russian does not have (as folded tokens).
FUNCTION_WORDS = frozenset(
    "што гэта ці як калі дзе чаму хто таксама трэба пра ад каб ня яны ёсць ен яна мяне нас вас "
    "альбо або але таму гэты гэтая гэтыя якія які якая якое цяпер зараз вельмі можна".split()
)
_DISTINCTIVE = frozenset(
    "што гэта ці калі дзе чаму хто таксама трэба ня ёсць альбо або але гэты якія цяпер зараз вельмі".split()
)

#: Inflectional endings (folded: 'ў' is 'у', 'й' is 'и'), longest first; one is removed.
_ENDINGS = tuple(
    sorted(
        set(
            (
                # verbs: infinitive, present, past, reflexive
                "ываецца аецца яецца уецца юецца ецца ацца яцца іцца ыцца уюцца аюцца юцца "
                "уюць аюць яюць юць уць аць яць іць ыць ець ць "
                "аем аеце аюць ае ем еце іце ім ім ала ала ыла іла ела лі ла ло "
                # adjectives
                "ымі імі ага яга аму яму ая яя ае яе ыя ія ых іх ым ім ои ую юю ыи іи "
                # nouns
                "амі ямі ах ях ау яу ам ям ом ем еи ои ою ею аи яи ы і а я у ю е о ь"
            ).split()
        ),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 3
#: Verbs in -аваць/-яваць (пераследаваць, фатаграфаваць, арганізаваць, кантраляваць) have their
#: present tense in -ую/-уе/-уюць (-юю/-юе/-юць): without this the past 'пераследавалі' kept 'пераследава',
#: the infinitive 'пераследав' and the present 'пераслед'. These endings, with the participles and the
#: verbal noun (-аваны, -аванне), are taken whole, so every form stems to 'пераслед'. Only endings that
#: carry the verb's '-ав-' with a verbal ending after it: nouns in -ава/-ова ('Варшава', 'галава', 'слова')
#: keep theirs.
_AVAC_ENDINGS = tuple(
    sorted(
        {
            prefix + ending
            for prefix in ("ав", "яв")
            for ending in (
                "аць ацца ау ауся ала алася алі аліся ало аны аная анае аныя аных анага анаи анаму аным анымі ану "
                "аную ана анне ання анню аннем анні анняу аннях аннямі"
            ).split()
        }
        | set(
            # the present (and its gerund, imperative, reflexive) of -аваць / -яваць
            "уюць уюцца ую уеш уе уем уеце уецца уючы уи уице ююць ююцца юю юеш юе юем юеце юецца ююччы юючы юи юице".split()
        ),
        key=len,
        reverse=True,
    )
)


def looks_belarusian(text: str, words: list[str]) -> bool:
    """True for Cyrillic text written in Belarusian rather than Russian (see the module docstring)."""
    if _BELARUSIAN_LETTERS.search(text):
        return True
    return sum(w in _DISTINCTIVE for w in words) >= 1 and sum(w in FUNCTION_WORDS for w in words) >= 2


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """One folded Belarusian word without its inflectional ending: 'санкцыі' → 'санкц',
    'пераследавалі' and 'пераследуюць' → 'пераслед'."""
    for ending in _AVAC_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
            return _bare(token[: -len(ending)])
    for ending in _ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
            token = token[: -len(ending)]
            break
    return _bare(token)


def _bare(token: str) -> str:
    """'санкцы' and 'санкц': a stem-final soft sign, yer-like vowel or 'и' left by 'й' carries nothing."""
    while len(token) > _MIN_STEM and token[-1] in "ьиы":
        token = token[:-1]
    return token
