"""Issue 11, third round: markup in a question, questions about another country, the weight of an
asker's everyday words. Each test builds its own case from the general rule."""

from __future__ import annotations

import pytest

from knowledge.models import Outcome
from knowledge.search.matcher import COMMON_WORD, EVERYDAY_FACTOR, EVERYDAY_WORD, everyday_factor
from knowledge.service import AnswerService
from knowledge.text import places
from knowledge.text.analysis import tokens
from knowledge.text.markup import strip_markup
from knowledge.tools.evaluation import fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


# --- markup ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("<script>alert(1)</script> sancties tegen Belarus?", "sancties tegen Belarus?"),
        ("<b>sancties</b> tegen <i class='x'>Belarus</i>?", "sancties tegen Belarus?"),
        ("sancties &amp; reisverboden<br/>tegen Belarus", "sancties & reisverboden tegen Belarus"),
        ("<style>p {color: red}</style><!-- x -->Welke sancties?", "Welke sancties?"),
    ],
)
def test_markup_is_no_part_of_the_question(marked: str, plain: str) -> None:
    assert tokens(strip_markup(marked)) == tokens(plain) and "<" not in strip_markup(marked)


def test_text_without_markup_is_left_alone() -> None:
    for text in ("Is 3 < 5 sancties?", "sancties <3", "Hoeveel personen & entiteiten?"):
        assert strip_markup(text) == text


def test_a_question_with_markup_is_answered_as_without_it(service: AnswerService) -> None:
    plain = service.answer("Welke sancties heeft de EU tegen Belarus ingesteld?")
    marked = service.answer("<script>alert(1)</script> Welke <b>sancties</b> heeft de EU tegen Belarus ingesteld?")
    assert plain.answered and marked.answered
    assert marked.best and plain.best and marked.best.entry_id == plain.best.entry_id
    assert marked.query.startswith("<script>")  # kept as asked: the front ends escape it when they echo it


def test_markup_alone_matches_nothing(service: AnswerService) -> None:
    """Nothing was asked: refused as only markup (each front end says so in the asker's language)."""
    from knowledge.service import InvalidQuestion

    with pytest.raises(InvalidQuestion) as refused:
        service.answer("<script>alert(1)</script><b></b>")
    assert refused.value.reason == "markup"
    with pytest.raises(InvalidQuestion) as refused:
        service.answer(" \u200b\t ")
    assert refused.value.reason == "empty"


# --- another country ------------------------------------------------------------------------------


def test_country_words_come_in_every_language_and_leave_out_everyday_words() -> None:
    words = places.country_words()
    assert {"rusland", "iran", "venezuela"} <= words["nl"] and {"russia", "iran", "georgia"} <= words["en"]
    assert "россия" in words["ru"] and "расія" in words["be"]
    assert "staten" not in words["nl"] and "республика" not in words["ru"] and "noord" not in words["nl"]


@pytest.mark.parametrize(
    "question",
    [
        "Welke sancties heeft de EU tegen Rusland ingesteld?",
        "Ходят ли европейские дипломаты на суды над оппозиционерами в России?",
        "Does the Netherlands send diplomats to opposition trials in Georgia?",
    ],
)
def test_a_question_about_another_country_is_never_answered(service: AnswerService, question: str) -> None:
    assert service.matcher.names_elsewhere(service.matcher.analyse(question))
    assert not service.answer(question).answered


def test_belarus_and_countries_of_the_store_are_not_elsewhere(service: AnswerService) -> None:
    matcher = service.matcher
    for question in ("Welke sancties heeft de EU tegen Belarus ingesteld?", "Какие санкции ЕС ввёл против Беларуси?"):
        assert not matcher.names_elsewhere(matcher.analyse(question))


def test_a_country_named_only_in_the_story_does_not_make_the_question_elsewhere(service: AnswerService) -> None:
    question = "Mijn neef is naar Canada gevlucht. Welke sancties heeft de EU tegen Belarus ingesteld?"
    assert not service.matcher.names_elsewhere(service.matcher.analyse(question))
    assert service.answer(question).answered


def test_another_country_with_the_stores_words_gets_no_belarus_suggestions(service: AnswerService) -> None:
    answer = service.answer("Welke sancties heeft de EU tegen Rusland ingesteld?")
    assert answer.outcome is Outcome.NO_ANSWER and not answer.suggestions


@pytest.mark.parametrize(
    ("question", "belarusian_version"),
    [
        ("Помогают ли Нидерланды украинцам?", "Помогают ли Нидерланды белорусам?"),
        ("Ці дапамагаюць Нідэрланды ўкраінцам?", "Ці дапамагаюць Нідэрланды беларусам?"),
        (
            "What does the Netherlands do for the safety of Georgians here?",
            "What does the Netherlands do for the safety of Belarusians here?",
        ),
    ],
)
def test_another_countrys_people_in_lower_case_get_no_belarus_suggestions(
    service: AnswerService, question: str, belarusian_version: str
) -> None:
    """Issue 11 item 6: Russian and Belarusian write a people in lower case ('украинцам'), which the
    capitalised-name test missed, so the Belarus support passage was offered for Ukrainians. A people is
    its country's stem and a short ending; the same question about Belarusians still finds its passage."""
    answer = service.answer(question)
    assert answer.outcome is Outcome.NO_ANSWER and not answer.suggestions
    assert service.answer(belarusian_version).matches()


def test_a_short_country_stem_names_no_everyday_word(service: AnswerService) -> None:
    """'Грузия' stems to 'груз' (cargo): too short to stand for a people's word that begins with it
    ('грузчики', porters); a people of the store's own countries is no other country's either."""
    matcher = service.matcher
    assert not matcher.names_elsewhere(matcher.analyse("Нужны ли грузчики в Беларуси?"))
    assert not matcher.names_elsewhere(matcher.analyse("Krijgen Nederlanders die in Belarus wonen hulp?"))


# --- everyday words ---------------------------------------------------------------


def test_an_unknown_words_weight_falls_with_its_everyday_frequency() -> None:
    assert everyday_factor(0) == everyday_factor(COMMON_WORD) == 1.0
    assert everyday_factor(EVERYDAY_WORD) == everyday_factor(10 * EVERYDAY_WORD) == EVERYDAY_FACTOR
    between = [everyday_factor(n) for n in (2 * COMMON_WORD, 5 * COMMON_WORD, 10 * COMMON_WORD)]
    assert 1.0 > between[0] > between[1] > between[2] > EVERYDAY_FACTOR


# --- one word alone -------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["help", "more", "next", "contact", "update", "выход", "Minsk", "Belarus"])
def test_one_everyday_word_or_the_subjects_name_alone_is_never_answered(service: AnswerService, word: str) -> None:
    """Such a message does not say what is asked: suggestions at most, however well a passage matches."""
    assert service.answer(word).outcome is not Outcome.ANSWER


def test_a_term_of_the_subjects_own_alone_is_still_a_question(service: AnswerService) -> None:
    """Staff type single document terms; a word everyday language does not know is specific enough."""
    specific = [t for t in ("sanctielijst", "inreisverbod", "zaakgelastigde") if service.answer(t).answered]
    assert len(specific) >= 2, specific
