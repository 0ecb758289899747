"""Under a notice that no passage tells what was asked (what became of someone, an address, a figure)
only passages whose own text says part of the question, and that name every person it names, are
listed as the closest ones (user tester F15: the Omtzigt motion under 'ці вызвалілі Марыю
Калеснікаву?', Gajdoekevitsj and the court cases under 'hoeveel belarussen wonen in nederland')."""

from __future__ import annotations

import pytest
from test_console import chat

from interface.texts import texts_for
from knowledge.models import Outcome
from knowledge.search.decision import RELATED_TEXT
from knowledge.service import AnswerService
from knowledge.tools.evaluation import fresh_service

#: Notices with nothing related in the store: a person it never names, a figure of something it never counts.
NOTHING_RELATED = [
    ("ці вызвалілі Марыю Калеснікаву?", "fate"),
    ("What happened to Maria Kolesnikova?", "fate"),
    ("Wat is er met Maria Kolesnikova gebeurd?", "fate"),
    ("Is Ihar Losik released?", "fate"),
    ("hoeveel belarussen wonen in nederland", "count"),
    ("How many Belarusians live in the Netherlands?", "count"),
    ("колькі беларусаў жыве ў Нідэрландах", "count"),
    ("wat is het adres van de ambassade in minsk", "practical"),
]
#: Notices with passages that are related: they name the person, or say what the question is about.
RELATED = [
    ("Is Protasevich still in prison?", "fate", "kamervragen-2021-07-16/3"),
    ("Is Sofia Sapega released?", "fate", "kamervragen-2021-07-16/3"),
    ("hoeveel politieke gevangenen zijn er nu", "count", "kamerbrief-2021-03-02-2298/2"),
    ("Kan ik mijn broer in de gevangenis in Minsk bezoeken?", "practical", "kamerbrief-2021-03-02-2298/5"),
]


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


@pytest.mark.parametrize(("question", "kind"), NOTHING_RELATED)
def test_a_notice_with_nothing_related_lists_nothing(service: AnswerService, question: str, kind: str) -> None:
    answer = service.answer(question)
    assert answer.untold == kind and answer.outcome is Outcome.NO_ANSWER
    assert answer.suggestions == []


@pytest.mark.parametrize(("question", "kind", "key"), RELATED)
def test_related_passages_stay_under_the_notice(service: AnswerService, question: str, kind: str, key: str) -> None:
    answer = service.answer(question)
    assert answer.untold == kind and not answer.answered
    assert key in [m.entry_key for m in answer.suggestions]


@pytest.mark.parametrize(("question", "kind"), [(q, k) for q, k, _ in RELATED] + NOTHING_RELATED)
def test_every_listed_passage_says_part_of_the_question_in_its_own_text(
    service: AnswerService, question: str, kind: str
) -> None:
    """Told by the matcher's own scores: what it shows, it scored as covering the question in its text."""
    shown = {m.entry_id for m in service.answer(question).suggestions}
    scored = {s.entry_id: s for s in service.matcher.rank(question, limit=10).scored}
    assert all(scored[entry].features["text_coverage"] >= RELATED_TEXT for entry in shown)


def test_the_terminal_shows_the_notice_without_a_heading_of_closest_passages() -> None:
    out = chat("ці вызвалілі Марыю Калеснікаву?").split("(Ctrl-D / 'quit')", 1)[1]
    be = texts_for("be")
    assert be.untold_fate in out and be.related_heading not in out
