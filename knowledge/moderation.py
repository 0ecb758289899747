"""What moderators do to the store, checked once for every front end (Telegram and command line).

Every operation validates first and writes second, in one transaction, through the store's audited
methods; a refusal raises ModerationError with a message a moderator can act on and changes nothing.
The answer service sees every change before its next answer (it follows the store's revision).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from rapidfuzz import fuzz

from knowledge import translations
from knowledge.analysis import fold, tokens
from knowledge.migrations import SCHEMA_VERSION
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
    Translation,
)
from knowledge.parsing import document_key
from knowledge.service import AnswerService
from knowledge.store import Change, DuplicateDocument, Export, FeedbackCount, NotFound, ReviewItem, VersionConflict

#: Longest text a moderator may type or paste as one entry: one Telegram message with its citation.
MAX_MANUAL_TEXT = 3500
REVIEW_SIMILARITY = 82
_ALTERNATES = TypeAdapter(list[AlternateQuestion])


class ModerationError(Exception):
    """A refused change; the store is unchanged."""


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
    """A new entry: its question, official text, source and alternate phrasings."""

    document_key: str | None = None
    new_document: DocumentDraft | None = None
    question: str = Field(min_length=3, max_length=1000)
    text: str = Field(min_length=1, max_length=MAX_MANUAL_TEXT)
    question_is_official: bool = False
    alternates: list[AlternateQuestion] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    language: Language = Language.NL
    translations: dict[Language, TranslationDraft] = Field(
        default_factory=dict, description="Unofficial translations (en, ru, be) of the question and text."
    )


class TranslationState(BaseModel):
    """An entry's translation into one language as a moderator sees it: the Dutch beside it."""

    entry: Entry
    language: Language
    translation: Translation | None
    stale: bool


class ImportPreview(BaseModel):
    parsed: ParsedDocument
    duplicate_of: str | None = None
    warnings: list[str] = Field(default_factory=list)


class ReviewGroup(BaseModel):
    """Similar unanswered questions, counted together (no person, no chat)."""

    text: str
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

    def add_entry(self, draft: EntryDraft, actor: str) -> Entry:
        self.refuse_existing_question(draft.question, *(a.text for a in draft.alternates))
        with self.store.db.atomic():
            if draft.new_document is not None:
                document = self._create_document(draft.new_document, actor)
            elif draft.document_key:
                document = self._document(draft.document_key)
            else:
                raise ModerationError("choose an existing document or describe a new one")
            number = self.store.next_entry_number(document.key)
            try:
                entry = Entry(
                    key=f"{document.key}/{number}",
                    document_key=document.key,
                    number=number,
                    question=draft.question.strip(),
                    question_is_official=draft.question_is_official,
                    text=draft.text.strip(),
                    alternates=draft.alternates,
                    topics=draft.topics,
                    language=draft.language,
                )
            except ValidationError as error:
                raise ModerationError(_first_error(error)) from None
            # With translations, one batch: a single /undo takes the entry and its translations back.
            batch = uuid.uuid4().hex if draft.translations else None
            stored = self.store.add_entry(entry, actor, batch=batch)
            for language, item in draft.translations.items():
                self.save_translation(stored.id or 0, language, item.text, item.question, actor, batch=batch)
            return stored

    def _create_document(self, draft: DocumentDraft, actor: str) -> Document:
        key = document_key(draft.kind, draft.date, draft.number, None)
        if self.store.has_document(key):
            raise ModerationError(f"a document {key} already exists; add the entry to it instead")
        try:
            document = Document(key=key, **draft.model_dump())
        except ValidationError as error:
            raise ModerationError(_first_error(error)) from None
        stored, _ = self.store.add_document(ParsedDocument(document=document, entries=[]), actor)
        return stored

    def _document(self, key: str) -> Document:
        try:
            return self.store.document(key)
        except NotFound:
            raise ModerationError(f"there is no document {key}") from None

    def refuse_existing_question(self, *questions: str, except_entry: int | None = None) -> None:
        """ModerationError when an active entry already has one of these questions or alternates
        (a moderator is told as soon as the question is typed)."""
        wanted = {_normal(q) for q in questions}
        for entry in self.store.entries():
            if entry.id == except_entry:
                continue
            phrasings = ([entry.question] if entry.question else []) + [a.text for a in entry.alternates]
            if any(_normal(p) in wanted for p in phrasings):
                raise ModerationError(f"this question already exists: entry {entry.id} ({entry.key})")

    # --- importing ----------------------------------------------------------------------------

    def preview_import(self, parsed: ParsedDocument) -> ImportPreview:
        """What an import would add, and whether the document is already in the store."""
        active, total = self.store.entry_counts().get(parsed.document.key, (0, 0))
        duplicate = parsed.document.key if active else self._same_text_as(parsed)
        warnings = []
        if total and not active:
            warnings.append(f"replaces the withdrawn document {parsed.document.key} (all its entries were retired)")
        if parsed.document.date is None:
            warnings.append("no date found in the document")
        if not parsed.document.authors:
            warnings.append("no authors found in the document")
        return ImportPreview(parsed=parsed, duplicate_of=duplicate, warnings=warnings)

    def _same_text_as(self, parsed: ParsedDocument) -> str | None:
        """A document still in use whose entries have exactly the same texts, under whatever key."""
        texts = [e.text for e in parsed.entries]
        for summary in self.answers.documents():
            if summary.active_entries:
                existing = [e.text for e in self.store.entries(status=None, document_key=summary.document.key)]
                if existing == texts:
                    return summary.document.key
        return None

    def commit_import(self, parsed: ParsedDocument, actor: str) -> tuple[Document, list[Entry]]:
        """Store a parsed document and all its entries at once, or nothing."""
        preview = self.preview_import(parsed)
        if preview.duplicate_of:
            raise ModerationError(f"this document is already in the store as {preview.duplicate_of}")
        try:
            return self.store.add_document(parsed, actor)
        except DuplicateDocument as error:
            raise ModerationError(str(error)) from None

    # --- editing ------------------------------------------------------------------------------

    def entry(self, entry_id: int) -> Entry:
        try:
            return self.store.entry(entry_id)
        except NotFound:
            raise ModerationError(f"there is no entry {entry_id}") from None

    def edit_entry(self, entry_id: int, expected_version: int, actor: str, **fields: object) -> Entry:
        allowed = {"question", "text", "topics", "alternates", "language"}
        unknown = set(fields) - allowed
        if unknown:
            raise ModerationError(f"cannot edit {', '.join(sorted(unknown))}")
        current = self.entry(entry_id)
        if "text" in fields and len(str(fields["text"])) > max(MAX_MANUAL_TEXT, len(current.text)):
            raise ModerationError(f"the text is longer than {MAX_MANUAL_TEXT} characters; split it into several entries")
        self.refuse_existing_question(*_phrasings(fields), except_entry=entry_id)
        try:
            return self.store.update_entry(entry_id, expected_version, actor, **fields)
        except VersionConflict as error:
            raise ModerationError(str(error)) from None
        except ValidationError as error:
            raise ModerationError(_first_error(error)) from None

    def add_alternate(self, entry_id: int, text: str, actor: str, language: Language | None = None) -> Entry:
        entry = self.entry(entry_id)
        if not entry.is_active:
            raise ModerationError(f"entry {entry_id} is retired; /restore it first")
        text = " ".join(text.split())
        if len(text) < 3:
            raise ModerationError("the alternate question is too short")
        self.refuse_existing_question(text)
        if language is None:
            detected = self.answers.matcher.analyzer.analyse(text).language
            language = Language(detected)
        alternates = [*entry.alternates, AlternateQuestion(text=text, language=language)]
        return self.edit_entry(entry_id, entry.version, actor, alternates=alternates)

    def set_status(self, entry_id: int, status: EntryStatus, actor: str) -> Entry:
        entry = self.entry(entry_id)
        if entry.status is status:
            raise ModerationError(f"entry {entry_id} is already {status.value}")
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
        if not entry.is_active:
            raise ModerationError(f"entry {entry_id} is retired; /restore it first")
        text = text.strip()
        if not text:
            raise ModerationError("the translation is empty")
        if len(text) > max(MAX_MANUAL_TEXT * 2, len(entry.text) * 3):
            raise ModerationError("the translation is much longer than the official text; check what was pasted")
        if question is None:
            existing = translations.translation(self.store, entry_id, language)
            question = existing.question if existing else None
        try:
            return translations.save(
                self.store, entry, language, text, question, actor, expected_version=expected_version, batch=batch
            )
        except VersionConflict as error:
            raise ModerationError(str(error)) from None
        except ValidationError as error:
            raise ModerationError(_first_error(error)) from None

    def confirm_translation(self, entry_id: int, language: Language | str, actor: str) -> Translation:
        """A moderator checked a stale translation against the current official text: current again."""
        state = self.translation_state(entry_id, language)
        if state.translation is None:
            raise ModerationError(f"entry {entry_id} has no {state.language.value} translation")
        if not state.stale:
            raise ModerationError(f"the {state.language.value} translation of entry {entry_id} is already current")
        try:
            return translations.confirm(self.store, state.entry, state.language, actor)
        except VersionConflict as error:
            raise ModerationError(str(error)) from None

    def missing_translations(self) -> dict[str, list[int]]:
        """Per language: ids of active entries without a current translation (none yet, or stale)."""
        stored = translations.all_translations(self.store)
        current = {(t.entry_id, t.language): t for t in stored if t.status == "current"}
        entries = self.store.entries()
        missing: dict[str, list[int]] = {}
        for language in TRANSLATED:
            missing[language.value] = []
            for entry in entries:
                found = current.get((entry.id or 0, language))
                if found is None or translations.is_stale(self.store, found, entry):
                    missing[language.value].append(entry.id or 0)
        return missing

    def undo(self, actor: str) -> list[Change]:
        try:
            return self.store.undo_last(actor)
        except NotFound as error:
            raise ModerationError(str(error)) from None
        except VersionConflict as error:
            raise ModerationError(str(error)) from None

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
                    count=sum(i.count for i in group),
                    item_ids=[i.id for i in group],
                    variants=[i.text for i in group if i is not lead][:5],
                    suggestion=suggestion[0] if suggestion else None,
                )
            )
        return result

    def _grouped_review_items(self) -> list[list[ReviewItem]]:
        groups: list[list[ReviewItem]] = []
        for item in self.store.review_items("open"):
            for group in groups:
                if fuzz.token_set_ratio(item.text, group[0].text) >= REVIEW_SIMILARITY:
                    group.append(item)
                    break
            else:
                groups.append([item])
        return sorted(groups, key=lambda g: -sum(i.count for i in g))

    def review_group_of(self, item_id: int) -> list[int]:
        """The open items shown together with `item_id`: a moderator's decision on one is on all."""
        self._review_item(item_id)
        group = next((g for g in self._grouped_review_items() if any(i.id == item_id for i in g)), None)
        return [i.id for i in group] if group else [item_id]

    def attach_review(self, item_id: int, entry_id: int, actor: str) -> Entry:
        """Make an unanswered question an alternate question of an entry; its group leaves the queue."""
        item = self._review_item(item_id)
        group = self.review_group_of(item_id)
        entry = self.add_alternate(entry_id, item.text, actor)
        self.store.set_review_status(group, "attached")
        return entry

    def added_from_review(self, item_id: int) -> None:
        """A new entry was written for this question: its group leaves the queue."""
        self.store.set_review_status(self.review_group_of(item_id), "added")

    def dismiss_review(self, item_ids: list[int]) -> None:
        for item_id in item_ids:
            self._review_item(item_id)
        self.store.set_review_status(item_ids, "dismissed")

    def review_item(self, item_id: int) -> ReviewItem:
        return self._review_item(item_id)

    def _review_item(self, item_id: int) -> ReviewItem:
        try:
            return self.store.review_item(item_id)
        except NotFound:
            raise ModerationError(f"there is no review item {item_id}") from None

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
            open_review_items=len(self.store.review_items("open")),
            missing_translations=self.missing_translations(),
            questions_per_language=self.store.question_languages(days),
        )

    def export(self) -> Export:
        return self.store.export()

    def restore(self, data: bytes | str, actor: str) -> Export:
        try:
            export = Export.model_validate_json(data)
        except ValidationError as error:
            raise ModerationError(f"not a Standpunt export: {_first_error(error)}") from None
        if export.schema_version > SCHEMA_VERSION:
            raise ModerationError(
                f"the export was written by a newer Standpunt (schema {export.schema_version} > {SCHEMA_VERSION})"
            )
        self.store.restore(export, actor)
        self.answers.reload()
        return export


TRANSLATED = (Language.EN, Language.RU, Language.BE)


def _translation_language(language: Language | str) -> Language:
    try:
        chosen = Language(str(language).lower())
    except ValueError:
        chosen = None
    if chosen is None or chosen not in TRANSLATED:
        raise ModerationError(f"translations are into en, ru or be, not {language!r}")
    return chosen


def _phrasings(fields: dict[str, object]) -> list[str]:
    """The question and alternates an edit would set, to be checked against the other entries."""
    question = fields.get("question")
    try:
        alternates = _ALTERNATES.validate_python(fields.get("alternates") or [])
    except ValidationError as error:
        raise ModerationError(_first_error(error)) from None
    return ([str(question)] if question else []) + [a.text for a in alternates]


def _normal(question: str) -> str:
    return " ".join(tokens(fold(question)))


def _first_error(error: ValidationError) -> str:
    item = error.errors()[0]
    where = ".".join(str(p) for p in item["loc"])
    return f"{where}: {item['msg']}" if where else str(item["msg"])
