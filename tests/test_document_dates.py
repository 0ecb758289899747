"""A question that names the document's own date ('in maart 2021' of the letter of 2 March 2021) is not
penalised for the date words: the date is the document's metadata, not words its text lacks (user
tester F9: 0.20 'not sure' against a confident answer without them). A date later than the document,
a later year or a later month of its year, keeps the later-time notice."""

from __future__ import annotations

import pytest

from knowledge.service import AnswerService
from knowledge.text.analysis import tokens
from knowledge.text.timing import dated_words, later_than, month_of
from knowledge.tools.evaluation import fresh_service

SANCTIONS = "kamerbrief-2021-03-02-2298/3"
#: The same question with the letter's own date and without it, in four languages.
OWN_DATE = [
    ("Hoeveel personen stonden in maart 2021 op de sanctielijst?", "Hoeveel personen stonden op de sanctielijst?"),
    ("How many people were on the sanctions list in March 2021?", "How many people were on the sanctions list?"),
    ("Сколько человек было в санкционном списке в марте 2021 года?", "Сколько человек было в санкционном списке?"),
    ("Колькі чалавек было ў санкцыйным спісе ў сакавіку 2021 года?", "Колькі чалавек было ў санкцыйным спісе?"),
    ("Welke sancties heeft de EU in maart 2021 tegen Belarus ingesteld?", "Welke sancties heeft de EU tegen Belarus ingesteld?"),
]
LATER = [
    "How many people were on the EU sanctions list in May 2021?",
    "Hoeveel personen stonden in juli 2021 op de sanctielijst?",
    "Hoeveel personen stonden in maart 2022 op de sanctielijst?",
    "Сколько человек было в санкционном списке в мае 2021 года?",
    "Колькі чалавек было ў санкцыйным спісе ў жніўні 2021 года?",
]


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


def _relevance(service: AnswerService, question: str, key: str) -> tuple[float, bool]:
    """The passage's relevance to the question, and whether it leads."""
    scored = service.matcher.rank(question).scored
    found = [(i, s.relevance) for i, s in enumerate(scored) if service.entry_for(s.entry_id).key == key]
    return (found[0][1], found[0][0] == 0) if found else (0.0, False)


@pytest.mark.parametrize(("dated", "undated"), OWN_DATE)
def test_the_documents_own_date_does_not_count_against_its_passage(
    service: AnswerService, dated: str, undated: str
) -> None:
    relevance, leads = _relevance(service, dated, SANCTIONS)
    plain, _ = _relevance(service, undated, SANCTIONS)
    assert leads and relevance >= plain - 0.01


@pytest.mark.parametrize("question", [q for q, _ in OWN_DATE[1:4]])
def test_a_count_question_dated_as_the_letter_is_answered(service: AnswerService, question: str) -> None:
    answer = service.answer(question)
    assert answer.answered and answer.best is not None and answer.best.entry_key == SANCTIONS
    assert not answer.later_time


@pytest.mark.parametrize("question", LATER)
def test_a_later_date_keeps_the_later_time_notice(service: AnswerService, question: str) -> None:
    answer = service.answer(question)
    assert answer.later_time and not answer.answered


def test_date_words_in_four_languages() -> None:
    assert dated_words(tokens("in maart 2021")) == {"maart": (None, 3), "2021": (2021, None)}
    assert dated_words(tokens("в марте 2021 года")) == {"марте": (None, 3), "2021": (2021, None), "года": (2021, None)}
    assert [month for _, month in dated_words(tokens("у траўні і ў жніўні")).values()] == [5, 8]
    assert month_of("сакавіку") == 3 and month_of("снежня") == 12 and month_of("ліпеня") == 7
    assert month_of("may") is None and month_of("may", beside_year=True) == 5, "'may I ask' names no month"
    assert dated_words(tokens("may I ask")) == {}


def test_a_later_month_of_the_documents_year_is_a_later_time() -> None:
    assert later_than(tokens("sancties in mei 2021"), None, 2021, 3)
    assert not later_than(tokens("sancties in maart 2021"), None, 2021, 3)
    assert not later_than(tokens("sancties in februari 2021"), None, 2021, 3)
    assert not later_than(tokens("sancties in mei"), None, 2021, 3), "a month without a year could be 2020's"
    assert later_than(tokens("sancties in 2022"), None, 2021, 3)
