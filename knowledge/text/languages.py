"""Which language a question is written in, for choosing the language of the reply (not for matching).

The matcher only needs to know Russian from Dutch and English; a Belarusian asker must be told apart
from a Russian one by the letters only Belarusian uses (і, ў) against those only Russian uses (и, щ, ъ).
None when the text gives no evidence (a bare name, a number): the caller then falls back to the
asker's Telegram language.
"""

from __future__ import annotations

import re

from knowledge.models import Language
from knowledge.text.analysis import Analyzer, tokens

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_BELARUSIAN = re.compile(r"[іўІЎ]")
_RUSSIAN = re.compile(r"[ищъИЩЪ]")


def question_language(text: str, analyzer: Analyzer) -> Language | None:
    """The language the question is written in, or None when it cannot be told."""
    if _CYRILLIC.search(text):
        belarusian, russian = len(_BELARUSIAN.findall(text)), len(_RUSSIAN.findall(text))
        return Language.BE if belarusian > russian else Language.RU
    words = tokens(text)
    stopwords = analyzer.lexicon.stopwords
    english = sum(w in stopwords["en"] for w in words)
    dutch = sum(w in stopwords["nl"] for w in words)
    if english == dutch:
        return None
    return Language.EN if english > dutch else Language.NL
