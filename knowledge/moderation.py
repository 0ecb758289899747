"""What moderators do to the store, checked once for every front end (Telegram and command line).

Every operation validates first and writes second, in one transaction, through the store's audited
methods; a refusal raises ModerationError with a message a moderator can act on and changes nothing.
The answer service sees every change before its next answer (it follows the store's revision).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from rapidfuzz import fuzz

from knowledge.citations import heading_label, number_label
from knowledge.identity import (
    description_digest,
    different_documents,
    entries_digest,
    free_key,
    questions_digest,
    rekey,
    same_official_document,
)
from knowledge.ingest.consistency import inconsistency
from knowledge.ingest.parsing import document_key
from knowledge.ingest.sourcetext import MIN_QUOTE, Verdict, comparable, place
from knowledge.models import (
    AlternateQuestion,
    Author,
    Document,
    DocumentKind,
    Entry,
    EntryStatus,
    Language,
    Match,
    ParsedDocument,
    SourceText,
    Translation,
)
from knowledge.reasons import ENGLISH, Reason, english
from knowledge.service import AnswerService, is_question_for_review
from knowledge.storage import translations
from knowledge.storage.audit import Change
from knowledge.storage.errors import (
    DuplicateDocument,
    ForeignExport,
    LaterChange,
    NotFound,
    RestoredSince,
    RestoreIsFinal,
    VersionConflict,
)
from knowledge.storage.exchange import Export, RestorePlan
from knowledge.storage.migrations import SCHEMA_VERSION
from knowledge.storage.store import EntryCounts, StoredDocument
from knowledge.storage.usage import FeedbackCount, ReviewItem
from knowledge.text.analysis import fold, tokens
from knowledge.text.figures import numbers_of
from knowledge.text.languages import other_language

#: Longest text a moderator may type or paste as one entry: one Telegram message with its citation.
MAX_MANUAL_TEXT = 3500
#: Two unanswered questions are one review group when most of their content terms are the same
#: (terms as the matcher reads them, across languages; a typo of a term counts as the term). Shared
#: function words ('wat doet Nederland voor ... in Belarus') no longer join unrelated questions.
REVIEW_SIMILARITY = 0.6
_TERM_TYPO = 85
_ALTERNATES = TypeAdapter(list[AlternateQuestion])


#: 'Q: translated question' on the first line of the message, the translated text after it.
_QUESTION_LINE = re.compile(r"^\s*Q:\s*(.+?)\s*(?:\n|$)", re.IGNORECASE)


class AddedEntry(NamedTuple):
    """An entry as added, with why it became a moderator's note (None: it is official text)."""

    entry: Entry
    why_note: Reason | None


class SplitTranslation(NamedTuple):
    """A moderator's translation message: the translated question (when given) and text."""

    question: str | None
    text: str


def split_question(message: str) -> SplitTranslation:
    """The translated question (None without a 'Q:' line) and the translated text of a message."""
    m = _QUESTION_LINE.match(message)
    if not m:
        return SplitTranslation(None, message.strip())
    return SplitTranslation(m.group(1).strip(), message[m.end() :].strip())


#: How often a phrasing is re-applied when other writers save the same entry meanwhile.
ALTERNATE_ATTEMPTS = 20


class ModerationError(Exception):
    """A refused change; the store is unchanged. `reason` and `values` let every front end word it
    in the moderator's language; str() is the English wording."""

    #: Which item of a batch was refused (add_entries), counted from 0.
    item: int | None = None

    def __init__(self, reason: Reason, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(english(reason, values))


#: Notes are ordered after a document's own units (their `number`, never shown), and keyed
#: '<document>/note-<n>': a key that cannot be read as a paragraph or question number.
FIRST_NOTE_NUMBER = 9001


def note_key(document_key: str, number: int) -> str:
    """'kamerbrief-2021-03-02-2298/note-1' for the document's first note."""
    return f"{document_key}/note-{number - FIRST_NOTE_NUMBER + 1}"

_VERDICT_REASONS = {
    Verdict.NO_SOURCE: Reason.NO_SOURCE,
    Verdict.NOT_IN_DOCUMENT: Reason.NOT_IN_DOCUMENT,
    Verdict.NOT_AN_ANSWER: Reason.NOT_AN_ANSWER,
    Verdict.TOO_SHORT: Reason.TOO_SHORT_TO_CHECK,
}


class EntryPlan(BaseModel):
    """What saving a draft would make: an official entry with the number its text has in the
    document, or a moderator's note (and why it cannot be official)."""

    note: bool
    number: int | None = None
    numbers: list[int] = Field(default_factory=list)
    why_note: Reason | None = None
    document_key: str | None = None


class DocumentDraft(BaseModel):
    """A new document a moderator describes by hand (imports read this from the file)."""

    kind: DocumentKind
    title: str = Field(min_length=3, max_length=500)
    date: dt.date | None = None
    authors: list[Author] = Field(default_factory=list)
    number: str | None = None
    official_id: str | None = None
    citation: str | None = None
    url: str | None = None
    subject: str | None = None


class TranslationDraft(BaseModel):
    """An unofficial translation of an entry's question and text, as a moderator supplies it."""

    question: str | None = Field(default=None, max_length=1000)
    text: str = Field(min_length=1, max_length=MAX_MANUAL_TEXT * 2)


class EntryDraft(BaseModel):
    """A new entry: its question, official text, source and alternate phrasings. An unknown field
    is refused by name (a misspelt 'document_key' must not pass as 'no document given')."""

    model_config = ConfigDict(extra="forbid")

    document_key: str | None = None
    new_document: DocumentDraft | None = None
    question: str = Field(min_length=3, max_length=1000)
    text: str = Field(min_length=1, max_length=MAX_MANUAL_TEXT)
    question_is_official: bool = False
    alternates: list[AlternateQuestion] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    language: Language = Language.NL
    note: bool | None = Field(
        default=None,
        description="True: a moderator's note. False: must be official text of the document, else refused. "
        "None (default): official when the document's source text contains it, a note otherwise.",
    )

    translations: dict[Language, TranslationDraft] = Field(
        default_factory=dict, description="Unofficial translations (en, ru, be) of the question and text."
    )


class Notice(BaseModel):
    """A warning as a reason code with its values, for front ends to word in any language."""

    reason: Reason
    values: dict[str, str] = Field(default_factory=dict)


class TranslationState(BaseModel):
    """An entry's translation into one language as a moderator sees it: the Dutch beside it."""

    entry: Entry
    language: Language
    translation: Translation | None
    stale: bool


class ImportPreview(BaseModel):
    """What an import would store: the document under the key it would get, and what to check first."""

    parsed: ParsedDocument
    duplicate_of: str | None = None
    warnings: list[str] = Field(default_factory=list, description="In English (the command line).")
    notices: list[Notice] = Field(default_factory=list, description="The same warnings as codes, in order.")
    beside: str | None = Field(default=None, description="A different document of the same kind and date already stored.")
    completes: str | None = Field(default=None, description="The stored (cut-off) copy of this document that it completes.")
    adding: list[int] = Field(default_factory=list, description="Completing: the numbers of the entries it adds.")


class ReviewGroup(BaseModel):
    """Similar unanswered questions, counted together (no person, no chat)."""

    text: str
    asked: str = Field(description="The lead question as asked (long numbers masked); its normalised text if not kept.")
    count: int
    item_ids: list[int]
    variants: list[str]
    suggestion: Match | None = None


class DayCounts(BaseModel):
    day: str
    answered: int = 0
    suggested: int = 0
    unanswered: int = 0
    greetings: int = 0


class Stats(BaseModel):
    documents: int
    active_entries: int
    retired_entries: int
    days: list[DayCounts]
    feedback: list[FeedbackCount]
    open_review_items: int
    #: Per language (en, ru, be): active entries without a current translation (none, or stale).
    missing_translations: dict[str, list[int]] = Field(default_factory=dict)
    #: Questions received per language over the same days: counts only.
    questions_per_language: dict[str, int] = Field(default_factory=dict)


class Moderation:
    """The moderators' operations over one answer service (and so one store)."""

    def __init__(self, answers: AnswerService) -> None:
        self.answers = answers
        self.store = answers.store

    # --- adding -------------------------------------------------------------------------------

    def similar_entries(self, question: str, limit: int = 3) -> list[Match]:
        """Existing entries closest to a new question, shown before saving to avoid duplicates."""
        try:
            return self.answers.search(question, limit=limit)
        except ValueError:
            return []

    def plan_entry(self, draft: EntryDraft) -> EntryPlan:
        """Official or a note, and under which number: decided by the document's source text only.
        Raises ModerationError when the text is official but already there, when it would be a note
        repeating an official entry's text (refuse_existing_text), or when an official entry was asked
        for (note=False) and the text is not the document's."""
        key = draft.document_key if draft.new_document is None else None
        if draft.new_document is None and not key:
            raise ModerationError(Reason.CHOOSE_DOCUMENT)
        if key:
            self._document(key)
            named = key
        else:
            named = self.new_document(draft.new_document).key  # refused before the preview when in the store
        if draft.question_is_official and not (key and self._asks(key, draft.question)):
            # A reply prints an official question as the MP's ('Vraag: …'): only the document's own words
            # may be one, and a moderator who declared it so is told, not silently given a question of theirs;
            # a document without a source text (described by hand, or stored before they were kept) has none to check.
            unchecked = not key or self.store.document_source(key) is None
            reason = Reason.OFFICIAL_QUESTION_NO_SOURCE if unchecked else Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT
            raise ModerationError(reason, key=named)
        if draft.note:
            if draft.question_is_official:
                raise ModerationError(Reason.OFFICIAL_QUESTION_ON_NOTE, key=key or "-")
            self.refuse_existing_text(draft.text, documents=[])
            return EntryPlan(note=True, document_key=key)
        placement = place(draft.text, self.store.document_source(key) if key else None)
        if placement.verdict is not Verdict.OFFICIAL or placement.number is None:
            reason = _VERDICT_REASONS[placement.verdict] if key else Reason.HAND_DESCRIBED
            if draft.note is False:
                raise ModerationError(reason, key=key or "-")
            # The government's words of another entry are never a moderator's note: that entry is told.
            self.refuse_existing_text(draft.text, documents=[])
            if draft.question_is_official:
                raise ModerationError(Reason.OFFICIAL_QUESTION_ON_NOTE, key=key or "-")
            return EntryPlan(note=True, why_note=reason, document_key=key)
        self._refuse_taken(key or "", placement.number, draft.text)
        return EntryPlan(note=False, number=placement.number, numbers=list(placement.numbers), document_key=key)

    def refuse_existing_text(self, text: str, documents: list[str] | None = None) -> None:
        """ModerationError (TEXT_IS_ENTRY) when the text is already an official entry's (whitespace and
        hyphenation aside) and none of `documents` (None: any document) has it as its own text under a
        number no entry has yet. /add asks this as soon as the text is sent, before the document and
        the alternate questions are typed in vain; plan_entry asks it of the chosen document."""
        wanted = comparable(text)
        if len(wanted) < MIN_QUOTE:
            return
        holders = [e for e in self.store.entries(status=None) if not e.note and wanted in comparable(e.text)]
        # An entry of an undone import is as good as never imported: nothing to point the moderator to.
        undone = self.store.undone_creations([e.id or 0 for e in holders if not e.is_active])
        holders = [e for e in holders if e.id not in undone]
        if not holders:
            return
        keys = [d.key for d in self.store.documents()] if documents is None else documents
        for key in keys:
            if self._free_official_number(key, text):
                return
        holder = next((e for e in holders if e.is_active), holders[0])
        reason = Reason.TEXT_IS_ENTRY if holder.is_active else Reason.TEXT_IS_RETIRED_ENTRY
        raise ModerationError(reason, id=holder.id, number=holder.number)

    def _free_official_number(self, key: str, text: str) -> bool:
        """Is the text official text of document `key` under a number that is no entry yet?"""
        source = self.store.document_source(key)
        if source is None or comparable(text) not in comparable(source.text):
            return False  # the cheap test first: most documents do not contain it at all
        placement = place(text, source)
        if placement.verdict is not Verdict.OFFICIAL or placement.number is None:
            return False
        try:
            self.store.entry_by_key(f"{key}/{placement.number}")
        except NotFound:
            return True
        return False

    def _refuse_taken(self, key: str, number: int, text: str) -> None:
        try:
            existing = self.store.entry_by_key(f"{key}/{number}")
        except NotFound:
            return
        if comparable(text) in comparable(existing.text):
            reason = Reason.TEXT_IS_ENTRY if existing.is_active else Reason.TEXT_IS_RETIRED_ENTRY
            raise ModerationError(reason, id=existing.id, number=number)
        raise ModerationError(Reason.NUMBER_TAKEN, id=existing.id, number=number)

    def add_entries(self, drafts: list[EntryDraft], actor: str) -> list[AddedEntry]:
        """Several entries in one transaction, all or none; each with why it is a note, if it is."""
        added: list[AddedEntry] = []
        with self.store.db.atomic():
            for position, draft in enumerate(drafts):
                try:
                    why = self.plan_entry(draft).why_note
                    added.append(AddedEntry(self.add_entry(draft, actor), why))
                except ModerationError as error:
                    error.item = position
                    raise
        return added

    def add_entry(self, draft: EntryDraft, actor: str) -> Entry:
        """An official entry where the document contains the text (with its number there), a
        moderator's note otherwise; see plan_entry."""
        self.refuse_existing_question(draft.question, *(a.text for a in draft.alternates))
        with self.store.db.atomic():
            plan = self.plan_entry(draft)
            if plan.note and draft.translations:
                raise ModerationError(Reason.NOTE_NOT_TRANSLATED)
            if draft.new_document is not None:
                document = self._create_document(draft.new_document, actor)
            else:
                document = self._document(plan.document_key or "")
            number = plan.number if plan.number is not None else self._next_note_number(document.key)
            try:
                entry = Entry(
                    key=note_key(document.key, number) if plan.note else f"{document.key}/{number}",
                    document_key=document.key,
                    number=number,
                    numbers=plan.numbers if len(plan.numbers) > 1 else [],
                    question=draft.question.strip(),
                    # The document's own question (plan_entry refused any other): the reply prints it as the MP's.
                    question_is_official=draft.question_is_official and not plan.note,
                    text=draft.text.strip(),
                    alternates=draft.alternates,
                    topics=draft.topics,
                    language=draft.language,
                    note=plan.note,
                )
            except ValidationError as error:
                raise ModerationError(Reason.INVALID, detail=_first_error(error)) from None
            # With translations, one batch: a single /undo takes the entry and its translations back.
            batch = uuid.uuid4().hex if draft.translations else None
            stored = self.store.add_entry(entry, actor, batch=batch)
            for language, item in draft.translations.items():
                self.save_translation(stored.id or 0, language, item.text, item.question, actor, batch=batch)
            return stored

    def _next_note_number(self, key: str) -> int:
        return max(FIRST_NOTE_NUMBER, self.store.next_entry_number(key))

    def new_document(self, draft: DocumentDraft | None) -> Document:
        """The document a moderator describes by hand, under the key it would get.

        Identified as imports are (knowledge.identity): the same official identity (official id, or
        printed number with kind and date) or the same description (kind, date, title, authors) is a
        document the store has already, and is refused; another document of the same kind and day
        sits beside it under a key with its authors or a digest of its description."""
        if draft is None:
            raise ModerationError(Reason.CHOOSE_DOCUMENT)
        try:
            document = Document(key=document_key(draft.kind, draft.date, draft.number, None), **draft.model_dump())
        except ValidationError as error:
            raise ModerationError(Reason.INVALID, detail=_first_error(error)) from None
        digest = description_digest(document)
        for existing in self.store.documents():
            if same_official_document(existing, document) or description_digest(existing) == digest:
                raise ModerationError(Reason.DOCUMENT_EXISTS, key=existing.key)
        key = free_key(document, digest, lambda candidate: not self.store.has_document(candidate))
        return document.model_copy(update={"key": key})

    def _create_document(self, draft: DocumentDraft, actor: str) -> Document:
        document = self.new_document(draft)
        stored, _ = self.store.add_document(ParsedDocument(document=document, entries=[]), actor)
        return stored

    def _document(self, key: str) -> Document:
        try:
            return self.store.document(key)
        except NotFound:
            raise ModerationError(Reason.NO_DOCUMENT, key=key) from None

    def refuse_existing_question(self, *questions: str, except_entry: int | None = None) -> None:
        """ModerationError when an active entry already has one of these questions or alternates
        (a moderator is told as soon as the question is typed)."""
        wanted = {_normal(q) for q in questions}
        for entry in self.store.entries():
            if entry.id == except_entry:
                continue
            phrasings = ([entry.question] if entry.question else []) + [a.text for a in entry.alternates]
            if any(_normal(p) in wanted for p in phrasings):
                raise ModerationError(Reason.QUESTION_EXISTS, id=entry.id, key=entry.key)

    # --- importing ----------------------------------------------------------------------------

    @staticmethod
    def entry_label(entry: Entry, kind: DocumentKind) -> str:
        """How the citation numbers an entry: 'Vraag 3', 'Vragen 1 en 2' or 'alinea 3'."""
        return number_label(entry, kind)

    def preview_import(self, parsed: ParsedDocument) -> ImportPreview:
        """What an import would add, under which key, and whether the document is already in the store.

        Already in the store means: a document in use with the same text (content digest, whatever
        the file format), or with the same official identity; a different document of the same kind
        and day sits beside the one there under a key of its own (knowledge.identity)."""
        counts = self.store.entry_counts()
        completion = self._completion_of(parsed, counts)
        duplicate = None if completion else self._same_document_as(parsed, counts)
        key = base = parsed.document.key
        if completion:
            key = completion[0]
            parsed = rekey(parsed, key)
        elif duplicate is None:
            digest = parsed.document.content_digest or entries_digest(parsed.entries)
            key = free_key(parsed.document, digest, lambda k: counts.get(k, (0, 0))[0] == 0)
            parsed = rekey(parsed, key)
        active, total = counts.get(key, (0, 0))
        notices = []
        if completion:
            numbers = ", ".join(str(number) for number in completion[1])
            notices.append(Notice(reason=Reason.WARN_COMPLETES, values={"key": key, "numbers": numbers}))
        if total and not active and duplicate is None:
            notices.append(Notice(reason=Reason.WARN_REPLACES_WITHDRAWN, values={"key": key}))
        if parsed.document.date is None:
            notices.append(Notice(reason=Reason.WARN_NO_DATE))
        if not parsed.document.authors:
            notices.append(Notice(reason=Reason.WARN_NO_AUTHORS))
        if parsed.truncated is not None:
            notices.append(Notice(reason=Reason.WARN_CUT_OFF, values={"number": str(parsed.truncated.number)}))
        if parsed.cut_off_questions:
            numbers = ", ".join(map(str, parsed.cut_off_questions))
            notices.append(Notice(reason=Reason.WARN_CUT_OFF, values={"number": numbers}))
        if parsed.unmatched:
            answers = [e.number for e in parsed.unmatched]
            values = {"numbers": ", ".join(map(str, answers)), "label": heading_label("Antwoord", answers)}
            notices.append(Notice(reason=Reason.WARN_ANSWER_WITHOUT_QUESTION, values=values))
        if parsed.unanswered:
            values = {"numbers": ", ".join(map(str, parsed.unanswered)), "label": heading_label("Vraag", parsed.unanswered)}
            notices.append(Notice(reason=Reason.WARN_QUESTION_WITHOUT_ANSWER, values=values))
        warnings = [ENGLISH[n.reason].format(**n.values) for n in notices]
        beside = base if key != base and counts.get(base, (0, 0))[0] else None
        return ImportPreview(
            parsed=parsed,
            duplicate_of=duplicate,
            warnings=warnings,
            notices=notices,
            beside=None if completion else beside,
            completes=completion[0] if completion else None,
            adding=completion[1] if completion else [],
        )

    def _completion_of(self, parsed: ParsedDocument, counts: dict[str, EntryCounts]) -> tuple[str, list[int]] | None:
        """The key of a document in use that this one completes, and the numbers it adds: the same
        official identity, every entry stored from it (a cut-off copy's) found in this text under its
        own number, and entries of numbers the stored copy lacks (a retired number is not added again)."""
        for document in self.store.documents():
            if not counts.get(document.key, (0, 0))[0] or not same_official_document(document, parsed.document):
                continue
            stored = self.store.entries(status=None, document_key=document.key)
            official = [e for e in stored if not e.note]
            here = {e.number: comparable(e.text) for e in parsed.entries}
            if not official or any(comparable(e.text) not in here.get(e.number, "") for e in official):
                return None  # another text under this identity: 'already in the store' decides
            # A number retired on purpose is not added again; one whose import was undone is.
            undone = self.store.undone_creations([e.id or 0 for e in stored if e.status is EntryStatus.RETIRED])
            taken = {e.number for e in stored if e.id not in undone}
            adding = [e.number for e in parsed.entries if e.number not in taken]
            return (document.key, adding) if adding else None
        return None

    def _same_document_as(self, parsed: ParsedDocument, counts: dict[str, EntryCounts]) -> str | None:
        """The key of a document in use that is this one: the same text, or the same official identity."""
        digest = parsed.document.content_digest or entries_digest(parsed.entries)
        asked = questions_digest(parsed.entries)
        for document in self.store.documents_with_digest(digest):
            if not counts.get(document.key, (0, 0))[0] or different_documents(document, parsed.document):
                continue  # the same answers ('Nee.') under another official identity: another document
            stored_asked = questions_digest(self.store.entries(status=None, document_key=document.key))
            if asked and stored_asked and asked != stored_asked:
                continue  # the same answers to other questions
            return document.key
        for document in self.store.documents():
            if counts.get(document.key, (0, 0))[0] and same_official_document(document, parsed.document):
                return document.key
        return None

    def commit_import(self, parsed: ParsedDocument, actor: str, source: SourceText | None = None) -> StoredDocument:
        """Store a parsed document and all its entries at once, or nothing; with the source text it
        was read from, so that entries added later can be checked against it.

        The key is chosen under the write lock, with the store as it is then: another writer's
        document of the same day, stored since the preview, takes no key this one is then given
        (read outside the lock, its key was 'already in the store' and the import refused).
        A previewed document is keyed again from the key the parser gave it; "already in the store"
        is decided by its content and official identity, never by the key the preview chose."""
        if parsed.read_key:
            parsed = rekey(parsed, parsed.read_key)
        with self.store.db.atomic():
            preview = self.preview_import(parsed)
            if preview.duplicate_of:
                raise ModerationError(Reason.ALREADY_IN_STORE, key=preview.duplicate_of)
            if preview.completes:
                adding = [e for e in preview.parsed.entries if e.number in preview.adding]
                return self.store.complete_document(preview.parsed.document, adding, actor, source)
            try:
                return self.store.add_document(preview.parsed, actor, source)
            except DuplicateDocument:
                raise ModerationError(Reason.ALREADY_IN_STORE, key=preview.parsed.document.key) from None

    # --- editing ------------------------------------------------------------------------------

    def entry(self, entry_id: int) -> Entry:
        try:
            return self.store.entry(entry_id)
        except NotFound:
            raise ModerationError(Reason.NO_ENTRY, id=entry_id) from None

    def edit_entry(self, entry_id: int, expected_version: int, actor: str, **fields: Any) -> Entry:
        self.check_edit(entry_id, **fields)
        try:
            return self.store.update_entry(entry_id, expected_version, actor, **fields)
        except VersionConflict:
            raise ModerationError(Reason.CHANGED_BY_OTHER, id=entry_id) from None
        except ValidationError as error:
            raise ModerationError(Reason.INVALID, detail=_first_error(error)) from None

    def check_edit(self, entry_id: int, **fields: object) -> None:
        """ModerationError if these new values would be refused (shown before the preview, not after)."""
        allowed = {"question", "text", "topics", "alternates", "language"}
        unknown = set(fields) - allowed
        if unknown:
            raise ModerationError(Reason.CANNOT_EDIT, fields=", ".join(sorted(unknown)))
        current = self.entry(entry_id)
        if "question" in fields and not str(fields["question"]).strip():
            raise ModerationError(Reason.QUESTION_EMPTY)
        if "text" in fields and len(str(fields["text"])) > max(MAX_MANUAL_TEXT, len(current.text)):
            raise ModerationError(Reason.TEXT_TOO_LONG, limit=MAX_MANUAL_TEXT)
        self.refuse_existing_question(*_phrasings(fields), except_entry=entry_id)
        if "text" in fields and not current.note and comparable(str(fields["text"])) != comparable(current.text):
            self._refuse_unofficial_text(current, str(fields["text"]))
        question = str(fields.get("question") or "")
        if question and current.question_is_official and comparable(question) != comparable(current.question or ""):
            # The reply prints an official question as the one the document answers ('Vraag: ...'):
            # only a better reading of the document's own words may replace it, never other words.
            if not self._asks(current.document_key, question):
                raise ModerationError(Reason.QUESTION_IS_OFFICIAL, id=entry_id)

    def _asks(self, document_key: str, question: str) -> bool:
        """The question is words of the document itself (its source text), whitespace and hyphenation aside."""
        source = self.store.document_source(document_key)
        wanted = comparable(question)
        return source is not None and bool(wanted) and wanted in comparable(source.text)

    def _refuse_unofficial_text(self, entry: Entry, text: str, source: SourceText | None = None) -> None:
        """An official entry's new text must still be its own unit's text in the document (as the store
        keeps it, unless `source` is given)."""
        placement = place(text, source or self.store.document_source(entry.document_key))
        if placement.verdict is not Verdict.OFFICIAL or placement.number is None:
            raise ModerationError(_VERDICT_REASONS[placement.verdict], key=entry.document_key)
        if placement.number != entry.number:
            raise ModerationError(Reason.NUMBER_MISMATCH, found=placement.number, number=entry.number)

    def add_alternate(self, entry_id: int, text: str, actor: str, language: Language | None = None) -> Entry:
        """Add a phrasing to the entry as it is when saved: the moderator chose no version to edit, so
        another writer's change meanwhile is re-read and kept, not a reason to refuse."""
        text = " ".join(text.split())
        if len(text) < 3:
            raise ModerationError(Reason.ALTERNATE_TOO_SHORT)
        attempts = 0
        while True:
            entry = self.entry(entry_id)
            if not entry.is_active:
                raise ModerationError(Reason.RETIRED, id=entry_id)
            self.refuse_existing_question(text)
            if language is None:
                language = self.answers.phrasing_language(text)
            alternates = [*entry.alternates, AlternateQuestion(text=text, language=language)]
            try:
                return self.edit_entry(entry_id, entry.version, actor, alternates=alternates)
            except ModerationError as error:
                attempts += 1
                if error.reason is not Reason.CHANGED_BY_OTHER or attempts >= ALTERNATE_ATTEMPTS:
                    raise

    def set_status(self, entry_id: int, status: EntryStatus, actor: str) -> Entry:
        entry = self.entry(entry_id)
        if entry.status is status:
            already = Reason.ALREADY_RETIRED if status is EntryStatus.RETIRED else Reason.ALREADY_ACTIVE
            raise ModerationError(already, id=entry_id)
        if status is EntryStatus.ACTIVE and not entry.note:
            if source := self.store.document_source(entry.document_key):
                # Official again only as text of its document as the store keeps it now: an entry of an
                # undone completion is not text of the cut-off copy the document is back to.
                self._refuse_unofficial_text(entry, entry.text, source)
            elif undone := self.store.undone_source(entry.document_key):
                # An entry of an undone first import: its document's text comes back with it.
                self._refuse_unofficial_text(entry, entry.text, undone)
                return self.store.restore_entry_with_source(entry_id, undone, actor)
        return self.store.set_status(entry_id, status, actor)

    def history(self, entry_id: int) -> list[Change]:
        self.entry(entry_id)
        return self.store.history(entry_id)

    def history_with_translations(self, entry_id: int) -> list[Change]:
        """The entry's versions and its translations' changes, in the order they were made (/history)."""
        changes = self.history(entry_id) + translations.history(self.store, entry_id)
        return sorted(changes, key=lambda c: c.id)

    # --- translations -------------------------------------------------------------------------

    def translation_state(self, entry_id: int, language: Language | str) -> TranslationState:
        language = _translation_language(language)
        entry = self.entry(entry_id)
        _refuse_note(entry)
        found = translations.translation(self.store, entry_id, language)
        stale = bool(found and translations.is_stale(self.store, found, entry))
        return TranslationState(entry=entry, language=language, translation=found, stale=stale)

    def save_translation(
        self,
        entry_id: int,
        language: Language | str,
        text: str,
        question: str | None,
        actor: str,
        *,
        expected_version: int | None = None,
        batch: str | None = None,
    ) -> Translation:
        """Save an unofficial translation, made for the entry's current official text."""
        language = _translation_language(language)
        entry = self.entry(entry_id)
        _refuse_note(entry)
        if not entry.is_active:
            raise ModerationError(Reason.RETIRED, id=entry_id)
        text = text.strip()
        if not text:
            raise ModerationError(Reason.TRANSLATION_EMPTY)
        self.check_translation(entry_id, text, question, language)
        if len(text) > max(MAX_MANUAL_TEXT * 2, len(entry.text) * 3):
            raise ModerationError(Reason.TRANSLATION_TOO_LONG)
        if question is None:
            existing = translations.translation(self.store, entry_id, language)
            question = existing.question if existing else None
        try:
            return translations.save(
                self.store, entry, language, text, question, actor, expected_version=expected_version, batch=batch
            )
        except VersionConflict:
            raise ModerationError(Reason.CHANGED_BY_OTHER, id=entry_id) from None
        except ValidationError as error:
            raise ModerationError(Reason.INVALID, detail=_first_error(error)) from None

    def check_translation(self, entry_id: int, text: str, question: str | None, language: Language | str) -> None:
        """ModerationError, before the preview, when the translation (or its question) is clearly in
        another language than the one it is saved as (Russian sent as Belarusian, the Dutch pasted
        back: told as the bot tells a question's language, knowledge.text.languages), or when its
        numbers are not the official text's ('213 белорусов' for '312 Belarussen', or one figure of
        two): a reader of the translation reads and quotes its figures, shown first."""
        language = _translation_language(language)
        analyzer = self.answers.matcher.analyzer
        for part in (text, question):
            if part and (found := other_language(part, language, analyzer)) is not None:
                raise ModerationError(Reason.TRANSLATION_WRONG_LANGUAGE, found=found.value, language=language.value)
        official, translated = numbers_of(self.entry(entry_id).text), numbers_of(text)
        # A translation without digits may write its numbers out ('семь'); one with digits states the figures.
        if translated and official != translated:
            raise ModerationError(
                Reason.TRANSLATION_FIGURES,
                official=", ".join(sorted(official.elements())) or "-",
                translated=", ".join(sorted(translated.elements())) or "-",
            )

    def confirm_translation(self, entry_id: int, language: Language | str, actor: str) -> Translation:
        """A moderator checked a stale translation against the current official text: current again."""
        state = self.translation_state(entry_id, language)
        if state.translation is None:
            raise ModerationError(Reason.NO_TRANSLATION, id=entry_id, language=state.language.value)
        if not state.stale:
            raise ModerationError(Reason.TRANSLATION_CURRENT, id=entry_id, language=state.language.value)
        try:
            return translations.confirm(self.store, state.entry, state.language, actor)
        except VersionConflict:
            raise ModerationError(Reason.CHANGED_BY_OTHER, id=entry_id) from None

    def missing_translations(self) -> dict[str, list[int]]:
        """Per language: ids of active entries without a current translation (none yet, or stale)."""
        stored = translations.all_translations(self.store)
        current = {(t.entry_id, t.language): t for t in stored if t.status == "current"}
        entries = self.store.entries()
        missing: dict[str, list[int]] = {}
        for language in TRANSLATED:
            missing[language.value] = []
            for entry in entries:
                if entry.note:
                    continue  # a note is never translated (see _refuse_note)
                found = current.get((entry.id or 0, language))
                if found is None or translations.is_stale(self.store, found, entry):
                    missing[language.value].append(entry.id or 0)
        return missing

    def undo(self, actor: str) -> list[Change]:
        try:
            return self.store.undo_last(actor)
        except NotFound:
            raise ModerationError(Reason.NOTHING_TO_UNDO) from None
        except RestoreIsFinal:
            raise ModerationError(Reason.RESTORE_IS_FINAL) from None
        except RestoredSince:
            raise ModerationError(Reason.UNDO_PAST_RESTORE) from None
        except LaterChange as error:
            raise ModerationError(Reason.CHANGED_AFTER_YOURS, id=error.object_id) from None
        except VersionConflict as error:
            raise ModerationError(Reason.CHANGED_BY_OTHER, id=getattr(error, "object_id", "?")) from None

    # --- review -------------------------------------------------------------------------------

    def review_groups(self, limit: int = 20) -> list[ReviewGroup]:
        """Open review items grouped by similarity, most asked first."""
        result = []
        for group in self._grouped_review_items()[:limit]:
            lead = max(group, key=lambda i: i.count)
            suggestion = self.similar_entries(lead.text, limit=1)
            result.append(
                ReviewGroup(
                    text=lead.text,
                    asked=lead.asked or lead.text,
                    count=sum(i.count for i in group),
                    item_ids=[i.id for i in group],
                    variants=[i.asked or i.text for i in group if i is not lead][:5],
                    suggestion=suggestion[0] if suggestion else None,
                )
            )
        return result

    def _grouped_review_items(self) -> list[list[ReviewItem]]:
        """Open questions grouped with the first of a group they are about the same thing as; commands
        and bare numbers queued by earlier versions are left out."""
        groups: list[tuple[frozenset[str], list[ReviewItem]]] = []
        for item in self.store.review_items("open"):
            if not is_question_for_review(item.asked or item.text):
                continue
            terms = frozenset(self.answers.matcher.analyse(item.text).terms)
            for lead_terms, group in groups:
                same = review_similarity(terms, lead_terms) >= REVIEW_SIMILARITY if terms else item.text == group[0].text
                if same:
                    group.append(item)
                    break
            else:
                groups.append((terms, [item]))
        return sorted((group for _, group in groups), key=lambda g: -sum(i.count for i in g))

    def review_group_of(self, item_id: int) -> list[int]:
        """The open items shown together with `item_id`: a moderator's decision on one is on all."""
        self._review_item(item_id)
        group = next((g for g in self._grouped_review_items() if any(i.id == item_id for i in g)), None)
        return [i.id for i in group] if group else [item_id]

    def attach_review(self, item_id: int, entry_id: int, actor: str) -> Entry:
        """Make an unanswered question, as asked, an alternate question of an entry; its group leaves the queue.
        A question already decided on (a second press, a stale card) is refused and keeps its decision."""
        item = self.open_review_item(item_id)
        group = self.review_group_of(item_id)
        # As the card shows it (case, accents and 'ў' kept, numbers masked), not the folded form it is grouped by.
        entry = self.add_alternate(entry_id, item.asked or item.text, actor)
        self.store.set_review_status(group, "attached", only_open=True)
        return entry

    def added_from_review(self, item_id: int) -> None:
        """A new entry was written for this question: its group leaves the queue."""
        self.store.set_review_status(self.review_group_of(item_id), "added", only_open=True)

    def dismiss_review(self, item_ids: list[int]) -> None:
        """Dismiss the open ones among these items; an item already attached or added stays so
        (a dismiss pressed on a stale card changes nothing and says why)."""
        for item_id in item_ids:
            self._review_item(item_id)
        if not self.store.set_review_status(item_ids, "dismissed", only_open=True):
            self.open_review_item(item_ids[0])  # raises: already decided on
            raise ModerationError(Reason.REVIEW_ALREADY_HANDLED)

    def open_review_item(self, item_id: int) -> ReviewItem:
        """The item, if no decision was taken on it yet (ModerationError otherwise)."""
        item = self._review_item(item_id)
        if item.status == "attached":
            raise ModerationError(Reason.REVIEW_ALREADY_ATTACHED)
        if item.status != "open":
            raise ModerationError(Reason.REVIEW_ALREADY_HANDLED)
        return item

    def review_item(self, item_id: int) -> ReviewItem:
        return self._review_item(item_id)

    def _review_item(self, item_id: int) -> ReviewItem:
        try:
            return self.store.review_item(item_id)
        except NotFound:
            raise ModerationError(Reason.NO_REVIEW_ITEM, id=item_id) from None

    # --- figures, export, restore -------------------------------------------------------------

    def stats(self, days: int = 14) -> Stats:
        summaries = self.answers.documents()
        per_day = self.store.question_stats()
        rows = []
        for day in sorted(per_day)[-days:]:
            counts = Counter(per_day[day])
            rows.append(
                DayCounts(
                    day=day,
                    answered=counts["answer"],
                    suggested=counts["suggest"],
                    unanswered=counts["no_answer"],
                    greetings=counts["greeting"],
                )
            )
        return Stats(
            documents=len(summaries),
            active_entries=sum(s.active_entries for s in summaries),
            retired_entries=sum(s.total_entries - s.active_entries for s in summaries),
            days=rows,
            feedback=self.store.feedback_counts(),
            # What /review and `review` list: the same questions, in the same groups.
            open_review_items=len(self._grouped_review_items()),
            missing_translations=self.missing_translations(),
            questions_per_language=self.store.question_languages(days),
        )

    def export(self) -> Export:
        return self.store.export()

    def plan_restore(self, data: bytes | str) -> tuple[Export, RestorePlan]:
        """The export checked as a restore checks it, and what restoring it would retire, change and
        add (a dry run: nothing is written)."""
        export = self._checked_export(data)
        try:
            return export, self.store.plan_restore(export)
        except ForeignExport as error:
            raise ModerationError(Reason.EXPORT_FROM_OTHER_STORE, documents=error.documents, entries=error.entries) from None

    def restore(self, data: bytes | str, actor: str, *, retiring_confirmed: bool = False) -> Export:
        """Replace the content with an export. One that would retire entries active now that it does not
        hold (an empty or much smaller export) is refused unless the moderator confirmed it after its dry
        run; entries the export itself has retired are its content, as any other change back."""
        export = self._checked_export(data)
        try:
            with self.store.db.atomic():
                plan = self.store.plan_restore(export)
                if plan.missing and not retiring_confirmed:
                    raise ModerationError(Reason.RESTORE_WOULD_RETIRE, count=len(plan.missing))
                self.store.restore(export, actor)
        except ForeignExport as error:
            raise ModerationError(Reason.EXPORT_FROM_OTHER_STORE, documents=error.documents, entries=error.entries) from None
        self.answers.reload()
        return export

    def _checked_export(self, data: bytes | str) -> Export:
        try:
            export = Export.model_validate_json(data)
        except ValidationError as error:
            if error.errors()[0]["type"] == "json_invalid":  # the parser's English reason means nothing to a moderator
                raise ModerationError(Reason.EXPORT_NOT_JSON) from None
            raise ModerationError(Reason.NOT_AN_EXPORT, detail=_first_error(error)) from None
        if export.schema_version > SCHEMA_VERSION:
            raise ModerationError(Reason.EXPORT_TOO_NEW, version=export.schema_version, supported=SCHEMA_VERSION)
        if problem := inconsistency(export.documents, export.entries, self._checking_sources(export)):
            raise ModerationError(problem.reason, **problem.values)
        return export

    def _checking_sources(self, export: Export) -> dict[str, SourceText]:
        """The sources an export's official entries are checked against: its own, and for a document it
        holds without one, the source this store keeps for that same document (id and key), which the
        restore keeps too; an export cannot shed a source to pass words off as the document's."""
        sources = dict(export.sources)
        kept = self.store.documents_by_key([d.key for d in export.documents if d.key not in sources])
        for document in export.documents:
            here = kept.get(document.key)
            if here is not None and here.id == document.id and (source := self.store.document_source(document.key)):
                sources[document.key] = source
        return sources


TRANSLATED = (Language.EN, Language.RU, Language.BE)


def _translation_language(language: Language | str) -> Language:
    try:
        chosen = Language(str(language).lower())
    except ValueError:
        chosen = None
    if chosen is None or chosen not in TRANSLATED:
        raise ModerationError(Reason.TRANSLATION_LANGUAGE, language=str(language)[:10])
    return chosen


def _refuse_note(entry: Entry) -> None:
    """A moderator's note is not translated. A translation is shown as the unofficial rendering of the
    official Dutch text, which stands under it as the government's words; a note has none, so its
    translation would present a moderator's words in that place, or be hidden as the README says a
    note is ("in Dutch and untranslated"). An asker of another language is better served by a note
    written in their language, which is shown as it is."""
    if entry.note:
        raise ModerationError(Reason.NOTE_NOT_TRANSLATED)


def _phrasings(fields: dict[str, object]) -> list[str]:
    """The question and alternates an edit would set, to be checked against the other entries."""
    question = fields.get("question")
    try:
        alternates = _ALTERNATES.validate_python(fields.get("alternates") or [])
    except ValidationError as error:
        raise ModerationError(Reason.INVALID, detail=_first_error(error)) from None
    return ([str(question)] if question else []) + [a.text for a in alternates]


def _normal(question: str) -> str:
    return " ".join(tokens(fold(question)))


def _first_error(error: ValidationError) -> str:
    item = error.errors()[0]
    where = ".".join(str(p) for p in item["loc"])
    return f"{where}: {item['msg']}" if where else str(item["msg"])


def review_similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """The share of terms two questions have in common (Jaccard; a typo of a term is the term)."""
    if not first or not second:
        return 0.0

    def found(term: str) -> bool:
        return term in second or (len(term) >= 5 and any(fuzz.ratio(term, other) >= _TERM_TYPO for other in second))

    shared = min(sum(found(term) for term in first), len(second))
    return shared / (len(first) + len(second) - shared)
