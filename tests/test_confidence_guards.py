"""Issue 11, fifth round: confident answers only where the passage can answer what is asked.

A how-many question needs a passage with a count (a reference or a date counts nothing); a group of
synonyms whose stem is also an unrelated everyday word's ('zitting' and 'zitten') keeps its own term.
"""

from __future__ import annotations

import pytest

from knowledge.models import Outcome
from knowledge.search.matcher import CONFIDENCE_FEATURES, Calibration, Scored, rival_share
from knowledge.service import AnswerService
from knowledge.text.analysis import Analyzer, asks_for, provides, tokens
from knowledge.tools.evaluation import fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


@pytest.mark.parametrize(
    "text",
    [
        "Zoals gemeld op 2 december jl. (Kamerstuk 21 501-02, nr. 2248) zijn verzoeken ingediend.",
        "Zoals gemeld in het antwoord op vraag 4 is de landing op 23 mei gevolgd door arrestaties.",
        "Het kabinet hanteert sinds begin 2018 een aanpak.",
    ],
)
def test_references_dates_and_years_are_no_count(text: str) -> None:
    assert "count" not in provides(text)


def test_a_number_of_people_is_a_count() -> None:
    assert "count" in provides("Inmiddels zijn maatregelen genomen tegen 88 personen en 7 entiteiten (Kamerstuk 21 501-02).")


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel politieke gevangenen zijn er?",
        "How many Belarusians live in the Netherlands?",
        "Сколько политзаключённых в Беларуси?",
    ],
)
def test_a_how_many_question_is_not_answered_by_a_passage_without_a_count(
    service: AnswerService, question: str
) -> None:
    assert service.answer(question).outcome is not Outcome.ANSWER


def test_a_how_many_question_is_answered_by_the_passage_with_the_count(service: AnswerService) -> None:
    answer = service.answer("Hoeveel personen staan op de EU-sanctielijst tegen Belarus?")
    assert answer.answered and answer.matches()[0].entry_key == "kamerbrief-2021-03-02-2298/3"


def test_a_short_stem_shared_with_an_everyday_verb_keeps_the_group_apart() -> None:
    analyzer = Analyzer()
    hearing = analyzer.terms("zittingen")
    assert analyzer.terms("rechtszaken") == hearing == analyzer.terms("court")
    assert analyzer.terms("zitten") != hearing  # 'mijn broer zit vast' is no court hearing


@pytest.mark.parametrize(
    "question",
    [
        "Is it safe to travel to Belarus now?",
        "Is het veilig om naar Belarus te reizen?",
        "Безопасно ли сейчас ехать в Беларусь?",
        "Ці бяспечна ехаць у Беларусь?",
        "Where is the Dutch embassy in Minsk?",
        "Wat is het adres van de Nederlandse ambassade in Minsk?",
        "Где находится посольство Нидерландов?",
    ],
)
def test_travel_advice_and_addresses_are_not_answered_by_policy_passages(service: AnswerService, question: str) -> None:
    assert asks_for(tokens(question)) == "practical"
    assert service.answer(question).outcome is not Outcome.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "Waar meld ik bedreiging door het Belarussische regime?",
        "Where do I report threats from the Belarusian regime?",
        "Is er een speciaal telefoonnummer voor bedreigde Belarussen?",
        "Is het voor Belarussen in Nederland nog veilig om te demonstreren?",
    ],
)
def test_where_to_turn_and_safety_here_are_no_practical_questions(question: str) -> None:
    assert asks_for(tokens(question)) != "practical"


@pytest.mark.parametrize(
    "question",
    [
        "Mag ik als familie mijn broer bezoeken in de gevangenis in Zjodino?",
        "Can we visit our father in prison in Minsk?",
        "Можно ли мне навестить брата в СИЗО?",
        "Ці магу я наведаць сястру ў турме?",
    ],
)
def test_a_relatives_own_visit_is_not_answered_by_the_diplomats_requests(
    service: AnswerService, question: str
) -> None:
    assert asks_for(tokens(question)) == "practical"
    answer = service.answer(question)
    assert answer.outcome is not Outcome.ANSWER
    assert answer.matches(), "the diplomats' passage is still offered as a suggestion"


@pytest.mark.parametrize(
    "question",
    ["Kunnen EU-diplomaten politieke gevangenen bezoeken?", "Ik wil weten of Nederland gevangenen bezoekt"],
)
def test_officials_visiting_prisoners_is_a_question_of_policy(service: AnswerService, question: str) -> None:
    assert asks_for(tokens(question)) != "practical"
    assert service.answer(question).answered


def test_a_passage_with_an_address_provides_one() -> None:
    assert "practical" in provides("De ambassade is gevestigd aan de Lange Voorhout 1, 2514 EA Den Haag.")
    assert "practical" not in provides("Ook de Nederlands tijdelijk zaakgelastigde is geregeld bij rechtszaken aanwezig.")
    assert "practical" in provides("Familieleden mogen gedetineerden eens per maand bezoeken.")


@pytest.mark.parametrize(
    "question",
    [
        "EU-sancties Noord-Korea inreisverbod bevroren tegoeden",
        "Which sanctions has the EU imposed on North Korea?",
        "Што кажа ўрад пра санкцыі супраць Китай?",
    ],
)
def test_a_country_of_several_words_or_spelt_the_russian_way_in_belarusian_is_elsewhere(
    service: AnswerService, question: str
) -> None:
    assert service.matcher.names_elsewhere(service.matcher.analyse(question))
    assert not service.answer(question).answered


def test_the_runner_ups_share_is_what_it_has_of_the_question_and_the_top_lacks() -> None:
    top = Scored(1, {}, 0.9, 0, {10: 0.4, 11: 0.3})
    runner_up = Scored(2, {}, 0.8, 0, {10: 0.4, 12: 0.3})
    assert rival_share(top, runner_up) == pytest.approx(0.3)
    assert rival_share(top, Scored(3, {}, 0.5, 0, {10: 0.4})) == 0.0


def test_confidence_features_are_the_calibrations() -> None:
    """Every feature the model is fitted on has a weight in the shipped calibration, and no other."""
    assert set(Calibration.load().confidence) == set(CONFIDENCE_FEATURES)


@pytest.mark.parametrize(
    "message",
    [
        "Hoe kijkt het kabinet naar de veiligheid van Belarussen in Nederland? En krijgen hun ouders, broers en "
        "zussen sneller visa, werkvergunningen en huurwoningen?",
        "Как kabinet смотрит на veiligheid белорусов здесь? И выдают ли визы, вид на жительство и жильё родителям?",
    ],
)
def test_a_question_drowned_by_the_other_questions_of_its_message_still_gets_suggestions(
    service: AnswerService, message: str
) -> None:
    answer = service.answer(message)
    assert not answer.answered
    assert answer.outcome is Outcome.SUGGEST
    assert answer.suggestions[0].entry_key == "kamervragen-2021-07-16/4"
