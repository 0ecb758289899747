"""Why a moderator's change was refused, as a code with values rather than an English sentence:
each front end words it in the moderator's own language (interface/texts/moderator.py); the English
wording here is the command line's and the logs': a command to type next is written as typed there
(`standpunt alias 3 "<question>"`), and Telegram's wording has it as typed in Telegram (`/alias 3`)."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Reason(StrEnum):
    CHOOSE_DOCUMENT = "choose_document"
    DOCUMENT_EXISTS = "document_exists"
    NO_DOCUMENT = "no_document"
    QUESTION_EXISTS = "question_exists"
    ALREADY_IN_STORE = "already_in_store"
    NO_ENTRY = "no_entry"
    CANNOT_EDIT = "cannot_edit"
    TEXT_TOO_LONG = "text_too_long"
    RETIRED = "retired"
    ALTERNATE_TOO_SHORT = "alternate_too_short"
    ALREADY_ACTIVE = "already_active"
    ALREADY_RETIRED = "already_retired"
    NOTHING_TO_UNDO = "nothing_to_undo"
    RESTORE_IS_FINAL = "restore_is_final"
    UNDO_PAST_RESTORE = "undo_past_restore"
    RESTORE_WOULD_RETIRE = "restore_would_retire"
    CHANGED_BY_OTHER = "changed_by_other"
    CHANGED_AFTER_YOURS = "changed_after_yours"
    NO_REVIEW_ITEM = "no_review_item"
    REVIEW_ALREADY_ATTACHED = "review_already_attached"
    REVIEW_ALREADY_HANDLED = "review_already_handled"
    NOT_AN_EXPORT = "not_an_export"
    EXPORT_NOT_JSON = "export_not_json"
    EXPORT_TOO_NEW = "export_too_new"
    EXPORT_FROM_OTHER_STORE = "export_from_other_store"
    EXPORT_TWICE = "export_twice"
    EXPORT_ENTRY_WITHOUT_DOCUMENT = "export_entry_without_document"
    EXPORT_TEXT_NOT_IN_SOURCE = "export_text_not_in_source"
    EXPORT_NUMBER_TWICE = "export_number_twice"
    INVALID = "invalid"
    NO_SOURCE = "no_source"
    HAND_DESCRIBED = "hand_described"
    KIND_AND_TITLE_REQUIRED = "kind_and_title_required"
    UNKNOWN_KIND = "unknown_kind"
    INVALID_DATE = "invalid_date"
    INVALID_FIELD = "invalid_field"
    NOT_IN_DOCUMENT = "not_in_document"
    NOT_AN_ANSWER = "not_an_answer"
    TOO_SHORT_TO_CHECK = "too_short_to_check"
    TEXT_IS_ENTRY = "text_is_entry"
    TEXT_IS_RETIRED_ENTRY = "text_is_retired_entry"
    NUMBER_TAKEN = "number_taken"
    NUMBER_MISMATCH = "number_mismatch"
    FILE_TOO_LARGE = "file_too_large"
    DOWNLOAD_FAILED = "download_failed"
    DOCUMENT_REJECTED = "document_rejected"
    FILE_EMPTY = "file_empty"
    NOT_A_TEXT_FILE = "not_a_text_file"
    NOT_A_PDF = "not_a_pdf"
    PDF_ENCRYPTED = "pdf_encrypted"
    PDF_WITHOUT_TEXT = "pdf_without_text"
    XML_WITH_DOCTYPE = "xml_with_doctype"
    NOT_OFFICIAL_XML = "not_official_xml"
    WARN_REPLACES_WITHDRAWN = "warn_replaces_withdrawn"
    WARN_NO_DATE = "warn_no_date"
    WARN_NO_AUTHORS = "warn_no_authors"
    WARN_CUT_OFF = "warn_cut_off"
    WARN_COMPLETES = "warn_completes"
    TRANSLATION_EMPTY = "translation_empty"
    QUESTION_EMPTY = "question_empty"
    QUESTION_IS_OFFICIAL = "question_is_official"
    OFFICIAL_QUESTION_NOT_IN_DOCUMENT = "official_question_not_in_document"
    OFFICIAL_QUESTION_ON_NOTE = "official_question_on_note"
    OFFICIAL_QUESTION_NO_SOURCE = "official_question_no_source"
    TRANSLATION_TOO_LONG = "translation_too_long"
    TRANSLATION_FIGURES = "translation_figures"
    NO_TRANSLATION = "no_translation"
    TRANSLATION_CURRENT = "translation_current"
    TRANSLATION_LANGUAGE = "translation_language"
    QUESTIONS_ONLY = "questions_only"
    XML_QUESTIONS_ONLY = "xml_questions_only"
    UPLOAD_TOO_LARGE = "upload_too_large"
    FILE_TYPE_REFUSED = "file_type_refused"
    FILE_WITHOUT_EXTENSION = "file_without_extension"
    FILE_UNREADABLE = "file_unreadable"
    PART_TOO_LONG = "part_too_long"
    PART_INVALID = "part_invalid"
    NO_ENTRIES = "no_entries"
    XML_NOT_WELL_FORMED = "xml_not_well_formed"
    XML_TOO_DEEP = "xml_too_deep"
    XML_PARAGRAPH_TOO_LONG = "xml_paragraph_too_long"
    XML_ANSWER_TOO_LONG = "xml_answer_too_long"
    XML_NO_PARAGRAPHS = "xml_no_paragraphs"
    XML_NO_PAIRS = "xml_no_pairs"
    XML_EMPTY_ANSWERS = "xml_empty_answers"
    XML_NO_PLAIN_TEXT = "xml_no_plain_text"
    NOT_OFFICIAL_DOCUMENT = "not_official_document"
    WARN_ANSWER_WITHOUT_QUESTION = "warn_answer_without_question"
    WARN_QUESTION_WITHOUT_ANSWER = "warn_question_without_answer"
    NOTE_NOT_TRANSLATED = "note_not_translated"
    TRANSLATION_WRONG_LANGUAGE = "translation_wrong_language"


ENGLISH: dict[Reason, str] = {
    Reason.CHOOSE_DOCUMENT: "choose an existing document or describe a new one",
    Reason.DOCUMENT_EXISTS: "a document {key} already exists; add the entry to it instead",
    Reason.NO_DOCUMENT: "there is no document {key}",
    Reason.QUESTION_EXISTS: "this question already exists: entry {id} ({key})",
    Reason.ALREADY_IN_STORE: "this document is already in the store as {key}",
    Reason.NO_ENTRY: "there is no entry {id}",
    Reason.CANNOT_EDIT: "cannot edit {fields}",
    Reason.TEXT_TOO_LONG: "the text is longer than {limit} characters; split it into several entries",
    Reason.RETIRED: "entry {id} is retired; restore it first (standpunt restore {id})",
    Reason.ALTERNATE_TOO_SHORT: "the alternate question is too short",
    Reason.ALREADY_ACTIVE: "entry {id} is already active",
    Reason.ALREADY_RETIRED: "entry {id} is already retired",
    Reason.NOTHING_TO_UNDO: "you have no change to undo",
    Reason.RESTORE_IS_FINAL: "your last change restored an export, which cannot be undone; restore an export made before it",
    Reason.UNDO_PAST_RESTORE: (
        "an export was restored after your last change; undo does not go back past a restore: change the entry itself"
    ),
    Reason.CHANGED_BY_OTHER: "entry {id} was changed by someone else meanwhile; reload it and try again",
    Reason.CHANGED_AFTER_YOURS: (
        "entry {id} was changed again after your change; undo is refused so that the later change is not lost"
    ),
    Reason.NO_REVIEW_ITEM: "there is no review item {id}",
    Reason.REVIEW_ALREADY_ATTACHED: "this question was already attached to an entry as an alternate question",
    Reason.REVIEW_ALREADY_HANDLED: "this question was already handled (dismissed, or a new entry was written for it)",
    Reason.NOT_AN_EXPORT: "not a Standpunt export ({detail})",
    Reason.EXPORT_NOT_JSON: "not a Standpunt export (not JSON)",
    Reason.EXPORT_TOO_NEW: "the export was written by a newer Standpunt (schema {version} > {supported})",
    Reason.EXPORT_TWICE: "the export is not consistent: two of its objects have the id or key {value}; nothing was changed",
    Reason.EXPORT_ENTRY_WITHOUT_DOCUMENT: (
        "the export is not consistent: its entry {id} belongs to {key}, which is not in it; nothing was changed"
    ),
    Reason.EXPORT_TEXT_NOT_IN_SOURCE: (
        "the export's entry {id} is official text of {key}, but the document's source text does not contain it "
        "(an export edited by hand or damaged); nothing was changed"
    ),
    Reason.EXPORT_NUMBER_TWICE: (
        "the export's entries {first} and {second} are both number {number} of {key}, with different texts "
        "(an export edited by hand or damaged); nothing was changed"
    ),
    Reason.RESTORE_WOULD_RETIRE: (
        "restoring this export would retire active entries that are not in it (entries: {count}); nothing was "
        "changed: standpunt restore FILE --dry-run lists them, and --yes restores it all the same"
    ),
    Reason.EXPORT_FROM_OTHER_STORE: (
        "this export is from another store: its documents and entries take the ids of this store's own, so "
        "restoring it would lose what is here and not in it (documents: {documents}, entries: {entries}); nothing "
        "was changed. Restore it into a new store: a new file, given with --database"
    ),
    Reason.INVALID: "a value is not valid ({detail})",
    Reason.NO_SOURCE: (
        "document {key} has no source text in the store (it was stored before source texts were kept), "
        "so the text cannot be checked as its own; import the document again, or save the text as a moderator's note"
    ),
    Reason.KIND_AND_TITLE_REQUIRED: "kind and title are required",
    Reason.UNKNOWN_KIND: "'{value}' is not a kind of document; write kamerbrief or kamervragen",
    Reason.INVALID_DATE: "'{value}' is not a date; write it as 2024-05-01",
    Reason.INVALID_FIELD: "the value of '{field}' is not valid",
    Reason.HAND_DESCRIBED: (
        "a document described by hand has no source text to check the text against; import the document "
        "itself to add its official text"
    ),
    Reason.NOT_IN_DOCUMENT: (
        "document {key} does not contain this text, so it cannot be an official entry of it; "
        "save it as a moderator's note"
    ),
    Reason.NOT_AN_ANSWER: (
        "this text is in document {key}, but not within one paragraph or answer of it (it spans several, or "
        "is a question, a heading or the signature); save it as a moderator's note"
    ),
    Reason.TOO_SHORT_TO_CHECK: "the text is too short to be checked against the document; send the whole passage",
    Reason.TEXT_IS_ENTRY: (
        "this text is already entry {id} (number {number} of the document); add your question to it as an "
        'alternate question (standpunt alias {id} "<question>")'
    ),
    Reason.TEXT_IS_RETIRED_ENTRY: (
        "this text is the retired entry {id} (number {number} of the document); standpunt restore {id} brings it back"
    ),
    Reason.NUMBER_TAKEN: (
        "number {number} of this document is already entry {id}, with another text; edit that entry "
        "(standpunt edit {id} --text-file <file>)"
    ),
    Reason.QUESTION_IS_OFFICIAL: (
        "the question of entry {id} is the document's own (the question it answers), and the new one is not "
        "in the document; add it as another phrasing (standpunt alias {id} \"<question>\")"
    ),
    Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT: (
        "question_is_official is true, but the document {key} does not contain this question word for word; copy "
        "the question from the document, or leave out question_is_official to add it as a moderator's question"
    ),
    Reason.OFFICIAL_QUESTION_NO_SOURCE: (
        "question_is_official is true, but the document {key} has no source text in the store to check the question "
        "against; import the document itself, or leave out question_is_official to add it as a moderator's question"
    ),
    Reason.OFFICIAL_QUESTION_ON_NOTE: (
        "question_is_official is true, but the text is not the document's own, so the entry would be a moderator's "
        "note, which never carries the document's question; give the answer's text from the document {key}, or "
        "leave out question_is_official"
    ),
    Reason.NUMBER_MISMATCH: (
        "the new text is number {found} of the document, not number {number}; an entry keeps its place in the document"
    ),
    Reason.FILE_TOO_LARGE: "the file is larger than {limit}",
    Reason.DOWNLOAD_FAILED: "the file could not be downloaded; send it again",
    Reason.DOCUMENT_REJECTED: "{detail}",
    Reason.FILE_EMPTY: "the file is empty",
    Reason.NOT_A_TEXT_FILE: "the file is not a text file (it contains binary data)",
    Reason.NOT_A_PDF: "the file is not a readable PDF",
    Reason.PDF_ENCRYPTED: "the PDF is encrypted (password-protected); send an unprotected copy",
    Reason.PDF_WITHOUT_TEXT: "the PDF has no text layer (a scan?)",
    Reason.XML_WITH_DOCTYPE: "XML with a DOCTYPE is not accepted (no DTDs or entity declarations)",
    Reason.NOT_OFFICIAL_XML: "not an official Kamerstuk or Aanhangsel XML (from zoek.officielebekendmakingen.nl)",
    Reason.WARN_REPLACES_WITHDRAWN: "replaces the withdrawn document {key} (all its entries were retired)",
    Reason.WARN_NO_DATE: "no date found in the document",
    Reason.WARN_NO_AUTHORS: "no authors found in the document",
    Reason.WARN_CUT_OFF: "the text stops mid-sentence: entry {number} looks cut off and is not imported",
    Reason.WARN_COMPLETES: (
        "completes {key}, stored from a cut-off copy: "
        "adds entry {numbers}; the entries there stay as they are"
    ),
    Reason.TRANSLATION_EMPTY: "the translation is empty",
    Reason.QUESTION_EMPTY: "the question is empty: an entry keeps a question",
    Reason.TRANSLATION_TOO_LONG: "the translation is much longer than the official text; check what was pasted",
    Reason.TRANSLATION_FIGURES: (
        "the translation's numbers are not the official text's (official: {official}; translation: {translated}); "
        "write every number of the official text as digits"
    ),
    Reason.NO_TRANSLATION: "entry {id} has no {language} translation",
    Reason.TRANSLATION_CURRENT: "the {language} translation of entry {id} is already current",
    Reason.TRANSLATION_LANGUAGE: "translations are into English, Russian or Belarusian, not '{language}'",
    Reason.QUESTIONS_ONLY: "questions without the government's answers; import the answers once they are published",
    # the same sentence as for a text: a moderator is told one thing, whatever the file's format
    Reason.XML_QUESTIONS_ONLY: "questions without the government's answers; import the answers once they are published",
    Reason.UPLOAD_TOO_LARGE: "the file is too large ({size}; the limit is {limit})",
    Reason.FILE_TYPE_REFUSED: "{suffix} files are not accepted; send a .txt, .pdf or .xml file",
    Reason.FILE_WITHOUT_EXTENSION: "files without an extension are not accepted; send a .txt, .pdf or .xml file",
    Reason.FILE_UNREADABLE: "the file could not be read ({error})",
    Reason.PART_TOO_LONG: (
        "a paragraph or answer is longer than {limit} characters; is this really one document?"
    ),
    Reason.PART_INVALID: "the document has a part that is not valid ({where})",
    Reason.NO_ENTRIES: "no entries could be read: the document contains no paragraphs or questions that could be read",
    Reason.XML_NOT_WELL_FORMED: "the file is not well-formed XML (line {line}, column {column})",
    Reason.XML_TOO_DEEP: "the XML is nested more than {limit} levels deep",
    Reason.XML_PARAGRAPH_TOO_LONG: (
        "paragraph {number} is longer than {limit} characters; is this really one paragraph?"
    ),
    Reason.XML_ANSWER_TOO_LONG: (
        "the answer to question {number} is longer than {limit} characters; is this really one answer?"
    ),
    Reason.XML_NO_PARAGRAPHS: "no entries could be read: the Kamerstuk XML has no body paragraphs (al)",
    Reason.XML_NO_PAIRS: "no entries could be read: the Aanhangsel XML has no vraag/antwoord pairs (it has no answers)",
    Reason.XML_EMPTY_ANSWERS: "no entries could be read: every antwoord in the XML is empty",
    Reason.XML_NO_PLAIN_TEXT: "an XML file has no plain text to extract; it is read by its structure",
    Reason.NOT_OFFICIAL_DOCUMENT: (
        "this text has none of the marks of an official document (a letterhead, 'Aan de Voorzitter', a date line, "
        "Vergaderjaar, a Kamerstuk number, 'Vragen van het lid', 'Antwoord', a minister's signature), so nothing is "
        "stored; add it as a moderator's note instead (standpunt add, with note: true)"
    ),
    Reason.WARN_ANSWER_WITHOUT_QUESTION: (
        "the numbering does not match: answer {numbers} ({label}) has no question of that number and is not imported "
        "(never paired with another question); correct the numbering and import again"
    ),
    Reason.WARN_QUESTION_WITHOUT_ANSWER: "question {numbers} ({label}) has no answer in the document",
    Reason.NOTE_NOT_TRANSLATED: (
        "this entry is a moderator's note, not official text: notes are not translated (a translation is shown "
        "beside the official Dutch text it renders, and a note has none); write the note in that language instead"
    ),
    Reason.TRANSLATION_WRONG_LANGUAGE: (
        "the translation looks like {found}, not {language}; send a translation into {language}"
    ),
}


class Rejection(NamedTuple):
    """A refusal as a reason with the values its wording needs."""

    reason: Reason
    values: dict[str, object]


def rejection(message: str) -> Rejection:
    """A refusal given as an English sentence, as a reason every language can word: a fixed
    sentence (one without values) is recognised; any other keeps its English text as the detail.
    The importers give reasons themselves (knowledge.ingest.rejections); this is for the rest."""
    for reason, sentence in ENGLISH.items():
        if message == sentence and "{" not in sentence:
            return Rejection(reason, {})
    return Rejection(Reason.DOCUMENT_REJECTED, {"detail": message})


#: Reasons whose `limit` and `size` are a file's bytes: worded as megabytes, never as a count of bytes.
SIZE_REASONS = frozenset({Reason.FILE_TOO_LARGE, Reason.UPLOAD_TOO_LARGE})


def megabytes(count: int, decimal_separator: str = ".", *, round_up: bool = False) -> str:
    """A number of bytes as megabytes without the unit: '5', '1.5' ('1,5' with a decimal comma); a
    file's size over a limit is rounded up to a tenth, so it never reads as the limit itself."""
    if round_up:
        count = -(-count // 100_000) * 100_000
    return f"{count / 1_000_000:g}".replace(".", decimal_separator)


def english(reason: Reason, values: dict[str, object]) -> str:
    """The English wording of a refusal with its values (sizes in MB), as str() of an error gives it."""
    if reason in SIZE_REASONS:
        values = {**values, **{k: f"{megabytes(v, round_up=k == 'size')} MB" for k, v in values.items()
                               if k in ("limit", "size") and isinstance(v, int)}}
    return ENGLISH[reason].format(**values)

