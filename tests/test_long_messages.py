"""Messages longer than MAX_QUESTION_LENGTH: read as their question sentences with a little of their
story, answered as the short message would be; refused (too long) when there is no question to pick
out or they are beyond LONG_MESSAGE_FACTOR times the limit (issue 11, item 3)."""

from __future__ import annotations

import json
import logging
from io import StringIO

import longmessages as messages
import pytest
from telegramkit import shipped_bot

from bot.cli import main
from bot.console import run_console
from bot.settings import load_settings
from interface.texts import texts_for
from knowledge.models import Outcome
from knowledge.service import LONG_MESSAGE_FACTOR, MAX_QUESTION_LENGTH, AnswerService, InvalidQuestion
from knowledge.text import focus
from knowledge.text.long_messages import condensed, split
from knowledge.tools.evaluation import fresh_service

LETTER = "kamerbrief-2021-03-02-2298"
QUESTIONS = "kamervragen-2021-07-16"
#: Each long message, the passage it asks for, and the same question as a short message with one
#: sentence of context, as the asker could have written it.
IN_SCOPE = [
    pytest.param(
        messages.NL_VISITS, f"{LETTER}/5",
        "Mijn broer zit sinds 2020 vast in Belarus. "
        "Mogen diplomaten van Nederland of de EU politieke gevangenen in Belarus bezoeken in de gevangenis?",
        id="nl",
    ),
    pytest.param(
        messages.EN_REPORTING, f"{QUESTIONS}/6",
        "People keep threatening me on Telegram. "
        "Is there a special reporting point in the Netherlands for Belarusians who feel threatened or intimidated?",
        id="en",
    ),
    pytest.param(
        messages.RU_TRIALS, f"{LETTER}/6",
        "Моего двоюродного брата будут судить в Минске. "
        "Присутствуют ли дипломаты стран ЕС на судах над политическими заключёнными в Беларуси?",
        id="ru",
    ),
    pytest.param(
        messages.BE_SANCTIONS, f"{LETTER}/3",
        "Мая маці ўсё яшчэ ў Гомелі. Якія санкцыі Еўрапейскі саюз увёў супраць Беларусі?",
        id="be",
    ),
    pytest.param(
        messages.NL_REQUEST_IN_THE_MIDDLE, f"{LETTER}/4",
        "Mensen zeggen dat de sancties niets doen. "
        "Ik wil graag weten of de Nederlandse regering de EU-sancties tegen Belarus nog verder wil uitbreiden",
        id="nl-request-in-the-middle",
    ),
]
OUT_OF_SCOPE = [
    pytest.param(
        messages.EN_VISA,
        "My mother lives in Vitebsk. "
        "Can my mother get a Schengen visa to visit us in the Netherlands, and how long does it take for Belarusians now?",
        id="en-visa",
    ),
    pytest.param(
        messages.RU_ASYLUM,
        "Мой брат сейчас в Литве. "
        "Может ли мой брат получить политическое убежище в Нидерландах, и как долго рассматривают такие заявления?",
        id="ru-asylum",
    ),
]
#: The Russian story with its question told as a statement: no question left in it.
TOLD_RU = messages.RU_TRIALS.replace("Присутствуют ли дипломаты", "Присутствуют дипломаты").replace("Беларуси?", "Беларуси.")
LONG = [*(p.values[0] for p in IN_SCOPE), *(p.values[0] for p in OUT_OF_SCOPE)]


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


def test_the_messages_are_long_and_fit_in_one_telegram_message() -> None:
    for message in [*LONG, messages.NL_NO_QUESTION]:
        assert MAX_QUESTION_LENGTH < len(" ".join(message.split())) < 4096


@pytest.mark.parametrize(("message", "key", "short"), IN_SCOPE)
def test_a_long_message_is_answered_with_the_passage_it_asks_for(
    service: AnswerService, message: str, key: str, short: str
) -> None:
    answer = service.answer(message)
    assert answer.outcome is Outcome.ANSWER and answer.best is not None
    assert answer.best.entry_key == key


@pytest.mark.parametrize(("message", "key", "short"), IN_SCOPE)
def test_a_long_message_is_answered_as_its_question_with_a_little_context(
    service: AnswerService, message: str, key: str, short: str
) -> None:
    """The same outcome and passages as the short message the asker could have sent instead."""
    long, brief = service.answer(message), service.answer(short)
    assert brief.outcome is Outcome.ANSWER and brief.best is not None and brief.best.entry_key == key
    assert long.outcome is brief.outcome
    assert long.best is not None and long.best.entry_key == brief.best.entry_key
    assert len(long.query) <= MAX_QUESTION_LENGTH < len(message)


@pytest.mark.parametrize(("message", "short"), OUT_OF_SCOPE)
def test_a_long_message_asking_what_the_store_does_not_answer_stays_unanswered(
    service: AnswerService, message: str, short: str
) -> None:
    """Read for its question (visas, asylum), not refused: and unanswered, like the short one."""
    answer = service.answer(message)
    assert answer.outcome is not Outcome.ANSWER and not answer.also
    assert service.answer(short).outcome is not Outcome.ANSWER


def test_a_long_message_asking_two_things_is_answered_per_question(service: AnswerService) -> None:
    """Two questions in different paragraphs: both are kept; the one the store answers is answered,
    the other said to have no official answer, or both answered when the store has both."""
    visa = "And can my mother get a Schengen visa to visit me here in Groningen?"
    asked = service.answer(messages.EN_REPORTING.replace("Thank you for reading", f"{visa}\n\nThank you for reading"))
    assert asked.outcome is Outcome.ANSWER and asked.best is not None and asked.best.entry_key == f"{QUESTIONS}/6"
    assert asked.unanswered_parts == [visa]
    both = messages.NL_VISITS.replace(
        "Alvast heel", "En welke sancties heeft de EU eigenlijk tegen Belarus ingesteld?\n\nAlvast heel"
    )
    answer = service.answer(both)
    assert answer.best is not None and answer.best.entry_key == f"{LETTER}/5"
    assert [m.entry_key for m in answer.also] == [f"{LETTER}/3"]


def test_the_question_part_is_the_question_sentences_and_the_nearest_story() -> None:
    """The question sentence whole; the story sentences nearest to it, the one before it first;
    nothing of the far story, and in the message's order."""
    kept = condensed(messages.NL_VISITS, MAX_QUESTION_LENGTH)
    assert kept is not None
    sentences = split(kept)
    question = "Mogen diplomaten van Nederland of de EU politieke gevangenen in Belarus bezoeken in de gevangenis?"
    assert question in sentences
    at = sentences.index(question)
    assert sentences[at - 1].startswith("Ik hoop echt dat er iemand is")
    assert sentences[at + 1] == "Alvast heel erg bedankt voor het antwoord."
    assert "Grodno" not in kept and "Utrecht" not in kept, "the story's start is far from the question"
    assert len(sentences) == 4


def test_a_paragraph_ends_a_sentence_even_without_a_full_stop() -> None:
    """Phones leave the last full stop out: the paragraph before the question stays story, and the
    request after a paragraph without a full stop is its own sentence."""
    kept = condensed(messages.NL_REQUEST_IN_THE_MIDDLE, MAX_QUESTION_LENGTH)
    assert kept is not None
    marked = focus.parts(kept)
    asked = [p.text for p in marked if p.is_question]
    assert asked == ["Ik wil graag weten of de Nederlandse regering de EU-sancties tegen Belarus nog verder wil uitbreiden."]
    assert len(marked) > 1


def test_story_sentences_that_begin_with_a_question_word_are_no_questions_of_a_long_message() -> None:
    """'Когда я с ним разговаривал ..., он сказал ...' begins with 'когда': with a sentence ending in a
    question mark in the message, it is story, and it is not kept as context the matcher would ask."""
    kept = condensed(messages.RU_TRIALS, MAX_QUESTION_LENGTH)
    assert kept is not None
    assert focus.questions(kept) == ["Присутствуют ли дипломаты стран ЕС на судах над политическими заключёнными в Беларуси?"]
    assert "Когда я с ним разговаривал" not in kept


def test_a_question_without_a_question_mark_is_found_as_a_paragraph_of_its_own(service: AnswerService) -> None:
    """Phones leave the question mark out too: a question word first is a question when it stands
    alone; inside the story ('Когда я с ним разговаривал, ...') it is not."""
    typed = messages.NL_VISITS.replace("in de gevangenis?", "in de gevangenis")
    kept = condensed(typed, MAX_QUESTION_LENGTH)
    assert kept is not None and "Mogen diplomaten" in kept
    answer = service.answer(typed)
    assert answer.best is not None and answer.best.entry_key == f"{LETTER}/5"
    assert condensed(TOLD_RU, MAX_QUESTION_LENGTH) is None


def test_a_long_message_with_no_question_is_refused_as_too_long(service: AnswerService) -> None:
    """Nothing to pick out: refused as before, with the reason that tells the asker what to do."""
    with pytest.raises(InvalidQuestion) as refused:
        service.answer(messages.NL_NO_QUESTION)
    assert refused.value.too_long and refused.value.reason == "too_long"
    with pytest.raises(InvalidQuestion, match="longer than"):
        service.answer(TOLD_RU)


def test_a_message_beyond_the_bound_or_whose_questions_alone_are_too_long_is_refused(service: AnswerService) -> None:
    story = messages.NL_VISITS.rsplit("\n\nMogen", 1)[0]
    question = "\n\nMogen diplomaten van de EU politieke gevangenen in Belarus bezoeken?"
    beyond = "\n\n".join([story] * 4) + question
    assert len(beyond) > LONG_MESSAGE_FACTOR * MAX_QUESTION_LENGTH
    with pytest.raises(InvalidQuestion) as refused:
        service.answer(beyond)
    assert refused.value.too_long
    assert service.answer("\n\n".join([story] * 3) + question).outcome is Outcome.ANSWER, "within the bound: read"
    run_on = "mijn broer zit vast en " * 70 + "mogen diplomaten hem bezoeken?"  # one sentence of 1,640 characters
    with pytest.raises(InvalidQuestion) as refused:
        service.answer(run_on)
    assert refused.value.too_long
    many = " ".join(f"Is er nieuws over gevangene nummer {n}?" for n in range(60))
    with pytest.raises(InvalidQuestion):
        service.answer(many)


def test_binary_stays_not_text(service: AnswerService) -> None:
    with pytest.raises(InvalidQuestion) as refused:
        service.answer("\x00\x01\x02\x7fELF\x03" * 600 + " Welke sancties gelden er?")
    assert refused.value.reason == "not_text"


@pytest.mark.parametrize(
    ("message", "language"),
    [(messages.NL_VISITS, "nl"), (messages.EN_REPORTING, "en"), (messages.RU_TRIALS, "ru"), (messages.BE_SANCTIONS, "be")],
)
def test_a_long_message_is_told_in_the_language_of_its_question_part(
    service: AnswerService, message: str, language: str
) -> None:
    """The reply's language is told from the part that is read, not the whole story (and a huge
    message costs no more to judge than a short one: only its start is read)."""
    detected = service.question_language(message)
    assert detected is not None and detected.value == language
    assert service.question_language(messages.NL_NO_QUESTION * 50) is not None


def test_no_message_text_is_logged(service: AnswerService, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        service.answer(messages.NL_VISITS, record=True)
        with pytest.raises(InvalidQuestion):
            service.answer(messages.NL_NO_QUESTION)
    logged = caplog.text
    assert "read as its question sentences" in logged
    for words in ("Grodno", "diplomaten", "Pavel", "Utrecht", "Olga", "Vredespaleis", "elektricien"):
        assert words not in logged


def test_the_review_queue_keeps_the_question_part_not_the_story(service: AnswerService) -> None:
    service.answer(messages.EN_VISA, record=True)
    kept = " ".join(f"{item.text} {item.asked}" for item in service.store.review_items())
    assert "visa" in kept.lower() and "Vitebsk" not in kept and "Leiden" not in kept


# --- the front ends ----------------------------------------------------------------------------


async def test_telegram_answers_a_long_message_and_refuses_one_without_a_question() -> None:
    async with shipped_bot() as bot:
        expected = bot.service.answer(messages.NL_VISITS).best
        assert expected is not None
        user = bot.api.user(1001, "Olga")
        [reply] = await bot.ask(user, messages.NL_VISITS)
        assert expected.text in reply["visible_text"], "the official text, verbatim"
        assert "alinea 5" in reply["visible_text"]
        [refusal] = await bot.ask(user, messages.NL_NO_QUESTION)
        assert refusal["visible_text"] == texts_for("nl").invalid_too_long.format(limit=MAX_QUESTION_LENGTH)
        russian = bot.api.user(1002, "Андрей")
        [reply] = await bot.ask(russian, messages.RU_TRIALS)
        assert "6" in reply["visible_text"].rsplit("📄", 1)[1]
        assert reply["visible_text"].startswith(texts_for("ru").answer_heading)
        [refusal] = await bot.ask(russian, TOLD_RU)
        assert refusal["visible_text"] == texts_for("ru").invalid_too_long.format(limit=MAX_QUESTION_LENGTH)


def test_the_console_answers_a_long_message_typed_on_one_line() -> None:
    """One line of 1,800 characters (the terminal chat reads a line as a message): answered in the
    asker's English with the official Dutch text; the story that only tells is refused in Dutch."""
    story = " ".join(messages.NL_NO_QUESTION.split())
    out = StringIO()
    typed = StringIO(f"{' '.join(messages.EN_REPORTING.split())}\n{story}\n")
    assert run_console(load_settings(), stdin=typed, stdout=out) == 0
    refusal = texts_for("nl").invalid_too_long.format(limit=MAX_QUESTION_LENGTH)
    shown = out.getvalue().rstrip("\n")
    assert shown.endswith("\n" + refusal) and shown.count(refusal) == 1
    answer = shown.removesuffix(refusal)
    assert "Het kabinet heeft geen speciale meldpunten" in answer and "· Question 6" in answer
    assert texts_for("en").invalid_too_long.format(limit=MAX_QUESTION_LENGTH) not in answer


def test_ask_on_the_command_line_answers_a_long_message(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "--json", messages.BE_SANCTIONS])
    out, _ = capsys.readouterr()
    payload = json.loads(out)
    assert code == 0 and payload["answered"] is True
    assert payload["matches"][0]["key"] == f"{LETTER}/3"
    assert len(payload["query"]) <= MAX_QUESTION_LENGTH and "Гомеля" not in payload["query"]
    code = main(["ask", messages.NL_NO_QUESTION])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith("fout: Uw vraag is te lang (meer dan 1500 tekens).")
