"""Which language a question is written in, for choosing the language of the reply (not for matching).

Cyrillic text is Belarusian or Russian as the analyser tells them apart (by the letters and the words
only Belarusian uses), so that the reply is in the language the matcher read the question in.
None when the text gives no evidence (a bare name, a number): the caller then falls back to the
asker's Telegram language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from knowledge.models import Language
from knowledge.text import dictionary
from knowledge.text.analysis import Analyzer, tokens
from knowledge.text.help_requests import help_language
from knowledge.text.thanks import thanks_language

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

def _folded(words: str) -> frozenset[str]:
    return frozenset(tokens(words))


#: Greeting and thanking words that belong to one language: a message of nothing but these ('hi',
#: 'добры дзень') is answered in that language, though it has no stopword to tell it by. Words that
#: several languages use alike ('hallo', 'hey', 'ok') are in none: those still go by the asker's app.
_GREETING_WORDS: dict[Language, frozenset[str]] = {
    Language.NL: _folded(
        "hoi goedemorgen goedemiddag goedenavond goedendag goeiemorgen dag doei dank bedankt dankjewel "
        "dankuwel oké"
    ),
    Language.EN: _folded("hi hello hiya thanks thank thx bye goodbye good morning afternoon evening day cheers you"),
    Language.RU: _folded(
        "привет здравствуйте здравствуй спасибо большое благодарю добрый доброе день вечер утро пока "
        "privet spasibo zdravstvuyte"
    ),
    Language.BE: _folded("прывітанне вітаю дзякуй добры добрага дзень вечар раніца pryvitannie vitaju dziakuj dzien"),
}


def greeting_language(words: list[str]) -> Language | None:
    """The language of a message made only of greeting words, when they point to one language."""
    if not words:
        return None
    votes = {language: sum(w in known for w in words) for language, known in _GREETING_WORDS.items()}
    if not all(any(w in known for known in _GREETING_WORDS.values()) for w in words):
        return None
    best = max(votes.values())
    winners = [language for language, count in votes.items() if count == best]
    return winners[0] if best and len(winners) == 1 else None


#: Function words of English or Dutch that the stopword lists leave out (they are no stopwords for
#: matching, or are too rare in questions to matter there) but that tell the language of a short question.
_MARKERS: dict[Language, frozenset[str]] = {
    Language.EN: _folded(
        "anyone anybody someone somebody here now yes yeah nah isn aren wasn weren don doesn didn cannot gonna wanna"
    ),
    Language.NL: _folded("jawel ofzo"),
}


#: Function words English and Dutch share: a sentence, not a keyword query ('sancties Belarus'), whose
#: language is then told by its other words. A keyword query without them goes by the asker's app.
_SHARED = _folded("is was in me of over had we even")


def _function_votes(words: list[str], analyzer: Analyzer) -> dict[Language, int]:
    """Function words of one language only: 'is', 'was', 'in', 'me', 'of', 'over' are both English and
    Dutch, so they tell nothing ('Is Sapega free?' is no Dutch question); 'er', 'het', 'the' do."""
    stopwords = analyzer.lexicon.stopwords
    english = stopwords["en"] | _MARKERS[Language.EN]
    dutch = stopwords["nl"] | _MARKERS[Language.NL]
    return {
        Language.EN: sum(w in english and w not in dutch for w in words),
        Language.NL: sum(w in dutch and w not in english for w in words),
    }


def phrasing_vocabulary(phrasings: Iterable[tuple[str, Language]], analyzer: Analyzer) -> dict[str, Language]:
    """Words that the store's English or Dutch phrasings use in that language only ('sanctions',
    'prisoners', 'free'; 'sancties', 'gevangenen', 'vrij'): what tells a question without function
    words ('sanctions belarus', 'Is Sapega free?') apart. Shared words ('belarus', 'minsk') tell nothing."""
    seen: dict[str, set[Language]] = {}
    names: set[str] = set()
    for text, language in phrasings:
        if language in (Language.EN, Language.NL):
            names.update(_names_in(text))
            for word in tokens(text):
                if word.isalpha() and not _CYRILLIC.search(word):
                    seen.setdefault(word, set()).add(language)
    excluded = analyzer.function_words | names
    return {w: next(iter(found)) for w, found in seen.items() if len(found) == 1 and w not in excluded}


_SENTENCES = re.compile(r"[.?!:;]\s+|\n+")
#: Capitalised pronouns, which are no names: English 'I', Dutch 'U'.
_PRONOUNS = frozenset({"I", "U"})
#: A word rarer than this in the word lists is name-like ('sofia', 'iran' are below 1,000; see
#: dictionary.frequency): whether one list has it tells nothing of the language it is asked in.
NAME_LIKE = 1_000


def _is_name(word: str) -> bool:
    """A word capitalised inside a sentence that is no capitalised pronoun."""
    return word[:1].isupper() and word.strip(".,;:!?()\"'") not in _PRONOUNS


def _names_in(text: str) -> set[str]:
    """Words capitalised inside a sentence ('Sofia', 'Roman', 'Protasevitsj'): names, which tell
    nothing of the language they are written in ('Roman' is a Dutch word too, 'Will' an English one),
    and which a phrasing in one language may spell and another leave out. 'I' and 'U' are pronouns."""
    found: set[str] = set()
    for sentence in _SENTENCES.split(text):
        for word in sentence.split()[1:]:
            if _is_name(word):
                found.update(tokens(word))
    return found


def without_names(text: str) -> str:
    """The text without its names (see _names_in), the other words in order: 'de' of 'in de
    gevangenis' still votes when a 'De Jong' is named."""
    kept: list[str] = []
    for sentence in _SENTENCES.split(text):
        kept += [word for position, word in enumerate(sentence.split()) if not (position and _is_name(word))]
    return " ".join(kept)


def _dictionary_votes(words: list[str], analyzer: Analyzer) -> dict[Language, int]:
    """Words that only the English or only the Dutch word list has ('released', 'arrested';
    'vrijgelaten', 'opgepakt'); words both have ('roman', 'help'), function words and name-like ones
    tell nothing."""
    votes = {Language.EN: 0, Language.NL: 0}
    for word in words:
        if word in analyzer.function_words or not word.isalpha() or _CYRILLIC.search(word):
            continue
        if dictionary.frequency(word) < NAME_LIKE:
            continue
        found = dictionary.languages_of(word) & {"en", "nl"}
        if len(found) == 1:
            votes[Language(next(iter(found)))] += 1
    return votes


def question_language(
    text: str, analyzer: Analyzer, vocabulary: Mapping[str, Language] | None = None
) -> Language | None:
    """The language the question is written in, or None when it cannot be told. Latin text goes by
    the function words of one language only; when those are even in a sentence (it has a function
    word both languages share: 'Is Sapega free?', 'Was Belarus under sanctions?'), by the words the
    store's own phrasings use in one language only (`vocabulary`, see phrasing_vocabulary), and then
    by the words only the English or only the Dutch word list has ('released', 'vrijgelaten'). Names
    (words capitalised inside a sentence) never vote: 'Roman' is a Dutch word as well as a name."""
    if thanked := thanks_language(text):
        return thanked
    if helped := help_language(text):  # 'дапамажыце' is Belarusian without 'і' or 'ў'
        return helped
    words = tokens(text)
    if greeted := greeting_language(words):
        return greeted
    if _CYRILLIC.search(text):
        # Belarusian by its letters and words, names' too: 'Ціханоўская' is spelt so in Belarusian only.
        return Language(analyzer.detect_language(words, text))
    words = tokens(without_names(text))  # 'Is Roman Protasevich released?': 'Roman' votes for no language
    votes = _function_votes(words, analyzer)
    sentence = bool(_SHARED & set(words))
    if votes[Language.EN] == votes[Language.NL] and vocabulary and sentence:
        votes = {language: sum(vocabulary.get(w) is language for w in words) for language in votes}
    if votes[Language.EN] == votes[Language.NL] and sentence:
        votes = _dictionary_votes(words, analyzer)
    if votes[Language.EN] == votes[Language.NL]:
        return None
    return Language.EN if votes[Language.EN] > votes[Language.NL] else Language.NL


#: Letters Belarusian never writes (it has 'і' for 'и', 'ш'+'ч' for 'щ', an apostrophe for 'ъ').
_RUSSIAN_ONLY = re.compile(r"[иИщЩъЪ]")


def other_language(text: str, expected: Language, analyzer: Analyzer) -> Language | None:
    """The language `text` is clearly written in when that is not `expected` (None: it is, or the
    text gives no evidence). Told as for questions; a Cyrillic text read as Russian counts against
    Belarusian only when it has letters Belarusian never writes, since a short Belarusian sentence
    without 'і' or 'ў' ('Так.') reads as Russian."""
    found = question_language(text, analyzer)
    if found is None or found is expected:
        return None
    if expected is Language.BE and found is Language.RU and not _RUSSIAN_ONLY.search(text):
        return None
    return found
