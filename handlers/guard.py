"""Abuse resistance kept in memory only: a per-user flood limit and inline-query debouncing.

Users are keyed by a salted hash that changes at every start, so even this memory holds no
Telegram ids, and nothing of it survives a restart.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit for the first time in this window: one polite notice
    DROP = "drop"  # still over the limit: silence


_SALT = secrets.token_bytes(16)


def anonymous_key(user_id: int) -> bytes:
    """A per-process pseudonym for a user: stable while running, meaningless after a restart."""
    return hashlib.blake2b(str(user_id).encode(), key=_SALT, digest_size=12).digest()


@dataclass
class FloodGuard:
    """At most `limit` messages per `window` seconds per user; memory bounded by `max_users`.

    Per user it keeps a tuple of recent times (not a deque, which costs four times as much), so that
    even a full guard of `max_users`, every one of them flooding, stays around 30 MB.
    """

    limit: int = 8
    window: float = 30.0
    max_users: int = 50_000
    clock: Callable[[], float] = time.monotonic
    _events: OrderedDict[bytes, tuple[float, ...]] = field(default_factory=OrderedDict)
    _warned: set[bytes] = field(default_factory=set)

    def check(self, user_id: int) -> Verdict:
        key = anonymous_key(user_id)
        now = self.clock()
        recent = tuple(t for t in self._events.pop(key, ()) if now - t <= self.window)
        events = recent[-self.limit :] + (now,)  # the limit and one more is all a verdict needs
        self._events[key] = events  # most recently seen last
        while len(self._events) > self.max_users:
            old, _ = self._events.popitem(last=False)
            self._warned.discard(old)
        if len(events) <= self.limit:
            self._warned.discard(key)
            return Verdict.ALLOW
        if key in self._warned:
            return Verdict.DROP
        self._warned.add(key)
        return Verdict.WARN

    def __len__(self) -> int:
        return len(self._events)


@dataclass
class InlineDebouncer:
    """Answer only the last of a burst of inline queries a user types, after a short pause."""

    delay: float = 0.35
    max_users: int = 50_000
    _latest: OrderedDict[bytes, str] = field(default_factory=OrderedDict)

    async def is_latest_after_pause(self, user_id: int, query_id: str) -> bool:
        key = anonymous_key(user_id)
        self._latest.pop(key, None)
        self._latest[key] = query_id
        while len(self._latest) > self.max_users:
            self._latest.popitem(last=False)
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        latest = self._latest.get(key) == query_id
        if latest:
            self._latest.pop(key, None)
        return latest
