"""Names vote for no language of the reply (user tester F7: 'Is Roman Protasevich released?' was
answered in Dutch: 'Roman' is a Dutch word). Words capitalised inside a sentence are left out of the
votes, and where the shared function words ('Is', 'Was') tie, words only one word list has
('released', 'vrijgelaten') tell English from Dutch; names in Cyrillic keep their spelling's evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.models import Language
from knowledge.service import AnswerService
from knowledge.text import dictionary
from knowledge.text.languages import without_names
from knowledge.tools.evaluation import fresh_service

#: Given names and surnames from Belarus, the Netherlands and elsewhere, many of them words of Dutch
#: or English as well ('Roman', 'Will', 'Mark', 'Hope', 'Roos', 'Dag', 'Van', 'De').
NAMES = (
    "Roman Protasevich Sofia Sapega Maria Kolesnikova Ales Bialiatski Viktor Babariko Sergei Tikhanovsky "
    "Svetlana Tikhanovskaya Ihar Losik Pavel Latushko Maksim Znak Olga Will Mark Hope Grace Rose Iris Bob "
    "Jan Dag Wim Daan Bram Roos Sterk Van De Jong Visser Bakker Smith Brown King Young Hill Green Wood May "
    "Eva Anna Lucas Noah Levi Sem Mila Tess Julia Nina"
).split()
#: Questions with a shared function word only ('Is', 'Was', 'Had'), each told by its other words.
TEMPLATES = {
    Language.EN: ["Is {name} released?", "Was {name} arrested?", "Is {name} still detained?", "Was {name} sentenced?"],
    Language.NL: ["Is {name} vrijgelaten?", "Is {name} opgepakt?", "Was {name} gearresteerd?", "Is {name} veroordeeld?"],
}
names = st.lists(st.sampled_from(NAMES) | st.from_regex(r"\A[A-Z][a-z]{2,9}\Z"), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is Roman Protasevich released?", Language.EN),
        ("Is Sofia Sapega released?", Language.EN),
        ("Was Roman Protasevich released?", Language.EN),
        ("Is Roman Protasevitsj vrijgelaten?", Language.NL),
        ("Is Will Smith in de gevangenis?", Language.NL),
        ("Is Mark van Dam still detained?", Language.EN),
        ("Is I. Losik free, and can I visit him?", Language.EN),
        ("Kunt U zeggen of Roman vrij is?", Language.NL),
    ],
)
def test_names_vote_for_no_language(service: AnswerService, question: str, language: Language) -> None:
    assert service.question_language(question) is language


@settings(max_examples=150, deadline=None)
@given(language=st.sampled_from(sorted(TEMPLATES)), template=st.integers(0, 3), named=names)
def test_any_names_leave_the_language_of_the_question_as_it_is(
    service: AnswerService, language: Language, template: int, named: list[str]
) -> None:
    question = TEMPLATES[language][template].format(name=" ".join(named))
    assert service.question_language(question) is language, question


@settings(max_examples=100, deadline=None)
@given(named=names)
def test_names_are_left_out_and_every_other_word_stays_in_order(named: list[str]) -> None:
    question = f"Is {' '.join(named)} in de gevangenis?"
    assert without_names(question) == "Is in de gevangenis?"
    assert without_names("I think I can visit") == "I think I can visit", "'I' is a pronoun, no name"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Што з Ціханоўскай?", Language.BE),  # Belarusian spelling of the name: Belarusian evidence
        ("Что стало с Марией Калесниковой?", Language.RU),
        ("Ці вызвалілі Марыю Калеснікаву?", Language.BE),
    ],
)
def test_cyrillic_names_keep_the_evidence_of_their_spelling(
    service: AnswerService, question: str, language: Language
) -> None:
    assert service.question_language(question) is language


def test_the_word_lists_tell_which_languages_have_a_word() -> None:
    assert dictionary.languages_of("released") == {"en"}
    assert dictionary.languages_of("vrijgelaten") == {"nl"}
    assert {"en", "nl"} <= dictionary.languages_of("roman")
    assert dictionary.languages_of("protasevich") == frozenset()
