"""Practical questions: where an office is ('Waar is de ambassade?', 'адрес посольства') and whether
it is safe to travel ('Is it safe to travel to Belarus?').

The documents state policy. They name embassies and diplomats, and the safety of Belarusians in the
Netherlands, so such a question shares their words, yet no passage tells an address or gives travel
advice. Such a question asks for an answer of its own kind ('practical', see analysis.asks_for),
which only a text with an address or a travel advice provides.
"""

from __future__ import annotations

import re
from itertools import pairwise

from knowledge.text.fate import fold

#: 'Where is ...' as two words, and words that ask for an address outright (folded, nl/en/ru/be).
#: 'Waar meld ik', 'where do I report' ask where to turn, which a passage can tell: left out.
_WHERE_IS = frozenset(
    tuple(fold(w) for w in phrase.split())
    for phrase in (
        "waar is", "waar zit", "waar ligt", "waar bevindt", "where is", "where s", "where are",
        "где находится", "где находятся", "дзе знаходзіцца", "дзе знаходзяцца",
    )
)
_ADDRESS_WORDS = frozenset(
    fold(word)
    for word in (
        "adres adressen address addresses openingstijden "
        "адрес адреса адрас"
    ).split()
)
#: Travelling (folded), and being safe: both in one question ask for a travel advice.
_TRAVEL_WORDS = frozenset(
    fold(word)
    for word in (
        "reizen reis reist afreizen vakantie travel travelling traveling trip holiday vacation "
        "ехать поехать ездить съездить поездка поездки отпуск ехаць паехаць ездзіць паездка паездкі адпачынак"
    ).split()
)
_SAFE_WORDS = frozenset(
    fold(word)
    for word in (
        "veilig onveilig safe unsafe dangerous gevaarlijk "
        "безопасно опасно безопасна бяспечна небяспечна"
    ).split()
)
#: In a passage: an address (a postcode, 'Postbus') or a travel advice.
_PROVIDED = re.compile(r"\b\d{4}\s?[A-Z]{2}\b|\bpostbus\b|\breisadvies\b", re.IGNORECASE)


def asks_practical(words: list[str] | tuple[str, ...]) -> bool:
    """Where an office is, its address, or whether travelling is safe (folded words of a question)."""
    present = set(words)
    if present & _ADDRESS_WORDS or set(pairwise(words)) & _WHERE_IS:
        return True
    return bool(present & _TRAVEL_WORDS and present & _SAFE_WORDS)


def tells_practical(text: str) -> bool:
    """The text gives an address or a travel advice."""
    return bool(_PROVIDED.search(text))
