"""Questions about what became of a person: released, sentenced, pardoned ('Is X vrijgelaten?').

The documents name people as the occasion of a policy (an arrest the government condemned), not
their later fate. A question about that fate shares the passage's names and often its words
('released' is a synonym of the call to release political prisoners), yet the passage does not
answer it. So such a question asks for an answer of its own kind ('fate', see analysis.asks_for),
which only a text that tells someone's fate provides (released, sentenced, pardoned).
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """As analysis.fold (which imports this module): lower case without diacritics."""
    if text.isascii():
        return text.casefold()  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

#: Past forms of what happens to a detained person, in nl, en, ru and be (folded). Infinitives and
#: nouns ('vrij te laten', 'освободить', 'вызваліць', 'release of') are calls, not fates: left out.
FATE_WORDS = frozenset(
    fold(word)
    for word in (
        "vrijgelaten vrijgekomen veroordeeld begenadigd vrijgesproken "
        "released freed sentenced convicted pardoned acquitted "
        "освободили освобожден освобождена освобождены отпустили выпустили осудили осужден осуждена "
        "приговорили приговорен приговорена помиловали помилован помилована оправдали "
        "вызвалілі вызвалены вызвалена вызваленая адпусцілі выпусцілі асудзілі асуджаны асуджана "
        "асуджаная прысудзілі памілавалі памілаваны памілавана"
    ).split()
)
#: 'What happened to / became of ...' (both words in the question: Dutch puts the name between,
#: 'wat is er met X gebeurd'): a fate when it is a person's, told by a pronoun or an arrest in the
#: same question ('what happened to Sofia Sapega after her arrest'), not a motion's. Russian and
#: Belarusian pronouns ('с ней', 'з ёй') stand for things as much as for people: only arrests count.
FATE_PHRASES = frozenset(
    tuple(fold(w) for w in phrase.split())
    for phrase in (
        "happened to", "became of", "become of", "gebeurd met", "gebeurt met", "geworden van",
        "стало с", "случилось с", "произошло с", "стала з", "здарылася з", "адбылося з",
    )
)
PERSON_WORDS = frozenset(
    fold(word)
    for word in (
        "him her them hem haar hen hun hij zij ze "
        "arrest arrested arrestatie gearresteerd opgepakt aanhouding "
        "ареста арест задержания задержан задержана арышту арышт затрымання затрыманы затрымана"
    ).split()
)
#: In a passage: words that tell what became of someone (the Dutch documents).
_TOLD = re.compile(
    r"\b(vrijgelaten|vrijgekomen|veroordeeld|begenadigd|gratie|vrijgesproken|gevangenisstraf|celstraf)\b",
    re.IGNORECASE,
)


def asks_fate(words: list[str] | tuple[str, ...]) -> bool:
    """The question asks what became of someone (folded or raw words alike)."""
    folded = [fold(w) for w in words]
    if FATE_WORDS & set(folded):
        return True
    if not PERSON_WORDS & set(folded):
        return False
    present = set(folded)
    return any(set(phrase) <= present for phrase in FATE_PHRASES)


def tells_fate(text: str) -> bool:
    """The passage tells what became of someone: only such a text answers a fate question."""
    return bool(_TOLD.search(text))
