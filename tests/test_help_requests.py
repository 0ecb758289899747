"""A message that only asks for help ('help', 'помогите', 'дапамажыце') gets one line pointing to /help
with an example question, in the asker's language; never passages a lone 'help' happens to match
(user tester F13). A message asking for help WITH something is still a question for the matcher."""

from __future__ import annotations

import pytest
from telegramkit import shipped_bot
from test_console import chat

from interface.plain import render_answer_plain
from interface.texts import LANGUAGES, texts_for
from knowledge.models import Language, Outcome
from knowledge.service import AnswerService

#: Bare help requests whose words tell their language, as people type them (also in Latin letters).
HELP = {
    "nl": ["hulp", "Help mij!", "ik heb hulp nodig", "hulp alstublieft", "help me aub"],
    "en": ["help me please", "I need help", "Please help!", "help pls", "someone help me"],
    "ru": ["помогите", "помогите пожалуйста", "Помогите!!!", "мне нужна помощь", "pomogite pozhalujsta"],
    "be": ["дапамажыце", "Дапамажыце, калі ласка", "мне патрэбна дапамога", "dapamažycie", "dapamazhy"],
}
#: Requests for help with something: questions, each with words the help words do not cover.
WITH_SOMETHING = [
    "can the government help me?",
    "помогите, мне угрожают в телеграме",
    "hulp bij aangifte doen",
    "help ik word bedreigd door de KGB",
    "дапамажыце, мне пагражаюць",
    "who can help Belarusians in the Netherlands?",
]


@pytest.mark.parametrize(("code", "message"), [(code, m) for code, ms in HELP.items() for m in ms])
def test_a_bare_help_request_gets_the_pointer_in_its_language(service: AnswerService, code: str, message: str) -> None:
    assert service.question_language(message) is Language(code)
    answer = service.answer(message)
    assert answer.outcome is Outcome.GREETING and answer.help_asked and not answer.suggestions
    assert render_answer_plain(answer, texts_for(code)) == texts_for(code).help_pointer


@pytest.mark.parametrize("message", WITH_SOMETHING)
def test_help_with_something_goes_to_the_matcher(service: AnswerService, message: str) -> None:
    answer = service.answer(message)
    assert not answer.help_asked and answer.outcome is not Outcome.GREETING


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_pointer_is_one_line_naming_help_and_its_example_is_answered(service: AnswerService, code: str) -> None:
    pointer = texts_for(code).help_pointer
    assert "\n" not in pointer and "/help" in pointer
    example = pointer.rsplit(": ", 1)[1]
    answer = service.answer(example)
    assert answer.answered, f"the {code} example question must itself get an official answer"
    assert service.question_language(example) in (Language(code), None)


def test_a_bare_help_is_neither_queued_for_review_nor_matched(service: AnswerService) -> None:
    for message in ["help", "HELP!", *HELP["ru"]]:
        answer = service.answer(message, record=True)
        assert answer.help_asked and answer.best is None, message
    assert service.store.review_items() == []


def test_terminal_chat_points_to_its_help_command_in_the_askers_language() -> None:
    out = chat("дапамажыце", "/help").split("(Ctrl-D / 'quit')", 1)[1]
    assert texts_for("be").help_pointer in out and texts_for("ru").help_pointer not in out
    assert "@standpunt_bot" in out, "the console has the /help the pointer names"


async def test_telegram_bare_help_gets_the_pointer_whatever_the_app_language() -> None:
    async with shipped_bot() as bot:
        [be] = await bot.ask(bot.api.user(1003, "Ales", language_code="ru"), "дапамажыце")
        [en] = await bot.ask(bot.api.user(1004, "Ann", language_code="en"), "help")
        assert be["visible_text"] == texts_for("be").help_pointer
        assert en["visible_text"] == texts_for("en").help_pointer, "a bare 'help' goes by the app's language"
