"""Messages with a story before the question: the story must neither dilute a clear match nor lead
to a passage about the story instead of the question (issue 11, item 3)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.models import Outcome
from knowledge.service import AnswerService
from knowledge.text import focus
from knowledge.tools.evaluation import fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


def test_a_question_typed_in_lower_case_after_a_full_stop_is_its_own_sentence() -> None:
    marked = focus.parts("Mijn broer zit vast. De omstandigheden zijn erbarmelijk. zijn er sancties tegen belarus?")
    assert [p.is_question for p in marked] == [False, False, True]
    assert marked[-1].text == "zijn er sancties tegen belarus?"
    # Not after initials or an abbreviation of one letter ('o.a.'), and not before an ordinary word.
    assert focus.parts("Het kabinet zegt het o.a. is dat waar?") == [
        focus.Part("Het kabinet zegt het o.a. is dat waar?", True)
    ]
    assert len(focus.parts("Ik las het. daarna niets meer gehoord.")) == 1


def test_requests_ask_in_every_language() -> None:
    """A request asks without a question mark ('Ik wil graag weten ...'): in a message with a story
    it is the question, not part of the story."""
    assert focus.interrogative("Daarom wil ik graag weten wat Nederland doet voor politieke gevangenen")
    assert focus.interrogative("I would like to know what the Netherlands does for political prisoners")
    assert focus.interrogative("Подскажите, что делает Нидерланды для политзаключённых")
    assert focus.interrogative("Хачу ведаць, што робіць Нідэрланды для палітвязняў")
    assert not focus.interrogative("Ik weet niet wat ik moet doen")


def test_a_request_after_a_story_is_its_question() -> None:
    marked = focus.parts("Mijn broer zit vast in Minsk. Ik wil graag weten of diplomaten hem mogen bezoeken.")
    assert [p.is_question for p in marked] == [False, True]


STORIES = (
    "Mijn broer zit vast in de gevangenis in Zjodino en we mogen hem niet bezoeken. De omstandigheden zijn erbarmelijk.",
    "Ik ben vorig jaar bedreigd na een demonstratie in Amsterdam en heb aangifte gedaan bij de politie.",
    "De motie van Omtzigt ging over Belarus, las ik.",
)


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("question", ["zijn er sancties tegen belarus?", "Zijn er sancties tegen Belarus?"])
def test_a_story_about_something_else_does_not_answer_the_question_for_it(
    service: AnswerService, story: str, question: str
) -> None:
    """The story's words belong to other passages (prisons, threats, the motion): the question asks
    about sanctions, so no passage about the story is a confident answer to it."""
    answer = service.answer(f"{story} {question}")
    if answer.outcome is Outcome.ANSWER:
        assert answer.best is not None
        assert answer.best.entry_key.startswith("kamerbrief-2021-03-02-2298/")
        assert answer.best.entry_key.rsplit("/", 1)[1] in {"3", "4"}


def test_the_passages_closest_to_the_question_itself_are_scored(service: AnswerService) -> None:
    """Among the matches the decision sees is the one the question sentence alone ranks first, and
    each match knows how much of the question sentence (not the story) it covers."""
    story = STORIES[0]
    alone = service.matcher.rank("Zijn er sancties tegen Belarus?").scored[0]
    ranking = service.matcher.rank(f"{story} Zijn er sancties tegen Belarus?")
    by_id = {s.entry_id: s for s in ranking.scored}
    assert alone.entry_id in by_id
    assert by_id[alone.entry_id].features["asked_coverage"] == pytest.approx(1.0)
    assert min(s.features["asked_coverage"] for s in ranking.scored) < 0.5


def test_story_words_no_candidate_has_do_not_count_against_the_match(service: AnswerService) -> None:
    """Words of the story that no passage in the decision has ('tante', 'appeltaart') dilute every
    candidate alike: the top match covers the question as it does without the story."""
    question = "Worden de Europese tegoeden van Belarussische bedrijven bevroren?"
    bare = service.matcher.rank(question).scored[0]
    story = service.matcher.rank(f"Mijn tante bakt graag appeltaart met kaneel en rozijnen. {question}")
    top = story.scored[0]
    assert top.entry_id == bare.entry_id
    assert story.analysis.context_terms
    assert top.features["coverage"] == pytest.approx(bare.features["coverage"], abs=1e-9)


@pytest.mark.parametrize(
    "question",
    [
        "Staat Loekasjenko zelf op de sanctielijst?",
        "staat loekasjenko op de sanctielijst",
        "Is Lukashenko himself on the EU sanctions list?",
        "Лукашенко в санкционном списке ЕС?",
        "Лукашэнка ёсць у санкцыйным спісе?",
    ],
)
def test_whether_a_named_person_is_listed_is_not_answered_by_a_count(service: AnswerService, question: str) -> None:
    """The sanctions passage counts people ('88 personen'), it names none: no answer to 'is X on it'."""
    assert service.answer(question).outcome is not Outcome.ANSWER


@pytest.mark.parametrize(
    "question",
    ["Hoeveel personen staan op de sanctielijst?", "How many people are on the EU sanctions list for Belarus?"],
)
def test_how_many_are_listed_is_still_answered(service: AnswerService, question: str) -> None:
    answer = service.answer(question)
    assert answer.outcome is Outcome.ANSWER
    assert answer.best is not None and answer.best.entry_key == "kamerbrief-2021-03-02-2298/3"


def test_a_claim_to_confirm_is_no_question_for_a_bare_yes(service: AnswerService) -> None:
    """'Ja' answers its own question (has the minister read the article), not a claim sharing its
    words; asked as that question, with 'klopt dat?' after it, it is still answered."""
    claim = service.answer("Geen Wit-Russische activist is nog veilig binnen de EU volgens Karatsj, is dat waar?")
    assert claim.outcome is not Outcome.ANSWER
    own = service.answer("Heeft de minister het artikel van Olga Karatsj gelezen, klopt dat?")
    assert own.outcome is Outcome.ANSWER
    assert own.best is not None and own.best.entry_key == "kamervragen-2021-07-16/1"


def test_shape_words() -> None:
    from knowledge.text.claims import asks_confirmation
    from knowledge.text.listing import asks_listed

    assert asks_listed(["staat", "hij", "op", "de", "sanctielijsten"]) and asks_listed(["в", "списке"])
    assert not asks_listed(["listen", "to", "me"])
    assert asks_confirmation(["is", "dat", "waar"]) and asks_confirmation(["это", "правда"])
    assert not asks_confirmation(["waar", "kan", "ik", "dat", "melden"])


def test_a_comparative_before_a_word_asks_for_more_of_it(service: AnswerService) -> None:
    analyzer = service.matcher.analyzer
    more = analyzer.more_term
    assert more in analyzer.analyse("Komen er nog meer sancties?", asked=True).terms
    assert more in analyzer.analyse("Будут ли ещё санкции?", asked=True).terms
    # 'among others', 'no longer', and the documents' own text keep their words.
    assert more not in analyzer.analyse("onder meer inreisverboden", asked=True).terms
    assert more not in analyzer.analyse("ik voel me niet meer veilig", asked=True).terms
    assert more not in analyzer.analyse("geen enkele Wit-Russische activist meer veilig", asked=True).terms
    assert more not in analyzer.analyse("Komen er nog meer sancties?").terms


@pytest.mark.parametrize(
    "question", ["Komen er meer sancties tegen Belarus?", "Will there be more sanctions against Belarus?"]
)
def test_more_sanctions_finds_the_passage_about_further_measures(service: AnswerService, question: str) -> None:
    answer = service.answer(question)
    assert answer.matches() and answer.matches()[0].entry_key == "kamerbrief-2021-03-02-2298/4"


def test_more_of_something_is_not_answered_by_what_there_is_now(service: AnswerService) -> None:
    """'nog meer sancties ingesteld' shares 'ingesteld' with the passage on the sanctions imposed; the
    passage on further measures has the 'more': the first is no confident answer then."""
    answer = service.answer("worden er nog meer sancties ingesteld?")
    if answer.outcome is Outcome.ANSWER:
        assert answer.best is not None and answer.best.entry_key == "kamerbrief-2021-03-02-2298/4"


@pytest.mark.parametrize(
    "sentence",
    [
        "Doet Nederland hier eigenlijk iets mee?",
        "Kan Nederland daar richting Minsk iets tegen doen?",
        "Is dat waar?",
        "Bestaat zoiets echt?",
        "Ziet de Nederlandse regering dat ook zo?",
        "Can the Netherlands do anything about that?",
        "Правда ли это?",
        "Ці праўда гэта?",
    ],
)
def test_a_question_pointing_back_leans_on_its_story(service: AnswerService, sentence: str) -> None:
    assert focus.leans(sentence, service.matcher.analyzer.function_words)


@pytest.mark.parametrize(
    "sentence",
    [
        "Zijn er sancties tegen Belarus?",
        # A determiner before its noun, or 'dat' joining a clause: the sentence names what it asks.
        "Doet Nederland iets aan die omstandigheden in de gevangenissen?",
        "Zijn er signalen dat Minsk operaties in de EU plant?",
        "Is there a hotline for Belarusians?",
    ],
)
def test_a_question_that_says_what_it_asks_does_not_lean(service: AnswerService, sentence: str) -> None:
    assert not focus.leans(sentence, service.matcher.analyzer.function_words)


def test_a_leaning_question_reads_the_words_of_the_store_in_the_sentence_it_points_to(service: AnswerService) -> None:
    """'Doet Nederland hier iets mee?' asks about the prison conditions of the sentence before it:
    their terms count as the question's, the asker's own words (the father, the mattress) stay the
    story's, and the sentence before that is not read into it."""
    message = (
        "Ik woon in Utrecht. Mijn vader zit in de cel in Mogilev en de omstandigheden zijn verschrikkelijk, "
        "hij heeft niet eens een matras. Doet Nederland hier eigenlijk iets mee?"
    )
    analysis = service.matcher.analyse(message)
    asked = set(analysis.terms) - analysis.context_terms
    conditions = set(service.matcher.analyzer.terms("omstandigheden"))
    assert conditions and conditions <= asked
    assert set(service.matcher.analyzer.terms("matras")) <= analysis.context_terms
    assert set(service.matcher.analyzer.terms("woon")) <= analysis.context_terms
    # Without the pointing word the same story stays context.
    plain = service.matcher.analyse(message.replace("hier eigenlijk iets mee", "eigenlijk iets"))
    assert conditions <= plain.context_terms


def test_a_question_that_says_enough_itself_does_not_take_the_story(service: AnswerService) -> None:
    """A question with more of the store's words than a thin one ('... die zich hier onveilig voelen')
    is read as it stands, however it points back."""
    message = "Mijn broer is bedreigd in Minsk. Krijgt de overheid ook meldingen van Belarussen die zich hier onveilig voelen?"
    analysis = service.matcher.analyse(message)
    assert set(service.matcher.analyzer.terms("bedreigd")) <= analysis.context_terms


NEUTRAL_STORY = (
    "Ik woon sinds drie jaar in Zwolle met mijn man en twee kinderen. "
    "Mijn tante en neef vragen me dit steeds en ik schaam me dat ik het niet weet."
)
CLEAR_QUESTION = "Heeft Nederland de Belarussische autoriteiten opgeroepen het geweld tegen demonstranten te stoppen?"


def test_a_story_about_the_asker_does_not_cost_a_clear_answer(service: AnswerService) -> None:
    """The question alone is answered; the asker's town, family and shame say nothing against that
    passage, so with them in front it is still the answer (the whole message alone is not sure)."""
    alone = service.answer(CLEAR_QUESTION)
    assert alone.answered and alone.best is not None
    message = f"{NEUTRAL_STORY} {CLEAR_QUESTION}"
    ranking = service.matcher.rank(message)
    assert ranking.analysis.asked_text == CLEAR_QUESTION
    assert service.decider._decide(message, ranking).outcome is not Outcome.ANSWER
    answer = service.answer(message)
    assert answer.answered and answer.best is not None
    assert answer.best.entry_key == alone.best.entry_key


def test_a_story_with_words_of_another_match_is_not_left_out(service: AnswerService) -> None:
    """A story naming what another plausible passage is about ('Ryanair') tells which one is meant:
    the question is not decided without it. Only a plausible match counts."""
    message = f"{NEUTRAL_STORY} {CLEAR_QUESTION}"
    ranking = service.matcher.rank(message)
    best, rival = ranking.scored[0], ranking.scored[1]
    decider = service.decider
    assert not decider._story_points_elsewhere(ranking.analysis, best, [rival])
    (name,) = service.matcher.analyzer.terms("Ryanair")
    term = service.index.terms.get(name)
    assert term is not None and term not in best.covered
    pointing = replace(ranking.analysis, context_terms=ranking.analysis.context_terms | {name})
    floor = service.matcher.calibration.suggest_threshold
    about_it = replace(rival, covered={**rival.covered, term: 0.1}, relevance=floor)
    assert decider._story_points_elsewhere(pointing, best, [about_it])
    assert not decider._story_points_elsewhere(pointing, best, [replace(about_it, relevance=floor / 2)])
    assert not decider._story_points_elsewhere(ranking.analysis, best, [about_it])


def test_a_message_without_a_story_has_no_focus(service: AnswerService) -> None:
    assert service.matcher.analyse(CLEAR_QUESTION).asked_text is None
    assert service.matcher.analyse("Ik ben bang. Mijn broer zit vast.").asked_text is None
