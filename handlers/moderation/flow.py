"""Shared pieces of the moderators' conversations: the draft in memory, confirm buttons, /cancel."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from handlers.context import BotContext
from handlers.moderation.access import texts
from handlers.render import escape

DRAFT = "moderator_draft"
#: The previews whose Save or Cancel was pressed (chat id, message id): a second press does nothing.
PRESSED = "moderator_pressed_previews"
PRESSED_KEPT = 20
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
    if update.callback_query and _pressed_before(update, context):
        await update.callback_query.answer(texts(update, context).button_stale)
        return END
    clear(context)
    if update.callback_query:
        await update.callback_query.answer()
        await drop_buttons(update.callback_query)
    await say(update, escape(texts(update, context).cancelled))
    return END


def _pressed_before(update: Update, context: BotContext) -> bool:
    """Whether this preview's Save or Cancel was pressed already, and from now on it has been. Decided
    before anything is awaited: a double tap reaches the bot as two updates handled at once."""
    query, user_data = update.callback_query, context.user_data
    if query is None or query.message is None or user_data is None:
        return False
    pressed: list[tuple[int, int]] = user_data.setdefault(PRESSED, [])
    key = (query.message.chat.id, query.message.message_id)
    if key in pressed:
        return True
    pressed.append(key)
    del pressed[:-PRESSED_KEPT]
    return False


async def drop_buttons(query: CallbackQuery) -> None:
    """Remove a preview's or card's buttons; already removed (a second press) is fine, not an error."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


async def nothing_to_cancel(update: Update, context: BotContext) -> None:
    """/cancel outside any flow (an open flow catches its own /cancel first)."""
    await say(update, escape(texts(update, context).nothing_to_cancel))


async def confirmation(update: Update, context: BotContext) -> int | None:
    """The Save or Cancel press under a preview: END when refused or cancelled, None to go on and save."""
    query = update.callback_query
    assert query is not None
    if query.data == "m:no":
        return await cancel(update, context)
    if _pressed_before(update, context):  # a double tap: the first press saves, this one changes nothing
        await query.answer(texts(update, context).button_stale)
        return END
    await query.answer()
    await drop_buttons(query)
    return None


Handlers = list[BaseHandler[Update, Any, Any]]


@dataclass(frozen=True)
class Flow:
    """One moderator flow's commands and states; all flows run in one conversation (`conversation`)."""

    entry_points: Handlers
    states: dict[object, Handlers] = field(default_factory=dict)


def conversation(*flows: Flow) -> ConversationHandler:  # type: ignore[type-arg]
    """All moderator flows as one conversation per user and chat: a flow's command while another flow
    waits (say /translate while /edit waits for a value) ends the waiting flow and starts the new one;
    two separate conversations would both stay open and share the one draft. The buttons belong to
    that one open flow, so PTB's per_message advice does not apply (and its warning is silenced)."""
    states: dict[object, Handlers] = {ConversationHandler.TIMEOUT: [MessageHandler(filters.ALL, timed_out)]}
    for flow in flows:
        for state, handlers in flow.states.items():
            if state in states:
                raise ValueError(f"two moderator flows use state {state!r}")
            states[state] = handlers
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[handler for flow in flows for handler in flow.entry_points],
            states=states,
            fallbacks=[CommandHandler("cancel", cancel), CallbackQueryHandler(cancel, pattern=r"^m:no$")],
            allow_reentry=True,
            conversation_timeout=TIMEOUT,
            name="moderator",
        )


async def timed_out(update: Update, context: BotContext) -> None:
    clear(context)
