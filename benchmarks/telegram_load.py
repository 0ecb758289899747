"""End-to-end load through Telegram's protocol: the real Application against the fake Bot API.

    python -m benchmarks.telegram_load --users 200 --questions 2000 [--profile] [--http-client httpx]
    python -m benchmarks.telegram_load --compare 5     # aiohttp vs httpx, alternating runs, medians

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

from bot.app import DEFAULT_REQUEST, REQUEST_CLASSES, build_application  # noqa: E402
from bot.lifecycle import serving  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.startup import settle_memory  # noqa: E402
from knowledge.service import AnswerService  # noqa: E402
from knowledge.shipped import seed_store  # noqa: E402
from knowledge.storage.store import Store  # noqa: E402
from knowledge.tools.evaluation import load_questions  # noqa: E402


def serve_fake(users: int, questions: int, ready: Any, stop: Any) -> None:
    """In its own process: the fake Bot API with every question queued, until told to stop."""

    async def serve() -> None:
        texts = [q.q for q in load_questions()]
        async with FakeBotApi() as api:
            people = [api.user(10_000 + i, f"U{i}", language_code="nl") for i in range(users)]
            for number in range(questions):
                api.send_text(people[number % users], texts[number % len(texts)])
            api.register_method("benchmarkReport", lambda state, call: _report(api))
            # Polled while waiting: a count only, so that the waiting costs the bot next to nothing.
            api.register_method("benchmarkProgress", lambda state, call: len(api.calls("sendMessage")))
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


async def run(users: int, questions: int, http_client: str = DEFAULT_REQUEST) -> dict[str, Any]:
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
        app = build_application(settings, AnswerService(store), http_client=http_client)
        settle_memory()  # as bot.startup.open_answers does once the bot's index is loaded
        cpu_started = time.process_time()
        async with serving(app, poll_timeout=1):
            while await app.bot.do_api_request("benchmarkProgress") < questions:
                await asyncio.sleep(0.05)
            cpu = time.process_time() - cpu_started
            report = await app.bot.do_api_request("benchmarkReport")
            if report["replies"] < questions:
                raise RuntimeError(f"only {report['replies']} of {questions} sendMessage calls succeeded")
    finally:
        stop.set()
        fake.join(timeout=10)
    latencies = report["latencies"]
    elapsed = report["last_reply"] - report["first_delivery"]
    return {
        "http_client": http_client,
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
        for update, reply in zip(sorted(updates), sorted(replied[chat]), strict=False)
    ]


FIGURES = ("updates_per_second", "latency_p50_ms", "latency_p99_ms", "bot_cpu_ms_per_update")


def compare(users: int, questions: int, rounds: int, clients: tuple[str, ...] = ("httpx", "aiohttp")) -> dict[str, Any]:
    """Each client `rounds` times, alternating (so drift in the machine hits both alike); medians."""
    runs: dict[str, list[dict[str, Any]]] = {client: [] for client in clients}
    for _ in range(rounds):
        for client in clients:
            runs[client].append(asyncio.run(run(users, questions, client)))
    return {
        client: {figure: statistics.median(r[figure] for r in results) for figure in FIGURES}
        | {"runs": [round(r["bot_cpu_ms_per_update"], 2) for r in results]}
        for client, results in runs.items()
    }


def comparison_table(medians: dict[str, Any]) -> str:
    lines = [
        "| HTTP client | bot CPU per update | updates/s | p50 | p99 | CPU per run (ms/update) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for client, m in medians.items():
        lines.append(
            f"| {client} | {m['bot_cpu_ms_per_update']:.2f} ms | {m['updates_per_second']:.0f} | "
            f"{m['latency_p50_ms']:.0f} ms | {m['latency_p99_ms']:.0f} ms | {', '.join(map(str, m['runs']))} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="print where the time goes (cProfile)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--http-client", choices=sorted(REQUEST_CLASSES), default=DEFAULT_REQUEST)
    parser.add_argument("--compare", type=int, metavar="ROUNDS", help="every HTTP client ROUNDS times; medians")
    args = parser.parse_args(argv)
    if args.compare:
        medians = compare(args.users, args.questions, args.compare)
        print(json.dumps(medians) if args.json else comparison_table(medians))
        return 0
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    result = asyncio.run(run(args.users, args.questions, args.http_client))
    if profiler:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    if args.json:
        print(json.dumps(result))
    else:
        r = result
        print(
            f"{r['http_client']}: {r['questions']} questions from {r['users']} users in {r['seconds']:.2f} s: "
            f"{r['updates_per_second']:.0f} updates/s; getUpdates→sendMessage p50 {r['latency_p50_ms']:.1f} ms, "
            f"p99 {r['latency_p99_ms']:.1f} ms; bot CPU {r['bot_cpu_ms_per_update']:.2f} ms/update"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
