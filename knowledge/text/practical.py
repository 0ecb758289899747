"""Practical questions: where an office is ('Waar is de ambassade?', 'адрес посольства'), whether
it is safe to travel ('Is it safe to travel to Belarus?'), and whether the asker may visit a
detainee ('Mag ik mijn broer in de gevangenis bezoeken?').

The documents state policy. They name embassies and diplomats, and the safety of Belarusians in the
Netherlands, so such a question shares their words, yet no passage tells an address or gives travel
advice. Likewise they tell of diplomats asking to visit prisoners, never of relatives' visits.
Such a question asks for an answer of its own kind ('practical', see analysis.asks_for), which
only a text with an address, a travel advice or relatives' visits provides.
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
#: Words telling that the address is what someone asked about, knows or threatens with ('the KGB asked my
#: father about my address', 'ze weten mijn adres'): the asker's own address, a threat and no office to find.
_THREAT_WORDS = frozenset(
    fold(word)
    for word in (
        "gevraagd vroeg vroegen ondervraagd ondervroeg ondervroegen verhoord verhoorden bedreigd bedreigen "
        "bedreigt dreigen dreigt bedreiging bedreigingen weten kennen gevolgd achtervolgd kgb "
        "asked asking questioned interrogated threatened threaten threatens threat threats know knows knew "
        "followed stalked "
        "спрашивали спросили спрашивал спрашивала допрашивали допросили выпытывали узнавали узнали угрожают "
        "угрожали угроза угрозы знают ищут кгб "
        "пыталіся пыталі пыталася распытвалі распытваў распытвала дапытвалі пагражаюць пагражалі пагроза "
        "пагрозы ведаюць шукаюць кдб"
    ).split()
)
#: The asker's own address ('mijn adres', 'my address', 'мой адрес', 'мой адрас'): not an office's.
_OWN = frozenset(
    fold(word) for word in "mijn ons onze my our мой моего моём моем наш нашего мой майго маім наш нашага".split()
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
#: Visiting someone (folded forms), asked by the asker of themselves: 'ik', 'we', 'я', 'мне'.
_VISIT_WORDS = frozenset(
    fold(word)
    for word in (
        "bezoeken bezoek bezoekt opzoeken opzoekt visit visiting visits "
        "навестить навещать навещают навестит посетить посещать свидание свидания "
        "наведаць наведваць наведаю спатканне спатканні"
    ).split()
)
_ASKER_WORDS = frozenset(fold(word) for word in "ik wij we i я мы мне нам".split())
#: Someone else doing the visiting (the documents' actors): then it is a question of policy.
_OFFICIAL_VISITORS = frozenset(
    fold(word)
    for word in (
        "nederland kabinet regering overheid minister eu europa diplomaat diplomaten ambassadeur "
        "zaakgelastigde netherlands dutch government diplomat diplomats ambassador "
        "нидерланды голландия правительство ес евросоюз дипломат дипломаты посол "
        "нідэрланды галандыя урад еўрасаюз дыпламат дыпламаты пасол"
    ).split()
)
#: In a passage: an address (a postcode, 'Postbus'), a travel advice, or relatives' visits.
_PROVIDED = re.compile(
    r"\b\d{4}\s?[A-Z]{2}\b|\bpostbus\b|\breisadvies\b|\bfamilie(?:leden)?\b|\bverwanten\b", re.IGNORECASE
)


def asks_practical(words: list[str] | tuple[str, ...]) -> bool:
    """Where an office is, its address, whether travelling is safe, or whether the asker may visit
    someone with no official named as the visitor (folded words of a question)."""
    present = set(words)
    if set(pairwise(words)) & _WHERE_IS:
        return True
    if present & _ADDRESS_WORDS and not _threatened_address(words, present):
        return True
    if present & _VISIT_WORDS and present & _ASKER_WORDS and not present & _OFFICIAL_VISITORS:
        return True
    return bool(present & _TRAVEL_WORDS and present & _SAFE_WORDS)


def _threatened_address(words: list[str] | tuple[str, ...], present: set[str]) -> bool:
    """The address asked about is the asker's own ('my address'), or someone asked about it or threatens
    with it: a question of a threat, which the passages on reporting answer."""
    if present & _THREAT_WORDS:
        return True
    return any(word in _OWN and following in _ADDRESS_WORDS for word, following in pairwise(words))


def tells_practical(text: str) -> bool:
    """The text gives an address or a travel advice."""
    return bool(_PROVIDED.search(text))
