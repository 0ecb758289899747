"""Start the right front end: the Telegram bot when a token is set, otherwise the terminal chat."""

from __future__ import annotations

import asyncio
import logging
import signal
from pathlib import Path
from urllib.parse import urlparse

from telegram import Update

from bot.app import BotApplication
from bot.lifecycle import serving
from bot.settings import Settings

logger = logging.getLogger(__name__)


def run(settings: Settings, *, force_console: bool = False, database: Path | None = None) -> int:
    if force_console or settings.telegram_bot_token is None:
        from bot.console import run_console

        return run_console(settings, database=database)
    from bot.app import build_application
    from bot.startup import open_answers

    service = open_answers(database or settings.database_path, max_question_length=settings.max_question_length)
    application = build_application(settings, service)
    if settings.webhook_url:
        secret = settings.webhook_secret_token.get_secret_value() if settings.webhook_secret_token else None
        logger.info("Starting the bot with a webhook on %s:%d", settings.webhook_listen, settings.webhook_port)
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        logger.info("Starting the bot with long polling")
        asyncio.run(serve_polling(application))
    return 0


async def serve_polling(application: BotApplication) -> None:
    """Start the application, poll with backpressure until SIGTERM or SIGINT, then stop cleanly:
    the batch in hand is answered and confirmed, so a restart neither loses nor repeats it."""
    async with serving(application) as bot:
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, bot.poller.stop)
        await bot.stopped()
    logger.info("Stopped")
