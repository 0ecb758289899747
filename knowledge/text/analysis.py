"""From free text to matching terms: folding, tokens, language, stems, synonyms and stopwords.

Questions and entries go through the same pipeline, so whatever the stemmer does to a word, it
does on both sides. Cross-language matching comes from the synonym table, which maps the stems
of variants in Dutch, English and Russian onto one canonical term.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Literal

import snowballstemmer

from knowledge.text import belarusian
from knowledge.text.fate import asks_fate, tells_fate
from knowledge.text.practical import asks_practical, tells_practical
from knowledge.yamlfast import load_yaml

Lang = Literal["nl", "en", "ru", "be"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en", "ru", "be")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MAX_PHRASE = 4
#: A Latin stem this short that is not its word ('zitting' → 'zit', 'kaping' → 'kap') is the stem of
#: unrelated everyday words as well ('zitten': 'mijn broer zit vast'): it names no synonym group, so
#: only the group's listed words map onto it, and the group's term is its first word, not that stem.
_SHORT_STEM = 4
#: A negation this many words before a comparative makes it 'no longer' ('geen enkele activist meer').
COMPARATIVE_REACH = 5


class _Marks(dict[int, int | None]):
    """str.translate's table dropping combining marks: each character looked up once, then known."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else code
        return kept


_MARKS = _Marks()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics (ö→o, ё→е); ß, æ and the like become their plain spellings."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else decomposed.translate(_MARKS)


_fold_text = fold.__wrapped__


def tokens(text: str) -> list[str]:
    """Words of a folded text; hyphens, apostrophes and punctuation separate words. (Whole texts are
    not kept in fold's cache: a rebuild would fill it with every entry's text, 100 MB and more.)"""
    return _TOKEN.findall(_fold_text(text))


_STEMMERS = {lang: snowballstemmer.stemmer(name) for lang, name in (("nl", "dutch_porter"), ("en", "english"), ("ru", "russian"))}


@lru_cache(maxsize=500_000)
def stem(token: str) -> str:
    """Snowball stem of one folded token, the same whatever language the text seems to be in.

    Cyrillic words take the Russian stemmer; Latin words the English and then the Dutch one, so
    that 'activists' and 'activisten' meet, and a short English question without function words
    stems exactly like an English alternate question.
    """
    if _CYRILLIC.search(token):
        return str(_STEMMERS["ru"].stemWord(token))
    if token.isdigit():
        return token
    return str(_STEMMERS["nl"].stemWord(_STEMMERS["en"].stemWord(token)))


def stem_be(token: str) -> str:
    """Belarusian stem of a folded Cyrillic token (see belarusian.py); other tokens as `stem`."""
    return belarusian.stem(token) if _CYRILLIC.search(token) else stem(token)


def _ambiguous_stem(token: str, token_stem: str) -> bool:
    """A short Latin stem that is not the word itself: shared with unrelated words (see _SHORT_STEM)."""
    return len(token_stem) < _SHORT_STEM and token_stem != token and not _CYRILLIC.search(token)


@dataclass(frozen=True)
class Lexicon:
    """Stopwords per language, greetings, and the synonym table as stems and stem phrases."""

    stopwords: dict[str, frozenset[str]]
    greetings: frozenset[str]
    synonyms: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    #: Cyrillic variants by their Belarusian stems, looked up first in Belarusian text.
    be_synonyms: dict[str, str]
    be_phrases: dict[tuple[str, ...], str]
    #: Words asking for more of something ('meer sancties', 'further measures', 'ещё санкции'), and the
    #: words before them that make them no such thing ('onder meer', 'niet meer'); see Analyzer.analyse.
    comparatives: frozenset[str] = frozenset()
    not_comparative_after: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> Lexicon:
        return _load_default_lexicon()

    @classmethod
    def from_data(cls, stopword_data: dict[str, list[str]], synonym_groups: list[list[str]]) -> Lexicon:
        stopwords: dict[str, frozenset[str]] = {
            lang: frozenset(fold(w) for w in stopword_data.get(lang, [])) for lang in LANGUAGES
        }
        synonyms: dict[str, str] = {}
        phrases: dict[tuple[str, ...], str] = {}
        be_synonyms: dict[str, str] = {}
        be_phrases: dict[tuple[str, ...], str] = {}
        for group in synonym_groups:
            canonical_tokens = tokens(str(group[0]))
            canonical = "".join(t if _ambiguous_stem(t, stem(t)) else stem(t) for t in canonical_tokens)
            for variant in group:
                variant_tokens = tokens(str(variant))
                stems = tuple(stem(t) for t in variant_tokens)
                cyrillic = any(_CYRILLIC.search(t) for t in variant_tokens)
                be_stems = tuple(stem_be(t) for t in variant_tokens)
                if len(stems) == 1:
                    if not _ambiguous_stem(variant_tokens[0], stems[0]):
                        synonyms.setdefault(stems[0], canonical)
                    synonyms.setdefault(variant_tokens[0], canonical)
                    if cyrillic:
                        be_synonyms.setdefault(be_stems[0], canonical)
                elif 1 < len(stems) <= _MAX_PHRASE:
                    phrases.setdefault(stems, canonical)
                    phrases.setdefault(tuple(variant_tokens), canonical)
                    if cyrillic:
                        be_phrases.setdefault(be_stems, canonical)
        return cls(
            stopwords=stopwords,
            greetings=frozenset(fold(w) for w in stopword_data.get("greetings", [])),
            synonyms=synonyms,
            phrases=phrases,
            be_synonyms=be_synonyms,
            be_phrases=be_phrases,
            comparatives=frozenset(fold(w) for w in stopword_data.get("comparatives", [])),
            not_comparative_after=frozenset(fold(w) for w in stopword_data.get("not_comparative_after", [])),
        )


@lru_cache(maxsize=1)
def _load_default_lexicon() -> Lexicon:
    folder = resources.files("knowledge") / "lexicon"
    stopword_data = load_yaml((folder / "stopwords.yaml").read_text(encoding="utf-8"))
    synonym_groups = load_yaml((folder / "synonyms.yaml").read_text(encoding="utf-8"))
    return Lexicon.from_data(stopword_data, synonym_groups)


#: How many, with the chat spellings of 'сколько' ('скока', 'скоко').
_COUNT_WORDS = {"hoeveel", "сколько", "скольких", "скока", "скоко", "колькі"}
_COUNT_PHRASES = {("how", "many"), ("how", "much"), ("number", "of"), ("aantal",)}
_TIME_WORDS = {"wanneer", "when", "когда"}
_NUMBER = re.compile(r"\d")
_DATE = re.compile(
    r"\b(1[89]|20)\d{2}\b|\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b",
    re.IGNORECASE,
)


def asks_for(words: list[str]) -> str | None:
    """'fate' for what became of someone (fate.py), 'practical' for an address or a travel advice
    (practical.py), 'count' for how-many questions, 'time' for when-questions: what kind of answer
    they need. A fate asked 'when' or 'how many' is still one."""
    if asks_fate(words):
        return "fate"
    if asks_practical(words):
        return "practical"
    pairs = set(pairwise(words))
    if _COUNT_WORDS & set(words) or pairs & _COUNT_PHRASES or "aantal" in words:
        return "count"
    if _TIME_WORDS & set(words):
        return "time"
    return None


#: Numbers that count nothing: references ('Kamerstuk 21 501-20 nr. 1634', 'vraag 4'), dates and years.
NOT_A_COUNT = re.compile(
    r"\bkamerstuk(?:ken)?\s+[\d\s-]+(?:,?\s*nr\.?\s*\d+)?|\b(?:nr|nrs|nummer|vraag|vragen|artikel|punt)\.?\s+\d+(?:\s*(?:en|-)\s*\d+)*"
    r"|\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b"
    r"|\b(?:1[89]|20)\d{2}\b",
    re.IGNORECASE,
)


def provides(text: str) -> frozenset[str]:
    """What kinds of answer a text can give: a number (of people, measures: not a reference, a date
    or a year, which answer no 'how many'), a date, what became of someone."""
    kinds = set()
    if tells_fate(text):
        kinds.add("fate")
    if tells_practical(text):
        kinds.add("practical")
    if _NUMBER.search(NOT_A_COUNT.sub(" ", text)):
        kinds.add("count")
    if _DATE.search(text):
        kinds.add("time")
    return frozenset(kinds)


@dataclass(frozen=True)
class Analysis:
    """A text as the matcher sees it."""

    language: Lang
    tokens: tuple[str, ...]
    terms: tuple[str, ...]
    is_greeting: bool
    asks_for: str | None = None
    #: Terms and words only found in the message's context sentences, not in its question(s).
    context_terms: frozenset[str] = frozenset()
    context_tokens: frozenset[str] = frozenset()
    #: A message with a story: its question sentence(s) and the sentences they point back to, the
    #: rest of the story left out (the matcher's focus); None for a message without one.
    asked_text: str | None = None


class Analyzer:
    """Turns text into terms with one lexicon; cheap to call, caches per word."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.load()
        self._all_stopwords = frozenset().union(*self.lexicon.stopwords.values())
        #: Words that carry no topic in any language: stopwords and greetings.
        self.function_words = self._all_stopwords | self.lexicon.greetings
        # The first words (or stems) of the lexicon's phrases: a word that begins none begins no phrase.
        self._phrase_starts = frozenset(phrase[0] for phrase in self.lexicon.phrases)
        self._be_phrase_starts = frozenset(phrase[0] for phrase in self.lexicon.be_phrases)
        #: 'More of it' is the term of additional measures ('aanvullende maatregelen'): the passages
        #: about further steps say 'aanvullende', 'verdere', 'extra'; a question says 'meer', 'nog'.
        self.more_term = self.lexicon.synonyms.get("aanvullende") or stem("aanvullende")

    def detect_language(self, words: list[str], text: str = "") -> Lang:
        """Cyrillic: Belarusian by its letters and words, else Russian; otherwise English when it has
        more English than Dutch function words."""
        if any(_CYRILLIC.search(w) for w in words):
            return "be" if belarusian.looks_belarusian(text, words) else "ru"
        english = sum(w in self.lexicon.stopwords["en"] for w in words)
        dutch = sum(w in self.lexicon.stopwords["nl"] for w in words)
        return "en" if english > dutch else "nl"

    def analyse(self, text: str, language: Lang | None = None, *, asked: bool = False) -> Analysis:
        """The text's terms. `asked`: it is a question, whose comparatives ask for more of what follows
        them ('meer sancties': _asks_more); the documents' own 'meer' is 'onder meer' or 'meer dan', and
        their further measures are 'aanvullende', so texts keep their terms as they are."""
        words = tokens(text)
        lang = language or self.detect_language(words, text)
        stems = [stem_be(w) for w in words] if lang == "be" else [stem(w) for w in words]
        terms: list[str] = []
        starts, word_starts = self._be_phrase_starts if lang == "be" else self._phrase_starts, self._phrase_starts
        i = 0
        while i < len(words):
            # Most words begin no phrase: only those that do are tried (as _phrase_at would decide).
            matched = (stems[i] in starts or words[i] in word_starts) and self._phrase_at(words, stems, i, lang)
            if matched:
                length, phrase_term = matched
                terms.append(phrase_term)
                i += length
                continue
            word, word_stem = words[i], stems[i]
            i += 1
            if asked and word in self.lexicon.comparatives and self._asks_more(words, i - 1):
                terms.append(self.more_term)
                continue
            # Function words go first: the Dutch stemmer strips 'ge-', so 'geweld' stems to 'wel'.
            if word in self.function_words:
                continue
            canonical: str | None = self.lexicon.synonyms.get(word)
            if not canonical and lang == "be":
                canonical = self.lexicon.be_synonyms.get(word_stem)
            if not canonical:
                canonical = self.lexicon.synonyms.get(word_stem)
            if canonical:
                terms.append(canonical)
            elif len(word) > 1 or word.isdigit():
                terms.append(word_stem)
        content = [w for w in words if w not in self._all_stopwords]
        # 'How are you' words ('дела', 'справы') are greetings, though as terms they could mean cases.
        is_greeting = bool(words) and any(w in self.lexicon.greetings for w in words) and all(
            w in self.lexicon.greetings for w in content
        )
        return Analysis(
            language=lang, tokens=tuple(words), terms=tuple(terms), is_greeting=is_greeting, asks_for=asks_for(words)
        )

    def _asks_more(self, words: list[str], i: int) -> bool:
        """The comparative at `i` asks for more of what follows it ('meer sancties', 'further
        measures'): a content word follows, and no word before it turns it into something else
        ('onder meer' is 'among others', 'niet meer', 'geen enkele activist meer veilig' no longer)."""
        if i + 1 >= len(words) or words[i + 1] in self.function_words or words[i + 1] in self.lexicon.comparatives:
            return False
        return not self.lexicon.not_comparative_after.intersection(words[max(0, i - COMPARATIVE_REACH) : i])

    def terms(self, text: str, language: Lang | None = None) -> tuple[str, ...]:
        return self.analyse(text, language).terms

    def _phrase_at(self, words: list[str], stems: list[str], i: int, lang: Lang = "nl") -> tuple[int, str] | None:
        phrases = self.lexicon.be_phrases if lang == "be" else self.lexicon.phrases
        starts = self._be_phrase_starts if lang == "be" else self._phrase_starts
        if stems[i] not in starts and words[i] not in self._phrase_starts:
            return None
        for length in range(min(_MAX_PHRASE, len(words) - i), 1, -1):
            by_stems = phrases.get(tuple(stems[i : i + length]))
            canonical = by_stems or self.lexicon.phrases.get(tuple(words[i : i + length]))
            if canonical:
                return length, canonical
        return None
