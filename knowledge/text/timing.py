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
    "сейчас теперь сегодня нынешний нынешние актуальные последние зараз цяпер сёння сення "
    # chat spellings of 'сейчас' ('скока щас?')
    "щас счас сечас".split()
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


def later_than(
    words: tuple[str, ...] | list[str], asks_for: str | None, document_year: int | None, document_month: int | None = None
) -> bool:
    """True when the question asks about a later time than a document of `document_year` (and
    `document_month`): a later year, or a later month of the document's own year ('mei 2021' of a
    letter of March 2021; a month without a year could be any year's, and tells nothing)."""
    asked_years = years(words)
    if document_year and any(year > document_year for year in asked_years):
        return True
    if document_year and document_month and document_year in asked_years:
        months = [month for _, month in dated_words(words).values() if month is not None]
        if any(month > document_month for month in months):
            return True
    return asks_for == "count" and asks_about_now(words)


def _months(spellings: dict[int, str]) -> dict[str, int]:
    return {fold(word): month for month, words in spellings.items() for word in words.split()}


#: Month names and their usual abbreviations (nl, en), folded, by month number.
MONTH_WORDS = _months(
    {
        1: "januari jan january",
        2: "februari feb february",
        3: "maart mrt march mar",
        4: "april apr",
        5: "mei may",
        6: "juni june jun",
        7: "juli july jul",
        8: "augustus aug august",
        9: "september sept sep",
        10: "oktober okt october oct",
        11: "november nov",
        12: "december dec",
    }
)
#: Russian and Belarusian month names are inflected ('в марте', 'у сакавіку', 'траўня'): their stems
#: (folded: 'й' is 'и', 'ў' is 'у'), matched as a word's beginning; May in Russian in full forms only.
MONTH_STEMS = {
    fold(stem): month
    for month, stems in {
        1: "январ студзен",
        2: "феврал лют",
        3: "март сакав",
        4: "апрел красав",
        6: "июн чэрвен",
        7: "июл ліпен",
        8: "август жнівен жніўн",
        9: "сентябр верас",
        10: "октябр кастрычн",
        11: "ноябр лістапад",
        12: "декабр снеж",
        5: "траўн травен",
    }.items()
    for stem in stems.split()
}
_RUSSIAN_MAY = frozenset(fold(word) for word in "май мая мае маю".split())
#: Month words that are everyday words too ('may', 'mar', 'march', 'jan'): a month only beside a year.
_AMBIGUOUS_MONTHS = frozenset({"may", "mar", "march", "jan", "dec", "sep", "aug", "nov", "oct", "jun"})


#: The word 'year' after a year number ('2021 года', '2021 г.', 'in het jaar 2021').
_YEAR_WORDS = frozenset(fold(word) for word in "год года году годом г годзе гадах jaar year".split())


def month_of(word: str, *, beside_year: bool = False) -> int | None:
    """The month a folded word names ('maart', 'march', 'марте', 'сакавіку': 3), or None. A word that
    is an everyday word too ('may') names a month only `beside_year`."""
    if word in MONTH_WORDS:
        return MONTH_WORDS[word] if beside_year or word not in _AMBIGUOUS_MONTHS else None
    if word in _RUSSIAN_MAY:
        return 5
    return next((month for stem, month in MONTH_STEMS.items() if word.startswith(stem)), None)


def dated_words(words: tuple[str, ...] | list[str]) -> dict[str, tuple[int | None, int | None]]:
    """The words of a question that name a date, each with the (year, month) it names: '2021' (2021,
    None), 'maart' (None, 3). A document of that date has them as metadata, not in its text."""
    words = list(words)
    found: dict[str, tuple[int | None, int | None]] = {}
    for i, word in enumerate(words):
        if _YEAR.match(word):
            found[word] = (int(word), None)
            continue
        near = [int(w) for w in words[max(0, i - 2) : i + 3] if _YEAR.match(w)]
        if (month := month_of(word, beside_year=bool(near))) is not None:
            found[word] = (None, month)
        elif word in _YEAR_WORDS and near:  # 'в 2021 году', 'у 2021 годзе': the year's own word
            found[word] = (near[0], None)
    return found
