"""Fault tolerance: Telegram misbehaving (429, 5xx, slow and dropped answers, blocked users) and the
database failing. Whatever happens, the bot keeps running and every question gets at most one
answer; when Telegram provably did not deliver it, exactly one.

Which errors are retried is decided in handlers/sending.py; the first tests check that decision on
the exceptions PTB really raises, the later ones run the whole bot against the fake Bot API.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sqlite3
from collections import Counter
from typing import Any

import aiohttp
import httpx
import pytest
from botharness import RunningBot, running_bot
from fakebotapi import FakeBotApi
from telegram import Bot
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegramkit import MELDPUNT, SANCTIONS, UNRELATED

from bot.app import REQUEST_CLASSES
from handlers.sending import not_carried_out, retry_delay, with_retry
from handlers.telegram_request import PoolTimeout
from interface.texts import texts_for
from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.storage.store import Store

NL = texts_for("nl")
QUESTIONS = [MELDPUNT, SANCTIONS, UNRELATED, "Wat doet Nederland voor Belarussische journalisten?", "hallo"]


# --- which errors are retried -----------------------------------------------------------------


def _caused(error: TelegramError, cause: BaseException) -> TelegramError:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (RetryAfter(2), True),
        (NetworkError("Internal Server Error"), True),  # Telegram answered 5xx: not carried out
        (_caused(NetworkError("httpx.ConnectError: refused"), httpx.ConnectError("refused")), True),
        (_caused(TimedOut(), httpx.ConnectTimeout("connect")), True),
        (_caused(TimedOut("Pool timeout"), httpx.PoolTimeout("pool")), True),
        (_caused(TimedOut(), httpx.ReadTimeout("read")), False),  # may have been delivered
        (_caused(TimedOut(), httpx.WriteTimeout("write")), False),
        (_caused(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("gone")), False),
        (_caused(NetworkError("httpx.ReadError"), httpx.ReadError("reset")), False),
        # The same decisions when the bot runs on aiohttp (handlers.telegram_request):
        (_caused(TimedOut("Connect timeout"), aiohttp.ConnectionTimeoutError("connect")), True),
        (_caused(TimedOut("Pool timeout"), PoolTimeout("pool")), True),
        (_caused(TimedOut(), aiohttp.SocketTimeoutError("read")), False),
        (_caused(NetworkError("aiohttp.ServerDisconnectedError"), aiohttp.ServerDisconnectedError()), False),
        (_caused(NetworkError("aiohttp.ClientOSError"), aiohttp.ClientOSError(104, "reset")), False),
        (_caused(NetworkError("aiohttp.ClientPayloadError"), aiohttp.ClientPayloadError("cut")), False),
        (_caused(NetworkError("Bad Gateway (502). Parsing failed"), TelegramError("Invalid server response")), False),
        (BadRequest("Can't parse entities"), False),
        (Forbidden("Forbidden: bot was blocked by the user"), False),
        (RetryAfter(600), False),  # longer than a handler should wait
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_only_errors_that_prove_nothing_was_delivered_are_retried(error: TelegramError, retried: bool) -> None:
    assert (retry_delay(error, 1) is not None) is retried


async def test_with_retry_waits_retry_after_then_succeeds_and_gives_up_after_the_last_attempt() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    failures = [RetryAfter(3), NetworkError("Internal Server Error")]

    async def flaky() -> str:
        if failures:
            raise failures.pop(0)
        return "sent"

    assert await with_retry(flaky, sleep=sleep) == "sent"
    assert waits[0] == 3 and 1.0 <= waits[1] <= 1.2, "retry after as told, then back off (2nd attempt: 1 s)"

    async def always_busy() -> str:
        raise NetworkError("Service Unavailable")

    with pytest.raises(NetworkError):
        await with_retry(always_busy, attempts=3, sleep=sleep)
    assert len(waits) == 2 + 2, "three attempts, two waits"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _send_error(bot: Bot) -> TelegramError:
    with pytest.raises(TelegramError) as caught:
        await bot.send_message(1001, "test")
    return caught.value


@pytest.mark.parametrize("client", sorted(REQUEST_CLASSES))
async def test_the_classification_fits_the_exceptions_ptb_really_raises(client: str) -> None:
    """Refused connections and error answers are retried; dropped and timed-out answers are not;
    on either HTTP client the bot can run on."""
    request_class = REQUEST_CLASSES[client]
    async with FakeBotApi() as api:
        bot = Bot(api.token, base_url=api.base_url, request=request_class(read_timeout=0.3))
        async with bot:
            api.inject_fault("sendMessage", "server_error", status=500)
            assert not_carried_out(await _send_error(bot))
            api.inject_fault("sendMessage", "drop", process=True)
            assert not not_carried_out(await _send_error(bot)), "the message may have been delivered"
            api.inject_fault("sendMessage", "delay", seconds=1.0)
            timed_out = await _send_error(bot)
            assert isinstance(timed_out, TimedOut) and not not_carried_out(timed_out)
            api.inject_fault("sendMessage", "flood", retry_after=1)
            assert retry_delay(await _send_error(bot), 1) == 1.0
        refused = Bot(api.token, base_url=f"http://127.0.0.1:{_closed_port()}/bot", request=request_class())
        with pytest.raises(NetworkError) as caught:
            async with refused:  # initialize() calls getMe; leaving shuts the request down
                pass
        assert not_carried_out(caught.value), "connection refused: nothing was sent"


@pytest.mark.parametrize("client", sorted(REQUEST_CLASSES))
async def test_a_call_that_finds_no_free_connection_in_time_was_not_sent_and_may_be_retried(client: str) -> None:
    async with FakeBotApi() as api:
        request = REQUEST_CLASSES[client](connection_pool_size=1, pool_timeout=0.2, read_timeout=3.0)
        async with Bot(api.token, base_url=api.base_url, request=request) as bot:
            api.inject_fault("sendMessage", "delay", seconds=2.0)
            busy = asyncio.create_task(bot.send_message(1001, "first"))
            await asyncio.sleep(0.3)  # the first call holds the only connection for 2 s
            timed_out = await _send_error(bot)
            assert isinstance(timed_out, TimedOut) and not_carried_out(timed_out)
            assert (await busy).text == "first"
            assert [call.params["text"] for call in api.calls("sendMessage")] == ["first"], "the second never left"


# --- the whole bot under faults -----------------------------------------------------------------


def _users(bot: RunningBot, first: int, count: int) -> list[dict[str, Any]]:
    return [bot.api.user(first + n, f"User{n}") for n in range(count)]


def _replies_per_chat(bot: RunningBot, users: list[dict[str, Any]]) -> Counter[int]:
    counts = Counter(record["chat_id"] for record in bot.api.sent_messages())
    return Counter({user["id"]: counts[user["id"]] for user in users})


FAULTS = [
    ("flood", {"retry_after": 1}),
    ("server_error", {"status": 500}),
    ("delay", {"seconds": 0.4}),
    ("drop", {"process": True}),
    ("server_error", {"status": 503}),
    ("forbidden", {}),
]


async def test_every_user_gets_exactly_one_reply_through_429s_5xx_slow_and_dropped_sends(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """60 users ask in three waves while sendMessage fails in every way: none lost, none twice."""
    caplog.set_level(logging.INFO)
    async with running_bot() as bot:
        waves = [_users(bot, 700_000 + 1000 * wave, 20) for wave in range(3)]
        for wave in waves:
            for kind, params in FAULTS * 2:
                bot.api.inject_fault("sendMessage", kind, **params)
            for n, user in enumerate(wave):
                bot.api.send_text(user, QUESTIONS[n % len(QUESTIONS)])
            await _settled(bot, wave)
        await bot.api.wait_idle(quiet=1.5, timeout=10)  # longer than any back-off: a wrong resend would show
        everyone = [user for wave in waves for user in wave]
        assert not bot.api.pending_faults and len(bot.api.faults_injected) == len(waves) * len(FAULTS) * 2
        calls = bot.api.calls("sendMessage")
        attempts = Counter(call.params["chat_id"] for call in calls)
        refused = Counter(call.params["chat_id"] for call in calls if call.fault in ("flood", "server_error"))
        blocked = {call.params["chat_id"] for call in calls if call.fault == "forbidden"}
        dropped = {call.params["chat_id"] for call in calls if call.fault == "drop"}
        replies = _replies_per_chat(bot, everyone)
        assert all(attempts[u["id"]] == 1 + refused[u["id"]] for u in everyone), "retried exactly when refused"
        assert all(replies[chat] == 0 for chat in blocked), "a user who blocked the bot: no retry"
        assert {replies[u["id"]] for u in everyone if u["id"] not in blocked} == {1}, "exactly one reply each"
        assert dropped and all(attempts[chat] == 1 + refused[chat] for chat in dropped), "a dropped answer is not resent"
        assert bot.app.running
        [after] = await bot.ask(bot.api.user(799_999, "Late"), MELDPUNT)
        assert "meldpunt" in after["visible_text"].lower()
    _assert_no_identifiers_logged(caplog, [u["id"] for u in everyone])


async def _settled(bot: RunningBot, users: list[dict[str, Any]], timeout: float = 20.0) -> None:
    """Until every user has a reply or was found to have blocked the bot (retries sleep silently,
    so the fake's idleness alone does not say that the bot is done)."""

    def done(user: dict[str, Any]) -> bool:
        return bool(bot.api.sent_messages(user["id"])) or any(
            call.fault == "forbidden" and call.params.get("chat_id") == user["id"] for call in bot.api.calls("sendMessage")
        )

    deadline = asyncio.get_running_loop().time() + timeout
    while not all(done(user) for user in users):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"only {sum(map(done, users))} of {len(users)} users got a reply within {timeout} s")
        await asyncio.sleep(0.05)


def _assert_no_identifiers_logged(caplog: pytest.LogCaptureFixture, ids: list[int]) -> None:
    """The bot's log lines at INFO and up (not the fake server's access log) name no one."""
    # aiohttp's server loggers are the fake's; aiohttp.client is the bot's own HTTP client and is checked.
    fake = ("aiohttp.access", "aiohttp.server", "aiohttp.web", "aiohttp.internal")
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO and not r.name.startswith(fake)]
    assert lines, "something was logged"
    for line in lines:
        assert not any(str(user_id) in line for user_id in ids), line
        assert not any(question in line for question in QUESTIONS), line


async def test_a_database_error_gets_a_short_apology_is_logged_and_writes_nothing(caplog: pytest.LogCaptureFixture) -> None:
    store = Store.in_memory()
    seed_store(store)
    service = AnswerService(store)
    service.answer(UNRELATED, record=True)
    before = store.question_stats(), store.review_items()
    real_execute = store.db.execute

    def failing_execute(sql: str, *args: Any, **kwargs: Any) -> Any:
        if "INSERT INTO review_queue" in sql:  # after the day's count was written in the same transaction
            raise sqlite3.OperationalError("disk I/O error")
        return real_execute(sql, *args, **kwargs)

    store.db.execute = failing_execute  # type: ignore[method-assign]
    async with running_bot(service) as bot:
        user = bot.api.user(733_000_001, "Olga")
        [apology] = await bot.ask(user, UNRELATED)
        assert apology["visible_text"] == NL.error
        store.db.execute = real_execute  # type: ignore[method-assign]
        assert (store.question_stats(), store.review_items()) == before, "no partial write"
        [answer] = await bot.ask(user, MELDPUNT)
        assert "meldpunt" in answer["visible_text"].lower(), "the bot carries on"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage().splitlines()[0] for r in errors] == ["Database error while answering: sqlite3.OperationalError"]
    assert UNRELATED not in errors[0].getMessage() and errors[0].exc_info is None


async def test_a_failure_inside_a_button_is_logged_without_its_message_and_the_user_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with running_bot() as bot:
        user = bot.api.user(733_000_002, "Pavel")
        [answer] = await bot.ask(user, MELDPUNT)
        feedback = next(b["callback_data"] for row in answer["reply_markup"]["inline_keyboard"] for b in row
                        if b.get("callback_data", "").startswith("f:"))

        detail = f"database is locked while saving for chat {user['id']}"  # as if a message quoted an id

        def broken(entry_id: int, helpful: bool) -> None:
            raise sqlite3.OperationalError(detail)

        bot.service.record_feedback = broken  # type: ignore[method-assign]
        bot.api.press_button(user, answer, feedback)
        [apology] = await bot.api.wait_for_messages(user["id"], 1)
        assert apology["visible_text"] == NL.error
        assert bot.app.running
    [error] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    text = error.getMessage()
    assert text.startswith("Unhandled error while handling a callback_query: sqlite3.OperationalError")
    assert str(user["id"]) not in text and detail not in text, "the message stays out of the log"
