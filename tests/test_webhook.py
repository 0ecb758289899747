"""Webhook mode: run_bot.py registers its webhook with the secret and answers what Telegram posts."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
from fakebotapi import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s3cr3t_token-for-tests"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _update(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Webhook", "language_code": "nl"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Webhook"},
            "from": user,
            "text": text,
        },
    }


async def _post(url: str, body: dict[str, Any], secret: str | None) -> int:
    """Post like Telegram does, retrying while the listener is still starting."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    for _ in range(100):
        try:
            async with aiohttp.ClientSession() as session, session.post(url, json=body, headers=headers) as response:
                return response.status
        except aiohttp.ClientConnectorError:
            await asyncio.sleep(0.1)
    raise AssertionError(f"nothing listens at {url}")


async def test_webhook_mode_registers_the_secret_and_answers_only_signed_updates(tmp_path: Path, started_data_dir: Path) -> None:
    port = _free_port()
    hook = f"http://127.0.0.1:{port}/standpunt-hook"
    async with FakeBotApi() as api:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_BASE_URL": api.base_url,
            "DATA_DIR": str(tmp_path / "data"),
            "RATE_LIMITER": "false",
            "WEBHOOK_URL": hook,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WEBHOOK_SECRET_TOKEN": SECRET,
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "run_bot.py"), cwd=tmp_path, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        try:
            registered = await api.wait_for(lambda c: c.method == "setWebhook" and c.ok, timeout=30)
            assert registered.params["url"] == hook and registered.params["secret_token"] == SECRET
            assert await _post(hook, _update(1, 4242, "hallo"), secret="wrong") == 403
            assert await _post(hook, _update(2, 4243, "hallo"), secret=None) == 403
            assert await _post(hook, _update(3, 4244, "Is er een meldpunt voor bedreigde Belarussen?"), SECRET) == 200
            [reply] = await api.wait_for_messages(4244, 1, timeout=15)
            assert "meldpunt" in reply["visible_text"]
            assert api.sent_messages(4242) == [] and api.sent_messages(4243) == []
        finally:
            process.send_signal(signal.SIGTERM)
            out, err = await asyncio.wait_for(process.communicate(), timeout=20)
        assert process.returncode == 0, err.decode()[-2000:]
        assert api.token not in (out + err).decode()
