"""Questions: any text in a private chat, /ask anywhere, and mentions of or replies to the bot in groups."""

from __future__ import annotations

import re

from telegram import MessageEntity, Update

from handlers.context import BotContext
from handlers.replies import answer_question, reply


async def private_text(update: Update, context: BotContext) -> None:
    """In a private chat every text message (new or edited) is a question."""
    message = update.effective_message
    if message and message.text:
        await answer_question(update, context, message.text)


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask <question>: the way to ask in a group where the bot only sees commands."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await reply(message, context.texts(update).ask_usage)
        return
    await answer_question(update, context, question)


async def group_text(update: Update, context: BotContext) -> None:
    """In groups, answer only messages that mention the bot or reply to it; stay silent otherwise."""
    message = update.effective_message
    if message is None or not message.text:
        return
    username = context.services.username or context.bot.username
    replying_to_bot = bool(
        message.reply_to_message
        and message.reply_to_message.from_user
        and message.reply_to_message.from_user.id == context.bot.id
    )
    mentioned, question = _strip_mention(message.text, message.parse_entities([MessageEntity.MENTION]), username)
    if not (mentioned or replying_to_bot):
        return
    await answer_question(update, context, question)


def _strip_mention(text: str, mentions: dict[MessageEntity, str], username: str) -> tuple[bool, str]:
    """Whether the text mentions @username, and the text without that mention."""
    target = f"@{username}".lower()
    found = any(value.lower() == target for value in mentions.values())
    if not found:
        return False, text
    return True, re.sub(re.escape(f"@{username}"), " ", text, flags=re.IGNORECASE).strip()
