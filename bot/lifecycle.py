"""The one lifecycle of a polling bot, used by the bot itself, the tests and the load benchmark."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.app import BotApplication
from bot.polling import LONG_POLL_SECONDS, Poller


@dataclass
class Serving:
    """A started application and its poller; `stopped` ends when polling has ended."""

    application: BotApplication
    poller: Poller
    polling: asyncio.Task[None]

    async def stopped(self) -> None:
        await self.polling


@asynccontextmanager
async def serving(application: BotApplication, *, poll_timeout: int = LONG_POLL_SECONDS) -> AsyncIterator[Serving]:
    """Initialise, start and poll; on leaving, stop polling after the batch in hand (confirming it,
    so a restart neither loses nor repeats it), stop the application and close its services."""
    poller = Poller(application, timeout=poll_timeout)
    async with application:  # initialize() now, shutdown() last
        if application.post_init:
            await application.post_init(application)
        await application.start()
        polling = asyncio.create_task(poller.run())
        try:
            ready = asyncio.create_task(poller.ready.wait())
            await asyncio.wait({ready, polling}, return_when=asyncio.FIRST_COMPLETED)
            ready.cancel()
            yield Serving(application, poller, polling)
        finally:
            poller.stop()
            await polling
            await application.stop()
            if application.post_shutdown:
                await application.post_shutdown(application)
