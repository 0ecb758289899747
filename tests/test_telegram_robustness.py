"""What could break a reply does not: other media, HTML in questions, very long answers, and a
handler that fails (the user hears so briefly; the log keeps neither their text nor their id)."""

from __future__ import annotations

import logging
import re

import pytest
from fakebotapi import utf16_len
from telegramkit import LONG_KEY, LONG_QUESTION, SANCTIONS, callback_data, long_letter, shipped_bot, watch_errors

from interface.texts import texts_for

NL = texts_for("nl")
USER = 1001


async def test_sticker_photo_voice_and_a_document_get_a_one_line_hint() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        bot.api.send_sticker(user)
        bot.api.send_photo(user)
        bot.api.send_voice(user)
        bot.api.send_document(user, "brief.txt", b"Een tekst", "text/plain")
        replies = await bot.api.wait_for_messages(USER, 4)
        assert [r["visible_text"] for r in replies] == [NL.not_text] * 4
        assert "\n" not in NL.not_text
        assert bot.api.downloads == [], "a document from someone who is not a moderator is not even fetched"


@pytest.mark.parametrize(
    "question",
    ["<b>sancties</b> & <script>alert(1)</script>", "sancties <a href='x'>tegen</a> Belarus &amp; &lt;", "</b></i><i>"],
)
async def test_html_in_a_question_never_breaks_the_reply(question: str) -> None:
    async with shipped_bot() as bot:
        errors = watch_errors(bot)
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), question)
        assert reply["visible_text"] and errors == []
        [ask] = await bot.ask(bot.api.user(USER, "Anna"), f"/ask {question}")
        assert ask["visible_text"] and errors == []


async def test_a_question_of_only_markup_is_refused_as_such_in_the_askers_language() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "</b></i><i> &nbsp;")
        assert reply["visible_text"] == NL.invalid_markup
        [reply] = await bot.ask(bot.api.user(USER + 1, "Ivan", language_code="ru"), "<br/>")
        assert reply["visible_text"] == texts_for("ru").invalid_markup


def test_a_stray_control_character_is_dropped_but_binary_is_refused(service: object) -> None:
    from knowledge.service import AnswerService, InvalidQuestion

    assert isinstance(service, AnswerService)
    assert service.validate_question("sancties\x00 tegen\u200b Belarus?") == "sancties tegen Belarus?"
    with pytest.raises(InvalidQuestion) as refused:
        service.validate_question("\x7fELF\x02\x01\x01\x00\x00\x00")
    assert refused.value.reason == "not_text"


async def test_answer_longer_than_a_message_arrives_in_paragraph_parts_with_the_keyboard_under_the_last() -> None:
    async with shipped_bot(long_letter()) as bot:
        entry = bot.service.store.entry_by_key(f"{LONG_KEY}/1")
        assert len(entry.text) > 8_000
        bot.api.send_text(bot.api.user(USER, "Anna"), LONG_QUESTION)
        await bot.api.wait_idle()
        parts = bot.api.sent_messages(USER)
        assert len(parts) >= 3
        assert all(utf16_len(part["visible_text"]) <= 4096 and len(part["text"]) <= 4096 for part in parts)
        paragraphs = entry.text.split("\n\n")
        for part in parts:
            body = [p for p in part["visible_text"].split("\n\n") if re.match(r"\d+\. ", p)]
            assert all(p in paragraphs for p in body), "cut between paragraphs, never inside one"
        shown = "\n\n".join(p for part in parts for p in part["visible_text"].split("\n\n") if p in paragraphs)
        assert shown == entry.text, "all of the official text, in order, once"
        assert [bool(callback_data(part)) for part in parts] == [False] * (len(parts) - 1) + [True]
        assert "📄" in parts[-1]["visible_text"], "the citation closes the answer"


async def test_failing_handler_tells_the_user_briefly_and_logs_neither_text_nor_user(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_id, secret_question = 777000111, "Wat weet de regering over mijn buurman Jansen?"
    async with shipped_bot() as bot:

        def broken(question: str, **kwargs: object) -> None:
            raise RuntimeError(f"index corrupt while answering {question!r}")

        monkeypatch.setattr(bot.service, "answer", broken)
        caplog.set_level(logging.DEBUG)
        [reply] = await bot.ask(bot.api.user(user_id, "Anna"), secret_question)
        assert reply["visible_text"] == NL.error
        await bot.api.wait_idle()
    logged = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert any(r.levelno >= logging.ERROR and "RuntimeError" in r.getMessage() for r in logged)
    for record in logged:
        text = record.getMessage() + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        text += record.exc_text or ""
        assert str(user_id) not in text and "Jansen" not in text, record.getMessage()


async def test_reply_that_telegram_refuses_gets_an_apology_and_the_bot_carries_on() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        bot.api.inject_fault("sendMessage", "server_error", status=400, description="Bad Request: something odd")
        [apology] = await bot.ask(user, SANCTIONS)
        assert apology["visible_text"] == NL.error
        [answer] = await bot.ask(user, SANCTIONS)
        assert bot.service.store.entry(3).text in answer["visible_text"], "the next question is answered as usual"


async def test_failing_button_gets_the_error_as_its_answer_and_in_the_chat(monkeypatch: pytest.MonkeyPatch) -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("the store went away")

        monkeypatch.setattr(bot.service, "entry_match", broken)
        bot.api.press_button(user, answer, next(d for d in callback_data(answer) if d.startswith("e:")))
        acknowledged = await bot.api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert acknowledged.ok and acknowledged.params.get("text") == NL.error, "the button does not keep spinning"
        [apology] = await bot.api.wait_for_messages(USER, 1)
        assert apology["visible_text"] == NL.error


async def test_button_failing_after_its_answer_gets_the_error_in_the_chat(monkeypatch: pytest.MonkeyPatch) -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("related questions failed")

        monkeypatch.setattr(bot.service, "related", broken)
        bot.api.press_button(user, answer, next(d for d in callback_data(answer) if d.startswith("e:")))
        [apology] = await bot.api.wait_for_messages(USER, 1)
        assert apology["visible_text"] == NL.error
