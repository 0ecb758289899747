"""The language of a short English or Dutch question (interface language of the reply): function words
of one language only; in a sentence whose function words are shared ('Is', 'Was'), the words the
store's phrasings use in one language only ('sanctions', 'free')."""

from __future__ import annotations

import pytest

from knowledge.models import Language
from knowledge.service import AnswerService
from knowledge.text.analysis import Analyzer
from knowledge.text.languages import phrasing_vocabulary, question_language
from knowledge.tools.evaluation import fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is Sapega free?", Language.EN),
        ("Is Sofia Sapega free?", Language.EN),
        ("Is Belarus under sanctions?", Language.EN),
        ("Was anyone threatened here?", Language.EN),
        ("Is there a hotline?", Language.EN),
        ("Is er een meldpunt?", Language.NL),
        ("Is het veilig voor Belarussen?", Language.NL),
        ("Was er een gedwongen landing?", Language.NL),
        ("Is Loekasjenko vrij?", Language.NL),
    ],
)
def test_short_questions_by_their_own_words(service: AnswerService, question: str, language: Language) -> None:
    assert service.question_language(question) is language


def test_a_keyword_query_without_function_words_is_left_to_the_asker(service: AnswerService) -> None:
    assert service.question_language("sancties Belarus inreisverboden") is None


def test_only_words_of_one_language_in_the_phrasings_tell_it() -> None:
    analyzer = Analyzer()
    vocabulary = phrasing_vocabulary(
        [("Which sanctions apply to Belarus?", Language.EN), ("Welke sancties gelden voor Belarus?", Language.NL)],
        analyzer,
    )
    assert vocabulary["sanctions"] is Language.EN and vocabulary["sancties"] is Language.NL
    assert "belarus" not in vocabulary and "which" not in vocabulary
    assert question_language("Is Minsk sanctions?", analyzer, vocabulary) is Language.EN
    # Without the phrasings the word lists tell it ('sanctions' is English only); a word of none, nothing.
    assert question_language("Is Minsk sanctions?", analyzer) is Language.EN
    assert question_language("Is Minsk sankcii?", analyzer) is None
    assert question_language("sanctions Minsk", analyzer, vocabulary) is None


def test_names_in_the_phrasings_tell_no_language() -> None:
    """'Sofia' spelt out in a Dutch phrasing only must not make 'Is Sofia Sapega free?' Dutch."""
    vocabulary = phrasing_vocabulary(
        [("Is Sapega free?", Language.EN), ("Wat is er met Sofia Sapega gebeurd?", Language.NL)], Analyzer()
    )
    assert "sofia" not in vocabulary and vocabulary["free"] is Language.EN and vocabulary["gebeurd"] is Language.NL
