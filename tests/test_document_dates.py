"""A date later than the document, a later year or a later month of its own year ('in May 2021' of the
letter of 2 March 2021), gets the later-time notice, not the document's figure as a confident answer
(found with user tester F9). Date words are read in nl, en, ru and be (knowledge/text/timing.py)."""

from __future__ import annotations

import pytest

from knowledge.service import AnswerService
from knowledge.text.analysis import tokens
from knowledge.text.timing import dated_words, later_than, month_of
from knowledge.tools.evaluation import fresh_service

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
