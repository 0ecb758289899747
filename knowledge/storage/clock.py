"""Times as the store writes them: UTC, to the second; days as ISO dates."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()
