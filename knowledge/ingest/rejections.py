"""Why an uploaded file cannot become a document: one exception with a one-line English reason, and
the fixed sentences of the importers (front ends word those per language through knowledge.reasons)."""

from __future__ import annotations

from knowledge.ingest.parsing import QUESTIONS_ONLY

NOT_TEXT = "the file is not a text file (it contains binary data)"
NOT_PDF = "the file is not a readable PDF"
ENCRYPTED_PDF = "the PDF is encrypted (password-protected); send an unprotected copy"
NO_TEXT_LAYER = "the PDF has no text layer (a scan?)"
DOCTYPE_REFUSED = "XML with a DOCTYPE is not accepted (no DTDs or entity declarations)"
NOT_OFFICIAL_XML = "not an official Kamerstuk or Aanhangsel XML (from zoek.officielebekendmakingen.nl)"


class DocumentRejected(ValueError):
    """A file that cannot become a document; str(error) is a clear one-line reason for a moderator (in English)."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(str(reason).split()))


class QuestionsOnly(DocumentRejected):
    """Kamervragen as submitted, without the government's answers: nothing official to store."""

    def __init__(self, reason: str = QUESTIONS_ONLY) -> None:
        super().__init__(reason)
