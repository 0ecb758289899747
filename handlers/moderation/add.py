"""/add: question, official text, source document, alternates, preview with similar entries, save."""

from __future__ import annotations

import datetime as dt
import re
from contextlib import suppress

from pydantic import ValidationError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import CallbackQueryLimit
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.context import BotContext
from handlers.moderation.access import actor, moderation, texts
from handlers.moderation.flow import (
    END,
    Flow,
    clear,
    clipped,
    confirm_keyboard,
    confirmation,
    draft,
    say,
)
from handlers.render import escape
from interface.documents import document_labels
from interface.plain import suggestion_title
from knowledge.models import AlternateQuestion, Author, Document, DocumentKind
from knowledge.moderation import MAX_MANUAL_TEXT, DocumentDraft, EntryDraft, ModerationError
from knowledge.reasons import Reason

QUESTION, TEXT, SOURCE, NEW_DOCUMENT, ALTERNATES, CONFIRM = range(6)
TEXT_INPUT = filters.TEXT & ~filters.COMMAND


async def start(update: Update, context: BotContext) -> int:
    clear(context)
    draft(context)
    await say(update, escape(texts(update, context).add_question))
    return QUESTION


async def from_review(update: Update, context: BotContext) -> int:
    """The 'new entry' button of /review: the unanswered question becomes the draft's question."""
    query = update.callback_query
    assert query is not None and query.data
    item_id = int(query.data.rsplit(":", 1)[1])
    current = draft(context)
    if current.get("review_item") == item_id and "text" not in current:
        await query.answer()  # pressed twice: the flow it started is waiting for the text already
        return TEXT
    try:
        item = moderation(context).open_review_item(item_id)
    except ModerationError as error:
        await query.answer(
            texts(update, context).reason(error)[: CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH], show_alert=True
        )
        return END
    await query.answer()
    clear(context)
    # The question as the asker wrote it (case and accents kept, long numbers masked).
    draft(context).update(question=item.asked or item.text, review_item=item_id)
    await say(update, escape(texts(update, context).add_text.format(limit=MAX_MANUAL_TEXT)))
    return TEXT


async def got_question(update: Update, context: BotContext) -> int:
    question = " ".join((update.effective_message.text or "").split()) if update.effective_message else ""
    if len(question) < 3:
        await say(update, escape(texts(update, context).add_question))
        return QUESTION
    try:
        moderation(context).refuse_existing_question(question)
    except ModerationError as error:
        await say(update, escape(texts(update, context).add_exists.format(reason=texts(update, context).reason(error))))
        return QUESTION
    draft(context)["question"] = question
    await say(update, escape(texts(update, context).add_text.format(limit=MAX_MANUAL_TEXT)))
    return TEXT


async def got_text(update: Update, context: BotContext) -> int:
    t = texts(update, context)
    text = (update.effective_message.text or "").strip() if update.effective_message else ""
    if not text or len(text) > MAX_MANUAL_TEXT:
        await say(update, escape(t.add_text.format(limit=MAX_MANUAL_TEXT)))
        return TEXT
    try:  # told now, not after the document and the alternate questions have been typed in vain
        moderation(context).refuse_existing_text(text)
    except ModerationError as error:
        await say(update, escape(t.add_text_exists.format(reason=t.reason(error))))
        return TEXT
    draft(context)["text"] = text
    await say(update, escape(t.add_source), _source_keyboard(update, context, t.button_new_document))
    return SOURCE


def _source_keyboard(update: Update, context: BotContext, new_document: str) -> InlineKeyboardMarkup:
    """One button per stored document, each told apart from the others (an undated one by its kind and
    its authors, reference or first words), and one to describe a new document."""
    documents = [s.document for s in context.answers.documents()]
    labels = document_labels(documents, context.texts(update), lambda d: _opening(context, d))
    rows = [
        [InlineKeyboardButton(label, callback_data=f"m:src:{document.id}")]
        for document, label in zip(documents, labels, strict=True)
    ]
    rows.append([InlineKeyboardButton(new_document, callback_data="m:src:new")])
    return InlineKeyboardMarkup(rows)


def _opening(context: BotContext, document: Document) -> str | None:
    """The text of the document's first official entry: its first words stand for it in a label."""
    return next((e.text for e in context.answers.entries_of(document.key) if not e.note), None)


async def got_source(update: Update, context: BotContext) -> int:
    query = update.callback_query
    assert query is not None
    await query.answer()
    t = texts(update, context)
    choice = (query.data or "").rsplit(":", 1)[1]
    if choice == "new":
        await say(update, t.add_new_document)
        return NEW_DOCUMENT
    document = next((s.document for s in context.answers.documents() if str(s.document.id) == choice), None)
    if document is None:
        await say(update, escape(t.add_source))
        return SOURCE
    draft(context)["document_key"] = document.key
    await say(update, escape(t.add_alternates))
    return ALTERNATES


async def got_new_document(update: Update, context: BotContext) -> int:
    t = texts(update, context)
    text = update.effective_message.text if update.effective_message else ""
    try:
        document = parse_document_description(text or "")
    except (ModerationError, ValueError, ValidationError) as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))) + "\n\n" + t.add_new_document)
        return NEW_DOCUMENT
    try:
        moderation(context).new_document(document)
    except ModerationError as error:  # the store has this document already: choose it instead
        refusal = escape(t.not_saved.format(reason=t.reason(error)))
        await say(update, refusal + "\n\n" + escape(t.add_source), _source_keyboard(update, context, t.button_new_document))
        return SOURCE
    draft(context)["new_document"] = document
    await say(update, escape(t.add_alternates))
    return ALTERNATES


async def got_alternates(update: Update, context: BotContext) -> int:
    lines = (update.effective_message.text or "").splitlines() if update.effective_message else []
    draft(context)["alternates"] = [
        AlternateQuestion(text=line.strip(), language=context.answers.phrasing_language(line))
        for line in lines
        if len(line.strip()) >= 3
    ]
    return await _preview(update, context)


async def skip_alternates(update: Update, context: BotContext) -> int:
    draft(context)["alternates"] = []
    return await _preview(update, context)


def _entry_draft(current: dict[str, object]) -> EntryDraft:
    return EntryDraft.model_validate(
        {
            "document_key": current.get("document_key"),
            "new_document": current.get("new_document"),
            "question": current["question"],
            "text": current["text"],
            "alternates": current.get("alternates", []),
        }
    )


async def _preview(update: Update, context: BotContext) -> int:
    """The draft as it would be saved: official with its number in the document, or a moderator's
    note with the reason it cannot be official; nothing is saved before the moderator confirms."""
    t = texts(update, context)
    current = draft(context)
    try:
        plan = moderation(context).plan_entry(_entry_draft(current))
    except (ModerationError, ValidationError) as error:
        clear(context)
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    current["note"] = plan.note
    document = current.get("new_document")
    # A new document with the key it will get: a second one of the same day shows its own.
    document_label = (
        f"{document.title} ({moderation(context).new_document(document).key})"
        if document
        else current.get("document_key", "?")
    )
    similar = moderation(context).similar_entries(str(current["question"]))
    verdict = (
        t.add_will_be_note.format(reason=escape(t.reason(ModerationError(plan.why_note, key=document_label))))
        if plan.note and plan.why_note
        else t.add_will_be_note.format(reason="-")
        if plan.note
        else escape(t.add_will_be_official.format(number=" & ".join(map(str, plan.numbers or [plan.number or 0]))))
    )
    lines = [
        t.add_preview.format(
            question=clipped(str(current["question"]), 400),
            document=clipped(str(document_label), 200),
            alternates=clipped("; ".join(a.text for a in current.get("alternates", [])) or "-", 400),
            text=clipped(str(current["text"]), 2500),
        ),
        "",
        verdict,
        "",
        escape(t.similar_heading if similar else t.no_similar),
    ]
    lines += [escape(f"#{m.entry_id} {suggestion_title(m, 100)}") for m in similar]
    keyboard = confirm_keyboard(update, context, t.button_save_note if plan.note else None)
    await say(update, "\n".join(lines), keyboard)
    return CONFIRM


async def confirm(update: Update, context: BotContext) -> int:
    if (ended := await confirmation(update, context)) is not None:
        return ended
    t = texts(update, context)
    current = draft(context)
    try:
        # What the preview promised, or nothing: a note stays a note, an official entry official.
        entry_draft = _entry_draft(current).model_copy(update={"note": bool(current.get("note"))})
        entry = moderation(context).add_entry(entry_draft, actor(update))
    except (ModerationError, ValidationError) as error:
        clear(context)
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    if current.get("review_item"):
        with suppress(ModerationError):  # purged meanwhile: the entry is saved all the same
            moderation(context).added_from_review(current["review_item"])
    clear(context)
    done = t.saved_note if entry.note else t.saved
    await say(update, escape(done.format(id=entry.id, key=entry.key, version=entry.version)))
    return END


_FIELDS = {
    "soort": "kind",
    "kind": "kind",
    "datum": "date",
    "date": "date",
    "titel": "title",
    "title": "title",
    "auteurs": "authors",
    "authors": "authors",
    "nummer": "number",
    "number": "number",
    "referentie": "citation",
    "reference": "citation",
    "link": "url",
    "url": "url",
    "onderwerp": "subject",
    "subject": "subject",
}


def parse_document_description(text: str) -> DocumentDraft:
    """'kind: kamerbrief / date: 2024-05-01 / title: ... / authors: Name (Role); ...' → a draft."""
    values: dict[str, object] = {}
    for line in text.splitlines():
        m = re.match(r"^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$", line)
        if not m or m.group(1).lower() not in _FIELDS:
            continue
        field, value = _FIELDS[m.group(1).lower()], m.group(2)
        if field == "kind":
            try:
                values[field] = DocumentKind(value.lower().replace(" ", ""))
            except ValueError:
                raise ModerationError(Reason.UNKNOWN_KIND, value=value[:40]) from None
        elif field == "date":
            try:
                values[field] = dt.date.fromisoformat(value)
            except ValueError:
                raise ModerationError(Reason.INVALID_DATE, value=value[:40]) from None
        elif field == "authors":
            values[field] = [_author(part) for part in value.split(";") if part.strip()]
        elif field == "url" and not re.match(r"^https?://[^\s<>\"]+$", value):
            raise ModerationError(Reason.INVALID_FIELD, field=m.group(1).lower())
        else:
            values[field] = value
    if "kind" not in values or "title" not in values:
        raise ModerationError(Reason.KIND_AND_TITLE_REQUIRED)
    try:
        return DocumentDraft.model_validate(values)
    except ValidationError as error:  # a field by the name the moderator typed, not pydantic's English
        typed = {model: typed for typed, model in _FIELDS.items() if typed in text.lower()}
        field = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else "?"
        raise ModerationError(Reason.INVALID_FIELD, field=typed.get(field, field)) from None


def _author(text: str) -> Author:
    m = re.match(r"^\s*(.+?)\s*\((.+)\)\s*$", text)
    return Author(name=m.group(1), role=m.group(2)) if m else Author(name=text.strip())


def add_flow() -> Flow:
    return Flow(
        entry_points=[
            CommandHandler("add", start, filters=filters.ChatType.PRIVATE),
            CallbackQueryHandler(from_review, pattern=r"^m:rn:\d{1,9}$"),
        ],
        states={
            QUESTION: [MessageHandler(TEXT_INPUT, got_question)],
            TEXT: [MessageHandler(TEXT_INPUT, got_text)],
            SOURCE: [CallbackQueryHandler(got_source, pattern=r"^m:src:(\d{1,9}|new)$")],
            NEW_DOCUMENT: [MessageHandler(TEXT_INPUT, got_new_document)],
            ALTERNATES: [CommandHandler("skip", skip_alternates), MessageHandler(TEXT_INPUT, got_alternates)],
            CONFIRM: [CallbackQueryHandler(confirm, pattern=r"^m:(ok|no)$")],
        },
    )
