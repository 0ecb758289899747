"""Logging that protects the people who ask: no message text or ids at INFO, never the token.

httpx logs every request URL at INFO, and Telegram URLs contain the bot token, so httpx is kept
at WARNING; on top of that a filter masks the token in every record that reaches a handler.
"""

from __future__ import annotations

import logging
import re

_TOKEN_IN_TEXT = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactSecrets(logging.Filter):
    """Mask bot tokens (ours, and anything shaped like one) wherever they appear in a record."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = [s for s in (secrets or []) if s]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[token]")
        return _TOKEN_IN_TEXT.sub("[token]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if clean != message or record.args:
            record.msg, record.args = clean, ()
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


def configure_logging(level: str = "INFO", secrets: list[str] | None = None) -> None:
    """Root logging at `level`; chatty libraries at WARNING; every handler redacts secrets."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactSecrets(secrets))
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "hpack", "telegram.request", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if level == "DEBUG":
        logging.getLogger(__name__).warning(
            "DEBUG logging is on: logs may now contain message text and user ids. Turn it off in production."
        )
