"""Issue 11, confidence: neighbouring terms that one phrasing holds together, and realistic stories.

'Посещают ли дипломаты суды над политзаключёнными' has every term of the passage about visiting
prisoners, but its neighbours ('суды над политзаключёнными') are those of the passage about
attending trials: a pair the runner-up holds and the top match lacks is a reason for doubt.
The calibration's stories are one to three sentences, in the question's language.
"""

from __future__ import annotations

import pytest

from knowledge.models import Outcome
from knowledge.search.matcher import neighbour_pairs, pair_share
from knowledge.service import AnswerService
from knowledge.text.analysis import Analysis
from knowledge.tools.calibration import STORY_SENTENCES, story, with_context
from knowledge.tools.evaluation import fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


def test_neighbouring_terms_of_the_question_sentence_are_its_pairs() -> None:
    analysis = Analysis(
        language="nl",
        tokens=(),
        terms=("verhaal", "bezoek", "diplomat", "onbekend", "zitting", "zitting"),
        is_greeting=False,
        context_terms=frozenset({"verhaal"}),
    )
    ids = {"verhaal": 1, "bezoek": 2, "diplomat": 3, "zitting": 4}
    # The story's term and the unknown word are no part of a pair; a repeated term pairs with nothing.
    assert neighbour_pairs(analysis, ids) == [(2, 3), (3, 4)]


def test_a_pair_counts_only_when_one_phrasing_holds_both_terms() -> None:
    phrasings = {2: (0, 1), 3: (1,), 4: (2,)}
    assert pair_share(phrasings, [(2, 3), (3, 4)]) == 0.5
    # The phrasing left out for calibration holds nothing.
    assert pair_share(phrasings, [(2, 3), (3, 4)], left_out=1) == 0.0
    assert pair_share(phrasings, []) == 0.0


def test_the_pair_feature_prefers_the_passage_whose_phrasings_hold_the_neighbours(service: AnswerService) -> None:
    ranking = service.matcher.rank("Посещают ли дипломаты суды над политзаключёнными?")
    key = {s.entry_id: service.entry_for(s.entry_id).key for s in ranking.scored}
    pairs = {key[s.entry_id]: s.features["pairs"] for s in ranking.scored[:2]}
    assert pairs["kamerbrief-2021-03-02-2298/6"] > pairs["kamerbrief-2021-03-02-2298/5"]


@pytest.mark.parametrize(
    "question",
    [
        "Посещают ли дипломаты суды над политзаключёнными?",
        "Bezoeken diplomaten de rechtszaken tegen politieke gevangenen?",
    ],
)
def test_visiting_trials_is_not_answered_as_visiting_prisoners(service: AnswerService, question: str) -> None:
    answer = service.answer(question)
    if answer.outcome is Outcome.ANSWER:
        assert answer.matches()[0].entry_key == "kamerbrief-2021-03-02-2298/6"


def test_stories_have_one_to_three_different_sentences() -> None:
    sentences = [f"Zin {n}." for n in range(10)]
    stories = [story(sentences, n) for n in range(30)]
    lengths = {s.count(".") for s in stories}
    assert lengths == set(range(1, STORY_SENTENCES + 1))
    assert all(len(set(s.split(". "))) == s.count(".") for s in stories)
    assert len(set(stories)) > 20


def test_an_out_of_scope_question_gets_a_story_in_its_own_language() -> None:
    context = {"nl": ["Ik woon hier."], "ru": ["Я живу здесь."], "en": ["I live here."]}
    languages = {"Какая погода завтра?": "ru", "Hoe laat is het?": "nl", "What time is it?": "en"}
    told = with_context([], list(languages), context, languages.__getitem__)
    assert told == [("Я живу здесь. Какая погода завтра?", None, None)]


def test_the_threshold_is_chosen_on_what_the_decision_would_answer(service: AnswerService) -> None:
    """A greeting or a question about a later time is never answered, whatever its confidence: the
    threshold is chosen without it; a clear question counts, with the decision's confidence."""
    from knowledge.tools.calibration import decided

    matcher = service.matcher
    clear = "Welke sancties heeft de EU opgelegd aan Belarus?"
    wanted = next(e.id for e in service.store.entries() if e.key == "kamerbrief-2021-03-02-2298/3")
    ranked = [
        (text, wanted, matcher.rank(text, limit=10))
        for text in ("bedankt voor je hulp", "Hoeveel mensen staan er in 2025 op de sanctielijst?", clear)
    ]
    answered = decided(service.decider, matcher.calibration, ranked)
    assert len(answered) == 1
    confidence, right = answered[0]
    assert right == 1 and confidence == pytest.approx(service.answer(clear).confidence, abs=1e-3)
    # The matcher keeps its own calibration afterwards.
    assert matcher.calibration.answer_threshold > 0
