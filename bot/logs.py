"""Logging that protects the people who ask: no message text or ids at INFO, never the token.

Telegram request URLs contain the bot token, and they turn up in more places than httpx's request
log (kept at WARNING): PTB's InvalidToken message quotes the token, httpx errors may quote the URL,
and an uncaught exception is printed by Python itself, outside logging. So a filter masks the token
(as is, URL-encoded, its secret half, and anything shaped like a token) in every message, traceback
and stack of every record, and uncaught exceptions and warnings are routed through logging too.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from types import TracebackType
from urllib.parse import quote

_TOKEN_IN_TEXT = re.compile(r"\d{3,}(?::|%3[Aa])[A-Za-z0-9_-]{30,}")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "[token]"
logger = logging.getLogger(__name__)


class RedactSecrets(logging.Filter):
    """Mask bot tokens (ours, and anything shaped like one) wherever they appear in a record."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = sorted({form for s in (secrets or []) if s for form in _forms(s)}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return _TOKEN_IN_TEXT.sub(MASK, text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if clean != message or record.args:
            record.msg, record.args = clean, ()
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def _forms(secret: str) -> list[str]:
    """The ways a token can be written: whole, URL-encoded, and its secret half after the colon."""
    forms = [secret, quote(secret, safe="")]
    _, _, half = secret.partition(":")
    return forms + ([half] if len(half) >= 20 else [])


def configure_logging(level: str = "INFO", secrets: list[str] | None = None) -> None:
    """Root logging at `level`; chatty libraries at WARNING; every handler redacts secrets; uncaught
    exceptions and warnings go through the same handler instead of straight to stderr."""
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
    logging.captureWarnings(True)
    sys.excepthook = log_uncaught
    threading.excepthook = lambda args: log_uncaught(args.exc_type, args.exc_value or Exception(), args.exc_traceback)
    if level == "DEBUG":
        logger.warning("DEBUG logging is on: logs may now contain message text and user ids. Turn it off in production.")


def log_uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: the traceback through the redacting handler (Ctrl-C stays quiet as usual)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    logger.critical("Uncaught %s", kind.__name__, exc_info=(kind, error, tb))
