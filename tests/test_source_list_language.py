"""The source list (a document's entries, under an answer's 📄 button or for a document named by its
reference) shows each question in the asker's language where the store has it (a translation, else a
curated phrasing in that language), else the Dutch one (user tester F10). Suggestions already did."""

from __future__ import annotations

import pytest
from telegramkit import buttons, callback_data, letter, shipped_bot

from interface.texts import texts_for
from knowledge.models import Language
from knowledge.storage import translations
from tests.moderationkit import LETTER_KEY

QUESTION = {"ru": "Какие санкции ЕС ввёл против Беларуси?", "en": "What sanctions has the EU imposed on Belarus?",
            "be": "Якія санкцыі ЕС увёў супраць Беларусі?"}
FICTIONAL = letter("kamerbrief-2022-05-10-3000", [("Hoe steunt Nederland de onafhankelijke media uit Belarus?",
                                                 "Nederland steunt onafhankelijke Belarussische media met subsidies.")],
                   citation="Kamerstukken II 2021/22, 21 501-02, nr. 2500")


@pytest.mark.parametrize("code", ["ru", "en", "be"])
async def test_the_source_button_lists_the_documents_questions_in_the_askers_language(code: str) -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(1001, "Olga", language_code=code)
        [answer] = await bot.ask(user, QUESTION[code])
        source = next(data for data in callback_data(answer) if data.startswith("r:"))
        bot.api.press_button(user, answer, source)
        [listing] = await bot.api.wait_for_messages(1001, 1)
        labels = [b["text"] for b in buttons(listing) if str(b.get("callback_data", "")).startswith("e:")]
        entries = bot.service.entries_of(LETTER_KEY)
        assert len(labels) == len(entries) == 7
        for label, entry in zip(labels, entries, strict=True):
            shown = translations.translation(bot.service.store, entry.id or 0, Language(code))
            assert shown is not None and shown.question
            assert label.startswith(f"{entry.number}. {shown.question[:30]}"), (label, shown.question)
            assert (entry.question or "")[:30] not in label, "not the Dutch curated question"


async def test_a_document_without_translations_lists_its_dutch_questions_to_every_asker() -> None:
    async with shipped_bot(FICTIONAL) as bot:
        [listing] = await bot.ask(bot.api.user(1002, "Olga", language_code="ru"), "kst-21501-02-2500")
        assert texts_for("ru").entries_count.format(count=1) in listing["visible_text"]
        assert [b["text"] for b in buttons(listing) if str(b.get("callback_data", "")).startswith("e:")] == [
            "1. Hoe steunt Nederland de onafhankelijke media uit Belarus?"
        ]
