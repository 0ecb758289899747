"""Groups, end to end: the bot answers /ask, mentions and replies to itself, and is silent otherwise."""

from __future__ import annotations

from telegramkit import SANCTIONS, shipped_bot

GROUP = -1001234567890
USER = 1001


async def test_ask_in_a_group_is_answered_as_a_reply() -> None:
    async with shipped_bot() as bot:
        group = bot.api.group_chat(GROUP, "Belarus NL")
        bot.api.send_text(bot.api.user(USER, "Anna"), f"/ask {SANCTIONS}", chat=group)
        [reply] = await bot.api.wait_for_messages(GROUP, 1)
        assert bot.service.store.entry(3).text in reply["visible_text"]
        assert reply["message"]["reply_to_message"]["from"]["id"] == USER, "threaded under the question"


async def test_ask_addressed_to_the_bot_by_name_is_answered() -> None:
    async with shipped_bot() as bot:
        group = bot.api.group_chat(GROUP, "Belarus NL")
        bot.api.send_text(bot.api.user(USER, "Anna"), f"/ask@standpunt_test_bot {SANCTIONS}", chat=group)
        [reply] = await bot.api.wait_for_messages(GROUP, 1)
        assert bot.service.store.entry(3).text in reply["visible_text"]


async def test_message_mentioning_the_bot_is_answered_without_the_mention() -> None:
    async with shipped_bot() as bot:
        group = bot.api.group_chat(GROUP, "Belarus NL")
        bot.api.send_text(bot.api.user(USER, "Anna"), f"@standpunt_test_bot {SANCTIONS}", chat=group)
        [reply] = await bot.api.wait_for_messages(GROUP, 1)
        assert bot.service.store.entry(3).text in reply["visible_text"]
        [recorded] = bot.service.store.db.execute("SELECT outcome FROM question_stats").fetchall()
        assert recorded == ("answer",), "the mention is no part of the question"


async def test_reply_to_a_bot_message_is_answered() -> None:
    async with shipped_bot() as bot:
        group = bot.api.group_chat(GROUP, "Belarus NL")
        user = bot.api.user(USER, "Anna")
        bot.api.send_text(user, "/ask hallo", chat=group)
        [greeting] = await bot.api.wait_for_messages(GROUP, 1)
        bot.api.send_text(user, SANCTIONS, chat=group, reply_to_message=greeting)
        [reply] = await bot.api.wait_for_messages(GROUP, 1)
        assert bot.service.store.entry(3).text in reply["visible_text"]


async def test_group_message_without_mention_gets_no_reply() -> None:
    async with shipped_bot() as bot:
        await bot.api.wait_idle()  # the start's own calls are over
        group = bot.api.group_chat(GROUP, "Belarus NL")
        user = bot.api.user(USER, "Anna")
        bot.api.send_text(user, SANCTIONS, chat=group)
        bot.api.send_text(user, "@iemand_anders wat vind jij van de sancties?", chat=group)
        assert await bot.api.wait_idle() == []


async def test_reply_to_another_member_in_a_group_gets_no_reply() -> None:
    async with shipped_bot() as bot:
        group = bot.api.group_chat(GROUP, "Belarus NL")
        anna, piet = bot.api.user(USER, "Anna"), bot.api.user(1002, "Piet")
        bot.api.send_text(anna, "Wat vinden jullie?", chat=group)
        await bot.api.wait_idle()
        original = bot.api.state.message(GROUP, 1)
        bot.api.send_text(piet, SANCTIONS, chat=group, reply_to_message=original)
        assert await bot.api.wait_idle() == []


async def test_stickers_and_unknown_commands_in_a_group_get_no_reply() -> None:
    async with shipped_bot() as bot:
        await bot.api.wait_idle()  # the start's own calls are over
        group = bot.api.group_chat(GROUP, "Belarus NL")
        user = bot.api.user(USER, "Anna")
        bot.api.send_sticker(user, chat=group)
        bot.api.send_text(user, "/poll@andere_bot", chat=group)
        assert await bot.api.wait_idle() == []
