"""python-telegram-bot's BaseRequest on aiohttp: the same contract as its HTTPXRequest, less CPU.

Measured (benchmarks/RESULTS.md, "HTTP client"): httpcore checks every idle connection of its pool
with a poll() system call on every request and goes through anyio for every read and write;
aiohttp's connector hands out a pooled connection without either.

Behaviour kept from HTTPXRequest (telegram/request/_httpxrequest.py), on which handlers.sending
bases its retry decisions:

* Timeouts: the defaults 5 s read, 5 s write, 5 s connect, 1 s pool, 20 s media write, each replaced
  by the value passed to do_request unless that is DEFAULT_NONE; None means no limit. The read
  timeout bounds each wait for data (aiohttp's sock_read, started once the request is written), as
  httpx's does; getUpdates passes its own read timeout (long poll plus read timeout).
* A connection that could not be made (refused, DNS, TLS, connect timeout) or a free connection not
  found within the pool timeout raises with an aiohttp.ClientConnectorError, ConnectionTimeoutError
  or PoolTimeout (below) as __cause__: nothing left us, so it may be retried. Every other failure
  (dropped connection, read timeout, broken payload) may come after Telegram carried it out.
* TimedOut for timeouts, NetworkError for every other aiohttp error, "aiohttp.<Error>: ..." as text.
* Uploads: InputFile parts as multipart/form-data beside the other parameters, as httpx sends them.
* Every other call sends the same parameters as a JSON object (RequestData.json_payload, which PTB
  offers for this) instead of a form: the Bot API takes both ("application/json (except for
  uploading files)") and reads a string value, such as reply_markup's JSON, the same way in either;
  form-encoding a long answer cost ~0.2 ms per update (measured, RESULTS.md).
* POST is never resent by aiohttp itself (it retries only idempotent methods on a stale connection).

Not mirrored: aiohttp has no timeout per socket write. A request body that fits the socket buffer
(every JSON call) is written at once either way; this bot never uploads files, so the media write
timeout bounds the whole upload request instead (connect, write and read together), a looser bound.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

logger = logging.getLogger(__name__)
_JSON = {"Content-Type": "application/json"}


class PoolTimeout(TimeoutError):
    """No connection of the pool came free within the pool timeout: the request was not sent."""


def _sum(*parts: float | None) -> float | None:
    """A limit made of limits: no limit if any part has none."""
    return None if any(part is None for part in parts) else sum(part for part in parts if part is not None)


class AiohttpRequest(BaseRequest):
    """A pool of `connection_pool_size` keep-alive HTTP/1.1 connections to the Bot API."""

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_slots",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._slots: asyncio.Semaphore | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    def _build_session(self) -> aiohttp.ClientSession:
        # The pool's limit is kept here, with its own timeout as httpx has it (aiohttp's connector
        # would wait for a free connection within the connect timeout); the connector never waits.
        self._slots = asyncio.Semaphore(self._pool_size)
        connector = aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0, ttl_dns_cache=300)
        return aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets none; a jar would cost a lookup per call
            headers={"User-Agent": self.USER_AGENT},
            timeout=aiohttp.ClientTimeout(total=None),
            raise_for_status=False,
        )

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = self._build_session()

    async def shutdown(self) -> None:
        if self._session is None or self._session.closed:
            logger.debug("This AiohttpRequest is already shut down. Returning.")
            return
        await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None:  # usable before initialize(), as HTTPXRequest is; not after shutdown()
            session = self._session = self._build_session()
        elif session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        if isinstance(write_timeout, DefaultValue):
            write = self._write_timeout if not files else self._media_write_timeout
        else:
            write = write_timeout
        timeout = aiohttp.ClientTimeout(
            total=_sum(connect, write, read) if files else None, connect=connect, sock_connect=connect, sock_read=read
        )
        body: aiohttp.FormData | bytes | None = None
        headers = None
        if files:
            body = aiohttp.FormData(request_data.json_parameters if request_data else {})
            for name, (filename, content, mimetype) in files.items():
                body.add_field(name, content, filename=filename, content_type=mimetype)
        elif request_data is not None:
            body, headers = request_data.json_payload, _JSON
        slots = self._slots
        assert slots is not None
        await _acquire(slots, pool)
        try:
            async with session.request(method, url, data=body, headers=headers, timeout=timeout) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as error:
            raise TimedOut(
                "Connect timeout: no connection to Telegram in time. Request was *not* sent to Telegram."
            ) from error
        except TimeoutError as error:  # includes aiohttp.SocketTimeoutError (read)
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
        finally:
            slots.release()  # to the pool it was taken from, even if shutdown() and initialize() came between


async def _acquire(slots: asyncio.Semaphore, pool_timeout: float | None) -> None:
    """A place in the pool, waiting at most `pool_timeout` seconds (None: as long as it takes)."""
    if not slots.locked():
        await slots.acquire()  # free: returns at once
        return
    try:
        async with asyncio.timeout(pool_timeout):
            await slots.acquire()
    except TimeoutError:
        raise TimedOut(
            "Pool timeout: All connections in the connection pool are occupied. "
            "Request was *not* sent to Telegram. Consider adjusting the connection pool size or the pool timeout."
        ) from PoolTimeout(f"no free connection within {pool_timeout} s")
