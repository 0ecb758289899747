"""Calls to Telegram that are retried only when a retry cannot send the same answer twice.

Telegram may carry out a request and still fail to tell us, so an error is retried only when it
proves the request was not carried out:

* RetryAfter (429): Telegram refused it for flood control; wait `retry_after`, then retry.
* A NetworkError for an error status (5xx) that the Bot API answered with in its own JSON: the API
  reported that the method failed, so nothing was sent. (A page it could not parse, say a proxy's
  502, proves nothing about what happened behind it: not retried.)
* A connection that could not be made (refused, DNS, connect or pool timeout): nothing left us.
  (httpx or aiohttp, whichever client bot.app runs on: the same decision for the same failure.)

Not retried: TimedOut while waiting for the answer and connections dropped after the request was
written. Telegram may well have delivered the message then, and the user would see the same answer
twice; a lost answer can be asked again, a repeated one cannot be taken back. BadRequest,
Forbidden (the user blocked the bot) and everything else are not retried either: they would fail
the same way again.

This is the one owner of retries: the AIORateLimiter, when on, only paces requests (max_retries=0).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp
import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from handlers.telegram_request import PoolTimeout

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: Tries per call, the first included.
ATTEMPTS = 4
#: Longer flood waits are not sat out by a handler: the user is better served by silence.
MAX_RETRY_AFTER = 60.0
#: Back-off after a server error: 0.5 s, 1 s, 2 s (plus a little jitter so retries do not march).
BACKOFF = 0.5
#: Causes that prove nothing left us, from either HTTP client the bot can run on (handlers.telegram_request):
_CONNECT_TIMEOUTS = (httpx.ConnectTimeout, httpx.PoolTimeout, aiohttp.ConnectionTimeoutError, PoolTimeout)
_NOT_SENT = (httpx.ConnectError, aiohttp.ClientConnectorError, *_CONNECT_TIMEOUTS)

Sleep = Callable[[float], Awaitable[None]]


async def with_retry(call: Callable[[], Awaitable[T]], *, attempts: int = ATTEMPTS, sleep: Sleep = asyncio.sleep) -> T:
    """Run `call`, retrying it only after errors that prove Telegram did not carry it out."""
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except (RetryAfter, NetworkError) as error:
            delay = retry_delay(error, attempt)
            if delay is None or attempt == attempts:
                raise
            logger.warning("Telegram call failed (%s); retry %d in %.1f s", type(error).__name__, attempt, delay)
            await sleep(delay)
    raise AssertionError("unreachable: the last attempt returns or raises")


def retry_delay(error: Exception, attempt: int) -> float | None:
    """Seconds to wait before retrying after `error` on try number `attempt`; None: do not retry."""
    if isinstance(error, RetryAfter):
        seconds = retry_after_seconds(error)
        return seconds if seconds <= MAX_RETRY_AFTER else None
    if not_carried_out(error):
        return BACKOFF * 2.0 ** (attempt - 1) * random.uniform(1.0, 1.2)
    return None


def not_carried_out(error: Exception) -> bool:
    """True when the error proves the request did not reach Telegram or Telegram refused it."""
    if isinstance(error, BadRequest) or not isinstance(error, NetworkError):
        return False
    cause = error.__cause__
    if isinstance(error, TimedOut):
        return isinstance(cause, _CONNECT_TIMEOUTS)
    if cause is None:
        return True  # PTB raises a bare NetworkError for an error status (5xx) Telegram answered with
    return isinstance(cause, _NOT_SENT)


def retry_after_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after in seconds: a timedelta under PTB_TIMEDELTA (set in bot/__init__.py)."""
    value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)
