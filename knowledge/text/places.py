"""Names of the world's countries in the users' languages, to tell a question about another country.

The names come from the Unicode CLDR through babel (the short names people use: 'Rusland', 'Russia',
'Россия', 'Расія'), not from a list of our own. Regions and groupings (the EU, the UN, Europe) are
not countries and are left out. Multi-word names count by their distinctive words only ('Korea' of
'Noord-Korea' and 'Zuid-Korea'): their everyday words ('Noord', 'Verenigde') name no country on their own.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from knowledge.text.analysis import LANGUAGES, Lang, tokens
from knowledge.text.dictionary import frequency

#: A word of a multi-word name this common in everyday language names no country by itself.
COMMON_WORD = 1000


#: Territory codes of CLDR that are no country: groupings, the unknown region, pseudo-locales.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


@lru_cache(maxsize=1)
def country_names() -> dict[Lang, tuple[str, ...]]:
    """Language → every country's name in it (CLDR's short form)."""
    names: dict[Lang, tuple[str, ...]] = {}
    for language in LANGUAGES:
        territories = Locale.parse(language).territories
        names[language] = tuple(
            name for code, name in sorted(territories.items()) if code.isalpha() and len(code) == 2 and code not in _NOT_COUNTRIES
        )
    return names


@lru_cache(maxsize=1)
def country_words() -> dict[Lang, frozenset[str]]:
    """Language → the folded words that name a country: a one-word name itself; of a longer name,
    its words of four letters or more that are no everyday word and occur in no other country's name,
    or end it in Latin letters ('Noord-Korea' → 'korea', see _shared_name; not 'staten' of 'Verenigde
    Staten', nor 'республика')."""
    found: dict[Lang, frozenset[str]] = {}
    for language, names in country_names().items():
        split = [tokens(name) for name in names]
        seen: dict[str, int] = {}
        for words in split:
            for word in set(words):
                seen[word] = seen.get(word, 0) + 1
        chosen: set[str] = set()
        for words in split:
            if len(words) == 1:
                chosen.update(words)
            else:
                chosen.update(
                    w for w in words if len(w) >= 4 and frequency(w) < COMMON_WORD and (seen[w] == 1 or _shared_name(w, words))
                )
        found[language] = frozenset(chosen)
    return found


def _shared_name(word: str, words: list[str]) -> bool:
    """A word that ends a multi-word name in Latin letters names its country also when another name
    ends in it ('Noord-Korea', 'Zuid-Korea'): the words before it say which. Cyrillic names end in
    words such as 'территории' as well, so only their unshared words count."""
    return word == words[-1] and word.isascii()
