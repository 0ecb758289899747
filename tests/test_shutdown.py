"""SIGTERM and restart of the real program (run_bot.py in a subprocess) against the fake Bot API.

`systemctl stop` sends SIGTERM: the reply in flight must still go out, the process must exit
within a few seconds, and the updates it handled must be confirmed to Telegram, so that after a
restart nothing is answered twice and what arrived in between is answered once.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from fakebotapi import FakeBotApi, RecordedCall
from telegramkit import MELDPUNT, SANCTIONS, UNRELATED

ROOT = Path(__file__).resolve().parent.parent
DELAY = 2.0  # how long Telegram takes to answer the sendMessage in flight at SIGTERM
EXIT_WITHIN = 5.0


async def start_bot(api: FakeBotApi, data: Path) -> asyncio.subprocess.Process:
    """run_bot.py as an operator starts it, pointed at the fake; returns once it is polling."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
           "DATA_DIR": str(data), "RATE_LIMITER": "false", "LOG_LEVEL": "INFO"}
    polls = len(api.calls("getUpdates"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "run_bot.py"), cwd=data.parent, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while len(api.calls("getUpdates")) == polls:  # a long poll has begun (it is answered only later)
        assert process.returncode is None and time.monotonic() < deadline, "the bot did not start polling"
        await asyncio.sleep(0.02)
    return process


async def stop_bot(process: asyncio.subprocess.Process) -> tuple[float, str]:
    """SIGTERM; the seconds until it exited, and what it logged."""
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, err = await asyncio.wait_for(process.communicate(), timeout=EXIT_WITHIN * 3)
    return time.monotonic() - sent, err.decode()


def replies_per_chat(api: FakeBotApi) -> Counter[int]:
    return Counter(record["chat_id"] for record in api.sent_messages())


async def test_sigterm_finishes_the_reply_in_flight_and_a_restart_neither_loses_nor_repeats(
    tmp_path: Path, started_data_dir: Path
) -> None:
    data = started_data_dir
    async with FakeBotApi() as api:
        names = ["before", "in_flight", "during", "down1", "down2"]
        users = {name: api.user(9_100_000 + n, name) for n, name in enumerate(names)}
        process = await start_bot(api, data)
        try:
            await ask_and_wait(api, users["before"], MELDPUNT)
            api.inject_fault("sendMessage", "delay", seconds=DELAY)
            api.send_text(users["in_flight"], SANCTIONS)
            in_flight = await delayed_call(api)
            stopping = asyncio.ensure_future(stop_bot(process))
            await asyncio.sleep(0.1)
            api.send_text(users["during"], UNRELATED)  # arrives while the bot shuts down
            took, log = await stopping
        finally:
            if process.returncode is None:
                process.kill()
        assert process.returncode == 0, log
        assert DELAY - 0.2 <= took < EXIT_WITHIN, f"waited for the reply in flight, then exited: {took:.1f} s"
        assert in_flight.done and in_flight.ok, "the reply in flight was sent and its answer received"
        assert "Traceback" not in log and "Stopped" in log, log
        assert api.token not in log
        confirmed = {u["message"]["from"]["id"] for u in api.state.updates}
        assert confirmed <= {users["during"]["id"]}, "everything handled was confirmed before exit"
        for name in ("down1", "down2"):
            api.send_text(users[name], MELDPUNT)
        process = await start_bot(api, data)
        try:
            for name in ("during", "down1", "down2"):
                await api.wait_for_messages(users[name]["id"], 1, timeout=15)
            await api.wait_idle(quiet=1.0, timeout=10)
            took, log = await stop_bot(process)
        finally:
            if process.returncode is None:
                process.kill()
        assert process.returncode == 0 and took < EXIT_WITHIN, log
        replies = replies_per_chat(api)
        assert {name: replies[user["id"]] for name, user in users.items()} == dict.fromkeys(users, 1), (
            "each question answered exactly once across the restart"
        )
        assert not api.state.updates, "nothing left unconfirmed"


async def delayed_call(api: FakeBotApi, timeout: float = 10.0) -> RecordedCall:
    """The sendMessage held back by the delay fault, while it is still on its way (wait_for only
    returns finished calls)."""
    deadline = time.monotonic() + timeout
    while not (calls := [c for c in api.calls("sendMessage") if c.fault == "delay" and not c.done]):
        assert time.monotonic() < deadline, "no delayed sendMessage"
        await asyncio.sleep(0.01)
    return calls[0]


async def ask_and_wait(api: FakeBotApi, user: dict[str, Any], text: str) -> None:
    api.send_text(user, text)
    await api.wait_for_messages(user["id"], 1, timeout=15)
