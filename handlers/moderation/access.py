"""Who is a moderator, and the polite refusal for everyone else (also for forged buttons)."""

from __future__ import annotations

from telegram import Update

from handlers.context import BotContext
from handlers.render import escape
from interface.texts.moderator import ModeratorTexts, moderator_texts
from knowledge.moderation import Moderation


def is_moderator(update: Update, context: BotContext) -> bool:
    user = update.effective_user
    return user is not None and context.services.is_moderator(user.id)


def actor(update: Update) -> str:
    """How the audit trail names a moderator: their Telegram id (moderators are staff, not users)."""
    user = update.effective_user
    return f"telegram:{user.id}" if user else "telegram:unknown"


def texts(update: Update, context: BotContext) -> ModeratorTexts:
    """In the same language as every other reply (BotContext.language), so that a moderator (or a
    refused user) reads one language throughout."""
    return moderator_texts(context.language(update), context.services.settings.default_language)


def moderation(context: BotContext) -> Moderation:
    return Moderation(context.answers)


async def refuse(update: Update, context: BotContext) -> None:
    """Nothing changes; the user is told once, briefly."""
    message = texts(update, context).refused
    if update.callback_query:
        await update.callback_query.answer(message, show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(escape(message))


async def guard(update: Update, context: BotContext) -> bool:
    """True for a moderator; otherwise refuses and returns False."""
    if is_moderator(update, context):
        return True
    await refuse(update, context)
    return False
