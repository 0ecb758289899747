"""All benchmarks, one command: python -m benchmarks  (figures, not tests; see RESULTS.md)."""

from __future__ import annotations

import asyncio
import os
import platform
import sys

from benchmarks import answer_path, telegram_load


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, {platform.platform()}"


def main() -> int:
    print(f"machine: {machine()}\n")
    rows = [answer_path.measure(size) for size in (1_000, 10_000, 100_000)]
    print("answer path (fast path vs. rapidfuzz.process.extractOne over all entry texts):")
    print(answer_path.table(rows))
    load = asyncio.run(telegram_load.run(users=200, questions=2_000))
    print(
        f"\nthrough the Bot API (real Application on {load['http_client']}, fake server in its own process, "
        f"rate limiter off): "
        f"{load['questions']} questions from {load['users']} users, {load['updates_per_second']:.0f} updates/s, "
        f"getUpdates→sendMessage p50 {load['latency_p50_ms']:.1f} ms, p99 {load['latency_p99_ms']:.1f} ms, "
        f"bot CPU {load['bot_cpu_ms_per_update']:.2f} ms per update"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
