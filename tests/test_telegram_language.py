"""The interface language follows the question's language, else the user's Telegram language; anything
else gets DEFAULT_LANGUAGE. (Since translations: a question written in a language is answered in it.)"""

from __future__ import annotations

import datetime as dt

import pytest
from telegramkit import SANCTIONS, UNRELATED, shipped_bot

from interface.texts import LANGUAGES, texts_for

RU, EN, BE, NL = texts_for("ru"), texts_for("en"), texts_for("be"), texts_for("nl")
#: Questions whose words do not tell their language: the Telegram language decides.
NEUTRAL_SANCTIONS = "sancties Belarus inreisverboden"
NEUTRAL_UNRELATED = "Amsterdam weer morgen"
RUSSIAN_SANCTIONS = "Какие санкции ввёл ЕС против Беларуси?"


async def test_russian_user_gets_russian_texts_and_the_dutch_official_text() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(2001, "Ольга", language_code="ru")
        [start] = await bot.ask(user, "/start")
        assert start["text"] == RU.start
        [answer] = await bot.ask(user, RUSSIAN_SANCTIONS)
        assert answer["visible_text"].startswith(RU.answer_heading)
        assert bot.service.store.entry(3).text in answer["visible_text"]
        [none] = await bot.ask(user, NEUTRAL_UNRELATED)
        assert none["visible_text"].startswith(RU.no_answer)
        [dutch] = await bot.ask(user, SANCTIONS)
        assert dutch["visible_text"].startswith(NL.answer_heading), "asked in Dutch: answered as a Dutch asker"
        [none] = await bot.ask(user, UNRELATED)
        assert none["visible_text"].startswith(NL.no_answer)


async def test_regional_language_code_gets_its_language() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(2002, "Alex", language_code="be-BY"), "/start")
        assert reply["text"] == BE.start


async def test_unknown_language_code_gets_the_default_language() -> None:
    async with shipped_bot(default_language="en") as bot:
        [reply] = await bot.ask(bot.api.user(2003, "Jonas", language_code="de"), "/start")
        assert reply["text"] == EN.start


async def test_user_without_language_code_gets_the_default_language() -> None:
    async with shipped_bot(default_language="en") as bot:
        [reply] = await bot.ask(bot.api.user(2004, "Kim", language_code=None), NEUTRAL_UNRELATED)
        assert reply["visible_text"].startswith(EN.no_answer)


@pytest.mark.parametrize("code", LANGUAGES)
async def test_every_interface_language_renders_every_command(code: str) -> None:
    # Commands count against the flood limit (handlers.throttle): room for the eight and the question.
    async with shipped_bot(flood_max_messages=20) as bot:
        user = bot.api.user(2005, "Sasha", language_code=code)
        texts = texts_for(code)
        for command in ("/start", "/help", "/privacy", "/ask", "/language", "/topics", "/sources", "/onbekend"):
            [reply] = await bot.ask(user, command)
            assert reply["visible_text"].strip(), command
        [answer] = await bot.ask(user, NEUTRAL_SANCTIONS)
        assert answer["visible_text"].startswith(texts.answer_heading)
        assert texts.date(dt.date(2021, 3, 2)) in answer["visible_text"]
