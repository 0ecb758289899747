"""Buttons of one keyboard can be told apart on a phone, which cuts them off (user tester F12): where
two titles begin alike ('Heeft het ministerie van Buitenlandse Zaken en/of het ministerie …' twice),
their shared leading words are dropped from the buttons, marked '…'; the message above them keeps the
questions whole."""

from __future__ import annotations

import itertools

import pytest
from telegramkit import buttons, shipped_bot

from handlers.render import BUTTON_TITLE
from interface.plain import BUTTON_DISTINCT, button_titles, suggestion_title
from interface.texts import LANGUAGES
from knowledge.service import AnswerService

#: Suggests the two answers of 16 July 2021 whose questions begin with the same 60 characters.
ALIKE = "ministerie Buitenlandse Zaken Justitie signalen meldpunt"


def _distinct(labels: list[str]) -> bool:
    starts = [label[:BUTTON_DISTINCT].casefold() for label in labels]
    return len(set(starts)) == len(starts)


@pytest.mark.parametrize("code", LANGUAGES)
def test_any_set_of_up_to_three_shipped_entries_gets_labels_distinct_in_their_first_characters(
    service: AnswerService, code: str
) -> None:
    matches = [service.localise(service.match_for_entry(e), code) for e in service.store.entries()]
    for size in (2, 3):
        for chosen in itertools.combinations(matches, size):
            labels = button_titles(list(chosen), BUTTON_TITLE)
            assert _distinct(labels), labels
            assert all(len(label) <= BUTTON_TITLE for label in labels)
            for match, label in zip(chosen, labels, strict=True):  # nothing but the shared start goes
                title = suggestion_title(match, 10_000)
                assert label == suggestion_title(match, BUTTON_TITLE) or title.endswith(label.strip("…")) or (
                    label.startswith("…") and label.endswith("…") and label.strip("…")[:40] in title
                ), (label, title)


def test_titles_that_begin_differently_are_left_as_they_were(service: AnswerService) -> None:
    answer = service.answer("sancties")
    assert [suggestion_title(m, BUTTON_TITLE) for m in answer.suggestions] == button_titles(answer.suggestions, BUTTON_TITLE)


async def test_telegram_suggestion_buttons_that_began_alike_are_told_apart_and_the_message_keeps_them_whole() -> None:
    async with shipped_bot() as bot:
        [offer] = await bot.ask(bot.api.user(1001, "Anna"), ALIKE)
        labels = [b["text"].split(". ", 1)[1] for b in buttons(offer)]
        full = [suggestion_title(m, 10_000) for m in bot.service.answer(ALIKE).suggestions]
        assert sum(t.startswith("Heeft het ministerie van Buitenlandse Zaken en/of") for t in full) >= 2, "the setup"
        assert _distinct(labels), labels
        for title in full:
            assert suggestion_title(bot.service.answer(ALIKE).suggestions[full.index(title)], 200) in offer["visible_text"]
