"""A fake Telegram Bot API server for end-to-end tests of the bot with python-telegram-bot.

    async with FakeBotApi() as api:
        app = ApplicationBuilder().token(api.token).base_url(api.base_url) \
            .base_file_url(api.base_file_url).build()
        ...
        user = api.user(1001, "Anna")
        api.send_text(user, "/start")
        [reply] = await api.wait_for_messages(user["id"], 1)
"""

from .errors import ApiError
from .records import InjectedFault, RecordedCall, UploadedFile
from .server import BOT_USERNAME, DEFAULT_TOKEN, FAULT_KINDS, FakeBotApi
from .telegram_html import parse_telegram_html, strip_telegram_html, utf16_len, validate_telegram_html

__all__ = [
    "BOT_USERNAME",
    "DEFAULT_TOKEN",
    "FAULT_KINDS",
    "ApiError",
    "FakeBotApi",
    "InjectedFault",
    "RecordedCall",
    "UploadedFile",
    "parse_telegram_html",
    "strip_telegram_html",
    "utf16_len",
    "validate_telegram_html",
]
