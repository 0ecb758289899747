"""/add: question, official text, source document, alternates, preview with similar entries, save."""

from __future__ import annotations

import datetime as dt
import re
from contextlib import suppress

from pydantic import ValidationError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters

from bot.plain import suggestion_title
from handlers.context import BotContext
from handlers.moderation.access import actor, guard, moderation, texts
from handlers.moderation.flow import (
    END,
    cancel,
    clear,
    clipped,
    confirm_keyboard,
    confirmation,
    conversation,
    draft,
    say,
    timed_out,
)
from handlers.render import escape
from knowledge.models import AlternateQuestion, Author, DocumentKind, Language
from knowledge.moderation import MAX_MANUAL_TEXT, DocumentDraft, EntryDraft, ModerationError

QUESTION, TEXT, SOURCE, NEW_DOCUMENT, ALTERNATES, CONFIRM = range(6)
TEXT_INPUT = filters.TEXT & ~filters.COMMAND


async def start(update: Update, context: BotContext) -> int:
    if not await guard(update, context):
        return END
    clear(context)
    draft(context)
    await say(update, escape(texts(update).add_question))
    return QUESTION


async def from_review(update: Update, context: BotContext) -> int:
    """The 'new entry' button of /review: the unanswered question becomes the draft's question."""
    if not await guard(update, context):
        return END
    query = update.callback_query
    assert query is not None and query.data
    item_id = int(query.data.rsplit(":", 1)[1])
    try:
        item = moderation(context).review_item(item_id)
    except ModerationError as error:
        await query.answer(str(error)[:200], show_alert=True)
        return END
    await query.answer()
    clear(context)
    draft(context).update(question=item.text, review_item=item_id)
    await say(update, escape(texts(update).add_text.format(limit=MAX_MANUAL_TEXT)))
    return TEXT


async def got_question(update: Update, context: BotContext) -> int:
    question = " ".join((update.effective_message.text or "").split()) if update.effective_message else ""
    if len(question) < 3:
        await say(update, escape(texts(update).add_question))
        return QUESTION
    try:
        moderation(context).refuse_existing_question(question)
    except ModerationError as error:
        await say(update, escape(texts(update).add_exists.format(reason=error)))
        return QUESTION
    draft(context)["question"] = question
    await say(update, escape(texts(update).add_text.format(limit=MAX_MANUAL_TEXT)))
    return TEXT


async def got_text(update: Update, context: BotContext) -> int:
    t = texts(update)
    text = (update.effective_message.text or "").strip() if update.effective_message else ""
    if not text or len(text) > MAX_MANUAL_TEXT:
        await say(update, escape(t.add_text.format(limit=MAX_MANUAL_TEXT)))
        return TEXT
    draft(context)["text"] = text
    rows = [
        [InlineKeyboardButton(f"{s.document.date or ''} {s.document.subject or s.document.title}"[:60], callback_data=f"m:src:{s.document.id}")]
        for s in context.answers.documents()
    ]
    rows.append([InlineKeyboardButton(t.button_new_document, callback_data="m:src:new")])
    await say(update, escape(t.add_source), InlineKeyboardMarkup(rows))
    return SOURCE


async def got_source(update: Update, context: BotContext) -> int:
    query = update.callback_query
    assert query is not None
    if not await guard(update, context):
        return END
    await query.answer()
    t = texts(update)
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
    t = texts(update)
    text = update.effective_message.text if update.effective_message else ""
    try:
        document = parse_document_description(text or "")
    except (ValueError, ValidationError) as error:
        await say(update, escape(t.not_saved.format(reason=str(error).splitlines()[0])) + "\n\n" + t.add_new_document)
        return NEW_DOCUMENT
    draft(context)["new_document"] = document
    await say(update, escape(t.add_alternates))
    return ALTERNATES


async def got_alternates(update: Update, context: BotContext) -> int:
    lines = (update.effective_message.text or "").splitlines() if update.effective_message else []
    analyzer = context.answers.matcher.analyzer
    draft(context)["alternates"] = [
        AlternateQuestion(text=line.strip(), language=Language(analyzer.analyse(line).language))
        for line in lines
        if len(line.strip()) >= 3
    ]
    return await _preview(update, context)


async def skip_alternates(update: Update, context: BotContext) -> int:
    draft(context)["alternates"] = []
    return await _preview(update, context)


async def _preview(update: Update, context: BotContext) -> int:
    t = texts(update)
    current = draft(context)
    document = current.get("new_document")
    document_label = document.title if document else current.get("document_key", "?")
    similar = moderation(context).similar_entries(current["question"])
    lines = [
        t.add_preview.format(
            question=clipped(current["question"], 400),
            document=clipped(str(document_label), 200),
            alternates=clipped("; ".join(a.text for a in current.get("alternates", [])) or "-", 400),
            text=clipped(current["text"], 2500),
        ),
        "",
        escape(t.similar_heading if similar else t.no_similar),
    ]
    lines += [escape(f"#{m.entry_id} {suggestion_title(m, 100)}") for m in similar]
    await say(update, "\n".join(lines), confirm_keyboard(update))
    return CONFIRM


async def confirm(update: Update, context: BotContext) -> int:
    if (ended := await confirmation(update, context)) is not None:
        return ended
    t = texts(update)
    current = draft(context)
    try:
        entry = moderation(context).add_entry(
            EntryDraft(
                document_key=current.get("document_key"),
                new_document=current.get("new_document"),
                question=current["question"],
                text=current["text"],
                alternates=current.get("alternates", []),
            ),
            actor(update),
        )
    except (ModerationError, ValidationError) as error:
        clear(context)
        await say(update, escape(t.not_saved.format(reason=str(error).splitlines()[0])))
        return END
    if current.get("review_item"):
        with suppress(ModerationError):  # purged meanwhile: the entry is saved all the same
            moderation(context).added_from_review(current["review_item"])
    clear(context)
    await say(update, escape(t.saved.format(id=entry.id, key=entry.key, version=entry.version)))
    return END


_FIELDS = {
    "soort": "kind", "kind": "kind", "datum": "date", "date": "date", "titel": "title", "title": "title",
    "auteurs": "authors", "authors": "authors", "nummer": "number", "number": "number",
    "referentie": "citation", "reference": "citation", "link": "url", "url": "url",
    "onderwerp": "subject", "subject": "subject",
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
            values[field] = DocumentKind(value.lower().replace(" ", ""))
        elif field == "date":
            values[field] = dt.date.fromisoformat(value)
        elif field == "authors":
            values[field] = [_author(part) for part in value.split(";") if part.strip()]
        else:
            values[field] = value
    if "kind" not in values or "title" not in values:
        raise ValueError("kind and title are required")
    return DocumentDraft.model_validate(values)


def _author(text: str) -> Author:
    m = re.match(r"^\s*(.+?)\s*\((.+)\)\s*$", text)
    return Author(name=m.group(1), role=m.group(2)) if m else Author(name=text.strip())


def add_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    return conversation(
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
            ConversationHandler.TIMEOUT: [MessageHandler(filters.ALL, timed_out)],
        },
        fallbacks=[CommandHandler("cancel", cancel), CallbackQueryHandler(cancel, pattern=r"^m:no$")],
        name="add",
    )
