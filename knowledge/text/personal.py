"""What identifies an asker in a question kept for review: a Dutch postcode, a street address (also
'I live at Damrak 1', with no street word), a flat, an identity document's number, the name after
'my name is', 'ik ben', 'я' / 'ja' or a greeting's 'this is'. People in fear write them
('меня зовут Ирина Петрова, мой адрес Kerkstraat 12, 1017 GM Amsterdam'); a moderator needs the question,
never where its asker lives.

A relative's name ('mijn broer Aliaksandr Ivanou') goes too: it names the asker's family. Other
names and places in a question stay (a city, a known prisoner's name): they are often what is
asked about, and no rule tells them from the asker's own."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from knowledge.text.analysis import fold
from knowledge.text.places import country_words

#: 1017 GM, 1017GM, 1017gm: four digits (not starting with 0) and two capitals, or two small letters
#: written against them (with a space, '2021 op' is a year and a word).
_POSTCODE = re.compile(r"\b[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})\b")
_STREET_WORDS = (
    "straat|weg|laan|plein|gracht|kade|singel|dijk|hof|park|steeg|pad|dreef|markt|boulevard|allee|"
    "street|road|avenue|lane|drive|str\\."
)
#: Kerkstraat 12, Van Woustraat 12-3, Dorpsweg 4a, Baker Street 221b: a street word and a house number.
_STREET = re.compile(rf"\b[\w'-]*(?:{_STREET_WORDS})\s+\d{{1,4}}(?:[-/ ]?\w{{1,3}})?\b", re.IGNORECASE)
#: 221b Baker Street, 12 Main Rd: the English order.
_STREET_NUMBER_FIRST = re.compile(r"\b\d{1,4}\w?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane)\b\.?")
#: ул. Ленина 5, на улице Мира, д. 3, вул. Някрасава 12, на вуліцы Свабоды 4.
_CYRILLIC_STREET = re.compile(
    r"(?<!\w)(?:ул\.|улиц[аеуы]|вул\.|вуліц[аыэу]|проспект\w?|праспект\w?|пр-т)\s+[^\d,.;!?]{1,40}?,?\s*(?:д\.\s*)?\d{1,4}\w?",
    re.IGNORECASE,
)
#: 'I live at Damrak 1', 'ik woon aan de Singel 12', 'я живу на Kalverstraat 3': where the asker says
#: they live, a capitalised name and a house number are the address, with or without a street word.
_LIVES_AT = re.compile(
    r"(?<!\w)((?i:(?:live|lives|living) (?:at|on|in)|(?:woon|woont|wonen) (?:op|aan|in)|"
    r"(?:живу|живём|живем|живёт|живет|живут) (?:на|по)|(?:жыву|жывём|жыве|жывуць) (?:на|па)|"
    r"(?:zhivu|zhivem|zhivyom|zhyvu) (?:na|po|pa))\s+(?:(?i:de|het|the)\s+)?)"
    r"[A-ZА-ЯЁІЎ][\w'’-]*(?:\s+[A-ZА-ЯЁІЎa-zа-яёіў][\w'’-]*){0,2}?\s+\d{1,4}\w?\b"
)
#: A flat ('кв. 12', 'квартира 12', 'кватэра 5', 'apt 4'): with the street it is the asker's door.
_FLAT = re.compile(r"(?<!\w)(?:кв\.?|квартира|кватэра|apt\.?|apartment|appartement)\s*\d{1,4}\w?\b", re.IGNORECASE)
#: An identity document's number: letters of its series and digits ('MP1234567', 'NXC3R2B41' has digits
#: and capitals mixed): two or three capitals and six or more digits, or nine mixed capitals and digits.
_DOCUMENT_NUMBER = re.compile(r"\b(?:[A-Z]{2,3}\s?\d{6,9}|(?=[A-Z0-9]{9}\b)(?=\w*\d)(?=\w*[A-Z]\w*[A-Z])[A-Z0-9]{9})\b")
_INTRODUCTIONS = (
    "mijn naam is|ik heet|my name is|i am called|i'm called|меня зовут|моё имя|мое имя|мяне завуць|маё імя|"
    "menya zovut|menia zovut|mianie zavuć|mianie zavuc|mjane zavuts"
)
#: The name after an introduction: its first word in any case (phones do not capitalise), and up to
#: two more capitalised ones ('Ирина Петрова', 'Aliaksandr Ivanou').
_NAMED = re.compile(
    rf"(?<!\w)((?i:{_INTRODUCTIONS})[\s,:]+)[^\W\d][\w'’-]*"
    rf"(?:\s+(?:(?:van|de|der|den|ten|ter|von)\s+)*[A-ZА-ЯЁІЎ][\w'’-]*){{0,2}}"
)

#: 'Ik ben Olga Smirnova uit Gomel', 'Я Ирина Ковалёва из Гродно', "I'm Olga": a self-introduction
#: without a word for 'name', so only capitalised words after it ('ik ben bang', 'я боюсь' stay).
_SELF_NAMED = re.compile(
    r"(?<!\w)((?i:ik ben|i am|i'm|я|ya|ja)\s+)[A-ZА-ЯЁІЎ][\w'’-]*"
    r"(?:\s+(?:(?:van|de|der|den|ten|ter|von)\s+)*[A-ZА-ЯЁІЎ][\w'’-]*){0,2}"
)

#: 'hi this is katsiaryna from minsk', 'hallo, dit is Olga': a name after a greeting and 'this is', in any
#: case (a phone does not capitalise); 'this is' elsewhere ('this is important') is no introduction.
_GREETED_NAME = re.compile(
    r"(?<!\w)((?i:hi|hello|hey|dear|hallo|hoi|beste|goedendag|goedemiddag|goedemorgen|goedenavond)[\s,!.]+"
    r"(?i:this is|it's|it is|dit is|hier is|met)\s+)[^\W\d][\w'’-]*"
    r"(?:\s+(?:(?:van|de|der|den|ten|ter|von)\s+)*[A-ZА-ЯЁІЎ][\w'’-]*){0,2}"
)

_KIN = (
    "man|vrouw|zoon|dochter|broer|zus|vader|moeder|oom|tante|neef|nicht|opa|oma|"
    "husband|wife|son|daughter|brother|sister|father|mother|uncle|aunt|cousin|"
    "муж|жена|жонк|сын|доч|дачк|брат|сестр|сястр|отец|отц|мам|мат|маці|пап|тат|бацьк|дяд|цёц|тёт|тет"
)
#: 'mijn man Sergej Smirnov zit vast', 'my son Pavel', 'мой брат Сергей', 'маю дачку Алену': a relative's
#: name identifies the asker's family as well as their own; the relative stays, the name goes.
_KIN_NAMED = re.compile(
    rf"(?<!\w)((?i:{_KIN})\w{{0,3}},?\s+)[A-ZА-ЯЁІЎ][\w'’-]*"
    r"(?:\s+(?:(?:van|de|der|den|ten|ter|von)\s+)*[A-ZА-ЯЁІЎ][\w'’-]*){0,2}"
)


@lru_cache(maxsize=1)
def _country_prefixes() -> tuple[str, ...]:
    """Country names as the start of a word: 'Belarus' in 'Belarussisch', 'беларус' in 'беларуска'."""
    words = {w for found in country_words().values() for w in found if len(w) >= 4}
    return tuple(sorted({w[:-1] if w[-1] in "ьяиыа" and not w.isascii() else w for w in words}))


def _name_only(mask: str) -> Callable[[re.Match[str]], str]:
    """The replacement of a name after its lead-in, unless the 'name' is a country or nationality
    ('Ik ben Belarus', 'I am Belarusian', 'я беларуска'): that says nothing of who asks."""

    def replace(match: re.Match[str]) -> str:
        first = fold(match.group(0)[len(match.group(1)) :].split()[0])
        return match.group(0) if first.startswith(_country_prefixes()) else match.group(1) + mask

    return replace


def mask_personal(text: str, mask: str) -> str:
    """`text` with postcodes, street addresses, introduced names and relatives' names replaced by `mask`."""
    for named in (_NAMED, _SELF_NAMED, _KIN_NAMED):
        text = named.sub(_name_only(mask), text)
    text = _LIVES_AT.sub(lambda match: match.group(1) + mask, text)
    text = _GREETED_NAME.sub(_name_only(mask), text)
    for pattern in (_CYRILLIC_STREET, _STREET_NUMBER_FIRST, _STREET, _POSTCODE, _FLAT, _DOCUMENT_NUMBER):
        text = pattern.sub(mask, text)
    return text
