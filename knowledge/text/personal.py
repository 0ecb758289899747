"""What identifies an asker in a question kept for review: a Dutch postcode, a street address, the
name after 'my name is'. People in fear write them ('меня зовут Ирина Петрова, мой адрес Kerkstraat
12, 1017 GM Amsterdam'); a moderator needs the question, never where its asker lives.

Names and places elsewhere in a question stay (a city, a prisoner's name): they are often what is
asked about, and no rule tells them from the asker's own."""

from __future__ import annotations

import re

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


def mask_personal(text: str, mask: str) -> str:
    """`text` with postcodes, street addresses and introduced names replaced by `mask`."""
    text = _NAMED.sub(lambda m: m.group(1) + mask, text)
    for pattern in (_CYRILLIC_STREET, _STREET_NUMBER_FIRST, _STREET, _POSTCODE):
        text = pattern.sub(mask, text)
    return text
