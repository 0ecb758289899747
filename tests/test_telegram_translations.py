"""Answers in the asker's language, end to end through the real Application and the fake Bot API:
the unofficial translation, labelled, then the official Dutch text (best sentence in bold) in an
expandable quote, then the citation; in private chats, groups and inline mode. Dutch askers see
exactly what they saw before translations existed."""

from __future__ import annotations

import html
import json
from typing import Any

import pytest
from botharness import RunningBot
from dutchgolden import GOLDEN, dutch_replies, golden_bot
from fakebotapi import parse_telegram_html, utf16_len
from telegramkit import callback_data, shipped_bot

from handlers.render import MAX_MESSAGE, render_match_messages, translated_inline_message
from interface.texts import texts_for
from knowledge.models import Language
from knowledge.moderation import Moderation
from knowledge.storage import translations
from tests.moderationkit import corrected

USER, GROUP = 1001, -1001234567890
SANCTIONS_ID, MELDPUNT_ID = 3, 13
QUESTIONS = {
    "ru": "Какие санкции ввёл ЕС против Беларуси?",
    "en": "What sanctions has the EU imposed on Belarus?",
}
MELDPUNT = {
    "ru": "Есть ли специальная горячая линия для белорусов, которым угрожают?",
    "en": "Is there a special hotline for Belarusians in the Netherlands who feel threatened?",
}
#: Belarusian: the matcher offers suggestions (it has no Belarusian phrasings); the asker picks one.
BELARUSIAN = "санкцыі ЕС Беларусь"


def units_slice(text: str, offset: int, length: int) -> str:
    """The part of `text` an entity covers (offsets are UTF-16 code units)."""
    encoded = text.encode("utf-16-le")
    return encoded[offset * 2 : (offset + length) * 2].decode("utf-16-le")


def check_translated(
    bot: RunningBot, replies: list[dict[str, Any]], entry_id: int, language: str, *, highlighted: bool = True
) -> str:
    """Label, the stored translation, the official text in expandable quotes (with its highlight when
    it answers a question: an entry shown by a button has none), the citation; every message valid
    and within 4,096 units. Returns the joined visible text."""
    texts = texts_for(language)
    entry = bot.service.store.entry(entry_id)
    stored = translations.translation(bot.service.store, entry_id, Language(language))
    assert stored is not None
    quoted, bold_in_quote = "", False
    for reply in replies:
        visible, entities = parse_telegram_html(reply["text"])
        assert utf16_len(reply["text"]) <= MAX_MESSAGE
        for quote in (e for e in entities if e["type"] == "expandable_blockquote"):
            quoted += units_slice(visible, quote["offset"], quote["length"])
            end = quote["offset"] + quote["length"]
            bold_in_quote |= any(
                e["type"] == "bold" and quote["offset"] <= e["offset"] and e["offset"] + e["length"] <= end
                for e in entities
            )
    shown = "\n\n".join(r["visible_text"] for r in replies)
    label = shown.index(texts.translation_label)
    assert shown.index(stored.text) > label, "the translation, under its label"
    assert shown.index(texts.official_text_label) > shown.index(stored.text), "then the official text"
    assert entry.text.replace("\n\n", "") in quoted.replace("\n\n", ""), "the official text, verbatim, in the quote"
    assert stored.text not in quoted, "the translation is never inside the official quote"
    assert bold_in_quote or not highlighted, "the best sentence stays highlighted in the official text"
    assert shown.rindex("📄") > shown.index(texts.official_text_label), "the citation comes last"
    assert texts.translation_stale not in shown
    return shown


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_asker_in_private_chat_gets_the_labelled_translation_and_the_official_text(language: str) -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Olga", language_code="nl")  # the question's language decides
        replies = await bot.ask(user, QUESTIONS[language])
        shown = check_translated(bot, replies, SANCTIONS_ID, language)
        assert shown.startswith(texts_for(language).answer_heading)
        related = [b for b in callback_data(replies[-1]) if b.startswith("e:")]
        assert related and all(b.endswith(f":{language}") for b in related), "related questions keep the language"
        replies = await bot.ask(user, MELDPUNT[language])
        shown = check_translated(bot, replies, MELDPUNT_ID, language)
        stored = translations.translation(bot.service.store, MELDPUNT_ID, Language(language))
        assert stored is not None and stored.question and stored.question in shown, "the translated official question"


async def test_belarusian_asker_gets_suggestions_in_belarusian_and_the_translation() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Ales", language_code="ru")
        [offer] = await bot.ask(user, BELARUSIAN)
        be = texts_for("be")
        assert offer["visible_text"].startswith(be.suggest_heading)
        titles = [b["text"] for row in offer["reply_markup"]["inline_keyboard"] for b in row]
        stored = translations.translation(bot.service.store, SANCTIONS_ID, Language.BE)
        assert stored is not None and stored.question
        assert any(stored.question in title for title in titles), "the translated question, not the Dutch one"
        dutch = bot.service.store.entry(SANCTIONS_ID).question or ""
        assert not any(dutch[:40] in title for title in titles)
        data = f"e:{SANCTIONS_ID}:be"
        assert data in callback_data(offer)
        bot.api.press_button(user, offer, data)
        replies = await bot.api.wait_for_messages(USER, 1)
        check_translated(bot, replies, SANCTIONS_ID, "be", highlighted=False)


async def test_language_command_overrides_the_questions_language() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Olga", language_code="ru")
        [prompt] = await bot.ask(user, "/language")
        bot.api.press_button(user, prompt, "l:be")
        [chosen] = await bot.api.wait_for_messages(USER, 1)
        assert chosen["text"] == texts_for("be").language_set
        replies = await bot.ask(user, QUESTIONS["ru"])
        check_translated(bot, replies, SANCTIONS_ID, "be")


async def test_group_askers_get_the_translation_as_a_reply() -> None:
    async with shipped_bot() as bot:
        group = bot.api.group_chat(GROUP, "Belarus NL")
        for n, language in enumerate(("ru", "en")):
            bot.api.send_text(
                bot.api.user(USER + n, "Anna", language_code="nl"), f"/ask {QUESTIONS[language]}", chat=group
            )
            [reply] = await bot.api.wait_for_messages(GROUP, 1)
            check_translated(bot, [reply], SANCTIONS_ID, language)
            assert reply["message"]["reply_to_message"]["from"]["id"] == USER + n
        asker = bot.api.user(USER + 5, "Ales", language_code="be")
        bot.api.send_text(asker, f"@standpunt_test_bot {BELARUSIAN}", chat=group)
        [offer] = await bot.api.wait_for_messages(GROUP, 1)
        bot.api.press_button(asker, offer, f"e:{SANCTIONS_ID}:be")
        [reply] = await bot.api.wait_for_messages(GROUP, 1)
        check_translated(bot, [reply], SANCTIONS_ID, "be", highlighted=False)


@pytest.mark.parametrize(("language", "query"), [("ru", QUESTIONS["ru"]), ("en", QUESTIONS["en"]), ("be", BELARUSIAN)])
async def test_inline_results_carry_the_translation_and_the_official_text(language: str, query: str) -> None:
    async with shipped_bot() as bot:
        bot.api.inline_query(bot.api.user(USER, "Anna", language_code="nl"), query)
        call = await bot.api.wait_for(lambda c: c.method == "answerInlineQuery")
        assert call.ok, call.description
        results = call.params["results"]
        [result] = [
            r
            for r in results
            if f"{SANCTIONS_ID}"
            and translations.translation(bot.service.store, SANCTIONS_ID, Language(language)).question == r["title"]
        ]  # type: ignore[union-attr]
        content = result["input_message_content"]
        visible, _ = parse_telegram_html(content["message_text"])
        check_translated(bot, [{"text": content["message_text"], "visible_text": visible}], SANCTIONS_ID, language)
        for other in results:
            assert (
                texts_for(language).translation_label
                in parse_telegram_html(other["input_message_content"]["message_text"])[0]
            )


async def test_dutch_askers_see_exactly_what_they_saw_before() -> None:
    async with golden_bot() as bot:
        assert await dutch_replies(bot) == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["en", "ru", "be"])
async def test_the_longest_shipped_answer_with_its_translation_stays_within_the_limits(language: str) -> None:
    async with shipped_bot() as bot:
        longest = max(bot.service.store.entries(), key=lambda e: len(e.text))
        match = bot.service.entry_match(longest.id or 0, question=longest.question, language=language)
        assert match.translation is not None and match.highlight is not None
        texts = texts_for(language)
        for message in render_match_messages(match, texts, heading=texts.answer_heading):
            parse_telegram_html(message)
            assert utf16_len(message) <= MAX_MESSAGE
        inline = translated_inline_message(match, texts)
        assert utf16_len(inline) <= MAX_MESSAGE and longest.text.split("\n")[0][:200] in parse_telegram_html(inline)[0]
        user = bot.api.user(USER, "Olga", language_code=language)
        bot.api.press_button(user, (await bot.ask(user, "/topics"))[0], f"e:{longest.id}:{language}", check=False)
        replies = await bot.api.wait_for_messages(USER, 1)
        check_translated(bot, replies, longest.id or 0, language, highlighted=False)


async def test_a_long_answer_and_translation_are_split_between_whole_quotes() -> None:
    async with shipped_bot() as bot:
        moderation = Moderation(bot.service)
        entry = bot.service.store.entry(SANCTIONS_ID)
        long_text = "\n\n".join([entry.text] * 7)  # ~4,300 characters of official text
        bot.service.store.update_entry(SANCTIONS_ID, entry.version, "cli:test", text=long_text)  # as an import may
        stored = translations.translation(bot.service.store, SANCTIONS_ID, Language.RU)
        assert stored is not None
        moderation.save_translation(SANCTIONS_ID, "ru", "\n\n".join([stored.text] * 7), None, "cli:test")
        best = bot.service.answer(QUESTIONS["ru"], language="ru").best
        assert best is not None
        count = len(render_match_messages(best, texts_for("ru"), heading=texts_for("ru").answer_heading))
        assert count >= 3
        replies = await bot.ask(bot.api.user(USER, "Olga"), QUESTIONS["ru"], count=count)
        assert await bot.api.wait_idle() == [], "and no more"
        check_translated(bot, replies, SANCTIONS_ID, "ru")
        assert all(r["text"].count("<blockquote") == r["text"].count("</blockquote>") for r in replies)
        inline = translated_inline_message(best, texts_for("ru"))
        visible, entities = parse_telegram_html(inline)
        assert utf16_len(inline) <= MAX_MESSAGE and visible.count("…") == 2 and "📄" in visible
        assert entry.text[:100] in visible and stored.text[:100] in visible, "the start of both, the translation first"
        assert visible.index(stored.text[:100]) < visible.index(entry.text[:100])
        assert any(e["type"] == "expandable_blockquote" for e in entities)


async def test_after_an_edit_of_the_official_text_the_old_translation_is_not_shown() -> None:
    async with shipped_bot() as bot:
        moderation = Moderation(bot.service)
        entry = bot.service.store.entry(SANCTIONS_ID)
        before = translations.translation(bot.service.store, SANCTIONS_ID, Language.RU)
        assert before is not None
        edited = moderation.edit_entry(SANCTIONS_ID, entry.version, "cli:test", text=corrected(entry.text))
        ru = texts_for("ru")
        user = bot.api.user(USER, "Olga")
        [reply] = await bot.ask(user, QUESTIONS["ru"])
        shown = reply["visible_text"]
        # The translation was made for the earlier text: the current Dutch under "no translation yet".
        assert ru.no_translation in shown and ru.translation_label not in shown
        assert before.text[:60] not in shown
        assert edited.text in shown and entry.text not in shown, "the current official text"
        moderation.confirm_translation(SANCTIONS_ID, "ru", "cli:test")
        [reply] = await bot.ask(user, QUESTIONS["ru"])
        assert ru.translation_label in reply["visible_text"] and before.text[:60] in reply["visible_text"]


async def test_an_entry_without_translation_says_so_and_shows_the_dutch_text() -> None:
    async with shipped_bot() as bot:
        bot.service.store.db.execute("UPDATE translations SET status = 'withdrawn' WHERE entry_id = ?", [SANCTIONS_ID])
        [reply] = await bot.ask(bot.api.user(USER, "Olga"), QUESTIONS["ru"])
        ru = texts_for("ru")
        shown = reply["visible_text"]
        assert ru.no_translation in shown and ru.translation_label not in shown
        assert bot.service.store.entry(SANCTIONS_ID).text in shown and "📄" in shown
        highlight = bot.service.answer(QUESTIONS["ru"]).best.highlight  # type: ignore[union-attr]
        assert highlight and f"<b>{html.escape(highlight.sentence, quote=False)}</b>" in reply["text"]
