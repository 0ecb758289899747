"""What the fake records: calls the bot made, files it uploaded, faults that fired."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class UploadedFile:
    """One multipart file part of a request."""

    field: str
    filename: str
    content: bytes
    mime_type: str


@dataclass
class RecordedCall:
    """One Bot API request. `time` is time.monotonic() at arrival; the outcome is filled in later.

    `status` is the HTTP status sent (None while pending or when the connection was dropped),
    `response` the JSON body, `fault` the injected fault kind that hit this call, if any.
    """

    method: str
    params: dict[str, Any]
    time: float
    files: dict[str, UploadedFile] = field(default_factory=dict)
    status: int | None = None
    response: dict[str, Any] | None = None
    fault: str | None = None
    done: bool = False

    @property
    def ok(self) -> bool:
        """True when Telegram would have answered {"ok": true}."""
        return bool(self.response and self.response.get("ok"))

    @property
    def result(self) -> Any:
        """The "result" of a successful call (None otherwise)."""
        return self.response.get("result") if self.response else None

    @property
    def description(self) -> str | None:
        """The error description of a failed call."""
        return self.response.get("description") if self.response else None


@dataclass(frozen=True)
class InjectedFault:
    """A fault queued with FakeBotApi.inject_fault (and, once fired, listed in faults_injected)."""

    method: str
    kind: str
    params: dict[str, Any]
    fired_at: float | None = None
