"""Frightened askers (issue 11, user tester F2, F4, F10, F12): 'can the government do anything?' is no
question about the motion, a threatened address is no practical question, and 'can the government
help?' reaches the passage on support in Russian as in Belarusian."""

from __future__ import annotations

import pytest

from knowledge.service import AnswerService
from knowledge.text.analysis import Analyzer
from knowledge.tools.evaluation import fresh_service

MOTION = "kamerbrief-2021-03-02-2298/1"


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


@pytest.mark.parametrize(
    "question",
    [
        "урад нешта зрабіў?",
        "ці можа ўрад Нідэрландаў нешта зрабіць?",
        "маю маці выклікалі ў КДБ, і там пыталіся пра мяне. Ці можа ўрад нешта зрабіць?",
        "что сделало правительство?",
        "правительство что-нибудь сделало?",
        "wat heeft de regering gedaan?",
        "what has the government done?",
    ],
)
def test_a_generic_what_has_the_government_done_is_not_answered_with_the_motion(
    service: AnswerService, question: str
) -> None:
    answer = service.answer(question)
    assert not (answer.answered and answer.matches()[0].entry_key == MOTION)


@pytest.mark.parametrize(
    "question",
    [
        "што зрабіў урад з мацыяй Омтзігта?",
        "Что сделало правительство по моции Омтзигта?",
        "Wat heeft het kabinet gedaan met de motie Omtzigt?",
    ],
)
def test_the_motion_named_still_gets_the_letter_on_it(service: AnswerService, question: str) -> None:
    answer = service.answer(question)
    assert answer.answered and answer.matches()[0].entry_key == MOTION


def test_the_belarusian_mother_is_no_motion() -> None:
    analyzer = Analyzer()
    motion = analyzer.terms("мацыя", "be")
    assert analyzer.terms("маці", "be") != motion
    assert analyzer.terms("мацыі", "be") == analyzer.terms("мацыю", "be") == motion


@pytest.mark.parametrize(
    "question",
    [
        "I'm scared, the KGB rang my mother in Grodno and asked for my address in Delft",
        "De KGB heeft mijn broer gevraagd naar mijn adres in Zwolle, wat moet ik doen?",
        "Они знают мой адрес в Утрехте и угрожают, что делать?",
        "У КДБ распытвалі майго брата пра мой адрас у Роттэрдаме.",
        "U KDB raspytvali majho brata pra moj adras u Rotterdamie.",
    ],
)
def test_an_address_asked_about_or_threatened_with_is_no_practical_question(
    service: AnswerService, question: str
) -> None:
    assert service.matcher.analyse(question).asks_for != "practical"
    assert service.answer(question).untold != "practical"


@pytest.mark.parametrize(
    "question",
    [
        "What is the address of the Dutch embassy in Minsk?",
        "Wat is het adres van de Belarussische ambassade?",
        "Какой адрес у посольства Нидерландов в Минске?",
        "Які адрас пасольства Нідэрландаў?",
    ],
)
def test_an_offices_address_is_still_a_practical_question(service: AnswerService, question: str) -> None:
    assert Analyzer().analyse(question).asks_for == "practical"
    assert not service.answer(question).answered


SUPPORT = "kamervragen-2021-07-16/5"


@pytest.mark.parametrize(
    "question",
    [
        "может ли правительство помочь?",
        "ці можа ўрад дапамагчы?",
        "Моим родным в Гомеле угрожают. Правительство Нидерландов поможет?",
    ],
)
def test_can_the_government_help_reaches_the_support_passage_in_russian_as_in_belarusian(
    service: AnswerService, question: str
) -> None:
    answer = service.answer(question)
    assert answer.answered and answer.matches()[0].entry_key == SUPPORT


def test_the_forms_of_helping_and_protecting_meet() -> None:
    analyzer = Analyzer()
    assert analyzer.terms("помочь") == analyzer.terms("помогают") == analyzer.terms("помощь")
    assert analyzer.terms("дапамагчы", "be") == analyzer.terms("дапаможа", "be") == analyzer.terms("помочь")
    protect = analyzer.terms("beschermen")
    assert analyzer.terms("protect") == analyzer.terms("защиты") == analyzer.terms("абароны", "be") == protect


@pytest.mark.parametrize(
    "question",
    ["Может ли правительство помочь с жильём?", "ці дапаможа ўрад з працай?", "Ці дапаможа ўрад атрымаць візу для маці?"],
)
def test_help_with_something_the_documents_do_not_cover_stays_unanswered(service: AnswerService, question: str) -> None:
    assert not service.answer(question).answered


def test_relatives_questioned_by_the_kgb_are_intimidation_in_every_language() -> None:
    analyzer = Analyzer()
    intimidation = analyzer.terms("intimidatie")[0]
    for text in ("mijn zus is ondervraagd door de KGB", "my uncle was questioned by the KGB", "дедушку вызывали в КГБ"):
        assert intimidation in analyzer.terms(text), text
    assert intimidation in analyzer.terms("брата выклікалі ў КДБ", "be")
    assert intimidation not in analyzer.terms("политзаключённых допрашивали в СИЗО")
