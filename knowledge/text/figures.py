"""The figures a text states, sentence by sentence: what each one counts, and what the sentence says.

A later letter restates a figure in the words of the earlier one with a new number ('maatregelen
genomen tegen 88 personen' becomes '... 261 personen'): comparing figure sentences, not whole
passages, tells the newer figure of the same thing from a newer passage about something else; and
what the words after a number name ('1.400 politieke gevangenen') tells whether a passage has a
figure of what a how-many question asks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.text.analysis import NOT_A_COUNT, tokens
from knowledge.text.sentences import sentence_spans

#: The words after a number that name what it counts ('88 personen', '1.400 politieke gevangenen',
#: '4,5 miljoen euro'): a few, so that the rest of the sentence is not taken for it.
COUNTED_WORDS = 2
#: A number as languages write it: thousands grouped by a point, comma, space or no-break space
#: ('1.400', '1,400', '1 400'), or a decimal ('4,5', '4.5').
_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")


def numbers_of(text: str) -> Counter[str]:
    """The numbers a text states, by their digits alone ('1.400' and '1 400' are one number, '4,5' and
    '4.5' too): a translation states the official text's numbers, however its language writes them."""
    return Counter("".join(ch for ch in found if ch.isdigit()) for found in _NUMBER.findall(text))


@dataclass(frozen=True)
class Figure:
    """One sentence with a count in it: the numbers, the terms of what they count, and every term of
    the sentence but the numbers."""

    numbers: tuple[str, ...]
    counted: frozenset[str]
    terms: frozenset[str]


def figures(text: str, terms_of: Callable[[str], tuple[str, ...]]) -> list[Figure]:
    """The sentences of `text` that state a count (not a reference, a date or a year: NOT_A_COUNT),
    read into terms by `terms_of` (the analyzer's, so that they compare with a question's)."""
    found: list[Figure] = []
    for start, end in sentence_spans(text):
        words = tokens(NOT_A_COUNT.sub(" ", text[start:end]))
        numbers = tuple(w for w in words if w.isdigit())
        if not numbers:
            continue
        counted: set[str] = set()
        for i, word in enumerate(words):
            if word.isdigit() and (i + 1 == len(words) or not words[i + 1].isdigit()):
                following = words[i + 1 : i + 1 + COUNTED_WORDS]
                counted.update(terms_of(" ".join(following)))
        sentence_terms = {t for t in terms_of(" ".join(words)) if not t.isdigit()}
        found.append(Figure(numbers, frozenset(t for t in counted if not t.isdigit()), frozenset(sentence_terms)))
    return found
