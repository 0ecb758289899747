"""Messages that state a claim and ask whether it is true ('..., klopt dat?', 'Is that true?').

A passage whose whole text is a bare 'Ja' answers its own official question, not whatever claim
shares its words: 'Ja' after 'the regime prepares operations in the EU, klopt dat?' would confirm a
claim the government never made. So a confirmation asked of such a passage needs its question to
match the claim closely (knowledge/search/decision.py).
"""

from __future__ import annotations

from itertools import pairwise

from knowledge.text.fate import fold

#: Words that ask for a confirmation on their own, in nl, en, ru and be (folded).
CONFIRM_WORDS = frozenset(fold(w) for w in "klopt klopte true правда верно праўда".split())
#: Word pairs that do ('is dat waar', 'is dat zo', 'это так', 'гэта так'): 'waar' alone is 'where'.
CONFIRM_PAIRS = frozenset(
    (fold(a), fold(b))
    for a, b in (("dat", "waar"), ("het", "waar"), ("dat", "zo"), ("that", "right"), ("это", "так"), ("гэта", "так"))
)


def asks_confirmation(words: list[str] | tuple[str, ...]) -> bool:
    """The message (folded words) asks whether something it states is true."""
    return bool(CONFIRM_WORDS.intersection(words)) or bool(CONFIRM_PAIRS.intersection(pairwise(words)))
