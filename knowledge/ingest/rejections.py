"""Why an uploaded file cannot become a document: one exception carrying a reason code and its
values (knowledge.reasons), so that every front end words the refusal in the moderator's language;
str(error) is the one-line English wording (the command line's and the logs')."""

from __future__ import annotations

from knowledge.reasons import ENGLISH, Reason, english, rejection

# The importers' fixed sentences, in English (kept by name for the code that compares with them).
NOT_TEXT = ENGLISH[Reason.NOT_A_TEXT_FILE]
NOT_PDF = ENGLISH[Reason.NOT_A_PDF]
ENCRYPTED_PDF = ENGLISH[Reason.PDF_ENCRYPTED]
NO_TEXT_LAYER = ENGLISH[Reason.PDF_WITHOUT_TEXT]
DOCTYPE_REFUSED = ENGLISH[Reason.XML_WITH_DOCTYPE]
NOT_OFFICIAL_XML = ENGLISH[Reason.NOT_OFFICIAL_XML]


class DocumentRejected(ValueError):
    """A file that cannot become a document: `reason` and `values` say why in any language, and
    str(error) is a clear one-line reason in English. An English sentence instead of a reason is
    still accepted (recognised when it is a fixed one, else kept as the detail)."""

    def __init__(self, reason: Reason | str, **values: object) -> None:
        if not isinstance(reason, Reason):
            reason, values = rejection(" ".join(str(reason).split()))
        self.reason = reason
        self.values = values
        super().__init__(" ".join(english(reason, values).split()))


class QuestionsOnly(DocumentRejected):
    """Kamervragen as submitted, without the government's answers: nothing official to store."""

    def __init__(self, reason: Reason = Reason.QUESTIONS_ONLY) -> None:
        super().__init__(reason)
