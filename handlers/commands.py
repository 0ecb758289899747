"""The everyday commands: /start, /help, /privacy, /topics, /sources, /language."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from handlers import callbacks
from handlers.browse import documents_view, sources_messages
from handlers.context import BotContext
from handlers.moderation.access import MODERATOR_COMMANDS, is_moderator
from handlers.moderation.access import texts as moderator_texts
from handlers.render import escape
from handlers.replies import reply
from interface.texts import LANGUAGES, texts_for
from interface.texts.moderator import ModeratorTexts


async def start(update: Update, context: BotContext) -> None:
    """What the bot is, whose words it quotes, and how to ask."""
    if update.effective_message:
        await reply(update.effective_message, context.texts(update).start)


async def help_command(update: Update, context: BotContext) -> None:
    if update.effective_message:
        username = escape(context.services.username or context.bot.username or "bot")
        shown = context.texts(update).help.format(bot=username)
        if update.effective_chat and update.effective_chat.type == "private" and is_moderator(update, context):
            shown += "\n\n" + moderator_help(moderator_texts(update, context))
        await reply(update.effective_message, shown)


def moderator_help(t: ModeratorTexts) -> str:
    """The moderator commands, for moderators only (in their private chat), as the command menu has them."""
    lines = [escape(t.help_moderator_heading)]
    lines += [f"/{name} — {escape(getattr(t, f'command_{name}'))}" for name in MODERATOR_COMMANDS]
    return "\n".join(lines)


async def privacy(update: Update, context: BotContext) -> None:
    """Exactly what is kept, for how long, and what is not."""
    if update.effective_message:
        days = context.services.settings.review_retention_days
        await reply(update.effective_message, context.texts(update).privacy.format(days=days))


async def topics(update: Update, context: BotContext) -> None:
    if update.effective_message:
        text, keyboard = documents_view(context.answers, context.texts(update))
        await reply(update.effective_message, text, keyboard)


async def sources(update: Update, context: BotContext) -> None:
    if update.effective_message:
        for part in sources_messages(context.answers, context.texts(update)):
            await reply(update.effective_message, part)


async def language(update: Update, context: BotContext) -> None:
    """Offer the interface languages; the choice is kept in memory only."""
    if update.effective_message:
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton(texts_for(code).language_name, callback_data=callbacks.language(code))] for code in LANGUAGES]
        )
        await reply(update.effective_message, escape(context.texts(update).language_prompt), keyboard)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command we do not have: say so and point to /help rather than guess."""
    if update.effective_message:
        await reply(update.effective_message, escape(context.texts(update).unknown_command))
