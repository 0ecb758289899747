"""The composition root: settings, wiring and entry points (bot, terminal chat, staff command line)."""

import os

#: python-telegram-bot v22 gives durations (RetryAfter.retry_after and the like) as timedeltas when
#: asked, as its next major version always will: one code path, and no deprecation warnings.
os.environ.setdefault("PTB_TIMEDELTA", "1")
