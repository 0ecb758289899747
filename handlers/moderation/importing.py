"""/import (or just sending a file, or `/import <official id or link>`): read it with the same parser
as the shipped sources, preview, confirm."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.context import BotContext
from handlers.moderation.access import actor, is_moderator, moderation, texts
from handlers.moderation.flow import (
    END,
    Flow,
    clear,
    confirm_keyboard,
    confirmation,
    draft,
    say,
)
from handlers.render import escape
from interface.previews import fetch_refusal, render_preview
from interface.texts import texts_for
from interface.texts.moderator import ImportTexts, import_texts
from knowledge.ingest.importers import DocumentRejected, QuestionsOnly, read_document
from knowledge.ingest.publications import FetchError, PublicationSource, looks_like_reference
from knowledge.ingest.sourcetext import source_of_upload
from knowledge.models import ParsedDocument, SourceText
from knowledge.moderation import ModerationError
from knowledge.reasons import Reason

WAIT_FILE, CONFIRM = range(20, 22)
PRIVATE_DOCUMENT = filters.ChatType.PRIVATE & filters.Document.ALL


async def start(update: Update, context: BotContext) -> int:
    clear(context)
    reference = " ".join(context.args or []).strip()
    if reference:
        return await _fetch_and_preview(update, context, reference)
    await say(update, escape(texts(update, context).import_send_file))
    return WAIT_FILE


def _import_texts(update: Update, context: BotContext) -> ImportTexts:
    return import_texts(context.language(update))


async def _fetch_and_preview(update: Update, context: BotContext, reference: str) -> int:
    """`/import ah-tk-20202021-3341` or an official link: the official XML, fetched and previewed."""
    settings = context.services.settings
    source = PublicationSource(
        base_url=settings.publications_base_url,
        timeout_seconds=settings.publications_timeout_seconds,
        max_bytes=settings.max_upload_bytes,
    )
    t, it = texts(update, context), _import_texts(update, context)
    try:
        fetched = await asyncio.to_thread(source.fetch_with_source, reference)
    except FetchError as error:
        await say(update, escape(t.not_saved.format(reason=fetch_refusal(error, it, reference))))
        return END
    except QuestionsOnly:
        await say(update, escape(it.questions_only))
        return END
    except DocumentRejected as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    limit = settings.max_upload_bytes
    return await _preview(update, context, fetched.parsed, source_of_upload(fetched.xml, fetched.file_name, limit))


async def _preview(update: Update, context: BotContext, parsed: ParsedDocument, source: SourceText | None) -> int:
    """The preview with Save / Cancel, or the reason this document is not imported."""
    t = texts(update, context)
    preview = moderation(context).preview_import(parsed)
    if preview.duplicate_of:
        duplicate = ModerationError(Reason.ALREADY_IN_STORE, key=preview.duplicate_of)
        await say(update, escape(t.not_saved.format(reason=t.reason(duplicate))))
        return END
    clear(context)
    draft(context)["parsed"] = preview.parsed
    draft(context)["source"] = source
    language = context.language(update)
    text = render_preview(preview, _import_texts(update, context), escape, texts_for(language))
    await say(update, text, confirm_keyboard(update, context))
    return CONFIRM


async def got_file(update: Update, context: BotContext) -> int:
    """A document in a private chat: moderators get an import preview, everyone else a hint."""
    message = update.effective_message
    if message is None or message.document is None:
        return END
    if not is_moderator(update, context):
        await message.reply_text(escape(context.texts(update).not_text))
        return END
    t = texts(update, context)
    limit = context.services.settings.max_upload_bytes
    document = message.document
    if document.file_size is not None and document.file_size > limit:
        too_large = ModerationError(Reason.FILE_TOO_LARGE, limit=limit)
        await say(update, escape(t.not_saved.format(reason=t.reason(too_large))))
        return END
    try:
        telegram_file = await context.bot.get_file(document.file_id)
        data = bytes(await telegram_file.download_as_bytearray())
        parsed = read_document(data, document.file_name or "upload", max_bytes=limit)
    except QuestionsOnly:
        await say(update, escape(_import_texts(update, context).questions_only))
        return END
    except DocumentRejected as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    except TelegramError:
        await say(update, escape(t.not_saved.format(reason=t.reason(ModerationError(Reason.DOWNLOAD_FAILED)))))
        return END
    return await _preview(update, context, parsed, source_of_upload(data, document.file_name or "upload", limit))


async def got_reference_or_wait(update: Update, context: BotContext) -> int:
    """After /import, an official id or link is fetched; any other text repeats what to send."""
    message = update.effective_message
    text = (message.text or "").strip() if message else ""
    if looks_like_reference(text) and " " not in text:
        return await _fetch_and_preview(update, context, text)
    return await waiting_for_file(update, context)


async def waiting_for_file(update: Update, context: BotContext) -> int:
    await say(update, escape(texts(update, context).import_send_file))
    return WAIT_FILE


async def confirm(update: Update, context: BotContext) -> int:
    if (ended := await confirmation(update, context)) is not None:
        return ended
    t = texts(update, context)
    parsed = draft(context).get("parsed")
    source = draft(context).get("source")
    clear(context)
    if parsed is None:
        await say(update, escape(t.nothing_to_cancel))
        return END
    try:
        document, entries = moderation(context).commit_import(parsed, actor(update), source)
    except ModerationError as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    done = t.import_done.format(key=document.key, entries=t.entries(len(entries)))
    if document.key != parsed.document.key:  # another moderator's document of that day took the previewed key
        done += "\n" + _import_texts(update, context).rekeyed.format(previewed=parsed.document.key, key=document.key)
    await say(update, escape(done))
    return END


def import_flow() -> Flow:
    return Flow(
        entry_points=[
            CommandHandler("import", start, filters=filters.ChatType.PRIVATE),
            MessageHandler(PRIVATE_DOCUMENT, got_file),
        ],
        states={
            WAIT_FILE: [
                MessageHandler(PRIVATE_DOCUMENT, got_file),
                MessageHandler(filters.TEXT & ~filters.COMMAND, got_reference_or_wait),
            ],
            CONFIRM: [CallbackQueryHandler(confirm, pattern=r"^m:(ok|no)$")],
        },
    )
