"""The flood limit as the first handler group: every update a user makes the bot act on counts,
whether it is a question, a command, a button press or an inline query, before any handler runs."""

from __future__ import annotations

from typing import Any

from telegram import Message, MessageEntity, Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from handlers.context import BotContext
from handlers.guard import Verdict
from handlers.render import escape
from handlers.replies import reply

#: Runs before the routing table (group 0), so a flooded update reaches no handler at all.
FLOOD_GROUP = -2


class AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to it: the only ones the bot answers there."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        target = f"@{bot.username}".lower()
        return any(value.lower() == target for value in message.parse_entities([MessageEntity.MENTION]).values())


ADDRESSED_TO_BOT = AddressedToBot(name="addressed_to_bot")
#: Messages the bot acts on: everything in a private chat, commands anywhere, and group messages
#: addressed to it. Other group chatter is ignored by the bot and so does not count either.
ACTED_ON = filters.UpdateType.MESSAGES & (filters.ChatType.PRIVATE | filters.COMMAND | ADDRESSED_TO_BOT)


async def check_flood(update: Update, context: BotContext) -> None:
    """Let the update through, or stop it: one polite notice when the limit is first passed, then silence."""
    user = update.effective_user
    if user is None or context.services.is_moderator(user.id):
        return  # moderators are staff at work: an import or an /add flow is many messages in a row
    guard = context.services.inline_flood if update.inline_query else context.services.flood
    verdict = guard.check(user.id)
    if verdict is Verdict.ALLOW:
        return
    if verdict is Verdict.WARN:
        await _notice(update, context)
    raise ApplicationHandlerStop


async def _notice(update: Update, context: BotContext) -> None:
    notice = context.texts(update).flood
    if update.callback_query:
        await update.callback_query.answer(notice)
    elif update.effective_message:
        await reply(update.effective_message, escape(notice))


def register_flood_check(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    for handler in (
        MessageHandler(ACTED_ON, check_flood),
        CallbackQueryHandler(check_flood),
        InlineQueryHandler(check_flood),
    ):
        application.add_handler(handler, group=FLOOD_GROUP)

