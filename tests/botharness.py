"""The real python-telegram-bot Application, long polling against the fake Bot API on 127.0.0.1.

    async with running_bot() as bot:
        user = bot.api.user(1001, "Anna")
        bot.api.send_text(user, "Is er een meldpunt?")
        [reply] = await bot.api.wait_for_messages(user["id"], 1)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fakebotapi import FakeBotApi

from bot.app import BotApplication, build_application
from bot.lifecycle import serving
from bot.settings import Settings
from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.storage.store import Store


@dataclass
class RunningBot:
    api: FakeBotApi
    app: BotApplication
    service: AnswerService
    settings: Settings

    async def ask(self, user: dict[str, Any], text: str, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Send a text as `user` in their private chat and wait for `count` replies."""
        self.api.send_text(user, text)
        return await self.api.wait_for_messages(user["id"], count, timeout=timeout)


def test_settings(api: FakeBotApi, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": api.token,
        "telegram_base_url": api.base_url,
        "telegram_base_file_url": api.base_file_url,
        "rate_limiter": False,
        "inline_debounce_seconds": 0.0,
    }
    values.update(overrides)
    return Settings(**values)


@asynccontextmanager
async def running_bot(service: AnswerService | None = None, **overrides: Any) -> AsyncIterator[RunningBot]:
    """Start the fake API and the bot; stop both, the bot first, when the block ends."""
    async with FakeBotApi() as api:
        if service is None:
            store = Store.in_memory()
            seed_store(store)
            service = AnswerService(store)
        settings = test_settings(api, **overrides)
        app = build_application(settings, service)
        async with serving(app, poll_timeout=1):
            yield RunningBot(api=api, app=app, service=service, settings=settings)
