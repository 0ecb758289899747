"""Questions: any text in a private chat, /ask anywhere, and mentions of or replies to the bot in groups."""

from __future__ import annotations

import re

from telegram import Update

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
    """A group message that mentions the bot or replies to it (handlers.throttle.ADDRESSED_TO_BOT
    routes only those here): the question is the text without the mention."""
    message = update.effective_message
    if message is None or not message.text:
        return
    username = context.services.username or context.bot.username
    question = re.sub(re.escape(f"@{username}"), " ", message.text, flags=re.IGNORECASE).strip()
    await answer_question(update, context, question)
