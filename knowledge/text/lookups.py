"""A message that describes a document, or one passage of it, instead of asking something: staff
look documents up by what they know of them ('21501-02-2298', 'kamerbrief 2298 alinea 3', 'vraag 6
kamervragen 16 juli 2021', 'brief blok 2 maart 2021', 'письмо 2298 абзац 3').

`read_lookup` reads the reference parts from the words alone (an official id or Kamerstuk, a kind
of document, a printed number, a date, a passage number) and leaves the other words over; which of
those are a minister's name, which stored documents fit and whether the words left ask something
of their own ('wat zei grapperhaus over de veiligheid') is decided against the store's documents
(`fitting_documents`, and the service's matcher for the words left)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.models import Document, DocumentKind
from knowledge.text.analysis import fold
from knowledge.text.references import document_ids, named_references
from knowledge.text.translit import to_cyrillic

# Month names as written in Dutch, English, Russian and Belarusian (folded as `fold` folds them:
# 'ліпеня', 'жніўня' → 'жніуня'), in every form a date takes ('16 июля', 'июль 2021').
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("januari", "jan", "january", "января", "январь", "студзеня", "студзень"),
    2: ("februari", "feb", "febr", "february", "февраля", "февраль", "лютага", "люты"),
    3: ("maart", "mrt", "march", "mar", "марта", "март", "сакавіка", "сакавік"),
    4: ("april", "apr", "апреля", "апрель", "красавіка", "красавік"),
    5: ("mei", "may", "мая", "май"),
    6: ("juni", "jun", "june", "июня", "июнь", "чэрвеня", "чэрвень"),
    7: ("juli", "jul", "july", "июля", "июль", "ліпеня", "ліпень"),
    8: ("augustus", "aug", "august", "августа", "август", "жніўня", "жнівень"),
    9: ("september", "sep", "sept", "сентября", "сентябрь", "верасня", "верасень"),
    10: ("oktober", "okt", "october", "oct", "октября", "октябрь", "кастрычніка", "кастрычнік"),
    11: ("november", "nov", "ноября", "ноябрь", "лістапада", "лістапад"),
    12: ("december", "dec", "декабря", "декабрь", "снежня", "снежань"),
}
_MONTHS = {fold(word): month for month, words in _MONTH_WORDS.items() for word in words}
_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"((?:19|20)\d{2})"
_DAY = r"(\d{1,2})(?:e|de|ste|st|nd|rd|th|-?го)?"
#: Dates as typed, each with the order its groups come in: day, month, year.
_DATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?<![\d-]){_YEAR}-(\d{{1,2}})-(\d{{1,2}})(?![\d-])"), "ymd"),
    (re.compile(rf"(?<![\d./-])(\d{{1,2}})[./-](\d{{1,2}})[./-]{_YEAR}(?![\d./-])"), "dmy"),
    (re.compile(rf"(?<!\w){_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\w)"), "dmy"),
    (re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\w)"), "mdy"),
    (re.compile(rf"(?<!\w){_MONTH},?\s+{_YEAR}(?!\w)"), "my"),
    (re.compile(rf"(?<!\w){_DAY}\s+{_MONTH}(?!\w)"), "dm"),
)

# A passage by its number: 'alinea 3', 'paragraph 3', 'vraag 6', 'antwoord 4', 'абзац 3', 'вопрос 6',
# 'пытанне 6', '§ 3', '3e alinea'. Singular words only: 'vragen', 'answers', 'ответы' name a document.
_ENTRY_WORD = (
    r"(?:alinea|paragraaf|par|punt|vraag|antwoord|paragraph|para|question|answer|q|абзац[ауе]?|пункт[ауе]?|"
    r"параграф[ауе]?|вопрос[ауе]?|ответ[ауе]?|пытанн[еяюі]|адказ[ауе]?)"
)
_NUMBER_WORD = r"(?:nr|no|nummer|number|номер|№)"
_ENTRY = re.compile(rf"(?<!\w){_ENTRY_WORD}\.?\s*(?:{_NUMBER_WORD}\.?\s*)?(\d{{1,3}})(?!\w)|§\s*(\d{{1,3}})(?!\w)")
_ENTRY_AFTER = re.compile(
    r"(?<!\w)(\d{1,3})(?:e|de|ste|st|nd|rd|th|-?[иыо]й|-?е)\s+(?:alinea|paragraaf|vraag|antwoord|paragraph|question|answer|"
    r"абзац|вопрос|ответ|пытанне|адказ)(?!\w)"
)

#: Words that name a kind of document. 'antwoord'/'answer' alone (with no number after it: that is
#: a passage) means the answers to Kamervragen.
_KIND_WORDS: dict[str, DocumentKind] = {
    fold(word): kind
    for kind, words in (
        (
            DocumentKind.KAMERBRIEF,
            "kamerbrief kamerbrieven brief brieven letter letters письмо письма письме письму ліст ліста лісце лісты",
        ),
        (
            DocumentKind.KAMERVRAGEN,
            "kamervragen kamervraag vragen antwoorden antwoord beantwoording aanhangsel answers answer questions "
            "ответы ответ ответах вопросы вопросов адказы адказ адказаў пытанні пытанняў",
        ),
    )
    for word in words.split()
}
#: Words a reference is typed with that ask for nothing else: 'toon', 'show me', 'wat zei', 'г.'.
_FILLER_WORDS = frozenset(
    fold(word)
    for word in (
        "kst kamerstuk kamerstukken document documenten stuk nr nummer no number nos link ii tk tweede kamer "
        "handelingen parliament parliamentary reference referentie verwijzing minister ministers minister-president "
        "staatssecretaris state secretary van de het der den een of the a an from to by on op aan bij dd d.d "
        "toon laat zien geef zoek open show find give me please graag aub alstublieft "
        "wat what zei zegt schreef schrijft said say says wrote writes did does staat er in is was "
        "документ документа документы номер ссылка министр министра министров покажи найди открой пожалуйста "
        "что сказал написал от г год года дакумент дакумента спасылка міністр міністра пакажы знайдзі калі ласка "
        "што сказаў напісаў ад гады"
    ).split()
)
#: Reference words of one language only: 'letter 2298 paragraph 3' is English, 'brief 2298 alinea 3' Dutch,
#: though neither has a word the language detection knows.
_LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "letter letters paragraph para question questions answer answers parliamentary january february march "
        "may june july october".split()
    ),
    "nl": frozenset(
        "brief brieven kamerbrief kamerbrieven alinea paragraaf vraag vragen antwoord antwoorden kamervragen kamervraag "
        "januari februari maart mei juni juli augustus oktober".split()
    ),
}
_WORD = re.compile(r"[^\W_]+(?:[.-][^\W_]+)*")
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Lookup:
    """What a message says of the document it names; `words` are the ones left over: a minister's
    name, or words of a question (then it is no lookup)."""

    typed: str
    official_id: str | None = None
    kinds: frozenset[DocumentKind] = frozenset()
    number: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    entry: int | None = None
    words: tuple[str, ...] = ()

    @property
    def specific(self) -> bool:
        """Whether it names something of a document beyond its kind (a kind alone, 'brief', or a
        passage number alone, 'vraag 6', is no description of one; nor is a bare number, '3' or '88',
        without a kind or passage to say it is a document's number)."""
        printed = self.number is not None and bool(self.kinds or self.entry is not None)
        return bool(self.official_id or printed or self.year or self.month)


def read_lookup(text: str) -> Lookup | None:
    """The reference parts of a message, or None when it has none (or names two documents, two
    dates or two passages: a question about them, not a lookup)."""
    found, rest = named_references(text)
    if len(found) > 1:
        return None  # several documents named
    official_id = found.pop() if found else None
    rest = fold(_LINK.sub(" ", rest))
    rest, date = _take_date(rest)
    if date is None:
        return None
    rest, entry = _take_entry(rest)
    if entry == -1:
        return None
    words = _WORD.findall(rest)
    kinds = {_KIND_WORDS[w] for w in words if w in _KIND_WORDS}
    numbers = [w for w in words if w.isdigit()]
    left = tuple(w for w in words if w not in _KIND_WORDS and w not in _FILLER_WORDS and not w.isdigit())
    if len(set(numbers)) > 1:
        return None
    year, month, day = date
    number = str(int(numbers[0])) if numbers else None
    if not (official_id or kinds or number or year or month or entry or left):
        return None
    return Lookup(
        typed=" ".join(text.split()),
        official_id=official_id,
        kinds=frozenset(kinds),
        number=number,
        year=year,
        month=month,
        day=day,
        entry=entry,
        words=left,
    )


def _take_date(text: str) -> tuple[str, tuple[int | None, int | None, int | None] | None]:
    """The text without its date, and the date's (year, month, day): (None, None, None) when it
    has none, None itself when it has two different ones or one that is no date ('31 februari')."""
    dates: set[tuple[int | None, int | None, int | None]] = set()
    for pattern, order in _DATES:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            month = _MONTHS.get(parts["m"]) if not parts["m"].isdigit() else int(parts["m"])
            year = int(parts["y"]) if "y" in parts else None
            day = int(parts["d"]) if "d" in parts else None
            if month is None or not 1 <= month <= 12:
                return text, None
            try:
                dt.date(year or 2000, month, day or 1)
            except ValueError:
                return text, None
            dates.add((year, month, day))
        text = pattern.sub(" ", text)
    if len(dates) > 1:
        return text, None
    return text, (dates.pop() if dates else (None, None, None))


def _take_entry(text: str) -> tuple[str, int | None]:
    """The text without its passage number, and the number (None: none; -1: two different ones)."""
    numbers = {int(m.group(1) or m.group(2)) for m in _ENTRY.finditer(text)}
    text = _ENTRY.sub(" ", text)
    if not numbers:
        numbers = {int(m.group(1)) for m in _ENTRY_AFTER.finditer(text)}
        text = _ENTRY_AFTER.sub(" ", text)
    if len(numbers) > 1:
        return text, -1
    return text, (numbers.pop() if numbers else None)


# --- which stored documents fit --------------------------------------------------------------------


def author_names(document: Document) -> set[str]:
    """The folded words a document's authors are looked up by: each surname's last word, in Latin
    letters and in Cyrillic ('grapperhaus', 'грапперхаус')."""
    names: set[str] = set()
    for author in document.authors:
        if author.is_office:
            continue
        words = [w for w in _WORD.findall(fold(author.surname)) if len(w) > 2 and "." not in w]
        if words:
            names |= {words[-1], to_cyrillic(words[-1])}
    return names


def names_a(word: str, names: Iterable[str]) -> bool:
    """Whether a folded word is one of the names, or (in Cyrillic) an inflected form of one: 'грапперхауса'."""
    for name in names:
        if word == name:
            return True
        if not word.isascii() and len(name) >= 4 and word.startswith(name) and len(word) - len(name) <= 2:
            return True
    return False


def printed_numbers(document: Document) -> set[str]:
    """The numbers a document is printed under: its own ('Nr. 2298'), the last one of its ids."""
    numbers = {str(int(document.number))} if document.number and document.number.isdigit() else set()
    for official_id in document_ids(document.official_id, document.citation, document.question_number):
        tail = official_id.rsplit("-", 1)[-1]
        if tail.isdigit():
            numbers.add(str(int(tail)))
    return numbers


def fitting_documents(lookup: Lookup, documents: Iterable[Document], names: tuple[str, ...]) -> list[Document]:
    """The documents that fit every part of the description: id, kinds, printed number (or, when none
    has that number and it reads as a year, the year), date and authors' `names`."""
    fitting = list(documents)
    if lookup.official_id:
        fitting = [d for d in fitting if lookup.official_id in document_ids(d.official_id, d.citation, d.question_number)]
    if lookup.kinds:
        fitting = [d for d in fitting if d.kind in lookup.kinds]
    year = lookup.year
    if lookup.number:
        numbered = [d for d in fitting if lookup.number in printed_numbers(d)]
        if not numbered and year is None and re.fullmatch(r"(?:19|20)\d{2}", lookup.number):
            year = int(lookup.number)  # 'kamervragen 2021': the year, as no document has that number
        else:
            fitting = numbered
    if year or lookup.month or lookup.day:
        fitting = [d for d in fitting if d.date and _on(d.date, year, lookup.month, lookup.day)]
    for name in names:
        fitting = [d for d in fitting if names_a(name, author_names(d))]
    return fitting


def _on(date: dt.date, year: int | None, month: int | None, day: int | None) -> bool:
    return (year is None or date.year == year) and (month is None or date.month == month) and (
        day is None or date.day == day
    )


def lookup_language(text: str) -> str | None:
    """'en' or 'nl' when a message's reference words are of that language only ('letter 2298 paragraph
    3'), else None: a reference's language, where no word of it tells the language detection."""
    words = set(_WORD.findall(fold(text)))
    found = [language for language, known in _LANGUAGE_WORDS.items() if words & known]
    return found[0] if len(found) == 1 else None
