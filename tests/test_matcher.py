"""The matcher and the answer service's decision: synonyms, typos, out of scope, ties and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.models import AlternateQuestion, Document, DocumentKind, Entry, Language, Outcome, ParsedDocument
from knowledge.service import AnswerService, InvalidQuestion
from knowledge.storage.store import Store

SANCTIONS = "kamerbrief-2021-03-02-2298/3"
HOTLINE = "kamervragen-2021-07-16/6"


def best_key(service: AnswerService, question: str) -> str | None:
    answer = service.answer(question)
    return answer.best.entry_key if answer.answered and answer.best else None


@pytest.mark.parametrize(
    "question",
    [
        "Heeft het kabinet een speciaal meldpunt voor Belarussen die zich bedreigd voelen?",
        "Is er een meldpunt voor Wit-Russen die bedreigd worden?",
        "Is there a special hotline for Belarusians who feel threatened?",
        "Есть ли горячая линия для белорусов, которым угрожают?",
    ],
)
def test_same_question_in_every_language_and_name_of_the_country(service: AnswerService, question: str) -> None:
    assert best_key(service, question) == HOTLINE


def test_typos_still_find_the_answer(service: AnswerService) -> None:
    assert best_key(service, "is er een meldpnt voor belarusen die zich bedriegd voelen") == HOTLINE


def test_transliterated_names_match(service: AnswerService) -> None:
    dutch = service.answer("arrestatie van Protasevitsj")
    english = service.answer("arrest of Protasevich")
    assert dutch.matches()[0].entry_key == english.matches()[0].entry_key


@pytest.mark.parametrize(
    "question",
    [
        "Wat wordt het weer morgen in Minsk?",
        "Hoe vraag ik een nieuw paspoort aan bij de gemeente?",
        "Welke sancties gelden er tegen Iran?",
        "qwpoeiruty zmxncbv",
        "How do I apply for a residence permit?",
        "Как получить визу в Германию?",
    ],
)
def test_out_of_scope_gets_no_confident_answer(service: AnswerService, question: str) -> None:
    assert not service.answer(question).answered


@pytest.mark.parametrize("greeting", ["hallo", "Goedemorgen!", "hi", "привет", "dank je wel"])
def test_greetings_are_greeted(service: AnswerService, greeting: str) -> None:
    assert service.answer(greeting).outcome is Outcome.GREETING


def test_confidence_is_a_probability_and_matches_are_best_first(service: AnswerService) -> None:
    answer = service.answer("sancties tegen Belarus")
    assert 0.0 <= answer.confidence <= 1.0
    scores = [m.score for m in answer.matches()]
    assert scores == sorted(scores, reverse=True) and len(answer.suggestions) <= 3


def test_a_vague_question_gets_suggestions_not_a_guess(service: AnswerService) -> None:
    answer = service.answer("Belarus")
    assert answer.outcome in (Outcome.SUGGEST, Outcome.NO_ANSWER)


def test_highlight_is_a_sentence_of_the_verbatim_text(service: AnswerService) -> None:
    match = service.search("Moeten mensen die bedreigd worden aangifte doen bij de politie?")[0]
    assert match.highlight is not None
    assert match.text[match.highlight.start : match.highlight.end] == match.highlight.sentence
    assert "aangifte" in match.highlight.sentence


def test_highlight_weighs_rare_words_above_common_ones(service: AnswerService) -> None:
    """One rare word of the question ('ryanair') outweighs three that nearly every passage has."""
    entry = service.store.entry_by_key("kamervragen-2021-07-16/4")
    match = service.entry_match(entry.id or 0, "kabinet belarus nederland ryanair")
    assert match.highlight is not None
    assert "Ryanair" in match.highlight.sentence


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01", "x" * 1501])
def test_invalid_questions_are_refused(service: AnswerService, bad: str) -> None:
    with pytest.raises(InvalidQuestion):
        service.answer(bad)


def test_html_and_control_characters_are_just_text(service: AnswerService) -> None:
    answer = service.answer("<b>meldpunt</b> voor <script>bedreigde</script> Belarussen\u200f\u202e")
    assert answer.query.startswith("<b>meldpunt</b>")


def _newer_position(store: Store) -> None:
    """A later (fictional) letter that updates the figure of the sanctions paragraph."""
    document = Document(
        key="kamerbrief-2022-03-01-9999",
        kind=DocumentKind.KAMERBRIEF,
        title="Brief van de Minister van Buitenlandse Zaken",
        date=dt.date(2022, 3, 1),
    )
    entry = Entry(
        key="kamerbrief-2022-03-01-9999/1",
        document_key=document.key,
        number=1,
        question="Welke sancties heeft de EU tegen Belarus ingesteld?",
        text=(
            "In reactie op de aanhoudende repressie heeft de EU de sancties uitgebreid. Inmiddels zijn onder "
            "dit sanctieregime maatregelen genomen tegen 183 personen en 26 entiteiten in Belarus."
        ),
        topics=["sancties"],
        alternates=[AlternateQuestion(text="Hoeveel personen staan op de EU-sanctielijst voor Belarus?", language=Language.NL)],
    )
    store.add_document(ParsedDocument(document=document, entries=[entry]), "test")


def test_newest_position_leads_and_earlier_stays_reachable(store: Store) -> None:
    service = AnswerService(store)
    before = service.answer("Hoeveel personen staan er op de sanctielijst van de EU voor Belarus?")
    _newer_position(store)
    after = service.answer("Hoeveel personen staan er op de sanctielijst van de EU voor Belarus?")
    assert after.answered and after.best
    assert after.best.entry_key == "kamerbrief-2022-03-01-9999/1", "the newest position leads"
    assert after.best.citation.date == dt.date(2022, 3, 1)
    if before.answered or before.suggestions:
        assert SANCTIONS in [m.entry_key for m in after.earlier + after.suggestions]
    assert [m.entry_key for m in after.earlier] == [SANCTIONS]


def _imported_newer_version(store: Store) -> None:
    """A later (fictional) letter imported as it comes: no curated questions, no topics, and a text
    that is mostly the sanctions paragraph's with a new figure."""
    document = Document(
        key="kamerbrief-2022-03-01-9998",
        kind=DocumentKind.KAMERBRIEF,
        title="Brief van de Minister van Buitenlandse Zaken",
        date=dt.date(2022, 3, 1),
    )
    text = (
        "In reactie op de aanhoudende repressie door de autoriteiten heeft de EU de sancties tegen Belarus "
        "uitgebreid. Inmiddels zijn onder dit sanctieregime maatregelen genomen tegen 183 personen en 26 "
        "entiteiten. Nederland heeft deze uitbreiding gesteund."
    )
    entry = Entry(key="kamerbrief-2022-03-01-9998/1", document_key=document.key, number=1, text=text)
    store.add_document(ParsedDocument(document=document, entries=[entry]), "test")


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel personen staan er op de sanctielijst van de EU voor Belarus?",
        "How many people are under EU sanctions over Belarus?",
        "Сколько человек под санкциями ЕС?",
    ],
)
def test_an_imported_newer_version_leads_though_the_old_passage_has_the_curated_questions(
    store: Store, question: str
) -> None:
    service = AnswerService(store)
    assert best_key(service, question) == SANCTIONS
    _imported_newer_version(store)
    after = service.answer(question)
    assert after.answered and after.best
    assert after.best.entry_key == "kamerbrief-2022-03-01-9998/1", "the newer version leads"
    assert [m.entry_key for m in after.earlier] == [SANCTIONS], "the old paragraph stays reachable"


def test_a_newer_passage_on_another_matter_does_not_take_the_lead(store: Store) -> None:
    """A newer passage is a version only of a passage with much the same text: a question on prison
    visits keeps its answer when a newer sanctions paragraph comes in."""
    service = AnswerService(store)
    question = "Kunnen EU-diplomaten politieke gevangenen in Belarus bezoeken?"
    before = best_key(service, question)
    _imported_newer_version(store)
    assert best_key(service, question) == before


def test_changes_reach_the_matcher_without_a_restart(store: Store) -> None:
    service = AnswerService(store)
    question = "Mag de Nederlandse zaakgelastigde bij politieke processen in Minsk zitten?"
    target = store.entry_by_key("kamerbrief-2021-03-02-2298/6")
    store.update_entry(
        target.id, target.version, "test",
        alternates=[*target.alternates, AlternateQuestion(text=question, language=Language.NL)],
    )
    assert best_key(service, question) == target.key
    store.set_status(target.id, target.status.__class__("retired"), "test")
    assert target.key not in [m.entry_key for m in service.answer(question).matches()]


def test_two_passages_equally_close_are_offered_not_chosen_between(store: Store) -> None:
    """A tie is the user's choice: however high the confidence, no answer without a clear lead."""
    service = AnswerService(store)
    question = "Welke sancties heeft de EU tegen Belarus ingesteld?"
    assert service.answer(question).answered
    sanctions = store.entry_by_key(SANCTIONS)
    twin = sanctions.model_copy(update={"id": None, "key": "kamerbrief-2021-03-02-2298/99", "number": 99})
    store.add_entry(twin, "test")
    answer = service.answer(question)
    assert not answer.answered
    assert {m.entry_key for m in answer.suggestions[:2]} == {SANCTIONS, twin.key}
