"""A question two passages of one document answer together (issue 11): 'bedreigd, wat moet ik
doen?' is answered by the passage on reporting a threat and the one on the police; the bot answers
with both instead of offering them as a choice, at the same bar as one answer."""

from __future__ import annotations

import pytest

from knowledge.models import Outcome
from knowledge.search.decision import MARGIN, Decider, lead
from knowledge.service import AnswerService
from knowledge.tools.evaluation import fresh_service

QUESTION = "Wat moet ik doen als ik in Nederland bedreigd word?"


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


def test_two_passages_of_one_document_about_as_close_answer_together(service: AnswerService) -> None:
    ranking = service.matcher.rank(QUESTION)
    first, second = ranking.scored[0], ranking.scored[1]
    # Neither alone leads clearly: as one answer this is a choice between the two.
    assert lead(first.relevance, second.relevance) < MARGIN
    answer = service.answer(QUESTION)
    assert answer.outcome is Outcome.ANSWER and answer.best is not None
    assert [m.entry_id for m in answer.also] == [second.entry_id]
    (other,) = answer.also
    assert other.citation.document_key == answer.best.citation.document_key
    assert other.entry_id not in {m.entry_id for m in answer.suggestions}
    third = ranking.scored[2].relevance
    assert lead(min(first.relevance, second.relevance), third) >= MARGIN


def test_passages_of_two_documents_are_not_one_answer(service: AnswerService) -> None:
    """The same two passages told to be of different documents are two answers to choose from."""
    ranking = service.matcher.rank(QUESTION)
    apart = Decider(service.matcher, service._is_note, lambda entry_id: f"document-{entry_id}")
    decision = apart.decide(QUESTION, ranking)
    assert decision.outcome is not Outcome.ANSWER
    assert decision.together == []


def test_a_clear_single_answer_stays_single(service: AnswerService) -> None:
    answer = service.answer("Hoeveel personen staan op de EU-sanctielijst voor Belarus?")
    assert answer.answered and answer.also == []


def test_a_question_about_another_country_gets_no_pair(service: AnswerService) -> None:
    answer = service.answer("Wat kan ik doen als ik in Nederland bedreigd word door het regime van Iran?")
    assert not answer.answered


@pytest.mark.parametrize("query", ["sancties", "sancties belarus", "sancties EU Belarus", "санкцыі ЕС Беларусь"])
def test_a_broad_query_is_still_a_choice(service: AnswerService, query: str) -> None:
    answer = service.answer(query)
    assert answer.outcome is Outcome.SUGGEST and answer.also == []
