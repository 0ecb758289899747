"""Questions about a later time than the documents: 'in 2024', 'inmiddels', 'сейчас'.

The store quotes documents of a given date. A figure they give ('88 persons') is the figure of that
date; asked how many there are now, or in a later year, the honest reply is not that figure as if it
were current. A year later than the document rules out a confident answer whatever is asked; words
for 'now' do so for how-many questions (a present tense alone is no later time: 'wat doet
Nederland nu' asks about the policy, which the document states).
"""

from __future__ import annotations

import re

from knowledge.text.analysis import fold

#: Folded words and word pairs that ask about the present or the latest state.
NOW_WORDS = frozenset(
    fold(word)
    for word in "nu inmiddels momenteel tegenwoordig actueel huidige huidig laatste "
    "now currently nowadays today latest current "
    "сейчас теперь сегодня нынешний нынешние актуальные последние зараз цяпер сёння сення".split()
)
NOW_PHRASES = frozenset(
    tuple(fold(word) for word in phrase)
    for phrase in (
        ("op", "dit", "moment"),
        ("at", "the", "moment"),
        ("right", "now"),
        ("на", "данный", "момент"),
        ("на", "сегодня"),
        ("up", "to", "date"),
    )
)
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")


def years(words: tuple[str, ...] | list[str]) -> list[int]:
    return [int(w) for w in words if _YEAR.match(w)]


def asks_about_now(words: tuple[str, ...] | list[str]) -> bool:
    """Words, folded or not, asking about the present: questions are folded ('сейчас' is 'сеичас'
    by then), so both sides are compared folded."""
    words = [fold(w) for w in words]
    if NOW_WORDS & set(words):
        return True
    return any(tuple(words[i : i + len(p)]) == p for p in NOW_PHRASES for i in range(len(words)))


def later_than(words: tuple[str, ...] | list[str], asks_for: str | None, document_year: int | None) -> bool:
    """True when the question asks about a later time than a document of `document_year`."""
    if document_year and any(year > document_year for year in years(words)):
        return True
    return asks_for == "count" and asks_about_now(words)
