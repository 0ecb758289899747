"""End-to-end load through Telegram's protocol: the real Application against the fake Bot API.

    python -m benchmarks.telegram_load --users 200 --questions 2000 [--profile]

All questions are queued at once; the bot long-polls them, answers, and we measure sustained
updates per second and, per update, the time from the getUpdates response that delivered it to
the sendMessage that answered it. Telegram's own limit (~30 messages/s per bot) is enforced in
production by the rate limiter; it is off here to show the bot's own capacity (the headroom).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import multiprocessing
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fakebotapi import FakeBotApi  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from knowledge.service import AnswerService  # noqa: E402
from knowledge.shipped import seed_store  # noqa: E402
from knowledge.store import Store  # noqa: E402


def serve_fake(users: int, questions: int, ready: Any, stop: Any) -> None:
    """In its own process: the fake Bot API with every question queued, until told to stop."""

    async def serve() -> None:
        texts = [q.q for q in load_questions()]
        async with FakeBotApi() as api:
            people = [api.user(10_000 + i, f"U{i}", language_code="nl") for i in range(users)]
            for number in range(questions):
                api.send_text(people[number % users], texts[number % len(texts)])
            api.register_method("benchmarkReport", lambda state, call: _report(api))
            ready.put((api.token, api.base_url, api.base_file_url))
            while not stop.is_set():
                await asyncio.sleep(0.05)

    asyncio.run(serve())


def _report(api: FakeBotApi) -> dict[str, Any]:
    latencies = _latencies(api)
    replies = [c.time for c in api.calls("sendMessage") if c.ok]
    deliveries = [c.time for c in api.calls("getUpdates") if c.result]
    return {
        "replies": len(replies),
        "first_delivery": min(deliveries) if deliveries else 0.0,
        "last_reply": max(replies) if replies else 0.0,
        "latencies": latencies,
    }


async def run(users: int, questions: int) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    fake = context.Process(target=serve_fake, args=(users, questions, ready, stop), daemon=True)
    fake.start()
    try:
        token, base_url, base_file_url = ready.get(timeout=60)
        store = Store.in_memory()
        seed_store(store)
        settings = Settings(
            telegram_bot_token=token,
            telegram_base_url=base_url,
            telegram_base_file_url=base_file_url,
            rate_limiter=False,
            flood_max_messages=1000,
        )
        app = build_application(settings, AnswerService(store))
        cpu_started = time.process_time()
        async with serving(app, poll_timeout=1):
            report = await app.bot.do_api_request("benchmarkReport")
            while report["replies"] < questions:
                await asyncio.sleep(0.05)
                report = await app.bot.do_api_request("benchmarkReport")
            cpu = time.process_time() - cpu_started
    finally:
        stop.set()
        fake.join(timeout=10)
    latencies = report["latencies"]
    elapsed = report["last_reply"] - report["first_delivery"]
    return {
        "users": users,
        "questions": questions,
        "seconds": elapsed,
        "updates_per_second": questions / elapsed,
        "latency_p50_ms": statistics.median(latencies) * 1000,
        "latency_p99_ms": sorted(latencies)[int(0.99 * (len(latencies) - 1))] * 1000,
        "bot_cpu_ms_per_update": cpu / questions * 1000,
    }


def _latencies(api: FakeBotApi) -> list[float]:
    """Per chat, pair the n-th delivered update with the n-th reply (the bot answers in order)."""
    delivered: dict[int, list[float]] = defaultdict(list)
    for call in api.calls("getUpdates"):
        for update in call.result or []:
            message = update.get("message")
            if message:
                delivered[message["chat"]["id"]].append(call.time)
    replied: dict[int, list[float]] = defaultdict(list)
    for call in api.calls("sendMessage"):
        if call.ok:
            replied[int(call.params["chat_id"])].append(call.time)
    return [
        reply - update
        for chat, updates in delivered.items()
        for update, reply in zip(sorted(updates), sorted(replied[chat]))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="print where the time goes (cProfile)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    result = asyncio.run(run(args.users, args.questions))
    if profiler:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['questions']} questions from {result['users']} users in {result['seconds']:.2f} s: "
            f"{result['updates_per_second']:.0f} updates/s; getUpdates→sendMessage p50 {result['latency_p50_ms']:.1f} ms, "
            f"p99 {result['latency_p99_ms']:.1f} ms; bot CPU {result['bot_cpu_ms_per_update']:.2f} ms/update"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
