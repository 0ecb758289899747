"""Flooding: thousands of updates from hundreds of users, a few of whom flood. The flooders get one
polite notice and then silence, everyone else gets every answer, and memory stays bounded. Button
presses and inline queries count against the limit too (handlers.throttle, before any handler).

By default the load test sends 2,000 updates from 100 users; the full run (10,000 updates from 500
users, about half a minute) is a benchmark: `STANDPUNT_FULL_FLOOD=1 pytest tests/test_flood.py -s`.
The figures (time, replies, FloodGuard size, tracemalloc peaks) are printed; run with -s to see them.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import os
import random
import time
import tracemalloc
from collections import Counter
from typing import Any

from botharness import RunningBot, running_bot
from telegramkit import callback_data

from handlers.context import services_of
from handlers.guard import FloodGuard, Verdict, anonymous_key
from handlers.render import escape
from interface.texts import texts_for
from knowledge.service import AnswerService
from knowledge.shipped import shipped_documents
from knowledge.storage.store import Store

LIMIT = 8
FULL = os.environ.get("STANDPUNT_FULL_FLOOD") == "1"
USERS, FLOODERS, UPDATES = (500, 10, 10_000) if FULL else (100, 4, 2_000)
#: Questions per ordinary user (under the limit): the flooders send the rest, hundreds each.
ORDINARY_QUESTIONS = 2
#: Updates are pushed in phases; tracemalloc (which slows everything threefold) runs in two of them.
PHASES, TRACED = 10, (1, 9)
QUESTIONS = ["Welke sancties gelden tegen Belarus?", "hallo", "Wat is het weer in Amsterdam morgen?"]


# --- the guard itself -----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_notice_then_silence_until_the_window_has_passed() -> None:
    clock = Clock()
    guard = FloodGuard(limit=3, window=10.0, clock=clock)
    verdicts = [guard.check(42) for _ in range(7)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN] + [Verdict.DROP] * 3
    clock.now += 5
    assert guard.check(42) is Verdict.DROP, "still flooding inside the window: silence"
    clock.now += 10.1
    assert guard.check(42) is Verdict.ALLOW, "the window has passed"
    assert guard.check(7) is Verdict.ALLOW, "others were never affected"


def test_the_guard_remembers_at_most_max_users_and_no_telegram_ids() -> None:
    guard = FloodGuard(limit=2, max_users=1_000)
    for user_id in range(20_000):
        for _ in range(3):
            guard.check(user_id)
    assert len(guard) == 1_000 and len(guard._warned) <= 1_000
    assert all(len(events) <= 3 for events in guard._events.values())
    assert all(len(key) == 12 for key in guard._events), "12-byte keyed hashes, not ids"
    assert anonymous_key(19_999) in guard._events
    assert anonymous_key(19_999) != hashlib.blake2b(b"19999", digest_size=12).digest(), "salted: not recomputable"


# --- 10,000 updates through the real bot ------------------------------------------------------


def small_service() -> AnswerService:
    """One shipped document only: the answers stay real but cost less per update."""
    store = Store.in_memory()
    store.add_document(shipped_documents()[0], "system:test")
    return AnswerService(store)


def plan(users: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    """10,000 (user, question) pairs: a few from each ordinary user, the rest from the flooders, mixed."""
    ordinary, flooders = users[FLOODERS:], users[:FLOODERS]
    updates = [(user, QUESTIONS[n % len(QUESTIONS)]) for user in ordinary for n in range(ORDINARY_QUESTIONS)]
    per_flooder = (UPDATES - len(updates)) // FLOODERS
    updates += [(user, QUESTIONS[n % len(QUESTIONS)]) for user in flooders for n in range(per_flooder)]
    random.Random(5).shuffle(updates)
    assert len(updates) == UPDATES
    return updates


def expected_replies(sent: Counter[int]) -> int:
    """Replies owed after `sent[user]` messages each: up to LIMIT answers, plus one notice beyond."""
    return sum(min(count, LIMIT) + (count > LIMIT) for count in sent.values())


async def test_thousands_of_updates_with_a_few_users_flooding() -> None:
    started = time.perf_counter()
    async with running_bot(small_service(), flood_window_seconds=3600, flood_max_messages=LIMIT) as bot:
        users = [bot.api.user(810_000_000 + n, f"U{n}") for n in range(USERS)]
        updates = plan(users)
        sent: Counter[int] = Counter()
        tally = Tally()
        memory: dict[int, tuple[int, int]] = {}
        size = UPDATES // PHASES
        for phase in range(PHASES):
            if phase in TRACED:
                tracemalloc.start()
            for user, question in updates[phase * size : (phase + 1) * size]:
                bot.api.send_text(user, question)
                sent[user["id"]] += 1
            await tally.until(bot, expected_replies(sent))
            if phase in TRACED:
                gc.collect()
                current, peak = tracemalloc.get_traced_memory()
                memory[phase] = peak, current
                tracemalloc.stop()
        guard = services_of(bot.app).flood
        elapsed = time.perf_counter() - started
        (first_peak, first_kept), (last_peak, last_kept) = memory[TRACED[0]], memory[TRACED[-1]]
        print(
            f"\n{UPDATES} updates from {USERS} users ({FLOODERS} flooding) in {elapsed:.1f} s: "
            f"{sum(tally.replies.values())} replies ({sum(tally.notices.values())} flood notices); "
            f"FloodGuard holds {len(guard)} users; tracemalloc peak {first_peak / 2**20:.1f} MiB in phase "
            f"{TRACED[0] + 1} and {last_peak / 2**20:.1f} MiB in phase {TRACED[-1] + 1} of {PHASES}, "
            f"still held after them {first_kept / 2**10:.0f} and {last_kept / 2**10:.0f} KiB"
        )
        ordinary, flooders = users[FLOODERS:], users[:FLOODERS]
        assert all(tally.replies[u["id"]] == ORDINARY_QUESTIONS for u in ordinary), "every ordinary question answered"
        assert all(tally.replies[u["id"]] == LIMIT + 1 for u in flooders), "flooders: 8 answers, 1 notice, silence"
        assert all(tally.notices[u["id"]] == 1 for u in flooders) and sum(tally.notices.values()) == FLOODERS
        assert sum(tally.replies.values()) == expected_replies(sent)
        assert len(guard) == USERS <= guard.max_users and len(guard._warned) == FLOODERS
        assert last_peak < first_peak * 1.5 + 2**20, "memory does not grow with the number of updates"
        assert last_kept < 512 * 2**10, "under 0.5 KiB kept per update, at most"
        assert elapsed < 45


class Tally:
    """Replies and flood notices per chat, counted from the fake's records, which are then dropped
    (with the chats' messages) so that the memory measured is the bot's, not the fake's growing log."""

    def __init__(self) -> None:
        self.replies: Counter[int] = Counter()
        self.notices: Counter[int] = Counter()
        self.notice = escape(texts_for("nl").flood)

    async def until(self, bot: RunningBot, expected: int, timeout: float = 60.0) -> None:
        """Count until `expected` replies are in; then until the bot is idle (a surplus would show)."""
        deadline = time.monotonic() + timeout
        while sum(self.replies.values()) < expected:
            if time.monotonic() > deadline:
                raise AssertionError(f"{sum(self.replies.values())} of {expected} replies within {timeout} s")
            await asyncio.sleep(0.05)
            self.count(bot)
        await bot.api.wait_idle(quiet=0.2, timeout=10)
        self.count(bot)

    def count(self, bot: RunningBot) -> None:
        done = [call for call in bot.api.recorded if call.done]
        for call in done:
            if call.method == "sendMessage" and call.ok:
                chat = call.result["chat"]["id"]
                self.replies[chat] += 1
                self.notices[chat] += call.params.get("text") == self.notice
        bot.api.recorded[:] = [call for call in bot.api.recorded if not call.done]
        bot.api.state.messages.clear()


# --- every kind of update counts -------------------------------------------------------------------


async def test_button_presses_count_against_the_limit_with_one_notice_then_silence() -> None:
    async with running_bot(small_service(), flood_window_seconds=3600, flood_max_messages=3) as bot:
        user = bot.api.user(820_000_001, "Knopjes")
        [answer] = await bot.ask(user, "/topics")
        data = callback_data(answer)[0]
        for _ in range(5):
            bot.api.press_button(user, answer, data, check=False)
        await bot.api.wait_idle()
        acknowledged = [c.params.get("text") for c in bot.api.calls("answerCallbackQuery")]
        notice = texts_for("nl").flood
        assert acknowledged.count(notice) == 1, "one notice when the limit is passed"
        assert len(acknowledged) == 3, "/topics and two presses within the limit of 3, the notice, then silence"


async def test_inline_queries_have_a_budget_of_their_own_and_stop_beyond_it() -> None:
    async with running_bot(small_service(), flood_window_seconds=3600, flood_max_messages=1) as bot:
        user = bot.api.user(820_000_002, "Inline")
        budget = services_of(bot.app).inline_flood.limit
        for n in range(budget + 3):
            bot.api.inline_query(user, f"sancties {n}")
        await bot.api.wait_idle()
        assert len(bot.api.calls("answerInlineQuery")) == budget


async def test_moderators_at_work_are_not_held_by_the_flood_limit() -> None:
    moderator = 820_000_003
    async with running_bot(small_service(), flood_max_messages=2, moderator_ids=frozenset({moderator})) as bot:
        user = bot.api.user(moderator, "Moderator")
        for _ in range(5):
            bot.api.send_text(user, "hallo")
        replies = await bot.api.wait_for_messages(moderator, 5)
        assert all(r["visible_text"] != texts_for("nl").flood for r in replies)
