"""/translate <id> <en|ru|be>: show the official Dutch text and the current translation, take the new
translation, preview it, save it on confirmation; or confirm a stale translation as current."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
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
from knowledge.moderation import ModerationError, split_question

TEXT, CONFIRM = range(30, 32)
CONFIRM_STALE = "m:tc"


async def start(update: Update, context: BotContext) -> int:
    t = texts(update, context)
    args = context.args or []
    if len(args) != 2 or not re.fullmatch(r"\d{1,9}", args[0]):
        await say(update, escape(t.translate_usage))
        return END
    try:
        state = moderation(context).translation_state(int(args[0]), args[1])
    except ModerationError as error:
        await say(update, escape(t.refusal(error)))
        return END
    clear(context)
    found = state.translation
    draft(context).update(id=state.entry.id, language=state.language.value, version=found.version if found else 0)
    status = t.translate_none if found is None else (t.translate_stale if state.stale else t.translate_current)
    dutch = ((state.entry.question or "") + "\n\n" if state.entry.question else "") + state.entry.text
    current = ((f"Q: {found.question}\n" if found.question else "") + found.text) if found else "-"
    message = t.translate_show.format(
        id=state.entry.id,
        language=state.language.value,
        dutch=clipped(dutch, 1700),
        state=escape(status),
        current=clipped(current, 1700),
    )
    keyboard = None
    if found is not None and state.stale:
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton(t.button_confirm_translation, callback_data=CONFIRM_STALE)]]
        )
    await say(update, message, keyboard)
    return TEXT


async def text(update: Update, context: BotContext) -> int:
    raw = (update.effective_message.text or "") if update.effective_message else ""
    question, body = split_question(raw)
    current = draft(context)
    if not body:
        await say(update, escape(texts(update, context).translate_usage))
        return TEXT
    t = texts(update, context)
    try:
        moderation(context).check_translation(current["id"], body, question, current["language"])
    except ModerationError as error:
        await say(update, escape(t.refusal(error)))
        return TEXT
    current.update(question=question, text=body)
    preview = t.translate_preview.format(
        language=current["language"], id=current["id"], question=clipped(question or "-", 500), text=clipped(body, 3000)
    )
    await say(update, preview, confirm_keyboard(update, context))
    return CONFIRM


async def save(update: Update, context: BotContext) -> int:
    if (ended := await confirmation(update, context)) is not None:
        return ended
    t = texts(update, context)
    current = draft(context)
    clear(context)
    try:
        saved = moderation(context).save_translation(
            current["id"],
            current["language"],
            current["text"],
            current["question"],
            actor(update),
            expected_version=current["version"],
        )
    except ModerationError as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    await say(
        update,
        escape(t.translation_saved.format(language=saved.language.value, id=saved.entry_id, version=saved.version)),
    )
    return END


async def confirm_stale(update: Update, context: BotContext) -> int:
    """The stale translation was checked against the current official text and still holds."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_reply_markup(None)
    t = texts(update, context)
    current = draft(context)
    clear(context)
    try:
        moderation(context).confirm_translation(current["id"], current["language"], actor(update))
    except ModerationError as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    await say(update, escape(t.translation_confirmed.format(language=current["language"], id=current["id"])))
    return END


def translate_flow() -> Flow:
    return Flow(
        entry_points=[CommandHandler("translate", start, filters=filters.ChatType.PRIVATE)],
        states={
            TEXT: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, text),
                CallbackQueryHandler(confirm_stale, pattern=r"^m:tc$"),
            ],
            CONFIRM: [CallbackQueryHandler(save, pattern=r"^m:(ok|no)$")],
        },
    )
