"""Which document a parsed text is: its content digest, and a key that tells it apart from others.

A key of kind and date alone ('kamervragen-2021-07-16') is not an identity: ministries send several
answer sets on one day, and every undated letter shares 'kamerbrief-undated'. So "already in the
store" is decided by what the document says (its content digest: the same cleaned text is the same
document whether it came as .txt, .pdf or official .xml) or by an official identity the document
states (official id, printed number, question number), never by a generic key alone. A new
document whose generic key is taken gets a key that adds something of its own: its official
number, its authors, or a short digest of its text. Stored keys never change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable

from knowledge.models import Document, DocumentKind, Entry, ParsedDocument

#: Hex digits of the content digest used in a key when nothing else tells two documents apart.
KEY_DIGEST_LENGTH = 8
_GENERIC_KEY = re.compile(r"^(?:kamerbrief|kamervragen)-(?:\d{4}-\d{2}-\d{2}|undated)$")
_AH_NUMBER = re.compile(r"^ah-(?:tk|ek)-\d{8}-(\d{1,6})$")


def content_digest(texts: Iterable[str]) -> str:
    """SHA-256 of the official texts with layout dropped: only letters and digits count, case folded.

    Line breaks, hyphenation at line ends, spacing and paragraph boundaries differ between a PDF dump,
    a copied web page and the official XML of one document; its words do not.
    """
    joined = " ".join(texts)
    normal = unicodedata.normalize("NFKC", joined).casefold()
    return hashlib.sha256(re.sub(r"[\W_]+", "", normal).encode("utf-8")).hexdigest()


def entries_digest(entries: Iterable[Entry]) -> str:
    """The content digest of a document's entries, in their order."""
    return content_digest(entry.text for entry in sorted(entries, key=lambda e: e.number))


def description_digest(document: Document) -> str:
    """The content digest of what a document described by hand says of itself (kind, date, title,
    authors): it has no text of its own in the store, so the same description is the same document."""
    date = document.date.isoformat() if document.date else "undated"
    return content_digest([document.kind.value, date, document.title, *(author.name for author in document.authors)])


def is_generic_key(key: str) -> bool:
    """True for a key of kind and date only, which many documents may share."""
    return bool(_GENERIC_KEY.match(key))


def different_documents(a: Document, b: Document) -> bool:
    """The two state different official identities: another official id, printed number or question
    number (2021Z20001 and 2021Z20002 are two answer sets, however alike their short answers read)."""
    return any(x and y and x != y for x, y in [
        (a.official_id, b.official_id), (a.number, b.number), (a.question_number, b.question_number),
    ])


def questions_digest(entries: Iterable[Entry]) -> str:
    """The content digest of the official questions a document's entries answer, in their order ('' for none)."""
    asked = [e.question for e in sorted(entries, key=lambda e: e.number) if e.question and e.question_is_official]
    return content_digest(asked) if asked else ""


def identity_key(kind: DocumentKind, date: dt.date | None, number: str | None, qnumber: str | None) -> str:
    """The key of what a document states of itself: kind, date and printed (or question) number.
    The parser keys a document so; a key chosen beside others (authors, digest) is no identity."""
    parts = [kind.value, date.isoformat() if date else "undated"]
    if number:
        parts.append(number)
    elif qnumber:
        parts.append(qnumber.lower())
    return "-".join(parts)


def _stated_key(document: Document) -> str:
    return identity_key(document.kind, document.date, document.number, document.question_number)


def same_official_document(a: Document, b: Document) -> bool:
    """Both state the same official identity (official id, or kind, date and printed/question number).

    Never the stored keys alone: two answer sets of one minister and day both get the key with her
    name in a preview, and the one saved first must not make the other 'already in the store'."""
    if a.official_id and b.official_id:
        return a.official_id == b.official_id
    stated = _stated_key(a)
    return stated == _stated_key(b) and not is_generic_key(stated)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def key_candidates(document: Document, digest: str) -> list[str]:
    """Keys for a document, best first: its own key, then the key with its official number, its
    authors' surnames, and finally a short digest of its text (which only the same text shares)."""
    base = document.key
    candidates = [base]
    if document.official_id and (m := _AH_NUMBER.match(document.official_id)):
        candidates.append(f"{base}-{m.group(1)}")
    surnames = [_slug(author.surname) for author in document.authors if author.name.split() and not author.is_office]
    if surnames := [s for s in surnames if s]:
        candidates.append(f"{base}-{'-'.join(surnames[:3])}"[:70])
    candidates.append(f"{base}-{digest[:KEY_DIGEST_LENGTH]}")
    return list(dict.fromkeys(candidates))


def rekey(parsed: ParsedDocument, key: str) -> ParsedDocument:
    """The same parsed document under another key (its entries' keys follow)."""
    if key == parsed.document.key:
        return parsed
    document = parsed.document.model_copy(update={"key": key})

    def moved(entry: Entry) -> Entry:
        return entry.model_copy(update={"key": f"{key}/{entry.number}", "document_key": key})

    # Everything the parser found goes along: a cut-off or misnumbered entry must still be told in the preview.
    return ParsedDocument(
        document=document,
        read_key=parsed.read_key or parsed.document.key,
        entries=[moved(e) for e in parsed.entries],
        truncated=moved(parsed.truncated) if parsed.truncated else None,
        unmatched=[moved(e) for e in parsed.unmatched],
        unanswered=parsed.unanswered,
        cut_off_questions=parsed.cut_off_questions,
    )


def free_key(document: Document, digest: str, usable: Callable[[str], bool]) -> str:
    """The first candidate key that `usable` accepts (free, or a withdrawn copy of this document)."""
    candidates = key_candidates(document, digest)
    for candidate in candidates:
        if usable(candidate):
            return candidate
    for n in range(2, 1000):  # the digest key is taken by a different text: practically never
        if usable(candidate := f"{candidates[-1]}-{n}"):
            return candidate
    raise ValueError(f"no free key for {document.key}")
