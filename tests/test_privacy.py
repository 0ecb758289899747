"""Privacy by design: after a whole session (questions, feedback, buttons, inline mode, a group, a
flood, a moderator at work) nothing persisted and nothing logged at INFO and up names anyone who
asked, and the bot token appears nowhere, not even in the traceback of a rejected token.

Logging is set up exactly as run_bot.py sets it up (bot.logs.configure_logging) and read back from
its handler, so that what is checked is what an operator's log file would hold.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from botharness import RunningBot, running_bot
from fakebotapi import DEFAULT_TOKEN, FakeBotApi
from telegramkit import MELDPUNT, SANCTIONS, UNRELATED, VAGUE, callback_data

from bot.app import REVIEW_PURGE_JOB
from bot.logs import RedactSecrets, configure_logging
from bot.settings import Settings
from interface.texts import texts_for
from knowledge.moderation import Moderation
from knowledge.service import AnswerService

ROOT = Path(__file__).resolve().parent.parent
SECRET_HALF = DEFAULT_TOKEN.split(":", 1)[1]
UNANSWERED = "Komt er een visumfacilitatieakkoord met Belarus?"
PEOPLE: dict[str, dict[str, Any]] = {
    "asker": {"id": 7_319_045_621, "first_name": "Zhanna", "username": "zhanna_belsk_77", "language_code": "nl"},
    "russian": {"id": 7_188_234_410, "first_name": "Aliaksei", "username": "aliaksei_minsk_1990", "language_code": "ru"},
    "flooder": {"id": 6_555_123_987, "first_name": "Spamovich", "username": "spam_spam_spam", "language_code": "nl"},
    "member": {"id": 6_922_017_733, "first_name": "Tsikhan", "username": "tsikhan_grodno", "language_code": "nl"},
    "moderator": {"id": 7_400_112_233, "first_name": "Moderatorka", "username": "mod_standpunt_nl", "language_code": "en"},
}
GROUP = {"id": -1_001_987_654_321, "title": "Belarusians in Utrecht"}


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """Whatever a test does to logging (configure_logging replaces the root handler) is undone."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level, sys.excepthook
    try:
        yield
    finally:
        root.handlers[:], sys.excepthook = saved[0], saved[2]
        root.setLevel(saved[1])
        logging.captureWarnings(False)


@pytest.fixture
def operator_log(restored_logging: None) -> io.StringIO:
    """The log as run_bot.py configures it (INFO, token redacted), captured in a buffer."""
    configure_logging("INFO", [DEFAULT_TOKEN])
    buffer = io.StringIO()
    handler = logging.getLogger().handlers[-1]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    return buffer


def identifiers(*roles: str) -> list[str]:
    """What would tell who asked: ids, names and usernames of these people (and the group's)."""
    found = [str(value) for role in roles for key, value in PEOPLE[role].items() if key != "language_code"]
    return found + [str(GROUP["id"]), str(GROUP["id"]).removeprefix("-100"), str(GROUP["title"])]


ASKERS = ("asker", "russian", "flooder", "member")


# --- the whole session ------------------------------------------------------------------------


async def run_session(bot: RunningBot) -> None:
    """Everything people and a moderator do, through the fake Bot API."""
    api = bot.api
    asker, russian, flooder, member, moderator = (api.user(**PEOPLE[role]) for role in (*ASKERS, "moderator"))
    [privacy] = await bot.ask(asker, "/privacy")
    assert "90" in privacy["visible_text"] and "werkgeheugen" in privacy["visible_text"]
    [answer] = await bot.ask(asker, MELDPUNT)
    api.press_button(asker, answer, next(d for d in callback_data(answer) if d.startswith("f:") and d.endswith(":1")))
    await bot.ask(asker, UNANSWERED)
    [offer] = await bot.ask(asker, VAGUE)
    api.press_button(asker, offer, callback_data(offer)[0])
    [languages] = await bot.ask(asker, "/language")
    api.press_button(asker, languages, "l:en")
    await api.wait_idle()
    await bot.ask(asker, "What sanctions apply to Belarus?")
    await bot.ask(russian, "Какие санкции действуют против Беларуси?")
    await bot.ask(russian, "визы для белорусов " * 40)  # too long: refused
    api.inline_query(russian, "sancties")
    api.send_sticker(russian)
    await api.wait_idle()
    for _ in range(12):
        api.send_text(flooder, UNRELATED)
    group = api.group_chat(int(GROUP["id"]), str(GROUP["title"]))
    api.send_text(member, f"/ask {SANCTIONS}", chat=group)
    api.send_text(member, f"@{api.bot_username} is er een meldpunt voor Belarussen?", chat=group)
    api.send_text(member, "gewoon wat gepraat in de groep", chat=group)
    await api.wait_idle()
    await moderate(bot, moderator)


async def moderate(bot: RunningBot, moderator: dict[str, Any]) -> None:
    """/review with attach and dismiss, /alias, /retire, /restore, /history, /stats, /undo, /export."""
    api = bot.api
    groups = len(Moderation(bot.service).review_groups(limit=10))
    review = await bot.ask(moderator, "/review", count=groups)
    attach = next(d for message in review for d in callback_data(message) if d.startswith("m:ra:"))
    attached = next(message for message in review if attach in callback_data(message))
    api.press_button(moderator, attached, attach)
    rest = [message for message in review if message is not attached]
    if rest:
        api.press_button(moderator, rest[0], next(d for d in callback_data(rest[0]) if d.startswith("m:rd:")))
    await api.wait_idle()
    for command in ("/alias 6 Mag de ambassadeur bij processen in Minsk zijn?", "/retire 3", "/restore 3",
                    "/history 3", "/stats", "/undo", "/export"):
        api.send_text(moderator, command)
        await api.wait_idle()


def rows_as_text(database: Path) -> list[tuple[str, str, str]]:
    """Every value of every column of every table, as text: (table, column, value)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = []
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            found += [(table, column, str(value)) for row in cursor for column, value in zip(columns, row, strict=True)]
        return found
    finally:
        connection.close()


async def test_after_a_whole_session_no_one_who_asked_can_be_found_in_the_database_or_the_log(
    tmp_path: Path, operator_log: io.StringIO
) -> None:
    database = tmp_path / "data" / "standpunt.sqlite3"
    service = AnswerService.open(database)
    async with running_bot(service, moderator_ids=frozenset({PEOPLE["moderator"]["id"]})) as bot:
        await run_session(bot)
        replies = {role: len(bot.api.sent_messages(PEOPLE[role]["id"])) for role in ASKERS}
        flooded = bot.api.sent_messages(PEOPLE["flooder"]["id"])
        flood_notices = [m for m in flooded if m["visible_text"] == texts_for("nl").flood]
        group_replies = bot.api.sent_messages(int(GROUP["id"]))
        inline_results = [call.params["results"] for call in bot.api.calls("answerInlineQuery")]
    assert replies["flooder"] == 9 and len(flood_notices) == 1, "8 answers, one notice, then silence"
    assert len(group_replies) == 2, "/ask and the mention are answered; the chatter is not"
    assert len(inline_results) == 1 and inline_results[0], "the inline query was answered"
    values = rows_as_text(database)
    tables = {table for table, _, _ in values}
    assert {"feedback", "question_stats", "review_queue", "changes", "entries"} <= tables, "the session left its traces"
    for needle in identifiers(*ASKERS):
        hits = [(table, column) for table, column, value in values if needle in value]
        assert not hits, f"{needle!r} found in {hits}"
    moderator = PEOPLE["moderator"]
    hits = {(table, column) for table, column, value in values if str(moderator["id"]) in value}
    assert hits == {("changes", "actor")}, "a moderator is named only in the audit trail of their own changes"
    for needle in (moderator["first_name"], moderator["username"], DEFAULT_TOKEN, SECRET_HALF):
        assert not [v for v in values if needle in v[2]], needle
    for path in database.parent.iterdir():  # the files themselves, free pages and index snapshot included
        content = path.read_bytes()
        for needle in identifiers(*ASKERS) + [DEFAULT_TOKEN, SECRET_HALF]:
            assert needle.encode() not in content, f"{needle!r} in {path.name}"
    lines = operator_log.getvalue().splitlines()
    assert any("Answered a question" in line for line in lines), "the log was captured"
    questions = [MELDPUNT, UNANSWERED, "What sanctions apply", "Какие санкции", SANCTIONS, "gewoon wat gepraat"]
    for line in lines:
        for needle in identifiers(*ASKERS, "moderator") + questions + [DEFAULT_TOKEN, SECRET_HALF]:
            assert needle not in line, f"{needle!r} logged: {line}"


# --- retention ----------------------------------------------------------------------------------


async def test_the_purge_job_forgets_review_items_past_retention_and_keeps_recent_ones(tmp_path: Path) -> None:
    database = tmp_path / "data" / "standpunt.sqlite3"
    service = AnswerService.open(database)
    old, recent = "Krijgen zzoudvraag studenten een beurs?", "Krijgen zznieuwvraag studenten een beurs?"
    for question in (old, recent):
        service.answer(question, record=True)
    store = service.store
    today = dt.datetime.now(dt.UTC).date()
    for question, age in ((old, 91), (recent, 89)):
        day = (today - dt.timedelta(days=age)).isoformat()
        marker = f"%{question.split()[1]}%"
        store.db.execute("UPDATE review_queue SET first_seen = ?, last_seen = ? WHERE text LIKE ?", [day, day, marker])
    store.db.conn.commit()
    async with running_bot(service, review_retention_days=90) as bot:
        assert bot.app.job_queue is not None
        [job] = bot.app.job_queue.get_jobs_by_name(REVIEW_PURGE_JOB)
        await job.run(bot.app)
        kept = [item.text for item in store.review_items("open")]
        assert kept == ["krijgen zznieuwvraag studenten een beurs"], "the old one is gone, the recent one kept"
        files = b"".join(path.read_bytes() for path in database.parent.iterdir())
        assert b"zzoudvraag" not in files and b"zznieuwvraag" in files, "overwritten on disk, not just unlinked"


# --- logging --------------------------------------------------------------------------------------


def test_the_filter_masks_the_token_in_messages_arguments_tracebacks_and_stacks() -> None:
    record_of = logging.LogRecord
    redact = RedactSecrets([DEFAULT_TOKEN])
    try:
        try:
            raise OSError(f"POST http://127.0.0.1/bot{DEFAULT_TOKEN}/getMe failed")
        except OSError as cause:
            raise RuntimeError(f"wrapped: {SECRET_HALF}") from cause
    except RuntimeError as error:
        exc_info = (type(error), error, error.__traceback__)
    record = record_of("x", logging.ERROR, __file__, 1, "url %s, encoded %s", (
        f"/bot{DEFAULT_TOKEN}/sendMessage", DEFAULT_TOKEN.replace(":", "%3A")), exc_info)
    record.stack_info = f"stack with {DEFAULT_TOKEN}"
    assert redact.filter(record)
    shown = logging.Formatter().format(record)
    assert DEFAULT_TOKEN not in shown and SECRET_HALF not in shown and "%3A" + SECRET_HALF not in shown
    assert shown.count("[token]") >= 5, shown
    assert "987654:" + "A" * 35 not in redact.redact("another bot's 987654:" + "A" * 35), "anything shaped like a token"


def test_debug_logging_is_off_by_default_and_warns_when_turned_on(
    restored_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("INFO", [DEFAULT_TOKEN])
    logging.getLogger("handlers.replies").debug("not visible at INFO")
    configure_logging("DEBUG", [DEFAULT_TOKEN])
    logging.getLogger("handlers.replies").debug("visible at DEBUG")
    text = capsys.readouterr().err
    assert "WARNING bot.logs: DEBUG logging is on" in text and "visible at DEBUG" in text
    assert "not visible at INFO" not in text
    assert Settings().log_level == "INFO", "INFO unless LOG_LEVEL says otherwise"


async def test_a_rejected_token_is_not_printed_by_the_crash_that_follows(tmp_path: Path, started_data_dir: Path) -> None:
    """PTB's InvalidToken quotes the token: the user gets one line that names the setting, not it."""
    wrong = "987654321:" + "Q" * 35
    async with FakeBotApi() as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": wrong, "TELEGRAM_BASE_URL": api.base_url,
               "DATA_DIR": str(tmp_path / "data"), "RATE_LIMITER": "false", "LOG_LEVEL": "DEBUG"}
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "run_bot.py"), cwd=tmp_path, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    shown = (out + err).decode()
    assert process.returncode != 0
    assert "error: TELEGRAM_BOT_TOKEN was rejected by Telegram" in shown, shown[-2000:]
    assert wrong not in shown and "Q" * 30 not in shown


def test_review_text_keeps_no_long_numbers() -> None:
    from knowledge.service import normalise_for_review

    text = normalise_for_review("Ik ben Ivan, bel me op +31 6 12345678 of 0612345678 over sancties 2021")
    assert "12345678" not in text and "0612345678" not in text
    assert "sancties" in text and "2021" in text


@pytest.mark.parametrize("number", ["+31 6 1234 5678", "06-1234 5678", "12.03.2021", "0031 (0)6 12 34 56 78"])
def test_a_number_written_in_groups_is_masked_in_both_forms_alike(number: str) -> None:
    from knowledge.service import mask_for_review, normalise_for_review

    asked = f"bel me op {number} over sancties"
    digits = [group for group in re.split(r"\D+", number) if len(group) >= 2]
    for text in (normalise_for_review(asked), mask_for_review(asked)):
        assert not any(re.search(rf"\b{group}\b", text) for group in digits), text
        assert "sancties" in text, text


def test_review_text_keeps_no_addresses_or_handles_in_either_form() -> None:
    from knowledge.service import mask_for_review, normalise_for_review

    asked = "Mail me op ivan.p+nl@example.org of @ivan_petrov op Telegram: krijg ik sancties@home? zie x@y"
    for text in (normalise_for_review(asked), mask_for_review(asked)):
        assert "ivan" not in text.lower() and "example" not in text and "petrov" not in text, text
        assert "telegram" in text.lower() and "sancties" in text, text


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("Mijn nummer is +375 29 123 45 67, bel me over sancties", "Mijn nummer is #, bel me over sancties"),
        ("bel +31 6 12345678 of (+375) 29 1234567 over sancties", "bel # of # over sancties"),
        ("tel. +375291234567: sancties?", "tel. #: sancties?"),
    ],
)
def test_an_international_number_is_masked_with_its_plus(asked: str, shown: str) -> None:
    """'+375 29 123 45 67' became '+#' on the review card: the '+' (and '(+') is part of the number."""
    from knowledge.service import mask_for_review

    assert mask_for_review(asked) == shown


@pytest.mark.parametrize("asked", ["is 2+2 4?", "artikel +12 en 3+4=7 over sancties", "в 2021 году +5 человек"])
def test_a_short_number_with_a_plus_stays_as_asked(asked: str) -> None:
    from knowledge.service import mask_for_review

    assert mask_for_review(asked) == asked
