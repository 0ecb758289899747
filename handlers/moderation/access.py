"""Who is a moderator, and the polite refusal for everyone else (also for forged buttons)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackQueryHandler, CommandHandler, filters

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


#: Runs after the flood limit and before the routing table: no moderator handler sees anyone else.
MODERATOR_GATE_GROUP = -1
MODERATOR_COMMANDS = (
    "add", "edit", "translate", "alias", "retire", "restore", "history", "undo", "import", "review", "stats", "export",
    "cancel",
)


async def refuse_and_stop(update: Update, context: BotContext) -> None:
    await refuse(update, context)
    raise ApplicationHandlerStop


async def refuse_foreign_button(update: Update, context: BotContext) -> None:
    """A moderator's button ('m:…') pressed by anyone else (forged or forwarded): refused."""
    if not is_moderator(update, context):
        await refuse_and_stop(update, context)


def register_moderator_gate(application: Application[Any, Any, Any, Any, Any, Any], moderator_ids: frozenset[int]) -> None:
    """Moderator commands from anyone not in MODERATOR_IDS (a user filter built from the settings)
    and moderators' buttons pressed by anyone else are refused here, before any moderator handler."""
    not_moderator = ~filters.User(user_id=moderator_ids)
    private = filters.UpdateType.MESSAGES & filters.ChatType.PRIVATE
    application.add_handler(
        CommandHandler(MODERATOR_COMMANDS, refuse_and_stop, filters=private & not_moderator), group=MODERATOR_GATE_GROUP
    )
    application.add_handler(CallbackQueryHandler(refuse_foreign_button, pattern=r"^m:"), group=MODERATOR_GATE_GROUP)
