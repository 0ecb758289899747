"""Moderators and translations in Telegram, end to end: /translate shows the Dutch, takes the text,
previews and saves; a stale translation is confirmed with one button; /edit edits translations;
/history and /undo cover them; /stats counts what is missing and the questions per language."""

from __future__ import annotations

from test_telegram_moderation import MODERATOR, moderated_bot, moderator, press, send, user

from interface.texts import texts_for
from interface.texts.moderator import EN
from knowledge.models import Language
from knowledge.moderation import Moderation
from knowledge.storage import translations
from tests.moderationkit import content, corrected

SANCTIONS_ID = 3
RUSSIAN = "Какие санкции ввёл ЕС против Беларуси?"
NEW_RU = "Новый, проверенный перевод: ЕС ввёл санкции."


async def test_translate_shows_the_dutch_previews_and_saves_and_the_asker_sees_it() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        entry = bot.service.store.entry(SANCTIONS_ID)
        old = translations.translation(bot.service.store, SANCTIONS_ID, Language.RU)
        assert old is not None
        [shown] = await send(bot, mod, f"/translate {SANCTIONS_ID} ru")
        assert entry.text[:80] in shown["visible_text"] and old.text[:80] in shown["visible_text"]
        assert f"({EN.translate_current})" in shown["visible_text"]
        [preview] = await send(bot, mod, f"Q: Какие санкции?\n{NEW_RU}")
        assert NEW_RU in preview["visible_text"] and "Какие санкции?" in preview["visible_text"]
        assert "(unofficial)" in preview["visible_text"]
        assert translations.translation(bot.service.store, SANCTIONS_ID, Language.RU) == old, "nothing saved yet"
        [saved] = await press(bot, mod, preview, "m:ok")
        assert saved["visible_text"] == EN.translation_saved.format(
            language="ru", id=SANCTIONS_ID, version=old.version + 1
        )
        new = translations.translation(bot.service.store, SANCTIONS_ID, Language.RU)
        assert new is not None and (new.text, new.question, new.by) == (
            NEW_RU,
            "Какие санкции?",
            f"telegram:{MODERATOR}",
        )
        [answer] = await bot.ask(user(bot), RUSSIAN)
        assert NEW_RU in answer["visible_text"] and texts_for("ru").translation_label in answer["visible_text"]
        [history] = await send(bot, mod, f"/history {SANCTIONS_ID}")
        changes = [line for line in history["visible_text"].splitlines() if not line.startswith(" ")]
        assert changes[-1].endswith(f"telegram:{MODERATOR} · update · translation ru")
        assert history["visible_text"].splitlines()[-1].strip().endswith(f"→ {NEW_RU}"), "what the update changed"
        [undone] = await send(bot, mod, "/undo")
        assert undone["visible_text"].startswith("Undone: translation ") and undone["visible_text"].endswith(" (update).")
        back = translations.translation(bot.service.store, SANCTIONS_ID, Language.RU)
        assert back is not None and back.text == old.text


async def test_a_stale_translation_is_confirmed_with_one_button() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        entry = bot.service.store.entry(SANCTIONS_ID)
        Moderation(bot.service).edit_entry(SANCTIONS_ID, entry.version, "cli:test", text=corrected(entry.text))
        [shown] = await send(bot, mod, f"/translate {SANCTIONS_ID} en")
        assert f"({EN.translate_stale})" in shown["visible_text"]
        [confirmed] = await press(bot, mod, shown, "m:tc")
        assert confirmed["visible_text"] == EN.translation_confirmed.format(language="en", id=SANCTIONS_ID)
        assert not Moderation(bot.service).translation_state(SANCTIONS_ID, "en").stale
        assert Moderation(bot.service).translation_state(SANCTIONS_ID, "ru").stale


async def test_translate_with_bad_input_says_so_in_one_line_and_changes_nothing() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        for command, expected in (
            (f"/translate {SANCTIONS_ID} nl", "Translations are into English, Russian or Belarusian, not 'Dutch'"),
            (f"/translate {SANCTIONS_ID}", EN.translate_usage),
            ("/translate 999 ru", "There is no entry 999"),
        ):
            [reply] = await send(bot, mod, command)
            assert reply["visible_text"] == expected
        [shown] = await send(bot, mod, f"/translate {SANCTIONS_ID} be")
        [miscopied] = await send(bot, mod, "ЕС увёў санкцыі супраць 88 асоб і 6 арганізацый.")
        assert miscopied["visible_text"].startswith("The translation's numbers are not the official text's (official: 7, 88")
        [preview] = await send(bot, mod, "Іншы тэкст.")
        [cancelled] = await press(bot, mod, preview, "m:no")
        assert cancelled["visible_text"] == EN.cancelled
        [refused] = await send(bot, user(bot), f"/translate {SANCTIONS_ID} ru")
        assert refused["visible_text"] == EN.refused or refused["visible_text"].startswith("Deze opdracht")
        assert content(bot.service.store) == before


async def test_edit_offers_the_translations_and_saves_one() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        old = translations.translation(bot.service.store, SANCTIONS_ID, Language.BE)
        assert old is not None
        [choose] = await send(bot, mod, f"/edit {SANCTIONS_ID}")
        [current] = await press(bot, mod, choose, "m:ef:be")
        assert old.text[:60] in current["visible_text"]
        [preview] = await send(bot, mod, "Новы беларускі пераклад.")
        assert (
            f"Before: {old.text[:60]}" in preview["visible_text"]
            and "After: Новы беларускі пераклад." in preview["visible_text"]
        )
        [saved] = await press(bot, mod, preview, "m:ok")
        assert saved["visible_text"] == EN.translation_saved.format(
            language="be", id=SANCTIONS_ID, version=old.version + 1
        )
        new = translations.translation(bot.service.store, SANCTIONS_ID, Language.BE)
        assert new is not None and new.text == "Новы беларускі пераклад." and new.question == old.question


async def test_stats_show_missing_translations_and_questions_per_language() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        await bot.ask(anna, RUSSIAN)
        await bot.ask(anna, "Welke sancties gelden tegen Belarus?")
        entry = bot.service.store.entry(SANCTIONS_ID)
        Moderation(bot.service).edit_entry(SANCTIONS_ID, entry.version, "cli:test", text=corrected(entry.text))
        [stats] = await send(bot, mod, "/stats")
        shown = stats["visible_text"]
        assert "Without a current translation" in shown
        for code in ("en", "ru", "be"):
            assert f"{code}: 1 ({SANCTIONS_ID})" in shown
        assert "nl: 1 · en: 0 · ru: 1 · be: 0" in shown


async def test_a_translation_in_the_wrong_language_or_of_a_note_is_refused_in_the_moderators_language() -> None:
    from interface.texts.moderator import NL
    from knowledge.moderation import EntryDraft, ModerationError
    from knowledge.reasons import Reason
    from tests.moderationkit import LETTER_KEY, NEW_QUESTION, NEW_TEXT

    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code="nl")
        note = Moderation(bot.service).add_entry(
            EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT, note=True), "cli:test"
        )
        before = content(bot.service.store)
        await send(bot, mod, f"/translate {SANCTIONS_ID} be")
        [refused] = await send(bot, mod, NEW_RU)
        wrong = ModerationError(Reason.TRANSLATION_WRONG_LANGUAGE, found="ru", language="be")
        assert refused["visible_text"] == NL.refusal(wrong)
        assert refused["visible_text"].startswith("De vertaling"), "a sentence of its own"
        [cancelled] = await send(bot, mod, "/cancel")
        [refused_note] = await send(bot, mod, f"/translate {note.id} ru")
        assert refused_note["visible_text"] == NL.refusal(ModerationError(Reason.NOTE_NOT_TRANSLATED))
        assert content(bot.service.store) == before


async def test_a_new_flow_command_ends_a_pending_edit_and_the_translation_is_taken() -> None:
    """/edit waiting for a value (after a refused text), then /translate: the edit ends, the translation
    is previewed and saved, and nothing of the edit is saved."""
    async with moderated_bot() as bot:
        mod = moderator(bot)
        entry = bot.service.store.entry(SANCTIONS_ID)
        [choose] = await send(bot, mod, f"/edit {SANCTIONS_ID}")
        [current] = await press(bot, mod, choose, "m:ef:t")
        [refused] = await send(bot, mod, "Woorden die niet in het document staan, helemaal niet.")
        assert refused["visible_text"].startswith("Not saved")
        old = translations.translation(bot.service.store, SANCTIONS_ID, Language.RU)
        assert old is not None
        [shown] = await send(bot, mod, f"/translate {SANCTIONS_ID} ru")
        assert f"({EN.translate_current})" in shown["visible_text"]
        [preview] = await send(bot, mod, f"Q: Какие санкции?\n{NEW_RU}")
        assert NEW_RU in preview["visible_text"] and "Какие санкции?" in preview["visible_text"]
        [saved] = await press(bot, mod, preview, "m:ok")
        assert saved["visible_text"] == EN.translation_saved.format(
            language="ru", id=SANCTIONS_ID, version=old.version + 1
        )
        assert bot.service.store.entry(SANCTIONS_ID).text == entry.text, "the abandoned edit saved nothing"
        [answer] = await bot.ask(mod, "Welke sancties heeft de EU ingesteld tegen Belarus?")
        assert not answer["visible_text"].startswith("Before:"), "the old edit no longer takes the text"
