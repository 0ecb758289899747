"""The error handler: log what failed (never message text or ids at INFO and up), tell the user briefly."""

from __future__ import annotations

import logging
import traceback
from contextlib import suppress

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from handlers.context import BotContext
from handlers.render import escape

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    kind = _update_kind(update)
    if isinstance(error, Forbidden):
        logger.info("A user blocked the bot or left the chat (%s)", kind)
        return
    if isinstance(error, (RetryAfter, NetworkError)) and not isinstance(error, BadRequest):
        logger.warning("Telegram was unreachable or limited us while handling a %s: %s", kind, type(error).__name__)
        return
    log_failure(logger, f"Unhandled error while handling a {kind}", error or RuntimeError("no error given"))
    if isinstance(update, Update) and not update.inline_query:
        try:
            await _tell_user(update, context)
        except Exception as notify_error:  # noqa: BLE001 - never let the error handler fail
            logger.warning("Could not tell the user about the error: %s", type(notify_error).__name__)


async def _tell_user(update: Update, context: BotContext) -> None:
    """The short error text in the chat; a pressed button gets it as its answer too (else it keeps spinning)."""
    text = context.texts(update).error
    if update.callback_query is not None:
        with suppress(BadRequest):  # the handler had answered it already
            await update.callback_query.answer(text)
    if update.effective_chat and update.effective_message:
        await context.bot.send_message(update.effective_chat.id, escape(text))


def log_failure(log: logging.Logger, what: str, error: BaseException) -> None:
    """ERROR with the exception types and where they were raised, but not their messages: those may
    quote a user's text or name a chat (ChatMigrated carries the new chat id). DEBUG has it all."""
    log.error("%s: %s", what, describe_failure(error))
    log.debug("%s, in full:", what, exc_info=error)


def describe_failure(error: BaseException) -> str:
    """Each exception of the chain, outermost first, as its type and its stack frames."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = f"{type(current).__module__}.{type(current).__qualname__}"
        parts.append(name + "\n" + "".join(traceback.format_tb(current.__traceback__)).rstrip())
        current = current.__cause__ or current.__context__
    return "\ncaused by ".join(parts)


def _update_kind(update: object) -> str:
    if not isinstance(update, Update):
        return "job or unknown update"
    for kind in ("message", "edited_message", "callback_query", "inline_query", "channel_post", "my_chat_member"):
        if getattr(update, kind, None) is not None:
            return kind
    return "update"
