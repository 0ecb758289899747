"""Every public command, end to end, and the command menus the bot registers with Telegram."""

from __future__ import annotations

from fakebotapi import utf16_len
from telegramkit import PAGED_KEY, SANCTIONS, callback_data, current, many_letters, paged_letter, shipped_bot

from bot.app import PUBLIC_COMMANDS
from handlers.browse import PAGE_SIZE
from interface.texts import LANGUAGES, texts_for

NL, EN = texts_for("nl"), texts_for("en")
USER = 1001


async def test_start_says_what_the_bot_is() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "/start")
        assert reply["visible_text"].startswith("Standpunt beantwoordt vragen")
        assert "/topics" in reply["visible_text"] and "/privacy" in reply["visible_text"]


async def test_help_explains_how_to_ask_and_names_the_bot_for_inline_mode() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "/help")
        assert "@standpunt_test_bot uw vraag" in reply["visible_text"]
        assert "/ask <vraag>" in reply["visible_text"]


async def test_topics_lists_documents_and_pages_through_a_documents_entries() -> None:
    async with shipped_bot(paged_letter(20)) as bot:
        user = bot.api.user(USER, "Anna")
        [listing] = await bot.ask(user, "/topics")
        assert listing["visible_text"] == NL.topics_heading
        document_id = bot.service.document(PAGED_KEY).id
        assert f"t:{document_id}:0" in callback_data(listing)
        assert len(callback_data(listing)) == 3, "one button per document"

        bot.api.press_button(user, listing, f"t:{document_id}:0")
        [first] = await bot.api.wait_for_messages(USER, 1)
        assert first["method"] == "editMessageText" and "(1/3)" in first["visible_text"]
        entries = [d for d in callback_data(first) if d.startswith("e:")]
        assert len(entries) == PAGE_SIZE
        assert f"t:{document_id}:1" in callback_data(first) and "t:0:0" in callback_data(first)

        bot.api.press_button(user, first, f"t:{document_id}:1")
        [second] = await bot.api.wait_for_messages(USER, 1)
        assert "(2/3)" in second["visible_text"]
        assert {f"t:{document_id}:0", f"t:{document_id}:2"} <= set(callback_data(second)), "previous and next"

        bot.api.press_button(user, second, f"t:{document_id}:2")
        [last] = await bot.api.wait_for_messages(USER, 1)
        assert "(3/3)" in last["visible_text"] and len([d for d in callback_data(last) if d.startswith("e:")]) == 4
        assert f"t:{document_id}:3" not in callback_data(last), "no next page after the last"

        bot.api.press_button(user, last, f"t:{document_id}:1")
        [back_one] = await bot.api.wait_for_messages(USER, 1)
        assert "(2/3)" in back_one["visible_text"]

        bot.api.press_button(user, back_one, "t:0:0")
        [documents] = await bot.api.wait_for_messages(USER, 1)
        assert documents["visible_text"] == NL.topics_heading
        assert current(bot, listing)["message_id"] == documents["message_id"], "browsing edits one message"


async def test_topics_pages_through_many_documents_and_back_leads_to_the_right_page() -> None:
    async with shipped_bot(*many_letters(28)) as bot:
        user = bot.api.user(USER, "Anna")
        [listing] = await bot.ask(user, "/topics")
        documents = [d for d in callback_data(listing) if d != "t:0:1"]
        assert len(documents) == PAGE_SIZE and "(1/4)" in listing["visible_text"]
        assert "t:0:1" in callback_data(listing), "a next page of documents"

        last = listing
        for page in (1, 2, 3):
            bot.api.press_button(user, last, f"t:0:{page}")
            [last] = await bot.api.wait_for_messages(USER, 1)
        assert "(4/4)" in last["visible_text"] and "t:0:2" in callback_data(last) and "t:0:4" not in callback_data(last)
        document = next(d for d in callback_data(last) if not d.startswith("t:0:"))
        bot.api.press_button(user, last, document)
        [entries] = await bot.api.wait_for_messages(USER, 1)
        assert "t:0:3" in callback_data(entries), "back returns to the page the document is on"


async def test_sources_of_a_large_store_arrive_in_several_messages() -> None:
    async with shipped_bot(*many_letters(28)) as bot:
        bot.api.send_text(bot.api.user(USER, "Anna"), "/sources")
        await bot.api.wait_idle()
        parts = bot.api.sent_messages(USER)
        assert len(parts) >= 2 and all(utf16_len(p["visible_text"]) <= 4096 for p in parts)
        text = "\n\n".join(p["visible_text"] for p in parts)
        assert all(f"nr. {4000 + n}" in text for n in range(1, 29)), "every document, none cut off"
        assert "2 maart 2021" in text and "16 juli 2021" in text


async def test_topics_entry_button_shows_that_answer() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [listing] = await bot.ask(user, "/topics")
        bot.api.press_button(user, listing, callback_data(listing)[0])
        [page] = await bot.api.wait_for_messages(USER, 1)
        first_entry = next(d for d in callback_data(page) if d.startswith("e:"))
        bot.api.press_button(user, page, first_entry)
        [answer] = await bot.api.wait_for_messages(USER, 1)
        assert bot.service.entry_match(int(first_entry[2:])).text in answer["visible_text"]


async def test_sources_lists_documents_with_dates_authors_and_links() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "/sources")
        text = reply["visible_text"]
        assert "2 maart 2021" in text and "16 juli 2021" in text
        assert "S.A. Blok" in text and "minister Kaag" in text
        links = [e["url"] for e in reply["message"]["entities"] if e["type"] == "text_link"]
        assert links == ["https://zoek.officielebekendmakingen.nl/kst-21501-02-2298.html"]


async def test_sources_in_english_keep_the_official_roles_and_explain_them() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna", language_code="en"), "/sources")
        text = reply["visible_text"]
        assert "2 March 2021" in text and "maart" not in text
        assert "S.A. Blok, Minister van Buitenlandse Zaken [Minister of Foreign Affairs]" in text
        assert "minister Kaag (Buitenlandse Zaken) [Minister of Foreign Affairs]" in text


async def test_ask_answers_the_question_after_the_command() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), f"/ask {SANCTIONS}")
        assert bot.service.store.entry(3).text in reply["visible_text"]


async def test_ask_without_a_question_explains_its_usage() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "/ask")
        assert reply["visible_text"] == NL.ask_usage.replace("&lt;", "<").replace("&gt;", ">")


async def test_language_choice_changes_later_replies_but_not_the_official_text() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna", language_code="nl")
        [prompt] = await bot.ask(user, "/language")
        assert callback_data(prompt) == [f"l:{code}" for code in LANGUAGES]
        bot.api.press_button(user, prompt, "l:en")
        [confirmed] = await bot.api.wait_for_messages(USER, 1)
        assert confirmed["visible_text"] == EN.language_set
        [answer] = await bot.ask(user, SANCTIONS)
        assert answer["visible_text"].startswith(EN.answer_heading)
        assert bot.service.store.entry(3).text in answer["visible_text"], "the official text stays Dutch"
        assert "Letter to Parliament (Kamerbrief) · 2 March 2021" in answer["visible_text"]
        [usage] = await bot.ask(user, "/ask")
        assert usage["visible_text"].startswith("Usage:")


async def test_privacy_states_how_long_unanswered_questions_are_kept() -> None:
    async with shipped_bot(review_retention_days=45) as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "/privacy")
        assert "na 45 dagen gewist" in reply["visible_text"]
        assert "Geen Telegram-id" in reply["visible_text"]


async def test_unknown_command_gets_a_hint() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "/weer")
        assert reply["visible_text"] == NL.unknown_command
        assert "/help" in reply["visible_text"]


async def test_command_menus_are_registered_for_every_language_and_the_default() -> None:
    async with shipped_bot(default_language="en") as bot:
        for code in LANGUAGES:
            texts = texts_for(code)
            expected = [{"command": name, "description": getattr(texts, f"command_{name}")} for name in PUBLIC_COMMANDS]
            assert bot.api.commands(None, code) == expected
        assert bot.api.commands(None, "") == bot.api.commands(None, "en"), "the default follows DEFAULT_LANGUAGE"
