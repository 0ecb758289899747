"""A staff member types an official reference or link ('kst-21501-02-2298', the page's address,
'Kamerstuk 21501-02 nr. 2298', '21 501-02, nr. 2298') and gets that document: its description and its
entries to choose from, as /sources and the 📄 button show them. A reference to a document the store
does not hold says so, and never shows another document in its place (user tester F3)."""

from __future__ import annotations

import pytest
from telegramkit import buttons, callback_data, shipped_bot
from test_console import chat

from interface.texts import texts_for
from knowledge.models import Outcome
from knowledge.service import AnswerService
from tests.moderationkit import LETTER_KEY

CITATION = "Kamerstukken II 2020/21, 21 501-02, nr. 2298"
LINK = "https://zoek.officielebekendmakingen.nl/kst-21501-02-2298.html"
AS_TYPED = ["kst-21501-02-2298", LINK, "Kamerstuk 21501-02 nr. 2298", "21 501-02, nr. 2298", f"  {CITATION} "]
#: Real-looking references to documents the shipped store does not hold (the 16 July 2021 answers have
#: no known official id or question number, so no reference can name them).
NOT_HELD = ["kst-35373-33", "ah-tk-20202021-3341", "2021Z09578", "https://zoek.officielebekendmakingen.nl/kst-36045-7.html"]


@pytest.mark.parametrize("typed", AS_TYPED)
def test_a_reference_as_staff_type_it_gives_that_documents_entries(service: AnswerService, typed: str) -> None:
    answer = service.answer(typed, record=True)
    assert answer.outcome is Outcome.DOCUMENT and answer.asked_document is not None
    assert answer.asked_document.document is not None and answer.asked_document.document.key == LETTER_KEY
    assert [m.entry_key for m in answer.suggestions] == [e.key for e in service.entries_of(LETTER_KEY)]
    assert service.store.review_items() == [], "a document looked up is no unanswered question"


def test_the_terminal_chat_shows_the_document_and_a_number_picks_one_of_its_entries(service: AnswerService) -> None:
    out = chat(LINK, "3")
    listed, picked = out.split("  7. ", 1)
    assert CITATION in listed and f"Officiële tekst: {LINK}" in listed and "Antwoorden: 7" in listed
    third = service.store.entry_by_key(f"{LETTER_KEY}/3")
    assert f"  3. {third.question}" in listed
    assert third.text in picked and "alinea 3" in picked, "the number shows that entry, as a button would"


@pytest.mark.parametrize("typed", NOT_HELD)
def test_a_reference_to_a_document_not_in_the_store_says_so(service: AnswerService, typed: str) -> None:
    answer = service.answer(typed)
    assert answer.asked_document is not None and answer.asked_document.document is None
    assert answer.outcome is Outcome.NO_ANSWER and answer.matches() == []
    out = chat(typed)
    reference = answer.asked_document.reference
    assert texts_for("nl").document_not_held.format(reference=reference) in out
    assert CITATION not in out and "Kamervragen" not in out, "no other document in its place"


def test_a_reference_the_store_cites_but_does_not_hold_is_told_above_the_passage_citing_it(service: AnswerService) -> None:
    answer = service.answer("Kamerstuk 21 501-20 nr. 1634")  # the motion, cited by the letter's first paragraph
    assert answer.asked_document is not None and answer.asked_document.document is None
    assert answer.best is not None and answer.best.entry_key == f"{LETTER_KEY}/1"
    out = chat("Kamerstuk 21 501-20 nr. 1634")
    notice = texts_for("nl").document_not_held.format(reference="Kamerstuk 21 501-20, nr. 1634")
    assert out.index(notice) < out.index(answer.best.text)


def test_a_question_that_names_a_document_is_still_a_question(service: AnswerService) -> None:
    answer = service.answer("welke sancties heeft de EU ingesteld volgens kamerstuk 21501-02 nr. 2298")
    assert answer.asked_document is None and answer.outcome is not Outcome.DOCUMENT
    assert any(m.entry_key == f"{LETTER_KEY}/3" for m in answer.matches())


async def test_telegram_shows_the_document_with_its_entries_as_buttons() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(1001, "Anna")
        [reply] = await bot.ask(user, "Kamerstuk 21501-02 nr. 2298")
        assert CITATION in reply["visible_text"] and "Brief van de Minister van Buitenlandse Zaken" in reply["visible_text"]
        entries = [data for data in callback_data(reply) if data.startswith("e:")]
        assert len(entries) == 7
        assert any(b.get("text", "").startswith("3. ") for b in buttons(reply))
        third = bot.service.store.entry_by_key(f"{LETTER_KEY}/3")
        bot.api.press_button(user, reply, entries[2])
        [shown] = await bot.api.wait_for_messages(1001, 1)
        assert third.text in shown["visible_text"]


async def test_telegram_says_a_document_is_not_in_the_store_in_the_askers_language() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(1002, "Olga", language_code="ru"), "kst-35373-33")
        expected = texts_for("ru").document_not_held.format(reference="Kamerstuk 35 373, nr. 33")
        assert reply["visible_text"].startswith(expected) and "/sources" in reply["visible_text"]
        assert callback_data(reply) == []
