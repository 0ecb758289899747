"""Synthetic documents from a fixed seed, drawn from the real vocabulary, to grow the store to size.

Words are drawn with their real frequencies (common words stay common, as in real documents), and
the real shipped documents are always part of the store, so answers to real questions can be
compared between store sizes and between the fast path and exhaustive scoring.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Iterator

from knowledge.models import AlternateQuestion, Document, DocumentKind, Entry, Language, ParsedDocument
from knowledge.shipped import shipped_documents

ENTRIES_PER_DOCUMENT = 10
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class Vocabulary:
    """Word frequencies of the real texts (Dutch) and of the curated questions per language."""

    def __init__(self, documents: list[ParsedDocument]) -> None:
        texts: Counter[str] = Counter()
        questions: dict[Language, Counter[str]] = {lang: Counter() for lang in (Language.NL, Language.EN, Language.RU)}
        for parsed in documents:
            for entry in parsed.entries:
                texts.update(_WORD.findall(entry.text))
                if entry.question:
                    questions[Language.NL].update(_WORD.findall(entry.question))
                for alternate in entry.alternates:
                    if alternate.language in questions:
                        questions[alternate.language].update(_WORD.findall(alternate.text))
        self.text_words, self.text_weights = zip(*texts.items(), strict=True)
        self.question_words = {lang: tuple(c) for lang, c in questions.items()}
        self.question_weights = {lang: tuple(c.values()) for lang, c in questions.items()}

    def sentence(self, rng: random.Random, low: int = 8, high: int = 22) -> str:
        words = rng.choices(self.text_words, self.text_weights, k=rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def question(self, rng: random.Random, language: Language) -> str:
        words = rng.choices(self.question_words[language], self.question_weights[language], k=rng.randint(4, 10))
        return " ".join(words).capitalize() + "?"


def synthetic_documents(entries: int, seed: int = 20210302) -> Iterator[ParsedDocument]:
    """The real documents first, then synthetic ones until the store holds `entries` entries."""
    real = shipped_documents()
    yield from real
    remaining = entries - sum(len(p.entries) for p in real)
    vocabulary = Vocabulary(real)
    rng = random.Random(seed)
    number = 0
    while remaining > 0:
        number += 1
        count = min(ENTRIES_PER_DOCUMENT, remaining)
        remaining -= count
        yield _document(rng, vocabulary, number, count)


def _document(rng: random.Random, vocabulary: Vocabulary, number: int, count: int) -> ParsedDocument:
    kind = DocumentKind.KAMERBRIEF if number % 2 else DocumentKind.KAMERVRAGEN
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3650))
    key = f"{kind.value}-{date.isoformat()}-s{number}"
    document = Document(key=key, kind=kind, title=f"Synthetisch document {number}", date=date)
    entries = []
    for position in range(1, count + 1):
        text = " ".join(vocabulary.sentence(rng) for _ in range(rng.randint(2, 5)))
        alternates = [
            AlternateQuestion(text=vocabulary.question(rng, language), language=language)
            for language in (Language.NL, Language.EN, Language.RU)
        ]
        entries.append(
            Entry(
                key=f"{key}/{position}",
                document_key=key,
                number=position,
                question=vocabulary.question(rng, Language.NL),
                text=text,
                alternates=alternates,
            )
        )
    return ParsedDocument(document=document, entries=entries)
