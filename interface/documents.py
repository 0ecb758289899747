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
    return document.citation or (f"nr. {document.number}" if document.number else None) or document.question_number


def _authors(document: Document) -> str | None:
    return ", ".join(a.name for a in document.authors) or None


def document_labels(
    documents: list[Document], texts: Texts, opening: Callable[[Document], str | None], limit: int = 60
) -> list[str]:
    """One label per document, in order; `opening` gives a document's first passage (None: none).

    Documents of one day (a lookup's same-day answer sets) are labelled by their authors, reference
    and subject, as the date tells none of them apart."""

    def parts(document: Document) -> list[str | None]:
        words = opening(document)
        return [_reference(document), _authors(document), first_words(words) if words else None]

    def label(document: Document) -> str:
        if same_day:
            return " · ".join(p for p in (_authors(document), _reference(document), document.subject or document.title) if p)
        if document.date:
            return f"{texts.date(document.date)} · {document.subject or document.title}"
        # An undated document's title is generic ('Brief'): something of the document itself says more.
        telling = next((p for p in parts(document) if p), None) or document.subject or document.title
        return f"{short_kind(document, texts)} · {telling}"

    same_day = len(documents) > 1 and len({d.date for d in documents}) == 1 and documents[0].date is not None
    labels = [label(d) for d in documents]
    alike: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(labels):
        alike[text].append(index)
    for indexes in alike.values():
        if len(indexes) < 2:
            continue
        options = [parts(documents[i]) for i in indexes]
        # The kind of detail on which most of them differ (the reference first, the first words last).
        telling = max(range(len(options[0])), key=lambda k: (len({o[k] for o in options}), -k))
        for i, option in zip(indexes, options, strict=True):
            detail = option[telling]
            if detail and detail not in labels[i]:
                # Right after the head (or first, for one day's documents): a phone cuts long buttons off.
                labels[i] = f"{detail} · {labels[i]}" if same_day else f"{labels[i].partition(' · ')[0]} · {detail}"
    return [text if len(text) <= limit else text[: limit - 1].rstrip() + "…" for text in labels]


def fitting_heading(candidates: list[Document], entry_number: int | None, choosing: bool, texts: Texts) -> str:
    """Above the documents that fit a description: which one's passage (`choosing`: each offers the
    passage asked for), choose one (they share the date asked, so the date would not tell them apart),
    or say which date or number (they differ in it)."""
    if choosing and entry_number is not None:
        label = passage_label(candidates[0], entry_number, texts)
        return texts.documents_choose_entry.format(label=label, count=len(candidates))
    if len({d.date for d in candidates}) == 1:
        return texts.documents_choose.format(count=len(candidates))
    return texts.documents_fitting.format(count=len(candidates))


def passage_label(document: Document, number: int, texts: Texts) -> str:
    """'Vraag 2', 'Question 2', 'Абзац 3': a passage of the document by its number, in the texts' language."""
    numbering = texts.question_label if document.kind is DocumentKind.KAMERVRAGEN else texts.paragraph_label
    label = numbering.format(number=number)
    return label[:1].upper() + label[1:]
