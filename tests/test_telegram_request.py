"""The bot's HTTP client (handlers.telegram_request.AiohttpRequest) keeps PTB's BaseRequest contract as
PTB's own HTTPXRequest does: each check runs on both. Uploads, downloads, faults and long polling
on both clients are in test_fakebotapi.py; the retry decisions on both in test_faults.py."""

from __future__ import annotations

import botharness
import pytest
from botharness import running_bot
from fakebotapi import FakeBotApi
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest
from telegramkit import MELDPUNT

from bot.app import REQUEST_CLASSES, build_application, default_http_client
from handlers.telegram_request import AiohttpRequest
from knowledge.service import AnswerService

CLIENTS = sorted(REQUEST_CLASSES)


@pytest.mark.parametrize("client", CLIENTS)
async def test_timeouts_default_to_the_constructor_values_unless_a_call_passes_its_own(client: str) -> None:
    async with FakeBotApi() as api:
        request = REQUEST_CLASSES[client](read_timeout=0.3)
        assert request.read_timeout == 0.3
        async with Bot(api.token, base_url=api.base_url, request=request) as bot:
            api.inject_fault("sendMessage", "delay", seconds=0.8)
            with pytest.raises(TimedOut):
                await bot.send_message(1001, "default read timeout")
            api.inject_fault("sendMessage", "delay", seconds=0.8)
            assert (await bot.send_message(1001, "own read timeout", read_timeout=3.0)).text == "own read timeout"
            api.inject_fault("sendMessage", "delay", seconds=0.8)
            assert (await bot.send_message(1001, "no read timeout", read_timeout=None)).text == "no read timeout"
            # getUpdates waits its long poll on top of the read timeout: no TimedOut at 0.3 s.
            assert await bot.get_updates(timeout=1) == ()


@pytest.mark.parametrize("client", CLIENTS)
async def test_usable_before_initialize_not_after_shutdown_and_again_after_initialize(client: str) -> None:
    async with FakeBotApi() as api:
        request = REQUEST_CLASSES[client]()
        url = f"{api.base_url}{api.token}/getMe"
        status, payload = await request.do_request(url, "POST")
        assert status == 200 and b'"ok":true' in payload.replace(b" ", b"")
        await request.shutdown()
        await request.shutdown()  # a second shutdown is harmless
        with pytest.raises(RuntimeError, match="not initialized"):
            await request.do_request(url, "POST")
        await request.initialize()
        assert (await request.do_request(url, "POST"))[0] == 200
        await request.shutdown()
        with pytest.raises(NetworkError):  # PTB wraps the RuntimeError for the methods of Bot
            await Bot(api.token, base_url=api.base_url, request=request).get_me()


async def test_the_bot_runs_on_aiohttp_and_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    async with running_bot() as bot:
        assert isinstance(bot.app.bot.request, AiohttpRequest)
        [reply] = await bot.ask(bot.api.user(4242, "Anna"), MELDPUNT)
        assert "meldpunt" in reply["visible_text"].lower()


async def test_a_proxy_in_the_environment_keeps_the_bot_on_httpx_which_honours_it(
    monkeypatch: pytest.MonkeyPatch, service: AnswerService
) -> None:
    for name in ("HTTP_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert default_http_client() == "aiohttp"
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    assert default_http_client() == "httpx"
    async with FakeBotApi() as api:
        settings = botharness.test_settings(api)
        assert isinstance(build_application(settings, service).bot.request, HTTPXRequest)
        assert isinstance(build_application(settings, service, http_client="aiohttp").bot.request, AiohttpRequest)
