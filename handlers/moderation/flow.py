"""Shared pieces of the moderators' conversations: the draft in memory, confirm buttons, /cancel."""

from __future__ import annotations

import warnings
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ConversationHandler
from telegram.warnings import PTBUserWarning

from handlers.context import BotContext
from handlers.moderation.access import texts
from handlers.render import escape

DRAFT = "moderator_draft"
CONFIRM_PATTERN = r"^m:(ok|no)$"
END = ConversationHandler.END
#: An abandoned flow is forgotten after this many seconds.
TIMEOUT = 1800


def draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})  # type: ignore[no-any-return]


def clear(context: BotContext) -> None:
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)


def confirm_keyboard(update: Update) -> InlineKeyboardMarkup:
    t = texts(update)
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.button_save, callback_data="m:ok"), InlineKeyboardButton(t.button_cancel, callback_data="m:no")]]
    )


async def say(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(text, reply_markup=keyboard)


async def cancel(update: Update, context: BotContext) -> int:
    """/cancel, or the Cancel button: forget the draft, change nothing."""
    had_draft = bool(context.user_data and context.user_data.get(DRAFT))
    clear(context)
    t = texts(update)
    if update.callback_query:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)
    await say(update, escape(t.cancelled if had_draft else t.nothing_to_cancel))
    return END


def conversation(**kwargs: Any) -> ConversationHandler:  # type: ignore[type-arg]
    """A moderator flow, per user and chat: its buttons belong to that one open flow, so PTB's
    per_message advice does not apply (and its warning is silenced)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return ConversationHandler(allow_reentry=True, conversation_timeout=TIMEOUT, **kwargs)


async def timed_out(update: Update, context: BotContext) -> None:
    clear(context)
