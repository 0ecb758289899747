"""Which handler gets which update: the whole routing table in one place."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, InlineQueryHandler, MessageHandler, filters

from handlers import buttons, commands, inline, other, questions
from handlers.errors import on_error

MESSAGES = filters.UpdateType.MESSAGES  # new and edited messages alike
PRIVATE = filters.ChatType.PRIVATE


def register_handlers(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
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
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & MESSAGES & filters.TEXT & ~filters.COMMAND, questions.group_text))
    application.add_handler(MessageHandler(PRIVATE & filters.COMMAND, commands.unknown_command))
    application.add_handler(MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & ~filters.TEXT, other.not_text))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_error_handler(on_error)  # type: ignore[arg-type]
