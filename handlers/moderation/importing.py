"""/import (or just sending a file): read it with the same parser as the shipped sources, preview, confirm."""

from __future__ import annotations

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters

from bot.texts.moderator import ModeratorTexts
from handlers.context import BotContext
from handlers.moderation.access import actor, guard, is_moderator, moderation, texts
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
from knowledge.importers import DocumentRejected, read_document
from knowledge.moderation import ImportPreview, ModerationError
from knowledge.reasons import ENGLISH, Reason, rejection
from knowledge.sourcetext import source_of_upload

WAIT_FILE, CONFIRM = range(20, 22)
PRIVATE_DOCUMENT = filters.ChatType.PRIVATE & filters.Document.ALL


async def start(update: Update, context: BotContext) -> int:
    if not await guard(update, context):
        return END
    clear(context)
    await say(update, escape(texts(update, context).import_send_file))
    return WAIT_FILE


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
    except DocumentRejected as error:
        reason, values = rejection(str(error))
        rejected = ModerationError(reason, **values)
        await say(update, escape(t.not_saved.format(reason=t.reason(rejected))))
        return END
    except TelegramError:
        await say(update, escape(t.not_saved.format(reason=t.reason(ModerationError(Reason.DOWNLOAD_FAILED)))))
        return END
    preview = moderation(context).preview_import(parsed)
    if preview.duplicate_of:
        duplicate = ModerationError(Reason.ALREADY_IN_STORE, key=preview.duplicate_of)
        await say(update, escape(t.not_saved.format(reason=t.reason(duplicate))))
        return END
    clear(context)
    draft(context)["parsed"] = parsed
    draft(context)["source"] = source_of_upload(data, document.file_name or "upload", limit)
    document_meta = parsed.document
    first = "\n".join(f"{e.number}. {e.text[:160]}" for e in parsed.entries[:3])
    text = t.import_preview.format(
        kind=escape(document_meta.kind.label),
        date=document_meta.date.isoformat() if document_meta.date else "?",
        authors=clipped(", ".join(a.describe() for a in document_meta.authors) or "?", 300),
        title=clipped(document_meta.title, 300),
        entries=t.entries(len(parsed.entries)),
        first=escape(first),
        warnings=escape("; ".join(_warnings(preview, t))),
    )
    await say(update, text, confirm_keyboard(update, context))  # every part is bounded: no cut that could split a tag
    return CONFIRM


def _warnings(preview: ImportPreview, t: ModeratorTexts) -> list[str]:
    """The preview's warnings in the moderator's language; any warning without a code as it is."""
    worded = [t.reason(ModerationError(n.reason, **n.values)) for n in preview.notices]
    coded = {ENGLISH[n.reason].format(**n.values) for n in preview.notices}
    return worded + [w for w in preview.warnings if w not in coded]


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
    await say(update, escape(t.import_done.format(key=document.key, entries=t.entries(len(entries)))))
    return END


def import_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    return conversation(
        entry_points=[CommandHandler("import", start, filters=filters.ChatType.PRIVATE), MessageHandler(PRIVATE_DOCUMENT, got_file)],
        states={
            WAIT_FILE: [MessageHandler(PRIVATE_DOCUMENT, got_file), MessageHandler(filters.TEXT & ~filters.COMMAND, waiting_for_file)],
            CONFIRM: [CallbackQueryHandler(confirm, pattern=r"^m:(ok|no)$")],
            ConversationHandler.TIMEOUT: [MessageHandler(filters.ALL, timed_out)],
        },
        fallbacks=[CommandHandler("cancel", cancel), CallbackQueryHandler(cancel, pattern=r"^m:no$")],
        name="import",
    )
