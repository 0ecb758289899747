"""Which handler gets which update: the whole routing table in one place."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, InlineQueryHandler, MessageHandler, filters

from handlers import buttons, commands, inline, other, questions
from handlers.errors import on_error
from handlers.moderation import commands as moderator
from handlers.moderation.access import register_moderator_gate
from handlers.moderation.add import add_flow
from handlers.moderation.edit import edit_flow
from handlers.moderation.flow import conversation, nothing_to_cancel
from handlers.moderation.importing import import_flow
from handlers.moderation.translate import translate_flow
from handlers.throttle import ADDRESSED_TO_BOT, register_flood_check

MESSAGES = filters.UpdateType.MESSAGES  # new and edited messages alike
PRIVATE = filters.ChatType.PRIVATE


def register_handlers(application: Application[Any, Any, Any, Any, Any, Any], moderator_ids: frozenset[int]) -> None:
    register_flood_check(application)
    register_moderator_gate(application, moderator_ids)
    # Moderators' flows first: while one is open, the moderator's messages belong to it; one conversation
    # for all of them, so that a new flow's command ends the open one.
    application.add_handler(conversation(add_flow(), edit_flow(), translate_flow(), import_flow()))
    for name, callback in (
        ("alias", moderator.alias),
        ("retire", moderator.retire),
        ("restore", moderator.restore),
        ("history", moderator.history),
        ("undo", moderator.undo),
        ("stats", moderator.stats),
        ("export", moderator.export),
        ("review", moderator.review),
        ("cancel", nothing_to_cancel),
    ):
        # Private chats only: /export in a group would post the history (with moderators' ids) there.
        application.add_handler(CommandHandler(name, callback, filters=MESSAGES & PRIVATE))
    application.add_handler(CallbackQueryHandler(moderator.review_button, pattern=r"^m:r[ad]:"))
    application.add_handler(CallbackQueryHandler(moderator.stray_button, pattern=r"^m:"))
    for name, callback in (
        ("start", commands.start),
        ("help", commands.help_command),
        ("privacy", commands.privacy),
        ("topics", commands.topics),
        ("sources", commands.sources),
        ("language", commands.language),
        ("ask", questions.ask_command),
    ):
        application.add_handler(CommandHandler(name, callback, filters=MESSAGES))
    application.add_handler(MessageHandler(PRIVATE & MESSAGES & filters.TEXT & ~filters.COMMAND, questions.private_text))
    application.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & MESSAGES & filters.TEXT & ~filters.COMMAND & ADDRESSED_TO_BOT, questions.group_text
        )
    )
    application.add_handler(MessageHandler(PRIVATE & filters.COMMAND, commands.unknown_command))
    application.add_handler(MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & ~filters.TEXT, other.not_text))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_error_handler(on_error)
