"""Button labels for documents that a moderator or an asker picks from, told apart within one keyboard.

A label is the document's date (or, undated, its kind) and what it is about. Two documents of one
kind and day, or two undated ones ('Brief' twice), would read alike: their labels then name what
does differ, in this order: the official reference (citation, printed number), the authors, the
first words of the document's first passage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from interface.texts import Texts
from knowledge.models import Document, DocumentKind

#: How many words of a passage stand for its document when nothing else tells it apart.
FIRST_WORDS = 6


def short_kind(document: Document, texts: Texts) -> str:
    """'Kamerbrief', 'Letter', 'Письмо', ...: the kind as short as a button needs it."""
    return texts.kind_short_kamervragen if document.kind is DocumentKind.KAMERVRAGEN else texts.kind_short_kamerbrief


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """'Het kabinet blijft de mensenrechtensituatie in…': the opening words, quoted as the document's."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _reference(document: Document) -> str | None:
    return document.citation or (f"nr. {document.number}" if document.number else None)


def _authors(document: Document) -> str | None:
    return ", ".join(a.name for a in document.authors) or None


def document_labels(
    documents: list[Document], texts: Texts, opening: Callable[[Document], str | None], limit: int = 60
) -> list[str]:
    """One label per document, in order; `opening` gives a document's first passage (None: none)."""

    def parts(document: Document) -> list[str | None]:
        words = opening(document)
        return [_reference(document), _authors(document), first_words(words) if words else None]

    def head(document: Document) -> str:
        return texts.date(document.date) if document.date else short_kind(document, texts)

    def body(document: Document) -> str | None:
        # An undated document's title is generic ('Brief'): something of the document itself says more.
        if document.date:
            return document.subject or document.title
        return next((p for p in parts(document) if p), None) or document.subject or document.title

    labels = [" · ".join(p for p in (head(d), body(d)) if p) for d in documents]
    alike: dict[str, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        alike[label].append(index)
    for indexes in alike.values():
        if len(indexes) < 2:
            continue
        options = [parts(documents[i]) for i in indexes]
        # The first kind of detail on which every one of them differs, else the one most of them differ on.
        kinds = range(len(options[0]))
        telling = max(kinds, key=lambda k: (len({o[k] for o in options}), -k))
        for i, option in zip(indexes, options, strict=True):
            if option[telling]:
                labels[i] = f"{head(documents[i])} · {option[telling]}"
    return [label if len(label) <= limit else label[: limit - 1].rstrip() + "…" for label in labels]
