"""Inline mode, end to end: '@bot question' offers up to ten official answers, each a valid message."""

from __future__ import annotations

from typing import Any

from botharness import RunningBot
from fakebotapi import parse_telegram_html, utf16_len
from telegramkit import LONG_QUESTION, VAGUE, long_letter, shipped_bot

from interface.plain import suggestion_title
from interface.texts import texts_for

USER = 1001


async def inline_results(bot: RunningBot, query: str, language: str = "nl") -> list[dict[str, Any]]:
    """The results the bot answered an inline query with (the fake has validated them)."""
    bot.api.inline_query(bot.api.user(USER, "Anna", language_code=language), query)
    call = await bot.api.wait_for(lambda c: c.method == "answerInlineQuery")
    assert call.ok, call.description
    return list(call.params["results"])


def check_article(result: dict[str, Any]) -> str:
    """Title, citation as description, and an HTML message within Telegram's limit; its visible text."""
    assert result["type"] == "article" and result["title"].strip()
    assert result["description"].startswith(("Kamerbrief", "Antwoord op Kamervragen"))
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    visible, _ = parse_telegram_html(content["message_text"])
    assert utf16_len(visible) <= 4096
    return visible


async def test_inline_query_offers_up_to_ten_official_answers_with_citations() -> None:
    async with shipped_bot() as bot:
        results = await inline_results(bot, "Belarus")
        assert 1 <= len(results) <= 10
        assert len({r["id"] for r in results}) == len(results)
        for result in results:
            visible = check_article(result)
            assert "📄" in visible, "the citation travels with the quoted text"
        texts = {bot.service.store.entry(e.entry_id).text for e in bot.service.search("Belarus")}
        assert all(any(text in check_article(r) for text in texts) for r in results), "verbatim official text"


async def test_inline_answer_longer_than_a_message_is_shortened_but_keeps_its_citation() -> None:
    async with shipped_bot(long_letter()) as bot:
        results = await inline_results(bot, LONG_QUESTION)
        visible = check_article(results[0])
        assert "…" in visible and "📄" in visible


async def test_inline_query_matches_what_a_private_question_would_suggest() -> None:
    async with shipped_bot() as bot:
        results = await inline_results(bot, VAGUE)
        suggested = [suggestion_title(m, 100) for m in bot.service.answer(VAGUE).suggestions]
        assert [r["title"] for r in results[: len(suggested)]] == suggested


async def test_empty_inline_query_gets_a_hint_in_the_users_language_instead_of_results() -> None:
    async with shipped_bot() as bot:
        assert await inline_results(bot, "", language="ru") == []
        [call] = bot.api.calls("answerInlineQuery")
        assert call.params["button"] == {"text": texts_for("ru").inline_help, "start_parameter": "inline"}


async def test_inline_query_without_a_match_says_so_above_the_empty_results() -> None:
    async with shipped_bot() as bot:
        assert await inline_results(bot, "xyzzy qwerty plof") == []
        [call] = bot.api.calls("answerInlineQuery")
        assert call.params["button"]["text"] == texts_for("nl").inline_no_results


async def test_inline_results_carry_no_hint_button() -> None:
    async with shipped_bot() as bot:
        assert await inline_results(bot, "Belarus")
        [call] = bot.api.calls("answerInlineQuery")
        assert "button" not in call.params


async def test_inline_results_are_in_the_users_language_and_cached_per_user() -> None:
    async with shipped_bot() as bot:
        results = await inline_results(bot, "санкции против Беларуси", language="ru")
        assert results[0]["description"].startswith(texts_for("ru").kind_kamerbrief)
        [call] = bot.api.calls("answerInlineQuery")
        assert call.params.get("is_personal") is True, "a shared cache would show one language to everyone"
