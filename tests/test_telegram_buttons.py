"""Buttons that do not (or no longer) mean anything get a polite answer and nothing breaks.

Telegram hands back whatever callback_data a client sends, so every press is untrusted input.
"""

from __future__ import annotations

import pytest
from telegramkit import SANCTIONS, callback_data, shipped_bot, watch_errors

from interface.texts import texts_for

NL = texts_for("nl")
USER = 1001


@pytest.mark.parametrize(
    "data",
    ["e:999999", "zz", "t:999:0", "f:1:7", "f:999999:1", "r:999999", "s:1", "l:de", "e:-1", "e:1" + "0" * 80],
)
async def test_forged_or_stale_button_gets_a_polite_answer(data: str) -> None:
    async with shipped_bot() as bot:
        errors = watch_errors(bot)
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)
        bot.api.press_button(user, answer, data, check=False)
        acknowledged = await bot.api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert acknowledged.ok and acknowledged.params.get("text") == NL.button_stale
        assert await bot.api.wait_idle() == []
        assert errors == []
        assert bot.service.store.db.execute("SELECT count(*) FROM feedback").fetchone() == (0,)


async def test_page_beyond_the_last_shows_the_last_page() -> None:
    async with shipped_bot() as bot:
        errors = watch_errors(bot)
        user = bot.api.user(USER, "Anna")
        [listing] = await bot.ask(user, "/topics")
        document = callback_data(listing)[0].split(":")[1]
        bot.api.press_button(user, listing, f"t:{document}:9999", check=False)
        acknowledged = await bot.api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert acknowledged.ok
        [page] = await bot.api.wait_for_messages(USER, 1)
        assert any(data.startswith("e:") for data in callback_data(page))
        assert errors == []


async def test_button_on_a_retired_entry_is_stale() -> None:
    async with shipped_bot() as bot:
        errors = watch_errors(bot)
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)
        related = next(d for d in callback_data(answer) if d.startswith("e:"))
        entry = bot.service.store.entry(int(related[2:]))
        bot.service.store.set_status(entry.id or 0, entry.status.RETIRED, "test")
        bot.api.press_button(user, answer, related)
        acknowledged = await bot.api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert acknowledged.params.get("text") == NL.button_stale
        assert await bot.api.wait_idle() == [] and errors == []


async def test_second_vote_from_an_old_keyboard_counts_once() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)
        vote = next(d for d in callback_data(answer) if d.startswith("f:"))
        bot.api.press_button(user, answer, vote)
        await bot.api.wait_for(lambda c: c.method == "editMessageReplyMarkup")
        bot.api.press_button(user, answer["message"], vote, check=False)  # a client with the old keyboard
        await bot.api.wait_idle()
        answers = bot.api.calls("answerCallbackQuery")
        assert len(answers) == 2 and all(call.ok for call in answers)
        assert bot.service.store.db.execute("SELECT sum(count) FROM feedback").fetchone() == (1,)
