"""Long polling with backpressure: fetch a small batch, answer all of it, then confirm it.

python-telegram-bot's own polling fetches as fast as Telegram delivers and queues without limit,
confirming each batch as soon as it is fetched. Here the next getUpdates, which confirms the
previous batch to Telegram, is only sent once that batch has been handled, so:
- memory stays bounded however many updates are waiting (a flood waits at Telegram, not here);
- the time from getUpdates to the answer stays bounded by one small batch, even in a burst;
- a crash or restart never loses a fetched-but-unanswered update; at worst a batch is re-delivered.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Update
from telegram.error import Conflict, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

logger = logging.getLogger(__name__)

#: Updates fetched (and handled) at once: small enough to bound the wait, large enough for throughput.
BATCH = 25
LONG_POLL_SECONDS = 10
MAX_BACKOFF = 30.0


def _seconds(value: Any) -> float:
    """RetryAfter.retry_after: a timedelta under PTB_TIMEDELTA (bot/__init__.py), else seconds."""
    return float(value.total_seconds() if hasattr(value, "total_seconds") else value)


class Poller:
    """Runs beside a started Application; `stop()` ends it after the batch in hand."""

    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], *, batch: int = BATCH, timeout: int = LONG_POLL_SECONDS
    ) -> None:
        self.application = application
        self.batch = batch
        self.timeout = timeout
        self.offset: int | None = None
        self.ready = asyncio.Event()
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        """Poll until stopped; then confirm what was handled, so a restart does not repeat it."""
        bot = self.application.bot
        await bot.delete_webhook(drop_pending_updates=False)
        self.ready.set()
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                updates = await self._fetch()
            except RetryAfter as error:
                await self._pause(_seconds(error.retry_after))
                continue
            except (TimedOut, NetworkError, Conflict) as error:
                logger.warning("Fetching updates failed (%s); retrying in %.0f s", type(error).__name__, backoff)
                await self._pause(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            backoff = 1.0
            if updates:
                await self._handle(updates)
                self.offset = updates[-1].update_id + 1
        await self._confirm()

    async def _fetch(self) -> tuple[Update, ...]:
        """One long poll that ends early when stopping is requested."""
        fetch: asyncio.Future[Any] = asyncio.ensure_future(
            self.application.bot.get_updates(
                offset=self.offset, limit=self.batch, timeout=self.timeout, allowed_updates=Update.ALL_TYPES
            )
        )
        stopping: asyncio.Future[Any] = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait([fetch, stopping], return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetch.done():
            fetch.cancel()
            return ()
        updates: tuple[Update, ...] = fetch.result()
        return updates

    async def _handle(self, updates: tuple[Update, ...]) -> None:
        """Hand the batch to the application and wait until every update of it has been handled."""
        queue = self.application.update_queue
        for update in updates:
            await queue.put(update)
        await queue.join()

    async def _confirm(self) -> None:
        if self.offset is None:
            return
        try:
            await self.application.bot.get_updates(offset=self.offset, limit=1, timeout=0)
        except (TimedOut, NetworkError) as error:
            logger.warning("Could not confirm the last updates (%s); they may be delivered again", type(error).__name__)

    async def _pause(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)
        except TimeoutError:
            pass
