"""Anything that is not a text question: a one-line hint instead of silence."""

from __future__ import annotations

from telegram import Update

from handlers.context import BotContext
from handlers.render import escape
from handlers.replies import reply


async def not_text(update: Update, context: BotContext) -> None:
    if update.effective_message:
        await reply(update.effective_message, escape(context.texts(update).not_text))
