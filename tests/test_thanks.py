"""A message that only thanks gets a short "you're welcome" in the asker's language, not the greeting,
and is counted as a greeting: never queued for moderators as a question the bot could not answer
(user tester F6). Thanks with a question after it is still a question."""

from __future__ import annotations

import pytest
from telegramkit import shipped_bot
from test_console import chat

from interface.texts import texts_for
from knowledge.models import Outcome
from knowledge.service import AnswerService

THANKS = {
    "nl": ["dank je", "Dank je wel!", "heel erg bedankt", "Dank u wel voor het antwoord"],
    "en": ["thank you", "thanks a lot!", "Thank you very much", "thanks, that helps"],
    "ru": ["спасибо", "большое спасибо", "Спасибо большое за ответ!", "bolshoe spasibo", "spasibo za otvet"],
    "be": ["дзякуй", "вялікі дзякуй", "Дзякуй вам!", "dziakuj vialiki", "Vialiki dziakuj za adkaz!"],
}


@pytest.mark.parametrize(("code", "message"), [(code, m) for code, ms in THANKS.items() for m in ms])
def test_thanks_get_youre_welcome_in_the_askers_language(code: str, message: str) -> None:
    out = chat(message).split("(Ctrl-D / 'quit')", 1)[1]
    assert texts_for(code).welcome in out
    assert texts_for(code).greeting not in out and texts_for("nl").greeting not in out


def test_thanks_are_counted_as_greetings_and_never_queued_for_review(service: AnswerService) -> None:
    for messages in THANKS.values():
        for message in messages:
            answer = service.answer(message, record=True)
            assert answer.outcome is Outcome.GREETING and answer.thanks, message
    assert service.store.review_items() == []
    [counts] = service.store.question_stats().values()
    assert counts == {"greeting": sum(map(len, THANKS.values()))}


@pytest.mark.parametrize("message", ["thanks, but what about sanctions?", "спасибо, а какие санкции?", "hallo"])
def test_thanks_with_a_question_or_a_plain_greeting_is_no_thank_you(service: AnswerService, message: str) -> None:
    assert not service.answer(message).thanks


async def test_telegram_thanks_get_youre_welcome_without_the_greeting() -> None:
    async with shipped_bot() as bot:
        [ru] = await bot.ask(bot.api.user(1001, "Olga", language_code="ru"), "большое спасибо")
        [be] = await bot.ask(bot.api.user(1002, "Ales", language_code="ru"), "вялікі дзякуй")
        assert ru["visible_text"] == texts_for("ru").welcome
        assert be["visible_text"] == texts_for("be").welcome, "Belarusian thanks, whatever the app's language"
