"""Where an official text comes from, as its citation prints it: document, date, authors, the
entry's number in it ('Vraag 3', 'Vragen 1 en 2', 'alinea 3'), reference, references and link.
A moderator's note gets none of the document's numbers or links."""

from __future__ import annotations

from knowledge.models import Citation, Document, DocumentKind, Entry


def numbered_as_questions(entry: Entry, kind: DocumentKind) -> bool:
    """Whether the document numbers the entry as a question ('Vraag N'): answers to Kamervragen, and
    a committee's numbered questions answered in a letter (its question is the document's own)."""
    return kind is DocumentKind.KAMERVRAGEN or entry.question_is_official


def number_label(entry: Entry, kind: DocumentKind) -> str:
    """How the citation numbers an entry, in Dutch as the documents do (also a committee's numbered
    questions answered in a letter are 'Vraag N'): the import preview and every reply use this."""
    if numbered_as_questions(entry, kind):
        return heading_label("Vraag", entry.numbers or [entry.number])
    return f"alinea {entry.number}"


def heading_label(heading: str, numbers: list[int]) -> str:
    """'Vraag 3', 'Vragen 1 en 2', 'Vragen 2, 3 en 4', 'Antwoord 5': numbers under the Dutch heading the document prints,
    so that a warning about a question or answer left out names it as the document does."""
    if len(numbers) == 1:
        return f"{heading} {numbers[0]}"
    plural = {"Vraag": "Vragen", "Antwoord": "Antwoorden"}[heading]
    return f"{plural} " + ", ".join(map(str, numbers[:-1])) + f" en {numbers[-1]}"


def citation_for(entry: Entry, document: Document) -> Citation:
    if entry.note:
        # A moderator's note: which document it is about, never a number, reference or link of it.
        return Citation(
            document_key=document.key,
            document_id=document.id,
            document_title=document.title,
            kind=document.kind,
            kind_label=document.kind.label,
            date=document.date,
            authors=[],
            number=0,  # a note has no number in the document
            numbers=[],
            number_label="notitie van een moderator",
            reference=None,
            official_id=None,
            references=[],
            footnotes=[],
            url=None,
            is_note=True,
            language=entry.language,
        )
    numbers = entry.numbers or [entry.number]
    # The entry's references were found when the store wrote it (storage/rows.py): never read here again.
    references = list(dict.fromkeys(entry.references + [f"{f.number}. {f.text}" for f in entry.footnotes]))
    return Citation(
        document_key=document.key,
        document_id=document.id,
        document_title=document.title,
        kind=document.kind,
        kind_label=document.kind.label,
        date=document.date,
        authors=document.authors,
        number=entry.number,
        numbers=numbers,
        number_label=number_label(entry, document.kind),
        as_questions=numbered_as_questions(entry, document.kind),
        reference=document.citation,
        official_id=document.official_id,
        references=references,
        footnotes=entry.footnotes,
        url=document.url,
        language=entry.language,
    )
