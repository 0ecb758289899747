"""Turn a file a moderator uploads into a ParsedDocument, or refuse it with a one-line reason.

Three kinds of file are accepted: plain text (.txt), a PDF with a text layer (.pdf) and the official
XML of zoek.officielebekendmakingen.nl (.xml). Text and PDF go through the same parser as the shipped
sources, so an upload reads exactly like them; the XML is read by its structure, which states the
identifiers (dossier, number, question number) that a text only hints at. Nothing here guesses an
identifier: what the file does not state stays empty for a moderator to fill in.

Uploads are untrusted: every refusal, and every failure of pypdf or the XML parser on a broken
file, surfaces as DocumentRejected with a reason a moderator can act on.
"""

from __future__ import annotations

import codecs
import io
import logging
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from pydantic import ValidationError
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from knowledge.ingest.official_xml import metadata_of, parse_xml, read_official_xml
from knowledge.ingest.parsing import (
    NotAnOfficialDocument,
    ParseError,
    QuestionsWithoutAnswers,
    parse_document,
)
from knowledge.ingest.pdflayout import page_text
from knowledge.ingest.rejections import DocumentRejected as DocumentRejected
from knowledge.ingest.rejections import QuestionsOnly as QuestionsOnly
from knowledge.models import (
    MAX_ENTRY_TEXT,
    ParsedDocument,
)
from knowledge.reasons import Reason

logger = logging.getLogger(__name__)

FileKind = Literal["txt", "pdf", "xml"]
ACCEPTED_SUFFIXES: tuple[str, ...] = (".txt", ".pdf", ".xml")
#: Share of control characters (other than line breaks, tabs and form feeds) above which a file is binary.
MAX_CONTROL_SHARE = 0.05



# --- entry points -------------------------------------------------------------------------------


def read_document(data: bytes, filename: str, *, max_bytes: int = 5_000_000) -> ParsedDocument:
    """Any accepted upload as a parsed document, ready for the moderator's preview."""
    with _refusals():
        kind = _check_file(data, filename, max_bytes)
        if kind == "xml":
            return read_official_xml(data)
        return _parse_text(_extract(kind, data))


def read_publication(publication: bytes, metadata: bytes | None, *, max_bytes: int = 5_000_000) -> ParsedDocument:
    """A publication's official XML read with its metadata.xml beside it (the publication's own metadata wins)."""
    with _refusals():
        _check_file(publication, "publication.xml", max_bytes)
        extra: dict[str, str] = {}
        if metadata:
            try:
                extra = metadata_of(parse_xml(metadata))
            except DocumentRejected:
                extra = {}  # broken metadata: the publication alone is read
        return read_official_xml(publication, extra)


def extract_text(data: bytes, filename: str, *, max_bytes: int = 5_000_000) -> str:
    """The plain text of a .txt or .pdf upload, as the parser would see it (for previews and debugging)."""
    with _refusals():
        kind = _check_file(data, filename, max_bytes)
        if kind == "xml":
            raise DocumentRejected(Reason.XML_NO_PLAIN_TEXT)
        return _extract(kind, data)


@contextmanager
def _refusals() -> Iterator[None]:
    """Whatever goes wrong inside becomes DocumentRejected: a broken upload must never crash the bot."""
    try:
        yield
    except DocumentRejected:
        raise
    except ValidationError as error:
        raise _validation_refusal(error) from error
    except Exception as error:  # noqa: BLE001 - third-party parsers fail in many ways on hostile input
        logger.warning("an upload could not be read", exc_info=True)
        raise DocumentRejected(Reason.FILE_UNREADABLE, error=type(error).__name__) from error


def _validation_refusal(error: ValidationError) -> DocumentRejected:
    """The first thing the models refused, e.g. a paragraph longer than any real one."""
    first = error.errors()[0]
    if first.get("loc") == ("text",) and first.get("type") == "string_too_long":
        return DocumentRejected(Reason.PART_TOO_LONG, limit=MAX_ENTRY_TEXT)
    where = ".".join(str(part) for part in first.get("loc", ())) or "document"
    return DocumentRejected(Reason.PART_INVALID, where=where)


def _check_file(data: bytes, filename: str, max_bytes: int) -> FileKind:
    """Size first, then content (a PDF is a PDF whatever its name), then the name's extension."""
    if not data:
        raise DocumentRejected(Reason.FILE_EMPTY)
    if len(data) > max_bytes:
        raise DocumentRejected(Reason.UPLOAD_TOO_LARGE, size=len(data), limit=max_bytes)
    if data.startswith(b"%PDF-"):
        return "pdf"
    suffix = _suffix(filename)
    if suffix not in ACCEPTED_SUFFIXES:
        if suffix:
            raise DocumentRejected(Reason.FILE_TYPE_REFUSED, suffix=suffix)
        raise DocumentRejected(Reason.FILE_WITHOUT_EXTENSION)
    return "xml" if suffix == ".xml" else "txt" if suffix == ".txt" else "pdf"


def _suffix(filename: str) -> str:
    """The lower-case extension of the file's own name ('' when there is none), kept short for messages."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    if "." not in name.strip("."):
        return ""
    suffix = "." + name.rsplit(".", 1)[1].lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ".?"


def _extract(kind: FileKind, data: bytes) -> str:
    return _pdf_text(data) if kind == "pdf" else _decode_text(data)


def _parse_text(text: str) -> ParsedDocument:
    """The shared text parser; its refusal keeps its reason."""
    if not text.strip():
        raise DocumentRejected(Reason.FILE_EMPTY)
    try:
        return parse_document(text)
    except QuestionsWithoutAnswers:
        raise QuestionsOnly() from None
    except NotAnOfficialDocument:
        raise DocumentRejected(Reason.NOT_OFFICIAL_DOCUMENT) from None
    except ParseError as error:
        raise DocumentRejected(Reason.NO_ENTRIES) from error


# --- plain text ---------------------------------------------------------------------------------


def _decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; binary data is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16")
    elif b"\x00" in data:
        raise DocumentRejected(Reason.NOT_A_TEXT_FILE)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode(data, "cp1252")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise DocumentRejected(Reason.NOT_A_TEXT_FILE)
    return text


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DocumentRejected(Reason.NOT_A_TEXT_FILE) from None


def _control_share(text: str) -> float:
    """How much of the text is control characters a real text file does not contain."""
    if not text:
        return 0.0
    controls = sum(1 for char in text if char not in "\n\r\t\f" and unicodedata.category(char) == "Cc")
    return controls / len(text)


# --- PDF ----------------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    """The text layer of every page, pages separated by a form feed; the
    paragraph spacing and indents each page's layout shows are kept (knowledge.ingest.pdflayout)."""
    with _quiet_pypdf():
        reader = _open_pdf(data)
        try:
            pages = [page_text(page) for page in reader.pages]
        except (FileNotDecryptedError, DependencyError):
            raise DocumentRejected(Reason.PDF_ENCRYPTED) from None
        except Exception as error:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
            raise DocumentRejected(Reason.NOT_A_PDF) from error
    text = "\f".join(pages)  # a page break (knowledge.ingest.pages puts a torn paragraph together again)
    if not text.strip():
        raise DocumentRejected(Reason.PDF_WITHOUT_TEXT)
    return text


def _open_pdf(data: bytes) -> PdfReader:
    """A reader over a PDF we may read: encryption with an empty user password (permissions only) is fine."""
    try:
        reader = PdfReader(io.BytesIO(data))
    except (FileNotDecryptedError, DependencyError):
        raise DocumentRejected(Reason.PDF_ENCRYPTED) from None
    except Exception as error:  # noqa: BLE001 - PdfReadError, but also ValueError, KeyError, ... on garbage
        raise DocumentRejected(Reason.NOT_A_PDF) from error
    if reader.is_encrypted and not _opens_without_password(reader):
        raise DocumentRejected(Reason.PDF_ENCRYPTED)
    return reader


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except (DependencyError, FileNotDecryptedError, PdfReadError, NotImplementedError):
        return False


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf warns about every small flaw of real-world PDFs; an upload is not news for the bot's log."""
    pypdf_logger = logging.getLogger("pypdf")
    previous = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        pypdf_logger.setLevel(previous)
