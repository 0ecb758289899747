"""A document's source text, and what it says about a text a moderator wants to add under it.

The store keeps each document's source as the importer read it (the extracted text of a .txt or
.pdf, the official XML itself), so that an entry claimed to be official can be checked against it:
it must be text of the document (whitespace, hyphenation and typographic quotes aside) and takes the
number it has there, read from the document by the same importer, never a "next number". Anything
else is a moderator's note.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from knowledge.ingest.importers import DocumentRejected, extract_text, read_document
from knowledge.models import Entry, SourceText

#: Shortest text checked against a document: a few words could be found in any letter.
MIN_QUOTE = 20


def source_entries(source: SourceText) -> list[Entry]:
    """The document's own units (paragraphs, answers) with the numbers they have in it; a last unit
    the copy cut off mid-sentence is one of them: its complete part is the document's text, under
    its number, even though the import left it out. A misnumbered answer (ParsedDocument.unmatched)
    is not: its number is not known."""
    name = "source.xml" if source.format == "xml" else "source.txt"
    try:
        parsed = read_document(source.text.encode("utf-8"), name, max_bytes=50_000_000)
    except DocumentRejected:
        return []
    return parsed.entries + ([parsed.truncated] if parsed.truncated is not None else [])


def source_of_upload(data: bytes, filename: str, max_bytes: int = 5_000_000) -> SourceText | None:
    """The source text of an uploaded file (None when it has none that can be kept)."""
    try:
        if filename.lower().endswith(".xml") and not data.startswith(b"%PDF-"):
            return SourceText(format="xml", text=data.decode("utf-8-sig"))
        text = extract_text(data, filename, max_bytes=max_bytes)
    except (DocumentRejected, UnicodeDecodeError, ValueError):
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(format="text", text=text) if text.strip() else None


# --- comparing a moderator's text with the document ------------------------------------------------

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
)
_IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011\u2012\u2013\u2014]+")


def comparable(text: str) -> str:
    """The text without whitespace, hyphens and dashes, with one kind of quote: what 'the same
    words' means when a moderator copies from a PDF, a web page or the bot's own answer."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"<[^>]{1,200}>", " ", text)  # XML sources: tags are not text
    return _IGNORED.sub("", text)


class Verdict(StrEnum):
    OFFICIAL = "official"  # text of one unit of the document: an official entry with that unit's number
    NO_SOURCE = "no_source"  # the document has no source text in the store: nothing can be verified
    NOT_IN_DOCUMENT = "not_in_document"  # the document does not contain the text
    NOT_AN_ANSWER = "not_an_answer"  # in the document, but in no paragraph or answer (a question, a header)
    TOO_SHORT = "too_short"  # too short to be checked


@dataclass(frozen=True)
class Placement:
    """Where a moderator's text stands in its document."""

    verdict: Verdict
    number: int | None = None
    numbers: tuple[int, ...] = ()


def place(text: str, source: SourceText | None) -> Placement:
    """Is `text` text of the document, and which unit's? Decided by the source alone."""
    if source is None:
        return Placement(Verdict.NO_SOURCE)
    wanted = comparable(text)
    if len(wanted) < MIN_QUOTE:
        return Placement(Verdict.TOO_SHORT)
    for unit in source_entries(source):
        if wanted in comparable(unit.text):
            return Placement(Verdict.OFFICIAL, unit.number, tuple(unit.numbers))
    if wanted in comparable(source.text):
        return Placement(Verdict.NOT_AN_ANSWER)
    return Placement(Verdict.NOT_IN_DOCUMENT)
