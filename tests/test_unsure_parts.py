"""A message asking two things, one answered and one that passages are only close to: the second
gets its suggestions, never 'no official answer' about a subject the store does answer."""

from __future__ import annotations

from io import StringIO

import pytest
from telegramkit import callback_data, shipped_bot

from bot.console import run_console
from bot.settings import load_settings
from handlers import callbacks
from interface.plain import suggestion_title
from interface.texts import texts_for
from knowledge.models import Outcome
from knowledge.service import AnswerService
from knowledge.tools.evaluation import fresh_service

ANSWERED = "is er een meldpunt?"
#: Alone it gets suggestions (the EU's sanctions, and the Dutch effort for more of them, are both close).
UNSURE = "welke sancties zijn er"
MESSAGE = f"{UNSURE} en {ANSWERED}"


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


def test_the_parts_are_what_the_test_needs(service: AnswerService) -> None:
    assert service.answer(ANSWERED).answered
    alone = service.answer(UNSURE)
    assert alone.outcome is Outcome.SUGGEST and alone.suggestions


def test_a_part_passages_are_close_to_gets_its_suggestions(service: AnswerService) -> None:
    alone = service.answer(UNSURE)
    both = service.answer(MESSAGE)
    assert both.answered and both.best and both.best.entry_key == service.answer(ANSWERED).best.entry_key
    assert not both.unanswered_parts
    [unsure] = both.unsure_parts
    assert unsure.part == UNSURE
    assert [m.entry_key for m in unsure.suggestions] == [
        m.entry_key for m in alone.suggestions if m.entry_id != both.best.entry_id
    ]


def test_the_unsure_part_is_localised_with_the_answer(service: AnswerService) -> None:
    [unsure] = service.answer(MESSAGE, language="en").unsure_parts
    assert all(m.language.value == "en" for m in unsure.suggestions)


def test_an_unanswerable_part_is_still_told_so(service: AnswerService) -> None:
    other = "hoe vraag ik een parkeervergunning aan in Amsterdam?"
    both = service.answer(f"{ANSWERED} En {other}")
    assert both.answered and not both.unsure_parts
    assert both.unanswered_parts == [f"En {other}"]


async def test_telegram_sends_the_part_with_its_suggestions_as_buttons(service: AnswerService) -> None:
    suggestions = service.answer(MESSAGE).unsure_parts[0].suggestions
    async with shipped_bot() as bot:
        user = bot.api.user(1001, "Anna")
        replies = await bot.ask(user, MESSAGE, count=2)
        part = replies[-1]
        assert texts_for("nl").part_unsure.format(part=f"“{UNSURE}”") in part["text"]
        assert [d for d in callback_data(part) if d.startswith("e:")] == [callbacks.entry(m.entry_id) for m in suggestions]


def test_the_terminal_numbers_them_and_a_number_picks_one(service: AnswerService) -> None:
    first = service.answer(MESSAGE).unsure_parts[0].suggestions[0]
    out = StringIO()
    assert run_console(load_settings(), stdin=StringIO(f"{MESSAGE}\n1\n"), stdout=out) == 0
    text = out.getvalue()
    assert f"  1. {suggestion_title(first)}" in text
    assert text.count(first.text[:60]) == 1, "typing 1 shows the first suggestion's official text"
