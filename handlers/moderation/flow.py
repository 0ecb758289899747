"""Shared pieces of the moderators' conversations: the draft in memory, confirm buttons, /cancel."""

from __future__ import annotations

import re
import warnings
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ConversationHandler
from telegram.warnings import PTBUserWarning

from handlers.context import BotContext
from handlers.moderation.access import texts
from handlers.render import escape

DRAFT = "moderator_draft"
END = ConversationHandler.END
#: An abandoned flow is forgotten after this many seconds.
TIMEOUT = 1800


def draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})  # type: ignore[no-any-return]


def clear(context: BotContext) -> None:
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)


def clipped(text: str, limit: int) -> str:
    """`text` escaped for HTML in at most `limit` characters: cut with '…', never inside an entity,
    so that a long official text cannot make Telegram refuse the whole message."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    return re.sub(r"&[#a-z0-9]*$", "", escaped[: limit - 1]) + "…"


def confirm_keyboard(update: Update, context: BotContext, save_label: str | None = None) -> InlineKeyboardMarkup:
    t = texts(update, context)
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(save_label or t.button_save, callback_data="m:ok"),
                InlineKeyboardButton(t.button_cancel, callback_data="m:no"),
            ]
        ]
    )


async def say(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(text, reply_markup=keyboard)


async def cancel(update: Update, context: BotContext) -> int:
    """/cancel, or the Cancel button, inside a flow: forget the draft, change nothing."""
    clear(context)
    if update.callback_query:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)
    await say(update, escape(texts(update, context).cancelled))
    return END


async def nothing_to_cancel(update: Update, context: BotContext) -> None:
    """/cancel outside any flow (an open flow catches its own /cancel first)."""
    await say(update, escape(texts(update, context).nothing_to_cancel))


async def confirmation(update: Update, context: BotContext) -> int | None:
    """The Save or Cancel press under a preview: END when refused or cancelled, None to go on and save."""
    query = update.callback_query
    assert query is not None
    if query.data == "m:no":
        return await cancel(update, context)
    await query.answer()
    await query.edit_message_reply_markup(None)
    return None


def conversation(**kwargs: Any) -> ConversationHandler:  # type: ignore[type-arg]
    """A moderator flow, per user and chat: its buttons belong to that one open flow, so PTB's
    per_message advice does not apply (and its warning is silenced)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return ConversationHandler(allow_reentry=True, conversation_timeout=TIMEOUT, **kwargs)


async def timed_out(update: Update, context: BotContext) -> None:
    clear(context)
