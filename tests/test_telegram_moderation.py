"""Moderators in Telegram, end to end: the real Application long polling against the fake Bot API.

Every flow is driven the way a moderator drives it (commands, buttons, files) and checked on what
the bot sends and on what the store then holds; everyone else is refused and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from botharness import RunningBot, running_bot

from interface.texts import texts_for
from interface.texts.moderator import EN, NL, moderator_texts
from interface.texts.nl import TEXTS as NL_TEXTS
from knowledge.ingest.parsing import parse_document
from knowledge.models import EntryStatus
from knowledge.moderation import EntryDraft, Moderation
from knowledge.reasons import Reason
from knowledge.service import AnswerService
from knowledge.storage.exchange import Export
from tests.conftest import ANSWERS, LETTER
from tests.moderationkit import (
    AANHANGSEL_XML,
    ANSWERS_KEY,
    KAMERSTUK_XML,
    LETTER_KEY,
    NEW_QUESTION,
    NEW_TEXT,
    UNANSWERED,
    UNANSWERED_VARIANT,
    best_key,
    content,
    fresh_service,
)
from tests.pdfgen import make_pdf

MODERATOR, OTHER_MODERATOR, USER = 4001, 4002, 1001


@asynccontextmanager
async def moderated_bot(service: AnswerService | None = None, **overrides: Any) -> AsyncIterator[RunningBot]:
    """The bot with two moderators (English interface) and one ordinary user (Dutch)."""
    moderators = frozenset({MODERATOR, OTHER_MODERATOR})
    async with running_bot(service=service or fresh_service(), moderator_ids=moderators, **overrides) as bot:
        yield bot


def moderator(bot: RunningBot, user_id: int = MODERATOR) -> dict[str, Any]:
    return bot.api.user(user_id, "Mod", language_code="en")


def user(bot: RunningBot) -> dict[str, Any]:
    return bot.api.user(USER, "Anna", language_code="nl")


async def send(bot: RunningBot, who: dict[str, Any], text: str, count: int = 1) -> list[dict[str, Any]]:
    bot.api.send_text(who, text)
    return await bot.api.wait_for_messages(who["id"], count)


async def press(bot: RunningBot, who: dict[str, Any], message: dict[str, Any], data: str, count: int = 1) -> list[dict[str, Any]]:
    bot.api.press_button(who, message, data)
    return await bot.api.wait_for_messages(who["id"], count)


async def upload(bot: RunningBot, who: dict[str, Any], name: str, data: bytes, mime: str = "text/plain") -> dict[str, Any]:
    bot.api.send_document(who, name, data, mime)
    [reply] = await bot.api.wait_for_messages(who["id"], 1)
    return reply


def buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row if "callback_data" in b]


async def popup(bot: RunningBot, who: dict[str, Any], message: dict[str, Any], data: str, *, check: bool = True) -> str | None:
    """Press a button and wait for the bot's answer to that press: the text it shows, if any."""
    bot.api.press_button(who, message, data, check=check)
    query_id = list(bot.api.state.callback_queries)[-1]
    call = await bot.api.wait_for(
        lambda c: c.method == "answerCallbackQuery" and str(c.params["callback_query_id"]) == query_id
    )
    return call.params.get("text")


async def answered_by(bot: RunningBot, who: dict[str, Any], question: str) -> str:
    """The visible text of the bot's reply to a question."""
    [reply] = await send(bot, who, question)
    return str(reply["visible_text"])


# --- who may moderate -----------------------------------------------------------------------------

EVERY_MODERATOR_COMMAND = [
    "/add", "/edit 3", "/alias 3 een andere vraag", "/retire 3", "/restore 3", "/history 3", "/undo",
    "/import", "/review", "/stats", "/export", "/cancel",
]


async def test_every_moderator_command_refuses_a_non_moderator_and_changes_nothing() -> None:
    # Every command counts against the flood limit (handlers.throttle): room for all of them.
    async with moderated_bot(flood_max_messages=50) as bot:
        anna = user(bot)
        before = content(bot.service.store)
        for command in EVERY_MODERATOR_COMMAND:
            [reply] = await send(bot, anna, command)
            assert reply["visible_text"] == NL.refused, command
        assert content(bot.service.store) == before
        assert bot.api.sent_documents(USER) == [], "no export for a non-moderator"


FORGED_BUTTONS = ["m:ok", "m:no", "m:ra:1:2", "m:rd:1", "m:rn:1", "m:src:1", "m:src:new", "m:ef:q"]


async def test_forged_moderator_buttons_from_a_non_moderator_change_nothing() -> None:
    async with moderated_bot(flood_max_messages=50) as bot:
        anna = user(bot)
        bot.service.answer(UNANSWERED, record=True)  # review item 1 exists
        [reply] = await send(bot, anna, "Is er een meldpunt voor bedreigde Belarussen?")
        before, queue = content(bot.service.store), bot.service.store.review_items("open")
        for data in FORGED_BUTTONS:
            assert await popup(bot, anna, reply, data, check=False) == NL.refused, data
        assert await bot.api.wait_idle() == [] and bot.api.sent_messages(USER)[1:] == [], "and nothing else"
        assert content(bot.service.store) == before and bot.service.store.review_items("open") == queue


async def test_a_non_moderators_document_is_not_imported() -> None:
    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        before = content(bot.service.store)
        reply = await upload(bot, user(bot), ANSWERS.name, ANSWERS.read_bytes())
        assert reply["visible_text"] == texts_for("nl").not_text
        assert bot.api.calls("getFile") == [], "not even downloaded"
        assert content(bot.service.store) == before


async def test_moderator_commands_appear_only_in_moderators_menus() -> None:
    async with moderated_bot() as bot:
        for language in ("", "nl", "en", "ru", "be"):
            public = {c["command"] for c in bot.api.commands(None, language)}
            assert public and not public & {"add", "edit", "review", "export"}, language
        for moderator_id in (MODERATOR, OTHER_MODERATOR):
            for language in ("", "nl", "en"):
                scoped = {c["command"] for c in bot.api.commands({"type": "chat", "chat_id": moderator_id}, language)}
                assert {"add", "edit", "alias", "retire", "restore", "history", "undo", "import", "review",
                        "stats", "export", "cancel", "start", "help"} <= scoped, (moderator_id, language)
        assert bot.api.commands({"type": "chat", "chat_id": USER}, "") == []


# --- /add -----------------------------------------------------------------------------------------


async def start_add(bot: RunningBot, mod: dict[str, Any], question: str = NEW_QUESTION) -> dict[str, Any]:
    """/add, the question and the text: returns the message with the document buttons."""
    [prompt] = await send(bot, mod, "/add")
    assert prompt["visible_text"] == EN.add_question
    await send(bot, mod, question)
    [sources] = await send(bot, mod, NEW_TEXT)
    return sources


async def test_add_walks_through_question_text_document_alternates_preview_and_saves_live() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        assert "Nuffic" not in await answered_by(bot, anna, NEW_QUESTION)
        sources = await start_add(bot, mod)
        letter_id = bot.service.store.document(LETTER_KEY).id
        assert f"m:src:{letter_id}" in buttons(sources) and "m:src:new" in buttons(sources)
        [alternates_prompt] = await press(bot, mod, sources, f"m:src:{letter_id}")
        assert alternates_prompt["visible_text"] == EN.add_alternates
        [preview] = await send(bot, mod, "studiebeurzen voor Belarussen\nscholarships for Belarusian students")
        shown = preview["visible_text"]
        assert NEW_QUESTION in shown and NEW_TEXT in shown and "scholarships for Belarusian students" in shown
        assert EN.similar_heading in shown or EN.no_similar in shown
        assert buttons(preview) == ["m:ok", "m:no"]
        assert "Not an official entry: document kamerbrief-2021-03-02-2298 does not contain this text" in shown
        [saved] = await press(bot, mod, preview, "m:ok")
        # NEW_TEXT is not text of the letter: saved as a moderator's note (issue 13), never as its "alinea 8".
        assert saved["visible_text"].startswith("Saved as a moderator's note: entry")
        assert f"{LETTER_KEY}/note-1" in saved["visible_text"]
        entry = bot.service.store.entry_by_key(f"{LETTER_KEY}/note-1")
        assert [a.text for a in entry.alternates] == ["studiebeurzen voor Belarussen", "scholarships for Belarusian students"]
        assert bot.service.store.history(entry.id or 0)[0].actor == f"telegram:{MODERATOR}"
        assert "Nuffic" in await answered_by(bot, anna, NEW_QUESTION), "answered at once, no restart"


async def test_add_preview_lists_the_most_similar_existing_entries() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        sources = await start_add(bot, mod, question="Welke sancties gelden er tegen Belarus?")
        await press(bot, mod, sources, f"m:src:{bot.service.store.document(LETTER_KEY).id}")
        [preview] = await send(bot, mod, "/skip")
        shown = preview["visible_text"]
        assert EN.similar_heading in shown
        assert "#3 " in shown, "the entry on EU sanctions is named by its id"


def _described(title: str, author: str) -> str:
    return f"kind: kamervragen\ndate: 2024-05-01\ntitle: {title}\nauthors: {author} (minister)"


async def test_add_puts_two_hand_described_documents_of_one_day_side_by_side() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        saved_keys = []
        for question, title, author in [
            (NEW_QUESTION, "Antwoord op vragen over visa", "J.P. Verhoef"),
            ("Mogen Belarussische studenten hier blijven na hun studie?", "Antwoord over studenten", "A.M. Kuipers-Dekker"),
        ]:
            sources = await start_add(bot, mod, question)
            await press(bot, mod, sources, "m:src:new")
            await send(bot, mod, _described(title, author))
            [preview] = await send(bot, mod, "/skip")
            assert f"Document: {title} (kamervragen-2024-05-01" in preview["visible_text"]
            [saved] = await press(bot, mod, preview, "m:ok")
            saved_keys.append(saved["visible_text"])
        assert "(kamervragen-2024-05-01/" in saved_keys[0]
        assert "(kamervragen-2024-05-01-kuipers-dekker/" in saved_keys[1]
        before = content(bot.service.store)
        sources = await start_add(bot, mod, "Nog een vraag over visa voor Belarussen?")
        await press(bot, mod, sources, "m:src:new")
        [refused] = await send(bot, mod, _described("Antwoord op vragen over visa", "J.P. Verhoef"))
        assert refused["visible_text"].startswith(
            "Not saved: a document kamervragen-2024-05-01 already exists; add the entry to it instead"
        )
        described = bot.service.store.document("kamervragen-2024-05-01").id
        assert f"m:src:{described}" in buttons(refused), "the documents to choose from, again"
        assert content(bot.service.store) == before


async def test_add_with_a_new_document_described_in_metadata_lines() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        sources = await start_add(bot, mod)
        [describe] = await press(bot, mod, sources, "m:src:new")
        assert "kind: kamerbrief" in describe["visible_text"]
        [retry] = await send(bot, mod, "title: only a title")
        assert retry["visible_text"].startswith("Not saved: kind and title are required")
        metadata = (
            "kind: kamerbrief\ndate: 2024-05-01\ntitle: Brief van de Minister van Onderwijs\n"
            "authors: R.H. Dijkgraaf (Minister van Onderwijs, Cultuur en Wetenschap)\nnumber: 77\n"
            "link: https://example.org/brief-77"
        )
        await send(bot, mod, metadata)
        [preview] = await send(bot, mod, "/skip")
        assert "Brief van de Minister van Onderwijs" in preview["visible_text"]
        [saved] = await press(bot, mod, preview, "m:ok")
        assert "kamerbrief-2024-05-01-77/note-1" in saved["visible_text"]
        document = bot.service.store.document("kamerbrief-2024-05-01-77")
        assert document.authors[0].role == "Minister van Onderwijs, Cultuur en Wetenschap"
        assert document.url == "https://example.org/brief-77"
        reply = await answered_by(bot, anna, NEW_QUESTION)
        # A hand-described document has no source text: a moderator's note, labelled as such, never
        # under the minister's name, the official heading or the document's link (issue 13).
        assert "Nuffic" in reply and "1 mei 2024" in reply and "R.H. Dijkgraaf" not in reply
        assert reply.startswith(NL_TEXTS.moderator_note) and NL_TEXTS.answer_heading not in reply
        assert "example.org/brief-77" not in reply


#: Where /cancel comes in /add: after these inputs (text, or a button on the last message).
ADD_INPUTS = {
    "question": [],
    "text": [NEW_QUESTION],
    "document": [NEW_QUESTION, NEW_TEXT],
    "new document": [NEW_QUESTION, NEW_TEXT, "button:m:src:new"],
    "alternates": [NEW_QUESTION, NEW_TEXT, "button:m:src:1"],
    "preview": [NEW_QUESTION, NEW_TEXT, "button:m:src:1", "/skip"],
}


async def test_cancel_at_any_step_of_add_changes_nothing() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        for step, inputs in ADD_INPUTS.items():
            [last] = await send(bot, mod, "/add")
            for given in inputs:
                [last] = await (press(bot, mod, last, given[7:]) if given.startswith("button:") else send(bot, mod, given))
            [cancelled] = await send(bot, mod, "/cancel")
            assert cancelled["visible_text"] == EN.cancelled, step
            for data in buttons(last):  # the flow's buttons no longer do anything
                assert await popup(bot, mod, last, data) == EN.button_stale, (step, data)
            assert content(bot.service.store) == before, step
            [again] = await send(bot, mod, NEW_QUESTION)
            assert "Nuffic" not in again["visible_text"], f"after /cancel at {step} a message is a question again"
        [nothing] = await send(bot, mod, "/cancel")
        assert nothing["visible_text"] == EN.nothing_to_cancel


async def test_the_cancel_button_of_the_preview_changes_nothing() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        sources = await start_add(bot, mod)
        await press(bot, mod, sources, f"m:src:{bot.service.store.document(LETTER_KEY).id}")
        [preview] = await send(bot, mod, "/skip")
        [cancelled] = await press(bot, mod, preview, "m:no")
        assert cancelled["visible_text"] == EN.cancelled
        assert content(bot.service.store) == before


async def test_adding_a_question_that_already_exists_is_refused_as_soon_as_it_is_sent() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        await send(bot, mod, "/add")
        [refused] = await send(bot, mod, "welke sancties heeft de EU tegen Belarus ingesteld")
        assert refused["visible_text"].startswith("Already there: this question already exists: entry 3")
        assert "/alias" in refused["visible_text"]
        [next_step] = await send(bot, mod, NEW_QUESTION)
        assert next_step["visible_text"].startswith("Now send the official text"), "another question is taken"
        await send(bot, mod, "/cancel")
        assert content(bot.service.store) == before


def _as_copied(text: str) -> str:
    """The text as a moderator copies it from a PDF: lines broken, a word hyphenated across a break."""
    words = text.split()
    words[3] = words[3][:3] + "-\n" + words[3][3:]
    return "\n".join(" ".join(words[i : i + 6]) for i in range(0, len(words), 6))


@pytest.mark.parametrize("language", ["en", "nl", "ru", "be"])
async def test_adding_a_text_that_is_already_an_entry_is_refused_as_soon_as_it_is_sent(language: str) -> None:
    """F24: not at the end, after the document and the alternate questions were typed in vain."""
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        t = moderator_texts(language)
        before = content(bot.service.store)
        entry = bot.service.store.entry(3)
        await send(bot, mod, "/add")
        await send(bot, mod, NEW_QUESTION)
        [refused] = await send(bot, mod, _as_copied(entry.text))
        reason = t.reasons[Reason.TEXT_IS_ENTRY].format(id=3, number=entry.number)
        assert refused["visible_text"] == t.add_text_exists.format(reason=reason)
        assert "/alias 3 " in refused["visible_text"] and not buttons(refused), "no document to choose: refused now"
        [sources] = await send(bot, mod, NEW_TEXT)
        assert "m:src:new" in buttons(sources), "another text is taken, the question kept"
        await send(bot, mod, "/cancel")
        assert content(bot.service.store) == before


def _undated_letter(body: str, signer: str | None) -> str:
    signature = f"\n\nDe Minister van Buitenlandse Zaken,\n\n{signer}\n" if signer else "\n"
    return f"Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\nGeachte voorzitter,\n\n{body}{signature}"


@pytest.mark.parametrize("language", ["en", "nl", "ru", "be"])
async def test_the_document_picker_tells_two_undated_letters_apart(language: str) -> None:
    """Both are 'Brief', of no date: each button names the kind and something of the letter itself."""
    service = fresh_service()
    moderation = Moderation(service)
    for body, signer in [
        ("Het kabinet blijft de mensenrechtensituatie in Belarus nauwlettend volgen.", None),
        ("Nederland steunt het maatschappelijk middenveld in Belarus.", "H.M. Kuipers-Dekker"),
    ]:
        moderation.commit_import(parse_document(_undated_letter(body, signer)), "cli:setup")
    undated = {d.id: d.key for d in service.store.documents() if d.date is None}
    assert len(undated) == 2
    async with moderated_bot(service) as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        await send(bot, mod, "/add")
        await send(bot, mod, NEW_QUESTION)
        [sources] = await send(bot, mod, NEW_TEXT)
        labels = {
            int(b["callback_data"].rsplit(":", 1)[1]): b["text"]
            for row in sources["reply_markup"]["inline_keyboard"]
            for b in row
            if b["callback_data"].rsplit(":", 1)[1].isdigit()
        }
        kind = texts_for(language).kind_short_kamerbrief
        first, second = (labels[i] for i in sorted(undated))
        assert first.startswith(f"{kind} · ") and second.startswith(f"{kind} · "), (first, second)
        assert "Het kabinet blijft de mensenrechtensituatie" in first, "its first words: it has no authors"
        assert "Kuipers-Dekker" in second, "its author"
        assert len(set(labels.values())) == len(labels), "every button differs"
        dated = labels[service.store.document(LETTER_KEY).id or 0]
        assert dated.startswith(texts_for(language).date(dt.date(2021, 3, 2))), "a dated one by its date"


# --- /edit ----------------------------------------------------------------------------------------


async def open_edit(bot: RunningBot, mod: dict[str, Any], entry_id: int, field: str, value: str) -> dict[str, Any]:
    """/edit <id>, choose the field, send the value: returns the before/after preview."""
    [choose] = await send(bot, mod, f"/edit {entry_id}")
    assert buttons(choose) == ["m:ef:q", "m:ef:t", "m:ef:p", "m:ef:a", "m:ef:en", "m:ef:ru", "m:ef:be"]
    [current] = await press(bot, mod, choose, f"m:ef:{field}")
    assert current["visible_text"].startswith("Send the new value")
    [preview] = await send(bot, mod, value)
    return preview


async def test_edit_shows_before_and_after_and_saves_a_new_version_that_answers() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        old = bot.service.store.entry(5)
        new_question = "Mogen EU-diplomaten gedetineerde oppositieleden bezoeken?"
        preview = await open_edit(bot, mod, 5, "q", new_question)
        shown = preview["visible_text"]
        assert f"Before: {old.question}" in shown and f"After: {new_question}" in shown
        [saved] = await press(bot, mod, preview, "m:ok")
        assert saved["visible_text"] == EN.saved.format(id=5, key=old.key, version=old.version + 1)
        last = bot.service.store.history(5)[-1]
        assert (last.actor, last.version) == (f"telegram:{MODERATOR}", old.version + 1)
        assert last.before and last.before["question"] == old.question
        assert best_key(bot.service, new_question) == old.key
        assert old.text[:40] in await answered_by(bot, anna, new_question)


async def test_two_moderators_editing_one_entry_the_second_save_is_refused_and_the_first_kept() -> None:
    async with moderated_bot() as bot:
        first, second = moderator(bot), moderator(bot, OTHER_MODERATOR)
        first_preview = await open_edit(bot, first, 3, "p", "sancties, eu")
        second_preview = await open_edit(bot, second, 3, "p", "boris")
        await press(bot, first, first_preview, "m:ok")
        [refused] = await press(bot, second, second_preview, "m:ok")
        assert refused["visible_text"].startswith("Not saved: entry 3 was changed by someone else")
        assert "reload it and try again" in refused["visible_text"]
        assert bot.service.store.entry(3).topics == ["sancties", "eu"]
        assert [c.actor for c in bot.service.store.history(3)][-1] == f"telegram:{MODERATOR}"


async def test_editing_a_long_text_with_ampersands_still_shows_current_value_and_preview() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        entry = bot.service.store.entry(3)
        bot.service.store.update_entry(3, entry.version, "system:test", text="R&D " * 1000)  # 4000 characters
        [choose] = await send(bot, mod, "/edit 3")
        [current] = await press(bot, mod, choose, "m:ef:t")
        assert current["visible_text"].endswith("…") and "R&D R&D" in current["visible_text"]
        # An official entry's text can only become its own paragraph's text again (issue 13).
        original = entry.text
        [preview] = await send(bot, mod, original)
        assert "Before: R&D" in preview["visible_text"] and f"After: {original[:40]}" in preview["visible_text"]
        [saved] = await press(bot, mod, preview, "m:ok")
        assert saved["visible_text"].startswith("Saved: entry 3") and bot.service.store.entry(3).text == original


async def test_edit_needs_an_existing_entry_id() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        [usage] = await send(bot, mod, "/edit")
        assert usage["visible_text"] == "Usage: /edit <id>"
        [missing] = await send(bot, mod, "/edit 999")
        assert missing["visible_text"] == "There is no entry 999"


async def test_cancel_during_edit_changes_nothing() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        await open_edit(bot, mod, 3, "t", "Een andere tekst.")
        [cancelled] = await send(bot, mod, "/cancel")
        assert cancelled["visible_text"] == EN.cancelled
        assert content(bot.service.store) == before


# --- /alias /retire /restore /history /undo -------------------------------------------------------


async def test_alias_adds_a_phrasing_the_bot_then_answers() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        phrasing = "Mocht onze gezant aanschuiven bij de strafprocessen in Minsk?"
        assert best_key(bot.service, phrasing) != f"{LETTER_KEY}/6"
        [added] = await send(bot, mod, f"/alias 6 {phrasing}")
        assert added["visible_text"].startswith("Alternate question added to entry 6")
        assert bot.service.store.entry(6).text[:40] in await answered_by(bot, anna, phrasing)
        [usage] = await send(bot, mod, "/alias 6")
        assert usage["visible_text"] == "Usage: /alias <id> <question>"


async def test_retire_hides_an_entry_keeps_it_with_history_and_restore_brings_it_back() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        question = "Welke sancties heeft de EU tegen Belarus ingesteld?"
        sanctions = bot.service.store.entry(3).text[:40]
        assert sanctions in await answered_by(bot, anna, question)
        [retired] = await send(bot, mod, "/retire 3")
        assert retired["visible_text"] == EN.retired.format(id=3)
        assert sanctions not in await answered_by(bot, anna, question)
        assert bot.service.store.entry(3).status is EntryStatus.RETIRED, "kept, not deleted"
        [history] = await send(bot, mod, "/history 3")
        last = history["visible_text"].splitlines()[-1]
        assert last.startswith("v2 · 20") and last.endswith(f"telegram:{MODERATOR} · retire")
        [restored] = await send(bot, mod, "/restore 3")
        assert restored["visible_text"] == EN.restored.format(id=3)
        assert sanctions in await answered_by(bot, anna, question)
        [again] = await send(bot, mod, "/restore 3")
        assert again["visible_text"] == "Not saved: entry 3 is already active"


async def test_history_lists_every_version_with_who_and_when() -> None:
    async with moderated_bot() as bot:
        mod, other = moderator(bot), moderator(bot, OTHER_MODERATOR)
        await send(bot, mod, "/alias 4 Wil Nederland meer sancties tegen Loekasjenko?")
        await send(bot, other, "/retire 4")
        [history] = await send(bot, mod, "/history 4")
        everything = [line for line in history["visible_text"].splitlines() if not line.startswith(" ")]
        details = [line.strip() for line in history["visible_text"].splitlines() if line.startswith(" ")]
        assert details == ["alternate questions: + Wil Nederland meer sancties tegen Loekasjenko?"], "what v2 changed"
        lines = [line for line in everything if " · translation " not in line]
        translated = [line for line in everything if " · translation " in line]
        assert [line.split(" · ")[2:] for line in translated] == [
            ["system:shipped-sources", "create", f"translation {code}"] for code in ("en", "ru", "be")
        ], "the shipped translations' history is the entry's history too"
        assert [line.split(" · ")[0] for line in lines] == ["v1", "v2", "v3"]
        assert [line.split(" · ")[2:] for line in lines] == [
            ["system:shipped-sources", "create"],
            [f"telegram:{MODERATOR}", "update"],
            [f"telegram:{OTHER_MODERATOR}", "retire"],
        ]
        assert all(len(line.split(" · ")[1]) == len("2024-05-01 12:00") for line in lines)


async def test_undo_reverts_the_moderators_own_last_change_only() -> None:
    async with moderated_bot() as bot:
        mod, other = moderator(bot), moderator(bot, OTHER_MODERATOR)
        await send(bot, mod, "/retire 3")
        await send(bot, other, "/alias 5 Kunnen diplomaten gevangenen in Minsk opzoeken?")
        [undone] = await send(bot, mod, "/undo")
        key = bot.service.store.entry(3).key
        assert undone["visible_text"] == f"Undone: entry {key} (retire).", "what was undone: key and kind of change"
        assert bot.service.store.entry(3).is_active
        assert bot.service.store.entry(5).alternates[-1].text == "Kunnen diplomaten gevangenen in Minsk opzoeken?"
        [nothing] = await send(bot, mod, "/undo")
        assert nothing["visible_text"] == "Not saved: you have no change to undo"


# --- /import --------------------------------------------------------------------------------------


async def import_and_save(bot: RunningBot, mod: dict[str, Any], name: str, data: bytes, mime: str) -> tuple[str, str]:
    """/import, send the file, Save: returns the preview's and the result's visible text."""
    [prompt] = await send(bot, mod, "/import")
    assert prompt["visible_text"] == EN.import_send_file
    preview = await upload(bot, mod, name, data, mime)
    assert buttons(preview) == ["m:ok", "m:no"], preview["visible_text"]
    [done] = await press(bot, mod, preview, "m:ok")
    return preview["visible_text"], done["visible_text"]


MELDPUNT = "Is er een speciaal meldpunt voor Belarussen die zich bedreigd voelen?"


async def test_import_of_kamervragen_text_previews_then_answers_after_save() -> None:
    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        mod, anna = moderator(bot), user(bot)
        assert "meldpunten" not in await answered_by(bot, anna, MELDPUNT)
        preview, done = await import_and_save(bot, mod, ANSWERS.name, ANSWERS.read_bytes(), "text/plain")
        # the preview since issue 13: kind, date, authors, citation, key and every entry's number and first words
        assert "Kind: Answers to parliamentary questions\nDate: 16 July 2021\n" in preview, "in the moderator's language"
        assert "Kaag" in preview and "Grapperhaus" in preview
        assert f"Key: {ANSWERS_KEY}" in preview and "6 entries:" in preview
        assert "→ Ja" in preview.split("Question 1 (Vraag 1): ")[1].split("\n")[0] and "Question 6 (Vraag 6): " in preview
        assert bot.api.calls("getFile"), "fetched with getFile"
        assert done == EN.import_done.format(key=ANSWERS_KEY, entries=EN.entries(6))
        assert "Het kabinet heeft geen speciale meldpunten" in await answered_by(bot, anna, MELDPUNT)
        assert {c.actor for c in bot.service.store.changes() if c.object_key and c.object_key.startswith(ANSWERS_KEY)} == {
            f"telegram:{MODERATOR}"
        }


async def test_import_of_a_kamerbrief_pdf_previews_then_saves() -> None:
    async with moderated_bot(service=fresh_service(without=LETTER_KEY)) as bot:
        mod = moderator(bot)
        pdf = make_pdf(LETTER.read_text(encoding="utf-8"))
        preview, done = await import_and_save(bot, mod, "brief.pdf", pdf, "application/pdf")
        assert "Kind: Letter to Parliament (Kamerbrief)\nDate: 2 March 2021\nAuthors: S.A. Blok" in preview
        assert "7 entries:" in preview
        assert "paragraph 1 (alinea 1): Hierbij informeer ik uw Kamer" in preview and "paragraph 7 (alinea 7): " in preview
        assert done == EN.import_done.format(key=LETTER_KEY, entries=EN.entries(7))
        assert len(bot.service.store.entries(document_key=LETTER_KEY)) == 7


async def test_a_file_sent_without_import_command_is_previewed_too() -> None:
    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        mod = moderator(bot)
        preview = await upload(bot, mod, ANSWERS.name, ANSWERS.read_bytes())
        assert "6 entries" in preview["visible_text"]
        await press(bot, mod, preview, "m:ok")
        assert len(bot.service.store.entries(document_key=ANSWERS_KEY)) == 6


async def test_official_xml_is_imported() -> None:
    async with moderated_bot() as bot:
        xml = AANHANGSEL_XML.read_bytes()
        preview, done = await import_and_save(bot, moderator(bot), AANHANGSEL_XML.name, xml, "application/xml")
        assert "Answers to parliamentary questions" in preview
        assert done.startswith("Imported: kamervragen-")
        assert bot.service.store.entries(document_key=done.split()[1])


async def test_undo_reverts_a_whole_import_at_once() -> None:
    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        mod, anna = moderator(bot), user(bot)
        await import_and_save(bot, mod, ANSWERS.name, ANSWERS.read_bytes(), "text/plain")
        [undone] = await send(bot, mod, "/undo")
        assert undone["visible_text"] == f"Undone: document {ANSWERS_KEY} (create); 7 changes in all."
        assert bot.service.store.entries(document_key=ANSWERS_KEY) == []
        assert "meldpunten" not in await answered_by(bot, anna, MELDPUNT)


async def test_a_crash_in_the_middle_of_an_import_leaves_the_store_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        mod, store = moderator(bot), bot.service.store
        before, real_insert, calls = content(store), store._insert_entry, []

        def failing_insert(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            if len(calls) > 3:
                raise OSError("disk I/O error")
            return real_insert(*args, **kwargs)

        monkeypatch.setattr(store, "_insert_entry", failing_insert)
        preview = await upload(bot, mod, ANSWERS.name, ANSWERS.read_bytes())
        [told] = await press(bot, mod, preview, "m:ok")
        assert told["visible_text"] == texts_for("en").error
        assert len(calls) == 4 and content(store) == before
        assert "meldpunten" not in await answered_by(bot, user(bot), MELDPUNT)


async def test_cancel_of_an_import_preview_changes_nothing() -> None:
    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        preview = await upload(bot, mod, ANSWERS.name, ANSWERS.read_bytes())
        [cancelled] = await press(bot, mod, preview, "m:no")
        assert cancelled["visible_text"] == EN.cancelled
        assert content(bot.service.store) == before


BAD_UPLOADS = {
    "pdf without text layer": ("scan.pdf", make_pdf(""), "application/pdf", "the PDF has no text layer"),
    "binary named .txt": ("brief.txt", bytes(range(256)) * 8, "text/plain", "not a text file"),
    "empty file": ("leeg.txt", b"", "text/plain", "the file is empty"),
    "no entries": (
        "brief.txt",
        b"Den Haag, 2 maart 2021\n\nDe Minister van Buitenlandse Zaken,\nS.A. Blok\n",
        "text/plain",
        "no entries could be read",
    ),
    "same document twice": (ANSWERS.name, ANSWERS.read_bytes(), "text/plain", f"already in the store as {ANSWERS_KEY}"),
    "xml of a document already there": (
        KAMERSTUK_XML.name,
        KAMERSTUK_XML.read_bytes(),
        "application/xml",
        f"already in the store as {LETTER_KEY}",
    ),
    "word file": ("brief.docx", b"PK\x03\x04 not really", "application/octet-stream", "send a .txt, .pdf or .xml file"),
}


async def test_bad_uploads_get_a_clear_message_and_the_store_is_unchanged() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        for case, (name, data, mime, reason) in BAD_UPLOADS.items():
            reply = await upload(bot, mod, name, data, mime)
            shown = reply["visible_text"]
            assert shown.startswith("Not saved: ") and reason in shown, (case, shown)
            assert "\n" not in shown and buttons(reply) == [], case
            assert content(bot.service.store) == before, case


async def test_a_file_over_the_upload_limit_is_refused_before_download() -> None:
    async with moderated_bot(max_upload_bytes=1000) as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        reply = await upload(bot, mod, ANSWERS.name, ANSWERS.read_bytes())
        assert reply["visible_text"] == "Not saved: the file is larger than 0.001 MB"
        assert bot.api.calls("getFile") == []
        assert content(bot.service.store) == before


# --- /review --------------------------------------------------------------------------------------

SUGGESTED = "Welke strafmaatregelen zijn er tegen Belarus?"


async def review_messages(
    bot: RunningBot, mod: dict[str, Any], anna: dict[str, Any], questions: list[str]
) -> list[dict[str, Any]]:
    """`anna` asks the questions; the moderator's /review messages, one per group."""
    for question in questions:
        await answered_by(bot, anna, question)
    return await send(bot, mod, "/review", count=len(Moderation(bot.service).review_groups(limit=10)))


async def test_review_groups_unanswered_questions_with_counts_and_no_user_identifiers() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        messages = await review_messages(bot, mod, anna, [UNANSWERED, UNANSWERED, UNANSWERED_VARIANT, SUGGESTED])
        texts = [m["visible_text"] for m in messages]
        visa = next(t for t in texts if "visumfacilitatie" in t)
        # Shown as asked (case and accents kept), grouped by the folded form (issue 13).
        assert visa.startswith("3× Komt er een visumfacilitatieakkoord met Belarus?")
        assert "· Komt er visumfacilitatieakkoord met Belarus" in visa
        assert any(t.lower().startswith("1× welke strafmaatregelen zijn er tegen belarus") for t in texts)
        assert texts[0] == visa, "most asked first"
        for text in texts:
            assert str(USER) not in text and "Anna" not in text


async def test_review_attach_makes_the_question_an_alternate_that_is_then_answered() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        [message] = await review_messages(bot, mod, anna, [SUGGESTED])
        attach = next(data for data in buttons(message) if data.startswith("m:ra:"))
        assert attach.endswith(":3"), "offered: the closest entry"
        assert await popup(bot, mod, message, attach) == EN.review_attached.format(id=3)
        assert bot.service.store.entry(3).alternates[-1].text == SUGGESTED, "as asked, not folded"
        assert bot.service.store.entry(3).text[:40] in await answered_by(bot, anna, SUGGESTED)
        [empty] = await send(bot, mod, "/review")
        assert empty["visible_text"] == EN.review_empty


async def test_review_new_entry_starts_add_with_the_question() -> None:
    visa_text = "Het kabinet steunt de opschorting van de visumfacilitatie voor Belarussische functionarissen."
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        [message] = await review_messages(bot, mod, anna, [UNANSWERED, UNANSWERED_VARIANT])
        item = bot.service.store.review_items("open")[0].id
        [ask_text] = await press(bot, mod, message, f"m:rn:{item}")
        assert ask_text["visible_text"].startswith("Now send the official text")
        [sources] = await send(bot, mod, visa_text)
        await press(bot, mod, sources, f"m:src:{bot.service.store.document(LETTER_KEY).id}")
        [preview] = await send(bot, mod, "/skip")
        assert "Question: Komt er een visumfacilitatieakkoord met Belarus?" in preview["visible_text"], "as asked"
        await press(bot, mod, preview, "m:ok")
        assert bot.service.store.review_items("open") == [], "the question and its variant"
        assert bot.service.store.review_item(item).status == "added"
        assert visa_text in await answered_by(bot, anna, UNANSWERED)


async def test_review_dismiss_removes_the_group_and_changes_no_entry() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        [message] = await review_messages(bot, mod, anna, [UNANSWERED, UNANSWERED_VARIANT])
        before = content(bot.service.store)
        dismiss = next(d for d in buttons(message) if d.startswith("m:rd:"))
        assert await popup(bot, mod, message, dismiss) == EN.review_dismissed
        assert bot.service.store.review_items("open") == []
        assert content(bot.service.store) == before


# --- /stats /export -------------------------------------------------------------------------------


async def test_stats_show_documents_entries_questions_per_day_and_feedback() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        [answer] = await send(bot, anna, MELDPUNT)
        feedback = next(d for d in buttons(answer) if d.startswith("f:") and d.endswith(":1"))
        await popup(bot, anna, answer, feedback)
        await answered_by(bot, anna, UNANSWERED)
        [stats] = await send(bot, mod, "/stats")
        shown = stats["visible_text"]
        today = bot.service.store.question_stats()
        [day] = today
        assert "Documents: 2" in shown and "Active entries: 13 (retired: 0)" in shown
        assert f"{day}: 1 / 0 / 1" in shown
        assert f"#{feedback.split(':')[1]}: 1 / 0" in shown
        assert "Open in /review: 1" in shown


async def test_export_sends_a_json_document_that_the_command_line_restores_exactly(tmp_path: Any) -> None:
    from bot.cli import main

    async with moderated_bot() as bot:
        mod = moderator(bot)
        await send(bot, mod, "/retire 3")
        bot.api.send_text(mod, "/export")
        await bot.api.wait_for(lambda c: c.method == "sendDocument")
        [document] = bot.api.sent_documents(MODERATOR)
        assert document["filename"].startswith("standpunt-export-") and document["filename"].endswith(".json")
        assert "(13 entries)" in document["caption"]
        exported = Export.model_validate_json(document["content"])
        assert json.loads(document["content"])["format"] == "standpunt-export"
        expected = bot.service.store.export()
    path = tmp_path / "export.json"
    path.write_bytes(document["content"])
    database = tmp_path / "restored.sqlite3"
    assert main(["--database", str(database), "restore", str(path)]) == 0
    restored = AnswerService.open(database)
    try:
        again = restored.store.export()
        assert again.documents == exported.documents == expected.documents
        assert exported.entries == expected.entries
        # The restore records each entry it changes back as a new version: the content is the export's.
        unversioned = {"version", "updated_at"}
        assert [e.model_dump(exclude=unversioned) for e in again.entries] == [
            e.model_dump(exclude=unversioned) for e in exported.entries
        ]
        assert again.entries[2].status is EntryStatus.RETIRED
    finally:
        restored.close()


# --- a moderator's note as an asker sees it ---------------------------------------------------------


async def test_an_asker_sees_a_note_labelled_once_and_cited_as_a_note_in_their_language() -> None:
    async with moderated_bot() as bot:
        Moderation(bot.service).add_entry(
            EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), "telegram:1"
        )
        dutch = await answered_by(bot, user(bot), NEW_QUESTION)
        nl = texts_for("nl")
        assert dutch.count(nl.moderator_note) == 1 and "Nuffic" in dutch
        assert "Geschreven door een moderator van Standpunt, geen citaat uit het document; over: Brief van de " in dutch
        assert nl.kind_kamerbrief not in dutch and nl.note_in_dutch not in dutch and "9001" not in dutch
        english = bot.api.user(USER + 1, "Olga", language_code="en")
        [prompt] = await send(bot, english, "/language")
        await press(bot, english, prompt, "l:en")
        shown = await answered_by(bot, english, NEW_QUESTION)
        en = texts_for("en")
        assert shown.count(en.moderator_note) == 1 and en.note_in_dutch in shown and "Nuffic" in shown
        assert "Written by a Standpunt moderator, not a quotation from the document; about: " in shown
        assert "2 March 2021" in shown and "Kamerbrief" not in shown and nl.moderator_note not in shown


async def test_a_note_asked_its_own_question_is_a_marked_button_under_the_official_answer() -> None:
    """Official entries match its question too: the official answer leads, the note is one press away."""
    question = "Zijn er politieke gevangenen in Belarus?"
    text = "Een moderator verwijst naar de lijst van Viasna, die het aantal politieke gevangenen bijhoudt."
    async with moderated_bot() as bot:
        note = Moderation(bot.service).add_entry(EntryDraft(document_key=LETTER_KEY, question=question, text=text), "x")
        anna = user(bot)
        replies = await bot.ask(anna, question)
        [(message, button)] = [
            (r, b)
            for r in replies
            for row in (r.get("reply_markup") or {}).get("inline_keyboard", [])
            for b in row
            if b.get("callback_data", "").split(":")[:2] == ["e", str(note.id)]
        ]
        assert button["text"].endswith(f"📝 {question}"), "marked as a note, not as another official answer"
        assert not replies[0]["visible_text"].startswith(NL_TEXTS.moderator_note), "it does not lead"
        bot.api.press_button(anna, message, button["callback_data"])
        [shown] = await bot.api.wait_for_messages(USER, 1)
        assert shown["visible_text"].startswith(NL_TEXTS.moderator_note) and "Viasna" in shown["visible_text"]


async def test_a_note_is_not_numbered_when_its_documents_entries_are_browsed() -> None:
    async with moderated_bot() as bot:
        Moderation(bot.service).add_entry(
            EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), "telegram:1"
        )
        anna = user(bot)
        [documents] = await send(bot, anna, "/topics")
        letter = bot.service.store.document(LETTER_KEY).id
        [page] = await press(bot, anna, documents, f"t:{letter}:0")
        labels = [b["text"] for row in page["reply_markup"]["inline_keyboard"] for b in row]
        assert any(label.startswith("📝 ") for label in labels) and not any(label.startswith("9001") for label in labels)


@pytest.mark.parametrize(
    ("line", "dutch"),
    [
        ("soort: brief", "Niet opgeslagen: 'brief' is geen soort document; schrijf kamerbrief of kamervragen"),
        ("datum: 1 mei 2024", "Niet opgeslagen: '1 mei 2024' is geen datum; schrijf hem als 2024-05-01"),
        ("link: www.example.org", "Niet opgeslagen: de waarde van 'link' is niet geldig"),
        ("titel: ab", "Niet opgeslagen: de waarde van 'titel' is niet geldig"),
    ],
)
async def test_a_wrong_document_description_is_refused_in_the_moderators_language(line: str, dutch: str) -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code="nl")
        await send(bot, mod, "/add")
        await send(bot, mod, NEW_QUESTION)
        [sources] = await send(bot, mod, NEW_TEXT)
        await press(bot, mod, sources, "m:src:new")
        described = {"soort": "kamerbrief", "datum": "2024-05-01", "titel": "Brief over beurzen", "link": "https://example.org"}
        field = line.split(":")[0]
        lines = [f"{key}: {value}" for key, value in described.items() if key != field] + [line]
        [refused] = await send(bot, mod, "\n".join(lines))
        assert refused["visible_text"].startswith(dutch + "\n\n"), refused["visible_text"]
        assert "Invalid" not in refused["visible_text"] and "String should" not in refused["visible_text"]


@pytest.mark.parametrize("second", ["m:ok", "m:no"])
async def test_a_double_tap_on_a_preview_saves_once_and_says_nothing_went_wrong(second: str) -> None:
    """Two presses before the bot answered the first (found by the moderator-flow tester: the second
    raised 'message is not modified' and the moderator was told something went wrong)."""
    from telegramkit import watch_errors

    async with moderated_bot(service=fresh_service(without=ANSWERS_KEY)) as bot:
        mod = moderator(bot)
        errors = watch_errors(bot)
        preview = await upload(bot, mod, ANSWERS.name, ANSWERS.read_bytes())
        bot.api.press_button(mod, preview, "m:ok")
        bot.api.press_button(mod, preview, second)
        await bot.api.wait_idle()
        sent = [m["visible_text"] for m in bot.api.sent_messages(MODERATOR)][1:]
        assert sent == [EN.import_done.format(key=ANSWERS_KEY, entries=EN.entries(6))], sent
        answers = [c.params.get("text") for c in bot.api.calls("answerCallbackQuery")]
        assert len(answers) == 2 and EN.button_stale in answers, "each press answered once, the second as stale"
        assert errors == [] and len(bot.service.entries_of(ANSWERS_KEY)) == 6
