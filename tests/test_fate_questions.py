"""Issue 11, fourth round: a question about what became of a person (released, sentenced) is not
answered by a passage that names the person only as the occasion of a policy (knowledge/text/fate.py)."""

from __future__ import annotations

import pytest

from knowledge.models import Outcome
from knowledge.service import AnswerService
from knowledge.text.analysis import asks_for, provides, tokens
from knowledge.tools.evaluation import fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


FATE_QUESTIONS = [
    "Is Sofia Sapega inmiddels vrijgekomen?",
    "Zijn de passagiers die in Minsk werden opgepakt al veroordeeld?",
    "Wat is er met Protasevitsj gebeurd nadat hij was gearresteerd?",
    "Has Sofia Sapega been pardoned?",
    "What happened to Protasevich after the arrest?",
    "Протасевича уже осудили?",
    "Что стало с Сапегой после ареста?",
    "Ці асудзілі Сафію Сапегу?",
    "Пратасевіча ўжо памілавалі?",
]


@pytest.mark.parametrize("question", FATE_QUESTIONS)
def test_a_question_about_a_persons_fate_asks_for_one(question: str) -> None:
    assert asks_for(tokens(question)) == "fate"


@pytest.mark.parametrize(
    "question",
    [
        "Roept Nederland Belarus op om politieke gevangenen vrij te laten?",
        "Does the Netherlands call for the release of political prisoners?",
        "Призывают ли Нидерланды освободить политзаключённых?",
        "Ці заклікаюць Нідэрланды вызваліць палітвязняў?",
        "Что стало с моцией Омтзигта?",
        "Депутат внёс моцию о санкциях. Что с ней стало потом?",
        "Something happened to me at a demonstration in The Hague, where can I report it?",
    ],
)
def test_a_call_to_release_or_what_became_of_a_motion_is_no_fate_question(question: str) -> None:
    assert asks_for(tokens(question)) != "fate"


def test_only_a_text_that_tells_a_fate_provides_one(service: AnswerService) -> None:
    assert "fate" in provides("Hij werd op 12 maart vrijgelaten en later begenadigd.")
    assert "fate" in provides("Zij is veroordeeld tot zes jaar gevangenisstraf.")
    assert "fate" not in provides("Nederland roept op alle politieke gevangenen vrij te laten.")
    assert all("fate" not in service.matcher.index.provides_of(e.id or 0) for e in service.store.entries())


@pytest.mark.parametrize("question", FATE_QUESTIONS)
def test_a_fate_the_passages_do_not_tell_is_never_answered(service: AnswerService, question: str) -> None:
    assert service.answer(question).outcome is not Outcome.ANSWER


def test_the_call_to_release_political_prisoners_is_still_answered(service: AnswerService) -> None:
    answer = service.answer("Heeft Nederland Belarus opgeroepen politieke gevangenen vrij te laten?")
    assert answer.answered and answer.best is not None
    assert "vrij te laten" in answer.best.text


#: Phrasings of the same question without a fate verb: 'what happened to', the person's state, a
#: pronoun for the person in Russian and Belarusian.
MORE_FATE_QUESTIONS = [
    "What happened to Sofia Sapega?",
    "what happened to the journalist protasevich",
    "Is Protasevich free?",
    "Is Roman Protasevich still in prison?",
    "is sapega out of jail yet",
    "Wat is er gebeurd met Sofia Sapega?",
    "Wat is er met Protasevitsj gebeurd?",
    "Zit Protasevitsj nog vast?",
    "Что с ней стало?",
    "Её отпустили?",
    "Што з ім?",
    "Он ещё в тюрьме?",
    "My friend was arrested in Minsk last year. Is she still in prison?",
]


@pytest.mark.parametrize("question", MORE_FATE_QUESTIONS)
def test_what_became_of_a_person_asked_without_a_fate_verb(service: AnswerService, question: str) -> None:
    assert asks_for(tokens(question)) == "fate"
    assert service.answer(question).outcome is not Outcome.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "What happened to Omtzigt's motion?",
        "What happened to the sanctions against Belarus?",
        "Is het onveiliger geworden voor Belarussen sinds de kaping van het Ryanair-vliegtuig?",
        "Is the Netherlands still pushing for more sanctions?",
        "Is there a hotline for Belarusians who are threatened?",
        "Is er een meldpunt voor Belarussen?",
        "Are Belarusians in the Netherlands free to demonstrate?",
        "Zijn Belarussen vrij om te demonstreren in Nederland?",
    ],
)
def test_a_state_or_what_became_of_a_thing_is_no_fate_question(question: str) -> None:
    assert asks_for(tokens(question)) != "fate"
