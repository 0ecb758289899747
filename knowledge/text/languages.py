"""Which language a question is written in, for choosing the language of the reply (not for matching).

Cyrillic text is Belarusian or Russian as the analyser tells them apart (by the letters and the words
only Belarusian uses), so that the reply is in the language the matcher read the question in.
None when the text gives no evidence (a bare name, a number): the caller then falls back to the
asker's Telegram language.
"""

from __future__ import annotations

import re

from knowledge.models import Language
from knowledge.text.analysis import Analyzer, tokens

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def question_language(text: str, analyzer: Analyzer) -> Language | None:
    """The language the question is written in, or None when it cannot be told."""
    words = tokens(text)
    if _CYRILLIC.search(text):
        return Language(analyzer.detect_language(words, text))  # Belarusian by its letters and words
    stopwords = analyzer.lexicon.stopwords
    english = sum(w in stopwords["en"] for w in words)
    dutch = sum(w in stopwords["nl"] for w in words)
    if english == dutch:
        return None
    return Language.EN if english > dutch else Language.NL


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
