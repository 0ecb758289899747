"""A private chat, end to end: every message is a question, answered with the official text verbatim,
its best sentence in bold and its citation; unsure questions get "did you mean" buttons, unknown
ones an honest no; the buttons under an answer work."""

from __future__ import annotations

import html

from telegramkit import GREETING, MELDPUNT, SANCTIONS, UNRELATED, VAGUE, buttons, callback_data, current, shipped_bot

from interface.texts import texts_for

NL = texts_for("nl")
USER = 1001


async def test_question_gets_the_official_text_verbatim_with_the_best_sentence_in_bold() -> None:
    async with shipped_bot() as bot:
        expected = bot.service.answer(MELDPUNT).best
        assert expected is not None and expected.highlight is not None
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), MELDPUNT)
        assert expected.text in reply["visible_text"], "the official text, verbatim"
        assert f"<b>{html.escape(expected.highlight.sentence, quote=False)}</b>" in reply["text"]
        assert reply["visible_text"].startswith(NL.answer_heading)


async def test_citation_names_kind_date_authors_and_question_number() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), MELDPUNT)
        citation = reply["visible_text"].rsplit("📄", 1)[1]
        assert "Antwoord op Kamervragen · 16 juli 2021 · " in citation
        assert "minister Kaag (Buitenlandse Zaken)" in citation and "minister Grapperhaus" in citation
        assert "Vraag 6" in citation
        links = [e for e in reply["message"].get("entities", []) if e["type"] == "text_link"]
        assert links == [], "this document has no known URL, so nothing links"


async def test_citation_links_to_the_document_when_it_has_a_url() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), SANCTIONS)
        url = "https://zoek.officielebekendmakingen.nl/kst-21501-02-2298.html"
        citation = reply["visible_text"].rsplit("📄", 1)[1]
        assert "Kamerbrief · 2 maart 2021 · S.A. Blok, Minister van Buitenlandse Zaken · alinea 3" in citation
        assert "Kamerstukken II 2020/21, 21 501-02, nr. 2298" in citation
        assert any(e["type"] == "text_link" and e["url"] == url for e in reply["message"]["entities"])
        assert any(b.get("url") == url for b in buttons(reply)), "and a button to the official text"


async def test_unsure_question_offers_did_you_mean_buttons_and_pressing_one_shows_that_answer() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [offer] = await bot.ask(user, VAGUE)
        assert offer["visible_text"].startswith(NL.suggest_heading)
        suggested = callback_data(offer)
        assert 1 <= len(suggested) <= 3 and all(data.startswith("e:") for data in suggested)
        chosen = bot.service.entry_match(int(suggested[0].split(":")[1]))
        bot.api.press_button(user, offer, suggested[0])
        [answer] = await bot.api.wait_for_messages(USER, 1)
        assert chosen.text in answer["visible_text"]
        assert any(data.startswith("f:") for data in callback_data(answer))


async def test_question_without_official_answer_says_so_and_points_to_topics_and_sources() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), UNRELATED)
        assert reply["visible_text"].startswith(NL.no_answer)
        assert "/topics" in reply["visible_text"] and "/sources" in reply["visible_text"]


async def test_a_question_for_a_persons_fate_is_told_the_texts_do_not_say_it_with_the_closest_passages() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), "Is Sofia Sapega inmiddels vrijgelaten?")
        assert reply["visible_text"].startswith(NL.untold_fate)
        assert NL.related_heading in reply["visible_text"] and NL.suggest_heading not in reply["visible_text"]
        offered = callback_data(reply)
        assert offered and all(data.startswith("e:") for data in offered)


async def test_greeting_gets_a_greeting() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(USER, "Anna"), GREETING)
        assert reply["visible_text"].startswith(NL.greeting)


async def test_feedback_is_recorded_without_user_and_its_row_leaves_the_keyboard() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)
        vote = next(data for data in callback_data(answer) if data.startswith("f:") and data.endswith(":1"))
        bot.api.press_button(user, answer, vote)
        acknowledged = await bot.api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert acknowledged.params.get("text") == NL.feedback_thanks
        await bot.api.wait_for(lambda c: c.method == "editMessageReplyMarkup" and c.ok)

        entry_id = int(vote.split(":")[1])
        columns = {row[1] for row in bot.service.store.db.execute("PRAGMA table_info(feedback)")}
        assert columns == {"id", "entry_id", "day", "helpful", "count"}, "no column for a person or a chat"
        rows = bot.service.store.db.execute("SELECT entry_id, helpful, count FROM feedback").fetchall()
        assert rows == [(entry_id, 1, 1)]

        left = callback_data(current(bot, answer))
        assert not any(data.startswith("f:") for data in left), "one vote per answer"
        assert any(data.startswith("r:") for data in left), "the other buttons stay"


async def test_source_button_shows_the_document_with_its_entries() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)
        source = next(data for data in callback_data(answer) if data.startswith("r:"))
        bot.api.press_button(user, answer, source)
        [document] = await bot.api.wait_for_messages(USER, 1)
        text = document["visible_text"]
        assert "Kamerbrief" in text and "2 maart 2021" in text and "S.A. Blok" in text
        assert "Kamerstukken II 2020/21, 21 501-02, nr. 2298" in text
        assert any(e["type"] == "text_link" for e in document["message"]["entities"])
        entries = [data for data in callback_data(document) if data.startswith("e:")]
        assert len(entries) == 7, "every paragraph of the letter, one button each"


async def test_related_question_buttons_show_their_answers() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [answer] = await bot.ask(user, SANCTIONS)
        related = [b for b in buttons(answer) if b["text"].startswith("❓")]
        assert related, "related questions under the answer"
        entry_id = int(related[0]["callback_data"].split(":")[1])
        bot.api.press_button(user, answer, related[0]["callback_data"])
        [shown] = await bot.api.wait_for_messages(USER, 1)
        assert bot.service.entry_match(entry_id).text in shown["visible_text"]


async def test_edited_message_is_answered_like_a_new_one() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(USER, "Anna")
        [first] = await bot.ask(user, UNRELATED)
        assert first["visible_text"].startswith(NL.no_answer)
        bot.api.send_text(user, SANCTIONS, edit=True)
        [second] = await bot.api.wait_for_messages(USER, 1)
        assert bot.service.store.entry(3).text in second["visible_text"]


async def test_nothing_in_the_store_identifies_who_asked_or_voted() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(731_000_555, "Anna", username="anna_uit_utrecht")
        [answer] = await bot.ask(user, SANCTIONS)
        bot.api.press_button(user, answer, next(d for d in callback_data(answer) if d.startswith("f:")))
        await bot.api.wait_for(lambda c: c.method == "editMessageReplyMarkup")
        await bot.ask(user, UNRELATED)
        dump = "\n".join(bot.service.store.db.conn.iterdump())
        assert "731000555" not in dump and "anna_uit_utrecht" not in dump
        assert bot.service.store.db.execute("SELECT count(*) FROM feedback").fetchone() == (1,)
