"""The error handler: log what failed (never message text or ids at INFO and up), tell the user briefly."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut

from handlers.context import BotContext
from handlers.render import escape

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    kind = _update_kind(update)
    if isinstance(error, Forbidden):
        logger.info("A user blocked the bot or left the chat (%s)", kind)
        return
    if isinstance(error, (RetryAfter, TimedOut, NetworkError)):
        logger.warning("Telegram was unreachable or limited us while handling a %s: %s", kind, type(error).__name__)
        return
    logger.error("Unhandled %s while handling a %s", type(error).__name__, kind, exc_info=error)
    if isinstance(update, Update) and update.effective_chat and update.effective_message and not update.inline_query:
        try:
            await context.bot.send_message(update.effective_chat.id, escape(context.texts(update).error))
        except Exception as notify_error:  # noqa: BLE001 - never let the error handler fail
            logger.warning("Could not tell the user about the error: %s", type(notify_error).__name__)


def _update_kind(update: object) -> str:
    if not isinstance(update, Update):
        return "job or unknown update"
    for kind in ("message", "edited_message", "callback_query", "inline_query", "channel_post", "my_chat_member"):
        if getattr(update, kind, None) is not None:
            return kind
    return "update"
