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


#: Words skipped between 'happened to' / 'gebeurd met' and the name ('what happened to the activist
#: Sapega'): articles and titles.
_BEFORE_NAME = frozenset("the a an de het een mr mrs ms miss activist journalist opposition leader".split())
#: Verbs asking someone's state, followed by the person ('Is Sapega free?', 'Zit Protasevitsj nog vast?').
_COPULAS = frozenset("is was are were zit zat zitten ist".split())
#: Words and phrases of a detained person's state (folded): 'free' only after 'Is <name>' (alone it
#: is the call to free political prisoners).
_STATES = frozenset(
    tuple(fold(w) for w in phrase.split())
    for phrase in (
        "free", "freed", "alive", "detained", "jailed", "imprisoned", "locked up", "behind bars", "in prison",
        "in jail", "in custody", "in detention", "out of prison", "out of jail",
        "vrij", "vast", "gevangen", "opgesloten", "in de gevangenis", "in de cel", "in hechtenis", "op vrije voeten",
        "на свободе", "в тюрьме", "за решеткой", "сидит", "на волі", "у турме", "за кратамі", "сядзіць",
    )
)
#: Subject pronouns after a copula ('Is she still in prison?', 'Zit hij nog vast?'), and what makes a
#: state a freedom to act instead ('free to protest', 'vrij om te demonstreren').
_SUBJECTS = frozenset("he she they hij zij ze".split())
_TO = frozenset("to om te".split())
#: Russian and Belarusian pronouns for a person ('что с ней стало', 'што з ім'): they stand for a
#: motion or a decision just as well, so they count only when the message names no such thing.
_PRONOUNS = frozenset(fold(w) for w in "ней нею ним нему него неё нее ними она он они ёй ёю ім яго яе імі яна ён яны".split())
#: 'What about her' without a verb: 'что с ней', 'што з ім' (the preposition, then the pronoun).
_WITH = frozenset(fold(w) for w in ("с", "со", "з", "са"))
_WHAT = frozenset(fold(w) for w in ("что", "што", "чё", "шо"))
#: Beginnings of the words for things that become of something as well (a motion, the sanctions): a
#: message naming one asks about that, not about a person ('Что стало с моцией?', 'Что с ней стало?'
#: after a sentence about a motion).
_THINGS = tuple(
    fold(w)
    for w in "моци мацы резолюц рэзалюц предложен прапанов санкц решени рашэнн закон петиц запрос запыт просьб "
    "мер пакет режим рэжым motion moti sanction sanctie resolution".split()
)
#: Below this count in everyday language a word is a name (see dictionary.frequency): 'Sapega', not 'motion'.
_NAME_COUNT = 1000


def _is_name(word: str) -> bool:
    """A word of no everyday language: a person's name, in a question about what became of someone."""
    from knowledge.text import dictionary  # it imports analysis, which imports this module

    if len(word) < 3 or not word.isalpha():
        return False
    # A Latin word of no Dutch, English or Russian list is a name whatever its count: the Belarusian
    # dictionary's count (of Cyrillic words) reaches it only by a hash collision ('protasevich').
    return dictionary.frequency(word) < _NAME_COUNT or word.isascii() and not dictionary.is_word(word)


def _name_after(folded: list[str], start: int) -> bool:
    """A name follows at `start` (after articles and titles; a first name may be an everyday word,
    'Roman'), and is no owner of a thing ('Omtzigt's motion' splits into 'omtzigt', 's')."""
    i = start
    while i < len(folded) and folded[i] in _BEFORE_NAME:
        i += 1
    if i < len(folded) and folded[i] in PERSON_WORDS:
        return True
    for j in range(i, min(i + 2, len(folded))):
        if _is_name(folded[j]):
            return not (j + 1 < len(folded) and folded[j + 1] == "s")
    return False


def _name_in_phrase(folded: list[str], phrase: tuple[str, ...]) -> bool:
    """The name after the phrase ('happened to Sapega', 'gebeurd met Sapega'), or between its words in
    Dutch order ('wat is er met Sapega gebeurd', 'wat is er van hem geworden'); not a name after the
    preposition anywhere else ('onveiliger geworden sinds de kaping van het Ryanair-vliegtuig')."""
    *verb, preposition = phrase
    for i, word in enumerate(folded):
        if word != preposition or not _name_after(folded, i + 1):
            continue
        if tuple(folded[max(0, i - len(verb)) : i]) == tuple(verb) or len(verb) == 1 and verb[0] in folded[i + 1 :]:
            return True
    return False


def _contains(words: list[str], phrase: tuple[str, ...], start: int = 0) -> bool:
    return any(tuple(words[i : i + len(phrase)]) == phrase for i in range(start, len(words) - len(phrase) + 1))


def _asks_state(folded: list[str]) -> bool:
    """'Is Sapega free?', 'Is Roman Protasevich still in prison?', 'Zit hij nog vast?': a copula, the
    person, then a word of a detained person's state."""
    for i, word in enumerate(folded[:-2]):
        if word in _COPULAS and (_name_after(folded, i + 1) or folded[i + 1] in PERSON_WORDS | _SUBJECTS):
            if any(_state_at(folded, state, i + 2) for state in _STATES):
                return True
    return False


def _state_at(folded: list[str], state: tuple[str, ...], start: int) -> bool:
    """The state after `start`, not a freedom to do something ('Are Belarusians free to protest?')."""
    for j in range(start, len(folded) - len(state) + 1):
        if tuple(folded[j : j + len(state)]) == state and (j + len(state) >= len(folded) or folded[j + len(state)] not in _TO):
            return True
    return False


def _asks_about_pronoun(folded: list[str]) -> bool:
    """'что с ней стало', 'её отпустили?' is caught by FATE_WORDS; 'Что с ним?', 'Што з ім?': a person's
    pronoun after 'what with', or a pronoun in a 'what became of' question, when nothing in the
    message is a thing it could stand for."""
    if not _PRONOUNS & set(folded):
        return False
    present = set(folded)
    if any(set(phrase) <= present for phrase in FATE_PHRASES):
        return True
    return any(
        a in _WHAT and b in _WITH and c in _PRONOUNS for a, b, c in zip(folded, folded[1:], folded[2:], strict=False)
    ) or any(_contains(folded, state) for state in _STATES if not state[0].isascii()) and bool(
        {"она", "он", "яна", "ен"} & present
    )


def asks_fate(words: list[str] | tuple[str, ...]) -> bool:
    """The question asks what became of someone (folded or raw words alike)."""
    folded = [fold(w) for w in words]
    if FATE_WORDS & set(folded):
        return True
    if any(w.startswith(_THINGS) for w in folded):
        return False  # 'Что стало с моцией?': what became of a motion, not of a person
    if _asks_state(folded) or _asks_about_pronoun(folded):
        return True
    present = set(folded)
    for phrase in FATE_PHRASES:
        if not set(phrase) <= present:
            continue
        if PERSON_WORDS & present:
            return True
        # The name after the phrase's preposition ('happened to Sapega', 'gebeurd met Sapega', 'wat is er
        # met Sapega gebeurd'): a person, not a motion or the sanctions.
        if _name_in_phrase(folded, phrase):
            return True
    return False


def tells_fate(text: str) -> bool:
    """The passage tells what became of someone: only such a text answers a fate question."""
    return bool(_TOLD.search(text))
