"""Questions whether a named person is on a list ('Staat Loekasjenko zelf op de sanctielijst?').

The sanctions passage says how many people and entities are listed, not who: it shares every word
of such a question but the name, and its figures are no answer to it. Only a passage that names the
person can say whether they are on it (knowledge/search/decision.py). The question's names are its
rare words that are capitalised or names of the store's subject (decided there); this module only
tells the question's shape: a word for a list or for being sanctioned.
"""

from __future__ import annotations

from knowledge.text.fate import fold

#: Words for a list of sanctioned people, or for being on one, in nl, en, ru and be (folded): whole
#: words, and the beginnings of long compounds and inflected forms ('sanctielijsten', 'списке').
LIST_WORDS = frozenset(fold(word) for word in "lijst lijsten list lists listed список".split())
LIST_PREFIXES = tuple(
    fold(word) for word in "sanctielijst gesanctioneerd blacklist sanctioned списк санкционн спіс санкцыйн".split()
)


def asks_listed(words: list[str] | tuple[str, ...]) -> bool:
    """The question (folded words) speaks of a list of sanctioned people or of being sanctioned."""
    return any(word in LIST_WORDS or word.startswith(LIST_PREFIXES) for word in words)
